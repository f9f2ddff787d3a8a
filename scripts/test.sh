#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, format and lint checks, native tests (model,
# CLI, app logic), browser tests in headless Chromium, the release build, its size report,
# and end-to-end checks of the release bundle: the whole suite in Chromium (with the
# WordPress plugin in a real WordPress), and the core path in Firefox and WebKit; then the
# room server as a real process on SQLite and on PostgreSQL; then the npm package in a Vite
# site and a server-rendered Astro site.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  local start=$SECONDS
  "$@"
  printf '=== %s: done in %ss\n' "$name" $((SECONDS - start))
}

wasm() { env "${CVC_WASM_ENV[@]}" "$@"; }
browser_tests() {
  # The runner gives a whole suite 20 s by default; the page's takes about 12 s here, and a
  # slow machine must not fail it for that alone.
  wasm CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --target wasm32-unknown-unknown -p cvc-page -p cvc-embed --test web
}

step "format" cargo fmt --all -- --check
step "clippy, native" cargo clippy --all-targets -- -D warnings
# The crates that run in the browser, with their browser tests, and the smallest Yew app
# the first load is measured against (scripts/yew-floor.sh); the pure crates' own
# wasm-only code too (their tests run natively).
wasm_clippy() {
  wasm cargo clippy --target wasm32-unknown-unknown -p customer-value-calculator -p cvc-browser -p cvc-view -p cvc-page -p cvc-extras -p cvc-embed -p yew-floor \
    --lib --bins --tests -- -D warnings
  wasm cargo clippy --target wasm32-unknown-unknown -p cvc-model -p cvc-core --lib -- -D warnings
}
step "clippy, wasm32" wasm_clippy
step "native tests" cargo test
step "fuzz: the room's entry reader, a million cases (release)" \
  env CVC_ROOM_FUZZ_CASES=1000000 cargo test --release --quiet -p cvc-core --test room_fuzz
step "browser tests (headless Chromium)" browser_tests
step "release build" env "${CVC_WASM_ENV[@]}" "${CVC_RELEASE_ENV[@]}" trunk build --release
step "bundle size" scripts/size-report.sh dist
step "first-load budget" scripts/size-budget.sh dist
step "end-to-end (release bundle, headless Chromium; the WordPress plugin in a real WordPress)" node tests/e2e/run.mjs dist
step "end-to-end in the other engines (Firefox ESR, WebKitGTK)" node tests/e2e/engines.mjs dist
step "the room server (its API, faults and two processes, on SQLite and a private PostgreSQL)" node tests/rooms/run.mjs dist
step "the npm package (packed, installed into a Vite site and an Astro site, built, served)" node tests/npm/run.mjs
printf '\nAll checks passed.\n'
