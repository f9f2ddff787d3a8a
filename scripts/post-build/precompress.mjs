// Stage 12, after index.html is written: a release's brotli (quality 11) and gzip (level 9)
// copies of every file a browser fetches compressed, beside it (`X.br`, `X.gz`), so that a
// host serves them without compressing on each request (crates/server does; nginx's
// gzip_static and brotli_static do too). They are not part of the bundle's size or of the
// service worker's list: a browser fetches one of the three, and sizes are counted as
// gzip -9 by scripts/size-budget.sh.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".ts"]);

export async function run(build) {
  if (!build.release) return;
  let count = 0;
  for (const name of readdirSync(build.staging)) {
    const path = join(build.staging, name);
    if (!COMPRESSIBLE.has(extname(name)) || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
  }
  console.log(`post-build: brotli and gzip copies of ${count} files`);
}
