//! Another site's page, as an embedded calculator sees it: its host element's attributes,
//! a shadow root with the calculator's own stylesheet (so that the host's styles do not
//! reach inside and the widget's do not leak out), and the events and `dataLayer` entries
//! it hands the host. What the attributes say is read by the pure `cvc_core::codec::link`;
//! what the events carry is `cvc_core::host_events`.

use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

pub use web_sys::HtmlElement;

/// The element's attributes, as (name, value) pairs.
pub fn attributes(host: &web_sys::Element) -> Vec<(String, String)> {
    let attributes = host.attributes();
    (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .map(|attribute| (attribute.name(), attribute.value()))
        .collect()
}

/// A calculator's place in its host's shadow root, with the listeners that wait for its
/// stylesheet; dropping it removes them, and [`ShadowMount::clear`] empties the root.
pub struct ShadowMount {
    shadow: web_sys::ShadowRoot,
    _waiting: Vec<EventListener>,
}

impl ShadowMount {
    /// Empties the shadow root (the calculator was taken down; the root itself stays, since
    /// an element's shadow root can never be removed, and is used again on a remount).
    pub fn clear(&self) {
        self.shadow.set_inner_html("");
    }
}

/// Gives `host` a shadow root (or empties the one it has: a custom element connected
/// again) holding the calculator's `stylesheet` and an empty element, and hands that
/// element to `ready` once the stylesheet has loaded (or failed: the calculator still
/// draws), so that charts measure their real width and nothing shows unstyled.
pub fn shadow_container(
    host: &HtmlElement,
    stylesheet: &str,
    ready: impl FnOnce(web_sys::Element) + 'static,
) -> Option<ShadowMount> {
    let document = gloo::utils::document();
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()?,
    };
    shadow.set_inner_html("");
    let sheet = document.create_element("link").ok()?;
    let root = document.create_element("div").ok()?;
    // Every property reset on this box (styles/app.css, `.cvc-isolated`): nothing the host
    // page sets on the element is inherited by the calculator.
    root.set_class_name("cvc-isolated");
    // The host's own content inside the element (a line and a link to the full
    // calculator, for crawlers and for browsers without JavaScript) shows through this slot
    // until the calculator draws, so nothing goes blank in between.
    let fallback = document.create_element("slot").ok()?;
    let _ = sheet.set_attribute("rel", "stylesheet");
    let _ = sheet.set_attribute("href", stylesheet);
    let _ = shadow.append_child(&sheet);
    let _ = shadow.append_child(&fallback);
    let _ = shadow.append_child(&root);
    let ready = Rc::new(Cell::new(Some((root, ready))));
    let waiting = ["load", "error"]
        .into_iter()
        .map(|event| {
            let (ready, fallback) = (ready.clone(), fallback.clone());
            EventListener::once(&sheet, event, move |_| {
                if let Some((root, ready)) = ready.take() {
                    ready(root);
                    fallback.remove();
                }
            })
        })
        .collect();
    Some(ShadowMount {
        shadow,
        _waiting: waiting,
    })
}

/// Puts `element` where `place` is, in its stead (a kept app's root into a new shadow
/// root).
pub fn put_in_place(place: &web_sys::Element, element: &web_sys::Element) {
    let _ = place.replace_with_with_node_1(element);
}

/// Dispatches `event_type` on `host`, bubbling and crossing shadow roots (`composed`), with
/// `detail` parsed from JSON: what the calculator tells its host page.
pub fn dispatch_to_host(host: &web_sys::Element, event_type: &str, detail_json: &str) {
    let Ok(detail) = js_sys::JSON::parse(detail_json) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event_type, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Pushes `entry_json`, parsed, to the host page's `window.dataLayer`, if the page has one
/// (a tag manager puts it there); without one, nothing happens and nothing is sent.
pub fn push_to_data_layer(entry_json: &str) {
    let window = gloo::utils::window();
    let Ok(layer) = js_sys::Reflect::get(&window, &"dataLayer".into()) else {
        return;
    };
    let Ok(push) = js_sys::Reflect::get(&layer, &"push".into())
        .and_then(|push| push.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    if let Ok(entry) = js_sys::JSON::parse(entry_json) {
        let _ = push.call1(&layer, &entry);
    }
}
