// Customer Value Calculator: the embed loader. Its name never changes, so a host page can
// keep one URL while every release's files carry a new content hash:
//
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <div data-customer-value data-lang="he" data-lifetime-profit="45000"></div>
//
// Each [data-customer-value] element gets a calculator of its own, inside a shadow root,
// set up from its data- attributes (README.md "Embedding"). The files come from this
// script's own folder, which must send Access-Control-Allow-Origin for other sites.
// scripts/post-build/embed-loader.mjs fills in the hashed names below at build time.
const folder = new URL(".", import.meta.url);
const { default: init, mountWidgets } = await import(new URL("__JS__", folder).href);
await init({ module_or_path: new URL("__WASM__", folder) });
// The extras module (the charts) is fetched when a widget first needs it, and started once.
let extras;
const loadExtras = () =>
  (extras ??= (async () => {
    const module = await import(new URL("__EXTRAS_JS__", folder).href);
    await module.default({ module_or_path: new URL("__EXTRAS_WASM__", folder) });
    return module;
  })().catch((error) => {
    extras = undefined;
    throw error;
  }));
const mount = () => mountWidgets(new URL("__CSS__", folder).href, folder.href, loadExtras);
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount, { once: true });
} else {
  mount();
}
