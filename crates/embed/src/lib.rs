//! The embed: the calculator on other sites. `embed.js` (a stable URL) defines the
//! `<customer-value-calculator>` element and finds `[data-customer-value]` containers, and
//! hands each to [`calculator::Calculator`]; an iframe of the calculator's page loads this
//! module too ([`framed`]), to tell its parent what was calculated when its link asks.
//! The page's own wasm carries none of this, so the calculator's own first load does not
//! pay for it (docs/size.md).
//!
//! - [`calculator`]: one calculator in a host element: mounted into its shadow root, kept
//!   on its attributes, read and set through its properties, and its events to the host.
//! - [`framed`]: the calculator inside an iframe, posting its events to the parent.
//! - [`kept_apps`]: the calculators' apps, kept for the next calculator of the page, so
//!   that a single-page site's memory holds.

pub mod calculator;
pub mod framed;
pub mod kept_apps;
