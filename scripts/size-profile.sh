#!/usr/bin/env bash
# Where the bytes of the wasm go, by crate and by module of this project, from the wasm
# that still has its names (built by scripts/build.sh). Writes the tables to stdout;
# docs/size.md quotes them. Installs twiggy 0.8.0 when it is missing (about 2 minutes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! twiggy --version 2>/dev/null | grep -q "0.8.0"; then
  cargo install twiggy --version 0.8.0 >&2
fi
exec node scripts/size-profile.mjs "${1:-target/wasm32-unknown-unknown/release/customer-value-calculator.wasm}"
