//! The workshop room's server, from the browser: whether there is one and where
//! (`<meta name="cvc-room-server">`: `self` when the room server serves the page, an origin
//! the build named, or no tag on a static host, where the page shows no room controls and
//! asks nothing), JSON requests to it, the
//! presenter's stream (`EventSource`), whether the browser is online, random ids, and what
//! a phone or a presenter keeps of a room in `localStorage` (the schema is
//! `cvc_core::room`). Each function does one browser thing; what the answers mean is for
//! the parts that call them.

use crate::local_storage::LocalStore;
use cvc_core::room::{Opened, Stay, PRESENTER_KEY};
use cvc_core::storage::Store;
use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The room server's origin, if the page has one: the one the build named, or the page's
/// own when the room server serves it.
pub fn room_server() -> Option<String> {
    let named = gloo::utils::document()
        .query_selector(&format!("meta[name={}]", cvc_core::room::SERVER_META))
        .ok()
        .flatten()?
        .get_attribute("content")?;
    if named.starts_with("https://") || named.starts_with("http://") {
        return Some(named);
    }
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .filter(|_| named == "self")
}

/// An answer of the room server.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub text: String,
    /// Whether it came as JSON: a static host answers a room's address with a page, which
    /// means there is no room server there.
    pub json: bool,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// The request did not reach the server (offline, refused, or blocked by policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreachable;

/// Sends `method` to `url` with a JSON `body` and the presenter's `token`, if given.
pub async fn request(
    method: &str,
    url: &str,
    body: Option<&str>,
    token: Option<&str>,
) -> Result<Answer, Unreachable> {
    let window = web_sys::window().ok_or(Unreachable)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(|_| Unreachable)?;
    if let Some(body) = body {
        let _ = headers.set("content-type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(token) = token {
        let _ = headers.set("authorization", &format!("Bearer {token}"));
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| Unreachable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| Unreachable)?
        .dyn_into()
        .map_err(|_| Unreachable)?;
    let json = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .is_some_and(|kind| kind.starts_with("application/json"));
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Answer {
        status: response.status(),
        text,
        json,
    })
}

/// `n` random bytes from the browser's cryptography.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// Whether the browser says it is online, kept current.
#[hook]
pub fn use_online() -> bool {
    let online = use_state(|| web_sys::window().is_none_or(|window| window.navigator().on_line()));
    {
        let online = online.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let (up, down) = (online.clone(), online);
            let listeners = [
                EventListener::new(&window, "online", move |_| up.set(true)),
                EventListener::new(&window, "offline", move |_| down.set(false)),
            ];
            move || drop(listeners)
        });
    }
    *online
}

/// The presenter's stream of a room: `on_event(name, data)` for each event (`summary`,
/// `closed`), and for its connection: [`STREAM_RETRYING`] when it dropped and the browser
/// is asking again by itself (with the last event's id), [`STREAM_LOST`] when the browser
/// gave up (the server refused the stream, or answered something else): the caller then
/// finds out why and opens a new one. Closed when dropped.
pub struct RoomStream {
    source: web_sys::EventSource,
    _listeners: Vec<EventListener>,
}

/// What [`RoomStream`] says when its connection dropped and the browser asks again.
pub const STREAM_RETRYING: &str = "retrying";
/// What [`RoomStream`] says when the browser gave the stream up.
pub const STREAM_LOST: &str = "lost";

impl RoomStream {
    pub fn open(url: &str, on_event: Callback<(String, String)>) -> Option<RoomStream> {
        let source = web_sys::EventSource::new(url).ok()?;
        let mut listeners = ["summary", "closed"]
            .into_iter()
            .map(|name| {
                let on_event = on_event.clone();
                EventListener::new(&source, name, move |event| {
                    let Some(message) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    if let Some(data) = message.data().as_string() {
                        on_event.emit((name.to_string(), data));
                    }
                })
            })
            .collect::<Vec<_>>();
        let watched = source.clone();
        listeners.push(EventListener::new(&source, "error", move |_| {
            let name = if watched.ready_state() == web_sys::EventSource::CLOSED {
                STREAM_LOST
            } else {
                STREAM_RETRYING
            };
            on_event.emit((name.to_string(), String::new()));
        }));
        Some(RoomStream {
            source,
            _listeners: listeners,
        })
    }
}

impl Drop for RoomStream {
    fn drop(&mut self) {
        self.source.close();
    }
}

/// A phone's stay in a room, as kept (a new one made when none is, or it is damaged).
pub fn load_stay(key: &str) -> Stay {
    LocalStore::open()
        .and_then(|store| store.get(key))
        .and_then(|text| Stay::from_json(&text))
        .unwrap_or_else(|| Stay::new(&random_bytes(24)))
}

/// Keeps a phone's stay (nothing is kept where the browser keeps nothing: the stay then
/// lasts for the visit).
pub fn keep_stay(key: &str, stay: &Stay) {
    if let Some(mut store) = LocalStore::open() {
        let _ = store.set(key, &stay.to_json());
    }
}

/// The room this browser's presenter opened, if any.
pub fn opened_room() -> Option<Opened> {
    LocalStore::open()
        .and_then(|store| store.get(PRESENTER_KEY))
        .and_then(|text| Opened::from_json(&text))
}

/// Keeps, or forgets, the room this browser's presenter opened.
pub fn keep_opened_room(room: Option<&Opened>) {
    if let Some(mut store) = LocalStore::open() {
        let _ = match room {
            Some(room) => store.set(PRESENTER_KEY, &room.to_json()),
            None => store.remove(PRESENTER_KEY),
        };
    }
}
