// Stage 2: a release's JS, minified with terser: each entry's wasm-bindgen JS and its
// split's loader, start.js and first-paint.js. Their sources in
// web/ keep their comments (docs/size.md). The other stages minify what they write with
// `minified`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

/** A release's JS, minified; a development build's, as it is. `module` says whether it
 * is an ES module (start.js, embed.js, wasm-bindgen's) or a classic script. */
export async function minified(build, code, module = true) {
  if (!build.release) return code;
  // Property names stay: the wasm's imports are looked up by name on the import object.
  const result = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  return result.code ?? build.fail("terser returned no code");
}

export async function run(build) {
  for (const [file, module] of [[build.names.js, true], [build.names.loader, true], [build.names.embedJs, true], [build.names.embedLoader, true], [build.names.iframeJs, true], [build.names.iframeLoader, true], ["start.js", true]]) {
    const path = join(build.staging, file);
    writeFileSync(path, await minified(build, readFileSync(path, "utf8"), module));
  }
}
