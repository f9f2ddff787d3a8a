// Stage 1: the program's wasm, for its three entries (the root package: the page,
// src/main.rs; the embed for other sites, src/bin/embed.rs; and the calculator in another
// site's iframe, src/bin/iframe.rs), each cut into a main module and chunks that share its
// memory, allocator and runtime, under content-hashed names. Trunk cannot run the split
// (trunk-rs/trunk#1022: its Rust step runs wasm-bindgen right after cargo), so the wasm is
// built here and Trunk keeps the HTML, styles, assets and `trunk serve`
// (../shared/toolchain.md, docs/size.md "One program"):
//
// 1. cargo builds the entries for wasm32, with the page's profile and flags, linked with
//    `--emit-relocs` (the split reads the relocations to move code between modules);
// 2. wasm-split-cli cuts each at the `#[wasm_split]` points of src/lib.rs:
//    `split_<chunk>.wasm` per chunk (their names are build facts: cvc_core::parts::Chunk),
//    `chunk_<n>.wasm` for code several chunks share and the main module does not, and
//    `__wasm_split.js`, the loader;
// 3. wasm-bindgen on the main module, keeping the exports the chunks import (lld's), and
//    the shared chunks merged into one file for each chunk that first waits for them
//    (the charts' in two, for the lead form; shared-chunks.mjs);
// 4. wasm-opt on the main module and on every chunk, with the build's wasm features;
// 5. in a release, what the main module and its JS name of each other named short, in
//    the wasm and the JS alike: the glue's imports, the exports only the JS calls, and
//    the loader imported once (short-names.mjs).
//
// Each entry's files are named after one hash of them all: its JS and `_bg.wasm`
// (`customer-value-calculator-<hash>`, `embed-<hash>`, `iframe-<hash>`), the loader
// (`…-<hash>-split.js`; it and the JS import each other), and each chunk
// (`chunk-<name>-<hash>.wasm`, the embed's `embed-chunk-<name>-<hash>.wasm`, the iframe's
// `iframe-chunk-…`). The loader fetches a chunk by `new URL(name, import.meta.url)`, so it
// works from whatever folder the files are served, and bundlers follow it (the npm
// package). chunks.json lists each entry's files, and each chunk's with the shared chunks
// it waits for (the size budget, the precache list).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { facts } from "./facts.mjs";
import { mergeSharedChunks, splitPointLoads } from "./shared-chunks.mjs";
import { shortenNames } from "./short-names.mjs";

const PACKAGE = "customer-value-calculator";
/** The entries: the binary, the prefix of its files and of its chunks' files, and the
 * build fact that names the chunks it is cut into (a calculator on another site shows no
 * panels, presenter view or room: `Chunk::ON_OTHER_SITES`). */
const ENTRIES = {
  page: { bin: PACKAGE, prefix: PACKAGE, chunk: "chunk", chunks: "chunks" },
  embed: { bin: "embed", prefix: "embed", chunk: "embed-chunk", chunks: "chunks_on_other_sites" },
  iframe: { bin: "iframe", prefix: "iframe", chunk: "iframe-chunk", chunks: "chunks_on_other_sites" },
};

