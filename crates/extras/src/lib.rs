//! The parts of the calculator a visitor does not need to see the answer and change the
//! figures: the tool panels, the helpers, the presenter view, the workshop room's bar, the
//! lead form and the charts. Each is drawn by a chunk of the one program, fetched when one
//! of its parts is first wanted, so that a phone's first load carries the calculator alone
//! (docs/size.md); the service worker keeps every chunk for offline use. The page cannot
//! name this crate (it is no dependency): the program's entry (`src/main.rs`) hands the
//! chunks' views over, through `cvc_browser::lazy_parts`.
//!
//! - [`part`]: how each chunk draws its parts, from the page's links and callbacks.
//! - [`panels`]: Share, Embed, Saved (with the comparison), Export and print, the
//!   presenter view, the room's bar, the lead form, and the two helpers.
//! - [`charts`]: the four SVG charts and their table alternatives.

pub mod charts;
pub mod panels;
pub mod part;
