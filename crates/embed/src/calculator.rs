//! One calculator in a host element of another site's page: the `<customer-value-calculator>`
//! element, or a `[data-customer-value]` container. `embed.js` mounts one when the element
//! is connected (or comes near the screen, with `loading="lazy"`), tells it each attribute
//! that changes, reads and sets its properties through it, and takes it down when the
//! element is removed. It tells the host what was calculated with DOM events (and, when the
//! host opts in, `window.dataLayer` entries); what they carry is `cvc_core::host_events`.
//! Where the host switches lead capture on (`lead-endpoint`, `lead-form`: `cvc_core::leads`),
//! it shows the capture form after the answers, or keeps the hidden fields of the host's
//! own form current, and tells the host of each lead with `customer-value:lead`.

use crate::kept_apps::HostedApp;
use cvc_browser::dom::{clear_accent, set_accent, HtmlElement};
use cvc_browser::embed_host::{
    attributes, dispatch_to_host, push_to_data_layer, shadow_container, ShadowMount,
};
use cvc_browser::language::initial_language;
use cvc_browser::lead_capture::{host_page, warn_host, FormProblem, HostForm};
use cvc_core::codec::attributes::{read_attributes, Naming};
use cvc_core::codec::field_reader::Reading;
use cvc_core::codec::json::{self, Json};
use cvc_core::codec::link::{
    field_of_key, LinkReading, Show, ACCENT, DATA_LAYER, LANG, PRESET, SHOW,
};
use cvc_core::codec::scenario_file;
use cvc_core::host_events::{
    analytics_consent, data_layer_entry, payload, results_json, HostEvent, CONSENT_ATTRIBUTE,
};
use cvc_core::leads::{self, attribution, Capture, LeadSetup};
use cvc_core::notice::{Notice, Source};
use cvc_core::privacy::{Disclosure, PrivacyLine};
use cvc_core::state::Action;
use cvc_model::fields::{FieldError, FieldName, Problem};
use cvc_model::Field;
use cvc_page::app::{Answer, AppProps, Dispatcher, Mode, Moment};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{AttrValue, Callback};

/// A scenario set through the `scenario` property is read only up to this size; no
/// scenario needs more.
const MAX_SCENARIO_TEXT: usize = 100_000;

/// How the host page asked for a calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind {
    /// `<customer-value-calculator lifetime-profit="45000">`.
    Element,
    /// `<div data-customer-value data-lifetime-profit="45000">`.
    Container,
}

impl HostKind {
    pub fn from_name(name: &str) -> HostKind {
        if name == "container" {
            HostKind::Container
        } else {
            HostKind::Element
        }
    }

    /// How this host names the calculator's settings.
    fn naming(self) -> Naming {
        match self {
            HostKind::Element => Naming::Element,
            HostKind::Container => Naming::Container,
        }
    }

    fn key_of(self, attribute: &str) -> Option<String> {
        self.naming().key_of(attribute)
    }

    fn read(self, host: &HtmlElement) -> LinkReading {
        // The host's settings beside the scenario (lead capture, consent) are read apart.
        let attributes: Vec<(String, String)> = attributes(host)
            .into_iter()
            .filter(|(name, _)| !leads::is_host_setting(name))
            .collect();
        read_attributes(self.naming(), &attributes)
    }
}

/// What the App's callbacks share with the handle.
#[derive(Default)]
struct Shared {
    /// Set once the App is mounted; actions wait in `pending` until then.
    dispatcher: Option<Dispatcher>,
    pending: Vec<Action>,
    /// The answer on screen.
    answer: Option<Answer>,
    data_layer: bool,
    /// How much the host asked to see.
    show: Show,
    /// Whether the visitor consented to analytics (the host's `consent` attribute): until
    /// then nothing goes to `dataLayer`.
    consent: bool,
    /// Lead capture as the host set it up, with the host page's address and attribution.
    capture: Capture,
    /// The host's own form being filled, and the listener that hears it sent.
    form: Option<HostForm>,
    /// What the console was last told of the host's form, so it is said once.
    form_warning: Option<FormProblem>,
}

