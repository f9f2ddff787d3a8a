// Stage 1: the extras module (crates/extras: the tool panels, the helpers, the presenter
// view, the charts) as a second wasm, with the same profile and flags as the page's, put
// through wasm-bindgen and, for a release, the same wasm-opt passes (index.html,
// data-wasm-opt). Its files get a content hash; start.js learns their names from
// index.html (stage 6 writes them there) and embed.js from stage 3.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minified } from "./minify.mjs";

export const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

export async function run(build) {
  const profile = build.release ? ["--release"] : [];
  execFileSync("cargo", ["build", "--quiet", "--target", "wasm32-unknown-unknown", "-p", "cvc-extras", "--bin", "extras", ...profile], { cwd: build.source, stdio: ["ignore", "inherit", "inherit"] });
  const target = process.env.CARGO_TARGET_DIR ?? join(build.source, "target");
  const built = join(target, "wasm32-unknown-unknown", build.release ? "release" : "debug", "extras.wasm");
  const work = mkdtempSync(join(tmpdir(), "cvc-extras-"));
  try {
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "extras", built], { stdio: "inherit" });
    let wasm = join(work, "extras_bg.wasm");
    if (build.release) {
      const optimised = join(work, "extras_opt.wasm");
      execFileSync("wasm-opt", ["-Oz", ...WASM_FEATURES, "-o", optimised, wasm], { stdio: "inherit" });
      wasm = optimised;
    }
    const js = await minified(build, readFileSync(join(work, "extras.js"), "utf8"));
    const binary = readFileSync(wasm);
    const hash = createHash("sha256").update(js).update(binary).digest("hex").slice(0, 16);
    build.names.extrasJs = `extras-${hash}.js`;
    build.names.extrasWasm = `extras-${hash}_bg.wasm`;
    writeFileSync(join(build.staging, build.names.extrasJs), js);
    writeFileSync(join(build.staging, build.names.extrasWasm), binary);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
