// End-to-end checks of the release bundle in headless Chromium, as a visitor gets it:
// it renders at phone and desktop size in both languages, makes no request to any other
// host, has no horizontal scroll, keeps touch targets at 44 px, passes axe's contrast and
// labelling rules, and updates the DOM quickly after an input event (the figure is printed
// for docs/benchmarks.md, not asserted). Usage: node tests/e2e/run.mjs [dist]
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { launch, PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";

const dist = process.argv[2] ?? "dist";
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const server = await serve(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(error.stack ?? error).split("\n").slice(0, 4).join("\n     ")}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function open(viewport, locale, colorScheme = "light") {
  const context = await browser.newContext({ viewport, locale, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== "data:") problems.push(`request to another host: ${request.url()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
  return { context, page, problems };
}

for (const [sizeName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  for (const locale of ["en-US", "he-IL"]) {
    const label = `${sizeName} ${locale}`;
    const { context, page, problems } = await open(viewport, locale);
    const language = locale.slice(0, 2);

    await check(`${label}: follows the browser language`, async () => {
      const lang = await page.getAttribute(".cvc", "lang");
      const dir = await page.getAttribute(".cvc", "dir");
      assert(lang === language, `lang=${lang}`);
      assert(dir === (language === "he" ? "rtl" : "ltr"), `dir=${dir}`);
    });

    await check(`${label}: no horizontal scroll`, async () => {
      await page.click(".advanced > summary");
      await page.waitForTimeout(100);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    });

    await check(`${label}: touch targets are at least 44px tall`, async () => {
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("input[type=text], select, button, summary")]
          .filter((element) => element.offsetParent !== null)
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ element, box }) => box.height < 44 && !element.closest(".why"))
          .map(({ element, box }) => `${element.tagName.toLowerCase()}#${element.id || element.className} ${box.height.toFixed(0)}px`),
      );
      assert(small.length === 0, `small targets: ${small.join(", ")}`);
    });

    await check(`${label}: axe finds no contrast, label or ARIA violations`, async () => {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: "rule", values: ["color-contrast", "label", "aria-valid-attr-value", "aria-allowed-attr", "button-name", "select-name", "html-has-lang", "duplicate-id", "list", "definition-list", "dlitem"] },
        });
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
      });
      assert(violations.length === 0, violations.join("\n"));
    });

    await check(`${label}: an invalid entry shows its message, keeps the result, and keeps contrast`, async () => {
      const before = await page.getAttribute("data[data-name=npv_gain]", "value");
      await page.fill("#field-unhappy_share_now", "140");
      await page.waitForSelector(".stale-note");
      const message = await page.textContent("#field-unhappy_share_now-error");
      assert(message.includes(language === "he" ? "מותר" : "Allowed"), `message: ${message}`);
      assert((await page.getAttribute("data[data-name=npv_gain]", "value")) === before, "the last result stays");
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } });
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
      });
      await page.fill("#field-unhappy_share_now", "40");
      assert(violations.length === 0, violations.join("\n"));
    });

    await check(`${label}: nothing left the browser and nothing failed`, async () => {
      await page.waitForTimeout(600);
      assert(problems.length === 0, problems.join("\n"));
    });

    await check(`${label}: the form works from the keyboard alone`, async () => {
      // Start from the example picker at the top and walk forward as a keyboard user does.
      await page.focus("#preset-select");
      let reached = false;
      for (let i = 0; i < 30 && !reached; i += 1) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.id === "field-lifetime_profit");
      }
      assert(reached, "Tab reaches the lifetime-profit input");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert(outline !== "none", "focus is visible");
      const before = await page.getAttribute("data[data-name=yearly_cost_of_poor_service]", "value");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("30000");
      await page.waitForTimeout(50);
      const after = await page.getAttribute("data[data-name=yearly_cost_of_poor_service]", "value");
      // The yearly cost is linear in L: 30,000 instead of 20,000 multiplies it by 1.5.
      assert(Math.abs(Number(after) / Number(before) - 1.5) < 1e-9, `cost went from ${before} to ${after}`);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("20000");
    });

    if (sizeName === "desktop") {
      await check(`${label}: input-to-DOM time measured`, async () => {
        const times = await page.evaluate(async () => {
          const input = document.querySelector("#field-lifetime_profit");
          const target = document.querySelector("data[data-name=npv_gain]");
          const results = [];
          for (let i = 1; i <= 40; i += 1) {
            let changedAt = NaN;
            const observer = new MutationObserver(() => {
              if (Number.isNaN(changedAt)) changedAt = performance.now();
            });
            observer.observe(target, { attributes: true, characterData: true, subtree: true, childList: true });
            input.value = String(20000 + 100 * i);
            const start = performance.now();
            input.dispatchEvent(new InputEvent("input", { bubbles: true }));
            await new Promise((resolve) => setTimeout(resolve, 30));
            observer.disconnect();
            results.push(changedAt - start);
          }
          return results;
        });
        assert(times.every((time) => Number.isFinite(time)), "every edit updated the DOM");
        times.sort((a, b) => a - b);
        const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
        console.log(`     input-to-DOM ${locale}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms over ${times.length} edits`);
      });
    }
    await context.close();
  }
}

{
  // Dark mode has its own palette; its contrast is checked too.
  const { context, page, problems } = await open(DESKTOP, "he-IL", "dark");
  await check("desktop he-IL dark: axe finds no contrast violations", async () => {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: "rule", values: ["color-contrast"] } });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
    });
    assert(violations.length === 0 && problems.length === 0, [...violations, ...problems].join("\n"));
  });
  await context.close();
}

await browser.close();
server.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