impl Shared {
    fn dispatch(shared: &Rc<RefCell<Shared>>, action: Action) {
        let mut shared = shared.borrow_mut();
        match &shared.dispatcher {
            Some(dispatcher) => dispatcher.dispatch(action),
            None => shared.pending.push(action),
        }
    }
}

/// A calculator mounted into a host element.
pub struct Calculator {
    host: HtmlElement,
    kind: HostKind,
    app_address: String,
    shared: Rc<RefCell<Shared>>,
    app: Rc<RefCell<Option<HostedApp>>>,
    on_answer: Callback<(Answer, Moment)>,
    on_dispatcher: Callback<Dispatcher>,
    on_lead: Callback<AttrValue>,
    place: Option<ShadowMount>,
}

impl Calculator {
    /// Mounts a calculator into `host`'s shadow root, set up from its attributes. It draws
    /// once `stylesheet` (the calculator's CSS, absolute) has loaded; `app_address` is the
    /// calculator's own folder, where its links point.
    pub fn mount(
        host: HtmlElement,
        kind: HostKind,
        stylesheet: &str,
        app_address: &str,
    ) -> Calculator {
        let reading = kind.read(&host);
        if let Some(accent) = &reading.view.accent {
            set_accent(&host, accent);
        }
        let shared = Rc::new(RefCell::new(Shared {
            data_layer: reading.view.data_layer,
            show: reading.view.show,
            capture: capture_of(&host),
            consent: consent_of(&host),
            ..Shared::default()
        }));
        let on_answer = {
            let (shared, host) = (shared.clone(), host.clone());
            Callback::from(move |(answer, moment): (Answer, Moment)| {
                let data_layer = {
                    let mut shared = shared.borrow_mut();
                    shared.answer = Some(answer.clone());
                    shared.data_layer && shared.consent
                };
                // The host's own form follows every change, so that whenever it is sent
                // it carries the figures on screen.
                fill_host_form(&shared, &host, &answer);
                let event = match moment {
                    Moment::First => HostEvent::Ready,
                    Moment::Settled => HostEvent::Change,
                    Moment::Now => return,
                };
                let detail = payload(&answer.scenario, &answer.results, &answer.link);
                dispatch_to_host(&host, event.name(), &json::write_pretty(&detail));
                if data_layer && event == HostEvent::Change {
                    let entry = data_layer_entry(&answer.scenario, &answer.results);
                    push_to_data_layer(&json::write_pretty(&entry));
                }
            })
        };
        let on_lead = {
            let (shared, host) = (shared.clone(), host.clone());
            Callback::from(move |link: AttrValue| tell_lead(&shared, &host, Some(&link)))
        };
        let on_dispatcher = {
            let shared = shared.clone();
            Callback::from(move |dispatcher: Dispatcher| {
                let pending = {
                    let mut shared = shared.borrow_mut();
                    shared.dispatcher = Some(dispatcher.clone());
                    std::mem::take(&mut shared.pending)
                };
                for action in pending {
                    dispatcher.dispatch(action);
                }
            })
        };
        let props = AppProps {
            language: reading.view.language,
            mode: Mode::Widget(reading.view.show),
            start: Some(Rc::new(reading.clone())),
            app_address: Some(app_address.to_string().into()),
            on_answer: Some(on_answer.clone()),
            on_dispatcher: Some(on_dispatcher.clone()),
            privacy: privacy_of(&shared.borrow()),
            lead: lead_query(&shared.borrow()),
            on_lead: Some(on_lead.clone()),
            ..AppProps::default()
        };
        let app = Rc::new(RefCell::new(None));
        let place = {
            let app = app.clone();
            shadow_container(&host, stylesheet, move |root| {
                *app.borrow_mut() = Some(HostedApp::draw(root, props));
            })
        };
        Calculator {
            host,
            kind,
            app_address: app_address.to_string(),
            shared,
            app,
            on_answer,
            on_dispatcher,
            on_lead,
            place,
        }
    }

    fn dispatch(&self, action: Action) {
        Shared::dispatch(&self.shared, action);
    }

