//! The page's wasm exports. Its `main` does nothing: `web/start.js` (or `embed.js` on
//! another site) calls an export below once the wasm has started, in a task of its own,
//! so that starting the wasm and drawing the page do not block the phone's main thread in
//! one long stretch. Each export is also handed the function that fetches the extras
//! module (crates/extras), which this wasm does not carry.

use wasm_bindgen::prelude::*;

/// Draws the calculator into the page's `#cvc-root`.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(load_extras: JsValue) {
    cvc_browser::start();
    cvc_browser::extras_loader::set_loader(load_extras);
    cvc_page::app::mount_page();
}

/// Draws a calculator into each `[data-customer-value]` element of another site's page.
#[wasm_bindgen(js_name = mountWidgets)]
pub fn mount_widgets(stylesheet: String, app_address: String, load_extras: JsValue) {
    cvc_browser::start();
    cvc_browser::extras_loader::set_loader(load_extras);
    cvc_page::embed::mount_widgets(stylesheet, app_address);
}

fn main() {}