export async function run(build) {
  const profile = build.release ? ["--release"] : [];
  // The relocations wasm-split-cli needs, added to whatever flags the route already sets
  // (scripts/env.sh: immediate-abort panics for a release on Debian's toolchain).
  const flagsName = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
  const env = { ...process.env, [flagsName]: `${process.env[flagsName] ?? ""} -Clink-args=--emit-relocs`.trim() };
  execFileSync("cargo", ["build", "--quiet", "--target", "wasm32-unknown-unknown", "-p", PACKAGE, "--bins", ...profile], { cwd: build.source, env, stdio: ["ignore", "inherit", "inherit"] });
  const target = process.env.CARGO_TARGET_DIR ?? join(build.source, "target");
  const built = (bin) => join(target, "wasm32-unknown-unknown", build.release ? "release" : "debug", `${bin}.wasm`);
  const program = {};
  build.chunks = {};
  for (const [entry, { bin, prefix, chunk, chunks }] of Object.entries(ENTRIES)) {
    const split = splitEntry(build, built(bin), prefix, chunk, facts(build)[chunks]);
    program[entry] = { main: [split.js, split.loader, split.wasm], chunks: split.needs };
    build.chunks[entry] = { files: split.files, needs: split.needs };
    if (entry === "page") Object.assign(build.names, { js: split.js, wasm: split.wasm, loader: split.loader });
    else Object.assign(build.names, { [`${entry}Js`]: split.js, [`${entry}Wasm`]: split.wasm, [`${entry}Loader`]: split.loader });
    if (build.release) {
      const gz = (file) => gzipSync(readFileSync(join(build.staging, file)), { level: 9 }).length;
      const each = Object.entries(split.needs).map(([name, files]) => `${name} ${files.reduce((sum, file) => sum + gz(file), 0)} B in ${files.length} files`);
      console.log(`post-build: ${entry}: main module ${gz(split.wasm)} B gzip; chunks with what they wait for: ${each.join(", ")}`);
    }
  }
  writeFileSync(join(build.staging, "chunks.json"), `${JSON.stringify(program, null, 2)}\n`);
  // The tag that starts the page (web/start.js), told the files of the page's entry and
  // the iframe's; later stages add theirs (addToStartTag).
  const base = process.env.TRUNK_PUBLIC_URL ?? "/";
  const { js, wasm, iframeJs, iframeWasm } = build.names;
  const tag = `<script type="module" src="${base}start.js" data-cvc-js="${base}${js}" data-cvc-wasm="${base}${wasm}" data-cvc-iframe-js="${base}${iframeJs}" data-cvc-iframe-wasm="${base}${iframeWasm}"></script>`;
  if (!build.page.includes("</head>")) build.fail("index.html has no </head> to put the start tag before");
  build.page = build.page.replace("</head>", `${tag}\n  </head>`);
}

/** Adds attributes to the tag that starts the page, which `run` wrote (by the time a later
 * stage adds to it, minified or not: quotes may be dropped). `attributes` is given the
 * base the page's files are served from; `what` says what they are for, should the tag be
 * missing. */
export function addToStartTag(build, attributes, what) {
  const startTag = /<script\b([^>]*?)\bsrc=("?)([^"\s>]*)start\.js\2/;
  const start = build.page.match(startTag) ?? build.fail(`index.html has no start.js tag to ${what}`);
  build.page = build.page.replace(startTag, (tag) => tag.replace(/^<script\b/, `<script ${attributes(start[3])}`));
}

/** Cuts the entry built at `wasmPath` into its main module and `chunks` (their names),
 * writes its files into the staging folder, and returns their names and which files each
 * chunk fetches. */