    /// The host's attribute `name` was set, changed or removed: that one setting follows,
    /// and every other field keeps what the visitor typed. A removed field goes back to its
    /// default (or the example business's, when the host names one).
    pub fn attribute_changed(&self, name: &str) {
        let lowered = name.to_ascii_lowercase();
        let bare = lowered.strip_prefix("data-").unwrap_or(&lowered);
        if bare == CONSENT_ATTRIBUTE {
            let granted = consent_of(&self.host);
            let (was, data_layer, answer) = {
                let mut shared = self.shared.borrow_mut();
                let was = std::mem::replace(&mut shared.consent, granted);
                (was, shared.data_layer, shared.answer.clone())
            };
            // Consent given: the analytics hear the current state once, then each change.
            if granted && !was && data_layer {
                if let Some(answer) = answer {
                    let entry = data_layer_entry(&answer.scenario, &answer.results);
                    push_to_data_layer(&json::write_pretty(&entry));
                }
            }
            // The privacy line names the analytics only while they hear.
            if granted != was && data_layer {
                self.redraw();
            }
            return;
        }
        if leads::is_lead_key(&bare.replace('-', "_")) {
            {
                let mut shared = self.shared.borrow_mut();
                shared.capture = capture_of(&self.host);
                shared.form = None;
                shared.form_warning = None;
            }
            let answer = self.shared.borrow().answer.clone();
            if let Some(answer) = answer {
                fill_host_form(&self.shared, &self.host, &answer);
            }
            self.redraw();
            return;
        }
        let Some(key) = self.kind.key_of(name) else {
            return;
        };
        let reading = self.kind.read(&self.host);
        let view = reading.view.clone();
        let mut fields = Vec::new();
        match key.as_str() {
            LANG => self.dispatch(Action::SetLanguage(
                view.language.unwrap_or_else(initial_language),
            )),
            SHOW => {
                self.shared.borrow_mut().show = view.show;
                self.redraw();
            }
            ACCENT => match &view.accent {
                Some(accent) => set_accent(&self.host, accent),
                None => clear_accent(&self.host),
            },
            DATA_LAYER => {
                self.shared.borrow_mut().data_layer = view.data_layer;
                self.redraw();
            }
            PRESET => {
                self.dispatch(Action::ReadScenario(reading.reading, Source::Attributes));
                return;
            }
            other => fields.extend(field_of_key(other)),
        }
        self.dispatch(Action::ReadFields(
            reading.reading,
            fields,
            Source::Attributes,
        ));
    }

    /// Draws the App again after its host changed what it shows (the answers only, or
    /// everything) or whether its analytics hear (the privacy line says so).
    fn redraw(&self) {
        let (show, privacy, lead) = {
            let shared = self.shared.borrow();
            (shared.show, privacy_of(&shared), lead_query(&shared))
        };
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(AppProps {
                mode: Mode::Widget(show),
                app_address: Some(self.app_address.clone().into()),
                on_answer: Some(self.on_answer.clone()),
                on_dispatcher: Some(self.on_dispatcher.clone()),
                privacy,
                lead,
                on_lead: Some(self.on_lead.clone()),
                ..AppProps::default()
            });
        }
    }

    /// The `scenario` property was set: `text` is the object as JSON, or `None` for
    /// anything that is not an object or could not be written as JSON (a getter that
    /// throws, a cycle). Each field the object names is read as a link's parameter is and
    /// applied on its own; every other field keeps what is on screen.
    pub fn set_scenario(&self, text: Option<String>) {
        let not_a_scenario = |error: FieldError| {
            self.dispatch(Action::ShowNotice(Notice {
                source: Source::Property,
                problems: vec![error],
                unknown: Default::default(),
            }));
        };
        let document = text
            .filter(|text| text.len() <= MAX_SCENARIO_TEXT)
            .and_then(|text| json::parse(&text).ok())
            .filter(|document| matches!(document, Json::Object(_)));
        let Some(document) = document else {
            not_a_scenario(FieldError {
                field: FieldName::Document,
                problem: Problem::Unreadable("not a scenario object".into()),
            });
            return;
        };
        let on_screen = self
            .shared
            .borrow()
            .answer
            .as_ref()
            .map(|answer| answer.scenario.scenario().clone())
            .unwrap_or_else(|| {
                self.kind
                    .read(&self.host)
                    .reading
                    .scenario
                    .scenario()
                    .clone()
            });
        // More members than a scenario has: refused whole, before any field is read.
        let reading = match scenario_file::read_value_onto(&document, on_screen) {
            Ok(reading) => reading,
            Err(error) => return not_a_scenario(error),
        };
        let fields = named_fields(&document, &reading);
        self.dispatch(Action::ReadFields(reading, fields, Source::Property));
    }

    /// The scenario on screen as the command-line tool reads it (JSON), once there is one.
    pub fn scenario(&self) -> Option<String> {
        let shared = self.shared.borrow();
        let answer = shared.answer.as_ref()?;
        Some(scenario_file::write(answer.scenario.scenario()))
    }

    /// The results on screen, with the command-line tool's names (JSON).
    pub fn results(&self) -> Option<String> {
        let shared = self.shared.borrow();
        let answer = shared.answer.as_ref()?;
        Some(json::write_pretty(&results_json(&answer.results)))
    }

    /// The link to the scenario on screen.
    pub fn link(&self) -> Option<String> {
        let shared = self.shared.borrow();
        Some(shared.answer.as_ref()?.link.to_string())
    }

    /// Takes the calculator down: its App is taken down (and with it every listener,
    /// observer and timer it made) and its app kept for the next calculator
    /// (`crate::kept_apps`), the listeners waiting for its stylesheet are removed, and its
    /// shadow root is emptied for a remount.
    pub fn unmount(self) {
        if let Some(app) = self.app.borrow_mut().take() {
            app.keep();
        }
        if let Some(place) = &self.place {
            place.clear();
        }
        clear_accent(&self.host);
        let mut shared = self.shared.borrow_mut();
        shared.dispatcher = None;
        shared.pending.clear();
        // The host's form is no longer listened to.
        shared.form = None;
    }
}

