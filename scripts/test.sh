#!/usr/bin/env bash
# Every test: unit and golden tests, end-to-end CLI runs, and the XML files checked with outside
# validators (scripts/checks/xml.sh). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh libxml2-dev pkg-config poppler-utils
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
scripts/checks/xml.sh
