// Starts the calculator. The build writes this script's tag with the hashed names of the
// page's and the iframe's wasm and JS (scripts/post-build/program-wasm.mjs), so the page needs no inline
// script and its Content-Security-Policy can forbid them. If the wasm cannot be loaded or started (a
// proxy blocks it, an old browser), the page says so in both languages and keeps the
// answer it showed at first paint.
const tag = document.querySelector("script[data-cvc-wasm]");
const root = document.documentElement;

// A release build names its service worker (scripts/post-build/service-worker.mjs adds data-cvc-sw),
// registered once the calculator is on screen, so that its precaching (the chunks
// too) never competes with the first load for a slow connection; a development build
// does not name one, and removes any worker a release left at this address.
const keepForOffline = () => {
  if (!("serviceWorker" in navigator)) return;
  if (tag.dataset.cvcSw) {
    navigator.serviceWorker.register(tag.dataset.cvcSw, { scope: "./" }).catch((error) => {
      console.warn("Customer Value Calculator will not work offline:", error);
    });
  } else {
    navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) registration.unregister();
    });
  }
};

// Safari has no scroll anchoring (Chromium and Firefox do it by themselves): when the
// answers above the field being typed in change height (the note that the last valid
// result is shown, an answer that wraps into more lines), the field would move under the
// thumb of a workshop participant's iPhone. Here the page is scrolled by as much as the
// field moved, when the calculator changes height: after layout, before the browser
// paints. Where the field is is noted again whenever it is focused or anything scrolls
// (the window, or the form's own column on a wide screen); a change of the calculator's
// width (a phone turned) lays everything out anew, and is only noted.
const keepFieldInPlace = (root) => {
  if (!root || CSS.supports("overflow-anchor", "auto") || !("ResizeObserver" in window)) return;
  const fieldTop = () => {
    const field = document.activeElement;
    return field && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) && root.contains(field) ? field.getBoundingClientRect().top : null;
  };
  let last = null;
  let width = root.offsetWidth;
  const note = () => {
    last = fieldTop();
  };
  new ResizeObserver(() => {
    const now = fieldTop();
    if (root.offsetWidth === width && last !== null && now !== null && Math.abs(now - last) >= 1) scrollBy(0, now - last);
    width = root.offsetWidth;
    note();
  }).observe(root);
  root.addEventListener("focusin", note);
  document.addEventListener("scroll", note, { capture: true, passive: true });
};

// Whether the release now served is another than this page's (a release build names its
// own in data-cvc-release, and release.json names the one deployed): its hashed files are
// then gone from the server, and from the cache once a newer worker took over, so trying
// again can never bring them. Unknown (offline, a development build) counts as no. The
// program asks it when one of its chunks (the panels, the charts…) cannot come, and then
// offers to load the new release instead of trying again in vain.
const outdated = async () => {
  if (!tag.dataset.cvcRelease) return false;
  try {
    const response = await fetch(new URL("release.json", tag.src), { cache: "no-store" });
    const served = response.ok ? (await response.json()).release : undefined;
    return typeof served === "string" && served !== tag.dataset.cvcRelease;
  } catch {
    return false;
  }
};

// The browser's first number or date format loads its locale data, which on a phone
// takes longer than drawing half the page, and would be a long task of its own on the
// main thread (docs/benchmarks.md, "Lighthouse"). A worker of this origin
// (web/intl-warmup.js) loads it on its own thread while the page paints and the wasm
// comes, for the page's language and the browser's (the app reads the browser's decimal
// mark). It runs nothing of the page's, and the page never waits for it.
const warmUpFormats = () => {
  if (!tag.dataset.cvcIntl || !("Worker" in window)) return;
  try {
    new Worker(tag.dataset.cvcIntl, { name: [...new Set([root.lang, navigator.language])].filter(Boolean).join(" ") });
  } catch {
    // A policy or an engine without workers: the page loads the data itself, later.
  }
};

try {
  // first-paint.js found this engine below the calculator's floor: the failure note is
  // showing, and the wasm would not start here, so it is not fetched.
  if (root.classList.contains("cvc-failed")) throw new Error("this browser is older than the calculator needs");
  warmUpFormats();
  // Let the answer written into the page (first paint) reach the screen before the app
  // replaces it, so that it counts as what the visitor saw first; this costs one frame.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // Inside another site's iframe, the iframe's entry draws the same calculator and tells
  // the parent what was calculated when the link asks (src/bin/iframe.rs); on its own
  // page, the page's entry, which carries none of that.
  const embed = new URLSearchParams(location.search).get("embed");
  const framed = (embed === "" || embed === "1" || embed === "true") && tag.dataset.cvcIframeJs;
  const { default: init, mountPage, mountFrame } = await import(framed ? tag.dataset.cvcIframeJs : tag.dataset.cvcJs);
  await init({ module_or_path: framed ? tag.dataset.cvcIframeWasm : tag.dataset.cvcWasm });
  // Drawing the page is a task of its own, after starting the wasm (see src/main.rs).
  await new Promise((resolve) => setTimeout(resolve, 0));
  (framed ? mountFrame : mountPage)(outdated);
  // Only on the calculator's own page: the worker keeps the page's files, none of which an
  // iframe on another site runs, and registered there it would fetch them all (about
  // 310 KB) in the background of every visit to that site. And an iframe's host page
  // scrolls, not the frame, so the frame cannot keep its field in place.
  if (!framed) {
    keepForOffline();
    keepFieldInPlace(document.getElementById("cvc-root"));
  }
} catch (error) {
  root.classList.add("cvc-failed");
  console.warn("Customer Value Calculator could not start:", error);
}
