// Starts the calculator. Trunk writes this script's tag with the hashed names of the
// wasm and its JS (Trunk.toml pattern_script), so the page needs no inline script and its
// Content-Security-Policy can forbid them. If the wasm cannot be loaded or started (a
// proxy blocks it, an old browser), the page says so in both languages and keeps the
// answer it showed at first paint.
const tag = document.querySelector("script[data-cvc-wasm]");
try {
  const { default: init } = await import(tag.dataset.cvcJs);
  await init({ module_or_path: tag.dataset.cvcWasm });
} catch (error) {
  document.documentElement.classList.add("cvc-failed");
  console.warn("Customer Value Calculator could not start:", error);
}
