#!/usr/bin/env bash
# Fails when the release bundle grows past its budgets, and prints the figures either way.
# Sizes are gzip -9, as a host would serve them. Each entry's files (the page's, the
# embed's, the iframe's) and which chunk waits for which come from dist/chunks.json
# (scripts/post-build/program-wasm.mjs).
#
# - The first load: what a phone fetches to show the calculator and let it be used: the
#   page, the JS loaders, the worker that loads the locale data, the program's main module
#   and the stylesheet. Files a visitor does not fetch to see it (embed.js and its demo
#   page, the service worker, the manifest and icons) are not counted.
# - The page with its charts: what a desktop visitor fetches until idle (the charts come
#   at once on a wide screen).
# - One line per chunk: the chunk and the shared chunks it waits for, fetched when one of
#   its parts is first wanted (each kept by the service worker once the page is on screen;
#   the embed's only on other sites).
# - What another site fetches for one calculator (the element, or a container): embed.js,
#   the embed entry's main module and the stylesheet; and with its charts' chunk.
# - What an iframe of the calculator (`?embed=1`) fetches to show it: the page, its JS
#   loaders and stylesheet, and the iframe entry's main module.
#
# Each line is at most what the bundle reached plus about 1%, so that later work cannot
# grow it unnoticed. A feature that needs more room raises a line in its own commit, with
# the figures in the message (docs/size.md keeps the history).
set -euo pipefail
dist=${1:-dist}
FIRST_LOAD_GZIP_BYTES=154000
PAGE_WITH_CHARTS_GZIP_BYTES=197200
EMBED_GZIP_BYTES=166500
EMBED_WITH_CHARTS_GZIP_BYTES=210000
IFRAME_GZIP_BYTES=160800
declare -A CHUNK_GZIP_BYTES=(
  [panels]=68800 [presenter]=59800 [charts]=43300 [helpers]=25900
  [room]=38800 [lead]=41400
)
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: build the release bundle first" >&2; exit 1; }
[ -f "$dist/chunks.json" ] || { echo "no $dist/chunks.json: build the release bundle with scripts/build.sh" >&2; exit 1; }

# files ENTRY/WHAT...: an entry's files for each WHAT ("main", or a chunk's name), each once.
files() {
  node -e '
    const program = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const wanted = process.argv.slice(2).flatMap((asked) => {
      const [entry, what] = asked.split("/");
      const files = what === "main" ? program[entry]?.main : program[entry]?.chunks[what];
      if (!files) { console.error(`no ${what} in chunks.json`); process.exit(1); }
      return files;
    });
    for (const file of new Set(wanted)) console.log(`${process.argv[1].replace(/chunks\.json$/, "")}${file}`);
  ' "$dist/chunks.json" "$@"
}

# budget TITLE WHAT LINE FILE...: prints each file's raw and gzip -9 size and their total,
# and marks the run failed when the total is over LINE (it fails at once when a file is
# missing); WHAT names the total in the failure. Every line is printed either way.
failed=0
budget() {
  local title=$1 what=$2 line=$3 total=0 file raw gz
  shift 3
  printf '%-52s %10s %10s\n' "$title" "raw" "gzip -9"
  for file in "$@"; do
    [ -f "$file" ] || { echo "FAIL: no $file in $dist" >&2; exit 1; }
    raw=$(wc -c < "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total=$((total + gz))
    printf '%-52s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
  done
  printf '%-52s %10s %10d   (budget %d)\n' "total" "" "$total" "$line"
  if [ "$total" -gt "$line" ]; then
    echo "FAIL: $what is $total bytes gzip, over its budget of $line." >&2
    echo "      See docs/size.md for where the bytes go (scripts/size-profile.sh)." >&2
    failed=1
    return
  fi
  echo "ok: within budget ($((line - total)) bytes to spare)"
}

page=("$dist"/index.html "$dist"/start.js "$dist"/first-paint.js "$dist"/intl-warmup-*.js "$dist"/app-*.css)
mapfile -t main < <(files page/main)
budget "first load" "the first load" "$FIRST_LOAD_GZIP_BYTES" "${page[@]}" "${main[@]}"
echo
mapfile -t with_charts < <(files page/main page/charts)
budget "the page with its charts (a desktop visitor)" "the page with its charts" "$PAGE_WITH_CHARTS_GZIP_BYTES" "${page[@]}" "${with_charts[@]}"
# Every chunk the build cut has a line, and every line a chunk.
mapfile -t cut < <(node -e 'console.log(Object.keys(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).page.chunks).sort().join("\n"))' "$dist/chunks.json")
lined=$(printf '%s\n' "${!CHUNK_GZIP_BYTES[@]}" | sort)
[ "$(printf '%s\n' "${cut[@]}")" = "$lined" ] || { echo "FAIL: the chunks cut (${cut[*]}) are not the chunks with a line (${!CHUNK_GZIP_BYTES[*]})" >&2; exit 1; }
for chunk in "${cut[@]}"; do
  echo
  mapfile -t own < <(files "page/$chunk")
  budget "chunk $chunk (with the shared chunks it waits for)" "the $chunk chunk" "${CHUNK_GZIP_BYTES[$chunk]}" "${own[@]}"
done
echo
mapfile -t embed < <(files embed/main)
budget "another site, one calculator (embed.js)" "another site's calculator" "$EMBED_GZIP_BYTES" "$dist"/embed.js "$dist"/app-*.css "${embed[@]}"
echo
mapfile -t embed_charts < <(files embed/main embed/charts)
budget "another site, one calculator with its charts" "another site's calculator with its charts" "$EMBED_WITH_CHARTS_GZIP_BYTES" "$dist"/embed.js "$dist"/app-*.css "${embed_charts[@]}"
echo
mapfile -t iframe < <(files iframe/main)
budget "another site, one calculator in an iframe (?embed=1)" "an iframe's calculator" "$IFRAME_GZIP_BYTES" "${page[@]}" "${iframe[@]}"
[ "$failed" = 0 ] || exit 1