function splitEntry(build, wasmPath, prefix, chunkPrefix, chunks) {
  const work = mkdtempSync(join(tmpdir(), `cvc-${prefix}-`));
  try {
    execFileSync("wasm-split-cli", [wasmPath, work], { stdio: ["ignore", "ignore", "inherit"] });
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", work, "--out-name", "main", join(work, "main.wasm")], { stdio: "inherit" });
    const features = facts(build).wasm_features.map((feature) => `--enable-${feature}`);
    const loaderPath = join(work, "__wasm_split.js");
    writeFileSync(loaderPath, mergeSharedChunks(work, readFileSync(loaderPath, "utf8"), facts(build).chunks, facts(build).chunks_without_charts, features, !build.release, build.fail));
    const outputs = readdirSync(work).filter((file) => /^(split_[a-z]+|chunk_\d+)\.wasm$/.test(file));
    if (build.release) {
      // Without the `producers` and `target_features` sections, which no browser reads:
      // about 200 bytes in each of the dozens of modules a split makes.
      const strip = ["--strip-producers", "--strip-target-features"];
      for (const file of ["main_bg.wasm", ...outputs]) execFileSync("wasm-opt", ["-Oz", ...features, ...strip, "-o", join(work, file), join(work, file)], { stdio: "inherit" });
      shortenNames(join(work, "main_bg.wasm"), join(work, "main.js"), readFileSync(loaderPath, "utf8"), build.fail);
    }
    // Every chunk the Rust code names for this entry was cut, and no other.
    const named = chunks.slice().sort().join();
    const cut = outputs.map((file) => file.match(/^split_([a-z]+)\.wasm$/)?.[1]).filter(Boolean).sort().join();
    if (named !== cut) build.fail(`${prefix}: the split cut the chunks ${cut}, but cvc_core::parts::Chunk names ${named}`);
    let js = readFileSync(join(work, "main.js"), "utf8");
    let loader = readFileSync(loaderPath, "utf8");
    const digest = createHash("sha256").update(js).update(loader);
    for (const file of ["main_bg.wasm", ...outputs]) digest.update(readFileSync(join(work, file)));
    const hash = digest.digest("hex").slice(0, 16);
    const names = { js: `${prefix}-${hash}.js`, wasm: `${prefix}-${hash}_bg.wasm`, loader: `${prefix}-${hash}-split.js` };
    // Only the import's specifier: the import object's key "./__wasm_split.js" is the
    // wasm's import module name, which must stay (../shared/toolchain.md).
    const importSpecifier = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
    if (!importSpecifier.test(js)) build.fail("wasm-bindgen's JS no longer imports ./__wasm_split.js");
    js = js.replace(importSpecifier, `$1$2./${names.loader}$2`);
    // Its own default path to the main module, for a caller that names none.
    js = js.replaceAll("main_bg.wasm", names.wasm);
    const mainImport = /(\bfrom\s*)(["'])\.\/main\.js\2/;
    if (!mainImport.test(loader)) build.fail("the split's loader no longer imports ./main.js");
    loader = loader.replace(mainImport, `$1$2./${names.js}$2`);
    const files = [];
    for (const file of outputs) {
      // A chunk the split left empty is not fetched, and not served.
      if (!loader.includes(`"./${file}"`)) continue;
      const [, split, shared] = file.match(/^(?:split_([a-z]+)|chunk_(\d+))\.wasm$/);
      const served = `${chunkPrefix}-${split ?? `shared${shared}`}-${hash}.wasm`;
      loader = loader.replaceAll(`"./${file}"`, `"./${served}"`);
      writeFileSync(join(build.staging, served), readFileSync(join(work, file)));
      files.push(served);
    }
    writeFileSync(join(build.staging, names.js), js);
    writeFileSync(join(build.staging, names.loader), loader);
    writeFileSync(join(build.staging, names.wasm), readFileSync(join(work, "main_bg.wasm")));
    return { ...names, files, needs: chunkNeeds(loader) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** For each split point, the chunk files it fetches, read from the loader's text (before
 * it is minified): its own file and the shared chunks' it waits for. */
function chunkNeeds(loader) {
  const shared = {};
  for (const [, n, file] of loader.matchAll(/const __chunk_(\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) shared[n] = file;
  // A shared chunk merged into its group's file (shared-chunks.mjs) names the group's load.
  for (const [, n, group] of loader.matchAll(/const __chunk_(\d+) = __chunk_(\d+);/g)) {
    if (!shared[group]) throw new Error(`the loader's __chunk_${n} names __chunk_${group}, which fetches no file`);
    shared[n] = shared[group];
  }
  const needs = {};
  for (const { name, own, waits } of splitPointLoads(loader)) {
    // A split point the split left empty fetches no file of its own, only what it waits for.
    const deps = waits.map((n) => shared[n]).filter(Boolean);
    needs[name] = [...new Set(own ? [own, ...deps] : deps)];
  }
  return needs;
}
