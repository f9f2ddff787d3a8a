// The answer at first paint, on the release bundle: before the wasm arrives the page
// already shows the title, the question and the example's answers in the visitor's
// language; a link's own scenario is never answered with the example's figures; a page
// whose wasm is blocked says so in both languages and keeps the static answer; and the
// app takes over without moving anything (cumulative layout shift 0).
import { check, assert, violations } from "./harness.mjs";
import { PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";

const isWasm = (path) => path.endsWith(".wasm");

/** A page whose console errors are kept, apart from a blocked file's own 403. */
async function open(browser, url, viewport, locale, serviceWorkers = "allow") {
  const context = await browser.newContext({ viewport, locale, serviceWorkers });
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("403")) problems.push(message.text());
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return { context, page, problems };
}

const visible = (page, selector) => page.$eval(selector, (element) => element.offsetParent !== null && getComputedStyle(element).visibility !== "hidden");

export async function run({ browser, dist, origin }) {
  // The figures the app itself shows for the example, in each language.
  const appMoney = {};
  for (const locale of ["en-US", "he-IL"]) {
    const { context, page } = await open(browser, `${origin}/`, PHONE, locale);
    await page.waitForSelector("data[data-name=npv_gain]");
    appMoney[locale] = await page.$eval("data[data-name=npv_gain]", (element) => element.textContent);
    await context.close();
  }

  const slow = await serve(dist, { delay: (path) => (isWasm(path) ? 1500 : 0) });
  const slowOrigin = `http://127.0.0.1:${slow.address().port}`;
  for (const [viewport, locale] of [[PHONE, "he-IL"], [DESKTOP, "en-US"]]) {
    const lang = locale.slice(0, 2);
    await check(`first paint, ${locale}: the answer shows before the wasm arrives, in the visitor's language, with the app's figures; the app takes over without layout shift`, async () => {
      const { context, page, problems } = await open(browser, `${slowOrigin}/`, viewport, locale);
      assert(await visible(page, `.first-paint[lang=${lang}] h1`), "the title shows");
      assert(!(await visible(page, `.first-paint[lang=${lang === "he" ? "en" : "he"}] h1`)), "one language only");
      assert((await page.$("data[data-name=npv_gain]")) === null, "the app has not started yet");
      const staticGain = await page.$eval(`.first-paint[lang=${lang}] .card.return .big .figure`, (element) => element.textContent);
      assert(staticGain === appMoney[locale], `static ${staticGain}, app ${appMoney[locale]}`);
      await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      assert((await page.$(".first-paint")) === null, "the app replaced the static answer");
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
      assert(shift === 0, `cumulative layout shift ${shift}`);
      assert(problems.length === 0 && (await violations(page)).length === 0, problems.join("\n"));
      await context.close();
    });
  }
  await check("first paint: a link with its own scenario shows the example's figures as loading, never as its answer", async () => {
    const { context, page } = await open(browser, `${slowOrigin}/?lifetime_profit=45000&lang=en`, PHONE, "he-IL");
    assert(await visible(page, ".first-paint[lang=en] .link-pending"), "says the link's figures are loading");
    assert(!(await visible(page, ".first-paint[lang=en] .starting")), "not the plain starting note");
    const colour = await page.$eval(".first-paint[lang=en] .card.return .big .figure", (element) => getComputedStyle(element).color);
    assert(colour === "rgba(0, 0, 0, 0)", `the example's gain is hidden: ${colour}`);
    await page.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
    const gain = await page.$eval("data[data-name=npv_gain]", (element) => element.textContent);
    assert(gain !== appMoney["en-US"], "the link's own figure replaced it");
    await context.close();
  });
  slow.close();

  const blocked = await serve(dist, { blocked: isWasm });
  const blockedOrigin = `http://127.0.0.1:${blocked.address().port}`;
  for (const locale of ["en-US", "he-IL"]) {
    await check(`first paint, ${locale}: with the wasm blocked, the page says so in both languages and keeps the static answer`, async () => {
      const { context, page } = await open(browser, `${blockedOrigin}/`, PHONE, locale);
      await page.waitForFunction(() => document.documentElement.classList.contains("cvc-failed"), null, { timeout: 20000 });
      assert(await visible(page, ".cvc-failed-note"), "the note shows");
      const note = await page.textContent(".cvc-failed-note");
      assert(note.includes("could not start") && note.includes("לא הצליח"), note);
      const lang = locale.slice(0, 2);
      assert(await visible(page, `.first-paint[lang=${lang}] .card.cost .figure`), "the static answer stays");
      assert(!(await visible(page, `.first-paint[lang=${lang}] .first-paint-status`)), "no 'starting' left on screen");
      // The note first, on the phone's first screen, above the example's figures it speaks of.
      const [noteBox, figureBox] = await Promise.all([page.locator(".cvc-failed-note").boundingBox(), page.locator(`.first-paint[lang=${lang}] .card.cost .figure`).boundingBox()]);
      assert(noteBox.y + noteBox.height <= PHONE.height && noteBox.y < figureBox.y, `the note at ${Math.round(noteBox.y)}, the figure at ${Math.round(figureBox.y)}`);
      // And the example's answers keep the page's width.
      const card = await page.locator(`.first-paint[lang=${lang}] .card.cost`).boundingBox();
      assert(card.width >= PHONE.width * 0.8, `the answers' card is ${Math.round(card.width)} px wide`);
      await context.close();
    });
  }
  blocked.close();

  // An engine below the browser floor (README.md "Browsers"): with no WebAssembly at all,
  // and with WebAssembly that lacks a feature the build enables (reference types), the
  // note shows at once in both languages and the wasm is never fetched.
  const belowTheFloor = {
    "no WebAssembly": () => {
      delete window.WebAssembly;
    },
    "WebAssembly without reference types": () => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      // Such an engine refuses any module with `ref.null extern` (0xd0 0x6f).
      WebAssembly.validate = (bytes) => {
        const view = new Uint8Array(bytes);
        for (let i = 0; i + 1 < view.length; i += 1) if (view[i] === 0xd0 && view[i + 1] === 0x6f) return false;
        return validate(bytes);
      };
    },
  };
  for (const [engine, takeAway] of Object.entries(belowTheFloor)) {
    await check(`first paint: an engine below the floor (${engine}) gets the failure note in both languages at once, and fetches no wasm`, async () => {
      const context = await browser.newContext({ viewport: PHONE, locale: "he-IL" });
      await context.addInitScript(takeAway);
      const page = await context.newPage();
      const wasm = [];
      page.on("request", (request) => {
        if (request.url().endsWith(".wasm")) wasm.push(request.url());
      });
      await page.goto(`${origin}/`, { waitUntil: "domcontentloaded" });
      assert(await page.evaluate(() => document.documentElement.classList.contains("cvc-failed")), "marked as failed before the loader runs");
      assert(await visible(page, ".cvc-failed-note"), "the note shows");
      const languages = await page.$$eval(".cvc-failed-note p", (lines) => lines.map((line) => `${line.lang}/${line.dir}`));
      assert(languages.join(" ") === "en/ltr he/rtl", `each language in its own element: ${languages}`);
      assert(await visible(page, ".first-paint[lang=he] .card.cost .figure"), "the static answer stays");
      await page.waitForTimeout(1000);
      assert(wasm.length === 0, `no wasm fetched: ${wasm}`);
      await context.close();
    });
  }

  // The worker that loads the browser's locale data off the main thread while the page
  // starts (web/intl-warmup.js): started once, from the file the start tag names, and
  // gone by itself; and a page that cannot fetch it starts and answers all the same.
  await check("the page starts its locale-data worker once, from the file its start tag names, for the page's language and the browser's, and the worker closes itself", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "en-US", serviceWorkers: "block" });
    // What start.js asks of the worker: its name is the locales it loads.
    await context.addInitScript(() => {
      window.__workers = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url, options) {
          super(url, options);
          window.__workers.push({ url: new URL(url, location.href).href, name: options?.name });
        }
      };
    });
    const page = await context.newPage();
    const started = [];
    page.on("worker", (worker) => started.push({ url: worker.url(), closed: new Promise((resolve) => worker.on("close", resolve)) }));
    await page.goto(`${origin}/?lang=he`);
    await page.waitForSelector("footer.privacy");
    const named = await page.$eval("script[data-cvc-intl]", (tag) => new URL(tag.dataset.cvcIntl, location.href).href);
    assert(/\/intl-warmup-[0-9a-f]{16}\.js$/.test(named), `a content-hashed file: ${named}`);
    const asked = await page.evaluate(() => window.__workers);
    assert(asked.length === 1 && asked[0].url === named && asked[0].name === "he en-US", `asked for: ${JSON.stringify(asked)}`);
    assert(started.length === 1 && started[0].url === named, `one worker, of ${named}: ${started.map((worker) => worker.url)}`);
    let timer;
    await Promise.race([started[0].closed, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("the worker is still running")), 5000)))]);
    clearTimeout(timer);
    await context.close();
  });
  // Refused by the server (a proxy, a host that did not upload it): the page does its own
  // formats, and only the refused request is on the console.
  let refused = 0;
  const noWorker = await serve(dist, {
    blocked: (path) => {
      const worker = /\/intl-warmup-[0-9a-f]+\.js$/.test(path);
      if (worker) refused += 1;
      return worker;
    },
  });
  await check("with the locale-data worker's file refused, the page starts and answers as typed, with no error but the refusal", async () => {
    const { context, page, problems } = await open(browser, `http://127.0.0.1:${noWorker.address().port}/`, PHONE, "he-IL", "block");
    await page.waitForSelector("footer.privacy");
    const before = await page.getAttribute("data[data-name=npv_gain]", "value");
    await page.fill("#field-lifetime_profit", "45000");
    await page.waitForFunction((old) => document.querySelector("data[data-name=npv_gain]").getAttribute("value") !== old, before);
    assert(refused === 1, `the worker's file was asked for and refused once: ${refused}`);
    assert(!(await page.evaluate(() => document.documentElement.classList.contains("cvc-failed"))), "no failure note");
    assert(problems.length === 0, problems.join("\n"));
    await context.close();
  });
  noWorker.close();

  // Only the chunks blocked (a proxy, or offline before a first full visit): the
  // calculator works, and a panel says in the reader's language that it could not come,
  // then comes once the connection is back.
  let blockExtras = true;
  const noExtras = await serve(dist, { blocked: (path) => blockExtras && /\/chunk-[a-z0-9]+-[0-9a-f]+\.wasm/.test(path) });
  const noExtrasOrigin = `http://127.0.0.1:${noExtras.address().port}`;
  for (const [locale, words] of [["en-US", "could not be loaded"], ["he-IL", "לא הצלחנו לטעון"]]) {
    await check(`${locale}: with the chunks blocked, a panel says so, the calculator works, and Try again brings it once it can`, async () => {
      blockExtras = true;
      const context = await browser.newContext({ viewport: PHONE, locale, serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`${noExtrasOrigin}/`);
      await page.waitForSelector(".privacy");
      await page.click(".tool[aria-controls=share-panel]");
      await page.waitForSelector(`.part-status:has-text("${words}")`, { timeout: 10000 });
      const before = await page.getAttribute("data[data-name=npv_gain]", "value");
      await page.fill("#field-lifetime_profit", "45000");
      await page.waitForFunction((old) => document.querySelector("data[data-name=npv_gain]").getAttribute("value") !== old, before);
      blockExtras = false;
      // Each part that could not come has a button to ask again (the panel, and the
      // charts, which come with any panel).
      const retries = await page.$$(".part-status button");
      assert(retries.length >= 1, "a button to try again");
      for (const retry of retries) await retry.click();
      await page.waitForSelector("#share-panel .qr", { timeout: 10000 });
      await page.waitForFunction(() => document.querySelector(".part-status") === null, null, { timeout: 10000 });
      await context.close();
    });
  }
  noExtras.close();
}
