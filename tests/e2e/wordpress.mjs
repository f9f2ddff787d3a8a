// The WordPress plugin in a real WordPress (Debian 12's wordpress 6.1, MariaDB and PHP's
// own server, started by tests/wordpress/wordpress.sh), driven as its users would: the
// release zip uploaded and activated by the administrator in a browser; the settings page
// keeping a good address and refusing bad ones; an Editor without unfiltered_html writing
// a page of three shortcodes (Hebrew, English headline with an accent, hostile) that a
// visitor sees at phone size with the command-line tool's figures; the block rendering
// the same element as the shortcode; embed.js once per page; the block in the editor; the
// plugin's Hebrew; leads (tests/e2e/wordpress_leads.mjs); uninstall; and no PHP notice or
// warning in the server's log. The
// calculator's bundle is served from another origin (the suite's server, with CORS).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertFigures, check, cliFor, freePort } from "./harness.mjs";
import { DESKTOP, PHONE } from "./browser.mjs";
import { leads } from "./wordpress_leads.mjs";

const TAG = "customer-value-calculator";
const ZIP = "target/wordpress/customer-value-calculator.zip";
const SCREENS = "target/wordpress/screenshots";
const ADMIN = { login: "admin", password: "admin-password-1" };
const EDITOR = { login: "edna", password: "editor-password-1" };
const FIGURES = ["npv_gain", "yearly_cost_of_poor_service", "unhappy_customer_cost", "roi", "payback_month", "npv_now", "npv_invest"];


/** A browser context that records page errors, dialogs and console errors. */
async function visit(browser, url, { viewport = DESKTOP, locale = "en-US", storageState } = {}) {
  const context = await browser.newContext({ viewport, locale, storageState });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  if (url) await page.goto(url);
  return { context, page, problems };
}

async function logIn(browser, site, user) {
  const { context, page, problems } = await visit(browser, `${site}/wp-login.php`);
  // Once more if WordPress sends the form back (a fresh clone's run once landed on
  // wp-login.php again after 30 s); its own message is said if the second try fails too.
  for (let attempt = 1; ; attempt += 1) {
    await page.fill("#user_login", user.login);
    await page.fill("#user_pass", user.password);
    await page.click("#wp-submit");
    try {
      await page.waitForURL(/wp-admin/, { timeout: 20000 });
      return { context, page, problems };
    } catch (error) {
      const said = await page.locator("#login_error").textContent({ timeout: 1000 }).catch(() => "no message");
      if (attempt === 2) throw new Error(`${user.login} could not log in: ${said.trim()} (${error.message.split("\n")[0]})`);
      console.log(`     WordPress sent ${user.login} back to the login form (${said.trim()}); once more`);
      await page.goto(`${site}/wp-login.php`);
    }
  }
}

/** Every calculator on the page, once each has its first answer: its figures and look. */
async function calculators(page, count) {
  await page.waitForFunction(
    ({ tag, count }) => {
      const elements = [...document.querySelectorAll(tag)];
      return elements.length === count && elements.every((element) => element.shadowRoot?.querySelector(".cvc"));
    },
    { tag: TAG, count },
    { timeout: 30000 },
  );
  // The first answer arrives with the app; results is set once it is on screen.
  await page.waitForFunction((tag) => [...document.querySelectorAll(tag)].every((element) => element.results !== null), TAG, { timeout: 20000 });
  return page.evaluate((tag) =>
    [...document.querySelectorAll(tag)].map((element) => {
      const cvc = element.shadowRoot.querySelector(".cvc");
      return {
        attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
        results: element.results,
        scenario: element.scenario,
        direction: getComputedStyle(cvc).direction,
        lang: cvc.closest("[lang]")?.getAttribute("lang") ?? cvc.getAttribute("lang"),
        accent: getComputedStyle(cvc).getPropertyValue("--accent").trim(),
        notice: element.shadowRoot.querySelector(".notice")?.textContent ?? "",
        form: element.shadowRoot.querySelector("input") !== null,
        markup: element.shadowRoot.querySelectorAll("script, img, iframe").length,
      };
    }),
  TAG);
}


/** The <customer-value-calculator> elements of a page's HTML, as printed by the server. */
const elementsIn = (html) => html.match(new RegExp(`<${TAG}[^>]*>[\\s\\S]*?</${TAG}>`, "g")) ?? [];

