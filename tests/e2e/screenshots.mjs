// Takes the screenshots people look at before UI work is called done: phone (360×740) and
// desktop (1280×800), English and Hebrew; the default scenario, an invalid entry, both
// helpers, the Advanced section; the Share (with its QR code), Embed, Saved (two saved
// scenarios compared) and Export panels; the presenter view at 1280×720; the answer at
// first paint with the wasm blocked; embed.html; a host page with three elements of
// different settings; the Embed panel's builder; the workshop room (the presenter's before
// and after the reveal, a participant's phone); and the printed report's pages (PDF,
// rendered with pdftoppm when it is installed).
// Usage: node tests/e2e/screenshots.mjs [dist] [out-dir]
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { launch, PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { hostSite } from "./hosts.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "docs/screenshots";
await mkdir(out, { recursive: true });
const server = await serve(dist, { cors: true });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const errors = [];

async function open(viewport, language, address = url) {
  const context = await browser.newContext({ viewport, locale: language === "he" ? "he-IL" : "en-US", deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${language}: ${error.message}`));
  await page.goto(address);
  return { context, page };
}

for (const [sizeName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  for (const language of ["en", "he"]) {
    const { context, page } = await open(viewport, language);
    await page.waitForSelector(".privacy", { timeout: 20000 });
    // The charts come with their chunk once they are near the screen: at once on a
    // desktop, not until scrolled to on a phone.
    // A phone's whole page is shot as a visitor sees it after scrolling down once.
    if (viewport === PHONE) {
      await page.locator(".area-charts").scrollIntoViewIfNeeded();
      await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    } else {
      await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
    }
    const shot = (name, fullPage = false) => page.screenshot({ path: `${out}/${sizeName}-${language}-${name}.png`, fullPage });
    const panel = (id, name) => page.locator(`#${id}`).screenshot({ path: `${out}/${sizeName}-${language}-${name}.png` });
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
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(".tool[aria-controls=share-panel]");
    // The panels come with their chunk, fetched on the first click.
    await page.waitForSelector("#share-panel .qr");
    await shot("share");
    await panel("share-panel", "share-panel");
    await page.click(".tool[aria-controls=embed-panel]");
    await page.waitForSelector("#embed-panel .embed-preview iframe");
    await panel("embed-panel", "embed-panel");
    // The builder with other choices: the answers only, and events for the site's analytics.
    await page.selectOption("#embed-show", "headline");
    await page.check("#embed-events");
    await page.locator("#embed-panel .embed-preview iframe").scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await panel("embed-panel", "embed-builder-headline");
    // The builder's lead options: a capture form to the consultant's endpoint, with the
    // policy it needs.
    await page.selectOption("#embed-lead", "endpoint");
    await page.fill("#embed-lead-target", "https://hooks.zapier.com/hooks/catch/123/abc/");
    await page.locator("#embed-lead-target").press("Tab");
    await page.fill("#embed-lead-variant", "B");
    await page.locator("#embed-lead-variant").press("Tab");
    await page.locator(".lead-options").scrollIntoViewIfNeeded();
    await panel("embed-panel", "embed-builder-leads");
    await page.click(".tool[aria-controls=saved-panel]");
    await page.fill("#save-name", language === "he" ? "המרפאה היום" : "The clinic today");
    await page.click(".save-form button[type=submit]");
    await page.fill("#field-lifetime_profit", "45000");
    await page.fill("#field-unhappy_share_invest", "10");
    await page.fill("#save-name", language === "he" ? "עם לקוחות גדולים" : "With bigger clients");
    await page.click(".save-form button[type=submit]");
    await page.waitForFunction(() => document.querySelectorAll(".saved-item").length === 2);
    await page.selectOption("#compare-first", { index: 1 });
    await page.selectOption("#compare-second", { index: 2 });
    await panel("saved-panel", "saved-compared");
    await page.click(".tool[aria-controls=files-panel]");
    await panel("files-panel", "export-panel");
    await context.close();
  }
}

for (const language of ["en", "he"]) {
  const { context, page } = await open({ width: 1280, height: 720 }, language);
  await page.waitForSelector("data[data-name=npv_gain]");
  await page.click("#present");
  await page.waitForSelector(".presenter");
  await page.screenshot({ path: `${out}/presenter-1280x720-${language}.png` });
  await page.keyboard.press("Escape");
  await page.waitForSelector(".monte-carlo .chance", { timeout: 20000 });
  await page.emulateMedia({ media: "print" });
  const pdf = `${out}/report-${language}.pdf`;
  await writeFile(pdf, await page.pdf({ format: "A4", printBackground: true }));
  try {
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, `${out}/report-${language}`]);
  } catch {
    console.log("pdftoppm is not installed (Debian: poppler-utils); the PDF is kept as it is");
  }
  await context.close();
}

{
  const blocked = await serve(dist, { blocked: (path) => path.endsWith(".wasm") });
  for (const language of ["en", "he"]) {
    const { context, page } = await open(PHONE, language, `http://127.0.0.1:${blocked.address().port}/`);
    await page.waitForFunction(() => document.documentElement.classList.contains("cvc-failed"));
    await page.screenshot({ path: `${out}/phone-${language}-wasm-blocked.png` });
    await context.close();
  }
  blocked.close();
}

