//! The link in the address bar: read once when the page opens, and kept in step with the
//! scenario on screen afterwards; and the browser's Back button while a view covers the
//! page. The codec itself is pure ([`cvc_core::codec::link`]).

use cvc_core::codec::link::{decode, encode, LinkReading};
use cvc_core::words::Language;
use cvc_model::ValidScenario;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long edits must pause before the address bar is rewritten: one history entry is
/// replaced, never added, and not on every keystroke.
pub const SETTLE_MS: u32 = 400;

/// The scenario and view the page's own link carries.
pub fn read_location() -> LinkReading {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    decode(&search)
}

/// The folder this page is served from, ending in `/`: where a shared link points, and
/// where embed.js lives.
pub fn page_address() -> String {
    web_sys::window()
        .map(|window| {
            let location = window.location();
            let path = location.pathname().unwrap_or_default();
            let folder = path.rfind('/').map_or("/", |end| &path[..=end]);
            format!("{}{folder}", location.origin().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// Loads the page again from its address, which holds the scenario on screen (see
/// [`use_link_sync`]): how an outdated page gets the release now served.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Keeps the address bar showing the scenario on screen (with `history.replaceState`, after
/// edits pause). Off for a widget, which must not touch its host page's address.
#[hook]
pub fn use_link_sync(scenario: ValidScenario, language: Language, enabled: bool, keep: AttrValue) {
    use_effect_with(
        (scenario, language, enabled),
        move |(scenario, language, enabled)| {
            let keep = keep.clone();
            let timeout = enabled.then(|| {
                let query = encode(scenario, *language);
                Timeout::new(SETTLE_MS, move || {
                    let Some(window) = web_sys::window() else {
                        return;
                    };
                    let Ok(history) = window.history() else {
                        return;
                    };
                    let hash = window.location().hash().unwrap_or_default();
                    let address = format!("{}{keep}{}", query, hash);
                    // A refusal (a sandboxed frame, say) leaves the old address; nothing is lost.
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&address),
                    );
                })
            });
            move || drop(timeout)
        },
    );
}

/// While a view covers the whole page (the presenter view), the browser's Back button
/// leaves that view, as it closes a full-screen view in any app, instead of leaving the
/// calculator. The view adds one history entry, at the same address, when it opens; Back
/// takes it away and asks to leave. Left another way (its button, Escape), the view takes
/// its entry back, so Back afterwards goes where it went before the view was opened.
#[hook]
pub fn use_back_leaves(on_leave: Callback<()>) {
    use_effect_with((), move |()| {
        let window = gloo::utils::window();
        // A refusal (a sandboxed frame, say) leaves Back as it was; Escape and the
        // button still leave.
        let added = Rc::new(Cell::new(window.history().is_ok_and(|history| {
            history.push_state(&wasm_bindgen::JsValue::NULL, "").is_ok()
        })));
        let listener = {
            let added = added.clone();
            EventListener::new(&window, "popstate", move |_| {
                added.set(false);
                on_leave.emit(());
            })
        };
        move || {
            drop(listener);
            if added.get() {
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.back();
                }
            }
        }
    });
}
