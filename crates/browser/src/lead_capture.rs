//! Lead capture from the browser (what it means is `cvc_core::leads`): the host page's
//! address and referrer, the set-up a calculator's own page is given in `<meta>` tags,
//! the visitor's draft kept for the tab, the lead posted to the host's endpoint (or handed
//! to the page that frames the calculator, which posts it under its own policy), and the
//! hidden fields of the host's own form kept current.

use cvc_core::leads::{Delivery, Draft, LeadSetup, RESULT_MESSAGE, SEND_MESSAGE};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long a delivery may take before the form says the site could not be reached.
const DELIVERY_TIMEOUT_MS: i32 = 30_000;

/// The page's address (its origin and path), its query, and its referrer: the consent
/// record's page and the lead's attribution.
pub fn host_page() -> (String, String, String) {
    let window = gloo::utils::window();
    let location = window.location();
    // The page's origin and path only: its query may hold what is not the lead's to carry
    // (a token, an email address); the `utm_*` parameters go as attribution.
    let page = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let query = location.search().unwrap_or_default();
    let referrer = gloo::utils::document().referrer();
    (page, query, referrer)
}

/// The `<meta>` tags of the calculator's own page that set lead capture up
/// (`scripts/post-build/leads.mjs` writes them from the build's environment), as an
/// element's attributes: `cvc-lead-endpoint` is `lead-endpoint`.
fn page_meta() -> Vec<(String, String)> {
    let prefix = cvc_core::leads::PAGE_META_PREFIX;
    let Ok(tags) = gloo::utils::document().query_selector_all(&format!("meta[name^={prefix}]"))
    else {
        return Vec::new();
    };
    let attributes = cvc_core::leads::element_attributes();
    (0..tags.length())
        .filter_map(|i| tags.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|tag| {
            let name = tag.get_attribute("name")?.strip_prefix(prefix)?.to_string();
            attributes.contains(&name).then_some(())?;
            Some((name, tag.get_attribute("content")?))
        })
        .collect()
}

/// The lead endpoint the calculator's own page was built with, if it may use it.
pub fn page_endpoint() -> Option<String> {
    page_meta()
        .into_iter()
        .find(|(name, value)| {
            name == cvc_core::leads::ENDPOINT && cvc_core::leads::endpoint_allowed(value)
        })
        .map(|(_, endpoint)| endpoint)
}

/// The capture of the calculator's own page: its `<meta>` set-up, its address and where
/// the visitor came from (read by the capture form, in the lead chunk).
pub fn page_capture() -> cvc_core::leads::Capture {
    let setup = LeadSetup::from_attributes(&page_meta());
    let (page, query, referrer) = host_page();
    cvc_core::leads::Capture {
        attribution: cvc_core::leads::attribution(&query, &referrer, setup.variant.as_deref()),
        setup: LeadSetup {
            form: None,
            ..setup
        },
        page,
        relay: false,
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What the visitor typed and has not yet delivered, in this tab, kept under `key`
/// (`cvc_core::leads::draft_key`: one per receiver).
pub fn load_draft(key: &str) -> Draft {
    session()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .map(|text| Draft::from_json(&text))
        .unwrap_or_default()
}

/// Keeps the draft for the tab; an empty one is forgotten. Where the browser keeps nothing
/// the draft lasts as long as the form is on screen.
pub fn keep_draft(key: &str, draft: &Draft) {
    if let Some(storage) = session() {
        let _ = if draft.is_empty() {
            storage.remove_item(key)
        } else {
            storage.set_item(key, &draft.to_json())
        };
    }
}

/// Now, as RFC 3339 in UTC: when the consent was given.
pub fn now_utc() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Waits `ms` milliseconds.
pub async fn wait_ms(ms: i32) {
    let done = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(done).await;
}

/// Posts `body` (the lead, as JSON) to `endpoint`: no cookies, nothing cached; delivered
/// only on a 2xx.
pub async fn post_lead(endpoint: &str, body: &str) -> Delivery {
    let status = async {
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_mode(web_sys::RequestMode::Cors);
        init.set_credentials(web_sys::RequestCredentials::Omit);
        init.set_cache(web_sys::RequestCache::NoStore);
        let headers = web_sys::Headers::new().ok()?;
        headers.set("content-type", "application/json").ok()?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(body));
        let request = web_sys::Request::new_with_str_and_init(endpoint, &init).ok()?;
        let answer = gloo::utils::window().fetch_with_request(&request);
        let response: web_sys::Response = within_time(&answer).await?.dyn_into().ok()?;
        Some(response.status())
    }
    .await;
    Delivery::of_status(status.unwrap_or(0))
}

/// The message `event` is, if the window `parent` posted it, from the origin `expected`
/// (`"*"`: any, where the parent sent no referrer); `None` for any other event.
fn parents_message<'e>(
    event: &'e web_sys::Event,
    parent: &web_sys::Window,
    expected: &str,
) -> Option<&'e web_sys::MessageEvent> {
    let event = event.dyn_ref::<web_sys::MessageEvent>()?;
    // The parent's window is of another origin: it is compared as a value, since a
    // cross-origin window is no `instanceof Window` here.
    let from_parent = event
        .source()
        .is_some_and(|source| JsValue::from(source) == JsValue::from(parent));
    (from_parent && (expected == "*" || event.origin() == expected)).then_some(event)
}

