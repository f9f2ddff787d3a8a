// Stage 8: lead capture on the calculator's own page, when its host builds it with a
// receiver (README.md, "Leads"): CVC_LEAD_ENDPOINT=https://hooks.example/… scripts/build.sh.
// The page's Content-Security-Policy then allows that origin in connect-src, and <meta>
// tags tell the page where leads go and, if set, the consent texts and the variant
// (CVC_LEAD_CONSENT, CVC_LEAD_CONSENT_HE, CVC_LEAD_CONSENT_EN, CVC_LEAD_MARKETING,
// CVC_LEAD_MARKETING_HE, CVC_LEAD_MARKETING_EN, CVC_LEAD_VARIANT). The page reads them as
// an element's attributes are read (crates/core/src/leads.rs), so the same rules hold.
const escaped = (text) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export async function run(build) {
  const endpoint = process.env.CVC_LEAD_ENDPOINT;
  if (!endpoint) return;
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    build.fail(`CVC_LEAD_ENDPOINT=${endpoint} is not an address`);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.endsWith(".localhost");
  if (!(url.protocol === "https:" || (url.protocol === "http:" && local))) {
    build.fail(`CVC_LEAD_ENDPOINT=${endpoint}: leads go only to an https:// address (or http:// on this computer)`);
  }
  const policy = /(content="[^"]*connect-src 'self')([^"]*")/;
  if (!policy.test(build.page)) build.fail("index.html's policy has no connect-src 'self' to add the lead endpoint to");
  const tags = [["cvc-lead-endpoint", url.href]];
  for (const [variable, name] of [
    ["CVC_LEAD_CONSENT", "cvc-lead-consent"],
    ["CVC_LEAD_CONSENT_HE", "cvc-lead-consent-he"],
    ["CVC_LEAD_CONSENT_EN", "cvc-lead-consent-en"],
    ["CVC_LEAD_MARKETING", "cvc-lead-marketing"],
    ["CVC_LEAD_MARKETING_HE", "cvc-lead-marketing-he"],
    ["CVC_LEAD_MARKETING_EN", "cvc-lead-marketing-en"],
    ["CVC_LEAD_VARIANT", "cvc-variant"],
  ]) {
    if (process.env[variable]) tags.push([name, process.env[variable]]);
  }
  const meta = tags.map(([name, content]) => `<meta name="${name}" content="${escaped(content)}">`).join("");
  build.page = build.page.replace(policy, `$1 ${url.origin}$2`).replace("</head>", `${meta}</head>`);
  console.log(`post-build: leads go to ${url.origin}`);
}
