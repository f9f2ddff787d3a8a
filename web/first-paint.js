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
  query.forEach(function (value, key) {
    if (rules.view_keys.indexOf(key) < 0) root.classList.add("cvc-link-pending");
  });
})();
