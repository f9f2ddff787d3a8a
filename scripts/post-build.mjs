// Trunk's post-build step (Trunk.toml [[hooks]]): it runs in Trunk's staging folder after
// every build, where the hashed file names are known. Nobody writes these by hand.
// - embed.js, the loader with a stable name, gets this build's hashed names.
// - The web app manifest and its icons are written (scripts/icons.mjs).
// - A release build gets its service worker, with this release's precache list, and
//   index.html names it; a development build (trunk serve) gets a worker that removes
//   any release worker left at the same address, so it never gets in the way.
// - A release's index.html gets the answer at first paint: the static HTML of
//   src/bin/first_paint.rs (built natively from the model), with its money formatted by
//   Node's Intl.NumberFormat exactly as the app formats it in the browser.
// - index.html is checked to hold no inline script, so that the strict
//   Content-Security-Policy cannot be broken by a later change unnoticed.
import { execFileSync } from "node:child_process";
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
// `trunk serve` adds its own inline live-reload script to development builds (the policy
// blocks it, and only reloading by hand is lost); a release must have none.
if (inline.length > 0 && release) fail(`index.html has ${inline.length} inline script(s); the Content-Security-Policy forbids them`);

/** The static answer of every language, with its money formatted for that language. */
function firstPaint() {
  // A native build: the wasm build's standard-library flags must not reach it.
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("CARGO_UNSTABLE_") || name === "RUSTC_BOOTSTRAP") delete env[name];
  const output = execFileSync("cargo", ["run", "--quiet", "--bin", "first-paint"], { cwd: source, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const answers = JSON.parse(output);
  return Object.entries(answers)
    .map(([tag, html]) => {
      const currency = html.match(/data-currency="([A-Z]{3})"/)?.[1] ?? fail(`no currency in the ${tag} answer`);
      const money = new Intl.NumberFormat(tag, { style: "currency", currency, maximumFractionDigits: 0 });
      return html.replace(/data-money="([^"]+)">[^<]*</g, (_, value) => `data-money="${value}">${money.format(Number(value))}<`);
    })
    .join("");
}

if (release) {
  const root = /<div id="?cvc-root"?>/;
  if (!root.test(page)) fail("index.html has no #cvc-root to write the first answer into");
  page = page.replace(root, (tag) => tag + firstPaint());
  // Everything the page needs to open and work offline; not the embed demo, which is
  // another site's page.
  const precached = ["start.js", "first-paint.js", names.__JS__, names.__WASM__, names.__CSS__, "manifest.webmanifest", ...icons.map((icon) => icon.src)];
  const digest = createHash("sha256").update(page);
  for (const file of precached) digest.update(readFileSync(join(staging, file)));
  const version = digest.digest("hex").slice(0, 16);
  const worker = readFileSync(join(source, "web/sw.js"), "utf8")
    .replace("__RELEASE__", version)
    .replace("__FILES__", JSON.stringify(["./", ...precached]));
  writeFileSync(join(staging, "sw.js"), worker);
  // The tag Trunk wrote from pattern_script, minified or not (quotes may be dropped).
  const tag = /<script\b([^>]*?)\bsrc=("?)([^"\s>]*)start\.js\2/;
  const match = page.match(tag) ?? fail("index.html has no start.js tag to name the service worker in");
  page = page.replace(tag, `<script data-cvc-sw="${match[3]}sw.js"${match[1]}src=${match[2]}${match[3]}start.js${match[2]}`);
  writeFileSync(join(staging, "index.html"), page);
  console.log(`post-build: service worker for release ${version}, ${precached.length + 1} files`);
} else {
  writeFileSync(join(staging, "sw.js"), readFileSync(join(source, "web/sw-dev.js")));
}
console.log(`post-build: embed.js → ${names.__JS__}, ${names.__WASM__}, ${names.__CSS__}`);
