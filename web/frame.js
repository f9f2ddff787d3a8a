// Customer Value Calculator: the host page's side of the iframe embed. Its name never
// changes; the Embed panel's iframe snippet loads it after its <iframe>:
//
//   <iframe src="https://HOST/PATH/?embed=1&lang=he" title="…" loading="lazy"></iframe>
//   <script type="module" src="https://HOST/PATH/frame.js"></script>
//
// A calculator in an iframe posts its content height (and, when its link asks with
// events=1, what was calculated) to the page that embeds it. This listens for those
// messages and takes only those from the window of one of this page's iframes whose src is
// the calculator's own page (this file's folder): another page of the same origin (a
// GitHub Pages user site, a shared CDN host) framed by the same host is not trusted. It then
// sizes that iframe to its content and dispatches the calculator's events on it
// (customer-value:ready, customer-value:change, bubbling, with the payload as `detail`);
// with datalayer=1 it also pushes the change to this page's window.dataLayer. Nothing a
// frame sends is passed on as it came: the detail and the dataLayer entry are built afresh
// from their known keys and types. Any number of iframes on one page each follow their own.
// Loaded twice, it listens once.
//
// Lead capture (README.md, "Leads"): an iframe with data-lead-endpoint or data-lead-form
// (and data-lead-consent, data-variant, …) is handed those attributes with this page's
// address, query and referrer when its calculator first speaks. The calculator's capture
// form then asks this page to post each lead to the iframe's own data-lead-endpoint (the
// frame's policy reaches only the calculator's origin; this page's is its host's to set),
// and is told the endpoint's status; with data-lead-form, the hidden cv_* fields of that
// one form of this page are kept current with what the frame sends.
//
// The build writes the messages' names and the entry's shape in from the Rust code
// (crates/core/src/host_events.rs, `frame_facts`).
const FACTS = __FRAME_FACTS__;
const page = new URL(".", import.meta.url);
const LISTENING = Symbol.for("customer-value-calculator.frames");
const MAX_HEIGHT = 20000;

/** Whether an iframe's src is the calculator's own page: this folder, or its index.html. */
const isCalculator = (frame) => {
  if (!frame.src) return false;
  let url;
  try {
    url = new URL(frame.src, location.href);
  } catch {
    return false;
  }
  return url.origin === page.origin && (url.pathname === page.pathname || url.pathname === `${page.pathname}index.html`);
};

/** A frame of the calculator without the browser's inset border. The snippet writes its
 * size as attributes (a strict policy allows no style attribute); the border goes the same
 * way, as `frameborder`, a hint the host's own stylesheet still overrides. Its box (shown
 * or `hidden`, its width, its display) stays the host's: this file only sets its height. */
const style = (frame) => {
  if (!frame.hasAttribute("frameborder")) frame.setAttribute("frameborder", "0");
};

const frameOf = (source) => {
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === source) return isCalculator(frame) ? frame : null;
  }
  return null;
};

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isFigure = (value) => value === null || (typeof value === "number" && Number.isFinite(value));
const isScalar = (value) => isFigure(value) || typeof value === "string" || typeof value === "boolean";

/** A copy of `value` with only the keys whose values pass `keep`. */
const pick = (value, keep) => Object.fromEntries(Object.entries(value).filter(([, item]) => keep(item)));

/** The event's detail, built afresh: the payload's version, the scenario's plain values
 * (and its uncertainty), the results' figures and their reasons, and the link to the
 * calculator's page; null when the message is not of that shape. */
function detailOf(data) {
  const { version, scenario, results, link } = data;
  if (version !== FACTS.version || !isObject(scenario) || !isObject(results) || typeof link !== "string") return null;
  if (!link.startsWith(page.href)) return null;
  const cleanScenario = pick(scenario, isScalar);
  if (isObject(scenario.uncertainty)) {
    cleanScenario.uncertainty = pick(scenario.uncertainty, (input) => input === null || isObject(input));
    for (const [name, input] of Object.entries(cleanScenario.uncertainty)) {
      if (input) cleanScenario.uncertainty[name] = pick(input, (item) => isFigure(item) || typeof item === "boolean");
    }
  }
  const cleanResults = pick(results, isFigure);
  if (isObject(results.null_reasons)) cleanResults.null_reasons = pick(results.null_reasons, (reason) => typeof reason === "string");
  const detail = { version, scenario: cleanScenario, results: cleanResults, link };
  if (isObject(data.attribution)) detail.attribution = pick(data.attribution, (item) => item === null || typeof item === "string");
  return detail;
}

const LEAD = FACTS.lead;

// Analytics consent: an iframe with data-consent="denied" (anything but "granted") holds
// its dataLayer entries; once it turns "granted", the latest is pushed once, then each.
const heldEntries = new WeakMap();
const watchedConsent = new WeakSet();
const consentGranted = (frame) => {
  const value = frame.getAttribute(`data-${FACTS.consent}`);
  return value === null || value.trim().toLowerCase() === "granted";
};
function pushEntry(frame, entry) {
  if (typeof window.dataLayer?.push !== "function") return;
  if (consentGranted(frame)) window.dataLayer.push(entry);
  else heldEntries.set(frame, entry);
}
function watchConsent(frame) {
  if (watchedConsent.has(frame)) return;
  watchedConsent.add(frame);
  new MutationObserver(() => {
    const entry = heldEntries.get(frame);
    if (entry && consentGranted(frame)) {
      heldEntries.delete(frame);
      window.dataLayer?.push?.(entry);
    }
  }).observe(frame, { attributes: true, attributeFilter: [`data-${FACTS.consent}`] });
}
/** The iframes whose page has been handed its lead set-up. */
const setUp = new WeakSet();
/** The iframes whose next pages are watched for. */
const reloads = new WeakSet();

