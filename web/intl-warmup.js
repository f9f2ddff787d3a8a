// A dedicated worker that start.js starts as the page loads, before the wasm has come: it
// builds the kinds of number and date formats the page builds, for the locales the page
// will ask for (its name: the page's language and the browser's, one space apart), and
// closes. The browser's first Intl format loads its locale data (ICU), 13 to 45 ms on this
// machine's main thread and four times that on a phone; that data is the renderer's, so
// loaded here, on the worker's thread, the page's own first format then takes a tenth of
// a millisecond (docs/benchmarks.md, "Lighthouse"). It sends and receives nothing.
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
close();
