// Stage 9 (a release only): the element as an npm package, in target/npm/package/
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
  for (const file of [embedJs, embedLoader, embedWasm, ...build.chunks.embed.files]) copyFileSync(join(build.staging, file), join(out, "files", file));
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
