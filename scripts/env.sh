# Sourced by the other scripts: puts the project's tools on PATH and picks the route to a
# wasm32 standard library. Where rustup has the target installed, nothing special is needed.
# Otherwise Debian's rustc-web builds std from source (build-std), which needs nightly
# features unlocked; CVC_WASM_ENV holds those variables so that only wasm builds get them
# (build-std applied to a native build would fail).
_cvc_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$_cvc_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

_cvc_wasm_libdir=$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null || true)
if [ -n "$_cvc_wasm_libdir" ] && [ -d "$_cvc_wasm_libdir" ]; then
  export CVC_WASM_ROUTE=rustup
  CVC_WASM_ENV=()
else
  export CVC_WASM_ROUTE=debian-build-std
  if [ -x /usr/bin/cargo ]; then
    # Debian's cargo and rustc must come before rustup's.
    export PATH="/usr/bin:$PATH"
  fi
  CVC_WASM_ENV=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort)
fi

# For the release bundle only (scripts/build.sh): where the standard library is built from
# source, build it for size, and make a panic a bare trap instead of carrying the panic
# machinery and its message formatting (docs/size.md: about 25 KB gzip together). Tests
# keep ordinary panics, so that a failing assertion says what failed.
if [ "$CVC_WASM_ROUTE" = "debian-build-std" ]; then
  CVC_RELEASE_ENV=(
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zunstable-options -Cpanic=immediate-abort"
  )
else
  CVC_RELEASE_ENV=()
fi
unset _cvc_wasm_libdir
