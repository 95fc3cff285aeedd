#!/usr/bin/env bash
# Classification throughput on the seed plans repeated to 100 MB, on one core (a benchmark, not a test).
# The figure goes into README.md and docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh libxml2-dev pkg-config
swift build -c release --product ClassifierBenchmark
.build/release/ClassifierBenchmark "$@"