/// Hands `body` to the page that frames the calculator, which posts it to the endpoint its
/// `<iframe>` names (`web/frame.js`), and waits for its answer: only the parent window, at
/// the origin the frame was opened from, is heard.
pub async fn relay_lead(body: &str) -> Delivery {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return Delivery::Unreachable;
    };
    let target = cvc_core::host_events::parent_origin(&gloo::utils::document().referrer());
    let id = js_sys::Math::random().to_string();
    // The answer, as a promise the message listener resolves.
    let resolver = Rc::new(RefCell::new(None::<js_sys::Function>));
    let answered = {
        let resolver = resolver.clone();
        js_sys::Promise::new(&mut move |resolve, _reject| *resolver.borrow_mut() = Some(resolve))
    };
    let listener = {
        let (id, target, parent) = (id.clone(), target.clone(), parent.clone());
        EventListener::new(&window, "message", move |event| {
            let Some(event) = parents_message(event, &parent, &target) else {
                return;
            };
            let data = event.data();
            let field = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok();
            let is_result = field("type").and_then(|kind| kind.as_string()).as_deref()
                == Some(RESULT_MESSAGE)
                && field("id").and_then(|given| given.as_string()).as_deref() == Some(id.as_str());
            if !is_result {
                return;
            }
            let status = field("status")
                .and_then(|status| status.as_f64())
                .unwrap_or(0.0);
            if let Some(resolve) = resolver.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, &status.into());
            }
        })
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &SEND_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
    let _ = js_sys::Reflect::set(&message, &"body".into(), &body.into());
    if parent.post_message(&message, &target).is_err() {
        return Delivery::Unreachable;
    }
    let status = within_time(&answered)
        .await
        .and_then(|status| status.as_f64());
    drop(listener);
    let status = status
        .filter(|status| (0.0..1000.0).contains(status))
        .map_or(0, |status| status as u16);
    Delivery::of_status(status)
}

/// What `promise` resolves to, or `None` when it fails or a delivery's time runs out first
/// (the timeout resolves to `undefined`).
async fn within_time(promise: &js_sys::Promise) -> Option<JsValue> {
    let timeout = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, DELIVERY_TIMEOUT_MS);
    });
    let both = js_sys::Array::of2(promise, &timeout);
    JsFuture::from(js_sys::Promise::race(&both))
        .await
        .ok()
        .filter(|value| !value.is_undefined())
}

/// Why the host's own form could not be filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    /// The selector matches nothing (yet), or is not a selector.
    NoMatch,
    /// The selector matches more than one element: which one would be a guess.
    Many,
    /// It matches an element that is not a `<form>`.
    NotAForm,
}

/// The host page's own form that lead capture fills (`lead-form`), and the listener that
/// hears it sent, removed with it.
pub struct HostForm {
    form: web_sys::HtmlFormElement,
    _submitted: Option<EventListener>,
}

impl HostForm {
    /// The one `<form>` `selector` names in the host page.
    pub fn find(selector: &str) -> Result<HostForm, FormProblem> {
        let found = gloo::utils::document()
            .query_selector_all(selector)
            .map_err(|_| FormProblem::NoMatch)?;
        let form = match found.length() {
            0 => return Err(FormProblem::NoMatch),
            1 => found
                .item(0)
                .and_then(|node| node.dyn_into::<web_sys::HtmlFormElement>().ok())
                .ok_or(FormProblem::NotAForm)?,
            _ => return Err(FormProblem::Many),
        };
        Ok(HostForm {
            form,
            _submitted: None,
        })
    }

    /// Whether both are the same form of the page.
    pub fn is(&self, other: &HostForm) -> bool {
        self.form == other.form
    }

    /// Calls `on_submit` each time the form is sent.
    pub fn on_submit(&mut self, on_submit: impl Fn() + 'static) {
        self._submitted = Some(EventListener::new(&self.form, "submit", move |_| {
            on_submit()
        }));
    }

    /// Writes `fields` into the form's inputs of those names, adding a hidden input for
    /// each it lacks. Only values are set: nothing is written as markup.
    pub fn fill(&self, fields: &[(String, String)]) {
        let document = gloo::utils::document();
        for (name, value) in fields {
            let existing = self
                .form
                .elements()
                .named_item(name)
                .and_then(|item| item.dyn_into::<web_sys::HtmlInputElement>().ok());
            let input = match existing {
                Some(input) => input,
                None => {
                    let Some(input) = document
                        .create_element("input")
                        .ok()
                        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
                    else {
                        continue;
                    };
                    input.set_type("hidden");
                    input.set_name(name);
                    let _ = self.form.append_child(&input);
                    input
                }
            };
            if input.value() != *value {
                input.set_value(value);
            }
        }
    }
}

/// Calls `on_message` with each message the window that frames this page posts, as JSON,
/// and only those: from the parent window, at the origin the frame was opened from (any,
/// where the parent sent no referrer). The listener lasts as long as the page.
pub fn listen_to_parent(on_message: impl Fn(String) + 'static) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let expected = cvc_core::host_events::parent_origin(&gloo::utils::document().referrer());
    EventListener::new(&window, "message", move |event| {
        let Some(event) = parents_message(event, &parent, &expected) else {
            return;
        };
        if let Some(text) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|text| text.as_string())
        {
            on_message(text);
        }
    })
    .forget();
}

/// Tells the host's developer, in the console, what of the lead set-up was not used.
pub fn warn_host(message: &str) {
    web_sys::console::warn_1(&format!("Customer Value Calculator: {message}").into());
}
