// Consultants' sites as they are built, end to end on the release bundle: host pages of
// another origin, each under exactly the Content-Security-Policy README.md documents for
// its way of embedding: a single-page site that swaps its view, an element connected,
// disconnected and connected again in one task, attributes and the `scenario` property
// against the command-line tool, the events and dataLayer (only when asked), a real
// React 19 host in StrictMode, 200 mounts and unmounts within memory bounds, two iframes
// on one page, lazy loading, and theming across the shadow root on purpose only.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build as esbuild } from "esbuild";
import { assert, assertFigures, check, cliFor, close, openPage, violations } from "./harness.mjs";
import { DESKTOP, PHONE, memoryReader } from "./browser.mjs";
import { serve } from "./serve.mjs";

const TAG = "customer-value-calculator";

/** README.md's policy for a page that uses the element (or containers). */
export const elementPolicy = (calc) => `default-src 'self'; script-src 'self' ${calc} 'wasm-unsafe-eval'; style-src 'self' ${calc}; connect-src ${calc}; img-src 'self' data:; object-src 'none'; base-uri 'self'`;
/** README.md's policy for a page that uses the iframe. */
export const framePolicy = (calc) => `default-src 'self'; script-src 'self' ${calc}; frame-src ${calc}; img-src 'self' data:; object-src 'none'; base-uri 'self'`;

