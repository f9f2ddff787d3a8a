// Stage 10 (a release only): the element as an npm package, in target/npm/package/
// (`npm pack` there gives the tarball; README.md "The npm package" says how to publish).
// Its module is embed.js with its files named by `new URL("./files/…", import.meta.url)`
// and `import("./files/…")`, which Vite, webpack, Rollup and esbuild follow and copy into
// the site's own build, so the calculator is served from the site's own origin. Beside it:
// the embed entry's files as the release names them (its JS, the split's loader, the main
// module and every chunk: the loader fetches each by `new URL(…, import.meta.url)`),
// the stylesheet, the TypeScript declarations and the Custom Elements Manifest the build
// wrote for the element, a package.json whose `exports` name the element and its types,
// the license and the package's README in both languages.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { facts } from "./facts.mjs";


/** Vite's default `build.assetsInlineLimit`: a file under it is written into the code
 * as a `data:` address, which a policy of `connect-src 'self'` (the one this package's
 * README gives) forbids the loader to fetch. */
const VITE_INLINE_LIMIT = 4096;

/** Unsigned LEB128, as wasm writes lengths. */
function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** `wasm`, grown to at least `size` bytes by a custom section of zeros at its end, which
 * engines skip (and gzip shrinks to a few bytes), so that a bundler copies it as a file. */
export function paddedWasm(wasm, size = VITE_INLINE_LIMIT + 64) {
  if (wasm.length >= size) return wasm;
  const name = Buffer.from("cvc.padding");
  // The section's header takes a few bytes of what is left: found by trying.
  for (let payload = size - wasm.length; payload >= 0; payload -= 1) {
    const body = [...leb128(name.length), ...name, ...new Uint8Array(payload)];
    const section = Buffer.from([0, ...leb128(body.length), ...body]);
    if (wasm.length + section.length <= size) return Buffer.concat([wasm, section]);
  }
  throw new Error("cannot pad a wasm file");
}

/** The workspace's version (Cargo.toml), which the package's follows. */
function version(source) {
  const cargo = readFileSync(join(source, "Cargo.toml"), "utf8");
  const found = cargo.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/);
  if (!found) throw new Error("no [workspace.package] version in Cargo.toml");
  return found[1];
}

export async function run(build) {
  if (!build.release) return;
  const { element_attributes: scenarioAttributes, frame, element: named } = facts(build);
  const TAG = named.tag;
  const { css, embedJs, embedWasm, embedLoader } = build.names;
  const out = join(build.source, "target", "npm", "package");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "files"), { recursive: true });

  // The element's module: the loader with its files named for bundlers.
  const attributes = [...scenarioAttributes, ...frame.lead.attributes, frame.consent];
  let element = readFileSync(join(build.source, "web/embed.js"), "utf8");
  const swaps = [
    [`import(file("__EMBED_JS__"))`, `import("./files/${embedJs}")`],
    [`file("__EMBED_WASM__")`, `new URL("./files/${embedWasm}", import.meta.url).href`],
    [`file("__CSS__")`, `new URL("./files/calculator.css", import.meta.url).href`],
    // The package's folder is no page (a bundler would even emit a copy of this module for
    // it, and the links would point at that script): without calculator-page, the links
    // point to the host page itself, and the console says to set it.
    [
      `const folder = new URL(".", import.meta.url);`,
      `let pageWarned = false;
const folder = {
  get href() {
    if (!pageWarned) {
      pageWarned = true;
      console.warn("Customer Value Calculator: set calculator-page to the address of the calculator's page; until then its links point to this page.");
    }
    return \`\${location.origin}\${location.pathname}\`;
  },
};`,
    ],
    ["__ELEMENT_ATTRIBUTES__", JSON.stringify(attributes)],
    ["__ELEMENT_TAG__", JSON.stringify(named.tag)],
    ["__ELEMENT_MARKER__", JSON.stringify(named.marker)],
  ];
  for (const [from, to] of swaps) {
    if (!element.includes(from)) build.fail(`web/embed.js no longer has ${from}, which the npm package's module rewrites`);
    element = element.replaceAll(from, to);
  }
  writeFileSync(join(out, `${TAG}.js`), element);
  for (const file of [embedJs, embedLoader, embedWasm, ...build.chunks.embed.files]) {
    // A chunk under Vite's inline limit (the smallest shared chunk, about 2 KB) would be
    // written into the site's code as a data: address, which connect-src 'self' forbids.
    const bytes = readFileSync(join(build.staging, file));
    writeFileSync(join(out, "files", file), file.endsWith(".wasm") ? paddedWasm(bytes) : bytes);
  }
  copyFileSync(join(build.staging, css), join(out, "files", "calculator.css"));
  copyFileSync(join(build.staging, `${TAG}.d.ts`), join(out, `${TAG}.d.ts`));
  // The manifest names the module the package exports, not the bundle's embed.js.
  const elements = readFileSync(join(build.staging, "custom-elements.json"), "utf8").replaceAll('"embed.js"', `"${TAG}.js"`);
  if (!elements.includes(`"${TAG}.js"`)) build.fail("custom-elements.json no longer names embed.js, which the npm package renames");
  writeFileSync(join(out, "custom-elements.json"), elements);
  copyFileSync(join(build.source, "LICENSE"), join(out, "LICENSE"));
  copyFileSync(join(build.source, "web/npm-readme.md"), join(out, "README.md"));

  const manifest = {
    name: TAG,
    version: version(build.source),
    description: "What poor customer service costs, and what investing in service returns: <customer-value-calculator>, a custom element in Rust and WebAssembly, in English and Hebrew.",
    keywords: ["custom-element", "web-component", "calculator", "customer-service", "roi", "webassembly", "hebrew", "rtl"],
    license: "MIT",
    type: "module",
    main: `./${TAG}.js`,
    module: `./${TAG}.js`,
    types: `./${TAG}.d.ts`,
    exports: {
      ".": { types: `./${TAG}.d.ts`, default: `./${TAG}.js` },
      "./custom-elements.json": "./custom-elements.json",
      "./package.json": "./package.json",
    },
    customElements: "custom-elements.json",
    // Importing the module defines the element: a bundler must keep it even when nothing
    // it exports is used.
    sideEffects: [`./${TAG}.js`],
    files: [`${TAG}.js`, `${TAG}.d.ts`, "custom-elements.json", "files/", "README.md", "LICENSE"],
  };
  writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`post-build: the npm package ${manifest.name}@${manifest.version} is in ${out}`);
}
