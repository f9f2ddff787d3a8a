#!/usr/bin/env bash
# Fails when the release bundle grows past its budgets, and prints the figures either way.
# Sizes are gzip -9, as a host would serve them.
#
# - The first load: what a phone fetches to show the calculator and let it be used: the
#   page, the JS loaders, the page's wasm and the stylesheet. Files a visitor does not
#   fetch to see it (embed.js and its demo page, the service worker, the manifest and
#   icons) are not counted.
# - The extras module (crates/extras: the tool panels, the presenter view, the charts),
#   fetched when a part is first wanted, and kept by the service worker once the page is
#   on screen.
#
# - What another site fetches for one calculator (the element, or a container): embed.js,
#   the embed module (crates/embed) and the stylesheet; the extras module comes too for
#   the full calculator's charts, and is counted above.
#
# Each line is at most what the bundle reached plus 5%, so that later work cannot grow
# it unnoticed; the first load's is also at most issue 9's 150,000. A feature that needs
# more room raises a line in its own commit, with the figures in the message
# (docs/size.md keeps the history).
set -euo pipefail
dist=${1:-dist}
BUDGET_GZIP_BYTES=150000
EXTRAS_BUDGET_GZIP_BYTES=230300
EMBED_BUDGET_GZIP_BYTES=173700
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: build the release bundle first" >&2; exit 1; }

# budget TITLE WHAT LINE REQUIRED FILE...: prints each file's raw and gzip -9 size and
# their total, and fails when the total is over LINE (or, when REQUIRED is "required", a
# file is missing); WHAT names the total in the failure.
budget() {
  local title=$1 what=$2 line=$3 required=$4 total=0 file raw gz
  shift 4
  printf '%-48s %10s %10s\n' "$title" "raw" "gzip -9"
  for file in "$@"; do
    if [ ! -f "$file" ]; then
      [ "$required" = required ] && { echo "FAIL: no $file in $dist" >&2; exit 1; }
      continue
    fi
    raw=$(wc -c < "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total=$((total + gz))
    printf '%-48s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
  done
  printf '%-48s %10s %10d   (budget %d)\n' "total" "" "$total" "$line"
  if [ "$total" -gt "$line" ]; then
    echo "FAIL: $what is $total bytes gzip, over its budget of $line." >&2
    echo "      See docs/size.md for where the bytes go (scripts/size-profile.sh)." >&2
    exit 1
  fi
  echo "ok: within budget ($((line - total)) bytes to spare)"
}

budget "first load" "the first load" "$BUDGET_GZIP_BYTES" optional \
  "$dist"/index.html "$dist"/boot.js "$dist"/start.js "$dist"/customer-value-calculator-*.js \
  "$dist"/first-paint.js "$dist"/customer-value-calculator-*_bg.wasm "$dist"/app-*.css
echo
budget "extras module (when first wanted)" "the extras module" "$EXTRAS_BUDGET_GZIP_BYTES" required \
  "$dist"/extras-*.js "$dist"/extras-*_bg.wasm
echo
budget "another site, one calculator (embed.js)" "another site's calculator" "$EMBED_BUDGET_GZIP_BYTES" required \
  "$dist"/embed.js "$dist"/embed-*.js "$dist"/embed-*_bg.wasm "$dist"/app-*.css
