// Stage 6: the worker that loads the browser's locale data off the main thread while the
// page starts (web/intl-warmup.js), under a content-hashed name, named in the start tag
// (`data-cvc-intl`) for start.js to start. Only the page and the iframe start it: another
// site's page may not start a worker of this origin.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minified } from "./minify.mjs";

export async function run(build) {
  const script = await minified(build, readFileSync(join(build.source, "web/intl-warmup.js"), "utf8"), false);
  const name = `intl-warmup-${createHash("sha256").update(script).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(build.staging, name), script);
  build.names.intlWarmup = name;
  // The tag the program's stage wrote, minified or not (quotes may be dropped).
  const startTag = /(<script\b[^>]*?\bsrc=("?)([^"\s>]*)start\.js\2)/;
  const start = build.page.match(startTag) ?? build.fail("index.html has no start.js tag to name the formats' worker in");
  build.page = build.page.replace(startTag, `$1 data-cvc-intl="${start[3]}${name}"`);
}
