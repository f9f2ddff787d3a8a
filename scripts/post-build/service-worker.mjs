// Stage 6: a release's service worker, with this release's name and precache list (every
// file the page needs to open and work offline, the extras module too), named in
// index.html's start.js tag with the extras module's files; release.json, which names
// the release served, and the same name on the tag. A development build (trunk
// serve) gets web/sw-dev.js instead, which removes any release worker left at the same
// address so it never gets in the way.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ICONS } from "./manifest.mjs";
import { minified } from "./minify.mjs";

export async function run(build) {
  const { js, wasm, css, extrasJs, extrasWasm, embedJs, embedWasm } = build.names;
  // The tag Trunk wrote from pattern_script, minified or not (quotes may be dropped).
  const startTag = /<script\b([^>]*?)\bsrc=("?)([^"\s>]*)start\.js\2/;
  const start = build.page.match(startTag) ?? build.fail("index.html has no start.js tag to name the extras module in");
  const base = start[3];
  const named = (attributes) => `<script ${attributes}${start[1]}src=${start[2]}${base}start.js${start[2]}`;
  // The extras module for the panels and charts; the embed module for the page inside an
  // iframe (?embed=1), which tells its parent what was calculated.
  const extras = `data-cvc-extras-js="${base}${extrasJs}" data-cvc-extras-wasm="${base}${extrasWasm}" data-cvc-embed-js="${base}${embedJs}" data-cvc-embed-wasm="${base}${embedWasm}"`;
  if (!build.release) {
    build.page = build.page.replace(startTag, named(extras));
    writeFileSync(join(build.staging, "sw.js"), readFileSync(join(build.source, "web/sw-dev.js")));
    return;
  }
  // Not the embed demo, which is another site's page, nor the embed module, which only
  // other sites' pages load.
  const precached = ["start.js", "first-paint.js", js, wasm, css, extrasJs, extrasWasm, "manifest.webmanifest", ...ICONS.map((icon) => icon.src)];
  const digest = createHash("sha256").update(build.page);
  for (const file of precached) digest.update(readFileSync(join(build.staging, file)));
  const release = digest.digest("hex").slice(0, 16);
  const worker = readFileSync(join(build.source, "web/sw.js"), "utf8")
    .replace("__RELEASE__", release)
    .replace("__FILES__", JSON.stringify(["./", ...precached]));
  writeFileSync(join(build.staging, "sw.js"), await minified(build, worker, false));
  // Which release is served now, for a page left open across a deploy (web/start.js asks
  // it when the extras module cannot come). Never precached: it must come from the server.
  writeFileSync(join(build.staging, "release.json"), `${JSON.stringify({ release })}\n`);
  build.page = build.page.replace(startTag, named(`data-cvc-sw="${base}sw.js" data-cvc-release="${release}" ${extras}`));
  console.log(`post-build: service worker for release ${release}, ${precached.length + 1} files`);
}