const page = (policy, body, scripts = []) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>A consultant's site</title><link rel="icon" href="data:,"><link rel="stylesheet" href="host.css">
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join("\n")}
</head><body>${body}</body></html>`;

/** Writes the host pages, with their scripts as files (their policies forbid inline ones). */
export async function hostSite(calc) {
  const root = mkdtempSync(join(tmpdir(), "cvc-hosts-"));
  const write = (name, text) => writeFileSync(join(root, name), text);
  write("host.css", "body { font-family: Georgia, serif; margin: 16px; } .spacer { height: 3000px; }");
  const embed = `${calc}/embed.js`;
  // A single-page site: its router swaps the view after load.
  write("spa.js", `
    window.dataLayer = [];
    window.heard = [];
    for (const name of ["customer-value:ready", "customer-value:change"]) {
      document.addEventListener(name, (event) => window.heard.push({ type: event.type, gain: event.detail.results.npv_gain, target: event.target.id || event.target.tagName, drawn: Boolean(event.target.shadowRoot?.querySelector("[data-name=npv_gain]")) }));
    }
    const view = document.getElementById("view");
    window.swap = () => {
      window.old = view.querySelector("${TAG}");
      view.replaceChildren();
      const next = document.createElement("${TAG}");
      next.id = "second";
      next.setAttribute("lang", "he");
      next.setAttribute("lifetime-profit", "30000");
      next.setAttribute("data-layer", "");
      view.append(next);
      setTimeout(() => {
        const late = document.createElement("div");
        late.id = "late";
        late.setAttribute("data-customer-value", "");
        late.setAttribute("data-lang", "en");
        late.setAttribute("data-show", "headline");
        view.append(late);
      }, 300);
    };
  `);
  write("spa.html", page(elementPolicy(calc), `<main id="view"><${TAG} id="first" lang="en" lifetime-profit="45000"></${TAG}></main>`, [embed, "spa.js"]));
  // Mounts and unmounts, for the lifecycle and the memory figures.
  write("cycles.js", `
    window.cycle = async (times) => {
      for (let i = 0; i < times; i += 1) {
        const element = document.createElement("${TAG}");
        element.setAttribute("lang", "en");
        element.setAttribute("show", "headline");
        const ready = new Promise((resolve) => element.addEventListener("customer-value:ready", resolve, { once: true }));
        document.body.append(element);
        await ready;
        element.remove();
      }
    };
  `);
  write("timing.js", `
    // Connect to first answer (customer-value:ready), element after element on one page.
    window.timeMounts = async (times) => {
      const took = [];
      for (let i = 0; i < times; i += 1) {
        const element = document.createElement("${TAG}");
        element.setAttribute("lang", "en");
        const ready = new Promise((resolve) => element.addEventListener("customer-value:ready", resolve, { once: true }));
        const start = performance.now();
        document.body.append(element);
        await ready;
        took.push(performance.now() - start);
        element.remove();
      }
      return took;
    };
  `);
  write("cycles.html", page(elementPolicy(calc), "<h1>Mount and unmount</h1>", [embed, "cycles.js", "timing.js"]));
  // Two iframe snippets on one page, one asking for events, and frame.js.
  write("frames.js", `
    window.dataLayer = [];
    window.heard = [];
    window.heardDetails = [];
    for (const frame of document.querySelectorAll("iframe")) {
      for (const name of ["customer-value:ready", "customer-value:change"]) {
        frame.addEventListener(name, (event) => {
          window.heard.push({ frame: frame.id, type: event.type, gain: event.detail.results.npv_gain });
          window.heardDetails.push(event.detail);
        });
      }
    }
  `);
  const frame = (id, query) => `<iframe id="${id}" src="${calc}/?embed=1&amp;${query}" title="Customer Value Calculator" loading="lazy" width="100%" height="900"></iframe>`;
  // The third frame is another page of the calculator's origin (a folder of a shared host),
  // which frame.js must not trust.
  const impostor = `<iframe id="impostor" src="${calc}/release.json" title="Another page of the same host" width="100%" height="120"></iframe>`;
  // And two whose box the host decides: one hidden (a closed tab), one 420 px wide.
  const boxed = `<iframe id="hidden-frame" hidden src="${calc}/?embed=1&amp;lang=en&amp;show=headline" title="Customer Value Calculator" width="100%" height="600"></iframe><iframe id="narrow-frame" src="${calc}/?embed=1&amp;lang=en&amp;show=headline" title="Customer Value Calculator" width="420" height="600"></iframe>`;
  write("frames.html", page(framePolicy(calc), `${frame("full", "lang=en&amp;lifetime_profit=45000&amp;events=1&amp;datalayer=1")}${frame("headline", "lang=he&amp;show=headline")}${impostor}${boxed}<script type="module" src="${calc}/frame.js"></script>`, ["frames.js"]));
  // Themed on purpose, and a plain one beside it for the hostile stylesheet.
  write("themed.css", `${TAG}.themed { --cvc-accent: #c026d3; --cvc-font-family: Georgia, serif; --cvc-radius: 2px; --cvc-background: rgb(250, 245, 255); }
    ${TAG}.themed::part(answers) { outline: 3px solid rgb(1, 2, 3); }`);
  write("themed.html", page(elementPolicy(calc), `<link rel="stylesheet" href="themed.css"><h1>Themed</h1><${TAG} class="themed" lang="en" show="headline"></${TAG}><${TAG} class="plain" lang="en" show="headline"></${TAG}>`, [embed]));
  // The layouts of site builders, which size an item to its content: a flex row beside a
  // fixed column, a centred column, a grid that centres its items; and the host's own
  // rules on the element: a width, display: none, the hidden attribute.
  write("layouts.css", `.row { display: flex; gap: 10px; } .side { flex: 0 0 150px; }
    .column { display: flex; flex-direction: column; align-items: center; }
    .grid { display: grid; justify-items: center; }
    ${TAG}.sized { width: 500px; margin: 10px auto; } ${TAG}.gone { display: none; }`);
  write("layouts.html", page(elementPolicy(calc), `<link rel="stylesheet" href="layouts.css"><h1>Layouts</h1>
    <div class="row"><div class="side">A side column</div><${TAG} id="row" lang="en" show="headline"></${TAG}></div>
    <div class="column"><${TAG} id="column" lang="he" show="headline"></${TAG}></div>
    <div class="grid"><${TAG} id="grid" lang="en" show="headline"></${TAG}></div>
    <${TAG} id="sized" class="sized" lang="en" show="headline"></${TAG}>
    <${TAG} id="gone" class="gone" lang="en" show="headline"></${TAG}>
    <${TAG} id="hidden" hidden lang="en" show="headline"></${TAG}>`, [embed]));
  // Three calculators of different settings on one page (for the screenshots).
  write("three.html", page(elementPolicy(calc), `<link rel="stylesheet" href="themed.css"><h1>Three calculators</h1>
    <h2>Hebrew, everything</h2><${TAG} lang="he" lifetime-profit="45000"></${TAG}>
    <h2>English, the answers only, a violet accent, in dollars</h2><${TAG} lang="en" show="headline" accent="#6d28d9" currency="USD" preset="b2b-services"></${TAG}>
    <h2>Hebrew, the answers only, themed by the site</h2><${TAG} class="themed" lang="he" show="headline" preset="retail-shop"></${TAG}>`, [embed]));
  // A long page with a lazy calculator far below.
  write("lazy.html", page(elementPolicy(calc), `<h1>A long article</h1><div class="spacer"></div><${TAG} id="lazy" loading="lazy" lang="en" show="headline"></${TAG}>`, [embed]));
  // React 19 in StrictMode, bundled as a consultant's developer would.
  write("react.jsx", `
    import { StrictMode, useEffect, useRef, useState } from "react";
    import { createRoot } from "react-dom/client";
    window.heard = [];
    function Calculator() {
      const [profit, setProfit] = useState(45000);
      const [shown, setShown] = useState(true);
      const ref = useRef(null);
      useEffect(() => {
        const element = ref.current;
        if (!element) return undefined;
        const listen = (event) => window.heard.push(event.detail.results.npv_gain);
        element.addEventListener("customer-value:change", listen);
        return () => element.removeEventListener("customer-value:change", listen);
      }, [shown]);
      window.setProfit = setProfit;
      window.setShown = setShown;
      return shown ? <${TAG} ref={ref} lang="en" lifetime-profit={String(profit)}></${TAG}> : <p id="gone">Gone</p>;
    }
    createRoot(document.getElementById("root")).render(<StrictMode><Calculator /></StrictMode>);
  `);
  await esbuild({ entryPoints: [join(root, "react.jsx")], nodePaths: [join(process.cwd(), "node_modules")], bundle: true, jsx: "automatic", outfile: join(root, "react.js"), format: "esm", define: { "process.env.NODE_ENV": '"development"' }, logLevel: "silent" });
  write("react.html", page(elementPolicy(calc), `<div id="root"></div>`, [embed, "react.js"]));
  return root;
}

const gainOf = (scenario) => cliFor(scenario).npv_gain;

/** The named figure a calculator in `selector`'s shadow root shows, once it shows one. */
async function shownIn(page, selector, name = "npv_gain") {
  await page.waitForFunction(([selector, name]) => document.querySelector(selector)?.shadowRoot?.querySelector(`data[data-name=${name}]`), [selector, name], { timeout: 20000 });
  return page.evaluate(([selector, name]) => Number(document.querySelector(selector).shadowRoot.querySelector(`data[data-name=${name}]`).getAttribute("value")), [selector, name]);
}

async function noProblems(page, problems) {
  const found = [...problems, ...(await violations(page))];
  assert(found.length === 0, found.join("\n"));
}

export async function run({ browser, origin }) {
  const root = await hostSite(origin);
  const host = await serve(root, { host: "localhost" });
  const site = `http://localhost:${host.address().port}`;
  const open = (path, options = {}) => openPage(browser, `${site}/${path}`, { viewport: DESKTOP, origins: [origin], wait: null, ...options });

  {
    const { context, page, problems } = await open("spa.html");
    await check("single-page host: the element mounts, and the view it is swapped for (a new element, a late container) mounts too", async () => {
      assert(close(await shownIn(page, "#first"), gainOf({ lifetime_profit: 45000 })), "the first view's figures");
      await page.evaluate(() => window.swap());
      assert(close(await shownIn(page, "#second"), gainOf({ lifetime_profit: 30000 })), "the new element's figures");
      await shownIn(page, "#late");
      const lang = await page.evaluate(() => document.querySelector("#second").shadowRoot.querySelector(".cvc").getAttribute("lang"));
      assert(lang === "he", `the new element's language: ${lang}`);
    });
    await check("single-page host: the removed element's calculator is gone, and nothing of it runs", async () => {
      const left = await page.evaluate(() => ({ connected: window.old.isConnected, children: window.old.shadowRoot.childElementCount }));
      assert(!left.connected && left.children === 0, JSON.stringify(left));
      const before = await page.evaluate(() => window.heard.filter((event) => event.target === "first").length);
      await page.waitForTimeout(800);
      const after = await page.evaluate(() => window.heard.filter((event) => event.target === "first").length);
      assert(after === before, `the removed calculator still told the host ${after - before} events`);
    });
    await check("the host hears customer-value:ready, once the answer is drawn, and :change at document, with the command-line tool's figures", async () => {
      await page.waitForFunction(() => window.heard.some((event) => event.target === "second" && event.type === "customer-value:ready"));
      await page.evaluate(() => document.querySelector("#second").setAttribute("lifetime-profit", "38000"));
      await page.waitForFunction(() => window.heard.some((event) => event.target === "second" && event.type === "customer-value:change"), null, { timeout: 10000 });
      const change = await page.evaluate(() => window.heard.find((event) => event.target === "second" && event.type === "customer-value:change"));
      assert(close(change.gain, gainOf({ lifetime_profit: 38000 })), JSON.stringify(change));
      const ready = await page.evaluate(() => window.heard.find((event) => event.target === "first" && event.type === "customer-value:ready"));
      assert(ready && close(ready.gain, gainOf({ lifetime_profit: 45000 })), JSON.stringify(ready));
      const readies = await page.evaluate(() => window.heard.filter((event) => event.type === "customer-value:ready"));
      assert(readies.every((event) => event.drawn), `ready before the answer was drawn: ${JSON.stringify(readies)}`);
    });
    await check("dataLayer: pushes only from the element that opts in, with business figures only", async () => {
      const pushes = await page.evaluate(() => window.dataLayer);
      assert(pushes.length >= 1, "the opted-in element pushed");
      for (const push of pushes) {
        assert(push.event === "customer_value_change", JSON.stringify(push));
        assert(Object.keys(push).every((key) => ["event", "currency", "yearly_cost_of_poor_service", "unhappy_customer_cost", "service_budget_per_year", "npv_gain", "roi", "payback_month"].includes(key)), JSON.stringify(push));
      }
      assert(close(pushes.at(-1).npv_gain, gainOf({ lifetime_profit: 38000 })), JSON.stringify(pushes.at(-1)));
      // The first element (no data-layer) changed too, before it was removed: nothing of it.
      assert(pushes.every((push) => !close(push.npv_gain, gainOf({ lifetime_profit: 45000 }))), "no push from an element that did not opt in");
    });
    await check("an attribute change and a scenario assignment give the command-line tool's figures, and results matches it", async () => {
      await page.evaluate(() => {
        document.querySelector("#second").scenario = { acquisition_cost: 2500, uncertainty: { lifetime_profit: { low: 30000, high: 40000 } } };
      });
      const expected = cliFor({ lifetime_profit: 38000, acquisition_cost: 2500, uncertainty: { lifetime_profit: { low: 30000, high: 40000 } } });
      await page.waitForFunction((gain) => Math.abs(document.querySelector("#second").results?.npv_gain - gain) < 1e-6, expected.npv_gain, { timeout: 10000 });
      const { results, scenario, link } = await page.evaluate(() => {
        const element = document.querySelector("#second");
        return { results: element.results, scenario: element.scenario, link: element.link };
      });
      assertFigures(results, expected, ["npv_gain", "yearly_cost_of_poor_service", "unhappy_customer_cost", "roi", "payback_month", "break_even_budget_per_year", "npv_now", "npv_invest"], "results");
      assert(scenario.lifetime_profit === 38000 && scenario.acquisition_cost === 2500, JSON.stringify(scenario));
      assert(link.startsWith(`${origin}/?`) && link.includes("acquisition_cost=2500"), link);
    });
    await check("hostile attributes and properties are refused on their own, with a notice, and nothing runs", async () => {
      const before = await shownIn(page, "#second");
      await page.evaluate(() => {
        const element = document.querySelector("#second");
        element.setAttribute("unhappy-share-now", "\"><script>alert(1)</script>");
        element.setAttribute("accent", "red; background: url(//evil)");
        element.scenario = "not an object";
        element.scenario = { get lifetime_profit() { throw new Error("a getter that throws"); } };
        const cyclic = {};
        cyclic.self = cyclic;
        element.scenario = cyclic;
        element.scenario = { lifetime_profit: 1e400 };
      });
      await page.waitForTimeout(600);
      const after = await shownIn(page, "#second");
      assert(after === before, `the last good answer stays: ${before} → ${after}`);
      const notice = await page.evaluate(() => document.querySelector("#second").shadowRoot.querySelector(".notice")?.textContent ?? "");
      assert(notice.length > 0, "a notice says what was ignored");
      const scripts = await page.evaluate(() => document.querySelector("#second").shadowRoot.querySelectorAll("script, img").length);
      assert(scripts === 0, "nothing inserted as markup");
    });
    await check("consent=\"denied\": the element pushes nothing to dataLayer and its privacy line names no analytics; granted, the latest once and the line says so; denied again, the line takes it back", async () => {
      const gain = gainOf({ lifetime_profit: 41000 });
      const privacy = () => page.evaluate(() => document.querySelector("#held").shadowRoot.querySelector(".privacy").textContent);
      const pushed = () => page.evaluate((gain) => window.dataLayer.filter((push) => Math.abs(push.npv_gain - gain) <= Math.max(1, Math.abs(gain) * 1e-9)).length, gain);
      await page.evaluate((tag) => {
        const held = document.createElement(tag);
        held.id = "held";
        for (const [name, value] of [["lang", "en"], ["lifetime-profit", "41000"], ["data-layer", ""], ["consent", "denied"]]) held.setAttribute(name, value);
        document.querySelector("#view").append(held);
      }, TAG);
      assert(close(await shownIn(page, "#held"), gain), "the held element's figures");
      await page.waitForTimeout(600);
      assert((await pushed()) === 0, "nothing pushed before consent");
      assert(!(await privacy()).includes("analytics"), `denied: ${await privacy()}`);
      await page.evaluate(() => document.querySelector("#held").setAttribute("consent", "granted"));
      await page.waitForFunction(() => document.querySelector("#held").shadowRoot.querySelector(".privacy").textContent.includes("analytics"), null, { timeout: 5000 });
      assert((await pushed()) === 1, `granted: the latest once, not ${await pushed()}`);
      await page.evaluate(() => document.querySelector("#held").setAttribute("consent", "denied"));
      await page.waitForFunction(() => !document.querySelector("#held").shadowRoot.querySelector(".privacy").textContent.includes("analytics"), null, { timeout: 5000 });
    });
    await check("single-page host: no errors and no policy violations under the element's documented policy", () => noProblems(page, problems));
    await context.close();
  }

  {
    const { context, page, problems } = await open("cycles.html");
    await check("connected, disconnected and connected again in one task: one calculator", async () => {
      await page.evaluate((tag) => {
        const element = document.createElement(tag);
        element.id = "moved";
        element.setAttribute("lang", "en");
        element.setAttribute("show", "headline");
        document.body.append(element);
        element.remove();
        document.body.append(element);
      }, TAG);
      await shownIn(page, "#moved");
      await page.waitForTimeout(500);
      const count = await page.evaluate(() => document.querySelector("#moved").shadowRoot.querySelectorAll(".cvc").length);
      assert(count === 1, `${count} calculators`);
      // Loading embed.js a second time defines nothing twice and throws nothing.
      await page.evaluate(async (url) => {
        await import(`${url}?again`);
      }, `${origin}/embed.js`);
      await page.evaluate(() => document.querySelector("#moved").remove());
    });
    await check("200 mounts and unmounts: JS heap, DOM nodes and listeners within 10% of their values after the first 20", async () => {
      const measure = await memoryReader(page);
      await page.evaluate(() => window.cycle(20));
      const first = await measure();
      await page.evaluate(() => window.cycle(180));
      const last = await measure();
      console.log(`     memory after 20 and 200 mounts: heap ${(first.heap / 1e6).toFixed(2)} → ${(last.heap / 1e6).toFixed(2)} MB, nodes ${first.nodes} → ${last.nodes}, listeners ${first.listeners} → ${last.listeners}`);
      for (const key of ["heap", "nodes", "listeners"]) {
        assert(last[key] <= first[key] * 1.1, `${key}: ${first[key]} after 20, ${last[key]} after 200`);
      }
    });
    await check("one more element on a page that has one: no second download; connect-to-answer time measured", async () => {
      const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      await page.evaluate(() => window.timeMounts(2));
      const desktop = await page.evaluate(() => window.timeMounts(20));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const throttled = await page.evaluate(() => window.timeMounts(20));
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      console.log(`     connect to first answer (full widget, module already there): median ${median(desktop).toFixed(1)} ms, at 4x CPU ${median(throttled).toFixed(1)} ms, over 20 each`);
      const downloads = await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => /(embed|customer-value-calculator)-[0-9a-f]+_bg\.wasm/.test(entry.name)).length);
      assert(downloads === 1, `${downloads} downloads of the embed's program for 244 calculators`);
    });
    await check("mount and unmount: no errors and no policy violations", () => noProblems(page, problems));
    await context.close();
  }

  {
    const { context, page, problems } = await open("react.html");
    await check("React 19 in StrictMode: one calculator, a changed prop changes its figures, and it is taken down when React removes it", async () => {
      assert(close(await shownIn(page, TAG), gainOf({ lifetime_profit: 45000 })), "the first figures");
      const count = await page.evaluate((tag) => document.querySelectorAll(tag).length + document.querySelector(tag).shadowRoot.querySelectorAll(".cvc").length, TAG);
      assert(count === 2, `one element with one calculator (${count})`);
      await page.evaluate(() => window.setProfit(30000));
      const expected = gainOf({ lifetime_profit: 30000 });
      await page.waitForFunction((gain) => window.heard.some((heard) => Math.abs(heard - gain) < 1e-6), expected, { timeout: 10000 });
      assert(close(await shownIn(page, TAG), expected), "the prop's figures");
      await page.evaluate(() => {
        window.removed = document.querySelector("customer-value-calculator");
        window.setShown(false);
      });
      await page.waitForSelector("#gone");
      const left = await page.evaluate(() => window.removed.shadowRoot.childElementCount);
      assert(left === 0, `${left} elements left in the removed calculator`);
    });
    await check("React host: no errors and no policy violations", () => noProblems(page, problems));
    await context.close();
  }

  {
    const { context, page, problems, warnings } = await open("frames.html");
    await check("two iframes on one page: each follows its own content height", async () => {
      // Each is measured while it is on screen: the browser puts off an off-screen frame's
      // rendering (and so its size), and the second is lazy, loaded once scrolled to.
      for (const id of ["full", "headline"]) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        const inner = await (await page.$(`#${id}`)).contentFrame();
        await inner.waitForSelector("data[data-name=npv_gain]");
        if (id === "full") await inner.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
        // The content settles once every part has arrived; the frame follows it.
        let outer = 0;
        let content = -100;
        for (let tries = 0; tries < 20 && Math.abs(outer - content) > 2; tries += 1) {
          await page.waitForTimeout(300);
          outer = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);
          content = await inner.evaluate(() => document.body.getBoundingClientRect().height);
        }
        const scrolls = await inner.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
        assert(Math.abs(outer - content) <= 2 && !scrolls, `${id}: frame ${outer}px for ${content}px of content`);
      }
      const heights = await page.evaluate(() => [...document.querySelectorAll("iframe")].map((frame) => frame.getBoundingClientRect().height));
      assert(heights[0] !== heights[1], `each its own: ${heights}`);
    });
    await check("the iframe's box stays the host's: frame.js sizes its height only; a hidden iframe stays hidden and a 420 px one 420 px", async () => {
      await page.locator("#narrow-frame").scrollIntoViewIfNeeded();
      // Its content spoke: frame.js has set its height from the 600 it started at.
      await page.waitForFunction(() => Math.abs(document.getElementById("narrow-frame").getBoundingClientRect().height - 600) > 2, null, { timeout: 20000 });
      const boxes = await page.evaluate(() => ["hidden-frame", "narrow-frame"].map((id) => {
        const frame = document.getElementById(id);
        return { id, display: getComputedStyle(frame).display, width: frame.getBoundingClientRect().width, border: getComputedStyle(frame).borderTopWidth };
      }));
      assert(boxes[0].display === "none", JSON.stringify(boxes));
      assert(Math.abs(boxes[1].width - 420) < 1 && boxes[1].border === "0px", JSON.stringify(boxes));
    });
    await check("iframe events: only the frame that asks tells the host, with the tool's figures, and its dataLayer pushes", async () => {
      await page.waitForFunction(() => window.heard.some((event) => event.frame === "full" && event.type === "customer-value:ready"), null, { timeout: 20000 });
      const inner = await (await page.$("#full")).contentFrame();
      await inner.fill("#field-lifetime_profit", "30000");
      await page.waitForFunction(() => window.heard.some((event) => event.type === "customer-value:change"), null, { timeout: 10000 });
      const heard = await page.evaluate(() => window.heard);
      assert(heard.every((event) => event.frame === "full"), `only the frame that asks: ${JSON.stringify(heard)}`);
      const change = heard.find((event) => event.type === "customer-value:change");
      assert(close(change.gain, gainOf({ lifetime_profit: 30000 })), JSON.stringify(change));
      const pushes = await page.evaluate(() => window.dataLayer);
      assert(pushes.length >= 1 && pushes.every((push) => push.event === "customer_value_change"), JSON.stringify(pushes));
    });
    await check("another page of the calculator's origin, framed beside it, cannot resize its frame, dispatch an event or push to dataLayer", async () => {
      const impostor = await (await page.$("#impostor")).contentFrame();
      const before = await page.evaluate(() => ({ height: document.getElementById("impostor").getBoundingClientRect().height, heard: window.heard.length, pushes: window.dataLayer.length }));
      await impostor.evaluate((calc) => {
        const payload = { version: 1, scenario: { lifetime_profit: 1 }, results: { npv_gain: 123 }, link: `${calc}/?x=1` };
        parent.postMessage({ type: "customer-value:height", height: 20000 }, "*");
        parent.postMessage({ type: "customer-value:change", ...payload, data_layer: { event: "gtm.js" } }, "*");
        parent.postMessage({ type: "customer-value:ready", ...payload }, "*");
      }, origin);
      await page.waitForTimeout(500);
      const after = await page.evaluate(() => ({ height: document.getElementById("impostor").getBoundingClientRect().height, heard: window.heard.length, pushes: window.dataLayer.length }));
      assert(JSON.stringify(after) === JSON.stringify(before), `${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    });
    await check("a hostile dataLayer entry from the calculator's own frame is rebuilt from its known keys, or dropped", async () => {
      const full = await (await page.$("#full")).contentFrame();
      const pushes = await page.evaluate(() => window.dataLayer.length);
      await full.evaluate((calc) => {
        const payload = { version: 1, scenario: { lifetime_profit: 1, evil: { nested: true } }, results: { npv_gain: 7, extra: "<b>" }, link: `${calc}/?lifetime_profit=1` };
        const entry = { event: "customer_value_change", currency: "ILS", yearly_cost_of_poor_service: 1, unhappy_customer_cost: 2, service_budget_per_year: 3, npv_gain: 4, roi: null, payback_month: 5 };
        parent.postMessage({ type: "customer-value:change", ...payload, data_layer: { ...entry, "gtm.uniqueEventId": 9, secret: "x" } }, "*");
        parent.postMessage({ type: "customer-value:change", ...payload, data_layer: { event: "gtm.js" } }, "*");
        parent.postMessage({ type: "customer-value:change", ...payload, data_layer: { ...entry, currency: "<script>" } }, "*");
        parent.postMessage({ type: "customer-value:change", ...payload, link: "https://evil.example/" }, "*");
      }, origin);
      await page.waitForTimeout(500);
      const added = await page.evaluate((from) => window.dataLayer.slice(from), pushes);
      assert(added.length === 1, `one entry pushed: ${JSON.stringify(added)}`);
      assert(JSON.stringify(Object.keys(added[0])) === JSON.stringify(["event", "currency", "yearly_cost_of_poor_service", "unhappy_customer_cost", "service_budget_per_year", "npv_gain", "roi", "payback_month"]), JSON.stringify(added[0]));
      const details = await page.evaluate(() => window.heardDetails.slice(-4));
      const last = details.at(-1);
      assert(last && !("evil" in last.scenario) && !("extra" in last.results) && last.results.npv_gain === 7, JSON.stringify(details));
      assert(details.every((detail) => detail.link !== "https://evil.example/"), "a link elsewhere than the calculator is dropped");
    });
    await check("iframe host: no errors and no policy violations under the iframe's documented policy", () => noProblems(page, problems));
    await check("an iframe on another site keeps nothing for offline: no service worker, so none of the page's own files are fetched", async () => {
      for (const frame of page.frames().slice(1)) {
        // A frame of another site may not use service workers at all (the browser refuses
        // with NotSupportedError): then it holds none; any other failure fails the check.
        const kept = await frame.evaluate(async () => {
          try {
            return (await navigator.serviceWorker?.getRegistrations())?.length ?? 0;
          } catch (error) {
            if (error.name === "NotSupportedError") return 0;
            throw error;
          }
        });
        assert(kept === 0, `${frame.url()}: ${kept} service workers`);
      }
      const offline = warnings.filter((text) => /offline/i.test(text));
      assert(offline.length === 0, `a frame tried to register the page's worker: ${offline.join(" | ")}`);
    });
    await context.close();
  }

  {
    const { context, page, problems } = await open("layouts.html");
    await check("the host page owns the element's box: as wide as it is given in a flex row, a centred column and a centred grid; its own width, display: none and hidden hold", async () => {
      for (const id of ["row", "column", "grid", "sized"]) await shownIn(page, `#${id}`);
      const boxes = await page.evaluate(() => Object.fromEntries(["row", "column", "grid", "sized", "gone", "hidden"].map((id) => {
        const element = document.getElementById(id);
        return [id, { width: Math.round(element.getBoundingClientRect().width), parent: Math.round(element.parentElement.getBoundingClientRect().width) }];
      })));
      const shown = JSON.stringify(boxes);
      assert(boxes.row.width === boxes.row.parent - 160, `beside a 150 px column, with a 10 px gap: ${shown}`);
      assert(boxes.column.width === boxes.column.parent && boxes.grid.width === boxes.grid.parent, `centred: ${shown}`);
      assert(boxes.sized.width === 500, `the host's width: ${shown}`);
      assert(boxes.gone.width === 0 && boxes.hidden.width === 0, `hidden by the host: ${shown}`);
    });
    await check("layouts host: no errors and no policy violations", () => noProblems(page, problems));
    await context.close();
  }

  {
    const { context, page, problems } = await open("themed.html");
    await check("themed on purpose through --cvc-* properties and ::part, and a hostile stylesheet changes nothing else", async () => {
      await shownIn(page, ".themed");
      await shownIn(page, ".plain");
      const looks = () =>
        page.evaluate(() =>
          [".themed", ".plain"].map((selector) => {
            const root = document.querySelector(selector).shadowRoot;
            const cvc = getComputedStyle(root.querySelector(".cvc"));
            const card = getComputedStyle(root.querySelector(".card"));
            return { accent: cvc.getPropertyValue("--accent").trim(), font: cvc.fontFamily, background: cvc.backgroundColor, radius: card.borderTopLeftRadius, outline: getComputedStyle(root.querySelector("[part=answers]")).outlineColor, color: cvc.color, lineHeight: cvc.lineHeight, size: cvc.fontSize };
          }),
        );
      const [themed, plain] = await looks();
      assert(themed.accent === "#c026d3" && plain.accent === "#0b5cad", `accent ${themed.accent} / ${plain.accent}`);
      assert(themed.font.includes("Georgia") && !plain.font.includes("Georgia"), `font ${themed.font} / ${plain.font}`);
      assert(themed.radius === "2px" && plain.radius !== "2px", `radius ${themed.radius} / ${plain.radius}`);
      assert(themed.background === "rgb(250, 245, 255)", `background ${themed.background}`);
      assert(themed.outline === "rgb(1, 2, 3)" && plain.outline !== "rgb(1, 2, 3)", `part ${themed.outline} / ${plain.outline}`);
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync("* { color: red !important; font-family: serif !important; line-height: 5 !important; font-size: 30px !important; --accent: lime !important } customer-value-calculator::part(answers) { all: unset !important }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      await page.waitForTimeout(100);
      const [, hostilePlain] = await looks();
      for (const key of ["accent", "font", "background", "radius", "color", "lineHeight", "size"]) {
        assert(hostilePlain[key] === plain[key], `${key} changed: ${plain[key]} → ${hostilePlain[key]}`);
      }
    });
    await check("themed host: no errors and no policy violations", () => noProblems(page, problems));
    await context.close();
  }

  {
    const { context, page, problems } = await open("lazy.html", { viewport: PHONE });
    const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").some((entry) => /embed-[0-9a-f]+_bg\.wasm/.test(entry.name)));
    await check('loading="lazy": nothing of the calculator is fetched until it comes within a screen, then it mounts', async () => {
      await page.waitForTimeout(1500);
      assert(!(await fetched()), "the embed's program was fetched before it was wanted");
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await shownIn(page, "#lazy");
      assert(await fetched(), "fetched once near the screen");
    });
    await check("lazy host: no errors and no policy violations", () => noProblems(page, problems));
    await context.close();
  }
  host.close();
}
