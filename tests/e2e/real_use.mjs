// The faults of real use, end to end on the release bundle in Chromium: two tabs of one
// browser saving, renaming and deleting at once (each open Saved panel follows the
// others, and no tab writes over another's change), and a tab left open while a new
// release is deployed and another tab takes it up (the page offers the new release and
// keeps its scenario, rather than a part that can never come).
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, buildFacts, check } from "./harness.mjs";
import { PHONE } from "./browser.mjs";
import { serve } from "./serve.mjs";

/** A page that records its errors, opened in `context` (shared with the other tab). */
async function tab(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
  return { page, problems };
}

/**
 * Waits until the async `condition` (run in the page with `arg`) holds. Playwright's
 * waitForFunction takes a returned promise as a truthy answer at once, so a condition
 * on the Cache Storage (which is async) is polled here instead.
 */
async function until(page, condition, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await page.evaluate(condition, arg)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out: ${condition}`);
}

const names = (page) => page.$$eval("#saved-panel .saved-name bdi", (elements) => elements.map((element) => element.textContent));
const savedKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("cvc.saved.")));

async function openSaved(page) {
  await page.click(".tool[aria-controls=saved-panel]");
  await page.waitForSelector("#saved-panel .save-form");
}

async function saveAs(page, name) {
  await page.fill("#save-name", name);
  await page.click("#saved-panel .save-form button[type=submit]");
}

async function twoTabs(browser, origin) {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-US" });
  const one = await tab(context, `${origin}/?lang=en`);
  const other = await tab(context, `${origin}/?lang=en&lifetime_profit=45000`);
  await openSaved(one.page);
  await openSaved(other.page);

  await check("two tabs: ten saves in each at once keep all twenty, and both open panels list them", async () => {
    const saveTen = async (page, label) => {
      for (let i = 1; i <= 10; i += 1) await saveAs(page, `${label} ${i}`);
    };
    await Promise.all([saveTen(one.page, "First tab"), saveTen(other.page, "Second tab")]);
    assert((await savedKeys(one.page)).length === 20, `entries in storage: ${(await savedKeys(one.page)).length}`);
    for (const page of [one.page, other.page]) {
      await page.waitForFunction(() => document.querySelectorAll("#saved-panel .saved-item").length === 20, null, { timeout: 3000 });
    }
    const listed = new Set(await names(other.page));
    for (const label of ["First tab", "Second tab"]) {
      for (let i = 1; i <= 10; i += 1) assert(listed.has(`${label} ${i}`), `the second tab lists ${label} ${i}`);
    }
  });

  await check("two tabs: a save, a rename and a delete in one tab show in the other's open panel", async () => {
    await saveAs(one.page, "Saved over there");
    await other.page.waitForSelector("#saved-panel .saved-name bdi:text-is('Saved over there')", { timeout: 3000 });
    const item = one.page.locator(".saved-item", { hasText: "Saved over there" });
    await item.locator("button.secondary").first().click();
    await item.locator("input").fill("Renamed over there");
    await item.locator("button[type=submit]").click();
    await other.page.waitForSelector("#saved-panel .saved-name bdi:text-is('Renamed over there')", { timeout: 3000 });
    assert(!(await names(other.page)).includes("Saved over there"), "the old name is gone from the other tab");
    const there = other.page.locator(".saved-item", { hasText: "Renamed over there" });
    await there.locator("button.secondary").nth(1).click();
    await there.locator("button.danger").click();
    await one.page.waitForFunction(() => ![...document.querySelectorAll("#saved-panel .saved-name bdi")].some((name) => name.textContent === "Renamed over there"), null, { timeout: 3000 });
  });

  await check("two tabs: a rename begun before the other tab renamed the entry is refused, and says so", async () => {
    const mine = one.page.locator(".saved-item", { hasText: "First tab 3" });
    await mine.locator("button.secondary").first().click();
    await mine.locator("input").fill("My name for it");
    // The row's name changes when the other tab's rename arrives; its form stays.
    const form = one.page.locator(`form:has(#${await mine.locator("input").getAttribute("id")})`);
    // Meanwhile, in the other tab.
    const theirs = other.page.locator(".saved-item", { hasText: "First tab 3" });
    await theirs.locator("button.secondary").first().click();
    await theirs.locator("input").fill("Their name for it");
    await theirs.locator("button[type=submit]").click();
    await one.page.waitForSelector("#saved-panel label:has-text('Their name for it')", { timeout: 3000 });
    await form.locator("button[type=submit]").click();
    const status = await one.page.textContent("#saved-panel .status");
    assert(status.includes("changed or deleted in another tab"), `status: ${status}`);
    const stored = await one.page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith("cvc.saved.")).map(([, text]) => JSON.parse(text).name));
    assert(stored.includes("Their name for it") && !stored.includes("My name for it"), `names stored: ${stored}`);
    await one.page.waitForSelector("#saved-panel .saved-name bdi:text-is('Their name for it')");
  });

  await check("two tabs: a delete confirmed after the other tab deleted the entry changes nothing, and says so", async () => {
    const mine = one.page.locator(".saved-item", { hasText: "Second tab 7" });
    await mine.locator("button.secondary").nth(1).click();
    const before = (await savedKeys(one.page)).length;
    const theirs = other.page.locator(".saved-item", { hasText: "Second tab 7" });
    await theirs.locator("button.secondary").nth(1).click();
    await theirs.locator("button.danger").click();
    await other.page.waitForFunction(() => ![...document.querySelectorAll(".saved-name bdi")].some((name) => name.textContent === "Second tab 7"));
    // The first tab's list drops the entry as soon as it hears of it; a confirmation
    // clicked in the moment before is refused by the store.
    const shown = await mine.count();
    if (shown > 0) {
      await mine.locator("button.danger").click({ timeout: 1000 }).catch(() => {});
    }
    await one.page.waitForFunction(() => ![...document.querySelectorAll(".saved-name bdi")].some((name) => name.textContent === "Second tab 7"), null, { timeout: 3000 });
    assert((await savedKeys(one.page)).length === before - 1, "exactly one entry was deleted");
    const problems = [...one.problems, ...other.problems];
    assert(problems.length === 0, problems.join("\n"));
  });
  await check("a name a saved scenario has already is told apart: saved and renamed as “(2)”, “(3)”, and the status says so", async () => {
    const status = async () => (await one.page.textContent("#saved-panel .status")).replace(/[\u2068\u2069]/g, "");
    await saveAs(one.page, "Client A");
    await saveAs(one.page, "client a");
    await one.page.waitForFunction(() => document.querySelector("#saved-panel .status").textContent.includes("(2)"));
    assert((await status()) === "Saved as “client a (2)”.", `status: ${await status()}`);
    const item = one.page.locator(".saved-item", { hasText: "First tab 1" }).filter({ hasNotText: "First tab 10" });
    await item.locator("button.secondary").first().click();
    await item.locator("input").fill("Client A");
    await item.locator("button[type=submit]").click();
    await one.page.waitForFunction(() => document.querySelector("#saved-panel .status").textContent.includes("(3)"));
    assert((await status()) === "Renamed to “Client A (3)”.", `status: ${await status()}`);
    await other.page.waitForFunction(() => [...document.querySelectorAll("#saved-panel .saved-name bdi")].filter((name) => name.textContent.toLowerCase().startsWith("client a")).length === 3, null, { timeout: 3000 });
    const shown = (await names(other.page)).filter((name) => name.toLowerCase().startsWith("client a")).sort();
    assert(JSON.stringify(shown) === JSON.stringify(["Client A", "Client A (3)", "client a (2)"]), `listed: ${shown}`);
  });
  await check("a long saved name wraps inside the panel on a phone, in its list and in the comparison's choices, and never widens the page", async () => {
    for (const name of ["Dental clinic, Tel Aviv, 2025 baseline with the new front desk", "מרפאת שיניים תל אביב – תרחיש בסיס 2025 עם דלפק הקבלה החדש"]) await saveAs(one.page, name);
    await one.page.waitForFunction(() => [...document.querySelectorAll(".saved-name bdi")].some((name) => name.textContent.startsWith("מרפאת")));
    const wide = await one.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, panel: Math.round(document.getElementById("saved-panel").getBoundingClientRect().right), over: [...document.querySelectorAll("#saved-panel *")].filter((element) => !element.parentElement.closest(".table-scroll") && element.getBoundingClientRect().right > window.innerWidth + 0.5).map((element) => element.tagName) }));
    assert(wide.page <= wide.window && wide.panel <= wide.window && wide.over.length === 0, JSON.stringify(wide));
  });
  await context.close();
}

