#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app locally with live reload.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
port=${PORT:-8080}
printf '\nServing the app at http://127.0.0.1:%s/ (Ctrl-C stops it)\n\n' "$port"
exec env "${CVC_WASM_ENV[@]}" trunk serve --port "$port" "$@"
