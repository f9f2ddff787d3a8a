// The package, imported as a front-end developer imports it; window.dataLayer as a tag
// manager would have it.
import "customer-value-calculator";

window.dataLayer = [];
