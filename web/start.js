// Starts the calculator. Trunk writes this script's tag with the hashed names of the
// wasm and its JS (Trunk.toml pattern_script), so the page needs no inline script and its
// Content-Security-Policy can forbid them. If the wasm cannot be loaded or started (a
// proxy blocks it, an old browser), the page says so in both languages and keeps the
// answer it showed at first paint.
const tag = document.querySelector("script[data-cvc-wasm]");

// A release build names its service worker (scripts/post-build.mjs adds data-cvc-sw);
// a development build does not, and removes any worker a release left at this address.
if ("serviceWorker" in navigator) {
  if (tag.dataset.cvcSw) {
    navigator.serviceWorker.register(tag.dataset.cvcSw, { scope: "./" }).catch((error) => {
      console.warn("Customer Value Calculator will not work offline:", error);
    });
  } else {
    navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) registration.unregister();
    });
  }
}

try {
  const { default: init } = await import(tag.dataset.cvcJs);
  await init({ module_or_path: tag.dataset.cvcWasm });
} catch (error) {
  document.documentElement.classList.add("cvc-failed");
  console.warn("Customer Value Calculator could not start:", error);
}
