// A dedicated worker that start.js starts as the page loads, before the wasm has come. Its
// name is the locales the page will ask for (the page's language and the browser's, one
// space apart); for each it builds formats of the kinds the page builds (money, percent,
// compact figures, a long date), then closes. The browser's first Intl format loads its
// locale data (ICU): 17 to 28 ms of this machine's main thread for a one-paragraph page,
// and Lighthouse counts four times what it measures. That data is the renderer's, not the
// page's, so loaded here, on the worker's thread, the page's own formats then take a tenth
// of a millisecond each (docs/benchmarks.md, "Lighthouse"; measured in Chromium). What is
// loaded is each locale's data, not the exact format: one currency stands for all. It
// sends and receives nothing.
try {
  for (const locale of self.name.split(" ")) {
    try {
      new Intl.NumberFormat(locale, { style: "currency", currency: "ILS", maximumFractionDigits: 0 }).formatToParts(-1234.5);
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(0.5);
      new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(12345);
      new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(0);
    } catch {
      // A locale the engine does not know: the page falls back on its own.
    }
  }
} finally {
  close();
}
