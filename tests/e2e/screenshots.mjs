// Takes the screenshots people look at before UI work is called done: phone (360×740) and
// desktop (1280×800), English and Hebrew; the default scenario, an invalid entry, both
// helpers, and the Advanced section open. Usage: node tests/e2e/screenshots.mjs [dist] [out-dir]
import { mkdir } from "node:fs/promises";
import { launch, PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "docs/screenshots";
await mkdir(out, { recursive: true });
const server = await serve(dist);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const errors = [];

for (const [sizeName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  for (const language of ["en", "he"]) {
    const context = await browser.newContext({ viewport, locale: language === "he" ? "he-IL" : "en-US", deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`${sizeName}/${language}: ${error.message}`));
    await page.goto(url);
    await page.waitForSelector(".monte-carlo .chance", { timeout: 20000 });
    const shot = (name, fullPage = false) => page.screenshot({ path: `${out}/${sizeName}-${language}-${name}.png`, fullPage });
    await shot("default");
    await shot("default-full", true);
    await page.fill("#field-unhappy_share_now", "140");
    await page.waitForSelector(".stale-note");
    await page.evaluate(() => document.querySelector(".has-error .error").scrollIntoView({ block: "center" }));
    await shot("invalid");
    await page.fill("#field-unhappy_share_now", "40");
    await page.click("[aria-controls=lifetime-helper]");
    await page.locator("#lifetime-helper").scrollIntoViewIfNeeded();
    await shot("lifetime-helper");
    await page.click("[aria-controls=metrics-helper]");
    await page.locator("#metrics-helper").scrollIntoViewIfNeeded();
    await shot("metrics-helper");
    await page.click(".advanced > summary");
    await page.locator(".advanced").scrollIntoViewIfNeeded();
    await shot("advanced");
    await context.close();
  }
}
await browser.close();
server.close();
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log(`screenshots written to ${out}`);
