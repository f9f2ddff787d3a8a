// The main thread's tasks while the page starts on a phone, from a CDP trace: each task
// over 8 ms with what took its time, and how many wasm functions V8 compiled in it (it
// compiles each lazily, on the main thread, in the task that first calls it). A benchmark
// for the blocking time, not a test: docs/benchmarks.md ("Lighthouse") reads its figures.
// The trace's own events slow the page a little, most where V8 compiles.
//
// Usage: node scripts/start-tasks.mjs [dist] [loads]
import { launch, PHONE } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";

const dist = process.argv[2] ?? "dist";
const loads = Number(process.argv[3] ?? 3);
const server = await serve(dist, { gzip: true });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
for (let load = 1; load <= loads; load += 1) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm", transferMode: "ReportEvents" });
  await page.goto(url);
  await page.waitForSelector("footer.privacy");
  await page.waitForTimeout(1000);
  await cdp.send("Tracing.end");
  await complete;
  const names = events.filter((event) => event.name === "thread_name" && event.args.name === "CrRendererMain");
  const main = names[names.length - 1];
  const onMain = (event) => event.pid === main.pid && event.tid === main.tid;
  const tasks = events.filter((event) => onMain(event) && event.name === "RunTask" && event.dur > 8000);
  console.log(`load ${load}:`);
  for (const task of tasks) {
    const inside = events.filter((event) => onMain(event) && event.ts >= task.ts && event.ts <= task.ts + task.dur && event.name !== "RunTask");
    const compiled = inside.filter((event) => event.name === "wasm.CompileLazy");
    const compiling = compiled.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
    const kinds = ["TimerFire", "Layout", "UpdateLayoutTree", "ParseHTML", "EvaluateScript", "Paint"]
      .map((kind) => [kind, inside.filter((event) => event.name === kind).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000])
      .filter(([, ms]) => ms > 1)
      .map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
    console.log(`  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${kinds.join(", ")}${compiled.length ? `; ${compiled.length} wasm functions compiled in ${compiling.toFixed(1)} ms` : ""}`);
  }
  await context.close();
}
await browser.close();
server.close();
