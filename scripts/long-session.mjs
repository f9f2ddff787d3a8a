// A benchmark, not a test: does a long session hold? 5,000 edits in one page of the
// release bundle (typing into the fields, switching the language, opening and closing the
// panels), with the JS heap (after a forced garbage collection), the DOM's node count and
// the event listeners read through the DevTools protocol (HeapProfiler.collectGarbage,
// Performance.getMetrics) after the first 100 edits and every 500 after. Figures go in
// docs/benchmarks.md ("A long session").
//
// Usage: node scripts/long-session.mjs [dist] [edits]   (after scripts/build.sh)
import { launch, memoryReader } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const dist = process.argv[2] ?? "dist";
const edits = Number(process.argv[3] ?? 5000);
const server = await serve(dist, { gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (error) => errors.push(error.message));
await page.goto(`${origin}/?lang=en`);
await page.waitForSelector("data[data-name=npv_gain]");
// The charts too: on a wide screen they come with the page, and redraw on each edit.
await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
const measure = await memoryReader(page);

// The fields of the first screen (the rest are behind Advanced).
const fields = ["lifetime_profit", "acquisition_cost", "referrals_per_happy", "lost_per_unhappy", "service_budget_per_year"];
const panels = ["share-panel", "saved-panel", "files-panel", "embed-panel"];
let language = "en";
const rows = [];
const started = Date.now();
for (let edit = 1; edit <= edits; edit += 1) {
  if (edit % 50 === 0) {
    // Switch the language (the header's switch), and back 50 edits later.
    language = language === "en" ? "he" : "en";
    await page.click(`.language-switch button[lang=${language}]`);
    await page.waitForFunction((lang) => document.querySelector(".cvc")?.getAttribute("lang") === lang, language);
  } else if (edit % 10 === 0) {
    const panel = panels[(edit / 10) % panels.length];
    await page.click(`.tool[aria-controls=${panel}]`);
    // A locator, not waitForSelector: the ElementHandle that one returns would keep each
    // closed panel's DOM alive and be counted as the page's.
    await page.locator(`#${panel}`).waitFor({ timeout: 20000 });
    await page.click(`.tool[aria-controls=${panel}]`);
    await page.locator(`#${panel}`).waitFor({ state: "detached" });
  } else {
    const field = fields[edit % fields.length];
    const input = page.locator(`#field-${field}`);
    const value = await input.inputValue();
    // Nudge the figure and back, so the scenario wanders but stays valid.
    const digits = value.replace(/[^0-9.]/g, "");
    await input.fill(edit % 2 === 0 ? `${digits}1` : digits.slice(0, -1) || "1");
  }
  if (edit === 100 || edit % 500 === 0) {
    // Let the pause-driven work (Monte Carlo, address bar) settle before reading.
    await page.waitForTimeout(800);
    const figures = await measure();
    rows.push({ edit, ...figures, seconds: (Date.now() - started) / 1000 });
    console.log(`${String(edit).padStart(5)} edits: heap ${(figures.heap / 1e6).toFixed(2)} MB, nodes ${figures.nodes}, listeners ${figures.listeners} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
const first = rows[0];
const last = rows.at(-1);
const change = (key) => `${(((last[key] - first[key]) / first[key]) * 100).toFixed(1)}%`;
console.log(`\nafter ${first.edit} → after ${last.edit} edits: heap ${change("heap")}, nodes ${change("nodes")}, listeners ${change("listeners")}`);
console.log(`page errors: ${errors.length}${errors.length ? `\n${errors.join("\n")}` : ""}`);
await browser.close();
server.close();
const within = ["heap", "nodes"].every((key) => last[key] <= first[key] * 1.1);
console.log(within ? "within 10% of the first 100 edits" : "MORE than 10% above the first 100 edits");
process.exit(errors.length === 0 && within ? 0 : 1);
