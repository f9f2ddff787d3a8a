// What every end-to-end suite shares: named checks that count passes and failures, a
// page that records errors, dialogs, requests to other hosts and Content-Security-Policy
// violations, and axe run through DevTools (the page's policy forbids injected scripts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

export const tally = { passed: 0, failed: 0 };

export async function check(name, body) {
  try {
    await body();
    tally.passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    tally.failed += 1;
    const lines = String(error.stack ?? error).split("\n").slice(0, 4).map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
    console.log(`FAIL ${name}\n     ${lines.join("\n     ")}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Two figures equal to a part in a million (the page's and the command-line tool's). */
export const close = (a, b) => typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Each of `names` in `shown` is the command-line tool's figure in `expected` (or, like it, none). */
export function assertFigures(shown, expected, names, label) {
  for (const name of names) {
    const ok = expected[name] === null ? shown[name] === null : close(shown[name], expected[name]);
    assert(ok, `${label}: ${name} is ${shown[name]}, the command-line tool says ${expected[name]}`);
  }
}

/**
 * Opens `url` in a fresh context. `problems` collects page errors, console errors, dialogs
 * (a script that ran), requests to hosts other than `origins`, and CSP violations;
 * `warnings` the console's warnings, of the page and its frames. With `cpuThrottling`,
 * the page loads on a CPU that many times slower (a phone's: 4), until it is set back.
 */
export async function openPage(browser, url, { viewport, locale = "en-US", colorScheme = "light", origins = [], wait = "data[data-name=npv_gain]", permissions = [], cpuThrottling = 1 } = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    }, true);
  });
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  const allowed = new Set([new URL(url).origin, ...origins]);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location()?.url ?? "?"})`);
    if (message.type() === "warning") warnings.push(message.text());
  });
  page.on("dialog", async (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    const target = new URL(request.url());
    if (!allowed.has(target.origin) && target.protocol !== "data:" && target.protocol !== "blob:") problems.push(`request to another host: ${request.url()}`);
  });
  if (cpuThrottling !== 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuThrottling });
  await page.goto(url);
  if (wait) await page.waitForSelector(wait, { timeout: 20000 });
  return { context, page, problems, warnings };
}

/** Every CSP violation the page and its frames reported so far. */
export async function violations(page) {
  const found = [];
  for (const frame of page.frames()) {
    try {
      found.push(...(await frame.evaluate(() => window.__violations ?? [])));
    } catch {
      // A frame that went away has nothing to report.
    }
  }
  return found;
}

/** Runs axe with the given rules through DevTools, so the page's CSP does not block it. */
export async function axe(page, rules) {
  await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const result = await window.axe.run(document, { runOnly: { type: "rule", values } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
  }, rules);
}

/** The command-line tool's results for a scenario file (built natively by `cargo test`). */
export function cli(file) {
  const built = join("target", "debug", "cvc");
  if (!existsSync(built)) execFileSync("cargo", ["build", "--quiet", "--bin", "cvc"], { stdio: "inherit" });
  const output = execFileSync(built, [file], { encoding: "utf8" });
  return JSON.parse(output);
}

/** What the bundle needs from the Rust code (the build-facts tool's JSON): the chunks'
 * names, the element's tag, the frame's messages. */
export function buildFacts() {
  const built = join("target", "debug", "build-facts");
  if (!existsSync(built)) execFileSync("cargo", ["build", "--quiet", "-p", "cvc-cli", "--bin", "build-facts"], { stdio: "inherit" });
  return JSON.parse(execFileSync(built, [], { encoding: "utf8" }));
}

/** The same for a scenario given as an object. */
export function cliFor(scenario) {
  const file = join(mkdtempSync(join(tmpdir(), "cvc-cli-")), "scenario.json");
  writeFileSync(file, JSON.stringify(scenario));
  return cli(file);
}

/** A port nobody listens on now, for a server or driver the test starts. */
export const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
