//! What an embedded calculator tells the page that embeds it: the `customer-value:ready`
//! and `customer-value:change` events, their `detail`, and the optional `dataLayer` entry.
//! Pure, so the payload is tested natively against the command-line tool's own output; the
//! embed dispatches them (`crates/embed`). The iframe's own message to its parent, its
//! height, and where such messages go ([`parent_origin`]) are here too.
//!
//! ```json
//! {
//!   "version": 1,
//!   "scenario": { …the scenario file, as the command-line tool reads it… },
//!   "results": { "yearly_cost_of_poor_service": 240000, "npv_gain": 512000, "…": "…",
//!                "null_reasons": { "yearly_revenue_lost": "no_profit_margin" } },
//!   "link": "https://calc.example/?lifetime_profit=45000&currency=ILS&lang=he"
//! }
//! ```
//!
//! The shape is kept stable: a new field is an addition, and any change to an existing one
//! raises [`VERSION`]. Nothing the visitor types into a name field is ever in it (saved
//! scenarios' names stay in the browser): only the business figures and the link to them.

use crate::codec::json::Json;
use crate::codec::scenario_file;
use cvc_model::{Figure, Results, Scenario};

/// The version of the payload's shape.
pub const VERSION: u32 = 1;

/// The events, by their DOM event type (also the `type` of the iframe's message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// Once, when the calculator shows its first answer.
    Ready,
    /// After each edit, once typing pauses (the same pause as the address bar's).
    Change,
    /// A visitor's lead was delivered (`crate::leads`): the figures and where the visitor
    /// came from, never the contact.
    Lead,
}

impl HostEvent {
    pub fn name(self) -> &'static str {
        match self {
            HostEvent::Ready => "customer-value:ready",
            HostEvent::Change => "customer-value:change",
            HostEvent::Lead => "customer-value:lead",
        }
    }
}

/// The name of the `dataLayer` event pushed on each change, when the host opts in.
pub const DATA_LAYER_EVENT: &str = "customer_value_change";

/// The host's attribute (and the element's property) that holds `dataLayer` entries until
/// the visitor consents to analytics: `consent="denied"` holds them, `"granted"` lets them
/// go (the current state once, then one per change). A container's is `data-consent`.
/// Events to the host page itself are not analytics and are never held.
pub const CONSENT_ATTRIBUTE: &str = "consent";

/// Whether analytics may hear, by the host's `consent` attribute: no attribute is a host
/// that asks no consent (granted); `"granted"` and `"denied"` say so; anything else is
/// taken as denied, and `Err` says the value was not one of the two.
pub fn analytics_consent(value: Option<&str>) -> Result<bool, bool> {
    match value.map(|value| value.trim().to_ascii_lowercase()) {
        None => Ok(true),
        Some(value) if value == "granted" => Ok(true),
        Some(value) if value == "denied" => Ok(false),
        Some(_) => Err(false),
    }
}

fn figure(value: Figure) -> Json {
    match value {
        Figure::Value(value) => Json::Number(value),
        Figure::Missing(_) => Json::Null,
    }
}

/// The results, with the command-line tool's names: every figure of the closed form and
/// the projection (`null` where the model gives none), the two word-of-mouth factors, and
/// why each `null` is one. The yearly rows and the charts' data are left out.
pub fn results_json(results: &Results) -> Json {
    let customer = &results.customer;
    let mut members = vec![
        (
            "word_of_mouth_now".to_string(),
            Json::Number(customer.word_of_mouth_now),
        ),
        (
            "word_of_mouth_invest".to_string(),
            Json::Number(customer.word_of_mouth_invest),
        ),
    ];
    members.extend(
        results
            .named_figures()
            .into_iter()
            .map(|(name, value)| (name.to_string(), figure(value))),
    );
    let mut reasons = results.missing();
    reasons.sort_by_key(|(name, _)| *name);
    members.push((
        "null_reasons".to_string(),
        Json::Object(
            reasons
                .into_iter()
                .map(|(name, why)| (name.to_string(), Json::String(why.name().into())))
                .collect(),
        ),
    ));
    Json::Object(members)
}

/// An event's `detail`: the scenario as the command-line tool reads it, its results, and
/// the link to it.
pub fn payload(scenario: &Scenario, results: &Results, link: &str) -> Json {
    Json::Object(vec![
        ("version".into(), Json::Number(f64::from(VERSION))),
        ("scenario".into(), scenario_file::to_json(scenario)),
        ("results".into(), results_json(results)),
        ("link".into(), Json::String(link.into())),
    ])
}

