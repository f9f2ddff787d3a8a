//! A lead: a visitor who calculated asks the consultant to be in touch. What the capture
//! form checks (a name, an email address or a phone number, a message of a sensible
//! length, the consent), what is sent (the contact, a record of the consent as it was
//! shown, the scenario with its results by the command-line tool's names, the share link,
//! and where the visitor came from), what the host page hears of it (the same figures,
//! never the contact), and the hidden fields a consultant's own form is filled with. Pure,
//! so it is tested natively; the embed shows the form and sends it (`crates/extras`,
//! `crates/browser`).
//!
//! ```json
//! {"version": 1, "id": "3f1c…32 hex digits",
//!  "contact": {"name": "Dana", "email": "dana@example.com", "phone": null, "message": ""},
//!  "consent": {"text": "…as shown…", "language": "he", "at": "2026-12-06T10:00:00Z",
//!              "page": "https://consultant.example/calculator", "marketing": false,
//!              "marketing_text": "…as shown…"},
//!  "scenario": { …the scenario file… }, "results": { …the command-line tool's names… },
//!  "link": "https://calc.example/?lifetime_profit=45000&lang=he",
//!  "attribution": {"utm_source": "newsletter", "referrer": "https://…", "variant": "B"},
//!  "elapsed_ms": 41230}
//! ```
//!
//! The shape is versioned as the events are: a new field is an addition; a change to one
//! raises [`VERSION`]. `id` is one lead's: sent again after a timeout or a refusal, the
//! same lead carries the same id, so a receiver that kept the first copy can drop the
//! second ([`lead_id`]).

use crate::codec::json::Json;
use crate::codec::scenario_file;
use crate::host_events::results_json;
use crate::words::{strip_format_characters, Language};
use cvc_model::{Results, Scenario};

/// The version of the lead's shape.
pub const VERSION: u32 = 1;

/// The `dataLayer` event's name of a delivered lead (its DOM event is
/// `crate::host_events::HostEvent::Lead`).
pub const DATA_LAYER_LEAD_EVENT: &str = "customer_value_lead";

/// The messages between a framed calculator and `frame.js` in the page that frames it:
/// the page hands the frame its lead set-up (`data-lead-*` of the `<iframe>`) ...
pub const SETUP_MESSAGE: &str = "customer-value:lead-setup";
/// ... the frame asks the page to post a lead to its endpoint (the frame's own policy
/// reaches only the calculator's origin; the page's is the host's to set) ...
pub const SEND_MESSAGE: &str = "customer-value:lead-send";
/// ... the page answers with the endpoint's status (0: not reached) ...
pub const RESULT_MESSAGE: &str = "customer-value:lead-result";
/// ... and the frame hands the page the hidden fields for its own form, as they change.
pub const FIELDS_MESSAGE: &str = "customer-value:lead-fields";
/// A page whose `frame.js` loaded after its frame asks the frame to speak (its height),
/// so that it can hand it the set-up; the message carries nothing.
pub const HELLO_MESSAGE: &str = "customer-value:lead-hello";

/// What the page hands the capture form when its set-up is the page's own `<meta>` tags
/// (the calculator's own page, built with `CVC_LEAD_ENDPOINT`): the form reads them itself,
/// so that the page's wasm carries no reader of a set-up.
pub const PAGE_SETUP: &str = "page";

/// What `web/frame.js` must know of lead capture, written in by the build: the messages'
/// types, the iframe's attributes that set it up (`data-` and the element's names), the
/// hidden fields' prefix, and the limits it keeps to.
pub fn frame_facts() -> Json {
    let strings = |items: Vec<String>| Json::Array(items.into_iter().map(Json::String).collect());
    Json::Object(vec![
        ("setup".into(), text(SETUP_MESSAGE)),
        ("send".into(), text(SEND_MESSAGE)),
        ("result".into(), text(RESULT_MESSAGE)),
        ("fields".into(), text(FIELDS_MESSAGE)),
        ("hello".into(), text(HELLO_MESSAGE)),
        ("attributes".into(), strings(element_attributes())),
        ("form".into(), text(FORM)),
        ("endpoint".into(), text(ENDPOINT)),
        ("prefix".into(), text(FIELD_PREFIX)),
        (
            "utm".into(),
            strings(UTM_KEYS.iter().map(|key| key.to_string()).collect()),
        ),
        ("max_body".into(), Json::Number(MAX_BODY as f64)),
        ("data_layer_event".into(), text(DATA_LAYER_LEAD_EVENT)),
        ("variant".into(), text("variant")),
        ("page_meta_prefix".into(), text(PAGE_META_PREFIX)),
    ])
}

