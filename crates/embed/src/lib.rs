//! The embed: the calculator on other sites. `embed.js` (a stable URL) defines the
//! `<customer-value-calculator>` element and finds `[data-customer-value]` containers, and
//! hands each to [`calculator::Calculator`] (the embed's entry, `src/bin/embed.rs`); an
//! iframe of the calculator's page uses [`framed`] (the iframe's entry, `src/bin/iframe.rs`),
//! to tell its parent what was calculated when its link asks. The page's own entry carries
//! none of this, so the calculator's own first load does not pay for it (docs/size.md).
//!
//! - [`calculator`]: one calculator in a host element: mounted into its shadow root, kept
//!   on its attributes, read and set through its properties, and its events to the host.
//! - [`framed`]: the calculator inside an iframe, posting its events to the parent.
//! - [`kept_apps`]: the calculators' apps, kept for the next calculator of the page, so
//!   that a single-page site's memory holds.

pub mod calculator;
pub mod framed;
pub mod kept_apps;