/** Release N+1 in place of N: every hashed name changed, the release renamed, N's files gone. */
async function deployNext(copy) {
  const files = await readdir(copy);
  // Every file named after its content: the program's JS, its loader, its main module and
  // chunks, and the stylesheet (the loader and the JS name each other and the chunks).
  const stamp = /-([0-9a-f]{16})(_bg\.wasm|-split\.js|\.wasm|\.js|\.css)$/;
  const hashed = files.filter((file) => stamp.test(file));
  const texts = ["index.html", "sw.js", "embed.js", "frame.js", "release.json", ...hashed.filter((file) => file.endsWith(".js"))];
  const contents = Object.fromEntries(await Promise.all(texts.map(async (file) => [file, await readFile(join(copy, file), "utf8")])));
  const { release } = JSON.parse(contents["release.json"]);
  const next = `n${release.slice(1)}`;
  const renamed = Object.fromEntries(hashed.map((file) => [file, file.replace(stamp, "-n$1$2")]));
  for (const file of hashed) {
    await rename(join(copy, file), join(copy, renamed[file]));
    for (const name of texts) contents[name] = contents[name].replaceAll(file, renamed[file]);
  }
  for (const name of texts) contents[name] = contents[name].replaceAll(release, next);
  for (const [name, text] of Object.entries(contents)) await writeFile(join(copy, renamed[name] ?? name), text);
  return { hashed, release, next };
}