/// What the `<meta>` tags of the calculator's own page that set lead capture up are named
/// before the attribute each stands for: `cvc-lead-endpoint` is `lead-endpoint`
/// (scripts/post-build/leads.mjs writes them from the build's environment).
pub const PAGE_META_PREFIX: &str = "cvc-";

/// The largest lead a page posts or a receiver takes, in bytes: a lead is a few
/// kilobytes; the consent texts and the message are bounded.
pub const MAX_BODY: usize = 64 * 1024;

/// The names of the hidden fields a consultant's own form is given start with this.
pub const FIELD_PREFIX: &str = "cv_";

/// The `utm_*` parameters kept from the host page's address.
pub const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
];

/// Most characters kept of a name, a message, an attribution value.
pub const MAX_NAME: usize = 100;
pub const MAX_MESSAGE: usize = 2000;
pub const MAX_ATTRIBUTION: usize = 200;
pub const MAX_CONSENT: usize = 1000;

/// A form filled faster than this is a bot's (a person reads the answer first).
pub const MIN_FILL_MS: f64 = 3_000.0;

/// The host's attributes for lead capture, on the `<customer-value-calculator>` element;
/// a container's are the same with `data-` before them. They are read from the host only,
/// never from a link: a link anyone can write must not send a visitor's contact anywhere.
pub const FORM: &str = "lead-form";
pub const ENDPOINT: &str = "lead-endpoint";
pub const CONSENT: &str = "lead-consent";
pub const MARKETING: &str = "lead-marketing";
pub const VARIANT: &str = "variant";

/// Every lead attribute of the element: the four above, the consent texts per language
/// (`lead-consent-he`, which wins over `lead-consent` in Hebrew), and the variant.
pub fn element_attributes() -> Vec<String> {
    let mut names = vec![FORM.to_string(), ENDPOINT.to_string()];
    for base in [CONSENT, MARKETING] {
        names.push(base.to_string());
        names.extend(
            Language::ALL
                .iter()
                .map(|language| format!("{base}-{}", language.tag())),
        );
    }
    names.push(VARIANT.to_string());
    names
}

/// Whether a key read from an embed's attributes (`lead_endpoint`, `variant`) is one of
/// lead capture's, which the scenario's reader passes over.
pub fn is_lead_key(key: &str) -> bool {
    element_attributes()
        .iter()
        .any(|name| name.replace('-', "_") == key)
}

/// Whether an attribute of a host (an element's, or a container's with `data-`) is one of
/// its settings beside the scenario (lead capture's, or the analytics consent), which the
/// scenario's reader is not given.
pub fn is_host_setting(attribute: &str) -> bool {
    let name = attribute.to_ascii_lowercase();
    let bare = name.strip_prefix("data-").unwrap_or(&name);
    bare == crate::host_events::CONSENT_ATTRIBUTE || is_lead_key(&bare.replace('-', "_"))
}

/// What a selector may be: no longer than this, and with no character a selector does not
/// need (the browser's `querySelectorAll` judges the rest).
const MAX_SELECTOR: usize = 200;

/// How the host set lead capture up, read from its attributes.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LeadSetup {
    /// A form of the host page whose hidden fields the figures fill (`lead-form`).
    pub form: Option<String>,
    /// Where the capture form posts (`lead-endpoint`), when it may.
    pub endpoint: Option<String>,
    /// The consent texts the host set: for every language (`""`), or for one (its code).
    pub consent: Vec<(String, String)>,
    pub marketing: Vec<(String, String)>,
    pub variant: Option<String>,
    /// The attributes that were set but cannot be used, for the host's developer.
    pub refused: Vec<&'static str>,
}

impl LeadSetup {
    /// Reads lead capture's attributes from (name, value) pairs as the page has them: the
    /// element's names, or a container's with `data-` before them.
    pub fn from_attributes(attributes: &[(String, String)]) -> LeadSetup {
        let mut setup = LeadSetup::default();
        for (name, value) in attributes {
            let name = name.to_ascii_lowercase();
            let name = name.strip_prefix("data-").unwrap_or(&name);
            let value = value.trim();
            match name {
                FORM => match selector(value) {
                    Some(selector) => setup.form = Some(selector),
                    None => setup.refused.push(FORM),
                },
                ENDPOINT => {
                    if endpoint_allowed(value) && value.len() <= 2000 {
                        setup.endpoint = Some(value.to_string());
                    } else {
                        setup.refused.push(ENDPOINT);
                    }
                }
                VARIANT => setup.variant = Some(kept(value, MAX_VARIANT)).filter(|v| !v.is_empty()),
                other => {
                    for (base, texts) in [
                        (CONSENT, &mut setup.consent),
                        (MARKETING, &mut setup.marketing),
                    ] {
                        let Some(rest) = other.strip_prefix(base) else {
                            continue;
                        };
                        let code = match rest.strip_prefix('-') {
                            Some(code) if Language::ALL.iter().any(|l| l.tag() == code) => code,
                            None if rest.is_empty() => "",
                            _ => continue,
                        };
                        let text = kept(value, MAX_CONSENT);
                        if !text.is_empty() {
                            texts.push((code.to_string(), text));
                        }
                    }
                }
            }
        }
        setup
    }

