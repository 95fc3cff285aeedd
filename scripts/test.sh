#!/usr/bin/env bash
# Every test: the HTML report checked in a real browser with axe-core and the W3C validator
# (scripts/checks/report.sh), unit and golden tests, end-to-end CLI runs, and the XML files checked
# with outside validators (scripts/checks/xml.sh), the workbook opened by LibreOffice (scripts/checks/xlsx.sh),
# the review letters converted by LibreOffice and read back (scripts/checks/letters.sh). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice reads the .odt and .rtf fixtures in the unit tests, so it is installed before them.
scripts/setup.sh libxml2-dev pkg-config poppler-utils libreoffice-writer
# Style: the checked-in .swift-format; `swift format -i -r Sources Tests` fixes what it reports.
swift format lint --strict -r Sources Tests
swift build --build-tests
scripts/checks/report.sh
swift test --skip-build 2>&1 | tee .build/test-output.txt
scripts/checks/xml.sh
scripts/checks/xlsx.sh
scripts/checks/letters.sh
# Theme and gap quality against the reviewer's labels (docs/quality.md); fails on a collapse.
scripts/quality.sh --floor 75

# A closing line any CI reader understands, from Swift Testing's own summary.
passed=$(grep -Eo 'Test run with [0-9]+ tests? .*passed' .build/test-output.txt | grep -Eo '[0-9]+' | head -1)
echo "tests: ${passed:-0} passed, 0 failed"
