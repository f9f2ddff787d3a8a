// Stage 9: lead capture on the calculator's own page, when its host builds it with a
// receiver (README.md, "Leads"): CVC_LEAD_ENDPOINT=https://hooks.example/… scripts/build.sh.
// The page's Content-Security-Policy then allows that origin in connect-src, and <meta>
// tags tell the page where leads go and, if set, the consent texts and the variant
// (CVC_LEAD_CONSENT, CVC_LEAD_CONSENT_HE, CVC_LEAD_CONSENT_EN, CVC_LEAD_MARKETING,
// CVC_LEAD_MARKETING_HE, CVC_LEAD_MARKETING_EN, CVC_LEAD_VARIANT). The page reads them as
// an element's attributes are read (crates/core/src/leads.rs), so the same rules hold.
import { addressFrom, allowConnect, secureOrLocal } from "./connect.mjs";
import { facts } from "./facts.mjs";

const escaped = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export async function run(build) {
  const endpoint = process.env.CVC_LEAD_ENDPOINT;
  if (!endpoint) return;
  const url = addressFrom(build, "CVC_LEAD_ENDPOINT");
  if (!secureOrLocal(url)) {
    build.fail(`CVC_LEAD_ENDPOINT=${endpoint}: leads go only to an https:// address (or http:// on this computer)`);
  }
  allowConnect(build, url.origin, "the lead endpoint");
  // Each tag is named for the element's attribute it stands for (crates/core/src/leads.rs).
  const { attributes, endpoint: endpointAttribute, page_meta_prefix: prefix } = facts(build).frame.lead;
  const tags = [[endpointAttribute, url.href]];
  for (const [variable, attribute] of [
    ["CVC_LEAD_CONSENT", "lead-consent"],
    ["CVC_LEAD_CONSENT_HE", "lead-consent-he"],
    ["CVC_LEAD_CONSENT_EN", "lead-consent-en"],
    ["CVC_LEAD_MARKETING", "lead-marketing"],
    ["CVC_LEAD_MARKETING_HE", "lead-marketing-he"],
    ["CVC_LEAD_MARKETING_EN", "lead-marketing-en"],
    ["CVC_LEAD_VARIANT", "variant"],
  ]) {
    if (!attributes.includes(attribute)) build.fail(`${variable} stands for ${attribute}, which the Rust code no longer has`);
    if (process.env[variable]) tags.push([attribute, process.env[variable]]);
  }
  const meta = tags.map(([attribute, content]) => `<meta name="${prefix}${attribute}" content="${escaped(content)}">`).join("");
  build.page = build.page.replace("</head>", `${meta}</head>`);
  console.log(`post-build: leads go to ${url.origin}`);
}
