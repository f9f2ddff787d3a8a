// Trunk's post-build step (Trunk.toml [[hooks]]): it runs in Trunk's staging folder after
// every build, where the hashed file names are known. Nobody writes these by hand.
// - A release's JS is minified with terser: the wasm-bindgen JS of both wasm files
//   (Trunk's own minifier fails on it and leaves it whole), and the loaders and service
//   worker, whose sources in web/ keep their comments (docs/size.md).
// - The extras module (src/bin/extras.rs: the tool panels, the presenter view, the
//   charts) is built as a second wasm, with the same profile and flags as the page's, put
//   through wasm-bindgen and, for a release, wasm-opt; its files get a content hash, and
//   start.js and embed.js are told their names.
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
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minify } from "terser";
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

/** A release's JS, minified; a development build's, as it is. `module` says whether it
 * is an ES module (start.js, embed.js, wasm-bindgen's) or a classic script. */
async function minified(code, module = true) {
  if (!release) return code;
  // Property names stay: the wasm's imports are looked up by name on the import object.
  const result = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  return result.code ?? fail("terser returned no code");
}

/** Builds the extras module into the staging folder and returns its two file names. */
async function buildExtras() {
  const profile = release ? ["--release"] : [];
  execFileSync("cargo", ["build", "--quiet", "--target", "wasm32-unknown-unknown", "--bin", "extras", ...profile], { cwd: source, stdio: ["ignore", "inherit", "inherit"] });
  const target = process.env.CARGO_TARGET_DIR ?? join(source, "target");
  const built = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "extras.wasm");
  const work = mkdtempSync(join(tmpdir(), "cvc-extras-"));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "extras", built], { stdio: "inherit" });
    let wasm = join(work, "extras_bg.wasm");
    if (release) {
      // The same passes and features as the page's wasm (index.html, data-wasm-opt).
      const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
      const optimised = join(work, "extras_opt.wasm");
      execFileSync("wasm-opt", ["-Oz", ...features, "-o", optimised, wasm], { stdio: "inherit" });
      wasm = optimised;
    }
    const js = await minified(readFileSync(join(work, "extras.js"), "utf8"));
    const binary = readFileSync(wasm);
    const hash = createHash("sha256").update(js).update(binary).digest("hex").slice(0, 16);
    const extras = { js: `extras-${hash}.js`, wasm: `extras-${hash}_bg.wasm` };
    writeFileSync(join(staging, extras.js), js);
    writeFileSync(join(staging, extras.wasm), binary);
    return extras;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const extras = await buildExtras();
// The page's own JS (Trunk wrote it; its name's hash is Trunk's, from before this step).
writeFileSync(join(staging, names.__JS__), await minified(readFileSync(join(staging, names.__JS__), "utf8")));
names.__EXTRAS_JS__ = extras.js;
names.__EXTRAS_WASM__ = extras.wasm;

let loader = readFileSync(join(source, "web/embed.js"), "utf8");
for (const [placeholder, name] of Object.entries(names)) loader = loader.replaceAll(placeholder, name);
writeFileSync(join(staging, "embed.js"), await minified(loader));
writeFileSync(join(staging, "start.js"), await minified(readFileSync(join(staging, "start.js"), "utf8")));
writeFileSync(join(staging, "first-paint.js"), await minified(readFileSync(join(staging, "first-paint.js"), "utf8"), false));

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

// The tag Trunk wrote from pattern_script, minified or not (quotes may be dropped), gets
// the extras module's names, and a release's the service worker's.
const startTag = /<script\b([^>]*?)\bsrc=("?)([^"\s>]*)start\.js\2/;
const startMatch = page.match(startTag) ?? fail("index.html has no start.js tag to name the extras module in");
const base = startMatch[3];
const named = (attributes) => `<script ${attributes}${startMatch[1]}src=${startMatch[2]}${base}start.js${startMatch[2]}`;

if (release) {
  const root = /<div id="?cvc-root"?>/;
  if (!root.test(page)) fail("index.html has no #cvc-root to write the first answer into");
  page = page.replace(root, (tag) => tag + firstPaint());
  // Everything the page needs to open and work offline; not the embed demo, which is
  // another site's page.
  const precached = ["start.js", "first-paint.js", names.__JS__, names.__WASM__, names.__CSS__, extras.js, extras.wasm, "manifest.webmanifest", ...icons.map((icon) => icon.src)];
  const digest = createHash("sha256").update(page);
  for (const file of precached) digest.update(readFileSync(join(staging, file)));
  const version = digest.digest("hex").slice(0, 16);
  const worker = readFileSync(join(source, "web/sw.js"), "utf8")
    .replace("__RELEASE__", version)
    .replace("__FILES__", JSON.stringify(["./", ...precached]));
  writeFileSync(join(staging, "sw.js"), await minified(worker, false));
  page = page.replace(startTag, named(`data-cvc-sw="${base}sw.js" data-cvc-extras-js="${base}${extras.js}" data-cvc-extras-wasm="${base}${extras.wasm}"`));
  console.log(`post-build: service worker for release ${version}, ${precached.length + 1} files`);
} else {
  page = page.replace(startTag, named(`data-cvc-extras-js="${base}${extras.js}" data-cvc-extras-wasm="${base}${extras.wasm}"`));
  writeFileSync(join(staging, "sw.js"), readFileSync(join(source, "web/sw-dev.js")));
}
writeFileSync(join(staging, "index.html"), page);
console.log(`post-build: embed.js → ${Object.values(names).join(", ")}`);