async function releaseUnderAnOpenTab(browser, dist) {
  const copy = await mkdtemp(join(tmpdir(), "cvc-deploy-"));
  await cp(dist, copy, { recursive: true });
  const server = await serve(copy, { port: 0 });
  const local = `http://127.0.0.1:${server.address().port}`;
  // At phone size the charts are far below, so no chunk is fetched until a panel asks
  // for one.
  const context = await browser.newContext({ viewport: PHONE, locale: "en-US" });
  try {
    const old = await tab(context, `${local}/?lang=en&lifetime_profit=30000`);
    await check("a release under an open tab: the tab left on release N offers release N+1 and keeps its scenario", async () => {
      await until(old.page, async () => navigator.serviceWorker.controller !== null && (await caches.keys()).length === 1);
      const [cacheBefore] = await old.page.evaluate(() => caches.keys());
      // An edit in the old tab, which reaches its address after the pause.
      await old.page.fill("#field-lifetime_profit", "35000");
      await old.page.waitForFunction(() => location.search.includes("lifetime_profit=35000"));
      const gain = await old.page.getAttribute("data[data-name=npv_gain]", "value");
      const fetched = await old.page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.includes("/chunk-")));
      assert(fetched.length === 0, `the old tab has not fetched a chunk yet: ${fetched}`);
      const { hashed, next } = await deployNext(copy);
      // A second tab opens release N+1; its worker takes over and deletes N's cache.
      const fresh = await tab(context, `${local}/?lang=en`);
      await until(fresh.page, async (before) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] !== before;
      }, cacheBefore);
      await fresh.page.close();
      // Back in the first tab: a panel it never fetched.
      await old.page.click(".tool[aria-controls=share-panel]");
      // The panel says so, and the charts' place too (a panel asks for the charts as well).
      const offer = old.page.locator(".part-status", { hasText: "A new version of the calculator is out" }).first();
      await offer.waitFor({ timeout: 10000 }).catch(async (error) => {
        throw new Error(`shown: ${await old.page.locator(".part-status").allTextContents()} panel: ${await old.page.locator("#share-panel").count()} caches: ${await old.page.evaluate(() => caches.keys())} resources: ${await old.page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.includes("chunk-")))}\n${old.problems.join("\n")}`);
      });
      await offer.locator("button", { hasText: "Load the new version" }).click();
      await old.page.waitForFunction(() => document.querySelector("script[data-cvc-release]")?.dataset.cvcRelease?.startsWith("n"), null, { timeout: 20000 });
      await old.page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      assert((await old.page.inputValue("#field-lifetime_profit")) === "35000", "the edited scenario stays");
      assert((await old.page.getAttribute("data[data-name=npv_gain]", "value")) === gain, "the same figures");
      await old.page.click(".tool[aria-controls=share-panel]");
      await old.page.waitForSelector("#share-panel #share-link", { timeout: 10000 });
      const loaded = await old.page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname.slice(1)));
      const stale = loaded.filter((path) => hashed.includes(path));
      assert(stale.length === 0, `files of release N after the reload: ${stale}`);
      assert(next.startsWith("n"), next);
      // The old release's chunk is gone (404): the split's loader says so on the console.
      const problems = old.problems.filter((line) => !/Failed to fetch dynamically imported module|404|Not Found|HTTP status code is not ok/.test(line));
      assert(problems.length === 0, problems.join("\n"));
    });
  } finally {
    await context.close();
    server.close();
    await rm(copy, { recursive: true, force: true });
  }
}

