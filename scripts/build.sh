#!/usr/bin/env bash
# Builds the release bundle into dist/, as it is hosted: the size flags of scripts/env.sh,
# then trunk build --release (with its post-build stages, scripts/post-build/). Extra
# arguments go to trunk, for example --public-url /repo/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
exec env "${CVC_WASM_ENV[@]}" "${CVC_RELEASE_ENV[@]}" trunk build --release "$@"
