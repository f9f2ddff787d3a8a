// What workshops and client reports need, end to end on the release bundle: a QR code
// that decodes to the page's link, the presenter view, the app working offline after
// one visit and a new release replacing the old cache, saved scenarios that survive a
// reload and a corrupt entry, full storage, the JSON and CSV exports (the JSON through
// the command-line tool), import, and a printed report of at most two A4 pages.
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { check, assert, cli, openPage, violations } from "./harness.mjs";
import { PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";

const PROJECTOR = { width: 1280, height: 720 };

/** Reads the QR code in an element's screenshot, padded with white as a camera sees it. */
export async function decodeQr(locator) {
  const shot = PNG.sync.read(await locator.screenshot());
  const pad = 40;
  const width = shot.width + 2 * pad;
  const height = shot.height + 2 * pad;
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < shot.height; y += 1) {
    const from = y * shot.width * 4;
    pixels.set(shot.data.subarray(from, from + shot.width * 4), ((y + pad) * width + pad) * 4);
  }
  return jsQR(pixels, width, height)?.data ?? null;
}

const shown = (page, name) => page.getAttribute(`data[data-name=${name}]`, "value");

/** Counts the pages of a PDF by its page objects. */
function pdfPages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}


export async function run({ browser, origin, dist }) {
  {
    const { context, page, problems } = await openPage(browser, `${origin}/?lifetime_profit=45000&lang=en`, { viewport: PHONE });
    await check("QR code: the Share panel's code decodes to the page's link", async () => {
      // The address bar settles on the full link (currency and language) after a pause.
      await page.waitForFunction(() => location.search.includes("currency=ILS"));
      await page.click(".tool[aria-controls=share-panel]");
      const qr = page.locator("#share-panel svg.qr");
      assert((await qr.getAttribute("aria-label")).includes("QR"), "an accessible name with QR");
      const link = await page.inputValue("#share-link");
      const decoded = await decodeQr(qr);
      assert(decoded === link, `decoded ${decoded}, link ${link}`);
      assert(decoded === page.url(), `decoded ${decoded}, page ${page.url()}`);
    });
    await check("QR code: it follows an edit", async () => {
      await page.fill("#field-unhappy_share_now", "35");
      await page.waitForFunction(() => location.search.includes("unhappy_share_now=0.35"));
      const decoded = await decodeQr(page.locator("#share-panel svg.qr"));
      assert(decoded === page.url() && decoded.includes("unhappy_share_now=0.35"), `decoded ${decoded}`);
      assert(problems.length === 0 && (await violations(page)).length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    const { context, page, problems } = await openPage(browser, `${origin}/?unhappy_share_now=0.35&lang=en`, { viewport: PROJECTOR });
    await check("presenter view at 1280×720: answers at least 64 px tall, a QR code of the same scenario, Escape leaves and the charts come back", async () => {
      const gain = await shown(page, "npv_gain");
      await page.click("#present");
      await page.waitForSelector(".presenter");
      for (const name of ["presenter_cost", "presenter_gain"]) {
        const box = await page.locator(`data[data-name=${name}]`).boundingBox();
        const size = await page.$eval(`data[data-name=${name}]`, (element) => parseFloat(getComputedStyle(element).fontSize));
        assert(size >= 64 && box.height >= 64, `${name}: ${size}px type, ${box.height}px tall`);
        assert(box.y + box.height <= PROJECTOR.height, `${name} is on screen`);
      }
      assert((await shown(page, "presenter_gain")) === gain, "the same figure as the page");
      const link = await decodeQr(page.locator(".presenter svg.qr"));
      assert(link?.includes("unhappy_share_now=0.35") && !link.includes("present"), `QR: ${link}`);
      const qrBox = await page.locator(".presenter svg.qr").boundingBox();
      assert(qrBox.y + qrBox.height <= PROJECTOR.height, "the QR code is on screen");
      // Participants who scan it land on the same scenario.
      const { context: phone, page: participant } = await openPage(browser, link, { viewport: PHONE, locale: "he-IL" });
      assert((await shown(participant, "npv_gain")) === gain, "the participant sees the same gain");
      await phone.close();
      await page.keyboard.press("Escape");
      await page.waitForSelector(".tools");
      assert((await page.$(".presenter")) === null, "Escape left the presenter view");
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert(focused === "present", `the focus goes back to the Present button, not ${focused}`);
      // The page comes back whole: the charts (drawn by its chunk) too, once they
      // are near the screen again.
      await page.locator(".area-charts").scrollIntoViewIfNeeded();
      await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 10000 });
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    const { context, page, problems } = await openPage(browser, "about:blank", { viewport: PHONE, locale: "he-IL", wait: null, origins: [origin] });
    await check("presenter view: the browser's Back leaves it and stays on the page; left by its button, Back goes where it went before", async () => {
      await page.goto(`${origin}/?lifetime_profit=30000&lang=he`);
      await page.waitForSelector("data[data-name=npv_gain]");
      // The address the page settles on, with the scenario written out in full.
      await page.waitForURL(/currency=ILS/);
      const address = page.url();
      const gain = await shown(page, "npv_gain");
      await page.click("#present");
      await page.waitForSelector(".presenter #presenter-leave");
      await page.goBack();
      await page.waitForSelector(".presenter", { state: "detached" });
      assert(page.url() === address, `still on the calculator: ${page.url()}`);
      assert((await shown(page, "npv_gain")) === gain, "the same figures after Back");
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert(focused === "present", `the focus goes back to Present, not ${focused}`);
      // Opened again and left by its button: its history entry goes with it.
      await page.click("#present");
      await page.waitForSelector(".presenter #presenter-leave");
      await page.click("#presenter-leave");
      await page.waitForSelector(".presenter", { state: "detached" });
      await page.waitForTimeout(300);
      assert(page.url() === address, `the button leaves the address as it was: ${page.url()}`);
      await page.goBack();
      await page.waitForURL("about:blank");
      // An edit made just before the view opens (its address not yet written) is in the
      // address once the view is left, by Back or by its button.
      for (const leave of ["back", "button"]) {
        await page.goto(address);
        await page.waitForSelector("data[data-name=npv_gain]");
        const value = leave === "back" ? "31000" : "32000";
        await page.fill("#field-lifetime_profit", value);
        await page.click("#present");
        await page.waitForSelector(".presenter #presenter-leave");
        if (leave === "back") await page.goBack();
        else await page.click("#presenter-leave");
        await page.waitForSelector(".presenter", { state: "detached" });
        await page.waitForURL(new RegExp(`lifetime_profit=${value}`), { timeout: 3000 });
      }
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    const { context, page } = await openPage(browser, `${origin}/?lang=he`, { viewport: PHONE, locale: "he-IL" });
    await check("presenter view on a phone: opened from a page scrolled down, it opens at its top", async () => {
      await page.locator("#present").scrollIntoViewIfNeeded();
      await page.evaluate(() => scrollBy(0, 120));
      const before = await page.evaluate(() => scrollY);
      await page.evaluate(() => document.getElementById("present").click());
      await page.waitForSelector(".presenter");
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => scrollY);
      assert(before > 0 && after === 0, `scrolled ${before} px before, ${after} px in the presenter view`);
    });
    await context.close();
  }

  // Offline, and a new release: served from a copy of the bundle that the test can change.
  const copy = await mkdtemp(join(tmpdir(), "cvc-release-"));
  await cp(dist, copy, { recursive: true });
  let server = await serve(copy, { port: 0 });
  const port = server.address().port;
  const local = `http://127.0.0.1:${port}`;
  {
    const { context, page, problems } = await openPage(browser, `${local}/?lifetime_profit=30000&lang=he`, { viewport: PHONE });
    await check("offline: after one visit, a reload with the network off shows the scenario and works, with a panel, a helper and the presenter view", async () => {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
      const gain = await shown(page, "npv_gain");
      await context.setOffline(true);
      server.close();
      await page.reload();
      await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      assert((await shown(page, "npv_gain")) === gain, "the same figures offline");
      await page.fill("#field-lifetime_profit", "40000");
      await page.waitForFunction((before) => document.querySelector("data[data-name=npv_gain]").getAttribute("value") !== before, gain);
      // The chunks come from the worker's cache too: a panel, a helper and the presenter view.
      await page.click(".tool[aria-controls=share-panel]");
      await page.waitForSelector("#share-panel #share-link", { timeout: 10000 });
      await page.click("[aria-controls=lifetime-helper]");
      await page.waitForSelector("#lifetime-helper", { timeout: 10000 });
      await page.click("#present");
      await page.waitForSelector(".presenter", { timeout: 10000 });
      await page.keyboard.press("Escape");
      await page.waitForSelector(".presenter", { state: "detached" });
      assert(problems.filter((line) => !line.includes("ERR_INTERNET_DISCONNECTED")).length === 0, problems.join("\n"));
      await context.setOffline(false);
    });

    await check("a new release replaces the old cache cleanly, and the page loads only the new release's files", async () => {
      const before = await page.evaluate(() => caches.keys());
      assert(before.length === 1, `one cache: ${before}`);
      // Release B: the same app under new hashed names, as a rebuild gives.
      const files = await readdir(copy);
      // The page's entry (its JS, the split's loader, its main module and chunks, which
      // name each other) and the stylesheet.
      const stamp = /-([0-9a-f]{16})(_bg\.wasm|-split\.js|\.wasm|\.js|\.css)$/;
      const renames = files.filter((file) => (/^(customer-value-calculator|chunk|app)-/.test(file)) && stamp.test(file));
      let index = await readFile(join(copy, "index.html"), "utf8");
      let worker = await readFile(join(copy, "sw.js"), "utf8");
      const scripts = Object.fromEntries(await Promise.all(renames.filter((file) => file.endsWith(".js")).map(async (file) => [file, await readFile(join(copy, file), "utf8")])));
      for (const file of renames) {
        const renamed = file.replace(stamp, "-b$1$2");
        await rename(join(copy, file), join(copy, renamed));
        index = index.replaceAll(file, renamed);
        worker = worker.replaceAll(file, renamed);
        for (const script of Object.keys(scripts)) scripts[script] = scripts[script].replaceAll(file, renamed);
      }
      for (const [file, text] of Object.entries(scripts)) await writeFile(join(copy, file.replace(stamp, "-b$1$2")), text);
      // Trunk's integrity hashes stay valid: the contents did not change.
      // (The release's sw.js is minified: no spaces around "=".)
      const release = /const RELEASE ?= ?"([0-9a-f]+)"/;
      assert(release.test(worker), "sw.js names its release");
      worker = worker.replace(release, 'const RELEASE="b$1"');
      await writeFile(join(copy, "index.html"), index);
      await writeFile(join(copy, "sw.js"), worker);
      server = await serve(copy, { port });
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
      });
      let keys = before;
      for (let wait = 0; wait < 100 && (keys.length !== 1 || keys[0] === before[0]); wait += 1) {
        await page.waitForTimeout(200);
        keys = await page.evaluate(() => caches.keys());
      }
      assert(keys.length === 1 && keys[0] !== before[0], `caches after the update: ${keys}`);
      const cached = await page.evaluate(async () => {
        const [name] = await caches.keys();
        const requests = await (await caches.open(name)).keys();
        return requests.map((request) => new URL(request.url).pathname);
      });
      const old = renames.filter((file) => cached.includes(`/${file}`));
      assert(old.length === 0, `old files still cached: ${old}`);
      await page.reload();
      await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
      const mixed = loaded.filter((path) => renames.some((file) => path === `/${file}`));
      assert(mixed.length === 0, `the page loaded files of the old release: ${mixed}`);
      assert(loaded.some((path) => /customer-value-calculator-b[0-9a-f]+_bg\.wasm$/.test(path)), `the new wasm: ${loaded.join(", ")}`);
    });
    await context.close();
  }
  server.close();
  await rm(copy, { recursive: true, force: true });

  for (const [viewport, locale] of [[PHONE, "en-US"], [DESKTOP, "he-IL"]]) {
    const label = `${viewport === PHONE ? "phone" : "desktop"} ${locale}`;
    const { context, page, problems } = await openPage(browser, `${origin}/`, { viewport, locale });
    await check(`${label}: saved scenarios survive a reload, and a corrupt entry loses nothing else`, async () => {
      await page.click(".tool[aria-controls=saved-panel]");
      await page.fill("#save-name", "Today's plan");
      await page.click(".save-form button[type=submit]");
      await page.waitForSelector(".saved-item");
      await page.fill("#field-lifetime_profit", "45000");
      await page.fill("#save-name", "Bigger clients, <b>bold</b>");
      await page.click(".save-form button[type=submit]");
      await page.waitForFunction(() => document.querySelectorAll(".saved-item").length === 2);
      await page.evaluate(() => {
        localStorage.setItem("cvc.saved.corrupt", "{not json");
        localStorage.setItem("cvc.saved.future", JSON.stringify({ version: 9, name: "from the future" }));
      });
      await page.reload();
      await page.waitForSelector("data[data-name=npv_gain]");
      await page.click(".tool[aria-controls=saved-panel]");
      // The panel comes with its chunk, which is fetched on this first click.
      await page.waitForSelector("#saved-panel .saved-item");
      const names = await page.$$eval(".saved-name bdi", (elements) => elements.map((element) => element.textContent));
      assert(names.length === 2 && names.includes("Today's plan") && names.includes("Bigger clients, <b>bold</b>"), `names: ${names}`);
      assert((await page.$("#saved-panel b")) === null, "a name is text, never markup");
      const news = await page.textContent(".saved-news");
      assert(/One saved scenario could not be read|לא ניתן היה לקרוא תרחיש שמור אחד/.test(news) && /newer version|בגרסה חדשה יותר/.test(news), `the notice: ${news}`);
      const kept = await page.evaluate(() => [localStorage.getItem("cvc.saved.corrupt"), localStorage.getItem("cvc.saved.future")]);
      assert(kept[0] === "{not json" && kept[1].includes("future"), "skipped entries are left as they are");
    });
    await check(`${label}: two saved scenarios compared, differences marked; open, rename and delete`, async () => {
      await page.selectOption("#compare-first", { label: "Today's plan" });
      await page.selectOption("#compare-second", { label: "Bigger clients, <b>bold</b>" });
      const differing = await page.$$eval(".comparison tr.differs th", (cells) => cells.map((cell) => cell.textContent));
      assert(differing.length >= 3, `differing rows: ${differing}`);
      const rows = await page.$$eval(".comparison tbody tr", (rows) => rows.length);
      assert(rows > differing.length, "rows that are the same are not marked");
      // Open the first one: the form and the figures follow.
      const first = page.locator(".saved-item", { hasText: "Today's plan" });
      await first.locator("button.primary").click();
      await page.waitForFunction(() => document.querySelector("#field-lifetime_profit").value === "20000");
      // Rename, then delete the other after confirming.
      await first.locator("button.secondary").first().click();
      await first.locator("input").fill("Renamed plan");
      await first.locator("button[type=submit]").click();
      await page.waitForSelector(".saved-name bdi:text-is('Renamed plan')");
      const other = page.locator(".saved-item", { hasText: "Bigger clients" });
      await other.locator("button.secondary").nth(1).click();
      await other.locator("button.danger").click();
      await page.waitForFunction(() => document.querySelectorAll(".saved-item").length === 1);
    });
    await check(`${label}: with storage full, saving says so and the calculator still works`, async () => {
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      await page.fill("#save-name", "Will not fit");
      await page.click(".save-form button[type=submit]");
      const status = await page.textContent("#saved-panel .status");
      assert(status.includes(locale === "he-IL" ? "מלא" : "full"), `status: ${status}`);
      const before = await shown(page, "npv_gain");
      await page.fill("#field-lifetime_profit", "25000");
      await page.waitForFunction((old) => document.querySelector("data[data-name=npv_gain]").getAttribute("value") !== old, before);
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    // Private browsing, or storage turned off: localStorage itself throws.
    const context = await browser.newContext({ viewport: PHONE, locale: "en-US" });
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${origin}/`);
    await check("with no storage at all, the calculator works, says saved scenarios last for the visit, and still saves them for it", async () => {
      await page.waitForSelector("data[data-name=npv_gain]");
      await page.click(".tool[aria-controls=saved-panel]");
      const news = await page.textContent(".saved-news");
      assert(news.includes("does not let the calculator keep scenarios"), news);
      await page.fill("#save-name", "For this visit");
      await page.click(".save-form button[type=submit]");
      await page.waitForSelector(".saved-name bdi:text-is('For this visit')");
      // Closing the panel and opening it again keeps what was saved for the visit.
      await page.click(".tool[aria-controls=saved-panel]");
      await page.click(".tool[aria-controls=saved-panel]");
      await page.waitForSelector(".saved-name bdi:text-is('For this visit')", { timeout: 2000 });
      await page.click(".language-button[lang=he]");
      await page.waitForSelector(".cvc[lang=he]");
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  for (const [lang, locale, wrong] of [["he", "he-IL", ["1 שנים", "ב־1 השנים", "1 השנים", "על פני 1 "]], ["en", "en-US", ["1 years", "the 1 years"]]]) {
    const { context, page, problems } = await openPage(browser, `${origin}/?horizon_years=1&lang=${lang}`, { viewport: DESKTOP, locale });
    await check(`${locale}: a one-year horizon is counted as one year everywhere: the page, the charts, the printed report and the CSV`, async () => {
      await page.click(".advanced > summary");
      await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
      const texts = [await page.evaluate(() => document.body.innerText)];
      await page.evaluate(() => {
        document.querySelector("[aria-describedby=count-after-hint]").click();
      });
      await page.waitForTimeout(600);
      texts.push(await page.evaluate(() => document.body.innerText));
      await page.emulateMedia({ media: "print" });
      texts.push(await page.evaluate(() => document.body.innerText));
      await page.emulateMedia({ media: "screen" });
      await page.click(".tool[aria-controls=files-panel]");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
      texts.push((await readFile(await download.path())).toString("utf8"));
      for (const text of texts) {
        const plain = text.replace(/[\u2068\u2069\u200e\u200f]/g, "");
        for (const phrase of wrong) assert(!plain.includes(phrase), `«${phrase}» on the page: …${plain.slice(Math.max(0, plain.indexOf(phrase) - 60), plain.indexOf(phrase) + 60)}…`);
      }
      const labels = await page.evaluate(() => document.querySelector(".card.return dt")?.innerText ?? "");
      assert(labels.includes(lang === "he" ? "שנה אחת" : "1 year") || labels.includes(lang === "he" ? "השנה" : "the year"), labels);
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    const { context, page, problems } = await openPage(browser, `${origin}/?lifetime_profit=45000&unhappy_share_now=0.35&lang=he`, { viewport: DESKTOP, locale: "he-IL" });
    await check("CSV export: UTF-8 with a byte-order mark, Hebrew headers, a row per year and scenario", async () => {
      await page.click(".tool[aria-controls=files-panel]");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
      assert(download.suggestedFilename().endsWith(".csv"), download.suggestedFilename());
      const bytes = await readFile(await download.path());
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `starts with ${bytes.subarray(0, 3).toString("hex")}`);
      const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
      assert(lines[0].startsWith("מצב,שנה,"), lines[0]);
      assert(lines.length === 1 + 2 * 5, `${lines.length} lines`);
    });
    await check("JSON export: the command-line tool gives the net gain the page shows", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
      const results = cli(await download.path());
      const gain = Number(await shown(page, "npv_gain"));
      assert(Math.abs(results.npv_gain - gain) <= 1e-9 * Math.abs(gain), `CLI ${results.npv_gain}, page ${gain}`);
    });
    await check("JSON import: a file is read field by field, and the panel says what was ignored, as a link's notice does", async () => {
      const file = join(await mkdtemp(join(tmpdir(), "cvc-import-")), "scenario.json");
      await writeFile(file, JSON.stringify({ schema_version: 2, lifetime_profit: 33000, unhappy_share_now: 7, colour: "<img src=x onerror=alert(1)>" }));
      await page.setInputFiles("#import-json", file);
      await page.waitForFunction(() => document.querySelector("#field-lifetime_profit").value === "33000");
      // What was ignored is said beside the button the reader used, in the panel's status.
      const said = await page.textContent("#files-panel .status");
      assert(said.includes("colour") && said.includes("לקוחות שמקבלים היום שירות גרוע"), said);
      assert((await page.$("img")) === null, "nothing from the file became markup");
      await writeFile(file, "this is not json");
      const before = await shown(page, "npv_gain");
      await page.setInputFiles("#import-json", file);
      await page.waitForSelector("#files-panel .status:has-text('JSON')");
      assert((await shown(page, "npv_gain")) === before, "a bad file changes nothing");
      assert(problems.length === 0, problems.join("\n"));
    });
    await check("JSON import: a 1 MB file of 100,000 keys is refused as not a scenario, at once, and changes nothing", async () => {
      const folder = await mkdtemp(join(tmpdir(), "cvc-import-"));
      // A good file first, so that the status says something else before the huge one.
      const good = join(folder, "good.json");
      await writeFile(good, JSON.stringify({ lifetime_profit: 36000 }));
      await page.setInputFiles("#import-json", good);
      await page.waitForFunction(() => document.querySelector("#field-lifetime_profit").value === "36000");
      await page.waitForFunction(() => !document.querySelector("#files-panel .status").textContent.includes("JSON"));
      const file = join(folder, "huge.json");
      const members = Array.from({ length: 100_000 }, (_, i) => `"key${String(i).padStart(6, "0")}":1`);
      await writeFile(file, `{${members.join(",")}}`);
      const before = await shown(page, "npv_gain");
      await page.setInputFiles("#import-json", file);
      await page.waitForSelector("#files-panel .status:has-text('JSON')", { timeout: 10000 });
      const said = await page.textContent("#files-panel .status");
      assert(said.length < 200, `a short status line (${said.length} characters)`);
      assert(!said.includes("key0"), `no key echoed: ${said}`);
      assert((await shown(page, "npv_gain")) === before, "nothing changed");
      assert(problems.length === 0, problems.join("\n"));
    });
    await context.close();
  }

  for (const locale of ["en-US", "he-IL"]) {
    const { context, page } = await openPage(browser, `${origin}/?lifetime_profit=45000`, { viewport: DESKTOP, locale });
    await check(`${locale}: the printed report is at most two A4 pages, with the answers, the figures used and the sources`, async () => {
      await page.waitForSelector(".monte-carlo .chance", { timeout: 20000 });
      await page.emulateMedia({ media: "print" });
      const visible = await page.evaluate(() => ({
        tools: getComputedStyle(document.querySelector(".tools")).display,
        inputs: getComputedStyle(document.querySelector(".area-inputs")).display,
        figures: getComputedStyle(document.querySelector(".report-figures")).display,
        date: document.querySelector(".report-date").textContent,
        sources: document.querySelectorAll(".sources li").length,
        currency: document.querySelector(".report-figures td").textContent,
      }));
      // The currency by its name, as the form's list gives it, not its ISO code.
      assert(visible.currency === (locale === "he-IL" ? "₪ שקל חדש" : "₪ Israeli shekel"), visible.currency);
      assert(visible.tools === "none" && visible.inputs === "none", "buttons and inputs are left out");
      assert((await page.$(".charts-not-printed")) === null, "the charts are there, so no note says they are missing");
      assert(visible.figures !== "none" && visible.sources >= 4 && /\d{4}/.test(visible.date), JSON.stringify(visible));
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      const pages = pdfPages(pdf);
      assert(pages >= 1 && pages <= 2, `${pages} pages`);
    });
    await context.close();
  }

  {
    // The chunks are held back until the note has been looked at: the print layout
    // moves the charts' place near the top, which would fetch them at once.
    const context = await browser.newContext({ viewport: PHONE, locale: "he-IL", serviceWorkers: "block" });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/chunk-/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${origin}/`);
    await check("he-IL phone: printed before the charts were scrolled to, the report says they are missing; once they are there, it does not", async () => {
      await page.waitForSelector(".privacy");
      await page.emulateMedia({ media: "print" });
      const note = page.locator(".charts-not-printed");
      assert(await note.isVisible(), "a note in place of the charts");
      assert((await note.textContent()).includes("התרשימים"), await note.textContent());
      await page.emulateMedia({ media: "screen" });
      assert(!(await note.isVisible()), "the note is for print only");
      release();
      await page.locator(".area-charts").scrollIntoViewIfNeeded();
      await page.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 10000 });
      assert((await page.$(".charts-not-printed")) === null, "no note once the charts are there");
    });
    await context.close();
  }
}