/// Lead capture as `host` sets it up, with the host page's address and where the visitor
/// came from; what cannot be used is said in the console, for the host's developer.
fn capture_of(host: &HtmlElement) -> Capture {
    let setup = LeadSetup::from_attributes(&attributes(host));
    for refused in &setup.refused {
        warn_host(&format!(
            "the {refused} attribute was not used: a lead endpoint must be an https address (or this computer's), and a form a selector of at most 200 characters without markup."
        ));
    }
    let (page, query, referrer) = host_page();
    Capture {
        attribution: attribution(&query, &referrer, setup.variant.as_deref()),
        setup,
        page,
        relay: false,
    }
}

/// Whether the host's `consent` attribute lets analytics hear; a value that is neither
/// `granted` nor `denied` holds them, and the console says so.
fn consent_of(host: &HtmlElement) -> bool {
    let value = attributes(host)
        .into_iter()
        .find(|(name, _)| name.strip_prefix("data-").unwrap_or(name) == CONSENT_ATTRIBUTE)
        .map(|(_, value)| value);
    analytics_consent(value.as_deref()).unwrap_or_else(|held| {
        warn_host("consent is \"granted\" or \"denied\"; anything else holds the analytics until it is granted.");
        held
    })
}

/// What the privacy line says: the element tells its host page with DOM events, always,
/// and its analytics with `data-layer` while the visitor's consent lets them hear; and
/// what lead capture sends, where it is on.
fn privacy_of(shared: &Shared) -> PrivacyLine {
    PrivacyLine::of(Disclosure::of_embed(
        true,
        shared.data_layer && shared.consent,
    ))
    .with_leads(&shared.capture.setup, &shared.capture.page)
}

/// The capture form's set-up, where the host gave an endpoint.
fn lead_query(shared: &Shared) -> AttrValue {
    if shared.capture.setup.endpoint.is_some() {
        shared.capture.to_query().into()
    } else {
        AttrValue::default()
    }
}

