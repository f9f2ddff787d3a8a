// Lighthouse on the release bundle, as a phone on a slow connection gets it: the npm
// `lighthouse` package with the Debian Chromium, its mobile preset (slow 4G, 4× CPU),
// the bundle served with gzip as a CDN would. A benchmark, not a test: it prints the
// figures of each run and their median, and writes them to docs/lighthouse.md with the
// median run's full report in docs/lighthouse-report.json.
//
// With `--before DIR`, another bundle (an earlier commit's release) is run too, in turns
// with this one (A B, B A, …) on the same machine in the same minutes, and the figures are
// given as before/after medians and ratios: the machine moves the absolute figures a lot,
// the ratio far less.
//
// Usage: node scripts/lighthouse.mjs [dist] [runs] [--before DIR]
//        (scripts/lighthouse.sh sets it up)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../tests/e2e/serve.mjs";

const args = process.argv.slice(2);
const beforeAt = args.indexOf("--before");
const beforeDist = beforeAt >= 0 ? args.splice(beforeAt, 2)[1] : null;
const dist = args[0] ?? "dist";
const runs = Number(args[1] ?? 3);
const bundles = [{ label: "now", dist }, ...(beforeDist ? [{ label: "before", dist: beforeDist }] : [])];
for (const bundle of bundles) {
  bundle.server = await serve(bundle.dist, { gzip: true });
  bundle.url = `http://127.0.0.1:${bundle.server.address().port}/`;
}
const flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const out = mkdtempSync(join(tmpdir(), "cvc-lighthouse-"));

const results = [];
for (let run = 1; run <= runs; run += 1) {
  // In turns, and the other way round every other run.
  const order = run % 2 ? bundles : [...bundles].reverse();
  for (const bundle of order) results.push(await lighthouse(run, bundle));
}
for (const bundle of bundles) bundle.server.close();

async function lighthouse(run, { label, url }) {
  const file = join(out, `run-${run}-${label}.json`);
  // Asynchronously: the server answering Lighthouse runs in this same process.
  await promisify(execFile)(
    "node_modules/.bin/lighthouse",
    [url, "--quiet", "--output=json", `--output-path=${file}`, `--chrome-flags=${flags}`, "--only-categories=performance,accessibility,best-practices"],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, timeout: 300000 },
  );
  const report = JSON.parse(readFileSync(file, "utf8"));
  const audit = (id) => report.audits[id]?.numericValue ?? NaN;
  const row = {
    run,
    label,
    file,
    performance: report.categories.performance.score,
    accessibility: report.categories.accessibility.score,
    bestPractices: report.categories["best-practices"].score,
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    si: audit("speed-index"),
    bytes: audit("total-byte-weight"),
  };
  console.log(`run ${run} (${label}): performance ${row.performance}, LCP ${Math.round(row.lcp)} ms, TBT ${Math.round(row.tbt)} ms, CLS ${row.cls}, accessibility ${row.accessibility}, best practices ${row.bestPractices}`);
  return row;
}

const median = (key, label = "now") => {
  const values = results.filter((row) => row.label === label).map((row) => row[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
const mine = results.filter((row) => row.label === "now");
const medianRun = [...mine].sort((a, b) => a.lcp - b.lcp)[Math.floor(mine.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;
const lines = [
  "# Lighthouse",
  "",
  "`scripts/lighthouse.sh` on the release bundle: Lighthouse 13.5 (npm), Debian Chromium, the",
  "mobile preset (simulated slow 4G, 4× CPU slowdown), the bundle served with gzip -9 as a",
  "CDN would. A benchmark, not a test. The full report of the median run (by LCP) is",
  "`docs/lighthouse-report.json`.",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)}, ${runs} runs.`,
  "",
  ...(beforeDist ? [`Alternating with the bundle before (\`${beforeDist}\`), run by run.`, ""] : []),
  "| run | bundle | performance | accessibility | best practices | FCP | LCP | TBT | CLS | speed index | bytes |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map((row) => `| ${row.run} | ${row.label} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${ms(row.fcp)} | ${ms(row.lcp)} | ${ms(row.tbt)} | ${row.cls} | ${ms(row.si)} | ${row.bytes} |`),
  ...bundles.map(({ label }) => `| **median** | **${label}** | **${median("performance", label)}** | **${median("accessibility", label)}** | **${median("bestPractices", label)}** | **${ms(median("fcp", label))}** | **${ms(median("lcp", label))}** | **${ms(median("tbt", label))}** | **${median("cls", label)}** | **${ms(median("si", label))}** | **${median("bytes", label)}** |`),
  "",
  ...(beforeDist
    ? [`Now against before, medians: LCP ×${(median("lcp") / median("lcp", "before")).toFixed(2)}, TBT ×${(median("tbt") / Math.max(1, median("tbt", "before"))).toFixed(2)}, bytes ×${(median("bytes") / median("bytes", "before")).toFixed(2)}.`, ""]
    : []),
  "Targets (issue 29): performance 1.00, LCP ≤ 1.0 s, TBT ≤ 50 ms (issue 9: accessibility 1.0, best practices 1.0).",
  "",
];
writeFileSync("docs/lighthouse.md", lines.join("\n"));
writeFileSync("docs/lighthouse-report.json", readFileSync(medianRun.file));
console.log(`median: performance ${median("performance")}, LCP ${ms(median("lcp"))}, TBT ${ms(median("tbt"))}, CLS ${median("cls")}; written to docs/lighthouse.md`);
