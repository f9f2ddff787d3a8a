//! The page's entry: the calculator on its own page. Its `main` does nothing:
//! `web/start.js` calls `mountPage` once the wasm has started, in a task of its own, so
//! that starting the wasm and drawing the page do not block a phone's main thread in one
//! long stretch. The parts the first answer does not need come in chunks
//! (`customer_value_calculator::start` hands them over); other sites get the embed's entry instead
//! (`src/bin/embed.rs`), so that none of what only they need is in this main module.

use wasm_bindgen::prelude::*;

/// Draws the calculator into the page's `#cvc-root`. `outdated` is the loader's check
/// whether a newer release is served, for a chunk that cannot come.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(outdated: JsValue) {
    customer_value_calculator::start(outdated);
    cvc_page::app::mount_page();
}

fn main() {}
