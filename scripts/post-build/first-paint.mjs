// Stage 5: what the page shows before the wasm has arrived. first-paint.js is given the
// app's rules (which language a visitor gets, which link keys say nothing of the
// scenario), and a release's index.html the static answer of every language; both come
// from crates/cli/src/build_facts.rs (built natively from the model), with the answer's
// money formatted by Node's Intl.NumberFormat exactly as the app formats it in the browser.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { facts } from "./facts.mjs";
import { minified } from "./minify.mjs";

/** The static answer of every language, with its money formatted for that language. */
function staticAnswers(build, answers) {
  return Object.entries(answers)
    .map(([tag, html]) => {
      const currency = html.match(/data-currency="([A-Z]{3})"/)?.[1] ?? build.fail(`no currency in the ${tag} answer`);
      const money = new Intl.NumberFormat(tag, { style: "currency", currency, maximumFractionDigits: 0 });
      return html.replace(/data-money="([^"]+)">[^<]*</g, (_, value) => `data-money="${value}">${money.format(Number(value))}<`);
    })
    .join("");
}

export async function run(build) {
  const { answers, rules } = facts(build);
  const script = readFileSync(join(build.source, "web/first-paint.js"), "utf8");
  if (!script.includes("__RULES__")) build.fail("web/first-paint.js has no __RULES__ to fill in");
  writeFileSync(join(build.staging, "first-paint.js"), await minified(build, script.replace("__RULES__", JSON.stringify(rules)), false));
  if (build.release) {
    const root = /<div id="?cvc-root"?>/;
    if (!root.test(build.page)) build.fail("index.html has no #cvc-root to write the first answer into");
    build.page = build.page.replace(root, (tag) => tag + staticAnswers(build, answers));
  }
}
