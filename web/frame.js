// Customer Value Calculator: the host page's side of the iframe embed. Its name never
// changes; the Embed panel's iframe snippet loads it after its <iframe>:
//
//   <iframe src="https://HOST/PATH/?embed=1&lang=he" title="…" loading="lazy"></iframe>
//   <script type="module" src="https://HOST/PATH/frame.js"></script>
//
// A calculator in an iframe posts its content height (and, when its link asks with
// events=1, what was calculated) to the page that embeds it. This listens for those
// messages, takes only those that come from the calculator's own origin and from the
// window of one of this page's iframes, and then sizes that iframe to its content and
// dispatches the calculator's events on it (customer-value:ready, customer-value:change,
// bubbling, with the payload as `detail`); with datalayer=1 it also pushes the change to
// this page's window.dataLayer. Any number of iframes on one page each follow their own.
// Loaded twice, it listens once.
const origin = new URL(import.meta.url).origin;
const LISTENING = Symbol.for("customer-value-calculator.frames");
const MAX_HEIGHT = 20000;

/** A frame of the calculator, as the snippet writes it (width and height attributes, which
 * a strict policy allows), styled here through the CSS object model, which it allows too. */
const style = (frame) => {
  frame.style.display = "block";
  frame.style.border = "0";
  frame.style.width = "100%";
};

const frameOf = (source) => {
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === source) return frame;
  }
  return null;
};

if (!window[LISTENING]) {
  window[LISTENING] = true;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.src && new URL(frame.src, location.href).origin === origin) style(frame);
  }
  addEventListener("message", (event) => {
    if (event.origin !== origin || !event.source) return;
    const frame = frameOf(event.source);
    const data = event.data;
    if (!frame || !data || typeof data !== "object" || typeof data.type !== "string") return;
    style(frame);
    if (data.type === "customer-value:height") {
      if (typeof data.height === "number" && data.height > 0) {
        frame.style.height = `${Math.min(Math.ceil(data.height), MAX_HEIGHT)}px`;
      }
      return;
    }
    if (data.type !== "customer-value:ready" && data.type !== "customer-value:change") return;
    const { type, data_layer: entry, ...detail } = data;
    frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    if (entry && typeof entry === "object" && typeof window.dataLayer?.push === "function") window.dataLayer.push(entry);
  });
}
