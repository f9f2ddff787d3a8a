#!/usr/bin/env bash
# Builds the WordPress plugin's release zip, ready for Plugins → Add New → Upload Plugin:
# integrations/wordpress/customer-value-calculator/ with its Hebrew strings compiled
# (msgfmt, from Debian's gettext) and every PHP file linted (php -l) first.
# Usage: scripts/wordpress-zip.sh [OUT]   (default: target/wordpress/customer-value-calculator.zip)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
plugin=integrations/wordpress/customer-value-calculator
out=${1:-target/wordpress/customer-value-calculator.zip}
case "$out" in /*) ;; *) out="$root/$out" ;; esac

for tool in msgfmt zip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "wordpress-zip: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
if command -v php >/dev/null 2>&1; then
  while IFS= read -r file; do
    php -l "$file" >/dev/null || { echo "wordpress-zip: $file does not lint" >&2; exit 1; }
  done < <(find "$plugin" -name '*.php' | sort)
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$plugin" "$staging/"
for po in "$staging"/customer-value-calculator/languages/*.po; do
  msgfmt --check -o "${po%.po}.mo" "$po"
done
# The same files give the same zip: one date for every entry, entries in name order.
find "$staging/customer-value-calculator" -exec touch -h -d '2026-01-01 00:00:00 UTC' {} +
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$staging" && find customer-value-calculator -print | LC_ALL=C sort | zip -X -q "$out" -@)
printf 'wordpress-zip: %s (%d bytes)\n' "${out#"$root"/}" "$(wc -c < "$out")"
