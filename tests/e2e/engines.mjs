// The core path in the engines visitors bring besides Chromium: Firefox (Debian's
// firefox-esr, driven through WebDriver BiDi by puppeteer-core) and WebKit, Safari's engine
// (WebKitGTK's MiniBrowser through its W3C WebDriver, under a virtual display). The full
// suite runs in Chromium (run.mjs); this keeps to what differs between engines, on the
// release bundle served with gzip as a CDN serves it:
//
//   start with no error and the example's figures; type and see them change; the link
//   round trip; Hebrew right to left with no horizontal scroll at 390×844; the charts when
//   scrolled to; a panel from its chunk; the custom element and the iframe on a
//   page of another origin; offline after one visit; a saved scenario that survives a
//   reload; a participant joining a workshop room (the room server on another origin, as a
//   CDN build names it); and no Content-Security-Policy violation anywhere.
//
// Usage: node tests/e2e/engines.mjs [dist] [firefox|webkit ...]  (both when none is named)
// Errors, console errors and policy violations are recorded by a small probe script that
// the test server adds to each page as a file of its own (the page's policy allows it),
// since classic WebDriver has no way to listen to the console.
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertFigures, check, cliFor, freePort, tally } from "./harness.mjs";
import { serve } from "./serve.mjs";
import { buildServer, sqliteDatabase, startServer } from "../rooms/servers.mjs";

const TAG = "customer-value-calculator";
const PHONE = { width: 390, height: 844 };
const FIGURES = ["npv_gain", "yearly_cost_of_poor_service", "unhappy_customer_cost"];

// "ResizeObserver loop completed with undelivered notifications" is not counted: the
// browser reports it when an observed box changes size again in the frame in which its
// change was told (here start.js's observer, which keeps the field typed in in place on
// WebKit, while the App draws), and tells the new size in the next frame; nothing fails.
const PROBE = `window.__problems = [];
window.__violations = [];
addEventListener("error", (event) => /^ResizeObserver loop/.test(event.message || "") || __problems.push("error: " + (event.message || (event.target && (event.target.src || event.target.href)) || event.type)), true);
addEventListener("unhandledrejection", (event) => __problems.push("unhandled rejection: " + event.reason));
document.addEventListener("securitypolicyviolation", (event) => __violations.push(event.violatedDirective + " " + event.blockedURI), true);
const consoleError = console.error;
console.error = (...parts) => { __problems.push("console error: " + parts.join(" ")); consoleError.apply(console, parts); };
window.__workers = [];
if (window.Worker) {
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      const asked = { url: new URL(url, location.href).pathname, name: options && options.name };
      __workers.push(asked);
      this.addEventListener("error", (event) => __problems.push("worker error: " + (event.message || event.type) + " " + asked.url));
    }
  };
}
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Two drivers behind one small interface -------------------------------------------------

/** Firefox through WebDriver BiDi (puppeteer-core). */
async function firefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: { "network.proxy.type": 0, "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false },
  });
  const page = await browser.newPage();
  return {
    name: "Firefox",
    version: await browser.version(),
    goto: (url) => page.goto(url),
    run: (source, ...args) => page.evaluate(`(${source})(...${JSON.stringify(args)})`),
    size: (width, height) => page.setViewport({ width, height }),
    click: (selector) => page.click(selector),
    async type(selector, text) {
      await page.click(selector);
      // A triple click does not select a field's text in Firefox; Ctrl+A does.
      await page.keyboard.down("Control");
      await page.keyboard.press("a");
      await page.keyboard.up("Control");
      await page.keyboard.type(text);
    },
    close: () => browser.close(),
  };
}

/** WebKit (WebKitGTK's MiniBrowser) through W3C WebDriver, spoken over HTTP. */
async function webkit() {
  const port = await freePort();
  // The driver starts MiniBrowser, which needs a display: a virtual one.
  const driver = spawn("xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver", `--port=${port}`], { detached: true, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await response.json();
    if (answer.value && answer.value.error) throw new Error(`WebDriver ${path}: ${answer.value.error}: ${answer.value.message}`);
    return answer.value;
  };
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await call("GET", "/status")).ready) break;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  const session = await call("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        "webkitgtk:browserOptions": { binary: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] },
      },
    },
  });
  const id = session.sessionId;
  const at = (path) => `/session/${id}${path}`;
  const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  const find = async (selector) => (await call("POST", at("/element"), { using: "css selector", value: selector }))[ELEMENT];
  const run = async (source, ...args) => {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${source})(...${JSON.stringify(args)}))
        .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.stack || error) }));`;
    const answer = await call("POST", at("/execute/async"), { script, args: [] });
    if (answer && answer.error) throw new Error(answer.error);
    return answer ? answer.value : undefined;
  };
  // Finding an element waits up to 5 s for it, as a visitor waits for a page to draw.
  await call("POST", at("/timeouts"), { script: 60000, pageLoad: 60000, implicit: 5000 });
  const version = session.capabilities.browserVersion;
  return {
    name: "WebKit",
    version: `WebKitGTK ${version}`,
    goto: (url) => call("POST", at("/url"), { url }),
    run,
    async size(width, height) {
      // The window's size includes MiniBrowser's own toolbar: size it until the page's
      // viewport is what a phone of that size shows.
      await call("POST", at("/window/rect"), { width, height });
      for (let i = 0; i < 3; i += 1) {
        const inner = await run("() => [innerWidth, innerHeight]");
        if (inner[0] === width && inner[1] === height) return;
        const rect = await call("GET", at("/window/rect"));
        await call("POST", at("/window/rect"), { width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
      }
    },
    click: async (selector) => call("POST", at(`/element/${await find(selector)}/click`), {}),
    async type(selector, text) {
      const element = await find(selector);
      await call("POST", at(`/element/${element}/clear`), {});
      await call("POST", at(`/element/${element}/value`), { text });
    },
    async close() {
      await call("DELETE", at("")).catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        // Already gone.
      }
    },
  };
}

