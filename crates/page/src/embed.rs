//! Mounting into other sites' pages: the browser edge of the script embed. embed.js, the
//! loader with a stable name at the bundle's root, starts the wasm and calls
//! [`mount_widgets`]. Each `[data-customer-value]` element gets a shadow root with the
//! calculator's stylesheet and an app of its own, set up from its attributes (read by the
//! pure [`cvc_core::codec::link::read_pairs`]). The host's styles do not reach inside, and the
//! widget's do not leak out.

use cvc_core::codec::link::{accent_colour, attribute_key, read_pairs, View};
use crate::app::{App, AppProps, Mode};
use cvc_model::Scenario;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The attribute that marks a container.
pub const MARKER: &str = "data-customer-value";

/// Mounts a calculator into every container on the page that has none yet.
/// `stylesheet` is the calculator's CSS and `app_address` its folder, both absolute. The
/// page's wasm exports it as `mountWidgets` (src/main.rs).
pub fn mount_widgets(stylesheet: String, app_address: String) {
    let document = gloo::utils::document();
    let Ok(containers) = document.query_selector_all(&format!("[{MARKER}]")) else {
        return;
    };
    for i in 0..containers.length() {
        let Some(host) = containers
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if host.shadow_root().is_none() {
            mount_widget(&host, &stylesheet, &app_address);
        }
    }
}

/// The host's `data-` attributes as (key, value) pairs in the link's terms.
fn attribute_pairs(host: &web_sys::Element) -> Vec<(String, String)> {
    let attributes = host.attributes();
    (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .filter_map(|attribute| Some((attribute_key(&attribute.name())?, attribute.value())))
        .collect()
}

fn mount_widget(host: &web_sys::HtmlElement, stylesheet: &str, app_address: &str) {
    let document = gloo::utils::document();
    let link = read_pairs(&attribute_pairs(host), Scenario::default());
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
    if let Some(accent) = &link.view.accent {
        set_accent(host, accent);
    }
    let View { language, show, .. } = link.view.clone();
    let props = AppProps {
        language,
        start: Some(Rc::new(link)),
        mode: Mode::Widget(show),
        app_address: Some(app_address.to_string().into()),
    };
    // The app is drawn once its stylesheet is there, so that charts measure their real
    // width and nothing shows unstyled; a stylesheet that fails still lets it draw.
    let render = Rc::new(std::cell::Cell::new(Some((root, props))));
    for event in ["load", "error"] {
        let render = render.clone();
        EventListener::once(&sheet, event, move |_| {
            if let Some((root, props)) = render.take() {
                cvc_browser::extras_loader::count_page_root();
                yew::Renderer::<App>::with_root_and_props(root, props).render();
            }
        })
        .forget();
    }
}

/// Sets the accent colour, if the browser agrees it is one (after the pure check).
pub fn set_accent(element: &web_sys::Element, accent: &str) {
    let Some(colour) = accent_colour(accent) else {
        return;
    };
    if !web_sys::css::supports_with_value("color", &colour).unwrap_or(false) {
        return;
    }
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        // Through the CSS object model, which a strict Content-Security-Policy allows.
        let _ = element.style().set_property("--accent", &colour);
    }
}