/** The iframe's lead attributes (data-lead-endpoint, data-variant, …), as [name, value]. */
const leadAttributes = (frame) =>
  LEAD.attributes.map((name) => [name, frame.getAttribute(`data-${name}`)]).filter(([, value]) => value !== null);

/** Asks the page in an iframe with lead attributes to speak (a message that carries
 * nothing, so that it may go to whatever the frame holds): its answer brings it its
 * set-up. */
const askToSpeak = (frame) => {
  if (leadAttributes(frame).length > 0) frame.contentWindow?.postMessage({ type: LEAD.hello }, "*");
};

/** Hands a frame its lead set-up, once for each page loaded in it, if its iframe has any. */
function handLeadSetup(frame, source) {
  if (setUp.has(frame)) return;
  setUp.add(frame);
  // A new page in the same iframe (its src changed, or it reloaded) has been handed
  // nothing: it is asked to speak, and its answer brings it its set-up.
  if (!reloads.has(frame)) {
    reloads.add(frame);
    frame.addEventListener("load", () => {
      setUp.delete(frame);
      if (isCalculator(frame)) askToSpeak(frame);
    });
  }
  const attributes = leadAttributes(frame);
  if (attributes.length === 0) return;
  source.postMessage(setupMessage(attributes), page.origin);
}

const setupMessage = (attributes) => ({ type: LEAD.setup, attributes, page: `${location.origin}${location.pathname}`, query: location.search, referrer: document.referrer });

/** Posts a lead the frame hands over to the iframe's own endpoint, and answers with the
 * endpoint's status (0 when it could not be reached). */
async function sendLead(frame, source, data) {
  const endpoint = frame.getAttribute(`data-${LEAD.endpoint}`);
  if (typeof data.id !== "string" || typeof data.body !== "string" || data.body.length > LEAD.max_body || !endpoint) return;
  let status = 0;
  try {
    const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: data.body, mode: "cors", credentials: "omit", cache: "no-store" });
    status = response.status;
  } catch {
    status = 0;
  }
  source.postMessage({ type: LEAD.result, id: data.id, status }, page.origin);
}

/** Writes the frame's hidden fields into the one <form> the iframe's data-lead-form names. */
function fillForm(frame, data) {
  const selector = frame.getAttribute(`data-${LEAD.form}`);
  if (!selector || !Array.isArray(data.fields)) return;
  let found;
  try {
    found = document.querySelectorAll(selector);
  } catch {
    return;
  }
  const form = found.length === 1 ? found[0] : null;
  if (!(form instanceof HTMLFormElement)) return;
  for (const pair of data.fields) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const [name, value] = pair;
    if (typeof name !== "string" || typeof value !== "string" || !name.startsWith(LEAD.prefix) || name.length > 60 || value.length > 2000) continue;
    let input = form.elements.namedItem(name);
    if (!(input instanceof HTMLInputElement)) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.append(input);
    }
    if (input.value !== value) input.value = value;
  }
}

/** The dataLayer entry, built afresh from its known keys: the event's name, an ISO
 * currency code, each figure as a finite number or null, and a lead's variant as text or
 * null; null for anything else. */
function entryOf(entry) {
  const shape = FACTS.data_layer;
  const lead = FACTS.lead;
  if (!isObject(entry) || (entry.event !== shape.event && entry.event !== lead.data_layer_event)) return null;
  const currency = entry[shape.currency];
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return null;
  const clean = { event: entry.event, [shape.currency]: currency };
  if (entry.event === lead.data_layer_event) {
    const variant = entry[lead.variant];
    if (variant !== null && typeof variant !== "string") return null;
    clean[lead.variant] = variant === null ? null : variant.slice(0, 40);
  }
  for (const name of shape.figures) {
    if (!isFigure(entry[name])) return null;
    clean[name] = entry[name];
  }
  return clean;
}

if (!window[LISTENING]) {
  window[LISTENING] = true;
  for (const frame of document.querySelectorAll("iframe")) {
    if (!isCalculator(frame)) continue;
    style(frame);
    // A frame that loaded before this file did is asked to speak; one still loading
    // speaks when it is ready.
    askToSpeak(frame);
  }
  addEventListener("message", (event) => {
    if (event.origin !== page.origin || !event.source) return;
    const frame = frameOf(event.source);
    const data = event.data;
    if (!frame || !isObject(data) || typeof data.type !== "string") return;
    style(frame);
    handLeadSetup(frame, event.source);
    if (data.type === LEAD.send) return void sendLead(frame, event.source, data);
    if (data.type === LEAD.fields) return fillForm(frame, data);
    if (data.type === FACTS.height) {
      if (typeof data.height === "number" && Number.isFinite(data.height) && data.height > 0) {
        frame.style.height = `${Math.min(Math.ceil(data.height), MAX_HEIGHT)}px`;
      }
      return;
    }
    if (!FACTS.events.includes(data.type)) return;
    const detail = detailOf(data);
    if (!detail) return;
    frame.dispatchEvent(new CustomEvent(data.type, { detail, bubbles: true, composed: true }));
    const entry = data.data_layer === undefined ? null : entryOf(data.data_layer);
    if (entry) {
      watchConsent(frame);
      pushEntry(frame, entry);
    }
  });
}
