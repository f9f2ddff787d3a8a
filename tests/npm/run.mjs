// The calculator as an npm package, as a front-end developer gets it: the release build's
// package (target/npm/package, scripts/post-build/npm-package.mjs) packed with `npm pack`,
// installed from the tarball into a Vite site and an Astro site (tests/npm/*-app, their
// own dependencies from committed lock files), built by each, served, and loaded in
// Chromium: the command-line tool's figures, every file from the site's own origin, no
// request to another host and no policy violation; the package imported in Node (no
// window) doing nothing; the server-rendered fallback; analytics held until consent; and
// the package's declarations, manifest and exports in step with the element's attributes
// (the build's facts). Usage: node tests/npm/run.mjs (after scripts/build.sh).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, DESKTOP, PHONE } from "../e2e/browser.mjs";
import { assert, check, cliFor, close, openPage, tally, violations } from "../e2e/harness.mjs";
import { serve } from "../e2e/serve.mjs";

const root = resolve(".");
const packageDir = join(root, "target", "npm", "package");
const TAG = "customer-value-calculator";
const run = (command, args, cwd, env = {}) => execFileSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });

if (!existsSync(join(packageDir, "package.json"))) {
  console.error(`no package in ${packageDir}: run scripts/build.sh first`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), "cvc-npm-"));
let tarball;
let packed;
await check("npm pack gives the tarball: the element, its files, types, manifest, README and license", () => {
  [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], packageDir));
  tarball = join(work, packed.filename);
  const files = packed.files.map((file) => file.path);
  for (const file of [`${TAG}.js`, `${TAG}.d.ts`, "custom-elements.json", "files/calculator.css", "README.md", "LICENSE", "package.json"]) {
    assert(files.includes(file), `${file} is in the tarball: ${files.join(", ")}`);
  }
  // The embed entry's JS, its split's loader, its main module, and every chunk it fetches.
  for (const pattern of [/^files\/embed-[0-9a-f]{16}\.js$/, /^files\/embed-[0-9a-f]{16}-split\.js$/, /^files\/embed-[0-9a-f]{16}_bg\.wasm$/, /^files\/embed-chunk-charts-[0-9a-f]{16}\.wasm$/, /^files\/embed-chunk-lead-[0-9a-f]{16}\.wasm$/]) {
    assert(files.some((file) => pattern.test(file)), `${pattern} is in the tarball: ${files.join(", ")}`);
  }
  console.log(`     ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} installed, ${files.length} files`);
});

await check("the package's declarations, manifest and exports follow the element's attributes (the build's facts)", () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("CARGO_UNSTABLE_") && name !== "RUSTC_BOOTSTRAP" && !name.startsWith("CARGO_TARGET_WASM32")));
  const facts = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "cvc-cli", "--bin", "build-facts"], { cwd: root, env, encoding: "utf8" }));
  const expected = [...facts.element_attributes, ...facts.frame.lead.attributes, facts.frame.consent];
  const manifest = JSON.parse(readFileSync(join(packageDir, "custom-elements.json"), "utf8"));
  // The manifest also lists loading="lazy" and calculator-page, which embed.js reads itself.
  const own = ["loading", "calculator-page"];
  const declared = manifest.modules[0].declarations[0].attributes.map((attribute) => attribute.name).filter((name) => !own.includes(name));
  assert(JSON.stringify(declared) === JSON.stringify(expected), `the manifest's attributes: ${declared.length} against ${expected.length}`);
  assert(manifest.modules[0].path === `${TAG}.js`, `the manifest names the package's module: ${manifest.modules[0].path}`);
  const types = readFileSync(join(packageDir, `${TAG}.d.ts`), "utf8");
  for (const name of [...expected, "calculator-page"]) assert(types.includes(`"${name}"?: string`), `${name} in the declarations`);
  // Each figure of the results is typed, a number or null, as the command-line tool gives it.
  for (const figure of facts.result_figures) assert(types.includes(`  ${figure}: number | null;`), `${figure} in CustomerValueResults`);
  assert(facts.result_figures.includes("yearly_cost_of_poor_service"), "the results' figures come from the build's facts");
  const element = readFileSync(join(packageDir, `${TAG}.js`), "utf8");
  assert(element.includes(JSON.stringify(expected)), "the module observes every attribute");
  assert(!/__[A-Z_]+__/.test(element), "no placeholder is left in the module");
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  assert(pkg.exports["."].types === `./${TAG}.d.ts` && pkg.exports["."].default === `./${TAG}.js` && pkg.customElements === "custom-elements.json", JSON.stringify(pkg.exports));
  assert(JSON.stringify(pkg.sideEffects) === JSON.stringify([`./${TAG}.js`]), "the module's side effect (it defines the element) is kept");
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8").match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/)[1];
  assert(pkg.version === cargo, `the version follows the release: ${pkg.version} against ${cargo}`);
});

