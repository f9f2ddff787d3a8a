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
import { bundlesAndCount, traceMainThread, whatTookTime } from "./trace-tasks.mjs";

const { dists, count: loads } = bundlesAndCount("charts-tasks.mjs");
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
  const { tasks, inside } = await traceMainThread(cdp, async () => {
    await page.evaluate(() => document.querySelector(".area-charts").scrollIntoView());
    await page.waitForSelector(".area-charts .monte-carlo", { timeout: 60_000 });
    await page.waitForTimeout(1500);
  }, { wasm: true, overMs: 15 });
  await context.close();
  const kinds = ["FunctionCall", "TimerFire", "Layout", "UpdateLayoutTree", "Paint"];
  return tasks.map((task) => ({ ms: task.dur / 1000, said: whatTookTime(inside(task), kinds, 2) }));
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
