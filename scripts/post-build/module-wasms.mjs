// Stage 1: the two wasm files Trunk does not build, with the page's profile, flags and
// wasm-opt passes (index.html, data-wasm-opt), through wasm-bindgen, under content-hashed
// names:
// - the extras module (crates/extras: the tool panels, the helpers, the presenter view,
//   the charts), which the page and the embeds fetch when a part is first wanted;
// - the embed module (crates/embed: the calculator on other sites, as the custom element,
//   a container, or an iframe that tells its parent what was calculated), which embed.js
//   and a framed page load instead of the page's own wasm, so that the calculator's own
//   first load does not carry it.
// start.js learns their names from index.html (stage 6 writes them there), embed.js from
// stage 3.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minified } from "./minify.mjs";

export const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

/** Builds `bin` of `pkg` and writes `<name>-<hash>.js` and `<name>-<hash>_bg.wasm`. */
async function buildModule(build, pkg, bin, name) {
  const profile = build.release ? ["--release"] : [];
  execFileSync("cargo", ["build", "--quiet", "--target", "wasm32-unknown-unknown", "-p", pkg, "--bin", bin, ...profile], { cwd: build.source, stdio: ["ignore", "inherit", "inherit"] });
  const target = process.env.CARGO_TARGET_DIR ?? join(build.source, "target");
  const built = join(target, "wasm32-unknown-unknown", build.release ? "release" : "debug", `${bin}.wasm`);
  const work = mkdtempSync(join(tmpdir(), `cvc-${name}-`));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", name, built], { stdio: "inherit" });
    let wasm = join(work, `${name}_bg.wasm`);
    if (build.release) {
      const optimised = join(work, `${name}_opt.wasm`);
      execFileSync("wasm-opt", ["-Oz", ...WASM_FEATURES, "-o", optimised, wasm], { stdio: "inherit" });
      wasm = optimised;
    }
    const js = await minified(build, readFileSync(join(work, `${name}.js`), "utf8"));
    const binary = readFileSync(wasm);
    const hash = createHash("sha256").update(js).update(binary).digest("hex").slice(0, 16);
    const files = { js: `${name}-${hash}.js`, wasm: `${name}-${hash}_bg.wasm` };
    writeFileSync(join(build.staging, files.js), js);
    writeFileSync(join(build.staging, files.wasm), binary);
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function run(build) {
  const extras = await buildModule(build, "cvc-extras", "extras", "extras");
  build.names.extrasJs = extras.js;
  build.names.extrasWasm = extras.wasm;
  const embed = await buildModule(build, "cvc-embed", "embed", "embed");
  build.names.embedJs = embed.js;
  build.names.embedWasm = embed.wasm;
}
