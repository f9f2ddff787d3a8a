//! A scenario in a link: pure, so it is tested natively.
//!
//! A link is readable: `?lifetime_profit=45000&currency=ILS&lang=he`. Its keys are
//! model.md's field names, rates are fractions as in the scenario file, and only what
//! differs from the defaults is written, with the currency and the language always.
//! Uncertainty goes as `<field>_range=LOW..HIGH` and `<field>_varies=0|1`, and the number
//! of draws as `monte_carlo_draws`.
//!
//! An embed's attributes are the same keys, read by the same code
//! ([`crate::codec::attributes`]).
//!
//! Reading goes through [`crate::codec::field_reader`], as the scenario file does, so a link, a
//! file and an attribute can never disagree. A malformed, out-of-range, repeated or
//! hostile parameter is refused on its own and the rest applies; nothing read here is ever
//! more than text or a number to the app.

use crate::codec::accent::accent_colour;
use crate::codec::decimal;
use crate::codec::field_reader::{
    field_name_of, looks_like_a_setting, repeated_keys, FieldReader, RangeGiven, Reading,
    COUNT_AFTER_HORIZON, CURRENCY, DRAWS,
};
use crate::presets::Preset;
use crate::words::Language;
use cvc_model::fields::{FieldName, Problem};
use cvc_model::ranges::Uncertainty;
use cvc_model::{Field, Scenario};

/// Keys of the app rather than of the scenario.
pub const LANG: &str = "lang";
pub const EMBED: &str = "embed";
pub const SHOW: &str = "show";
pub const ACCENT: &str = "accent";
pub const PRESET: &str = "preset";
/// An iframe posts its events to the page that embeds it (`events=1`).
pub const EVENTS: &str = "events";
/// Each change is also pushed to the host's `window.dataLayer` (`datalayer=1`; the
/// custom element's attribute is `data-layer`).
pub const DATA_LAYER: &str = "datalayer";
/// A workshop room the visitor is asked to join (`room=ACDEFG`, `cvc_core::room`).
pub const ROOM: &str = "room";

/// The keys of a link that say nothing of the scenario (an example business does).
pub const VIEW_KEYS: [&str; 7] = [LANG, EMBED, SHOW, ACCENT, EVENTS, DATA_LAYER, ROOM];

pub(crate) const RANGE_SUFFIX: &str = "_range";
pub(crate) const VARIES_SUFFIX: &str = "_varies";

/// Longer values than this are refused unread; no field needs more.
const MAX_VALUE: usize = 64;
/// At most this many parameters are read from one link; the rest are ignored.
const MAX_PARAMETERS: usize = 100;

/// How much of the calculator an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Show {
    /// Everything: the inputs, the answers and the charts.
    #[default]
    Full,
    /// The answers only, with a link to the full calculator.
    Headline,
}

/// What a link or an embed says besides the scenario.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct View {
    pub language: Option<Language>,
    /// Shown inside another site's iframe: no page chrome, and the height is posted.
    pub embed: bool,
    pub show: Show,
    /// A CSS colour for the widget's accent, checked by [`accent_colour`].
    pub accent: Option<String>,
    /// An iframe posts its events to the page that embeds it.
    pub events: bool,
    /// Each change is also pushed to the host's `window.dataLayer`.
    pub data_layer: bool,
    /// The code of a workshop room to join, in its one written form.
    pub room: Option<String>,
}

/// A scenario and view read from a link or attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkReading {
    pub reading: Reading,
    pub view: View,
    /// Whether the link said anything about the scenario at all (a link with only `lang`
    /// shows the defaults, and there is nothing to announce).
    pub has_scenario: bool,
}

/// Writes a scenario and its language as a query string, starting with `?`.
pub fn encode(scenario: &Scenario, language: Language) -> String {
    let mut query = String::from("?");
    for (i, (key, value)) in pairs(scenario, language).iter().enumerate() {
        if i > 0 {
            query.push('&');
        }
        percent_encode(key, &mut query);
        query.push('=');
        percent_encode(value, &mut query);
    }
    query
}

