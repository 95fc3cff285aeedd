#!/usr/bin/env bash
# Checks every XML file the tool writes from the seed plans with two validators outside the tool:
# xmllint (libxml2, Debian libxml2-utils) and the Python xmlschema package (as XML Schema 1.0 and
# 1.1), including the report with the comparison (compare --xml). Also checks that both reject a
# broken report, one whose comparison names a task the plans do not hold and one that lists a
# phrase twice, and that every evidence names a phrase report/phrases lists (format 3; not a
# keyref of the schema, see wardplans-3.xsd), so a check that passes means something.
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
# The plans with the comparison (compare --xml), bare and in an envelope.
"$BIN" compare Tests/Fixtures/seeds --xml "$OUT/report.xml" --as-of 2026-07-01 --quiet
"$BIN" compare Tests/Fixtures/seeds --xml "$OUT/report.edxml" --as-of 2026-07-01 --quiet \
  --edxml --from 000.00.00.H26 --to 000.00.00.G12 --code 16/BC-SNV --date 2026-11-22 --place "Hà Nội"
grep -q '<comparison asOf="2026-07-01"' "$OUT/report.xml" || { echo "xml check: $OUT/report.xml has no comparison" >&2; exit 1; }
reports=("$OUT/plans.xml" "$OUT/report.xml" Tests/Goldens/xml/full-plan.xml)
envelopes=("$OUT/plans.edxml" "$OUT/report.edxml")
# A compare report whose comparison names a task the plans do not hold: the keyref must refuse it.
dangling="$OUT/dangling-task.xml"
awk '/<withoutProduct>/ { inside = 1 }
  inside && !done && /<task id="/ { sub(/<task id="[^"]*"/, "<task id=\"ha-noi.phuong-khong-co.2026.1-kh-ubnd/task-1\""); done = 1 }
  { print }' "$OUT/report.xml" > "$dangling"
cmp -s "$dangling" "$OUT/report.xml" && { echo "xml check: could not make $dangling" >&2; exit 1; }
# A report that lists its first phrase twice (the key refuses it), and one whose first listed
# phrase has another id (the evidence naming it names nothing listed: the check below refuses it).
twice="$OUT/phrase-twice.xml"
awk '!done && /<phrase id="p[0-9a-f]*">/ { print; done = 1 } { print }' "$OUT/report.xml" > "$twice"
unlisted="$OUT/unlisted-phrase.xml"
awk '!done && /<phrase id="p[0-9a-f]*">/ { sub(/<phrase id="p[0-9a-f]*">/, "<phrase id=\"p000000000000\">"); done = 1 }
  { print }' "$OUT/report.xml" > "$unlisted"
for made in "$twice" "$unlisted"; do
  cmp -s "$made" "$OUT/report.xml" && { echo "xml check: could not make $made" >&2; exit 1; }
done
broken=Tests/Fixtures/xml/broken-report.xml

echo "xml check: xmllint $(xmllint --version 2>&1 | head -1 | sed 's/.*version //')"
xmllint --noout --schema schema/wardplans-3.xsd "${reports[@]}"
xmllint --noout --schema schema/edxml-qcvn102-subset-1.xsd "${envelopes[@]}"
for bad in "$broken" "$dangling" "$twice"; do
  if xmllint --noout --schema schema/wardplans-3.xsd "$bad" 2>/dev/null; then
    echo "xml check: xmllint accepted $bad, which is invalid" >&2
    exit 1
  fi
done

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

"$PY" - "$broken" "$dangling" "$twice" "$unlisted" "${#reports[@]}" "${reports[@]}" "${envelopes[@]}" <<'PYTHON'
import sys
import xml.etree.ElementTree as ET
import xmlschema

broken, dangling, twice, unlisted, count = sys.argv[1:5] + [int(sys.argv[5])]
reports, envelopes = sys.argv[6:6 + count], sys.argv[6 + count:]
NS = "{urn:wardplans:report:3}"


def unresolved(path):
    """Evidence whose @phrase is not an id of report/phrases, and how many evidence there are."""
    root = ET.parse(path).getroot()
    report = root if root.tag == NS + "report" else root.find(f".//{NS}report")
    listed = {p.get("id") for p in report.find(NS + "phrases")}
    evidence = [e for name in ("evidence", "areaEvidence") for e in report.iter(NS + name)]
    return [e.get("phrase") for e in evidence if e.get("phrase") not in listed], len(evidence)


total = 0
for path in reports + envelopes:
    missing, found = unresolved(path)
    if missing:
        sys.exit(f"xml check: {path}: evidence names phrases report/phrases does not list: {missing[:5]}")
    total += found
if total == 0 or not unresolved(unlisted)[0]:
    sys.exit("xml check: the phrase check found no evidence, or accepted " + unlisted)
print(f"xml check: {total} evidence name a listed phrase; {unlisted} refused")
print(f"xml check: xmlschema {xmlschema.__version__}")
for cls in (xmlschema.XMLSchema10, xmlschema.XMLSchema11):
    report = cls("schema/wardplans-3.xsd")
    envelope = cls("schema/edxml-qcvn102-subset-1.xsd")
    for path in reports:
        report.validate(path)
    for path in envelopes:
        envelope.validate(path)
    for bad in (broken, dangling, twice):
        if report.is_valid(bad):
            sys.exit(f"xml check: xmlschema ({cls.__name__}) accepted {bad}, which is invalid")
    print(f"xml check: {cls.__name__}: {len(reports) + len(envelopes)} files valid, the 3 broken ones rejected")
PYTHON
echo "xml check: passed"
