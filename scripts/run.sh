#!/usr/bin/env bash
# The main job: read every plan in wards/ and write the reports into exports/:
#   exports/report.html   the gap report (open it in a browser; prints on A4 landscape)
#   exports/csv/*.csv     tasks, coverage matrix and targets for spreadsheets
#   exports/plans.json    every plan in the common model
#   exports/plans.xml     the same as XML (schema/wardplans-3.xsd, validated before it replaces the old file)
#   exports/report.xml    the plans and the comparison as XML (same schema, validated the same way)
#   exports/letters/*.docx one review letter per ward (Nghị định 30/2020/NĐ-CP form), national items only
# Extra arguments go to `wardplan compare` (e.g. --as-of 2026-07-01 or --lang en).
# Exit code: 0 every plan read, 1 some plan could not be read (the reports cover the others).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh libxml2-dev pkg-config poppler-utils
swift build -c release --product wardplan
mkdir -p exports
status=0
.build/release/wardplan extract wards/ --output exports/plans.json --xml exports/plans.xml --quiet || status=$?
.build/release/wardplan compare wards/ --html exports/report.html --csv exports/csv --xml exports/report.xml "$@" \
  || status=$?
# The letters take the report date from the same --as-of, if one was given.
as_of=()
while [ $# -gt 0 ]; do
  case "$1" in
    --as-of) as_of=(--as-of "$2"); shift 2 ;;
    --as-of=*) as_of=("$1"); shift ;;
    *) shift ;;
  esac
done
.build/release/wardplan letters wards/ --out exports/letters "${as_of[@]}" || status=$?
exit "$status"
