// The main thread's tasks when a phone (4× CPU) scrolls to the charts: their chunk is
// fetched, compiled and drawn then. Each task over 15 ms, with what took its time and how
// many wasm functions V8 compiled in it (lazily, on the main thread, as they first run).
// A benchmark, not a test: docs/benchmarks.md ("The charts one a task") reads its figures.
// The trace's own events slow the page a little, most where V8 compiles.
//
// Usage: node scripts/charts-tasks.mjs DIST [OTHER_DIST] [LOADS]
// With two bundles, each load takes them in turn, so a noisy machine slows both alike.
import { launch, PHONE } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const [first, second, loadsArg] = process.argv.slice(2);
if (!first) {
  console.error("usage: node scripts/charts-tasks.mjs DIST [OTHER_DIST] [LOADS]");
  process.exit(2);
}
const dists = second && !/^\d+$/.test(second) ? [first, second] : [first];
const loads = Number((dists.length === 2 ? loadsArg : second) ?? 3);
const servers = await Promise.all(dists.map((dist) => serve(dist, { gzip: true })));
const browser = await launch();

async function trace(server) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`http://127.0.0.1:${server.address().port}/?lang=en`);
  await page.waitForSelector('data[data-name="probability_of_gain"]:not(.updating)', { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm", transferMode: "ReportEvents" });
  await page.evaluate(() => document.querySelector(".area-charts").scrollIntoView());
  await page.waitForSelector(".area-charts .monte-carlo", { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await cdp.send("Tracing.end");
  await complete;
  await context.close();
  const names = events.filter((event) => event.name === "thread_name" && event.args.name === "CrRendererMain");
  const main = names[names.length - 1];
  const onMain = (event) => event.pid === main.pid && event.tid === main.tid;
  return events.filter((event) => onMain(event) && event.name === "RunTask" && event.dur > 15_000).map((task) => {
    const inside = events.filter((event) => onMain(event) && event.ts >= task.ts && event.ts <= task.ts + task.dur && event.name !== "RunTask");
    const compiled = inside.filter((event) => event.name === "wasm.CompileLazy");
    const compiling = compiled.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
    const kinds = ["FunctionCall", "TimerFire", "Layout", "UpdateLayoutTree", "Paint"]
      .map((kind) => [kind, inside.filter((event) => event.name === kind).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000])
      .filter(([, ms]) => ms > 2)
      .map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
    return { ms: task.dur / 1000, said: `${kinds.join(", ")}${compiled.length ? `; ${compiled.length} wasm functions compiled in ${compiling.toFixed(1)} ms` : ""}` };
  });
}

for (let load = 1; load <= loads; load += 1) {
  for (const [index, server] of servers.entries()) {
    const tasks = await trace(server);
    const longest = Math.max(0, ...tasks.map((task) => task.ms));
    console.log(`load ${load}, ${dists[index]}: longest ${longest.toFixed(1)} ms`);
    for (const task of tasks) console.log(`  ${task.ms.toFixed(1).padStart(6)} ms  ${task.said}`);
  }
}
await browser.close();
for (const server of servers) server.close();
