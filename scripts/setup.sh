#!/usr/bin/env bash
# Installs what WardPlans needs on a fresh Debian machine, skipping what is already there.
# Used by scripts/run.sh and scripts/test.sh; safe to run again.
set -euo pipefail

need_apt=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || {
  echo "setup: Swift 6 is not on PATH; install the Swift toolchain (https://swift.org/install) and run again" >&2
  exit 1
}