    /// Whether the host asked for anything: a capture form or its own form filled.
    pub fn is_on(&self) -> bool {
        self.form.is_some() || self.endpoint.is_some()
    }

    /// The required consent's text in `language`: the host's for that language, else the
    /// host's for all, else the calculator's own.
    pub fn consent_text(&self, language: Language) -> String {
        pick_text(&self.consent, language)
            .unwrap_or_else(|| language.lead_texts().consent.to_string())
    }

    /// The marketing consent's text, chosen the same way.
    pub fn marketing_text(&self, language: Language) -> String {
        pick_text(&self.marketing, language)
            .unwrap_or_else(|| language.lead_texts().marketing.to_string())
    }
}

fn pick_text(texts: &[(String, String)], language: Language) -> Option<String> {
    let find = |code: &str| {
        texts
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, text)| text.clone())
    };
    find(language.tag()).or_else(|| find(""))
}

/// A selector as the host wrote it, or `None` when it is empty, too long, or holds
/// characters no selector of a form needs (markup, quotes, line breaks).
fn selector(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= MAX_SELECTOR
        && !value
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>' | '{' | '}' | ';' | '\\'));
    ok.then(|| value.to_string())
}

/// Most characters kept of a variant.
pub const MAX_VARIANT: usize = 40;

/// What the capture form is drawn with: the host's set-up, the host page's address and
/// where the visitor came from, and whether it sends through the page that frames it
/// (an iframe, whose own policy reaches only the calculator's origin). It crosses from
/// the page to the lead chunk as a query (`to_query`, `from_query`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Capture {
    pub setup: LeadSetup,
    /// The host page's origin and path (not its query or fragment): the consent record's
    /// page.
    pub page: String,
    pub attribution: Attribution,
    pub relay: bool,
}

const Q_ENDPOINT: &str = "endpoint";
const Q_CONSENT: &str = "consent";
const Q_MARKETING: &str = "marketing";
const Q_VARIANT: &str = "variant";
const Q_PAGE: &str = "page";
const Q_REFERRER: &str = "referrer";
const Q_RELAY: &str = "relay";

impl Capture {
    /// The capture as a query: `endpoint=…&consent=…&consent-he=…&page=…&utm_source=…`.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, &str)> = Vec::new();
        if let Some(endpoint) = &self.setup.endpoint {
            pairs.push((Q_ENDPOINT.into(), endpoint));
        }
        for (key, texts) in [
            (Q_CONSENT, &self.setup.consent),
            (Q_MARKETING, &self.setup.marketing),
        ] {
            for (code, text) in texts {
                let key = if code.is_empty() {
                    key.to_string()
                } else {
                    format!("{key}-{code}")
                };
                pairs.push((key, text));
            }
        }
        if let Some(variant) = &self.setup.variant {
            pairs.push((Q_VARIANT.into(), variant));
        }
        pairs.push((Q_PAGE.into(), &self.page));
        pairs.push((Q_REFERRER.into(), &self.attribution.referrer));
        for (key, value) in &self.attribution.utm {
            pairs.push((key.clone(), value));
        }
        if self.relay {
            pairs.push((Q_RELAY.into(), "1"));
        }
        let mut query = String::new();
        for (key, value) in pairs {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&key);
            query.push('=');
            crate::codec::link::percent_encoded(value, &mut query);
        }
        query
    }

    /// Reads a query [`Capture::to_query`] wrote; what does not belong is passed over, and
    /// an endpoint that may not be given a lead is dropped.
    pub fn from_query(query: &str) -> Capture {
        let mut capture = Capture::default();
        for part in query.split('&') {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = crate::codec::link::percent_decoded(value).unwrap_or_default();
            match key {
                Q_ENDPOINT if endpoint_allowed(&value) => capture.setup.endpoint = Some(value),
                Q_VARIANT => capture.setup.variant = Some(kept(&value, MAX_VARIANT)),
                Q_PAGE => capture.page = kept(&value, 2000),
                Q_REFERRER => capture.attribution.referrer = kept(&value, MAX_ATTRIBUTION * 2),
                Q_RELAY => capture.relay = value == "1",
                key if UTM_KEYS.contains(&key) => {
                    capture
                        .attribution
                        .utm
                        .push((key.to_string(), kept(&value, MAX_ATTRIBUTION)));
                }
                key => {
                    for (base, texts) in [
                        (Q_CONSENT, &mut capture.setup.consent),
                        (Q_MARKETING, &mut capture.setup.marketing),
                    ] {
                        let code = match key.strip_prefix(base) {
                            Some("") => "",
                            Some(rest) => match rest.strip_prefix('-') {
                                Some(code) => code,
                                None => continue,
                            },
                            None => continue,
                        };
                        texts.push((code.to_string(), kept(&value, MAX_CONSENT)));
                    }
                }
            }
        }
        capture.attribution.variant = capture.setup.variant.clone();
        capture
    }
}

