// A benchmark, not a test: does a host page's memory hold while a single-page site mounts
// and removes full calculators? 200 cycles of a full <customer-value-calculator> (inputs,
// answers and charts) on a page of another origin: each cycle connects one, waits for its
// first answer (customer-value:ready) and its charts, and removes it. The JS heap, the DOM's
// node count and the event listeners are read through the DevTools protocol after two
// forced garbage collections (HeapProfiler.collectGarbage, Performance.getMetrics), after
// the first cycle and every 25 after. Figures go in docs/benchmarks.md ("A host page's
// long session").
//
// Usage: node scripts/element-cycles.mjs [dist] [cycles]   (after scripts/build.sh)
import { createServer } from "node:http";
import { launch, memoryReader } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const dist = process.argv[2] ?? "dist";
const cycles = Number(process.argv[3] ?? 200);
const calculator = await serve(dist, { cors: true, gzip: true });
const calculatorOrigin = `http://127.0.0.1:${calculator.address().port}`;
// The host: another origin (localhost, not 127.0.0.1), a page with nothing but the loader.
const host = createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="${calculatorOrigin}/embed.js"></script></head><body><main id="view"></main></body></html>`);
});
await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
const hostOrigin = `http://localhost:${host.address().port}`;

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (error) => errors.push(error.message));
await page.goto(`${hostOrigin}/`);
await page.waitForFunction(() => customElements.get("customer-value-calculator") !== undefined);
const measure = await memoryReader(page);

/** One cycle: a full calculator connected, shown with its charts, then removed. */
async function cycle(index) {
  await page.evaluate(async (index) => {
    const element = document.createElement("customer-value-calculator");
    element.setAttribute("lang", index % 2 ? "he" : "en");
    element.setAttribute("lifetime-profit", String(30000 + index));
    const ready = new Promise((resolve) => element.addEventListener("customer-value:ready", resolve, { once: true }));
    document.getElementById("view").append(element);
    await ready;
    // The charts' chunk draws them once they are near the screen (at once here).
    for (let wait = 0; wait < 200 && !element.shadowRoot.querySelector(".area-charts figure"); wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!element.shadowRoot.querySelector(".area-charts figure")) throw new Error(`cycle ${index}: no charts`);
    element.remove();
  }, index);
}

const rows = [];
const started = Date.now();
for (let index = 1; index <= cycles; index += 1) {
  await cycle(index);
  if (index === 1 || index % 25 === 0) {
    const figures = await measure();
    rows.push({ cycles: index, ...figures });
    console.log(`${index} cycles: heap ${(figures.heap / 1e6).toFixed(2)} MB, ${figures.nodes} nodes, ${figures.listeners} listeners`);
  }
}
const [first, last] = [rows[0], rows.at(-1)];
const change = (key) => `${(((last[key] - first[key]) / first[key]) * 100).toFixed(1)}%`;
console.log(`\n| after cycles | JS heap | DOM nodes | event listeners |\n|---:|---:|---:|---:|`);
for (const row of rows) console.log(`| ${row.cycles} | ${(row.heap / 1e6).toFixed(2)} MB | ${row.nodes.toLocaleString("en")} | ${row.listeners} |`);
console.log(`| change | ${change("heap")} | ${change("nodes")} | ${change("listeners")} |`);
console.log(`\n${cycles} cycles in ${((Date.now() - started) / 1000).toFixed(1)} s; page errors: ${errors.length ? errors.join("; ") : "none"}`);
await browser.close();
calculator.close();
host.close();
