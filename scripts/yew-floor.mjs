// The second half of scripts/yew-floor.sh: the smallest Yew app's wasm through the
// release's own steps, checked in a browser, and set against the first load.
//
// Usage: node scripts/yew-floor.mjs <yew-floor.wasm> <first load, bytes gzip -9>
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { minify } from "terser";
import { shortenNames } from "./post-build/short-names.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const [wasmPath, firstLoadText] = process.argv.slice(2);
const firstLoad = Number(firstLoadText);
if (!wasmPath || !(firstLoad > 0)) throw new Error("usage: node scripts/yew-floor.mjs <yew-floor.wasm> <first load in bytes>");
const fail = (message) => {
  throw new Error(message);
};
// The build's wasm features, as the release's wasm-opt step takes them.
const env = { ...process.env };
for (const name of Object.keys(env)) if (name.startsWith("CARGO_UNSTABLE_") || name === "RUSTC_BOOTSTRAP" || name.startsWith("CARGO_TARGET_WASM32")) delete env[name];
delete env.CARGO_TARGET_DIR;
const facts = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "cvc-cli", "--bin", "build-facts"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
const features = facts.wasm_features.map((feature) => `--enable-${feature}`);

const work = mkdtempSync(join(tmpdir(), "cvc-yew-floor-"));
try {
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "floor", wasmPath], { stdio: "inherit" });
  const wasm = join(work, "floor_bg.wasm");
  const js = join(work, "floor.js");
  execFileSync("wasm-opt", ["-Oz", ...features, "--strip-producers", "--strip-target-features", "-o", wasm, wasm], { stdio: "inherit" });
  shortenNames(wasm, js, "", fail);
  // The module starts itself, as the calculator's start.js starts its entry: no inline script.
  const source = `${readFileSync(js, "utf8")}\n__wbg_init();\n`;
  const { code } = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
  writeFileSync(js, code);
  writeFileSync(join(work, "index.html"), '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <meta name="viewport" content="width=device-width, initial-scale=1" />\n    <title>Yew</title>\n    <script type="module" src="floor.js"></script>\n  </head>\n  <body></body>\n</html>\n');

  // It must run: a yardstick that does not start would flatter the calculator.
  const server = await serve(work, { gzip: true });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const text = await page.locator("body > p").textContent({ timeout: 10000 });
    if (text !== "Hello" || errors.length) fail(`the smallest Yew app did not show its line: ${text} ${errors.join("; ")}`);
  } finally {
    await browser.close();
    server.close();
  }

  let floor = 0;
  console.log(`${"the smallest Yew app, built as the calculator is".padEnd(52)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)}`);
  for (const file of ["index.html", "floor.js", "floor_bg.wasm"]) {
    const bytes = readFileSync(join(work, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    floor += gz;
    console.log(`${file.padEnd(52)} ${String(bytes.length).padStart(10)} ${String(gz).padStart(10)}`);
  }
  console.log(`${"total".padEnd(52)} ${"".padStart(10)} ${String(floor).padStart(10)}`);
  console.log(`the first load: ${firstLoad} bytes, ${(firstLoad / floor).toFixed(2)}× the smallest Yew app (issue 29's goal: at most 1.45×, ${Math.floor(floor * 1.45)} bytes)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
