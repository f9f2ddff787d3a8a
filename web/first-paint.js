// Runs before the page is drawn (a small classic script in <head>, allowed by the
// Content-Security-Policy as a file of this origin): picks the visitor's language for
// the static answer that the build wrote into the page (the link's, then the one chosen
// on this device, then the browser's), and notes when a link carries a scenario of its
// own, so that the example's figures are shown as loading and never pass for the
// link's answer. The app replaces all of it once it starts.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var lang = query.get("lang");
  if (lang !== "he" && lang !== "en") {
    try {
      lang = localStorage.getItem("cvc.language");
    } catch (blocked) {
      lang = null;
    }
  }
  if (lang !== "he" && lang !== "en") {
    lang = /^(he|iw)\b/i.test(navigator.language || "") ? "he" : "en";
  }
  root.classList.add("cvc-" + lang);
  var notScenario = ["lang", "embed", "show", "accent"];
  query.forEach(function (value, key) {
    if (notScenario.indexOf(key) < 0) root.classList.add("cvc-link-pending");
  });
})();
