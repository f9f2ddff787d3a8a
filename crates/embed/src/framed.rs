//! The calculator inside another site's iframe (`?embed=1`), when its link asks it to tell
//! the page that embeds it what was calculated (`events=1`, and `datalayer=1` for the
//! parent's `window.dataLayer`): the same payload as the element's events, posted to the
//! parent at the height message's origin. The parent's listener (`frame.js`) checks where
//! the message came from and dispatches it on its `<iframe>`.
//!
//! Lead capture comes from the parent too: `frame.js` hands the frame its `<iframe>`'s
//! `data-lead-*` attributes with the page's address and referrer (never a link's: anyone
//! can write a link). The capture form then sends through the parent, under the parent's
//! policy, and the hidden fields of the parent's own form are posted to it as they change.

use cvc_browser::address::read_location;
use cvc_browser::frame::post_to_parent;
use cvc_core::codec::json::{self, Json};
use cvc_core::host_events::{data_layer_entry, frame_message, payload, HostEvent};
use cvc_core::leads::{self, attribution, Capture, LeadSetup, FIELDS_MESSAGE, SETUP_MESSAGE};
use cvc_core::privacy::{Disclosure, PrivacyLine};
use cvc_page::app::{mount_frame_page, Answer, Moment};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{AttrValue, Callback};

/// What the frame knows of lead capture once its parent has said.
#[derive(Default)]
struct FrameLeads {
    capture: Option<Capture>,
    /// The answer on screen, for the parent's form and the lead event.
    answer: Option<Answer>,
}

/// Mounts the calculator's page in its iframe, posting its events when its link asks, and
/// taking lead capture's set-up from the page that frames it.
pub fn mount_frame() {
    let view = read_location().view;
    let leads = Rc::new(RefCell::new(FrameLeads::default()));
    let (events, data_layer) = (view.events, view.data_layer);
    let on_answer = {
        let leads = leads.clone();
        Callback::from(move |(answer, moment): (Answer, Moment)| {
            let capture = {
                let mut leads = leads.borrow_mut();
                leads.answer = Some(answer.clone());
                leads.capture.clone()
            };
            if let Some(capture) = capture.filter(|capture| capture.setup.form.is_some()) {
                post_fields(&capture, &answer);
            }
            if !events {
                return;
            }
            let event = match moment {
                Moment::First => HostEvent::Ready,
                Moment::Settled => HostEvent::Change,
                Moment::Now => return,
            };
            let detail = payload(&answer.scenario, &answer.results, &answer.link);
            let entry = (data_layer && event == HostEvent::Change)
                .then(|| data_layer_entry(&answer.scenario, &answer.results));
            post_to_parent(&json::write_pretty(&frame_message(event, detail, entry)));
        })
    };
    // A frame posts its events only when its link asks, and dataLayer entries with them.
    let privacy = PrivacyLine::of(Disclosure::of_embed(events, data_layer));
    let Some((app, props)) = mount_frame_page(on_answer, privacy.clone()) else {
        return;
    };
    let app = Rc::new(RefCell::new(app));
    cvc_browser::lead_capture::listen_to_parent(move |text| {
        // A parent whose frame.js came late asks the frame to speak: its height will do.
        if json::parse(&text).is_ok_and(|message| {
            message.get("type") == Some(&Json::String(leads::HELLO_MESSAGE.into()))
        }) {
            cvc_browser::frame::post_height();
            return;
        }
        let Some(capture) = setup_of(&text) else {
            return;
        };
        let on_lead = {
            let leads = leads.clone();
            Callback::from(move |link: AttrValue| {
                let leads = leads.borrow();
                if let Some(capture) = &leads.capture {
                    post_lead_event(capture, &link, data_layer);
                }
            })
        };
        let next = cvc_page::app::AppProps {
            privacy: privacy.clone().with_leads(&capture.setup, &capture.page),
            lead: if capture.setup.endpoint.is_some() {
                capture.to_query().into()
            } else {
                AttrValue::default()
            },
            on_lead: Some(on_lead),
            ..props.clone()
        };
        let answer = {
            let mut leads = leads.borrow_mut();
            leads.capture = Some(capture.clone());
            leads.answer.clone()
        };
        if let (Some(answer), true) = (answer, capture.setup.form.is_some()) {
            post_fields(&capture, &answer);
        }
        app.borrow_mut().update(next);
    });
}

/// The set-up `frame.js` hands the frame: `{type, attributes: [[name, value], …], page,
/// query, referrer}`; `None` for any other message or shape.
fn setup_of(text: &str) -> Option<Capture> {
    if text.len() > leads::MAX_BODY {
        return None;
    }
    let message = json::parse(text).ok()?;
    if message.get("type") != Some(&Json::String(SETUP_MESSAGE.into())) {
        return None;
    }
    let string = |key: &str| match message.get(key) {
        Some(Json::String(value)) => value.clone(),
        _ => String::new(),
    };
    let Some(Json::Array(items)) = message.get("attributes") else {
        return None;
    };
    let pairs: Vec<(String, String)> = items
        .iter()
        .filter_map(|item| match item {
            Json::Array(pair) => match pair.as_slice() {
                [Json::String(name), Json::String(value)] => Some((name.clone(), value.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let setup = LeadSetup::from_attributes(&pairs);
    if !setup.is_on() {
        return None;
    }
    Some(Capture {
        attribution: attribution(
            &string("query"),
            &string("referrer"),
            setup.variant.as_deref(),
        ),
        // The page's origin and path only, as an element's is.
        page: string("page")
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string(),
        setup,
        relay: true,
    })
}

/// Posts the hidden fields of the parent's own form for the answer on screen.
fn post_fields(capture: &Capture, answer: &Answer) {
    let language = cvc_core::codec::link::decode(cvc_core::parts::query_of(&answer.link))
        .view
        .language
        .unwrap_or_default();
    let fields = leads::hidden_fields(
        &answer.scenario,
        &answer.results,
        &answer.link,
        language.tag(),
        &capture.attribution,
    );
    let fields = Json::Array(
        fields
            .into_iter()
            .map(|(name, value)| Json::Array(vec![Json::String(name), Json::String(value)]))
            .collect(),
    );
    let message = Json::Object(vec![
        ("type".into(), Json::String(FIELDS_MESSAGE.into())),
        ("fields".into(), fields),
    ]);
    post_to_parent(&json::write_pretty(&message));
}

/// Tells the parent a lead was delivered: `customer-value:lead` with the figures sent and
/// where the visitor came from, and its `dataLayer` entry when the link asks for one.
fn post_lead_event(capture: &Capture, link: &str, data_layer: bool) {
    let scenario = cvc_core::codec::link::decode(cvc_core::parts::query_of(link))
        .reading
        .scenario;
    let results = cvc_model::evaluate(&scenario);
    let detail = leads::event_payload(&scenario, &results, link, &capture.attribution);
    let entry =
        data_layer.then(|| leads::data_layer_entry(&scenario, &results, &capture.attribution));
    post_to_parent(&json::write_pretty(&frame_message(
        HostEvent::Lead,
        detail,
        entry,
    )));
}
