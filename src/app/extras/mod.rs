//! The extras module: the parts of the calculator a visitor does not need to see the
//! answer and change the figures (the tool panels, the presenter view and the charts).
//! They are built into a second wasm (`src/bin/extras.rs`) that the page fetches only
//! when a part is first wanted, so that a phone's first load carries the calculator alone
//! (docs/size.md). The service worker keeps both for offline use.
//!
//! - [`message`] (pure): the parts, and what a part asks of the page.
//! - `part` (in the extras wasm): the root that draws one part into the page's element.
//! - `loader` (in the page's wasm): fetches the module once and mounts parts (a hook).

pub mod message;

#[cfg(target_arch = "wasm32")]
pub mod loader;
#[cfg(target_arch = "wasm32")]
pub mod part;
