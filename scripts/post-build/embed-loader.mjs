// Stage 3: embed.js, the loader other sites load by a URL that never changes, with this
// build's hashed names of the page's wasm, its JS and stylesheet, and the extras module.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minified } from "./minify.mjs";

export async function run(build) {
  const { js, wasm, css, extrasJs, extrasWasm } = build.names;
  const names = { __JS__: js, __WASM__: wasm, __CSS__: css, __EXTRAS_JS__: extrasJs, __EXTRAS_WASM__: extrasWasm };
  let loader = readFileSync(join(build.source, "web/embed.js"), "utf8");
  for (const [placeholder, name] of Object.entries(names)) loader = loader.replaceAll(placeholder, name);
  writeFileSync(join(build.staging, "embed.js"), await minified(build, loader));
}
