// Trunk's post-build step (Trunk.toml [[hooks]]): it runs in Trunk's staging folder after
// every build, where the hashed file names are known, and runs the stages below in this
// order. Each stage is a file of this folder whose name says what it does; nobody writes
// their outputs by hand.
//
// 1. program-wasm.mjs    the program's wasm (src/main.rs), cut into its main module and
//                        chunks, with the page's profile, flags and wasm-opt passes,
//                        under content-hashed names; the tag that starts the page
// 2. minify.mjs          a release's JS through terser (wasm-bindgen's JS, the loaders)
// 3. embed-loader.mjs    embed.js and frame.js, the loaders with stable names, told this
//                        build's names; the element's TypeScript declarations and
//                        Custom Elements Manifest
// 4. manifest.mjs        the web app manifest and its icons
// 5. first-paint.mjs     first-paint.js given the app's rules; a release's index.html
//                        given the static answer at first paint
// 6. intl-warmup.mjs     the worker start.js starts to load the browser's locale data off
//                        the main thread, under a content-hashed name, named in the
//                        start tag
// 7. service-worker.mjs  a release's service worker with its precache list, and
//                        release.json naming the release (a development build gets a
//                        worker that removes any release worker)
// 8. room-server.mjs     with CVC_ROOM_SERVER, the room server's origin in the page's
//                        policy (connect-src) and in a <meta> the page reads
// 9. leads.mjs           with CVC_LEAD_ENDPOINT, lead capture on the page: the endpoint's
//                        origin in the policy (connect-src), the set-up in <meta> tags
// 10. npm-package.mjs    a release's element as an npm package, in target/npm/package/
// 11. inline-scripts.mjs a check that a release's index.html holds no inline script
// 12. precompress.mjs    once index.html is written: a release's .br and .gz copies
//
// The stages share one `build` object: where things are, whether this is a release, the
// hashed names, what the Rust code says (facts.mjs), and index.html as it is being
// rewritten (written back at the end).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as programWasm from "./program-wasm.mjs";
import * as minify from "./minify.mjs";
import * as embedLoader from "./embed-loader.mjs";
import * as manifest from "./manifest.mjs";
import * as firstPaint from "./first-paint.mjs";
import * as intlWarmup from "./intl-warmup.mjs";
import * as serviceWorker from "./service-worker.mjs";
import * as roomServer from "./room-server.mjs";
import * as leads from "./leads.mjs";
import * as npmPackage from "./npm-package.mjs";
import * as inlineScripts from "./inline-scripts.mjs";
import * as precompress from "./precompress.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run me from trunk build");
  process.exit(1);
}
export const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

const files = readdirSync(staging);
const find = (pattern, what) => files.find((file) => pattern.test(file)) ?? fail(`no ${what} in ${staging} (${files.join(", ")})`);
const build = {
  staging,
  source: process.env.TRUNK_SOURCE_DIR ?? ".",
  release: process.env.TRUNK_PROFILE === "release",
  names: {
    css: find(/^app-[0-9a-f]+\.css$/, "stylesheet"),
  },
  page: readFileSync(join(staging, "index.html"), "utf8"),
  fail,
};

for (const [name, stage] of Object.entries({ programWasm, minify, embedLoader, manifest, firstPaint, intlWarmup, serviceWorker, roomServer, leads, npmPackage, inlineScripts })) {
  await stage.run(build);
  if (process.env.CVC_POST_BUILD_VERBOSE) console.log(`post-build: ${name} done`);
}
writeFileSync(join(staging, "index.html"), build.page);
await precompress.run(build);
console.log(`post-build: ${Object.values(build.names).join(", ")}`);
