// Stage 1: the program's wasm (the root package, src/main.rs), cut into a main module and
// chunks that share its memory, allocator and runtime, under content-hashed names. Trunk
// cannot run the split (trunk-rs/trunk#1022: its Rust step runs wasm-bindgen right after
// cargo), so the wasm is built here and Trunk keeps the HTML, styles, assets and `trunk
// serve` (../shared/toolchain.md, docs/size.md "One program"):
//
// 1. cargo builds the program for wasm32, with the page's profile and flags, linked with
//    `--emit-relocs` (the split reads the relocations to move code between modules);
// 2. wasm-split-cli cuts it at each `#[wasm_split]` point: `split_<chunk>.wasm` per chunk
//    (their names are build facts: cvc_core::parts::Chunk), `chunk_<n>.wasm` for code
//    shared by several chunks and not the main module, and `__wasm_split.js`, the loader;
// 3. wasm-bindgen on the main module, keeping the exports the chunks import (lld's);
// 4. wasm-opt on the main module and on every chunk, with the page's passes and features.
//
// The files are named after one hash of them all: the program's JS and its `_bg.wasm`
// (`customer-value-calculator-<hash>`), the loader (`…-<hash>-split.js`; it and the JS
// import each other), and each chunk (`chunk-<name>-<hash>.wasm`). The JS and the loader
// are rewritten to those names; the loader fetches a chunk by `new URL(name,
// import.meta.url)`, so it works from whatever folder the files are served, and bundlers
// follow it (the npm package).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { facts } from "./facts.mjs";

export const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
export const PROGRAM = "customer-value-calculator";

/** The file a chunk of wasm-split-cli's output is served as: `split_charts.wasm` as
 * `chunk-charts-<hash>.wasm`, `chunk_12.wasm` as `chunk-shared12-<hash>.wasm`. */
const chunkFile = (file, hash) => {
  const split = file.match(/^split_([a-z]+)\.wasm$/);
  if (split) return `chunk-${split[1]}-${hash}.wasm`;
  const shared = file.match(/^chunk_(\d+)\.wasm$/);
  return shared ? `chunk-shared${shared[1]}-${hash}.wasm` : null;
};

export async function run(build) {
  const profile = build.release ? ["--release"] : [];
  // The relocations wasm-split-cli needs, added to whatever flags the route already sets
  // (scripts/env.sh: immediate-abort panics for a release on Debian's toolchain).
  const flagsName = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
  const env = { ...process.env, [flagsName]: `${process.env[flagsName] ?? ""} -Clink-args=--emit-relocs`.trim() };
  execFileSync("cargo", ["build", "--quiet", "--target", "wasm32-unknown-unknown", "-p", PROGRAM, "--bin", PROGRAM, ...profile], { cwd: build.source, env, stdio: ["ignore", "inherit", "inherit"] });
  const target = process.env.CARGO_TARGET_DIR ?? join(build.source, "target");
  const built = join(target, "wasm32-unknown-unknown", build.release ? "release" : "debug", `${PROGRAM}.wasm`);
  const work = mkdtempSync(join(tmpdir(), "cvc-program-"));
  try {
    execFileSync("wasm-split-cli", [built, work], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", work, "--out-name", "main", join(work, "main.wasm")], { stdio: "inherit" });
    const chunks = readdirSync(work).filter((file) => chunkFile(file, "") !== null);
    const wasms = ["main_bg.wasm", ...chunks];
    if (build.release) {
      for (const file of wasms) execFileSync("wasm-opt", ["-Oz", ...WASM_FEATURES, "-o", join(work, file), join(work, file)], { stdio: "inherit" });
    }
    // Every chunk the Rust code names was cut, and no other.
    const named = facts(build).chunks;
    const cut = chunks.map((file) => file.match(/^split_([a-z]+)\.wasm$/)?.[1]).filter(Boolean);
    if (named.slice().sort().join() !== cut.sort().join()) build.fail(`the split cut chunks ${cut.join(", ")}, but cvc_core::parts::Chunk names ${named.join(", ")}`);
    let js = readFileSync(join(work, "main.js"), "utf8");
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const digest = createHash("sha256").update(js).update(loader);
    for (const file of wasms) digest.update(readFileSync(join(work, file)));
    const hash = digest.digest("hex").slice(0, 16);
    const names = { js: `${PROGRAM}-${hash}.js`, wasm: `${PROGRAM}-${hash}_bg.wasm`, loader: `${PROGRAM}-${hash}-split.js` };
    // Only the import's specifier: the import object's key "./__wasm_split.js" is the
    // wasm's import module name, which must stay (../shared/toolchain.md).
    const importSpecifier = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
    if (!importSpecifier.test(js)) build.fail("wasm-bindgen's JS no longer imports ./__wasm_split.js");
    js = js.replace(importSpecifier, `$1$2./${names.loader}$2`);
    // Its own default path to the main module, for a caller that names none.
    js = js.replaceAll("main_bg.wasm", names.wasm);
    loader = loader.replace(/(\bfrom\s*)(["'])\.\/main\.js\2/, `$1$2./${names.js}$2`);
    const chunkNames = {};
    for (const file of chunks) {
      const served = chunkFile(file, hash);
      // A chunk the split left empty is not fetched, and not served.
      if (!loader.includes(`"./${file}"`)) continue;
      loader = loader.replaceAll(`"./${file}"`, `"./${served}"`);
      writeFileSync(join(build.staging, served), readFileSync(join(work, file)));
      chunkNames[file] = served;
    }
    writeFileSync(join(build.staging, names.js), js);
    writeFileSync(join(build.staging, names.loader), loader);
    writeFileSync(join(build.staging, names.wasm), readFileSync(join(work, "main_bg.wasm")));
    build.names.js = names.js;
    build.names.wasm = names.wasm;
    build.names.loader = names.loader;
    // The tag that starts the page (web/start.js), told the program's files; the service
    // worker's stage adds the release's own attributes.
    const base = process.env.TRUNK_PUBLIC_URL ?? "/";
    const tag = `<script type="module" src="${base}start.js" data-cvc-js="${base}${names.js}" data-cvc-wasm="${base}${names.wasm}"></script>`;
    if (!build.page.includes("</head>")) build.fail("index.html has no </head> to put the start tag before");
    build.page = build.page.replace("</head>", `${tag}\n  </head>`);
    // Which files each split point fetches (its own chunk and the shared ones it needs),
    // from the loader, for the precache list and the size report.
    build.chunks = { files: Object.values(chunkNames), needs: chunkNeeds(loader) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** For each split point, the chunk files it fetches, read from the loader's text: each
 * `__wasm_split_load_<name>` names its own file and the shared loaders it waits for. */
function chunkNeeds(loader) {
  const shared = {};
  for (const [, variable, file] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) shared[variable] = file;
  const needs = {};
  for (const [, name, body] of loader.matchAll(/export const __wasm_split_load_([a-z]+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\]\)\);/g)) {
    const own = body.match(/new URL\("\.\/([^"]+)"/)[1];
    const deps = [...body.matchAll(/__chunk_\d+/g)].map(([variable]) => shared[variable]).filter(Boolean);
    needs[name] = [own, ...deps];
  }
  return needs;
}
