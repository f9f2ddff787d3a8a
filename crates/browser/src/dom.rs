//! What views read from the page's elements and events, so that they never touch a web
//! crate themselves: an input's text, a box's tick, a picked option, whether a fold is
//! open; focus and scrolling to the top; and the widget's accent colour.

use cvc_core::codec::accent::accent_colour;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use web_sys::{Element, HtmlElement};

/// The text of the input, text area or select an event came from.
pub fn value_of(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

/// Whether the check box an event came from is ticked.
pub fn is_checked(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// Whether the `<details>` an event came from is open.
pub fn is_open(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|details| details.open())
}

/// The text in the input behind `node`, if it is one.
pub fn input_text(node: &NodeRef) -> Option<String> {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
}

/// Empties the input behind `node` (so that the same file can be picked again).
pub fn clear_input(node: &NodeRef) {
    if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
        input.set_value("");
    }
}

/// The element of this document with `id`, if it is an HTML one.
pub fn element_by_id(id: &str) -> Option<HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
}

/// Scrolls the window to the top of the page.
pub fn scroll_to_top() {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Moves focus to the element with `id` once what is being drawn now has been drawn (the
/// next task), if there is one then.
pub fn focus_by_id_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || focus_by_id(id)).forget();
}

/// Moves focus to the element with `id`, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = element_by_id(id) {
        let _ = element.focus();
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Sets the accent colour of `element` and what it holds, if the browser agrees it is a
/// colour (after the pure check, which refuses anything but plain colour syntax).
pub fn set_accent(element: &Element, accent: &str) {
    let Some(colour) = accent_colour(accent) else {
        return;
    };
    if !web_sys::css::supports_with_value("color", &colour).unwrap_or(false) {
        return;
    }
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        // Through the CSS object model, which a strict Content-Security-Policy allows; as the
        // documented theming property, so that it wins over the host page's stylesheet.
        let _ = element.style().set_property("--cvc-accent", &colour);
    }
}

/// Takes back an accent set by [`set_accent`].
pub fn clear_accent(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.style().remove_property("--cvc-accent");
    }
}

/// The page's root element (`<html>`).
pub fn document_element() -> Element {
    gloo::utils::document_element()
}
