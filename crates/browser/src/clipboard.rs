//! Copying a link or a snippet, and the system share sheet: the browser edge of the Share
//! and Embed panels. The Clipboard API and `navigator.share` are bound here directly
//! (web-sys has them only behind its unstable flag); where the Clipboard API is missing or
//! refused, the text is selected in its box and copied the old way.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = navigator, js_name = share, catch)]
    fn navigator_share(data: &Object) -> Result<Promise, JsValue>;
}

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    Yes,
    /// Neither way worked; the text is selected for the user to copy.
    Blocked,
}

/// Copies `text`; if the Clipboard API is missing or refuses, selects the text in `field`
/// (a box that shows it) and asks the browser to copy the selection.
pub async fn copy(text: &str, field: Option<web_sys::HtmlElement>) -> Copied {
    if let Ok(promise) = clipboard_write_text(text) {
        if JsFuture::from(promise).await.is_ok() {
            return Copied::Yes;
        }
    }
    let Some(field) = field else {
        return Copied::Blocked;
    };
    let _ = field.focus();
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
    let copied = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false);
    if copied {
        Copied::Yes
    } else {
        Copied::Blocked
    }
}

/// Whether the browser has a system share sheet (phones, mostly).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| Reflect::get(&navigator, &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// Opens the system share sheet with a title and a link. `false` when it could not open or
/// the user closed it without sharing.
pub async fn share(title: &str, url: &str) -> bool {
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    match navigator_share(&data) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
