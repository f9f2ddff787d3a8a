#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app locally with live reload, and the
# workshop room's server beside it (SQLite in data/rooms.sqlite), so that rooms work from
# the first command: the page at http://127.0.0.1:8080/, the room API at
# http://127.0.0.1:8081/ (the development build names it in the page's policy, and the
# server lets the page's origin call it). PORT and ROOM_PORT change the ports.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
port=${PORT:-8080}
room_port=${ROOM_PORT:-8081}
cargo build --quiet -p cvc-server
target/debug/cvc-server --listen "127.0.0.1:$room_port" --database sqlite://data/rooms.sqlite \
  --dist "$root/target/no-bundle" --allow-origin "http://127.0.0.1:$port,http://localhost:$port" &
rooms=$!
trap 'kill $rooms 2>/dev/null || true' EXIT
printf '\nServing the app at http://127.0.0.1:%s/ and its rooms at http://127.0.0.1:%s/ (Ctrl-C stops both)\n\n' "$port" "$room_port"
env "${CVC_WASM_ENV[@]}" CVC_ROOM_SERVER="http://127.0.0.1:$room_port" trunk serve --port "$port" "$@"
