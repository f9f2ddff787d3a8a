// Lighthouse on the release bundle, as a phone on a slow connection gets it: the npm
// `lighthouse` package with the Debian Chromium, its mobile preset (slow 4G, 4× CPU),
// the bundle served with gzip as a CDN would. A benchmark, not a test: it prints the
// figures of each run and their median, and writes them to docs/lighthouse.md with the
// median run's full report in docs/lighthouse-report.json.
//
// Usage: node scripts/lighthouse.mjs [dist] [runs]   (scripts/lighthouse.sh sets it up)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../tests/e2e/serve.mjs";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 3);
const server = await serve(dist, { gzip: true });
const url = `http://127.0.0.1:${server.address().port}/`;
const flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const out = mkdtempSync(join(tmpdir(), "cvc-lighthouse-"));

const results = [];
for (let run = 1; run <= runs; run += 1) {
  const file = join(out, `run-${run}.json`);
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
  results.push(row);
  console.log(`run ${run}: performance ${row.performance}, LCP ${Math.round(row.lcp)} ms, TBT ${Math.round(row.tbt)} ms, CLS ${row.cls}, accessibility ${row.accessibility}, best practices ${row.bestPractices}`);
}
server.close();

const median = (key) => {
  const values = results.map((row) => row[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
const medianRun = [...results].sort((a, b) => a.lcp - b.lcp)[Math.floor(results.length / 2)];
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
  "| run | performance | accessibility | best practices | FCP | LCP | TBT | CLS | speed index | bytes |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map((row) => `| ${row.run} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${ms(row.fcp)} | ${ms(row.lcp)} | ${ms(row.tbt)} | ${row.cls} | ${ms(row.si)} | ${row.bytes} |`),
  `| **median** | **${median("performance")}** | **${median("accessibility")}** | **${median("bestPractices")}** | **${ms(median("fcp"))}** | **${ms(median("lcp"))}** | **${ms(median("tbt"))}** | **${median("cls")}** | **${ms(median("si"))}** | **${median("bytes")}** |`,
  "",
  "Targets (issue 9): performance 1.0, LCP ≤ 1.2 s, TBT ≤ 50 ms, accessibility 1.0, best practices 1.0.",
  "",
];
writeFileSync("docs/lighthouse.md", lines.join("\n"));
writeFileSync("docs/lighthouse-report.json", readFileSync(medianRun.file));
console.log(`median: performance ${median("performance")}, LCP ${ms(median("lcp"))}, TBT ${ms(median("tbt"))}, CLS ${median("cls")}; written to docs/lighthouse.md`);
