#!/usr/bin/env bash
# The main job: read every plan in wards/ and write the reports into exports/:
# plans.json, and plans.xml (schema/wardplans-1.xsd, validated before it replaces the old file).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh libxml2-dev pkg-config poppler-utils
swift build -c release --product wardplan
mkdir -p exports
.build/release/wardplan extract wards/ --output exports/plans.json --xml exports/plans.xml