/// The named values a link writes for a scenario (and an embed's attributes, with
/// `data-` before each name): every field that differs from the defaults, the
/// uncertainty settings that differ, the currency and the language.
pub fn pairs(scenario: &Scenario, language: Language) -> Vec<(String, String)> {
    let defaults = Scenario::default();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for field in Field::ALL {
        let value = scenario.value(field);
        if value != defaults.value(field) {
            if let Some(value) = value {
                pairs.push((field.name().into(), decimal::shortest(value)));
            }
        }
    }
    if !scenario.count_after_horizon {
        pairs.push((COUNT_AFTER_HORIZON.into(), "false".into()));
    }
    let uncertainty = &scenario.uncertainty;
    let default_uncertainty = Uncertainty::default();
    for field in Field::AFFECTING_GAIN {
        let (Some(input), Some(default)) =
            (uncertainty.input(field), default_uncertainty.input(field))
        else {
            continue;
        };
        if let Some((low, high)) = input.ends {
            pairs.push((
                format!("{}{RANGE_SUFFIX}", field.name()),
                format!("{}..{}", decimal::shortest(low), decimal::shortest(high)),
            ));
        }
        // A range that is set varies unless it says not; otherwise the default says.
        let implied = if input.ends.is_some() {
            true
        } else {
            default.varies
        };
        if input.varies != implied {
            pairs.push((
                format!("{}{VARIES_SUFFIX}", field.name()),
                if input.varies { "1" } else { "0" }.into(),
            ));
        }
    }
    if uncertainty.draws != default_uncertainty.draws {
        pairs.push((DRAWS.into(), uncertainty.draws.to_string()));
    }
    pairs.push((CURRENCY.into(), scenario.currency.clone()));
    pairs.push((LANG.into(), language.tag().into()));
    pairs
}

/// Reads a query string (with or without its `?`).
pub fn decode(query: &str) -> LinkReading {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs = Vec::new();
    let mut broken = Vec::new();
    for part in query
        .split('&')
        .filter(|part| !part.is_empty())
        .take(MAX_PARAMETERS)
    {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match (percent_decode(key), percent_decode(value)) {
            (Some(key), Some(value)) => pairs.push((key, value)),
            // A key that cannot be decoded is reported by its raw start, as text.
            (None, _) => broken.push(key.chars().take(40).collect::<String>()),
            (Some(key), None) => pairs.push((key, String::from("\u{FFFD}"))),
        }
    }
    let mut link = read_pairs(&pairs, Scenario::default());
    for key in broken {
        link.reading.unknown.add(&key);
    }
    link
}

