#!/usr/bin/env bash
# Lighthouse on the release bundle (a benchmark, not part of the test command): builds
# the release bundle, installs the npm lighthouse package if it is missing (not saved in
# package.json: the tests do not need it), and runs scripts/lighthouse.mjs.
# Usage: scripts/lighthouse.sh [runs] [--before DIR]   (default 3; DIR: an earlier release
# bundle, run in turns with this one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/build.sh
if ! node_modules/.bin/lighthouse --version 2>/dev/null | grep -q "^13.5.0"; then
  npm install --no-save --no-audit --no-fund lighthouse@13.5.0
fi
exec node scripts/lighthouse.mjs dist "${1:-3}" "${@:2}"
