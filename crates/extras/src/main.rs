//! The extras module's wasm exports, named as `cvc_core::contract` declares them: one
//! function that draws a part, and the handle it returns. They are here, not in the
//! library, so that the page's own wasm does not carry them (and this one does not carry
//! the page's).

use cvc_browser::dom::Element;
use cvc_extras::part::PartApp;
use wasm_bindgen::prelude::*;

/// A part drawn into the page, for the page to update and remove
/// (`contract::UPDATE`, `contract::UNMOUNT`).
#[wasm_bindgen]
pub struct PartHandle(PartApp);

#[wasm_bindgen]
impl PartHandle {
    pub fn update(&mut self, message: &str) {
        self.0.update(message);
    }

    pub fn unmount(self) {
        self.0.unmount();
    }
}

/// `contract::MOUNT_PART`: draws the part a mount message names into `element`; each
/// request of the part is passed to `on_request` as a request message. `None` (`null`)
/// for a message that is not a mount.
#[wasm_bindgen(js_name = mountPart)]
pub fn mount_part(element: Element, message: &str, on_request: JsValue) -> Option<PartHandle> {
    cvc_browser::start();
    let on_request = cvc_browser::extras_loader::requests_to(on_request);
    PartApp::mount(element, message, on_request).map(PartHandle)
}

fn main() {}
