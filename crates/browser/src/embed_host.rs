//! Another site's page, as the script embed sees it: the containers that ask for a
//! calculator, their attributes, and a shadow root for each with the calculator's own
//! stylesheet, so that the host's styles do not reach inside and the widget's do not leak
//! out. What the attributes say is read by the pure `cvc_core::codec::link`.

use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

pub use web_sys::HtmlElement;

/// Every element on the page with the attribute `marker` that holds no calculator yet.
pub fn empty_containers(marker: &str) -> Vec<HtmlElement> {
    let Ok(found) = gloo::utils::document().query_selector_all(&format!("[{marker}]")) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|host| host.shadow_root().is_none())
        .collect()
}

/// The element's attributes, as (name, value) pairs.
pub fn attributes(host: &web_sys::Element) -> Vec<(String, String)> {
    let attributes = host.attributes();
    (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .map(|attribute| (attribute.name(), attribute.value()))
        .collect()
}

/// Gives `host` a shadow root holding the calculator's `stylesheet` and an empty element,
/// and hands that element to `ready` once the stylesheet has loaded (or failed: the
/// calculator still draws), so that charts measure their real width and nothing shows
/// unstyled.
pub fn shadow_container(
    host: &HtmlElement,
    stylesheet: &str,
    ready: impl FnOnce(web_sys::Element) + 'static,
) {
    let document = gloo::utils::document();
    let Ok(shadow) =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
    else {
        return;
    };
    let (Ok(sheet), Ok(root)) = (
        document.create_element("link"),
        document.create_element("div"),
    ) else {
        return;
    };
    let _ = sheet.set_attribute("rel", "stylesheet");
    let _ = sheet.set_attribute("href", stylesheet);
    let _ = shadow.append_child(&sheet);
    let _ = shadow.append_child(&root);
    let ready = Rc::new(Cell::new(Some((root, ready))));
    for event in ["load", "error"] {
        let ready = ready.clone();
        EventListener::once(&sheet, event, move |_| {
            if let Some((root, ready)) = ready.take() {
                ready(root);
            }
        })
        .forget();
    }
}
