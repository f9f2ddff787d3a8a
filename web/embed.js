// Customer Value Calculator: the embed loader. Its name never changes, so a host page can
// keep one URL while every release's files carry a new content hash:
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <customer-value-calculator lang="he" lifetime-profit="45000"></customer-value-calculator>
//
// It defines the <customer-value-calculator> element, and gives every
// <div data-customer-value> container a calculator too, whenever either arrives (a
// single-page site swaps its view after load). Each calculator lives in a shadow root,
// set up from its attributes and kept on them; it is taken down when its element leaves
// the page (README.md "Embedding"). The files come from this script's own folder, which
// must send Access-Control-Allow-Origin for other sites. scripts/post-build/embed-loader.mjs
// fills in the hashed names, and the element's tag, marker and attributes (from the Rust
// code, the build's facts) at build time.
//
// Loading this file twice, or two releases' copies on one page, is harmless: the element is
// defined once, and each container is given one calculator. Imported where there is no
// browser (a server rendering the page), it does nothing and throws nothing: the element
// defines itself in the browser.
//
// The npm package's copy of this file (scripts/post-build/npm-package.mjs) names its files
// with `new URL("./…", import.meta.url)` and `import("./…")` instead, which bundlers follow
// and copy into the site's own build.
const folder = new URL(".", import.meta.url);
const file = (name) => new URL(name, folder).href;
const importEmbed = () => import(file("__EMBED_JS__"));
const embedWasm = () => file("__EMBED_WASM__");
const stylesheet = () => file("__CSS__");
const inBrowser = typeof window !== "undefined" && typeof document !== "undefined" && typeof customElements !== "undefined";
const TAG = __ELEMENT_TAG__;
const MARKER = __ELEMENT_MARKER__;
const ATTRIBUTES = __ELEMENT_ATTRIBUTES__;
const MAX_SCENARIO_TEXT = 100000;

// The embed's program (src/bin/embed.rs), fetched and started once, when the first
// calculator is wanted; a page whose calculators are all lazy and far below pays nothing
// until then. Its chunks (the charts, the lead form) come when a calculator first wants
// them, once for every calculator on the page.
let module;
const start = () =>
  (module ??= (async () => {
    const loaded = await importEmbed();
    await loaded.default({ module_or_path: embedWasm() });
    return loaded;
  })().catch((error) => {
    // Asked again later (the connection may be back), it tries again.
    module = undefined;
    throw error;
  }));

/** Each host's calculator: its handle once mounted, and what waits for it. */
const places = new WeakMap();
const placeOf = (host) => {
  let place = places.get(host);
  if (!place) places.set(host, (place = { handle: null, wanted: false, starting: false, scenario: undefined }));
  return place;
};

const FAILED = [
  ["en", "ltr", "The calculator could not load. Check the connection and reload the page."],
  ["he", "rtl", "המחשבון לא נטען. בדקו את החיבור וטענו את הדף מחדש."],
];
/** The language the calculator in `host` speaks: its own attribute, else the page's, else
 * the browser's (as the calculator itself chooses). */
const languageOf = (host) => {
  const asked = host.getAttribute("lang") ?? host.getAttribute("data-lang") ?? document.documentElement.lang ?? "";
  const tag = (asked || navigator.language || "").split(/[-_]/)[0].toLowerCase();
  return tag === "he" || tag === "iw" ? "he" : "en";
};

/** Says, in the visitor's language and as text only, that the calculator could not load. */
function sayFailed(host) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  shadow.replaceChildren();
  const language = languageOf(host);
  for (const [lang, dir, words] of FAILED.filter(([lang]) => lang === language)) {
    const line = document.createElement("p");
    line.lang = lang;
    line.dir = dir;
    line.textContent = words;
    shadow.append(line);
  }
}

/** Mounts a calculator into `host` once the module is there, unless it has left since. */
async function mount(host, kind) {
  const place = placeOf(host);
  place.wanted = true;
  if (place.handle || place.starting) return;
  place.starting = true;
  let loaded;
  try {
    loaded = await start();
  } catch (error) {
    console.warn("Customer Value Calculator could not start:", error);
    if (place.wanted && host.isConnected) sayFailed(host);
    return;
  } finally {
    place.starting = false;
  }
  // Connected, disconnected and connected again while the module came: one calculator.
  if (!place.wanted || !host.isConnected || place.handle) return;
  place.handle = loaded.mountElement(host, kind, stylesheet(), calculatorPage(host));
  if (place.scenario !== undefined) {
    place.handle.setScenario(place.scenario ?? undefined);
    place.scenario = undefined;
  }
}

/** Where the calculator's own page is, for its links: the host's `calculator-page`
 * attribute (an http(s) address; the npm package's files are no page), else this folder. */
