// While the Monte Carlo runs after a change of figure: the main thread's longest task (a
// key or a tap waits for it), and how long the "chance" line takes to be fresh again (the
// pause for typing included). Scenarios from the defaults to the heaviest (a month cut into
// 51 steps, docs/model-notes.md), on a desktop and on a phone (4× CPU). A benchmark, not a
// test: docs/benchmarks.md ("The Monte Carlo in slices") reads its figures. The trace's own
// events slow the page a little.
//
// Usage: node scripts/monte-carlo-tasks.mjs DIST [OTHER_DIST] [RUNS]
// With two bundles, each run loads them in turn, so a noisy machine slows both alike.
import { launch, DESKTOP, PHONE } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/serve.mjs";
import { bundlesAndCount, traceMainThread } from "./trace-tasks.mjs";

const { dists, count: runs } = bundlesAndCount("monte-carlo-tasks.mjs");

const SCENARIOS = [
  ["defaults (2,000 draws), H = 30", "horizon_years=30"],
  ["defaults, H = 30, 20,000 draws", "horizon_years=30&monte_carlo_draws=20000"],
  ["λ = 0, ν = 50 (51 steps a month), H = 5", "unhappy_profit_share=0&lost_per_unhappy=50"],
  ["λ = 0, ν = 50 (51 steps a month), H = 30", "unhappy_profit_share=0&lost_per_unhappy=50&horizon_years=30"],
];
const DEVICES = [
  ["desktop", { viewport: DESKTOP }, 1],
  ["phone, 4× CPU", { viewport: PHONE, isMobile: true }, 4],
];
const FRESH = 'data[data-name="probability_of_gain"]:not(.updating)';

const servers = await Promise.all(dists.map((dist) => serve(dist, { gzip: true })));
const browser = await launch();

async function measure(server, query, options, slowdown) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
  await page.goto(`http://127.0.0.1:${server.address().port}/?${query}&lang=en`);
  await page.waitForSelector(FRESH, { timeout: 600_000 });
  // The change: one more shekel of service budget a year, as one keystroke makes it. It
  // is typed into the field where it is, without scrolling to it: on a phone, scrolling
  // would bring the charts into view and load them in the same moments.
  const field = "#field-service_budget_per_year";
  const budget = Number((await page.inputValue(field)).replace(/[^\d.]/g, ""));
  const fresh = page.evaluate(() => new Promise((resolve) => {
    let seen = false;
    const observer = new MutationObserver(() => {
      const chance = document.querySelector('data[data-name="probability_of_gain"]');
      if (chance?.classList.contains("updating")) seen = true;
      else if (seen && chance) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true });
  }));
  // The main thread's tasks from the key until the chance is fresh.
  const { result: [changed, done], tasks } = await traceMainThread(cdp, async () => {
    const changed = await page.evaluate(() => performance.now());
    await page.evaluate(([selector, value]) => {
      const input = document.querySelector(selector);
      input.value = value;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value.slice(-1) }));
    }, [field, String(budget + 1)]);
    return [changed, await fresh];
  });
  const longest = Math.max(0, ...tasks.map((task) => task.dur / 1000));
  await context.close();
  return { longest, fresh: done - changed };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`| scenario | device | bundle | longest task after the change | chance fresh after |`);
console.log(`|---|---|---|---:|---:|`);
for (const [name, query] of SCENARIOS) {
  for (const [device, options, slowdown] of DEVICES) {
    const figures = dists.map(() => ({ longest: [], fresh: [] }));
    for (let run = 0; run < runs; run += 1) {
      for (const [index, server] of servers.entries()) {
        const { longest, fresh } = await measure(server, query, options, slowdown);
        figures[index].longest.push(longest);
        figures[index].fresh.push(fresh);
      }
    }
    for (const [index, dist] of dists.entries()) {
      const { longest, fresh } = figures[index];
      console.log(`| ${name} | ${device} | ${dist} | ${Math.round(median(longest))} ms (${longest.map(Math.round).join(", ")}) | ${Math.round(median(fresh))} ms |`);
    }
  }
}
await browser.close();
for (const server of servers) server.close();