export async function run({ browser, origin }) {
  mkdirSync(SCREENS, { recursive: true });
  await check("the plugin's release zip builds, every PHP file passing php -l", () => {
    execFileSync("scripts/wordpress-zip.sh", [ZIP], { stdio: "inherit" });
    const listing = execFileSync("unzip", ["-Z1", ZIP], { encoding: "utf8" }).split("\n").filter(Boolean);
    for (const file of ["customer-value-calculator/customer-value-calculator.php", "customer-value-calculator/readme.txt", "customer-value-calculator/uninstall.php", "customer-value-calculator/block/block.json", "customer-value-calculator/languages/customer-value-calculator-he_IL.mo"]) {
      assert(listing.includes(file), `${file} is in the zip`);
    }
    const php = listing.filter((file) => file.endsWith(".php"));
    const unpacked = mkdtempSync(join(tmpdir(), "cvc-zip-"));
    execFileSync("unzip", ["-q", ZIP, "-d", unpacked]);
    for (const file of php) execFileSync("php", ["-l", join(unpacked, file)], { stdio: "pipe" });
    rmSync(unpacked, { recursive: true, force: true });
    assert(php.length >= 8, `${php.length} PHP files`);
  });

  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cvc-wp-"));
  let name;
  try {
    name = execFileSync("tests/wordpress/wordpress.sh", ["start", dir, String(port)], { encoding: "utf8" }).trim();
  } catch (error) {
    await check("a real WordPress starts (tests/wordpress/wordpress.sh)", () => {
      throw error;
    });
    return;
  }
  const site = `http://localhost:${port}`;
  const wp = (action, input = {}) => JSON.parse(execFileSync("php", ["tests/wordpress/site.php", name, String(port), action, JSON.stringify(input)], { encoding: "utf8" }));
  const bundle = `${origin}/`;
  const admin = await logIn(browser, site, ADMIN);
  try {
    await check("WordPress: the zip uploads through Plugins → Add New → Upload Plugin, and activates", async () => {
      const { page } = admin;
      await page.goto(`${site}/wp-admin/plugin-install.php?tab=upload`);
      await page.setInputFiles("#pluginzip", ZIP);
      await Promise.all([page.waitForURL(/update\.php\?action=upload-plugin/), page.click("#install-plugin-submit")]);
      await page.waitForSelector("text=Plugin installed successfully.");
      await Promise.all([page.waitForURL(/plugins\.php/), page.click("a:has-text('Activate Plugin')")]);
      const row = page.locator("tr[data-slug='customer-value-calculator']");
      assert((await row.getAttribute("class")).includes("active"), "the plugin's row is active");
      assert((await row.locator("a:has-text('Settings')").count()) === 1, "a Settings link beside it");
    });

    EDITOR.id = wp("editor", EDITOR).id;
    const editor = await logIn(browser, site, EDITOR);
    const threeShortcodes = [
      `<p id="first-words">לפני המחשבון: כמה עולה לנו שירות גרוע?</p>`,
      `[customer_value lang="he" lifetime_profit="45000"]`,
      `<p id="between">And the same in English, the answers only:</p>`,
      `[customer_value lang="en" show="headline" accent="#6d28d9"]`,
      `<p id="before-hostile">Before the hostile one.</p>`,
      `[customer_value lang="en" show="headline" lifetime_profit='"><script>window.cvcHacked=1</script>' acquisition_cost="1e400" accent="red;}</style><script>window.cvcHacked=2</script>" onclick="window.cvcHacked=3" data-evil="x" LANG="he"]`,
      `<p id="after-hostile">After the hostile one.</p>`,
    ].join("\n\n");

    await check("WordPress: with no address set, an editor sees a note where the calculator will be, and a visitor nothing", async () => {
      const early = wp("post", { as: EDITOR.login, title: "Before the address", content: "[customer_value lang=\"he\"]" });
      const { page } = editor;
      await page.goto(early.link);
      const note = await page.textContent(".customer-value-calculator-note");
      assert(note.includes("Settings → Customer Value Calculator"), note);
      assert((await page.locator(TAG).count()) === 0, "no element yet");
      const visitor = await visit(browser, early.link);
      assert((await visitor.page.locator(".customer-value-calculator-note").count()) === 0, "no note for visitors");
      assert((await visitor.page.locator(TAG).count()) === 0, "nothing for visitors");
      await visitor.context.close();
    });

    await check("WordPress settings: the administrator's good address is kept", async () => {
      const { page } = admin;
      await page.goto(`${site}/wp-admin/options-general.php?page=customer-value-calculator`);
      assert((await page.textContent("h1")).trim() === "Customer Value Calculator", "the page's title");
      await page.fill("#customer_value_calculator_bundle", `${origin}/embed.js`);
      await Promise.all([page.waitForURL(/settings-updated=true/), page.click("#submit")]);
      assert((await page.inputValue("#customer_value_calculator_bundle")) === bundle, `kept as the folder: ${await page.inputValue("#customer_value_calculator_bundle")}`);
      assert(wp("option", { name: "customer_value_calculator_bundle" }).value === bundle, "the option");
      await page.screenshot({ path: join(SCREENS, "settings-en.png"), fullPage: true });
    });

    await check("WordPress settings: javascript:, a relative path, http on another host and a malformed address are refused, and the previous one kept", async () => {
      const { page } = admin;
      for (const bad of ["javascript:alert(1)//", "/calculator/", "http://calc.example.com/", "https://", "https://calc.example.com/?x=\"><script>alert(1)</script>"]) {
        await page.goto(`${site}/wp-admin/options-general.php?page=customer-value-calculator`);
        // The browser's own check of a URL field would stop some before they are sent;
        // the server must refuse them anyway.
        await page.evaluate(() => document.querySelector("form[action='options.php']").setAttribute("novalidate", ""));
        await page.fill("#customer_value_calculator_bundle", bad);
        await Promise.all([page.waitForURL(/settings-updated=true/), page.click("#submit")]);
        const errors = await page.locator(".notice-error, .error", { hasText: "The address was not saved" }).count();
        assert(errors === 1, `${bad}: the refusal is said once (${errors} times)`);
        assert((await page.inputValue("#customer_value_calculator_bundle")) === bundle, `${bad}: the field shows the previous address`);
        assert(wp("option", { name: "customer_value_calculator_bundle" }).value === bundle, `${bad}: the previous address kept`);
      }
      // The admin's own pages ask other hosts for pictures and news (Gravatar, the
      // WordPress events feed), which this closed network refuses: not the plugin's.
      const problems = admin.problems.filter((line) => !line.includes("Failed to load resource"));
      assert(problems.length === 0, problems.join("\n"));
    });

    await check("WordPress settings: what is kept and what is refused, address by address", () => {
      const kept = {
        "https://calc.example.com": "https://calc.example.com/",
        "https://calc.example.com/cvc/embed.js": "https://calc.example.com/cvc/",
        "HTTPS://Calc.Example.com:8443/cvc": "https://Calc.Example.com:8443/cvc/",
        "http://localhost:8080/": "http://localhost:8080/",
        "http://127.0.0.1:9000/dist/": "http://127.0.0.1:9000/dist/",
        "": "",
      };
      for (const [address, expected] of Object.entries(kept)) {
        const answer = wp("check_bundle", { address });
        assert(answer.kept === expected, `${address}: ${JSON.stringify(answer)}`);
      }
      for (const address of ["javascript:alert(1)", "data:text/html,hi", "ftp://calc.example.com/", "http://calc.example.com/", "//calc.example.com/", "calc.example.com", "https://user:pass@calc.example.com/", "https://calc.example.com/#x", "https://calc.example.com/a b/", "https://calc.example.com/\"onload=\"x", "https://calc.example.com/a\u00a0b/", "https://ex\u0430mple.com/", "https://calc;example.com/", "https://calc.example.com:0/", "https://x{y}.com/"]) {
        const answer = wp("check_bundle", { address });
        assert(typeof answer.refused === "string" && answer.refused.length > 0, `${address}: ${JSON.stringify(answer)}`);
      }
    });

    await check("WordPress: the shortcode's output keeps the element's attributes only, every value escaped", () => {
      const { html } = wp("render", {
        attributes: {
          lang: "he",
          "lifetime-profit": "45000",
          unhappy_share_now: "\"><script>alert(1)</script>",
          accent: "red;}</style><script>alert(2)</script>",
          onclick: "alert(3)",
          style: "display:none",
          events: "1",
          loading: "eager",
          0: "positional",
          // A block's attributes come as JSON: a name in capitals (not checked by WordPress
          // against block.json), a float, a list; and a value longer than any the
          // calculator reads.
          Acquisition_Cost: "1",
          current_customers: 1.5,
          new_customers_per_year: ["40"],
          currency: `I${"L".repeat(300)}S`,
        },
      });
      assert(elementsIn(html).length === 1, html);
      assert(!/<script|<style|onclick|style=|loading=|positional|acquisition|current-customers|new-customers|currency/i.test(html), html);
      assert(html.includes(`unhappy-share-now="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`), html);
      assert(html.includes(`lang="he"`) && html.includes(`lifetime-profit="45000"`) && html.includes(" data-layer"), html);
    });

    const page3 = wp("post", { as: EDITOR.login, title: "What poor service costs us", content: threeShortcodes });
    await check("WordPress: an Editor's page of three shortcodes: the Hebrew and the English calculator give the command-line tool's figures, and the hostile one runs nothing", async () => {
      assert(!page3.content.includes("<script"), `WordPress filtered the Editor's page: ${page3.content}`);
      const visitor = await visit(browser, page3.link, { viewport: PHONE, locale: "he-IL" });
      const { page, problems } = visitor;
      const shown = await calculators(page, 3);
      const [hebrew, english, hostile] = shown;
      assert(hebrew.direction === "rtl", `Hebrew right to left: ${hebrew.direction}`);
      assert(hebrew.form, "the Hebrew calculator shows its form (show=full)");
      assertFigures(hebrew.results, cliFor({ lifetime_profit: 45000 }), FIGURES, "Hebrew");
      assert(hebrew.scenario.lifetime_profit === 45000, JSON.stringify(hebrew.scenario));
      assert(english.direction === "ltr" && !english.form, `English headline: ${english.direction}, form ${english.form}`);
      assert(english.accent === "#6d28d9", `the accent: ${english.accent}`);
      assertFigures(english.results, cliFor({}), FIGURES, "English");
      assert(hostile.notice.length > 0, "the hostile calculator says what it ignored");
      assert(hostile.markup === 0 && english.markup === 0 && hebrew.markup === 0, "nothing inserted as markup");
      assert(!("onclick" in hostile.attributes) && !("data-evil" in hostile.attributes), `unknown attributes dropped: ${Object.keys(hostile.attributes)}`);
      const hacked = await page.evaluate(() => window.cvcHacked);
      assert(hacked === undefined, `a script ran: ${hacked}`);
      const order = await page.evaluate((tag) => {
        const before = document.getElementById("before-hostile");
        const after = document.getElementById("after-hostile");
        const elements = [...document.querySelectorAll(tag)];
        const between = elements.filter((element) => before.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING && after.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
        return { between: between.length, after: after.textContent, words: document.getElementById("first-words").textContent };
      }, TAG);
      assert(order.between === 1 && order.after === "After the hostile one.", `the page around it is whole: ${JSON.stringify(order)}`);
      assert(problems.length === 0, problems.join("\n"));
      await page.screenshot({ path: join(SCREENS, "editor-page-phone.png"), fullPage: true });
      await visitor.context.close();
    });

    await check("WordPress: embed.js is on the page once, as a module, whatever the number of calculators", async () => {
      const html = await (await fetch(page3.link)).text();
      const tags = html.match(/<script[^>]*embed\.js[^>]*>/g) ?? [];
      assert(tags.length === 1, tags.join("\n"));
      assert(tags[0].includes(`type="module"`) && new RegExp(`src=(["'])${bundle.replace(/[.]/g, "\\.")}embed\\.js\\1`).test(tags[0]), tags[0]);
      assert(elementsIn(html).length === 3, `${elementsIn(html).length} elements`);
    });

    await check("WordPress: the block, saved in a post, renders the same element as the shortcode", async () => {
      const settings = { lang: "he", lifetime_profit: "45000", show: "headline", accent: "#0f766e", events: true, lifetime_profit_range: "30000..60000" };
      const block = wp("post", { as: EDITOR.login, type: "post", title: "A block", content: `<!-- wp:customer-value-calculator/calculator ${JSON.stringify(settings)} /-->` });
      const shortcode = wp("post", { as: EDITOR.login, type: "post", title: "A shortcode", content: `[customer_value lang="he" lifetime_profit="45000" show="headline" accent="#0f766e" events="1" lifetime_profit_range="30000..60000"]` });
      const [fromBlock, fromShortcode] = await Promise.all([block, shortcode].map(async (post) => elementsIn(await (await fetch(post.link)).text())));
      assert(fromBlock.length === 1 && fromShortcode.length === 1, `${fromBlock.length} / ${fromShortcode.length}`);
      assert(fromBlock[0] === fromShortcode[0], `${fromBlock[0]}\n${fromShortcode[0]}`);
      assert(fromBlock[0].includes(" data-layer") && fromBlock[0].includes(`lifetime-profit-range="30000..60000"`), fromBlock[0]);
      const visitor = await visit(browser, block.link, { viewport: PHONE });
      const [shown] = await calculators(visitor.page, 1);
      assertFigures(shown.results, cliFor({ lifetime_profit: 45000, uncertainty: { lifetime_profit: { low: 30000, high: 60000 } } }), FIGURES, "block");
      assert(visitor.problems.length === 0, visitor.problems.join("\n"));
      await visitor.context.close();
      EDITOR.blockPost = block.id;
    });

    await check("WordPress: the editor of a post without the block loads nothing of the bundle", async () => {
      const plain = wp("post", { as: EDITOR.login, type: "post", title: "No calculator here", content: "<p>Just words.</p>" });
      const { page } = admin;
      const fetched = [];
      const listen = (request) => {
        if (request.url().startsWith(bundle)) fetched.push(request.url());
      };
      page.on("request", listen);
      await page.goto(`${site}/wp-admin/post.php?post=${plain.id}&action=edit`);
      await page.waitForSelector(".edit-post-layout, .editor-styles-wrapper", { timeout: 20000 });
      await page.waitForTimeout(1500);
      page.off("request", listen);
      assert(fetched.length === 0, `fetched from the bundle in wp-admin: ${fetched.join(", ")}`);
      const scripts = await page.evaluate((from) => [...document.scripts].filter((script) => script.src.startsWith(from)).length, bundle);
      assert(scripts === 0, `${scripts} of the bundle's scripts in the editor`);
    });

    await check("WordPress: the block's preview runs no bundle script in wp-admin: the calculator runs in a sandboxed frame of its own origin", async () => {
      const { page } = admin;
      const inAdmin = [];
      const listen = (request) => {
        if (request.url().startsWith(bundle) && request.frame() === page.mainFrame()) inAdmin.push(request.url());
      };
      page.on("request", listen);
      await page.goto(`${site}/wp-admin/post.php?post=${EDITOR.blockPost}&action=edit`);
      const preview = page.locator("iframe.customer-value-calculator-preview");
      await preview.waitFor({ timeout: 20000 });
      const frame = await (await preview.elementHandle()).contentFrame();
      await frame.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      page.off("request", listen);
      assert(inAdmin.length === 0, `the editor itself fetched: ${inAdmin.join(", ")}`);
      const shown = await page.evaluate((tag) => ({
        defined: customElements.get(tag) !== undefined,
        sandbox: document.querySelector("iframe.customer-value-calculator-preview").getAttribute("sandbox"),
        src: document.querySelector("iframe.customer-value-calculator-preview").src,
      }), TAG);
      assert(!shown.defined, "the element is not defined in wp-admin");
      assert(shown.sandbox === "allow-scripts allow-same-origin" && shown.src.startsWith(`${bundle}?`) && shown.src.includes("embed=1"), JSON.stringify(shown));
      const lang = await frame.evaluate(() => document.querySelector(".cvc")?.getAttribute("lang"));
      assert(lang === "he", `the preview follows the block's settings: ${lang}`);
      const height = await preview.evaluate((element) => element.getBoundingClientRect().height);
      assert(height > 480, `the preview is sized to its content by the plugin: ${height}px`);
    });

    await check("WordPress: the block in the editor, with its settings in the sidebar and the working calculator as its preview", async () => {
      const { page } = admin;
      await page.goto(`${site}/wp-admin/post.php?post=${EDITOR.blockPost}&action=edit`);
      // The editor's welcome guide, shown once to a new user.
      const guide = page.locator(".edit-post-welcome-guide");
      if (await guide.isVisible({ timeout: 5000 }).catch(() => false)) await page.keyboard.press("Escape");
      const block = page.locator("[data-type='customer-value-calculator/calculator']");
      await block.waitFor({ timeout: 20000 });
      // Selected as a click on its toolbar would: a click on the block itself may land in
      // its preview's frame, which takes the click for itself.
      await page.evaluate(() => {
        const found = window.wp.data.select("core/block-editor").getBlocks().find((item) => item.name === "customer-value-calculator/calculator");
        window.wp.data.dispatch("core/block-editor").selectBlock(found.clientId);
      });
      const settingsButton = page.locator("button[aria-label='Settings']").first();
      if ((await settingsButton.getAttribute("aria-expanded")) === "false") await settingsButton.click();
      await page.waitForSelector(".block-editor-block-inspector >> text=Language", { timeout: 10000 });
      const language = await page.locator(".block-editor-block-inspector select").first().inputValue();
      assert(language === "he", `the sidebar shows the block's language: ${language}`);
      const preview = await (await page.waitForSelector("iframe.customer-value-calculator-preview")).contentFrame();
      await preview.waitForSelector("data[data-name=npv_gain]", { timeout: 20000 });
      await page.screenshot({ path: join(SCREENS, "block-in-editor.png") });
    });

    await check("WordPress: the plugin's own words in Hebrew for a Hebrew-speaking administrator", async () => {
      wp("locale", { login: ADMIN.login, locale: "he_IL" });
      const { page } = admin;
      await page.goto(`${site}/wp-admin/options-general.php?page=customer-value-calculator`);
      assert((await page.textContent("h1")).trim() === "מחשבון ערך לקוח", await page.textContent("h1"));
      const label = await page.textContent("label[for=customer_value_calculator_bundle]");
      assert(label.trim() === "כתובת המחשבון", label);
      await page.screenshot({ path: join(SCREENS, "settings-he.png"), fullPage: true });
      wp("locale", { login: ADMIN.login, locale: "" });
    });

    await check("WordPress: with another plugin's inline script before embed.js, the element still loads as a module", async () => {
      const mu = join(dir, "wp-content", "mu-plugins", "inline-before.php");
      writeFileSync(mu, `<?php
// Another plugin's inline "before" script on the calculator's handle (WordPress 6.1 prints
// it in the same tag string as embed.js).
add_action('wp_enqueue_scripts', function () {
    wp_add_inline_script('customer-value-calculator-embed', 'window.otherPluginRan = true;', 'before');
}, 100);
`);
      try {
        const html = await (await fetch(page3.link)).text();
        const tags = html.match(/<script[^>]*customer-value-calculator-embed-js[^>]*>/g) ?? [];
        assert(tags.length === 2, tags.join("\n"));
        const [before, embed] = tags;
        assert(!before.includes(`type="module"`), `the inline script stays a classic script: ${before}`);
        assert(embed.includes(`type="module"`) && embed.includes("embed.js"), embed);
        const visitor = await visit(browser, page3.link, { viewport: PHONE });
        const shown = await calculators(visitor.page, 3);
        assert(shown.length === 3 && (await visitor.page.evaluate(() => window.otherPluginRan)) === true, "both ran");
        assert(visitor.problems.length === 0, visitor.problems.join("\n"));
        await visitor.context.close();
      } finally {
        rmSync(mu, { force: true });
      }
    });

    // Leads: kept by the plugin in this site (tests/e2e/wordpress_leads.mjs).
    await leads({ browser, site, wp, admin, editor, visit, screens: SCREENS });

    await check("WordPress: uninstalling removes the plugin's option", () => {
      assert(wp("uninstall").value === null, "the option is gone");
    });

    await network(bundle);

    await check("WordPress: no PHP notice, warning or error in the server's log, and nothing at all from the plugin", () => {
      const log = readFileSync(join(dir, "php-errors.log"), "utf8").split("\n").filter(Boolean);
      const bad = log.filter((line) => /PHP (Notice|Warning|Fatal error|Parse error)|customer-value-calculator/.test(line));
      assert(bad.length === 0, bad.slice(0, 5).join("\n"));
      // WordPress 6.1's own deprecations under PHP 8.2 are left to WordPress.
      console.log(`     (the log has ${log.length} lines, all WordPress's own deprecations under PHP 8.2)`);
    });
    await editor.context.close();
  } finally {
    await admin.context.close();
    execFileSync("tests/wordpress/wordpress.sh", ["stop", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`     screenshots: ${readdirSync(SCREENS).join(", ")} in ${SCREENS}`);
}

/**
 * A network of 106 sites (a second WordPress, made a network as Tools → Network Setup
 * makes one, its 105 extra sites written with a few SQL statements each): a site's
 * administrator, who may not add script, cannot change where the calculator's script
 * comes from; the network's administrator can; and uninstalling clears every site, past
 * the first hundred that get_sites() returns by default.
 */
async function network(bundle) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cvc-wpmu-"));
  try {
    let name;
    await check("WordPress network: a network of 106 sites starts, with the plugin active for all of them", () => {
      name = execFileSync("tests/wordpress/wordpress.sh", ["start", dir, String(port)], { encoding: "utf8" }).trim();
      execFileSync("tests/wordpress/wordpress.sh", ["network", dir, String(port)], { encoding: "utf8" });
      execFileSync("unzip", ["-q", ZIP, "-d", join(dir, "wp-content", "plugins")]);
      const wp = (action, input = {}) => JSON.parse(execFileSync("php", ["tests/wordpress/site.php", name, String(port), action, JSON.stringify(input)], { encoding: "utf8" }));
      assert(wp("activate_network").active, "active for the network");
      const made = wp("sites", { count: 105, bundle });
      assert(made.sites === 106, JSON.stringify(made));
    });
    if (!name) return;
    const wp = (action, input = {}) => JSON.parse(execFileSync("php", ["tests/wordpress/site.php", name, String(port), action, JSON.stringify(input)], { encoding: "utf8" }));
    await check("WordPress network: a site's administrator cannot change the address; the network's administrator can", () => {
      const siteAdmin = wp("site_admin", { login: "sally", password: "site-admin-password-1", site: 2 });
      assert(siteAdmin.manage_options && !siteAdmin.unfiltered_html && !siteAdmin.super_admin, JSON.stringify(siteAdmin));
      const refused = wp("set_bundle", { as: "sally", site: 2, address: "https://attacker.example/" });
      assert(refused.value === bundle, `the site administrator changed it: ${JSON.stringify(refused)}`);
      assert(refused.errors.includes("customer_value_calculator_capability"), JSON.stringify(refused));
      const kept = wp("set_bundle", { as: "admin", site: 2, address: "https://calc.example.com/" });
      assert(kept.value === "https://calc.example.com/", JSON.stringify(kept));
    });
    await check("WordPress network: uninstalling clears the option on every one of the 106 sites, and the leads only where a site's settings ask", () => {
      assert(wp("leads_install", { site: 2, delete: true }).table && wp("leads_install", { site: 3, delete: false }).table, "two sites with leads");
      const before = Object.values(wp("bundles"));
      assert(before.length === 106 && before.every((value) => typeof value === "string" && value.length > 0), `${before.filter(Boolean).length} of ${before.length} set`);
      wp("uninstall");
      const after = wp("bundles");
      const left = Object.entries(after).filter(([, value]) => value !== null);
      assert(Object.keys(after).length === 106 && left.length === 0, `left on ${left.length} sites: ${left.slice(0, 3).map(([site]) => site).join(", ")}`);
      const tables = wp("leads_tables");
      assert(!tables.includes(2) && tables.includes(3), `leads tables left: ${tables.join(", ")}`);
    });
    await check("WordPress network: no PHP notice, warning or error from the network's log", () => {
      const log = readFileSync(join(dir, "php-errors.log"), "utf8").split("\n").filter(Boolean);
      const bad = log.filter((line) => /PHP (Notice|Warning|Fatal error|Parse error)|customer-value-calculator|database error/i.test(line));
      assert(bad.length === 0, bad.slice(0, 5).join("\n"));
    });
  } finally {
    execFileSync("tests/wordpress/wordpress.sh", ["stop", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}
