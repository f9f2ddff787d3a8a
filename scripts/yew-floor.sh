#!/usr/bin/env bash
# The first load set against the smallest Yew app built the same way (issue 29's goal: at
# most 1.45× of it). Builds benches/yew-floor with the release profile and the size flags
# of scripts/env.sh, runs it through the release's own steps (wasm-bindgen, wasm-opt with
# the build's features, the short import names, terser), checks in Chromium that it shows
# its line, and prints each file gzip -9 and the ratio to the first load of DIST (as
# scripts/size-budget.sh counts it). A benchmark, not a test: docs/size.md quotes it.
#
# Usage: scripts/yew-floor.sh [dist]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dist=${1:-dist}
[ -f "$dist/chunks.json" ] || { echo "no $dist/chunks.json: build the release bundle with scripts/build.sh" >&2; exit 1; }
scripts/setup.sh >/dev/null
# shellcheck source=scripts/env.sh
source scripts/env.sh
# A target folder of its own: the program's builds add the split's relocations to the
# flags, and sharing one folder would rebuild the standard library and Yew in turn.
export CARGO_TARGET_DIR="$root/target/yew-floor"
env "${CVC_WASM_ENV[@]}" "${CVC_RELEASE_ENV[@]}" \
  cargo build --quiet --release --target wasm32-unknown-unknown -p yew-floor
first_load=$(scripts/size-budget.sh "$dist" 2>/dev/null | awk '$1 == "total" { print $2; exit }' || true)
[ -n "$first_load" ] || { echo "could not read the first load from scripts/size-budget.sh $dist" >&2; exit 1; }
exec node scripts/yew-floor.mjs "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/yew-floor.wasm" "$first_load"