/// Where a tab keeps what the visitor typed into the capture form until it is delivered
/// (`sessionStorage`: for the tab, and gone when it closes), one draft per receiver: see
/// [`draft_key`].
pub const DRAFT_KEY: &str = "customer-value-calculator.lead-draft";

/// The draft's key for the capture form that sends to `endpoint` (none: a set-up without
/// an endpoint of its own, whose lead the page hands on). Two calculators
/// on one page with different receivers keep a draft each, so that what a visitor typed
/// for one is never offered, and sent, to the other.
pub fn draft_key(endpoint: Option<&str>) -> String {
    match endpoint {
        Some(endpoint) => format!("{DRAFT_KEY}:{}", endpoint.trim()),
        None => DRAFT_KEY.to_string(),
    }
}

/// What the visitor typed into the capture form, kept until it is delivered. The consent
/// boxes are not kept: each sending asks for them afresh.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Draft {
    pub name: String,
    pub reach: String,
    pub message: String,
}

impl Draft {
    pub fn to_json(&self) -> String {
        crate::codec::json::write_pretty(&Json::Object(vec![
            ("name".into(), text(&self.name)),
            ("reach".into(), text(&self.reach)),
            ("message".into(), text(&self.message)),
        ]))
    }

    /// A kept draft; anything damaged, or not a draft, is an empty one (nothing typed is
    /// lost that was not already lost).
    pub fn from_json(kept_text: &str) -> Draft {
        let Ok(document) = crate::codec::json::parse(kept_text) else {
            return Draft::default();
        };
        let field = |key: &str, most: usize| match document.get(key) {
            Some(Json::String(value)) => value.chars().take(most).collect(),
            _ => String::new(),
        };
        Draft {
            name: field("name", MAX_NAME * 2),
            reach: field("reach", 300),
            message: field("message", MAX_MESSAGE * 2),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.reach.is_empty() && self.message.is_empty()
    }
}

/// How a delivery went: the receiver's answer decides, and only a 2xx is delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Delivered,
    /// The receiver answered with this status.
    Refused(u16),
    /// Nothing answered: offline, refused by the browser (CORS, the page's policy), or
    /// timed out.
    Unreachable,
}

impl Delivery {
    /// From a receiver's status (0 when nothing answered).
    pub fn of_status(status: u16) -> Delivery {
        match status {
            0 => Delivery::Unreachable,
            200..=299 => Delivery::Delivered,
            other => Delivery::Refused(other),
        }
    }
}

/// How a visitor may be reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reach {
    Email(String),
    Phone(String),
}

/// What the capture form checks, field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NameMissing,
    NameTooLong,
    ReachMissing,
    /// Neither an email address nor a phone number.
    ReachInvalid,
    MessageTooLong,
    /// The required consent was not given: nothing is sent.
    NoConsent,
}

/// The contact a visitor gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub reach: Reach,
    pub message: String,
}

/// An email address: something, `@`, a domain with a dot, no spaces; or `None`.
pub fn email(text: &str) -> Option<String> {
    let text = text.trim();
    let (local, domain) = text.split_once('@')?;
    let ok = !local.is_empty()
        && local.len() <= 64
        && domain.len() <= 253
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';')
        })
        && !domain.contains('@');
    ok.then(|| text.to_string())
}

/// A phone number: 7 to 15 digits, with spaces, dashes, dots, brackets and a leading `+`.
pub fn phone(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let ok = (7..=15).contains(&digits)
        && text.chars().enumerate().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0)
        });
    ok.then(|| text.to_string())
}