/// Reads named values (from a link or attributes) into a scenario and a view. An embed
/// that names an example business starts from it; other keys override it.
pub fn read_pairs(pairs: &[(String, String)], defaults: Scenario) -> LinkReading {
    let preset = pairs
        .iter()
        .find(|(key, _)| key == PRESET)
        .and_then(|(_, id)| Preset::from_id(id));
    let start = preset.map_or(defaults, Preset::scenario);
    let mut reader = FieldReader::starting_from(start);
    let mut view = View::default();
    let mut has_scenario = preset.is_some();
    let repeated = repeated_keys(pairs.iter().map(|(key, _)| key.as_str()));
    for key in &repeated.keys {
        refuse_key(&mut reader, key, Problem::Repeated);
    }
    let mut ranges: [(Option<&str>, Option<&str>); Field::AFFECTING_GAIN.len()] =
        Default::default();
    for (key, value) in pairs {
        if repeated.contains(&key.as_str()) {
            continue;
        }
        let key = key.as_str();
        if value.len() > MAX_VALUE {
            refuse_key(&mut reader, key, Problem::NotANumber(shorten(value)));
            continue;
        }
        match key {
            LANG => match Language::from_tag(value) {
                Some(language) => view.language = Some(language),
                None => reader.unknown(&refused(LANG, value)),
            },
            EMBED => view.embed = is_on(value),
            EVENTS => view.events = is_on(value),
            DATA_LAYER => view.data_layer = is_on(value),
            SHOW => match value.as_str() {
                "full" => view.show = Show::Full,
                "headline" => view.show = Show::Headline,
                _ => reader.unknown(&refused(SHOW, value)),
            },
            ACCENT => match accent_colour(value) {
                Some(colour) => view.accent = Some(colour),
                None => reader.unknown(&refused(ACCENT, value)),
            },
            ROOM => match crate::room::normalise_code(value) {
                Some(code) => view.room = Some(code),
                None => reader.unknown(&refused(ROOM, value)),
            },
            PRESET => {
                if preset.is_none() {
                    reader.unknown(&refused(PRESET, value));
                }
            }
            CURRENCY => {
                has_scenario = true;
                reader.currency(Ok(value));
            }
            COUNT_AFTER_HORIZON => {
                has_scenario = true;
                reader.count_after_horizon(match value.as_str() {
                    "true" | "1" => Ok(true),
                    "false" | "0" => Ok(false),
                    // Neither yes nor no: said as the wrong kind of value, not as a number.
                    _ => Err(Problem::WrongType("another value")),
                });
            }
            DRAWS => {
                has_scenario = true;
                reader.draws(number(value));
            }
            other => {
                if let Some((field, is_range)) = range_key(other) {
                    has_scenario = true;
                    let slot = &mut ranges[field.index()];
                    if is_range {
                        slot.0 = Some(value);
                    } else {
                        slot.1 = Some(value);
                    }
                } else if let Some(field) = Field::from_name(other) {
                    has_scenario = true;
                    reader.number(field, number(value));
                } else {
                    reader.unknown(other);
                }
            }
        }
    }
    for field in Field::AFFECTING_GAIN {
        let (range, varies) = ranges[field.index()];
        if range.is_none() && varies.is_none() {
            continue;
        }
        reader.range(field, range_given(range, varies));
    }
    LinkReading {
        reading: reader.finish(),
        view,
        has_scenario,
    }
}

/// What a framed calculator keeps in its address besides the scenario, when it rewrites
/// it after an edit: that it is framed, and what its host asked of it (`&embed=1&events=1`).
pub fn frame_keys(view: &View) -> String {
    let mut keys = format!("&{EMBED}=1");
    if view.events {
        keys.push_str(&format!("&{EVENTS}=1"));
    }
    if view.data_layer {
        keys.push_str(&format!("&{DATA_LAYER}=1"));
    }
    if view.show == Show::Headline {
        keys.push_str(&format!("&{SHOW}=headline"));
    }
    if let Some(accent) = &view.accent {
        keys.push_str(&format!("&{ACCENT}="));
        percent_encode(accent, &mut keys);
    }
    keys
}

/// What the calculator's own page keeps in its address besides the scenario, when it
/// rewrites it after an edit: the room it was opened to join (`&room=ACDEFG`).
pub fn page_keys(view: &View) -> String {
    view.room
        .as_ref()
        .map(|code| format!("&{ROOM}={code}"))
        .unwrap_or_default()
}

/// A flag given as `1`, `true`, or present with no value (an attribute like `data-layer`).
fn is_on(value: &str) -> bool {
    matches!(value, "" | "1" | "true")
}

/// The scenario field a key of a link or an attribute sets, if any.
pub fn field_of_key(key: &str) -> Option<FieldName> {
    match (field_name_of(key), range_key(key)) {
        (_, Some((field, _))) => Some(FieldName::Range(field)),
        (FieldName::Document | FieldName::SchemaVersion, None) => None,
        (name, None) => Some(name),
    }
}

