//! The iframe's entry: the calculator's page inside another site's iframe (`?embed=1`, which
//! web/start.js starts with `mountFrame` instead of the page's entry). It is the page's App
//! with what a frame adds: the answers posted to the parent when the frame's link asks, the
//! height it follows, and lead capture relayed through the parent (`cvc_embed::framed`).
//! Neither the page nor a calculator drawn straight into a host page carries any of it, and
//! its parts come in chunks of its own, as on the page (`customer_value_calculator::start`).

use wasm_bindgen::prelude::*;

/// Draws the calculator's page inside an iframe, telling the parent what was calculated
/// when the frame's link asks. `outdated` is the loader's check whether a newer release
/// is served, for a chunk that cannot come.
#[wasm_bindgen(js_name = mountFrame)]
pub fn mount_frame(outdated: JsValue) {
    customer_value_calculator::start(
        customer_value_calculator::load_part_on_other_sites,
        outdated,
    );
    cvc_embed::framed::mount_frame();
}

fn main() {}
