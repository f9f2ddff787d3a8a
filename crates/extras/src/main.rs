//! The extras module's wasm (src/app/extras): the tool panels, the presenter view and the
//! charts, fetched by the page only when one is first wanted. Its exports are here, not in
//! the library, so that the page's own wasm does not carry them (and this one does not
//! carry the page's).

#[cfg(target_arch = "wasm32")]
mod exports {
    use cvc_core::contract::Part;
    use crate::part::PartApp;
    use wasm_bindgen::prelude::*;
    use yew::Callback;

    /// A part drawn into the page, for the page to update and remove.
    #[wasm_bindgen]
    pub struct PartHandle(PartApp);

    #[wasm_bindgen]
    impl PartHandle {
        pub fn update(&mut self, link: &str) {
            self.0.update(link);
        }

        pub fn unmount(self) {
            self.0.unmount();
        }
    }

    /// Draws `part` (its name, [`Part::name`]) into `element`, inside a page whose wasm has
    /// mounted `page_roots` Yew apps ([`PartApp::mount`]); each request of the part is
    /// passed to `on_request` as a message ([`cvc_core::contract::Request`]).
    #[wasm_bindgen(js_name = mountPart)]
    pub fn mount_part(
        element: web_sys::Element,
        part: &str,
        link: &str,
        app_address: &str,
        on_request: js_sys::Function,
        page_roots: u32,
    ) -> Option<PartHandle> {
        let part = Part::from_name(part)?;
        let on_request = Callback::from(
            move |request: cvc_core::contract::Request| {
                let _ = on_request.call1(&JsValue::NULL, &JsValue::from_str(&request.to_message()));
            },
        );
        Some(PartHandle(PartApp::mount(
            element,
            part,
            link,
            app_address,
            on_request,
            page_roots,
        )))
    }
}

fn main() {}
