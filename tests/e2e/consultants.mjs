// What consultants need, end to end on the release bundle: a link that carries the
// scenario (and survives hostile ones), the Share panel, and the calculator embedded on a
// page of another origin, in an iframe and as script widgets, under strict policies.
import { check, assert, openPage, violations } from "./harness.mjs";
import { PHONE, DESKTOP } from "./browser.mjs";
import { serve } from "./serve.mjs";

const HOSTILE = [
  "lifetime_profit=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "acquisition_cost=javascript:alert(1)",
  "current_customers=1e400",
  "referrals_per_happy=NaN",
  "lost_per_unhappy=-3",
  "unhappy_share_now=0.3",
  "unhappy_share_now=0.5",
  "discount_rate=%E0%A4%A",
  `service_budget_per_year=${"9".repeat(100_000)}`,
  "colour=red",
  "%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E=1",
  "horizon_years=10",
  "lang=en",
].join("&");

async function shown(page, name) {
  return page.getAttribute(`data[data-name=${name}]`, "value");
}

export async function run({ browser, origin, dist }) {
  let shared = "";
  let sharedGain = "";
  {
    const { context, page, problems } = await openPage(browser, `${origin}/`, { viewport: PHONE, locale: "en-US", permissions: ["clipboard-read", "clipboard-write"] });
    await check("share: edits reach the address bar after a pause, with no new history entries", async () => {
      const entries = await page.evaluate(() => history.length);
      await page.click("#field-lifetime_profit", { clickCount: 3 });
      await page.keyboard.type("45000");
      await page.click("#field-unhappy_share_now", { clickCount: 3 });
      await page.keyboard.type("35");
      await page.waitForFunction(() => location.search.includes("unhappy_share_now=0.35"), null, { timeout: 5000 });
      shared = page.url();
      assert(shared.includes("lifetime_profit=45000") && shared.includes("lang=en") && shared.includes("currency=ILS"), shared);
      assert((await page.evaluate(() => history.length)) === entries, "replaceState, not pushState");
      sharedGain = await shown(page, "npv_gain");
    });
    await check("share: the panel shows the link, copies it and says so", async () => {
      await page.click(".tool[aria-controls=share-panel]");
      const link = await page.inputValue("#share-link");
      assert(link === shared, `${link} != ${shared}`);
      await page.click("#share-panel button.primary");
      await page.waitForSelector("#share-panel .status:has-text('Link copied.')");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied === shared, `clipboard: ${copied}`);
    });
    await check("share: no errors and no policy violations", async () => {
      const found = [...problems, ...(await violations(page))];
      assert(found.length === 0, found.join("\n"));
    });
    await context.close();
  }

  {
    // A fresh browser with another language: the link's own language and figures win.
    const { context, page, problems } = await openPage(browser, shared, { viewport: DESKTOP, locale: "he-IL" });
    await check("share: the link opened in a fresh browser gives the same inputs and figures", async () => {
      assert((await page.getAttribute(".cvc", "lang")) === "en", "the link's language");
      assert((await page.inputValue("#field-lifetime_profit")) === "45000", "L");
      assert((await page.inputValue("#field-unhappy_share_now")) === "35", "p0 in percent");
      assert((await shown(page, "npv_gain")) === sharedGain, `${await shown(page, "npv_gain")} != ${sharedGain}`);
      assert((await page.$(".notice:not([hidden])")) === null, "a clean link gives no notice");
      assert(problems.length === 0 && (await violations(page)).length === 0, problems.join("\n"));
    });
    await context.close();
  }

  {
    const { context, page, problems } = await openPage(browser, `${origin}/?${HOSTILE}`, { viewport: PHONE, locale: "en-US" });
    await check("a hostile link: nothing runs, the rest applies, and a notice says what was ignored", async () => {
      await page.waitForTimeout(500);
      assert(problems.length === 0, problems.join("\n"));
      assert((await violations(page)).length === 0, "no policy violation");
      const scripts = await page.$$eval("script", (elements) => elements.map((element) => element.getAttribute("src") ?? "inline"));
      assert(scripts.length === 2 && scripts.every((src) => /^\/?(first-paint|start)\.js$/.test(src)), `no script was inserted: ${scripts}`);
      assert((await page.$("img")) === null, "no markup was inserted");
      assert((await page.inputValue("#field-horizon_years")) === "10", "the good parameter applied");
      assert((await page.inputValue("#field-lifetime_profit")) === "20000", "the bad one kept its default");
      const notice = await page.textContent(".notice[role=status]");
      for (const words of ["Profit from a well-served customer: not a number", "Customers served badly today: given twice", "Yearly service budget: not a number", "not recognised"]) {
        assert(notice.includes(words), `notice lacks “${words}”: ${notice}`);
      }
      // The markup key is not shaped like a setting's name: it is counted, never echoed.
      assert(!notice.includes("<img") && !notice.includes("onerror"), `outside text is not echoed: ${notice}`);
      assert(notice.replace(/[\u2068\u2069]/g, "").includes("colour: not recognised"), `a setting's name is: ${notice}`);
    });
    await check("a link of 150 unknown keys with a right-to-left override: a short notice, no format characters, none of its words", async () => {
      const keys = Array.from({ length: 150 }, (_, i) => `k${i}=1`);
      const hostile = `%E2%80%AEmoc.elpmaxe-live%20ta%20nigol=1&${keys.join("&")}&lang=he`;
      const { context: other, page: hostilePage, problems: hostileProblems } = await openPage(browser, `${origin}/?${hostile}`, { viewport: PHONE, locale: "he-IL" });
      const lines = await hostilePage.$$eval(".notice[role=status] li", (items) => items.map((item) => item.textContent));
      assert(lines.length <= 5, `${lines.length} lines: ${lines.join(" | ")}`);
      const text = lines.join("\n");
      assert(!/[\u061C\u200E\u200F\u202A-\u202E\u2066\u2067]/.test(text), `a format character in ${JSON.stringify(text)}`);
      assert(!text.includes("nigol") && !text.includes("evil"), text);
      assert(/עוד \d+ הגדרות לא מוכרות/.test(text), `the rest counted: ${text}`);
      assert(hostileProblems.length === 0, hostileProblems.join("\n"));
      await other.close();
    });
    await check("a hostile link: the figures are the model's for the parameters that were taken", async () => {
      const { context: clean, page: cleanPage } = await openPage(browser, `${origin}/?horizon_years=10&lang=en`, { viewport: PHONE });
      assert((await shown(page, "npv_gain")) === (await shown(cleanPage, "npv_gain")), "same gain as the clean link");
      await clean.close();
    });
    await context.close();
  }

  // The demo host page, served from another origin, loading the calculator from this one.
  const host = await serve(dist, {
    host: "localhost",
    rewrite: (path, body) => {
      if (path !== "/embed.html") return body;
      return Buffer.from(
        body
          .toString()
          .replaceAll('src="embed.js"', `src="${origin}/embed.js"`)
          .replaceAll('src="frame.js"', `src="${origin}/frame.js"`)
          .replaceAll('src="./?', `src="${origin}/?`)
          .replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${origin}`)
          .replace("style-src 'self'", `style-src 'self' ${origin}`)
          .replace("frame-src 'self'", `frame-src ${origin}`)
          .replace("connect-src 'self'", `connect-src 'self' ${origin}`),
      );
    },
  });
  const hostOrigin = `http://localhost:${host.address().port}`;
  {
    const { context, page, problems } = await openPage(browser, `${hostOrigin}/embed.html`, { viewport: DESKTOP, origins: [origin], wait: null });
    const frame = () => page.frames().find((candidate) => candidate.url().startsWith(origin));
    await check("embed.html (another origin): the iframe's height follows its content, with no inner scroll bar", async () => {
      await page.waitForFunction(() => document.querySelector("iframe").style.height !== "", null, { timeout: 20000 });
      const inner = frame();
      await inner.waitForSelector("data[data-name=npv_gain]");
      // The page is whole once the charts have come from its chunk (when they
      // come into view), which makes it taller a moment after the rest.
      await inner.locator(".area-charts").scrollIntoViewIfNeeded();
      await inner.waitForSelector(".area-charts .monte-carlo .bar", { timeout: 20000 });
      const fits = async () => {
        await page.waitForTimeout(300);
        const outer = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
        const content = await inner.evaluate(() => document.documentElement.scrollHeight);
        const scrolls = await inner.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
        assert(!scrolls, `inner scroll bar: content ${content}, frame ${outer}`);
        assert(Math.abs(outer - content) <= 2, `frame ${outer}px for ${content}px of content`);
        return content;
      };
      const before = await fits();
      await inner.click(".advanced > summary");
      const after = await fits();
      assert(after > before, `the frame grew when Advanced opened: ${before} → ${after}`);
      assert((await inner.getAttribute(".cvc", "class")).includes("framed"), "no page chrome");
      assert((await inner.$("h1")) === null, "no title inside the frame");
    });
    await check("embed.html: the frame's listener ignores messages from elsewhere", async () => {
      const height = await page.evaluate(() => document.querySelector("iframe").style.height);
      await page.evaluate(() => window.postMessage({ type: "customer-value:height", height: 5 }, "*"));
      await page.waitForTimeout(100);
      assert((await page.evaluate(() => document.querySelector("iframe").style.height)) === height, "a message from the page itself is ignored");
    });
    await check("embed.html: the element and the container each show their own figures and language", async () => {
      await page.waitForFunction(() => [...document.querySelectorAll(".widget")].every((host) => host.shadowRoot?.querySelector("data[data-name=npv_gain]")), null, { timeout: 20000 });
      const widgets = await page.evaluate(() =>
        [...document.querySelectorAll(".widget")].map((host) => {
          const root = host.shadowRoot;
          return {
            lang: root.querySelector(".cvc").getAttribute("lang"),
            gain: root.querySelector("data[data-name=npv_gain]").getAttribute("value"),
            money: root.querySelector("data[data-name=npv_gain]").textContent,
            inputs: root.querySelectorAll("input").length,
            full: root.querySelector(".privacy a")?.getAttribute("href") ?? "",
          };
        }),
      );
      assert(widgets.length === 2, `${widgets.length} widgets`);
      const [hebrew, english] = widgets;
      assert(hebrew.lang === "he" && english.lang === "en", JSON.stringify(widgets));
      assert(hebrew.inputs > 0 && english.inputs === 0, "full and headline-only");
      assert(english.money.includes("$"), english.money);
      assert(english.full.startsWith(`${origin}/?`) && english.full.includes("lifetime_profit=45000") && english.full.includes("currency=USD"), english.full);
      // The same scenarios as links give the same figures.
      for (const [widget, query] of [[hebrew, "preset=retail-shop&lang=he"], [english, "lifetime_profit=45000&currency=USD&lang=en"]]) {
        const { context: other, page: direct } = await openPage(browser, `${origin}/?${query}`, { viewport: PHONE });
        const gain = await shown(direct, "npv_gain");
        assert(gain === widget.gain, `${query}: widget ${widget.gain}, page ${gain}`);
        await other.close();
      }
    });
    await check("embed.html: a hostile host stylesheet does not change the widgets", async () => {
      const styles = () =>
        page.evaluate(() =>
          [...document.querySelectorAll(".widget")].map((host) => {
            const root = host.shadowRoot;
            return [".cvc", ".card h3", "data[data-name=npv_gain]", ".explanation p"].map((selector) => {
              const element = root.querySelector(selector);
              const style = getComputedStyle(element);
              return [style.color, style.fontFamily, style.lineHeight, style.direction, style.textAlign, style.letterSpacing, style.fontSize].join("|");
            });
          }),
        );
      const before = JSON.stringify(await styles());
      // A stylesheet built through the CSS object model, which the host's own policy allows.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync("* { color: red !important; font-family: serif !important; line-height: 5 !important; direction: rtl !important; text-align: right !important; letter-spacing: 3px !important; font-size: 30px !important } div, p, h3, data { all: unset !important }");
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      await page.waitForTimeout(100);
      const hostChanged = await page.evaluate(() => getComputedStyle(document.querySelector("h1")).color);
      assert(hostChanged === "rgb(255, 0, 0)", "the hostile sheet applies to the host page");
      const after = JSON.stringify(await styles());
      assert(after === before, `widget styles changed:\n${before}\n${after}`);
    });
    await check("embed.html: the accent is the widget's own, and the styles do not leak out", async () => {
      const accent = await page.evaluate(() => getComputedStyle(document.querySelectorAll(".widget")[1].shadowRoot.querySelector(".cvc")).getPropertyValue("--accent").trim());
      assert(accent === "#6d28d9", `accent ${accent}`);
      const hostFont = await page.evaluate(() => getComputedStyle(document.querySelector("header p")).fontFamily);
      assert(!hostFont.includes("system-ui"), `host font ${hostFont}`);
    });
    await check("the Embed panel's preview says what the installed calculator sends: an element tells its host page, with the analytics box its analytics, and an iframe without it nothing", async () => {
      // What an installed calculator says (the English widget: a container, no data-layer).
      const installed = await page.evaluate(() => document.querySelectorAll(".widget")[1].shadowRoot.querySelector(".privacy").textContent);
      const { context: own, page: builder } = await openPage(browser, `${origin}/?lang=en`, { viewport: DESKTOP });
      await builder.click(".tool[aria-controls=embed-panel]");
      const frame = builder.locator("#embed-panel .embed-preview iframe");
      const says = async (what, ok) => {
        let text = "";
        for (let tries = 0; tries < 100 && !ok(text); tries++) {
          // A lazy iframe loads its new address only once it is in view again.
          await frame.scrollIntoViewIfNeeded();
          text = (await builder.frameLocator("#embed-panel .embed-preview iframe").locator(".privacy").textContent({ timeout: 20000 }).catch(() => "")) ?? "";
          if (!ok(text)) await builder.waitForTimeout(200);
        }
        assert(ok(text), `${what}: the preview says "${text}" (${await frame.getAttribute("src")})`);
      };
      const firstSentence = installed.split(".")[0];
      await says("the element", (text) => text.includes(firstSentence));
      await builder.check("#embed-events");
      await says("the element with the analytics box", (text) => /analytics/i.test(text));
      await builder.uncheck("#embed-events");
      await builder.selectOption("#embed-way", "iframe");
      await says("an iframe without the analytics box", (text) => /Nothing you type is sent anywhere, not even to this site/.test(text));
      // Lead capture is a host's attribute, never a link's: the preview cannot show it, and
      // says so under it once the code captures leads.
      assert(!(await builder.locator("#embed-preview-leads").count()), "no note without lead capture");
      await builder.selectOption("#embed-lead", "endpoint");
      await builder.fill("#embed-lead-target", "https://hooks.example/leads");
      await builder.locator("#embed-lead-target").press("Tab");
      await builder.waitForSelector("#embed-preview-leads", { timeout: 5000 });
      assert((await builder.textContent("#embed-preview-leads")).startsWith("Lead capture is not in the preview"), "the note says the preview leaves it out");
      await own.close();
    });
    await check("embed.html: no errors and no policy violations, in the page or the frame", async () => {
      const found = [...problems, ...(await violations(page))];
      assert(found.length === 0, found.join("\n"));
    });
    await context.close();
  }
  host.close();
}