function calculatorPage(host) {
  const asked = host.getAttribute("calculator-page") ?? host.getAttribute("data-calculator-page");
  if (asked) {
    try {
      const page = new URL(asked, document.baseURI);
      if (page.protocol === "https:" || page.protocol === "http:") {
        // A folder's address (its links add the scenario's query): the page's own folder.
        const href = `${page.origin}${page.pathname}`;
        return href.endsWith("/") ? href : /\.html?$/.test(href) ? new URL(".", href).href : `${href}/`;
      }
    } catch {
      // Not an address: this folder.
    }
    console.warn(`Customer Value Calculator: calculator-page="${asked}" is not an http(s) address; the links point to ${folder.href}`);
  }
  return folder.href;
}

/** Takes `host`'s calculator down: its app, listeners, observers and timers. */
function unmount(host) {
  const place = places.get(host);
  if (!place) return;
  place.wanted = false;
  const handle = place.handle;
  place.handle = null;
  handle?.unmount();
}

/** A scenario object as JSON for the module, or null for anything that is not one. */
function scenarioText(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" && text.length <= MAX_SCENARIO_TEXT ? text : null;
  } catch {
    // A getter that throws, a cycle, a BigInt: not a scenario.
    return null;
  }
}

const parsed = (text) => (typeof text === "string" ? JSON.parse(text) : null);

// loading="lazy": mounted only once the element comes within a screen of the viewport.
const waiting = new Map();
const nearScreen =
  inBrowser && "IntersectionObserver" in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            nearScreen.unobserve(entry.target);
            const kind = waiting.get(entry.target);
            waiting.delete(entry.target);
            if (kind) mount(entry.target, kind);
          }
        },
        { rootMargin: "100% 0px" },
      )
    : null;

function connect(host, kind) {
  if (host.getAttribute("loading") === "lazy" && nearScreen) {
    waiting.set(host, kind);
    nearScreen.observe(host);
  } else {
    mount(host, kind);
  }
}

function disconnect(host) {
  if (waiting.delete(host)) nearScreen?.unobserve(host);
  unmount(host);
}

if (inBrowser && !customElements.get(TAG)) {
  customElements.define(
    TAG,
    class CustomerValueCalculator extends HTMLElement {
      static get observedAttributes() {
        return ATTRIBUTES;
      }

      connectedCallback() {
        connect(this, "element");
      }

      disconnectedCallback() {
        disconnect(this);
      }

      attributeChangedCallback(name, before, after) {
        if (before !== after) placeOf(this).handle?.attributeChanged(name);
      }

      /** The scenario on screen, as the command-line tool reads it (null before the first answer). */
      get scenario() {
        return parsed(placeOf(this).handle?.scenario());
      }

      /** Applies a scenario object field by field; anything else is refused with a notice. */
      set scenario(value) {
        const place = placeOf(this);
        const text = scenarioText(value);
        if (place.handle) place.handle.setScenario(text ?? undefined);
        else place.scenario = text;
      }

      /** The results on screen, with the command-line tool's names (null before the first answer). */
      get results() {
        return parsed(placeOf(this).handle?.results());
      }

      /** The share link of what is on screen (null before the first answer). */
      get link() {
        return placeOf(this).handle?.link() ?? null;
      }

      /** Analytics consent, as the consent attribute holds it: "granted", "denied" or null. */
      get consent() {
        return this.getAttribute("consent");
      }

      /** Sets the consent attribute ("granted" or "denied"); null removes it. */
      set consent(value) {
        if (value === null || value === undefined) this.removeAttribute("consent");
        else this.setAttribute("consent", String(value));
      }
    },
  );
}

// Containers: every <div data-customer-value>, now and whenever one arrives; one that
// leaves the page is taken down, and its data- attributes are followed.
const containers = new Map();
function follow(host) {
  if (containers.has(host) || (host.shadowRoot && !places.has(host))) return;
  const attributes = new MutationObserver((records) => {
    for (const record of records) placeOf(host).handle?.attributeChanged(record.attributeName);
  });
  attributes.observe(host, { attributes: true });
  containers.set(host, attributes);
  connect(host, "container");
}
function forget(host) {
  containers.get(host)?.disconnect();
  containers.delete(host);
  disconnect(host);
}
function scan(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  if (root.hasAttribute(MARKER)) follow(root);
  for (const host of root.querySelectorAll(`[${MARKER}]`)) follow(host);
}
const watchPage = () => {
  scan(document.documentElement);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) scan(node);
    if (records.some((record) => record.removedNodes.length > 0)) {
      for (const host of [...containers.keys()]) if (!host.isConnected) forget(host);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
};
if (!inBrowser) {
  // A server: nothing to define or watch.
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", watchPage, { once: true });
} else {
  watchPage();
}