/// Checks what a visitor typed; every problem, so the form can say each beside its field.
pub fn check(
    name: &str,
    reach: &str,
    message: &str,
    consent: bool,
) -> Result<Contact, Vec<Problem>> {
    let name = strip_format_characters(name).trim().to_string();
    let message = strip_format_characters(message).trim().to_string();
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(Problem::NameMissing);
    } else if name.chars().count() > MAX_NAME {
        problems.push(Problem::NameTooLong);
    }
    let reach = if reach.trim().is_empty() {
        problems.push(Problem::ReachMissing);
        None
    } else {
        let found = email(reach)
            .map(Reach::Email)
            .or_else(|| phone(reach).map(Reach::Phone));
        if found.is_none() {
            problems.push(Problem::ReachInvalid);
        }
        found
    };
    if message.chars().count() > MAX_MESSAGE {
        problems.push(Problem::MessageTooLong);
    }
    if !consent {
        problems.push(Problem::NoConsent);
    }
    match (problems.is_empty(), reach) {
        (true, Some(reach)) => Ok(Contact {
            name,
            reach,
            message,
        }),
        _ => Err(problems),
    }
}

/// The record of the consent as it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    /// The exact text the visitor ticked.
    pub text: String,
    pub language: String,
    /// When, as RFC 3339 in UTC.
    pub at: String,
    /// The page's origin and path (not its query or fragment).
    pub page: String,
    /// Whether the separate, unticked box for marketing was ticked, and its text.
    pub marketing: bool,
    pub marketing_text: String,
}

/// Where the visitor came from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Attribution {
    pub utm: Vec<(String, String)>,
    pub referrer: String,
    /// The host's `variant` attribute, to compare two set-ups.
    pub variant: Option<String>,
}

/// Text from outside, kept short and without direction controls.
fn kept(text: &str, most: usize) -> String {
    strip_format_characters(text)
        .trim()
        .chars()
        .take(most)
        .collect()
}

/// Attribution from the host page's query string (`utm_*`), its referrer, and the host's
/// variant.
pub fn attribution(query: &str, referrer: &str, variant: Option<&str>) -> Attribution {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut utm = Vec::new();
    for part in query.split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        if UTM_KEYS.contains(&key) && !utm.iter().any(|(seen, _): &(String, String)| seen == key) {
            let value = crate::codec::link::percent_decoded(value).unwrap_or_default();
            let value = kept(&value, MAX_ATTRIBUTION);
            if !value.is_empty() {
                utm.push((key.to_string(), value));
            }
        }
    }
    Attribution {
        utm,
        referrer: kept(referrer, MAX_ATTRIBUTION * 2),
        variant: variant
            .map(|variant| kept(variant, 40))
            .filter(|variant| !variant.is_empty()),
    }
}

fn text(value: &str) -> Json {
    Json::String(value.to_string())
}

fn attribution_json(attribution: &Attribution) -> Json {
    let mut members: Vec<(String, Json)> = attribution
        .utm
        .iter()
        .map(|(key, value)| (key.clone(), text(value)))
        .collect();
    members.push(("referrer".into(), text(&attribution.referrer)));
    members.push((
        "variant".into(),
        attribution.variant.as_deref().map_or(Json::Null, text),
    ));
    Json::Object(members)
}

/// A lead's id, from random bytes: lowercase hex.
pub fn lead_id(random: &[u8]) -> String {
    // By hand rather than through `format!`, whose hex machinery the lead chunk would carry.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    random
        .iter()
        .flat_map(|byte| [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]])
        .map(char::from)
        .collect()
}

/// What is sent to the consultant's endpoint.
#[allow(clippy::too_many_arguments)]
pub fn payload(
    id: &str,
    contact: &Contact,
    consent: &Consent,
    scenario: &Scenario,
    results: &Results,
    link: &str,
    attribution: &Attribution,
    elapsed_ms: f64,
) -> Json {
    let (email, phone) = match &contact.reach {
        Reach::Email(email) => (text(email), Json::Null),
        Reach::Phone(phone) => (Json::Null, text(phone)),
    };
    Json::Object(vec![
        ("version".into(), Json::Number(f64::from(VERSION))),
        ("id".into(), text(id)),
        (
            "contact".into(),
            Json::Object(vec![
                ("name".into(), text(&contact.name)),
                ("email".into(), email),
                ("phone".into(), phone),
                ("message".into(), text(&contact.message)),
            ]),
        ),
        (
            "consent".into(),
            Json::Object(vec![
                ("text".into(), text(&consent.text)),
                ("language".into(), text(&consent.language)),
                ("at".into(), text(&consent.at)),
                ("page".into(), text(&consent.page)),
                ("marketing".into(), Json::Bool(consent.marketing)),
                ("marketing_text".into(), text(&consent.marketing_text)),
            ]),
        ),
        ("scenario".into(), scenario_file::to_json(scenario)),
        ("results".into(), results_json(results)),
        ("link".into(), text(link)),
        ("attribution".into(), attribution_json(attribution)),
        (
            "elapsed_ms".into(),
            Json::Number(elapsed_ms.max(0.0).round()),
        ),
    ])
}