for (const [sizeName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  const { context, page } = await open(viewport, "en", `${url}embed.html`);
  await page.waitForFunction(() => [...document.querySelectorAll(".widget")].every((host) => host.shadowRoot?.querySelector("data[data-name=npv_gain]")), null, { timeout: 20000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${sizeName}-embed-html.png`, fullPage: true });
  await context.close();
}

{
  const root = await hostSite(url.replace(/\/$/, ""));
  const host = await serve(root, { host: "localhost" });
  for (const [sizeName, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    const { context, page } = await open(viewport, "en", `http://localhost:${host.address().port}/three.html`);
    await page.waitForFunction(() => [...document.querySelectorAll("customer-value-calculator")].every((element) => element.shadowRoot?.querySelector("data[data-name=npv_gain]")), null, { timeout: 20000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${sizeName}-host-three-elements.png`, fullPage: true });
    await context.close();
  }
  host.close();
}

// Lead capture: a consultant's page with the element and a capture form to an endpoint, at
// phone size in both languages; the form with the problems it names, and after a delivery.
{
  const { createServer } = await import("node:http");
  const endpoint = createServer((request, response) => {
    response.writeHead(request.method === "OPTIONS" ? 204 : 201, { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type" });
    response.end();
  });
  await new Promise((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
  const target = `http://127.0.0.1:${endpoint.address().port}/leads`;
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const root = mkdtempSync("/tmp/cvc-lead-shots-");
  for (const language of ["en", "he"]) {
    writeFileSync(`${root}/${language}.html`, `<!doctype html><html lang="${language}" dir="${language === "he" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Consultant</title><link rel="icon" href="data:,">
<script type="module" src="${url}embed.js"></script></head><body style="margin:8px;font-family:sans-serif">
<customer-value-calculator lang="${language}" show="headline" lead-endpoint="${target}"></customer-value-calculator></body></html>`);
  }
  const host = await serve(root, { host: "localhost" });
  for (const language of ["en", "he"]) {
    const { context, page } = await open(PHONE, language, `http://localhost:${host.address().port}/${language}.html`);
    await page.locator("customer-value-calculator .lead-slot").waitFor({ state: "attached", timeout: 20000 });
    await page.locator("customer-value-calculator .privacy").scrollIntoViewIfNeeded();
    await page.locator("customer-value-calculator .lead-form h2").waitFor({ timeout: 20000 });
    await page.locator("customer-value-calculator .lead-form").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/phone-${language}-lead-form.png` });
    await page.fill("customer-value-calculator #lead-reach", "dana@");
    await page.click("customer-value-calculator #lead-send");
    await page.locator("customer-value-calculator .lead-form").screenshot({ path: `${out}/phone-${language}-lead-form-problems.png` });
    await page.fill("customer-value-calculator #lead-name", language === "he" ? "דנה כהן" : "Dana Cohen");
    await page.fill("customer-value-calculator #lead-reach", "dana@example.co.il");
    await page.check("customer-value-calculator #lead-consent");
    await page.click("customer-value-calculator #lead-send");
    await page.locator("customer-value-calculator .lead-status.delivered").waitFor({ timeout: 15000 });
    await page.locator("customer-value-calculator .lead-form").screenshot({ path: `${out}/phone-${language}-lead-form-delivered.png` });
    await context.close();
  }
  host.close();
  endpoint.close();
}

// The workshop room: the release bundle served by the room server itself; the presenter's
// room at 1280×720 before and after the reveal (six businesses sent through the API, one far
// from the others, drawn hollow at the end of its lines), and a
// participant's phone at 360×740 (the room's line, the tools folded into one row).
{
  const { buildServer, sqliteDatabase, startServer } = await import("../rooms/servers.mjs");
  buildServer();
  const database = sqliteDatabase();
  const rooms = await startServer(database.url, ["--dist", dist]);
  try {
    for (const language of ["en", "he"]) {
      const { context, page } = await open({ width: 1280, height: 720 }, language, `${rooms.url}/?lang=${language}`);
      await page.waitForSelector(".privacy", { timeout: 20000 });
      await page.click("#present");
      await page.fill("#room-name", language === "he" ? "סדנת שירות, חיפה" : "Customer service workshop, Haifa");
      await page.click("#room-open");
      await page.waitForSelector(".room-code");
      const code = await page.getAttribute(".room-code", "data-code");
      // Ten businesses, two of them far above the others (drawn apart, in their order).
      const lifetimeProfit = [15000, 24000, 33000, 42000, 51000, 60000, 69000, 78000, 300000, 450000];
      for (const [i, profit] of lifetimeProfit.entries()) {
        await fetch(`${rooms.url}/api/rooms/${code}/entries/screenshot-phone-${language}-${i}`, { method: "PUT", body: JSON.stringify({ lifetime_profit: profit, unhappy_share_now: 0.3 + (i % 6) * 0.04 }) });
      }
      await page.waitForFunction((count) => document.querySelector(".room-count")?.dataset.count === count, String(lifetimeProfit.length));
      await page.screenshot({ path: `${out}/room-presenter-1280x720-${language}.png` });
      await page.click("#room-reveal");
      await page.waitForSelector(".room-dots .dot");
      await page.screenshot({ path: `${out}/room-presenter-revealed-1280x720-${language}.png` });
      await page.evaluate(() => localStorage.clear());
      await context.close();
      const phone = await open(PHONE, language, `${rooms.url}/?room=${code}&lang=${language}&lifetime_profit=52000`);
      await phone.page.waitForSelector("#room-send", { timeout: 20000 });
      // As a participant sees it once the room has answered: its name and count.
      await phone.page.waitForFunction(() => /\d/.test(document.querySelector(".room-bar .room-count")?.textContent ?? ""), null, { timeout: 20000 });
      await phone.page.screenshot({ path: `${out}/room-phone-${language}.png` });
      await phone.page.click("#room-send");
      await phone.page.waitForSelector(".room-bar .standing", { timeout: 20000 });
      await phone.page.screenshot({ path: `${out}/room-phone-standing-${language}.png` });
      await phone.context.close();
    }
  } finally {
    await rooms.kill();
    database.remove();
  }
}

await browser.close();
server.close();
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log(`screenshots written to ${out}`);