// --- The pages -------------------------------------------------------------------------------

/** Waits until `source` (a function's text, given `args`) returns a truthy value. */
async function until(browser, source, args = [], timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await browser.run(source, ...args);
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${source.slice(0, 120)} (last: ${JSON.stringify(last)})`);
}

const figuresShown = `(names) => {
  const figures = {};
  for (const name of names) {
    const data = document.querySelector("data[data-name=" + name + "]");
    if (!data) return null;
    figures[name] = Number(data.value);
  }
  return figures;
}`;


/** What the probe recorded on the page (null if the probe is not on it). */
const recorded = async (browser) => (await browser.run(`() => window.__problems ? { problems: window.__problems, violations: window.__violations } : null`)) ?? null;

async function noProblems(browser, label) {
  const found = await recorded(browser);
  assert(found !== null, `${label}: the probe is on the page`);
  assert(found.problems.length === 0, `${label}: ${found.problems.join("\n")}`);
  assert(found.violations.length === 0, `${label}: policy violations: ${found.violations.join("\n")}`);
}

/** A host page of another origin with the element and the iframe, under a policy that allows the calculator's origin and nothing else of it. */
async function hostPage(root, calc) {
  const policy = `default-src 'self'; script-src 'self' ${calc} 'wasm-unsafe-eval'; style-src 'self' ${calc}; connect-src ${calc}; frame-src ${calc}; img-src 'self' data:; object-src 'none'; base-uri 'self'`;
  await writeFile(join(root, "probe.js"), PROBE);
  await writeFile(join(root, "host.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>A consultant's site</title><link rel="icon" href="data:,">
<script src="probe.js"></script>
<script type="module" src="${calc}/embed.js"></script>
</head><body><h1>A consultant's site</h1>
<${TAG} id="element" lang="he" lifetime-profit="45000" show="headline"></${TAG}>
<iframe id="frame" src="${calc}/?embed=1&amp;lang=en&amp;show=headline" title="Customer Value Calculator" width="100%" height="900"></iframe>
<script type="module" src="${calc}/frame.js"></script>
</body></html>`);
}