fn refuse_key(reader: &mut FieldReader, key: &str, problem: Problem) {
    match (field_name_of(key), range_key(key)) {
        (_, Some((field, _))) => reader.refuse(FieldName::Range(field), problem),
        (FieldName::Document, None) => reader.unknown(key),
        (name, None) => reader.refuse(name, problem),
    }
}

/// `lifetime_profit_range` → (LifetimeProfit, true); `…_varies` → (…, false).
fn range_key(key: &str) -> Option<(Field, bool)> {
    if let Some(name) = key.strip_suffix(RANGE_SUFFIX) {
        return Field::from_name(name).map(|field| (field, true));
    }
    let name = key.strip_suffix(VARIES_SUFFIX)?;
    Field::from_name(name).map(|field| (field, false))
}

fn range_given(range: Option<&str>, varies: Option<&str>) -> Result<RangeGiven, Problem> {
    let varies = match varies {
        None => None,
        Some("1" | "true") => Some(true),
        Some("0" | "false") => Some(false),
        Some(other) => return Err(Problem::NotANumber(shorten(other))),
    };
    let ends = match range {
        None => None,
        Some(text) => {
            let (low, high) = text
                .split_once("..")
                .ok_or_else(|| Problem::NotANumber(shorten(text)))?;
            Some((number(low)?, number(high)?))
        }
    };
    Ok(RangeGiven::Set { ends, varies })
}

fn number(text: &str) -> Result<f64, Problem> {
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    decimal::parse(text).ok_or_else(|| Problem::NotANumber(shorten(text)))
}

