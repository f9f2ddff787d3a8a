// The main thread's tasks while the page starts on a phone, from a CDP trace: each task
// over 8 ms with what took its time, and how many wasm functions V8 compiled in it (it
// compiles each lazily, on the main thread, in the task that first calls it). A benchmark
// for the blocking time, not a test: docs/benchmarks.md ("Lighthouse") reads its figures.
// The trace's own events slow the page a little, most where V8 compiles.
//
// Usage: node scripts/start-tasks.mjs [dist] [loads]
import { launch, PHONE } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { traceMainThread, whatTookTime } from "./trace-tasks.mjs";

const dist = process.argv[2] ?? "dist";
const loads = Number(process.argv[3] ?? 3);
const server = await serve(dist, { gzip: true });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
for (let load = 1; load <= loads; load += 1) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { tasks, inside } = await traceMainThread(cdp, async () => {
    await page.goto(url);
    await page.waitForSelector("footer.privacy");
    await page.waitForTimeout(1000);
  }, { wasm: true, overMs: 8 });
  console.log(`load ${load}:`);
  const kinds = ["TimerFire", "Layout", "UpdateLayoutTree", "ParseHTML", "EvaluateScript", "Paint"];
  for (const task of tasks) {
    console.log(`  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${whatTookTime(inside(task), kinds, 1)}`);
  }
  await context.close();
}
await browser.close();
server.close();