async function corePath(make, dist) {
  // The bundle, with the probe as a file of its own origin, served with gzip; "offline"
  // refuses every request, as a dropped connection would.
  const root = await mkdtemp(join(tmpdir(), "cvc-engines-"));
  await cp(dist, root, { recursive: true });
  await writeFile(join(root, "cvc-probe.js"), PROBE);
  await writeFile(join(root, "phone.html"), `<!doctype html><meta charset="utf-8"><title>A phone</title><body style="margin:0"><iframe id="phone" src="/?lang=he" width="${PHONE.width}" height="${PHONE.height}" style="border:0;display:block"></iframe>`);
  let offline = false;
  // The workshop room's server on another origin, as a CDN build names it
  // (CVC_ROOM_SERVER: the page's policy allows it in connect-src, and a <meta> says where).
  const appPort = await freePort();
  const origin = `http://127.0.0.1:${appPort}`;
  buildServer();
  const rooms = sqliteDatabase();
  const roomServer = await startServer(rooms.url, ["--allow-origin", origin]);
  // The probe goes first in the page, before first-paint.js (the page is minified).
  const withProbe = (path, body) =>
    path === "/index.html" || path === "/"
      ? Buffer.from(
          String(body)
            .replace("<meta charset=utf-8>", "<meta charset=utf-8><script src=cvc-probe.js></script>")
            .replace("connect-src 'self'", `connect-src 'self' ${roomServer.url}`)
            .replace("</head>", `<meta name="cvc-room-server" content="${roomServer.url}"></head>`),
        )
      : body;
  const app = await serve(root, { port: appPort, gzip: true, cors: true, rewrite: withProbe, blocked: () => offline });
  const hostRoot = await mkdtemp(join(tmpdir(), "cvc-engines-host-"));
  await hostPage(hostRoot, origin);
  // Another origin: the same machine by another name.
  const hostServer = await serve(hostRoot, { host: "127.0.0.1" });
  const host = `http://localhost:${hostServer.address().port}`;

  const started = Date.now();
  const before = { ...tally };
  let browser;
  try {
    browser = await make();
  } catch (error) {
    await check(`${make.name}: the browser starts`, () => {
      throw error;
    });
    await roomServer.kill();
    rooms.remove();
    return;
  }
  const label = browser.name;
  console.log(`\n--- ${label} (${browser.version})`);
  const example = cliFor({});
  const edited = cliFor({ lifetime_profit: 45000 });
  try {
    await browser.size(PHONE.width, PHONE.height);
    await check(`${label}: starts with no error and the example's figures`, async () => {
      await browser.goto(`${origin}/?lang=en`);
      const shown = await until(browser, figuresShown, [FIGURES]);
      assertFigures(shown, example, FIGURES, "the example");
      await noProblems(browser, "the page");
      // The worker start.js starts to load the locale data, for the page's language first.
      const workers = await browser.run(`() => window.__workers`);
      assert(workers.length === 1 && /^\/intl-warmup-[0-9a-f]{16}\.js$/.test(workers[0].url) && workers[0].name.split(" ")[0] === "en", `the locale-data worker: ${JSON.stringify(workers)}`);
    });

    await check(`${label}: typing changes the figures to the command-line tool's`, async () => {
      await browser.type("#field-lifetime_profit", "45000");
      await until(browser, `(gain) => Math.abs(Number(document.querySelector("data[data-name=npv_gain]").value) - gain) < 1e-6`, [edited.npv_gain]);
      assertFigures(await browser.run(figuresShown, FIGURES), edited, FIGURES, "after typing");
    });

    await check(`${label}: the field typed in stays where it is on screen when the note of the last valid result appears above it`, async () => {
      const moved = await browser.run(`async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const field = document.querySelector("#field-lifetime_profit");
        field.scrollIntoView({ block: "center" });
        field.focus();
        await frame();
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = field.getBoundingClientRect().top;
        field.value = "";
        field.dispatchEvent(new InputEvent("input", { bubbles: true }));
        for (let i = 0; i < 50 && !document.querySelector(".stale-note"); i += 1) await frame();
        await frame();
        const after = field.getBoundingClientRect().top;
        const shown = document.querySelector(".stale-note");
        // The note is above the field: what moved it, had nothing kept it in place.
        const note = shown !== null && shown.getBoundingClientRect().bottom <= after;
        field.value = "45000";
        field.dispatchEvent(new InputEvent("input", { bubbles: true }));
        return { before, after, note, anchors: CSS.supports("overflow-anchor", "auto") };
      }`);
      assert(moved.note && Math.abs(moved.after - moved.before) < 2, JSON.stringify(moved));
      // WebKit has no scroll anchoring of its own: there start.js keeps the field in place.
      if (browser.name === "WebKit") assert(!moved.anchors, "WebKit now anchors by itself: start.js's fallback is tested nowhere");
    });

    let link;
    await check(`${label}: the link round trip: the address carries the edit, and opened again shows it`, async () => {
      link = await until(browser, `() => location.search.includes("lifetime_profit=45000") && location.href`);
      await browser.goto(link);
      const shown = await until(browser, figuresShown, [FIGURES]);
      assertFigures(shown, edited, FIGURES, "the link");
      const typed = await until(browser, `() => document.querySelector("#field-lifetime_profit").value`);
      assert(typed.replace(/[^0-9]/g, "") === "45000", `the field: ${typed}`);
    });

    await check(`${label}: Hebrew right to left, with no horizontal scroll at 390×844`, async () => {
      // A page of the same origin that shows the calculator in a frame of exactly 390×844
      // CSS pixels: MiniBrowser's window cannot be made narrower than about 447 px, and a
      // frame's layout follows its own size as a phone's screen would.
      await browser.goto(`${origin}/phone.html`);
      const layout = await until(browser, `() => {
        const page = document.querySelector("#phone").contentDocument;
        const cvc = page && page.querySelector(".cvc");
        if (!cvc || !page.querySelector("data[data-name=npv_gain]")) return null;
        const root = page.documentElement;
        return { dir: cvc.dir, direction: page.defaultView.getComputedStyle(cvc).direction, width: page.defaultView.innerWidth, height: page.defaultView.innerHeight, scroll: root.scrollWidth, client: root.clientWidth, problems: page.defaultView.__problems, violations: page.defaultView.__violations };
      }`);
      assert(layout.dir === "rtl" && layout.direction === "rtl", JSON.stringify(layout));
      assert(layout.width === PHONE.width && layout.height === PHONE.height, `the frame is ${layout.width}×${layout.height}`);
      assert(layout.scroll <= layout.client, `horizontal scroll: ${layout.scroll} > ${layout.client}`);
      assert(layout.problems.length === 0 && layout.violations.length === 0, JSON.stringify(layout));
    });

    await check(`${label}: the charts come when scrolled to`, async () => {
      await browser.goto(`${origin}/?lang=he`);
      await until(browser, figuresShown, [FIGURES]);
      const early = await browser.run(`() => document.querySelector(".area-charts figure") !== null`);
      assert(!early, "no charts before they are near the screen");
      await browser.run(`() => document.querySelector(".area-charts").scrollIntoView()`);
      await until(browser, `() => document.querySelectorAll(".area-charts .monte-carlo .bar").length > 0`).catch(async (error) => {
        // What the page says and fetched, so that a failure here can be understood.
        const state = await browser.run(`() => JSON.stringify({
          status: [...document.querySelectorAll(".part-status")].map((element) => element.textContent),
          figure: document.querySelector(".area-charts figure") !== null,
          chunks: performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/chunk-")).length,
          controlled: navigator.serviceWorker?.controller != null,
        })`);
        throw new Error(`${error.message}; the page: ${state}`);
      });
      const texts = await browser.run(`() => document.querySelectorAll(".area-charts svg text").length`);
      assert(texts > 5, `${texts} chart labels`);
    });

    await check(`${label}: a panel from its chunk (Share, with its QR code)`, async () => {
      await browser.run(`() => scrollTo(0, 0)`);
      await browser.click(".tool[aria-controls=share-panel]");
      const shared = await until(browser, `() => { const input = document.querySelector("#share-panel #share-link"); return input && input.value; }`);
      assert(shared.startsWith(`${origin}/?`), shared);
      await until(browser, `() => document.querySelector("#share-panel svg rect, #share-panel svg path") !== null`);
      await noProblems(browser, "the panel");
    });

    await check(`${label}: a saved scenario survives a reload`, async () => {
      await browser.click(".tool[aria-controls=saved-panel]");
      await until(browser, `() => document.querySelector("#save-name") !== null`);
      await browser.type("#save-name", `Kept in ${label}`);
      await browser.click("#saved-panel .save-form button[type=submit]");
      await until(browser, `(name) => [...document.querySelectorAll("#saved-panel .saved-name")].some((element) => element.textContent.includes(name))`, [`Kept in ${label}`]);
      await browser.goto(`${origin}/?lang=he`);
      await until(browser, figuresShown, [FIGURES]);
      await browser.click(".tool[aria-controls=saved-panel]");
      await until(browser, `(name) => [...document.querySelectorAll("#saved-panel .saved-name")].some((element) => element.textContent.includes(name))`, [`Kept in ${label}`]);
    });

    await check(`${label}: offline after one visit: with the connection gone, a reload shows the scenario and works`, async () => {
      await until(browser, `async () => navigator.serviceWorker.controller !== null && (await caches.keys()).length === 1`, [], 30000);
      // Precaching finishes with the worker's install; give the cache its files.
      await until(browser, `async () => { const cache = await caches.open((await caches.keys())[0]); return (await cache.keys()).length > 5; }`);
      offline = true;
      try {
        await browser.goto(link);
        const shown = await until(browser, figuresShown, [FIGURES]);
        assertFigures(shown, edited, FIGURES, "offline");
        await browser.type("#field-lifetime_profit", "30000");
        await until(browser, `(gain) => Math.abs(Number(document.querySelector("data[data-name=npv_gain]").value) - gain) < 1e-6`, [cliFor({ lifetime_profit: 30000 }).npv_gain]);
      } finally {
        offline = false;
      }
    });

    await check(`${label}: a participant joins a workshop room on its server's own origin: the figures are added, then withdrawn`, async () => {
      const opened = await (await fetch(`${roomServer.url}/api/rooms`, { method: "POST", body: JSON.stringify({ name: "Engines" }), headers: { "content-type": "application/json" } })).json();
      const count = async () => (await (await fetch(`${roomServer.url}/api/rooms/${opened.code}`)).json()).participants;
      await browser.goto(`${origin}/?room=${opened.code}&lang=en&lifetime_profit=45000`);
      await until(browser, `() => !!document.querySelector("#room-send")`);
      // The bar shows the room's code at once, and its name once the server has answered.
      await until(browser, `() => document.querySelector(".room-bar").textContent.includes("Engines")`);
      const said = await browser.run(`() => document.querySelector(".room-bar").textContent`);
      assert(said.includes("Engines") && said.includes("without your name"), said);
      await browser.click("#room-send");
      await until(browser, `() => !!document.querySelector("#room-withdraw")`);
      assert((await count()) === 1, "the room has the phone's entry");
      await browser.click("#room-withdraw");
      await until(browser, `() => !!document.querySelector("#room-send")`);
      assert((await count()) === 0, "and not after it withdrew");
      await noProblems(browser, "the room's page");
    });

    await check(`${label}: the custom element and the iframe on a page of another origin, with no policy violation`, async () => {
      await browser.goto(`${host}/host.html`);
      await until(browser, `(tag) => { const element = document.querySelector(tag); return !!(element && element.results && element.shadowRoot.querySelector(".cvc")); }`, [TAG], 30000);
      const element = await browser.run(`(tag) => { const element = document.querySelector(tag); return { results: element.results, direction: getComputedStyle(element.shadowRoot.querySelector(".cvc")).direction }; }`, TAG);
      assertFigures(element.results, edited, FIGURES, "the element");
      assert(element.direction === "rtl", `the Hebrew element: ${element.direction}`);
      // frame.js sizes the iframe to its content, away from the 900 px it starts at.
      const height = await until(browser, `() => { const height = document.querySelector("#frame").getBoundingClientRect().height; return height !== 900 && height > 150 && height; }`, [], 30000);
      console.log(`     the iframe follows its content: ${Math.round(height)} px`);
      await noProblems(browser, "the host page");
    });
  } finally {
    offline = false;
    await browser.close();
    app.close();
    await roomServer.kill();
    rooms.remove();
    hostServer.close();
    await rm(root, { recursive: true, force: true });
    await rm(hostRoot, { recursive: true, force: true });
  }
  const passed = tally.passed - before.passed;
  const failed = tally.failed - before.failed;
  console.log(`${label}: ${passed} passed, ${failed} failed, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const dist = process.argv[2] ?? "dist";
const chosen = process.argv.slice(3);
const engines = { firefox, webkit };
for (const [name, make] of Object.entries(engines)) {
  if (chosen.length === 0 || chosen.includes(name)) await corePath(make, dist);
}
console.log(`engines: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