/// What the host page hears of a lead (`customer-value:lead`): the figures and where the
/// visitor came from, never the contact.
pub fn event_payload(
    scenario: &Scenario,
    results: &Results,
    link: &str,
    attribution: &Attribution,
) -> Json {
    Json::Object(vec![
        ("version".into(), Json::Number(f64::from(VERSION))),
        ("scenario".into(), scenario_file::to_json(scenario)),
        ("results".into(), results_json(results)),
        ("link".into(), text(link)),
        ("attribution".into(), attribution_json(attribution)),
    ])
}

/// The `dataLayer` entry of a lead, for tag managers to count conversions: the event's
/// name, the variant, and the headline figures (as the change's entry has them).
pub fn data_layer_entry(scenario: &Scenario, results: &Results, attribution: &Attribution) -> Json {
    let mut entry = crate::host_events::data_layer_entry(scenario, results);
    if let Json::Object(members) = &mut entry {
        if let Some((_, event)) = members.iter_mut().find(|(key, _)| key == "event") {
            *event = text(DATA_LAYER_LEAD_EVENT);
        }
        members.push((
            "variant".into(),
            attribution.variant.as_deref().map_or(Json::Null, text),
        ));
    }
    entry
}

/// The hidden fields a consultant's own form gets, kept current as the visitor edits:
/// `cv_` and the command-line tool's name of each headline figure, the link, the language,
/// the variant and the `utm_*` parameters. A figure the model does not give is empty.
pub fn hidden_fields(
    scenario: &Scenario,
    results: &Results,
    link: &str,
    language: &str,
    attribution: &Attribution,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = results
        .named_figures()
        .into_iter()
        .filter(|(name, _)| HIDDEN_FIGURES.contains(name))
        .map(|(name, figure)| {
            (
                format!("{FIELD_PREFIX}{name}"),
                figure
                    .value()
                    .map(crate::codec::decimal::shortest)
                    .unwrap_or_default(),
            )
        })
        .collect();
    fields.push((format!("{FIELD_PREFIX}currency"), scenario.currency.clone()));
    fields.push((format!("{FIELD_PREFIX}link"), link.to_string()));
    fields.push((format!("{FIELD_PREFIX}language"), language.to_string()));
    fields.push((
        format!("{FIELD_PREFIX}variant"),
        attribution.variant.clone().unwrap_or_default(),
    ));
    for key in UTM_KEYS {
        let value = attribution
            .utm
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.clone())
            .unwrap_or_default();
        fields.push((format!("{FIELD_PREFIX}{key}"), value));
    }
    fields
}

/// The figures a consultant's form gets, by the command-line tool's names.
pub const HIDDEN_FIGURES: [&str; 7] = [
    "yearly_cost_of_poor_service",
    "unhappy_customer_cost",
    "npv_gain",
    "roi",
    "payback_month",
    "break_even_budget_per_year",
    "yearly_revenue_lost",
];

/// The host an endpoint posts to, when it is not the page's own (`page` is the page's
/// address): the privacy line names it. `None` for the page's own host, or an endpoint
/// that is not an address.
pub fn receiver_host(endpoint: &str, page: &str) -> Option<String> {
    let host = |url: &str| {
        let rest = url.trim().split_once("://")?.1;
        let authority = rest.split(['/', '?', '#']).next()?;
        let host = authority.rsplit('@').next()?.to_ascii_lowercase();
        (!host.is_empty()).then_some(host)
    };
    let receiver = host(endpoint)?;
    (host(page).as_deref() != Some(receiver.as_str())).then_some(receiver)
}