/// The entry pushed to the host's `window.dataLayer` on each change, for analytics: the
/// event's name and the headline figures, flat, as tag managers read them.
pub fn data_layer_entry(scenario: &Scenario, results: &Results) -> Json {
    let customer = &results.customer;
    let projection = &results.projection;
    Json::Object(vec![
        ("event".into(), Json::String(DATA_LAYER_EVENT.into())),
        ("currency".into(), Json::String(scenario.currency.clone())),
        (
            "yearly_cost_of_poor_service".into(),
            figure(customer.yearly_cost_of_poor_service),
        ),
        (
            "unhappy_customer_cost".into(),
            figure(customer.unhappy_customer_cost),
        ),
        (
            "service_budget_per_year".into(),
            Json::Number(scenario.service_budget_per_year),
        ),
        ("npv_gain".into(), figure(projection.npv_gain)),
        ("roi".into(), figure(projection.roi)),
        ("payback_month".into(), figure(projection.payback_month)),
    ])
}

/// What `web/frame.js` (the host page's side of the iframe) must know of these messages,
/// written into it by the build so that it keeps no copy of a name: the events' types,
/// the height message's, the payload's version, and the `dataLayer` entry's shape (its
/// event's name, its text key, and its figures, each a finite number or `null`), from
/// which it builds each entry afresh rather than pushing what a frame sent. (Lead
/// capture's own facts, `crate::leads::frame_facts`, are added beside these by the build.)
pub fn frame_facts() -> Json {
    let strings = |items: Vec<&str>| {
        Json::Array(
            items
                .into_iter()
                .map(|item| Json::String(item.into()))
                .collect(),
        )
    };
    let scenario = cvc_model::ValidScenario::default();
    let entry = data_layer_entry(&scenario, &cvc_model::evaluate(&scenario));
    let Json::Object(members) = entry else {
        unreachable!("the entry is an object");
    };
    let figures: Vec<&str> = members
        .iter()
        .filter(|(_, value)| matches!(value, Json::Number(_) | Json::Null))
        .map(|(name, _)| name.as_str())
        .collect();
    Json::Object(vec![
        (
            "events".into(),
            strings(vec![
                HostEvent::Ready.name(),
                HostEvent::Change.name(),
                HostEvent::Lead.name(),
            ]),
        ),
        ("height".into(), Json::String(HEIGHT_MESSAGE.into())),
        ("version".into(), Json::Number(f64::from(VERSION))),
        (
            "data_layer".into(),
            Json::Object(vec![
                ("event".into(), Json::String(DATA_LAYER_EVENT.into())),
                ("currency".into(), Json::String("currency".into())),
                ("figures".into(), strings(figures)),
            ]),
        ),
        ("consent".into(), Json::String(CONSENT_ATTRIBUTE.into())),
    ])
}

/// The message an embedded iframe posts to its parent: `{"type": …, …the payload}`, and
/// the `dataLayer` entry under `data_layer` when the frame's link asks for one, for the
/// parent's listener to push.
pub fn frame_message(event: HostEvent, payload: Json, data_layer: Option<Json>) -> Json {
    let mut members = vec![("type".to_string(), Json::String(event.name().into()))];
    if let Json::Object(fields) = payload {
        members.extend(fields);
    }
    if let Some(entry) = data_layer {
        members.push(("data_layer".into(), entry));
    }
    Json::Object(members)
}

/// The `type` of the message an embedded calculator posts to its parent page with its
/// content height: `{"type": "customer-value:height", "height": 812}`.
pub const HEIGHT_MESSAGE: &str = "customer-value:height";

