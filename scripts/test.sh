#!/usr/bin/env bash
# Every test: the report's checks in a real browser, with axe-core and the W3C validator
# (scripts/checks/report.sh), then the unit, golden and end-to-end tests. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh libxml2-dev pkg-config
swift build --build-tests
scripts/checks/report.sh
swift test --skip-build 2>&1 | tee .build/test-output.txt
