// Trunk's post-build step (Trunk.toml [[hooks]]): it runs in Trunk's staging folder after
// every build, where the hashed file names are known. Nobody writes these by hand.
// - embed.js, the loader with a stable name, gets this build's hashed names.
// - index.html is checked to hold no inline script, so that the strict
//   Content-Security-Policy cannot be broken by a later change unnoticed.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run me from trunk build");
  process.exit(1);
}

const files = readdirSync(staging);
const find = (pattern, what) => {
  const name = files.find((file) => pattern.test(file));
  if (!name) {
    console.error(`post-build: no ${what} in ${staging} (${files.join(", ")})`);
    process.exit(1);
  }
  return name;
};
const names = {
  __JS__: find(/^customer-value-calculator-[0-9a-f]+\.js$/, "app JS"),
  __WASM__: find(/^customer-value-calculator-[0-9a-f]+_bg\.wasm$/, "wasm"),
  __CSS__: find(/^app-[0-9a-f]+\.css$/, "stylesheet"),
};

let loader = readFileSync(join(source, "web/embed.js"), "utf8");
for (const [placeholder, name] of Object.entries(names)) loader = loader.replaceAll(placeholder, name);
writeFileSync(join(staging, "embed.js"), loader);

const page = readFileSync(join(staging, "index.html"), "utf8");
const inline = [...page.matchAll(/<script\b([^>]*)>/g)].filter(([, attributes]) => !/\bsrc=/.test(attributes));
if (inline.length > 0) {
  console.error(`post-build: index.html has ${inline.length} inline script(s); the Content-Security-Policy forbids them`);
  process.exit(1);
}
console.log(`post-build: embed.js → ${names.__JS__}, ${names.__WASM__}, ${names.__CSS__}`);
