#!/usr/bin/env bash
# Theme precision and recall and gap precision, recomputed from the labels in Tests/Quality/ (made by
# a reviewer who saw the plans, the taxonomy and the output, not the code) and today's output.
#   scripts/quality.sh                 prints the figures for every labelled set
#   scripts/quality.sh --min 90        also fails when a figure is below 90 % or a gap item is unreviewed
#   scripts/quality.sh --floor 75      fails only when a figure collapses below 75 % (scripts/test.sh)
# docs/quality.md explains the sets, the sampling and the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
# The labelled sets include a PDF (pdftotext) and an OpenDocument file (LibreOffice converts it).
scripts/setup.sh poppler-utils libreoffice-writer
[ -x .build/debug/wardplan ] || swift build --product wardplan >/dev/null
sets=()
for dir in Tests/Quality/*/; do [ -f "$dir/plans.txt" ] && sets+=("$(basename "$dir")"); done
python3 scripts/quality.py score "${sets[@]}" "$@"
