#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine, and skips
# whatever is already there. Safe to run again: each step checks before it installs.
# The recipe follows the project's verified toolchain notes: the wasm32 standard library
# comes from rustup where it exists, otherwise from Debian's rustc-web built with build-std.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo" || true
fi

apt_updated=0
apt_install() {
  # Installs the Debian packages given, updating the index once per run.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
  if [ $apt_updated = 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq || die "apt-get update failed"
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "could not install Debian packages: ${missing[*]}"
}

# --- Rust for the host (native tests, the CLI) -------------------------------------------
command -v cargo >/dev/null 2>&1 || [ -x /usr/bin/cargo ] || apt_install cargo rustc
# --- The wasm32 standard library -------------------------------------------------------------
# shellcheck source=scripts/env.sh
source "$root/scripts/env.sh"
if [ "$CVC_WASM_ROUTE" = "debian-build-std" ]; then
  say "no prebuilt wasm32 std for $(rustc --version 2>/dev/null || echo rustc); using Debian rustc-web with build-std"
  apt_install rustc-web cargo-web rust-web-src rust-web-clippy lld-22
  source "$root/scripts/env.sh"
  [ -d /usr/lib/rustlib/src/rust ] || die "rust-web-src did not provide /usr/lib/rustlib/src/rust"
else
  say "wasm32 target: rustup's prebuilt standard library"
fi

# --- Rust formatter (cargo fmt) ---------------------------------------------------------------
if ! cargo fmt --version >/dev/null 2>&1; then
  if command -v rustup >/dev/null 2>&1; then
    rustup component add rustfmt || die "could not add rustfmt"
  else
    apt_install rustfmt
  fi
fi

# --- Node (for wasm-opt and the end-to-end tooling) -------------------------------------------
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

# --- Cargo-installed tools -------------------------------------------------------------------
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
mkdir -p "$cargo_bin"

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION" || die "could not install trunk $TRUNK_VERSION"
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)
[ -n "$bindgen_version" ] || bindgen_version=0.2.130
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version"; then
  say "cargo install wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force \
    || die "could not install wasm-bindgen-cli $bindgen_version"
fi

# wasm-split-cli cuts the program's wasm into its main module and chunks
# (scripts/post-build/program-wasm.mjs). It matches wasm_split_helpers 0.2.3 (Cargo.toml)
# and special-cases wasm-bindgen's internals: re-test the split on every wasm-bindgen bump.
# It has no --version; cargo's list of installed tools says which one is there.
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli; about 5 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force \
    || die "could not install wasm_split_cli_support $WASM_SPLIT_VERSION"
fi

# --- npm packages: wasm-opt (binaryen), terser (the release's JS), the browser driver for
# end-to-end tests ---------------------------------------------------------------------------
npm_ready() {
  node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" || return 1
  for package in playwright-core puppeteer-core axe-core jsqr pngjs terser react react-dom esbuild; do
    [ -f "node_modules/$package/package.json" ] || return 1
  done
}
if ! npm_ready; then
  say "npm ci (binaryen $BINARYEN_VERSION for wasm-opt; terser; playwright-core, axe-core, react and esbuild for end-to-end tests)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  npm_ready || die "npm ci did not provide wasm-opt $BINARYEN_VERSION, playwright-core and axe-core"
fi

# --- The front-end hosts that install the npm package in tests (tests/npm): Vite and Astro,
# from their committed lock files ------------------------------------------------------------
for app in tests/npm/vite-app tests/npm/astro-app; do
  if [ ! -d "$app/node_modules/.bin" ]; then
    say "npm ci in $app (a front-end host for the npm package's tests)"
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $app"
  fi
done

# --- Headless Chromium and its driver, for browser tests; brotli for the size report -------------
apt_install chromium chromium-driver brotli
[ -x /usr/bin/chromedriver ] || die "chromedriver missing after install"

# --- The other engines visitors bring: Firefox ESR (driven through WebDriver BiDi by
# puppeteer-core) and WebKitGTK, Safari's engine (its WebDriver and MiniBrowser, under a
# virtual display) ---------------------------------------------------------------------------
apt_install firefox-esr webkit2gtk-driver xvfb
[ -x /usr/bin/WebKitWebDriver ] || die "WebKitWebDriver missing after install"

# --- A real WordPress for the plugin's tests (Debian's wordpress 6.1 with MariaDB and PHP's
# own server), and what builds the plugin's zip (gettext's msgfmt, zip) ------------------------
apt_install wordpress mariadb-server php-cli php-mysql gettext zip unzip curl

# --- PostgreSQL 15, for the room server's tests with several processes (tests/rooms/
# starts a private cluster of its own; the server itself bundles SQLite) -----------------
apt_install postgresql

say "ready: $(cargo --version), trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-split-cli $WASM_SPLIT_VERSION, $(node_modules/.bin/wasm-opt --version)"
