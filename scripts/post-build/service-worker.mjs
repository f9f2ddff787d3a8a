// Stage 7: a release's service worker, with this release's name and precache list (every
// file the page needs to open and work offline: the program's main module and loader, and
// every chunk the page's parts are drawn by), named in index.html's start.js tag;
// release.json, which names the release served, and the same name on the tag. A development build (trunk
// serve) gets web/sw-dev.js instead, which removes any release worker left at the same
// address so it never gets in the way.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ICONS } from "./manifest.mjs";
import { minified } from "./minify.mjs";
import { addToStartTag } from "./program-wasm.mjs";

export async function run(build) {
  const { js, wasm, loader, css } = build.names;
  if (!build.release) {
    writeFileSync(join(build.staging, "sw.js"), readFileSync(join(build.source, "web/sw-dev.js")));
    return;
  }
  // Every chunk of the page's entry; not the embed's entry or the iframe's, which only
  // another site's page loads, nor the embed demo.
  const chunks = build.chunks.page.files;
  const precached = ["start.js", "first-paint.js", build.names.intlWarmup, js, loader, wasm, css, ...chunks, "manifest.webmanifest", ...ICONS.map((icon) => icon.src)];
  const digest = createHash("sha256").update(build.page);
  for (const file of precached) digest.update(readFileSync(join(build.staging, file)));
  const release = digest.digest("hex").slice(0, 16);
  const worker = readFileSync(join(build.source, "web/sw.js"), "utf8")
    .replace("__RELEASE__", release)
    .replace("__FILES__", JSON.stringify(["./", ...precached]));
  writeFileSync(join(build.staging, "sw.js"), await minified(build, worker, false));
  // Which release is served now, for a page left open across a deploy (web/start.js asks
  // it when a chunk cannot come). Never precached: it must come from the server.
  writeFileSync(join(build.staging, "release.json"), `${JSON.stringify({ release })}\n`);
  addToStartTag(build, (base) => `data-cvc-sw="${base}sw.js" data-cvc-release="${release}"`, "name the release in");
  console.log(`post-build: service worker for release ${release}, ${precached.length + 1} files`);
}
