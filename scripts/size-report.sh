#!/usr/bin/env bash
# Prints the size of the release bundle in dist/: each file raw, gzip -9 and brotli, and
# the totals. Every kilobyte here is paid by a phone user on a slow connection.
set -euo pipefail
dist=${1:-dist}
[ -d "$dist" ] || { echo "no $dist/: run trunk build --release first" >&2; exit 1; }
have_brotli=0
command -v brotli >/dev/null 2>&1 && have_brotli=1
printf '| file | raw (bytes) | gzip -9 | brotli |\n|---|---:|---:|---:|\n'
total_raw=0; total_gz=0; total_br=0
for file in "$dist"/*; do
  [ -f "$file" ] || continue
  # The build's own compressed copies (scripts/post-build/precompress.mjs) are not more files.
  case "$file" in *.br|*.gz) continue ;; esac
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=-
  if [ $have_brotli = 1 ]; then br=$(brotli -c -q 11 "$file" | wc -c); total_br=$((total_br + br)); fi
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  name=$(basename "$file" | sed -E 's/-[0-9a-f]{16}/-HASH/')
  printf '| %s | %d | %d | %s |\n' "$name" "$raw" "$gz" "$br"
done
[ $have_brotli = 1 ] || total_br=-
printf '| **total** | %d | %d | %s |\n' "$total_raw" "$total_gz" "$total_br"