/// Where an iframe posts its height: the embedding page's origin when the browser says it
/// (the referrer), else any origin, since a height tells nothing private.
pub fn parent_origin(referrer: &str) -> String {
    let origin = referrer
        .split_once("://")
        .map(|(scheme, rest)| (scheme, rest.split(['/', '?', '#']).next().unwrap_or("")));
    match origin {
        Some((scheme @ ("http" | "https"), host)) if !host.is_empty() => {
            format!("{scheme}://{host}")
        }
        _ => "*".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json;
    use cvc_model::{evaluate, ValidScenario};

    #[test]
    fn analytics_wait_for_consent_only_where_the_host_asks_for_it() {
        assert_eq!(analytics_consent(None), Ok(true));
        assert_eq!(analytics_consent(Some("granted")), Ok(true));
        assert_eq!(analytics_consent(Some(" Denied ")), Ok(false));
        assert_eq!(
            analytics_consent(Some("yes")),
            Err(false),
            "an unknown value holds them"
        );
        assert_eq!(analytics_consent(Some("")), Err(false));
    }

    #[test]
    fn the_payload_carries_the_scenario_the_results_and_the_link() {
        let scenario = ValidScenario::default();
        let results = evaluate(&scenario);
        let payload = payload(&scenario, &results, "https://calc.example/?lang=he");
        assert_eq!(payload.get("version"), Some(&Json::Number(1.0)));
        assert_eq!(
            payload.get("link"),
            Some(&Json::String("https://calc.example/?lang=he".into()))
        );
        let written = json::write_pretty(payload.get("scenario").expect("a scenario"));
        let read = scenario_file::read(&written).expect("the CLI's file");
        assert_eq!(read.scenario, scenario);
        let npv_gain = payload
            .get("results")
            .and_then(|results| results.get("npv_gain"));
        assert_eq!(
            npv_gain,
            Some(&Json::Number(
                results.projection.npv_gain.value().expect("a gain")
            ))
        );
    }

    #[test]
    fn a_missing_figure_is_null_with_its_reason() {
        let scenario = ValidScenario::default();
        let results = evaluate(&scenario);
        let written = results_json(&results);
        // The default scenario gives no profit margin, so no revenue.
        assert_eq!(written.get("yearly_revenue_lost"), Some(&Json::Null));
        assert_eq!(
            written
                .get("null_reasons")
                .and_then(|reasons| reasons.get("yearly_revenue_lost")),
            Some(&Json::String("no_profit_margin".into()))
        );
    }

    #[test]
    fn the_data_layer_entry_is_business_figures_only() {
        let scenario = ValidScenario::default();
        let entry = data_layer_entry(&scenario, &evaluate(&scenario));
        let Json::Object(members) = &entry else {
            panic!("an object");
        };
        let names: Vec<&str> = members.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "event",
                "currency",
                "yearly_cost_of_poor_service",
                "unhappy_customer_cost",
                "service_budget_per_year",
                "npv_gain",
                "roi",
                "payback_month"
            ]
        );
        assert_eq!(
            entry.get("event"),
            Some(&Json::String("customer_value_change".into()))
        );
    }

    /// frame.js rebuilds the entry from these facts: every key of the entry is either the
    /// event, the currency or a figure.
    #[test]
    fn the_frame_facts_describe_every_key_of_the_data_layer_entry() {
        let scenario = ValidScenario::default();
        let Json::Object(members) = data_layer_entry(&scenario, &evaluate(&scenario)) else {
            panic!("an object");
        };
        let facts = frame_facts();
        let figures = facts
            .get("data_layer")
            .and_then(|shape| shape.get("figures"))
            .cloned();
        let Some(Json::Array(figures)) = figures else {
            panic!("figures");
        };
        assert_eq!(figures.len() + 2, members.len());
        assert!(figures.contains(&Json::String("npv_gain".into())));
        assert!(!figures.contains(&Json::String("currency".into())));
    }

    #[test]
    fn the_frame_message_is_the_payload_with_its_type() {
        let scenario = ValidScenario::default();
        let results = evaluate(&scenario);
        let message = frame_message(
            HostEvent::Change,
            payload(&scenario, &results, "https://x.example/"),
            None,
        );
        assert_eq!(
            message.get("type"),
            Some(&Json::String("customer-value:change".into()))
        );
        assert!(message.get("results").is_some() && message.get("data_layer").is_none());
        let with_entry = frame_message(
            HostEvent::Ready,
            payload(&scenario, &results, "https://x.example/"),
            Some(data_layer_entry(&scenario, &results)),
        );
        assert!(with_entry.get("data_layer").is_some());
    }

    #[test]
    fn the_height_goes_to_the_embedding_origin() {
        assert_eq!(
            parent_origin("https://consultant.example/page?x=1"),
            "https://consultant.example"
        );
        assert_eq!(
            parent_origin("http://localhost:8080/"),
            "http://localhost:8080"
        );
        assert_eq!(parent_origin(""), "*");
        assert_eq!(parent_origin("file:///tmp/a.html"), "*");
    }
}