/** The service worker's precache list and the program's chunks agree: every file of the
 * page's entry (its main module and every chunk, with the shared ones) is precached, so the
 * page works offline after one visit, and nothing of the embed's entry or the iframe's, which
 * only other sites load. */
async function precacheFollowsTheChunks(dist) {
  await check("the service worker precaches every chunk of the page, as chunks.json names them, and the locale-data worker, and none of the embed's or the iframe's", async () => {
    const program = JSON.parse(await readFile(join(dist, "chunks.json"), "utf8"));
    const worker = await readFile(join(dist, "sw.js"), "utf8");
    const listed = worker.match(/FILES ?= ?(\[[^\]]*\])/);
    assert(listed, "sw.js lists its files");
    const files = new Set(JSON.parse(listed[1]));
    const page = [...program.page.main, ...Object.values(program.page.chunks).flat()];
    // And the worker start.js starts to load the locale data (web/intl-warmup.js).
    const index = await readFile(join(dist, "index.html"), "utf8");
    const intl = index.match(/data-cvc-intl="?[^"\s>]*?(intl-warmup-[0-9a-f]{16}\.js)/)?.[1];
    assert(intl, "the start tag names the locale-data worker");
    page.push(intl);
    const missing = page.filter((file) => !files.has(file));
    assert(missing.length === 0, `not precached: ${missing.join(", ")}`);
    for (const entry of ["embed", "iframe"]) {
      const theirs = [...program[entry].main, ...Object.values(program[entry].chunks).flat()].filter((file) => files.has(file));
      assert(theirs.length === 0, `the ${entry}'s files precached: ${theirs.join(", ")}`);
    }
    // The page is cut at every split point; the embed and the iframe only at those of the
    // parts a calculator on another site shows (cvc_core::parts::Chunk::ON_OTHER_SITES).
    const facts = buildFacts();
    const [page_, embed_, iframe_] = ["page", "embed", "iframe"].map((entry) => Object.keys(program[entry].chunks).sort().join());
    const [all, elsewhere] = [facts.chunks, facts.chunks_on_other_sites].map((names) => names.slice().sort().join());
    assert(page_ === all && embed_ === elsewhere && iframe_ === elsewhere && elsewhere !== all, `the page's chunks ${page_}, the embed's ${embed_}, the iframe's ${iframe_}`);
    for (const file of await readdir(dist)) {
      if (/^chunk-.*\.wasm$/.test(file)) assert(files.has(file), `${file} is served and not precached`);
    }
  });
}

export async function run({ browser, origin, dist }) {
  await precacheFollowsTheChunks(dist);
  await twoTabs(browser, origin);
  await releaseUnderAnOpenTab(browser, dist);
}
