//! An iframe's content height, posted to the page that embeds it whenever it changes, so
//! that the page can size the frame without an inner scroll bar. The message shape and
//! where it goes are in [`cvc_core::codec::link`].

use cvc_core::host_events::{parent_origin, HEIGHT_MESSAGE};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `{"type": "customer-value:height", "height": 812}`.
pub fn height_message(height: f64) -> Object {
    let message = Object::new();
    // Setting properties on a fresh plain object cannot fail.
    let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = Reflect::set(&message, &"height".into(), &height.ceil().into());
    message
}

/// Posts the page's height to the page that frames it, now.
pub fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    // The body's own height, not the document's: the document is never shorter than the
    // frame, so a frame sized by it could grow but never shrink to a shorter content.
    let Some(body) = document.body() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let height = f64::from(body.scroll_height());
    let target = parent_origin(&document.referrer());
    // A parent that went away, or refuses the origin, is nothing to act on.
    let _ = parent.post_message(&height_message(height), &target);
}

/// Posts the height now and after every change of the page's size, while `enabled`.
#[hook]
pub fn use_post_height(enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        let observer = enabled.then(|| {
            let callback = Closure::<dyn FnMut()>::new(post_height);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(body)) = (
                observer.as_ref(),
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.body()),
            ) {
                observer.observe(&body);
            }
            post_height();
            (observer, callback)
        });
        move || {
            if let Some((Some(observer), _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Posts `message_json`, parsed, to the page that embeds this one, at the same origin as
/// the height message: what an embedded iframe tells its host when its link asks it to.
pub fn post_to_parent(message_json: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(document), Ok(Some(parent))) = (window.document(), window.parent()) else {
        return;
    };
    if let Ok(message) = js_sys::JSON::parse(message_json) {
        let _ = parent.post_message(&message, &parent_origin(&document.referrer()));
    }
}