/// Whether an endpoint may be given the lead: `https:`, or plain `http:` on this computer
/// (for development). The address's own shape is the browser's to check.
pub fn endpoint_allowed(url: &str) -> bool {
    let url = url.trim();
    // A backslash is a slash to the browser's parser (`http://evil.example\\.localhost/` is
    // `evil.example`), and a user name before `@` hides the host: neither is an endpoint's.
    let authority = url.split_once("://").map_or("", |(_, rest)| {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    });
    if url
        .chars()
        .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
        || authority.contains('@')
    {
        return false;
    }
    if let Some(rest) = url.strip_prefix("https://") {
        return !rest.is_empty() && !rest.starts_with('/');
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(host, "localhost" | "127.0.0.1" | "[::1]") || host.ends_with(".localhost")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_receiver_has_its_own_draft() {
        let a = draft_key(Some("https://a.example/leads"));
        let b = draft_key(Some(" https://b.example/leads "));
        assert_ne!(a, b);
        assert_eq!(
            b,
            "customer-value-calculator.lead-draft:https://b.example/leads"
        );
        assert_eq!(draft_key(None), DRAFT_KEY);
    }
    use cvc_model::{evaluate, ValidScenario};

    #[test]
    fn a_visitor_is_reached_by_email_or_phone() {
        assert_eq!(
            email(" dana@example.co.il "),
            Some("dana@example.co.il".into())
        );
        for bad in [
            "dana",
            "dana@",
            "@example.com",
            "dana@example",
            "da na@example.com",
            "a@b.c<script>",
            "a@.com",
        ] {
            assert_eq!(email(bad), None, "{bad}");
        }
        assert_eq!(phone("+972 52-123-4567"), Some("+972 52-123-4567".into()));
        assert_eq!(phone("(03) 123 4567"), Some("(03) 123 4567".into()));
        for bad in ["123", "12345678901234567", "052-123-456a", "5+2 1234567"] {
            assert_eq!(phone(bad), None, "{bad}");
        }
    }

    #[test]
    fn nothing_is_sent_without_the_required_consent_and_each_problem_is_named() {
        assert_eq!(
            check("", "nope", &"x".repeat(3000), false),
            Err(vec![
                Problem::NameMissing,
                Problem::ReachInvalid,
                Problem::MessageTooLong,
                Problem::NoConsent
            ])
        );
        assert_eq!(
            check("Dana", "dana@example.com", "", false),
            Err(vec![Problem::NoConsent])
        );
        let contact = check(" Dana \u{202E}", "052-1234567", " Hi ", true).expect("a contact");
        assert_eq!(contact.name, "Dana");
        assert_eq!(contact.reach, Reach::Phone("052-1234567".into()));
        assert_eq!(contact.message, "Hi");
    }

    #[test]
    fn attribution_keeps_the_utm_parameters_the_referrer_and_the_variant() {
        let found = attribution(
            "?utm_source=newsletter&x=1&utm_campaign=spring%20sale&utm_source=twice&utm_medium=",
            "https://search.example/?q=1",
            Some(" B "),
        );
        assert_eq!(
            found.utm,
            vec![
                ("utm_source".to_string(), "newsletter".to_string()),
                ("utm_campaign".to_string(), "spring sale".to_string())
            ]
        );
        assert_eq!(found.referrer, "https://search.example/?q=1");
        assert_eq!(found.variant.as_deref(), Some("B"));
    }

    #[test]
    fn the_lead_carries_the_tools_figures_and_the_event_never_the_contact() {
        let scenario = ValidScenario::default();
        let results = evaluate(&scenario);
        let contact = check("Dana", "dana@example.com", "Call me", true).expect("a contact");
        let consent = Consent {
            text: "I agree".into(),
            language: "en".into(),
            at: "2026-12-06T10:00:00Z".into(),
            page: "https://consultant.example/".into(),
            marketing: false,
            marketing_text: "News".into(),
        };
        let found = attribution("utm_source=x", "", Some("A"));
        let id = lead_id(&[0xab, 0x01, 0xff]);
        assert_eq!(id, "ab01ff");
        let lead = payload(
            &id,
            &contact,
            &consent,
            &scenario,
            &results,
            "https://calc.example/?lang=en",
            &found,
            12_345.6,
        );
        assert_eq!(
            lead.get("results").and_then(|r| r.get("npv_gain")),
            Some(&Json::Number(
                results.projection.npv_gain.value().expect("a gain")
            ))
        );
        assert_eq!(
            lead.get("contact").and_then(|c| c.get("email")),
            Some(&Json::String("dana@example.com".into()))
        );
        assert_eq!(lead.get("elapsed_ms"), Some(&Json::Number(12_346.0)));
        assert_eq!(lead.get("id"), Some(&Json::String("ab01ff".into())));
        let event = event_payload(&scenario, &results, "https://calc.example/", &found);
        assert!(event.get("contact").is_none());
        let entry = data_layer_entry(&scenario, &results, &found);
        assert_eq!(
            entry.get("event"),
            Some(&Json::String(DATA_LAYER_LEAD_EVENT.into()))
        );
        assert_eq!(entry.get("variant"), Some(&Json::String("A".into())));
        let fields = hidden_fields(&scenario, &results, "https://calc.example/", "he", &found);
        let get = |name: &str| {
            fields
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("cv_language").as_deref(), Some("he"));
        assert_eq!(get("cv_utm_source").as_deref(), Some("x"));
        assert_eq!(
            get("cv_yearly_revenue_lost").as_deref(),
            Some(""),
            "no margin, no figure"
        );
        assert!(get("cv_npv_gain").is_some_and(|gain| !gain.is_empty()));
    }

    #[test]
    fn an_endpoint_is_https_or_this_computer() {
        for good in [
            "https://hooks.zapier.com/hooks/catch/1/abc",
            "http://localhost:3000/leads",
            "http://127.0.0.1/x",
            "http://app.localhost/x",
        ] {
            assert!(endpoint_allowed(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://example.com/",
            "ftp://x",
            "//x",
            "https://",
            "data:,x",
            "HTTPS//x",
        ] {
            assert!(!endpoint_allowed(bad), "{bad}");
        }
    }
    #[test]
    fn the_hosts_set_up_is_read_from_its_attributes_and_crosses_to_the_form_whole() {
        let setup = LeadSetup::from_attributes(&[
            (
                "data-lead-endpoint".into(),
                " https://hooks.example/catch?a=1&b=2 ".into(),
            ),
            ("lead-consent".into(), "I agree \u{202E}".into()),
            ("lead-consent-he".into(), "אני מאשר/ת".into()),
            ("lead-marketing-en".into(), "News, please".into()),
            ("lead-consent-xx".into(), "ignored".into()),
            ("variant".into(), "B".into()),
            ("class".into(), "the host's own".into()),
        ]);
        assert_eq!(
            setup.endpoint.as_deref(),
            Some("https://hooks.example/catch?a=1&b=2")
        );
        assert_eq!(setup.consent_text(Language::Hebrew), "אני מאשר/ת");
        assert_eq!(setup.consent_text(Language::English), "I agree");
        assert_eq!(setup.marketing_text(Language::English), "News, please");
        assert_eq!(
            setup.marketing_text(Language::Hebrew),
            Language::Hebrew.lead_texts().marketing,
            "the calculator's own wording where the host set none"
        );
        assert!(setup.refused.is_empty(), "{:?}", setup.refused);
        let capture = Capture {
            attribution: attribution(
                "?utm_source=news&utm_medium=mail",
                "https://search.example/",
                setup.variant.as_deref(),
            ),
            setup,
            page: "https://consultant.example/calc?x=1".into(),
            relay: true,
        };
        let back = Capture::from_query(&capture.to_query());
        assert_eq!(back, capture, "{}", capture.to_query());
    }

    #[test]
    fn hostile_set_ups_are_refused_and_named() {
        for endpoint in [
            "javascript:alert(1)",
            "http://example.com/x",
            "data:text/html,x",
            "//evil.example/",
        ] {
            let setup = LeadSetup::from_attributes(&[("lead-endpoint".into(), endpoint.into())]);
            assert_eq!(setup.endpoint, None, "{endpoint}");
            assert_eq!(setup.refused, vec![ENDPOINT], "{endpoint}");
            assert!(!setup.is_on());
        }
        for selector in ["", "<script>", "form{color:red}", &"a".repeat(300)] {
            let setup = LeadSetup::from_attributes(&[("lead-form".into(), selector.into())]);
            assert_eq!(setup.form, None, "{selector}");
        }
        // A query that claims an endpoint it may not have drops it.
        assert_eq!(
            Capture::from_query("endpoint=javascript%3Aalert(1)")
                .setup
                .endpoint,
            None
        );
        // A long variant is cut, and direction controls are stripped.
        let setup = LeadSetup::from_attributes(&[(
            "variant".into(),
            format!("\u{202E}{}", "v".repeat(100)),
        )]);
        assert_eq!(setup.variant.as_deref().map(str::len), Some(MAX_VARIANT));
        // A damaged draft is an empty one; a kept one comes back whole.
        assert_eq!(Draft::from_json("{not json"), Draft::default());
        let draft = Draft {
            name: "דנה".into(),
            reach: "052-1234567".into(),
            message: "שלום".into(),
        };
        assert_eq!(Draft::from_json(&draft.to_json()), draft);
        assert_eq!(Delivery::of_status(204), Delivery::Delivered);
        assert_eq!(Delivery::of_status(500), Delivery::Refused(500));
        assert_eq!(Delivery::of_status(0), Delivery::Unreachable);
    }

    #[test]
    fn the_receiver_is_named_only_where_it_is_not_the_page() {
        assert_eq!(
            receiver_host(
                "https://hooks.zapier.com/hooks/catch/1/",
                "https://consultant.example/calc"
            ),
            Some("hooks.zapier.com".into())
        );
        assert_eq!(
            receiver_host(
                "https://consultant.example/wp-json/x",
                "https://Consultant.example/"
            ),
            None
        );
        assert_eq!(
            receiver_host("not an address", "https://consultant.example/"),
            None
        );
    }
}
