// Stage 6: the worker that loads the browser's locale data off the main thread while the
// page starts (web/intl-warmup.js), under a content-hashed name, named in the start tag
// (`data-cvc-intl`) for start.js to start. Only the page and the iframe start it: another
// site's page may not start a worker of this origin.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minified } from "./minify.mjs";
import { addToStartTag } from "./program-wasm.mjs";

export async function run(build) {
  const script = await minified(build, readFileSync(join(build.source, "web/intl-warmup.js"), "utf8"), false);
  const name = `intl-warmup-${createHash("sha256").update(script).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(build.staging, name), script);
  build.names.intlWarmup = name;
  addToStartTag(build, (base) => `data-cvc-intl="${base}${name}"`, "name the formats' worker in");
}
