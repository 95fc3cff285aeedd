#!/usr/bin/env bash
# Checks every XML file the tool writes from the seed plans with two validators outside the tool:
# xmllint (libxml2, Debian libxml2-utils) and the Python xmlschema package (as XML Schema 1.0 and
# 1.1). Also checks that both reject a broken report, so a check that passes means something.
# Called by scripts/test.sh after the build; needs .build/debug/wardplan.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/setup.sh libxml2-utils
BIN=.build/debug/wardplan
OUT=.build/xml-check
rm -rf "$OUT"
mkdir -p "$OUT"

"$BIN" extract Tests/Fixtures/seeds --format xml --quiet --output "$OUT/plans.xml"
"$BIN" extract Tests/Fixtures/seeds --format xml --quiet --output "$OUT/plans.edxml" \
  --edxml --from 000.00.00.H26 --to 000.00.00.G12 --code 15/BC-SNV --date 2026-11-22 --place "Hà Nội"
reports=("$OUT/plans.xml" Tests/Goldens/xml/full-plan.xml)
envelopes=("$OUT/plans.edxml")
broken=Tests/Fixtures/xml/broken-report.xml

echo "xml check: xmllint $(xmllint --version 2>&1 | head -1 | sed 's/.*version //')"
xmllint --noout --schema schema/wardplans-1.xsd "${reports[@]}"
xmllint --noout --schema schema/edxml-qcvn102-subset-1.xsd "${envelopes[@]}"
if xmllint --noout --schema schema/wardplans-1.xsd "$broken" 2>/dev/null; then
  echo "xml check: xmllint accepted $broken, which is invalid" >&2
  exit 1
fi

# The Python validator: the machine's own if it has xmlschema, else a virtual environment in .build.
PY=python3
if ! "$PY" -c 'import xmlschema' 2>/dev/null; then
  VENV=.build/xmlcheck-venv
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" 2>/dev/null || { scripts/setup.sh python3-venv && python3 -m venv "$VENV"; }
  fi
  "$VENV/bin/python" -c 'import xmlschema' 2>/dev/null || "$VENV/bin/python" -m pip install -q xmlschema
  PY="$VENV/bin/python"
fi

"$PY" - "$broken" "${#reports[@]}" "${reports[@]}" "${envelopes[@]}" <<'PYTHON'
import sys
import xmlschema

broken, count = sys.argv[1], int(sys.argv[2])
reports, envelopes = sys.argv[3:3 + count], sys.argv[3 + count:]
print(f"xml check: xmlschema {xmlschema.__version__}")
for cls in (xmlschema.XMLSchema10, xmlschema.XMLSchema11):
    report = cls("schema/wardplans-1.xsd")
    envelope = cls("schema/edxml-qcvn102-subset-1.xsd")
    for path in reports:
        report.validate(path)
    for path in envelopes:
        envelope.validate(path)
    if report.is_valid(broken):
        sys.exit(f"xml check: xmlschema ({cls.__name__}) accepted {broken}, which is invalid")
    print(f"xml check: {cls.__name__}: {len(reports) + len(envelopes)} files valid, the broken one rejected")
PYTHON
echo "xml check: passed"
