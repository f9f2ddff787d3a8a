// What the task benchmarks (start-tasks.mjs, charts-tasks.mjs, monte-carlo-tasks.mjs)
// share: their arguments, a trace of the page's main thread while something happens, its
// tasks, and what took each one's time. The Long Tasks API reports no task under 50 ms, so
// they read a DevTools trace.

/** Reads `DIST [OTHER_DIST] [N]`: one bundle, or two to run in turns, and a count. */
export function bundlesAndCount(script, defaultCount = 3) {
  const [first, second, countArg] = process.argv.slice(2);
  if (!first) {
    console.error(`usage: node scripts/${script} DIST [OTHER_DIST] [N]`);
    process.exit(2);
  }
  const dists = second && !/^\d+$/.test(second) ? [first, second] : [first];
  return { dists, count: Number((dists.length === 2 ? countArg : second) ?? defaultCount) };
}

/**
 * Traces the page of `cdp` while `during` runs (with V8's wasm events when `wasm`), and
 * returns the trace's events and the page's main-thread tasks longer than `overMs`.
 */
export async function traceMainThread(cdp, during, { wasm = false, overMs = 0 } = {}) {
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  const categories = `devtools.timeline,disabled-by-default-devtools.timeline${wasm ? ",v8.wasm" : ""}`;
  await cdp.send("Tracing.start", { categories, transferMode: "ReportEvents" });
  const result = await during();
  await cdp.send("Tracing.end");
  await complete;
  const names = events.filter((event) => event.name === "thread_name" && event.args.name === "CrRendererMain");
  const main = names[names.length - 1];
  const onMain = (event) => event.pid === main.pid && event.tid === main.tid;
  const tasks = events.filter((event) => onMain(event) && event.name === "RunTask" && event.dur !== undefined && event.dur > overMs * 1000);
  return { result, tasks, inside: (task) => events.filter((event) => onMain(event) && event.ts >= task.ts && event.ts <= task.ts + task.dur && event.name !== "RunTask") };
}

/** What took a task's time (each of `kinds` over `overMs`), and the wasm functions V8
 * compiled in it (lazily, on the main thread, in the task that first calls each). */
export function whatTookTime(inside, kinds, overMs) {
  const compiled = inside.filter((event) => event.name === "wasm.CompileLazy");
  const compiling = compiled.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
  const spent = kinds
    .map((kind) => [kind, inside.filter((event) => event.name === kind).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000])
    .filter(([, ms]) => ms > overMs)
    .map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
  return `${spent.join(", ")}${compiled.length ? `; ${compiled.length} wasm functions compiled in ${compiling.toFixed(1)} ms` : ""}`;
}
