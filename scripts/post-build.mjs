// Trunk's post-build step (Trunk.toml [[hooks]]): it runs in Trunk's staging folder after
// every build, where the hashed file names are known. Nobody writes these by hand.
// - embed.js, the loader with a stable name, gets this build's hashed names.
// - The web app manifest and its icons are written (scripts/icons.mjs).
// - A release build gets its service worker, with this release's precache list, and
//   index.html names it; a development build (trunk serve) gets a worker that removes
//   any release worker left at the same address, so it never gets in the way.
// - index.html is checked to hold no inline script, so that the strict
//   Content-Security-Policy cannot be broken by a later change unnoticed.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACCENT, pngIcon, svgIcon } from "./icons.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
const release = process.env.TRUNK_PROFILE === "release";
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run me from trunk build");
  process.exit(1);
}
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

const files = readdirSync(staging);
const find = (pattern, what) => files.find((file) => pattern.test(file)) ?? fail(`no ${what} in ${staging} (${files.join(", ")})`);
const names = {
  __JS__: find(/^customer-value-calculator-[0-9a-f]+\.js$/, "app JS"),
  __WASM__: find(/^customer-value-calculator-[0-9a-f]+_bg\.wasm$/, "wasm"),
  __CSS__: find(/^app-[0-9a-f]+\.css$/, "stylesheet"),
};

let loader = readFileSync(join(source, "web/embed.js"), "utf8");
for (const [placeholder, name] of Object.entries(names)) loader = loader.replaceAll(placeholder, name);
writeFileSync(join(staging, "embed.js"), loader);

// The manifest: a name in both languages, the icons, the theme colour.
const icons = [
  { src: "icon-192.png", sizes: "192x192", type: "image/png", draw: () => pngIcon(192) },
  { src: "icon-512.png", sizes: "512x512", type: "image/png", draw: () => pngIcon(512) },
  { src: "icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable", draw: () => pngIcon(512, { maskable: true }) },
  { src: "icon.svg", sizes: "any", type: "image/svg+xml", draw: () => svgIcon() },
];
for (const icon of icons) writeFileSync(join(staging, icon.src), icon.draw());
const manifest = {
  name: "Customer Value Calculator · מחשבון ערך לקוח",
  short_name: "Customer value · ערך לקוח",
  description: "What poor customer service costs a small business, and what investing in service returns. מה עולה שירות גרוע לעסק קטן, ומה מחזירה השקעה בשירות.",
  lang: "en",
  dir: "auto",
  start_url: "./",
  scope: "./",
  display: "standalone",
  background_color: "#f6f7f9",
  theme_color: ACCENT,
  icons: icons.map(({ draw, ...icon }) => icon),
};
writeFileSync(join(staging, "manifest.webmanifest"), `${JSON.stringify(manifest, null, 2)}\n`);

let page = readFileSync(join(staging, "index.html"), "utf8");
const inline = [...page.matchAll(/<script\b([^>]*)>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes));
if (inline.length > 0) fail(`index.html has ${inline.length} inline script(s); the Content-Security-Policy forbids them`);

if (release) {
  // Everything the page needs to open and work offline; not the embed demo, which is
  // another site's page.
  const precached = ["start.js", names.__JS__, names.__WASM__, names.__CSS__, "manifest.webmanifest", ...icons.map((icon) => icon.src)];
  const release = createHash("sha256");
  for (const file of ["index.html", ...precached]) release.update(readFileSync(join(staging, file)));
  const version = release.digest("hex").slice(0, 16);
  const worker = readFileSync(join(source, "web/sw.js"), "utf8")
    .replace("__RELEASE__", version)
    .replace("__FILES__", JSON.stringify(["./", ...precached]));
  writeFileSync(join(staging, "sw.js"), worker);
  const tag = /<script type="module" src="([^"]*)start\.js"/;
  const match = page.match(tag) ?? fail("index.html has no start.js tag to name the service worker in");
  page = page.replace(tag, `${match[0]} data-cvc-sw="${match[1]}sw.js"`);
  writeFileSync(join(staging, "index.html"), page);
  console.log(`post-build: service worker for release ${version}, ${precached.length + 1} files`);
} else {
  writeFileSync(join(staging, "sw.js"), readFileSync(join(source, "web/sw-dev.js")));
}
console.log(`post-build: embed.js → ${names.__JS__}, ${names.__WASM__}, ${names.__CSS__}`);
