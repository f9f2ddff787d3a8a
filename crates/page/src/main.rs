//! The page's wasm export. Its `main` does nothing: `web/start.js` calls `mountPage` once
//! the wasm has started, in a task of its own, so that starting the wasm and drawing the
//! page do not block the phone's main thread in one long stretch. It is handed the
//! function that fetches the extras module (crates/extras), which this wasm does not
//! carry. (On other sites, the embed module's wasm draws the same App: crates/embed.)

use wasm_bindgen::prelude::*;

/// Draws the calculator into the page's `#cvc-root`.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(load_extras: JsValue) {
    cvc_browser::start();
    cvc_browser::extras_loader::set_loader(load_extras);
    cvc_page::app::mount_page();
}

fn main() {}
