#!/usr/bin/env bash
# The workbook of `compare --xlsx` opened by LibreOffice: each sheet converted to CSV must have the
# same rows as the CSV file of the same name (issue 13), with the Vietnamese text intact.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/setup.sh libreoffice-calc python3
swift build --product wardplan >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# With a list of units (two provinces), so the workbook also has its registry sheet.
.build/debug/wardplan compare wards --xlsx "$work/report.xlsx" --csv "$work/csv" --as-of 01/07/2026 --quiet \
  --province "Hải Phòng" --province "Hà Nội"
# The last field, -1, writes every sheet to its own file: report-<sheet>.csv.
timeout 300 soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  "$work/report.xlsx" --outdir "$work/lo" >/dev/null 2>&1
python3 - "$work" <<'PY'
import csv, sys, pathlib
work = pathlib.Path(sys.argv[1])
def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.reader(f)]
def unguard(value):
    # The CSV files guard a leading = + - @ with ' against formula injection; the workbook stores
    # text cells, which need no guard.
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value
sheets = ["tasks", "gaps", "targets", "coverage", "registry"]
problems = 0
for sheet in sheets:
    converted = work / "lo" / f"report-{sheet}.csv"
    if not converted.exists():
        print(f"xlsx: LibreOffice wrote no sheet {sheet}: {sorted(p.name for p in (work / 'lo').glob('*'))}")
        problems += 1
        continue
    mine = [[unguard(v) for v in r] for r in rows(work / "csv" / f"{sheet}.csv")]
    theirs = rows(converted)
    if mine != theirs:
        problems += 1
        for i, (a, b) in enumerate(zip(mine, theirs)):
            if a != b:
                print(f"xlsx: {sheet} row {i + 1} differs:\n  csv:  {a}\n  xlsx: {b}")
                break
        else:
            print(f"xlsx: {sheet}: {len(mine)} CSV rows, {len(theirs)} workbook rows")
    else:
        print(f"xlsx: sheet {sheet}: {len(theirs)} rows, the same as {sheet}.csv")
if not any("Phường" in v for r in rows(work / "lo" / "report-tasks.csv") for v in r):
    print("xlsx: the Vietnamese text did not survive"); problems += 1
sys.exit(1 if problems else 0)
PY
