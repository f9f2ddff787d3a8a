//! The extras module's wasm: the parts of the calculator a visitor does not need to see
//! the answer and change the figures: the tool panels, the helpers, the presenter view and
//! the charts. The page fetches it only when a part is first wanted, so that a phone's
//! first load carries the calculator alone (docs/size.md); the service worker keeps it for
//! offline use. It speaks to the page only through `cvc_core::contract`, and cannot name
//! the page's code (it is no dependency).
//!
//! - [`part`]: one small Yew app per part, drawn into the element the page gives it.
//! - [`panels`]: Share, Embed, Saved (with the comparison), Export and print, the
//!   presenter view, and the two helpers.
//! - [`charts`]: the four SVG charts and their table alternatives.

pub mod charts;
pub mod panels;
pub mod part;