/// Text from outside, cut short for a notice.
/// How a known setting given a value it does not take is named in the notice: `key=value`
/// where the value is shaped like a setting's (`lang=fr`), else the setting alone
/// (`accent` for `accent=url(…)`), so that the reader learns which setting was ignored
/// and a hostile value is never echoed.
fn refused(key: &str, value: &str) -> String {
    let whole = format!("{key}={}", shorten(value));
    if looks_like_a_setting(&whole) {
        whole
    } else {
        key.to_string()
    }
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(24).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Percent-encodes everything but letters, digits and `-._~`.
fn percent_encode(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
}

/// Percent-encodes `text` onto `out`, as the link does (for other queries the calculator
/// writes: a lead capture's set-up).
pub fn percent_encoded(text: &str, out: &mut String) {
    percent_encode(text, out);
}

/// Decodes a query's value as the link does; `None` for a broken escape or bytes that are
/// not UTF-8.
pub fn percent_decoded(text: &str) -> Option<String> {
    percent_decode(text)
}

/// Decodes `%XX` escapes and `+` as a space; `None` for a broken escape or bytes that are
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'%' => {
                let hex = bytes.get(at + 1..at + 3)?;
                let value = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(value, 16).ok()?);
                at += 3;
            }
            b'+' => {
                out.push(b' ');
                at += 1;
            }
            byte => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `web/first-paint.js` is told these keys (`first_paint::rules`) to decide whether a
    /// link carries a scenario of its own; they must be exactly the ones that do not.
    #[test]
    fn the_view_keys_are_the_keys_that_carry_no_scenario() {
        for (key, value) in [
            (LANG, "he"),
            (EMBED, "1"),
            (SHOW, "headline"),
            (ACCENT, "red"),
            (EVENTS, "1"),
            (DATA_LAYER, ""),
            (ROOM, "acd-efg"),
        ] {
            assert!(VIEW_KEYS.contains(&key));
            let read = read_pairs(&[(key.into(), value.into())], Scenario::default());
            assert!(!read.has_scenario, "{key}");
            assert!(
                read.reading.is_clean() && read.reading.unknown.is_empty(),
                "{key}"
            );
        }
        for (key, value) in [
            (PRESET, "retail-shop"),
            (CURRENCY, "USD"),
            ("lifetime_profit", "45000"),
            ("lifetime_profit_range", "1..2"),
            (DRAWS, "100"),
            (COUNT_AFTER_HORIZON, "false"),
        ] {
            assert!(!VIEW_KEYS.contains(&key));
            let read = read_pairs(&[(key.into(), value.into())], Scenario::default());
            assert!(read.has_scenario, "{key}");
        }
    }

    #[test]
    fn a_yes_or_no_that_is_neither_is_the_wrong_kind_of_value_not_a_number() {
        let read = decode("?count_after_horizon=maybe&lifetime_profit=45000");
        assert_eq!(read.reading.scenario.lifetime_profit, 45000.0);
        assert!(
            read.reading.scenario.count_after_horizon,
            "the default stays"
        );
        let problems: Vec<_> = read
            .reading
            .problems
            .iter()
            .map(|error| (error.field, error.problem.clone()))
            .collect();
        assert_eq!(
            problems,
            [(
                FieldName::CountAfterHorizon,
                Problem::WrongType("another value")
            )]
        );
    }

    #[test]
    fn a_framed_calculator_keeps_what_its_host_asked_of_it() {
        let read = decode(
            "?lifetime_profit=1&embed=1&events=1&datalayer=1&show=headline&accent=%236d28d9",
        );
        assert_eq!(
            frame_keys(&read.view),
            "&embed=1&events=1&datalayer=1&show=headline&accent=%236d28d9"
        );
        let again = decode(&format!("?lang=en{}", frame_keys(&read.view)));
        assert_eq!(again.view.accent, read.view.accent);
        assert!(again.view.events && again.view.data_layer && again.view.embed);
        assert_eq!(frame_keys(&decode("?embed=1").view), "&embed=1");
    }

    #[test]
    fn a_key_names_the_field_it_sets() {
        assert_eq!(
            field_of_key("lifetime_profit"),
            Some(FieldName::Numeric(Field::LifetimeProfit))
        );
        assert_eq!(
            field_of_key("lifetime_profit_varies"),
            Some(FieldName::Range(Field::LifetimeProfit))
        );
        assert_eq!(field_of_key("currency"), Some(FieldName::Currency));
        assert_eq!(field_of_key("lang"), None);
        assert_eq!(field_of_key("colour"), None);
    }

    #[test]
    fn the_default_link_is_short() {
        assert_eq!(
            encode(&Scenario::default(), Language::Hebrew),
            "?currency=ILS&lang=he"
        );
    }

    #[test]
    fn a_link_is_readable() {
        let scenario = Scenario {
            lifetime_profit: 45_000.0,
            unhappy_share_now: 0.35,
            ..Scenario::default()
        };
        assert_eq!(
            encode(&scenario, Language::English),
            "?lifetime_profit=45000&unhappy_share_now=0.35&currency=ILS&lang=en"
        );
        let link = decode("?lifetime_profit=45000&lang=he");
        assert_eq!(link.reading.scenario.lifetime_profit, 45_000.0);
        assert_eq!(link.view.language, Some(Language::Hebrew));
        assert!(link.reading.is_clean() && link.has_scenario);
    }

    #[test]
    fn uncertainty_and_draws_travel_in_the_link() {
        let mut scenario = Scenario::default();
        scenario
            .uncertainty
            .set(Field::LifetimeProfit, 15_000.0, 30_000.0);
        scenario.uncertainty.clear(Field::ReferralsPerHappy);
        scenario
            .uncertainty
            .set_varies(Field::AcquisitionCost, true);
        scenario
            .uncertainty
            .set_ends(Field::DiscountRate, Some((0.05, 0.1)));
        scenario.uncertainty.set_varies(Field::DiscountRate, false);
        scenario.uncertainty.draws = 5_000;
        let query = encode(&scenario, Language::English);
        assert!(
            query.contains("lifetime_profit_range=15000..30000"),
            "{query}"
        );
        assert!(query.contains("referrals_per_happy_varies=0"), "{query}");
        assert!(query.contains("acquisition_cost_varies=1"), "{query}");
        assert!(
            query.contains("discount_rate_range=0.05..0.1&discount_rate_varies=0"),
            "{query}"
        );
        let link = decode(&query);
        assert!(link.reading.is_clean(), "{:?}", link.reading.problems);
        assert_eq!(link.reading.scenario.scenario(), &scenario);
    }

    #[test]
    fn hostile_parameters_are_refused_one_by_one() {
        let long = "9".repeat(100_000);
        let query = format!(
            "?lifetime_profit=%3Cscript%3Ealert(1)%3C%2Fscript%3E&acquisition_cost=javascript:alert(1)\
             &current_customers=1e400&referrals_per_happy=NaN&lost_per_unhappy=-3\
             &new_customers_per_year=1e99&unhappy_share_now=0.3&unhappy_share_now=0.5\
             &discount_rate=%E0%A4%A&service_budget_per_year={long}&colour=red\
             &horizon_years=10&currency=ILS%22%3E&lang=xx"
        );
        let link = decode(&query);
        let scenario = &link.reading.scenario;
        // What was fine still applies.
        assert_eq!(scenario.horizon_years, 10.0);
        // Everything else kept its default.
        assert_eq!(
            scenario.scenario(),
            &Scenario {
                horizon_years: 10.0,
                ..Scenario::default()
            }
        );
        let refused: Vec<FieldName> = link.reading.problems.iter().map(|p| p.field).collect();
        for field in [
            Field::LifetimeProfit,
            Field::AcquisitionCost,
            Field::CurrentCustomers,
            Field::ReferralsPerHappy,
            Field::LostPerUnhappy,
            Field::NewCustomersPerYear,
            Field::UnhappyShareNow,
            Field::DiscountRate,
            Field::ServiceBudgetPerYear,
        ] {
            assert!(
                refused.contains(&FieldName::Numeric(field)),
                "{field:?} in {refused:?}"
            );
        }
        assert!(refused.contains(&FieldName::Currency));
        assert!(link.reading.unknown.named.contains(&"colour".to_string()));
        assert!(link.reading.unknown.named.contains(&"lang=xx".to_string()));
        // Refused text is kept short, and only ever as text.
        for problem in &link.reading.problems {
            if let Problem::NotANumber(text) = &problem.problem {
                assert!(text.chars().count() <= 25, "{text}");
            }
        }
    }

    #[test]
    fn too_many_parameters_are_not_all_read() {
        let query: String = (0..10_000).map(|i| format!("k{i}=1&")).collect();
        let link = decode(&query);
        assert_eq!(link.reading.unknown.count(), MAX_PARAMETERS);
        assert_eq!(link.reading.unknown.named.len(), 3, "only a few named back");
    }

    #[test]
    fn percent_escapes_round_trip_and_broken_ones_are_refused() {
        let mut out = String::new();
        percent_encode("a b+c/ש", &mut out);
        assert_eq!(out, "a%20b%2Bc%2F%D7%A9");
        assert_eq!(percent_decode(&out).as_deref(), Some("a b+c/ש"));
        assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%E0%A4%A"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%FF"), None, "not UTF-8");
    }

    #[test]
    fn a_room_link_names_its_room_and_the_page_keeps_it() {
        let link = decode("?lifetime_profit=45000&room=acd%20efg&lang=he");
        assert_eq!(link.view.room.as_deref(), Some("ACDEFG"));
        assert_eq!(page_keys(&link.view), "&room=ACDEFG");
        assert!(link.reading.unknown.is_empty());
        let bad = decode("?room=ZZ");
        assert_eq!(bad.view.room, None);
        assert_eq!(bad.reading.unknown.named, ["room=ZZ"]);
        assert_eq!(page_keys(&View::default()), "");
    }
}