const install = (app) => run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--offline", tarball], join(root, "tests", "npm", app));
const browser = await launch();
try {
  const vite = join(work, "vite-dist");
  await check("Vite: the tarball installs offline, imports in Node without a window, and vite build copies the calculator's files into the site", () => {
    install("vite-app");
    const app = join(root, "tests", "npm", "vite-app");
    const imported = run("node", ["--input-type=module", "-e", `const m = await import("${TAG}"); console.log(typeof globalThis.window, typeof globalThis.customElements, Object.keys(m).length);`], app);
    assert(imported.trim() === "undefined undefined 0", `imported on a server: ${imported}`);
    run(join(app, "node_modules", ".bin", "vite"), ["build", "--outDir", vite, "--emptyOutDir"], app);
    const assets = readdirSync(join(vite, "assets"));
    assert(assets.some((file) => file.endsWith(".wasm")) && assets.some((file) => file.endsWith(".css")), `the site's own assets: ${assets.join(", ")}`);
    // The module names no folder of its own, so Vite emits no second copy of it as an asset
    // (which the links once pointed at, a script, without calculator-page).
    assert(!assets.some((file) => file.startsWith(`${TAG}-`) && file.endsWith(".js")), `a copy of the element's module: ${assets.join(", ")}`);
  });
  const site = await serve(vite);
  const origin = `http://127.0.0.1:${site.address().port}`;
  {
    const { context, page, problems } = await openPage(browser, `${origin}/`, { viewport: PHONE, wait: null });
    const fetched = [];
    page.on("request", (request) => fetched.push(request.url()));
    await page.reload();
    await check("Vite: the element shows the command-line tool's figures, every file from the site's own origin, under the package's policy", async () => {
      await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector("data[data-name=npv_gain]"), TAG, { timeout: 30000 });
      const results = await page.evaluate((tag) => document.querySelector(tag).results, TAG);
      const expected = cliFor({ lifetime_profit: 45000 });
      for (const name of ["npv_gain", "yearly_cost_of_poor_service", "unhappy_customer_cost", "roi"]) assert(close(results[name], expected[name]), `${name}: ${results[name]} against ${expected[name]}`);
      assert(fetched.every((url) => url.startsWith(origin) || url === "data:,"), `requests elsewhere: ${fetched.filter((url) => !url.startsWith(origin)).map((url) => url.slice(0, 60)).join(", ")}`);
      assert(fetched.some((url) => url.endsWith(".wasm")), "the wasm came from the site");
      const link = await page.evaluate((tag) => document.querySelector(tag).link, TAG);
      assert(link.startsWith("https://calc.example/?"), `the links point to calculator-page: ${link}`);
      // A helper waits for the smallest shared chunk (about 2 KB, under Vite's inline
      // limit): a file of the site too, not a data: address the policy forbids to fetch.
      await page.click(`${TAG} >> [aria-controls=lifetime-helper]`);
      await page.waitForSelector(`${TAG} >> #lifetime-helper input`, { timeout: 15000 });
      const wasm = fetched.filter((url) => url.endsWith(".wasm"));
      assert(wasm.length >= 4 && wasm.every((url) => url.startsWith(`${origin}/assets/`)), `the chunks: ${wasm.map((url) => url.slice(0, 60)).join(", ")}`);
      const fallback = await page.evaluate(() => document.querySelector("#fallback").getBoundingClientRect().height);
      assert(fallback === 0, "the fallback is replaced once the calculator draws");
      const found = [...problems, ...(await violations(page))];
      assert(found.length === 0, found.join("\n"));
    });
    await check("consent: with data-layer and consent denied nothing reaches dataLayer; granted, the current state once, then one per change", async () => {
      await page.evaluate((tag) => document.querySelector(tag).setAttribute("lifetime-profit", "50000"), TAG);
      await page.waitForTimeout(1500);
      assert((await page.evaluate(() => window.dataLayer.length)) === 0, "nothing before consent");
      await page.evaluate((tag) => (document.querySelector(tag).consent = "granted"), TAG);
      const first = await page.evaluate(() => window.dataLayer.slice());
      assert(first.length === 1 && close(first[0].npv_gain, cliFor({ lifetime_profit: 50000 }).npv_gain), JSON.stringify(first));
      assert((await page.getAttribute(TAG, "consent")) === "granted", "the property reflects to the attribute");
      await page.evaluate((tag) => document.querySelector(tag).setAttribute("lifetime-profit", "60000"), TAG);
      await page.waitForFunction(() => window.dataLayer.length === 2, null, { timeout: 5000 });
      const second = await page.evaluate(() => window.dataLayer[1]);
      assert(close(second.npv_gain, cliFor({ lifetime_profit: 60000 }).npv_gain), JSON.stringify(second));
      await page.evaluate((tag) => (document.querySelector(tag).consent = "denied"), TAG);
      await page.evaluate((tag) => document.querySelector(tag).setAttribute("lifetime-profit", "70000"), TAG);
      await page.waitForTimeout(1500);
      assert((await page.evaluate(() => window.dataLayer.length)) === 2, "held again once denied");
    });
    await context.close();
  }
  site.close();

  const astro = join(root, "tests", "npm", "astro-app");
  await check("Astro: the tarball installs offline and astro build renders the page on the server with the fallback inside the element", () => {
    install("astro-app");
    run(join(astro, "node_modules", ".bin", "astro"), ["build", "--silent"], astro, { ASTRO_TELEMETRY_DISABLED: "1" });
    const html = readFileSync(join(astro, "dist", "index.html"), "utf8");
    assert(new RegExp(`<${TAG}[^>]*lifetime-profit="45000"[^>]*>\\s*<p id="fallback">`).test(html), html.slice(0, 600));
  });
  const astroSite = await serve(join(astro, "dist"));
  const astroOrigin = `http://127.0.0.1:${astroSite.address().port}`;
  await check("Astro: the server-rendered page upgrades with no console error and shows the calculator in Hebrew", async () => {
    const { context, page, problems } = await openPage(browser, `${astroOrigin}/`, { viewport: DESKTOP, locale: "he-IL", wait: null });
    await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector("data[data-name=npv_gain]"), TAG, { timeout: 30000 });
    const shown = await page.evaluate((tag) => ({ results: document.querySelector(tag).results, dir: getComputedStyle(document.querySelector(tag).shadowRoot.querySelector(".cvc")).direction }), TAG);
    assert(close(shown.results.npv_gain, cliFor({ lifetime_profit: 45000 }).npv_gain) && shown.dir === "rtl", JSON.stringify(shown.dir));
    assert(problems.length === 0, problems.join("\n"));
    await context.close();
  });
  astroSite.close();
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`npm: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