/// Writes the figures on screen into the host's own form (`lead-form`), and listens for it
/// being sent, to tell the host of the lead. A selector that matches nothing, or more than
/// one element, or no form, fills nothing: the console says why, once.
fn fill_host_form(shared: &Rc<RefCell<Shared>>, host: &HtmlElement, answer: &Answer) {
    let (selector, attribution) = {
        let shared = shared.borrow();
        match &shared.capture.setup.form {
            Some(selector) => (selector.clone(), shared.capture.attribution.clone()),
            None => return,
        }
    };
    let mut form = match HostForm::find(&selector) {
        Ok(form) => form,
        Err(problem) => {
            let mut shared = shared.borrow_mut();
            if shared.form_warning != Some(problem) {
                shared.form_warning = Some(problem);
                let why = match problem {
                    FormProblem::NoMatch => "matches nothing on this page",
                    FormProblem::Many => "matches more than one element",
                    FormProblem::NotAForm => "matches an element that is not a <form>",
                };
                warn_host(&format!(
                    "lead-form \"{selector}\" {why}; no form is filled."
                ));
            }
            shared.form = None;
            return;
        }
    };
    let language = answer_language(answer);
    let fields = leads::hidden_fields(
        &answer.scenario,
        &answer.results,
        &answer.link,
        language.tag(),
        &attribution,
    );
    form.fill(&fields);
    let listening = shared
        .borrow()
        .form
        .as_ref()
        .is_some_and(|known| known.is(&form));
    if !listening {
        let (to_tell, host) = (Rc::downgrade(shared), host.clone());
        form.on_submit(move || {
            if let Some(shared) = to_tell.upgrade() {
                tell_lead(&shared, &host, None);
            }
        });
        let mut shared = shared.borrow_mut();
        shared.form = Some(form);
        shared.form_warning = None;
    }
}

/// The language of the answer on screen (its link carries it).
fn answer_language(answer: &Answer) -> cvc_core::words::Language {
    cvc_core::codec::link::decode(cvc_core::parts::query_of(&answer.link))
        .view
        .language
        .unwrap_or_default()
}

/// Tells the host a lead was delivered (the capture form's, for the scenario of `link`) or
/// its own form was sent (for the answer on screen): `customer-value:lead`, and its
/// `dataLayer` entry where the host opted in.
fn tell_lead(shared: &Rc<RefCell<Shared>>, host: &HtmlElement, link: Option<&str>) {
    let (answer, attribution, data_layer) = {
        let shared = shared.borrow();
        (
            shared.answer.clone(),
            shared.capture.attribution.clone(),
            // The analytics hear of a lead, as of a change, only with the visitor's consent.
            shared.data_layer && shared.consent,
        )
    };
    let (scenario, results, link) = match (link, answer) {
        (Some(link), _) => {
            let scenario = cvc_core::codec::link::decode(cvc_core::parts::query_of(link))
                .reading
                .scenario;
            let results = cvc_model::evaluate(&scenario);
            (scenario, results, link.to_string())
        }
        (None, Some(answer)) => (
            answer.scenario.clone(),
            (*answer.results).clone(),
            answer.link.to_string(),
        ),
        (None, None) => return,
    };
    let detail = leads::event_payload(&scenario, &results, &link, &attribution);
    dispatch_to_host(host, HostEvent::Lead.name(), &json::write_pretty(&detail));
    if data_layer {
        let entry = leads::data_layer_entry(&scenario, &results, &attribution);
        push_to_data_layer(&json::write_pretty(&entry));
    }
}

/// The fields a scenario object names (each top-level key, and each input under
/// `uncertainty`), so that only those are applied; with the problems the reading found,
/// which name their fields too.
fn named_fields(document: &Json, reading: &Reading) -> Vec<FieldName> {
    let Json::Object(members) = document else {
        return Vec::new();
    };
    let mut fields: Vec<FieldName> = Vec::new();
    for (key, value) in members {
        if key == cvc_core::codec::field_reader::UNCERTAINTY {
            if let Json::Object(inputs) = value {
                fields.extend(
                    inputs
                        .iter()
                        .filter_map(|(name, _)| Field::from_name(name))
                        .map(FieldName::Range),
                );
            }
        } else if key == "profit_margin" {
            fields.push(FieldName::Numeric(Field::ProfitMargin));
        } else {
            fields.extend(field_of_key(key));
        }
    }
    // A document-wide problem (an `uncertainty` that is not an object) is said too.
    if reading
        .problems
        .iter()
        .any(|problem| problem.field == FieldName::Document)
    {
        fields.push(FieldName::Document);
    }
    fields
}
