// Runs before the page is drawn (a small classic script in <head>, allowed by the
// Content-Security-Policy as a file of this origin): picks the visitor's language for
// the static answer that the build wrote into the page (the link's, then the one chosen
// on this device, then the browser's), and notes when a link carries a scenario of its
// own, so that the example's figures are shown as loading and never pass for the
// link's answer. The app replaces all of it once it starts.
//
// It runs before the wasm, so it follows the app's rules as the build writes them from
// the Rust code (crates/core/src/first_paint.rs, `rules`), never a copy kept by hand.
(function () {
  var rules = __RULES__;
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var known = function (tag) {
    return rules.languages.some(function (language) {
      return language.tag === tag;
    });
  };
  var lang = query.get(rules.language_key);
  if (!known(lang)) {
    try {
      lang = localStorage.getItem(rules.storage_key);
    } catch (blocked) {
      lang = null;
    }
  }
  if (!known(lang)) {
    var primary = (navigator.language || "").split(/[-_]/)[0].toLowerCase();
    lang = rules.fallback;
    rules.languages.forEach(function (language) {
      if (language.browser.indexOf(primary) >= 0) lang = language.tag;
    });
  }
  root.classList.add("cvc-" + lang);
  // The document is in the language shown (a browser's offer to translate, a screen
  // reader's voice); the app keeps it so when the visitor switches.
  root.lang = lang;
  // An engine below the calculator's floor (README.md "Browsers") gets the failure note
  // at once, in both languages, rather than an answer that never comes to life: it needs
  // module scripts, and WebAssembly with every feature the build enables
  // (cvc_core::first_paint::WASM_FEATURES, wasm-opt's flags). The probe is one small function that uses them all:
  //   bulk-memory (memory.copy), reference-types (ref.null extern),
  //   sign-ext (i32.extend8_s), nontrapping-float-to-int (i32.trunc_sat_f32_s),
  //   multivalue (two results), mutable-globals (a mutable global exported).
  // crates/core/tests/architecture.rs keeps this list equal to the build's features.
  var probe = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 5, 3, 1, 0, 1,
    6, 6, 1, 127, 1, 65, 0, 11, 7, 5, 1, 1, 103, 3, 0, 10, 27, 1, 25, 0, 65, 0, 65, 0, 65, 0, 252, 10,
    0, 0, 208, 111, 26, 65, 0, 192, 67, 0, 0, 0, 0, 252, 0, 11];
  var able;
  try {
    able = "noModule" in document.createElement("script") && typeof WebAssembly === "object" &&
      WebAssembly.validate(new Uint8Array(probe));
  } catch (old) {
    able = false;
  }
  if (!able) root.classList.add("cvc-failed");
  query.forEach(function (value, key) {
    if (rules.view_keys.indexOf(key) < 0) root.classList.add("cvc-link-pending");
  });
})();
