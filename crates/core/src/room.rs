//! The workshop room, as plain data: what a room's code and a participant's id may be,
//! what one participant's entry is (their scenario, read as a file is, and the figures the
//! model gives it), the room's summary over its entries, and where one entry stands among
//! them. Pure, so it is tested natively; the room server (`crates/server`) stores entries
//! and streams summaries over it, and never trusts a figure a phone sends: it computes
//! every figure here from the scenario.
//!
//! The figures a room counts, by the command-line tool's names, are [`FIGURES`]. A
//! summary says them only from [`MIN_PARTICIPANTS`] entries on, so that no one's figures
//! can be told from a room of two.

use crate::codec::field_reader::Reading;
use crate::codec::json::{self, Json};
use crate::codec::scenario_file;
use cvc_model::fields::FieldName;
use cvc_model::uncertainty::percentile;
use cvc_model::{evaluate, Field, Results, ValidScenario};

/// The figures a room counts, by the command-line tool's names.
pub const FIGURES: [&str; 6] = [
    "yearly_cost_of_poor_service",
    "unhappy_customer_cost",
    "npv_gain",
    "roi",
    "payback_month",
    "break_even_budget_per_year",
];

/// The `<meta>` that tells the page where its room server is: `self` when the room server
/// serves the page (`crates/server`), or an origin the build named
/// (scripts/post-build/room-server.mjs).
pub const SERVER_META: &str = "cvc-room-server";

/// A summary shows figures only from this many participants on.
pub const MIN_PARTICIPANTS: usize = 5;

/// The letters a room's code is made of: capitals and digits that cannot be mistaken for
/// one another when read aloud or typed on a phone (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";

/// A room's code: six of [`CODE_ALPHABET`] (25⁶, about 244 million codes; guessing one is
/// also held back by the server's rate limits).
pub const CODE_LENGTH: usize = 6;

/// A participant's id, made by the phone: 16 to 64 of `A–Z a–z 0–9 _ -`.
pub const PARTICIPANT_LENGTH: std::ops::RangeInclusive<usize> = 16..=64;

/// A code made from random bytes (one byte per letter, by rejection so that every letter
/// is equally likely): `None` when the bytes run out first.
pub fn code_from_random(bytes: &[u8]) -> Option<String> {
    let limit = (256 / CODE_ALPHABET.len() * CODE_ALPHABET.len()) as u8;
    let code: String = bytes
        .iter()
        .filter(|&&byte| byte < limit)
        .take(CODE_LENGTH)
        .map(|&byte| CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()] as char)
        .collect();
    (code.len() == CODE_LENGTH).then_some(code)
}

/// A code as a person typed it (lower case, spaces or a dash between the halves), in its
/// one written form; `None` for anything that is not one.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A code as it is shown to be read aloud and typed: two halves (`ACD EFG`).
pub fn code_shown(code: &str) -> String {
    match (code.get(..3), code.get(3..)) {
        (Some(first), Some(second)) if !second.is_empty() => format!("{first} {second}"),
        _ => code.to_string(),
    }
}

/// Whether `id` may name a participant.
pub fn is_participant_id(id: &str) -> bool {
    PARTICIPANT_LENGTH.contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// One participant's entry: the scenario as it was read, and the figures the room counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub scenario: ValidScenario,
    /// [`FIGURES`], in order; `None` where the model gives no figure.
    pub figures: [Option<f64>; FIGURES.len()],
}

/// Why a body is not an entry at all (one that is, with wrong fields, is an entry whose
/// reading lists them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAnEntry {
    /// Not JSON, or JSON too deep or too long.
    NotJson(String),
    /// JSON, but not a scenario (not an object, or more members than a scenario has).
    NotAScenario(String),
    /// A scenario of which not one of model.md's inputs could be taken (`{}`, only unknown
    /// names, or every input refused): counted, it would be the defaults, figures no one
    /// typed.
    NoFigureTaken(String),
}

/// Reads a phone's body as the command-line tool reads a scenario file, field by field,
/// and computes its figures with the model.
pub fn read_entry(body: &str) -> Result<(Entry, Reading), NotAnEntry> {
    let reading = read_body(body)?;
    let entry = entry_of(&reading.scenario);
    Ok((entry, reading))
}

/// Reads a phone's body into a scenario, as the command-line tool reads a file, without
/// running the model yet. Unlike a file, the body must give at least one of model.md's
/// inputs that can be taken: the room counts every entry, and a body that gives none would
/// be counted as the defaults.
pub fn read_body(body: &str) -> Result<Reading, NotAnEntry> {
    let document = json::parse(body).map_err(|error| NotAnEntry::NotJson(error.to_string()))?;
    let reading = scenario_file::read_value(&document)
        .map_err(|error| NotAnEntry::NotAScenario(error.to_string()))?;
    let refused = |field: Field| {
        reading
            .problems
            .iter()
            .any(|problem| problem.field == FieldName::Numeric(field))
    };
    // A `null` clears a field (the profit margin's "none"), which the defaults already are.
    let taken = match &document {
        Json::Object(members) => members
            .iter()
            .filter(|(_, value)| !matches!(value, Json::Null))
            .filter_map(|(key, _)| Field::from_name(key))
            .any(|field| !refused(field)),
        _ => false,
    };
    if taken {
        return Ok(reading);
    }
    let input_refused = reading
        .problems
        .iter()
        .find(|problem| matches!(problem.field, FieldName::Numeric(_)));
    let why = match input_refused {
        Some(problem) => format!("none of its inputs could be taken ({problem})"),
        None => format!(
            "it gives none of a scenario's inputs ({}, …)",
            Field::ALL.map(Field::name)[..3].join(", ")
        ),
    };
    Err(NotAnEntry::NoFigureTaken(why))
}

/// The figures of a scenario, as a room counts them.
pub fn entry_of(scenario: &ValidScenario) -> Entry {
    let results = evaluate(scenario);
    Entry {
        scenario: scenario.clone(),
        figures: figures_of(&results),
    }
}

/// [`FIGURES`] of some results, in order.
pub fn figures_of(results: &Results) -> [Option<f64>; FIGURES.len()] {
    let named = results.named_figures();
    FIGURES.map(|name| {
        named
            .iter()
            .find(|(figure, _)| *figure == name)
            .and_then(|(_, value)| value.value())
    })
}

/// What a room's entries say of one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// How many entries have the figure (an entry whose figure is none is left out).
    pub count: usize,
    pub sum: f64,
    pub min: f64,
    pub p10: f64,
    pub median: f64,
    pub p90: f64,
    pub max: f64,
}

/// The spread of some values; `None` when there are none. Percentiles interpolate linearly
/// between the closest ranks, as the model's Monte Carlo does.
pub fn spread(values: &[f64]) -> Option<Spread> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let at = |fraction: f64| percentile(&sorted, fraction).value().unwrap_or(0.0);
    Some(Spread {
        count: sorted.len(),
        sum: sorted.iter().sum(),
        min: sorted[0],
        p10: at(0.1),
        median: at(0.5),
        p90: at(0.9),
        max: sorted[sorted.len() - 1],
    })
}

/// A room's summary over the figures of its entries: for each of [`FIGURES`], its
/// spread, or `None` while fewer than [`MIN_PARTICIPANTS`] are in.
pub fn summary(
    entries: &[[Option<f64>; FIGURES.len()]],
) -> Option<Vec<(&'static str, Option<Spread>)>> {
    if entries.len() < MIN_PARTICIPANTS {
        return None;
    }
    Some(
        FIGURES
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let values: Vec<f64> = entries.iter().filter_map(|figures| figures[i]).collect();
                (*name, spread(&values))
            })
            .collect(),
    )
}

/// Where one entry's figure falls among the room's: how many entries have the figure,
/// and how many of the others are below and above it ("your unhappy customer costs more
/// than 7 of 10 businesses in this room").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub count: usize,
    pub below: usize,
    pub above: usize,
}

/// Where `own` stands among `entries` (which include it), figure by figure; `None` for a
/// figure the entry does not have.
pub fn standing(
    own: &[Option<f64>; FIGURES.len()],
    entries: &[[Option<f64>; FIGURES.len()]],
) -> Vec<(&'static str, Option<Standing>)> {
    FIGURES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let standing = own[i].map(|value| {
                let values: Vec<f64> = entries.iter().filter_map(|figures| figures[i]).collect();
                Standing {
                    count: values.len(),
                    below: values.iter().filter(|&&other| other < value).count(),
                    above: values.iter().filter(|&&other| other > value).count(),
                }
            });
            (*name, standing)
        })
        .collect()
}

/// A figure as JSON: a number, or `null`.
pub fn figure_json(value: Option<f64>) -> Json {
    value.map_or(Json::Null, Json::Number)
}

/// The figures of an entry as stored: a JSON object of [`FIGURES`].
pub fn figures_json(figures: &[Option<f64>; FIGURES.len()]) -> Json {
    Json::Object(
        FIGURES
            .iter()
            .zip(figures)
            .map(|(name, value)| (name.to_string(), figure_json(*value)))
            .collect(),
    )
}

/// Where a phone keeps its part in a room (`localStorage`), by the room's code.
pub fn stay_key(code: &str) -> String {
    format!("cvc.room.{code}")
}

/// Where the presenter's browser keeps the room it opened, so that a reload keeps it.
pub const PRESENTER_KEY: &str = "cvc.room.presenter";

/// What a phone has to send to its room and has not yet been told was received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Its figures: the scenario as the room reads it, and the link it came from.
    Entry { scenario: String, link: String },
    /// Its figures taken back out.
    Withdraw,
}

/// A phone's part in one room, kept in its browser: its random id, the link of the figures
/// the room acknowledged, and what waits to be sent (it survives a reload and a lost
/// connection, and is sent when the room answers again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stay {
    pub participant: String,
    pub sent: Option<String>,
    pub pending: Option<Pending>,
}

impl Stay {
    /// A new stay, with an id made from random bytes (at least 18: 24 characters).
    pub fn new(random: &[u8]) -> Stay {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let participant: String = random
            .iter()
            .map(|byte| ALPHABET[usize::from(byte & 63)] as char)
            .collect();
        Stay {
            participant,
            sent: None,
            pending: None,
        }
    }

    pub fn to_json(&self) -> String {
        let text = |value: &Option<String>| value.clone().map_or(Json::Null, Json::String);
        let pending = match &self.pending {
            None => Json::Null,
            Some(Pending::Withdraw) => Json::String("withdraw".into()),
            Some(Pending::Entry { scenario, link }) => Json::Object(vec![
                ("scenario".into(), Json::String(scenario.clone())),
                ("link".into(), Json::String(link.clone())),
            ]),
        };
        json::write_pretty(&Json::Object(vec![
            ("participant".into(), Json::String(self.participant.clone())),
            ("sent".into(), text(&self.sent)),
            ("pending".into(), pending),
        ]))
    }

    /// A stay as kept; `None` for anything else (a damaged entry is then replaced by a
    /// new stay, which only costs the phone a second entry in the room).
    pub fn from_json(text: &str) -> Option<Stay> {
        let document = json::parse(text).ok()?;
        let participant = match document.get("participant")? {
            Json::String(id) if is_participant_id(id) => id.clone(),
            _ => return None,
        };
        let sent = match document.get("sent") {
            Some(Json::String(link)) => Some(link.clone()),
            _ => None,
        };
        let pending = match document.get("pending") {
            Some(Json::String(kind)) if kind == "withdraw" => Some(Pending::Withdraw),
            Some(entry @ Json::Object(_)) => match (entry.get("scenario"), entry.get("link")) {
                (Some(Json::String(scenario)), Some(Json::String(link))) => Some(Pending::Entry {
                    scenario: scenario.clone(),
                    link: link.clone(),
                }),
                _ => None,
            },
            _ => None,
        };
        Some(Stay {
            participant,
            sent,
            pending,
        })
    }
}

/// The room a presenter opened, as their browser keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The room server's origin.
    pub server: String,
    pub code: String,
    pub token: String,
    /// What opens the room's stream and nothing else (the server's `stream_key`); empty
    /// for a room kept by an earlier release, whose stream is then opened with the token.
    pub stream_key: String,
    pub name: String,
    pub currency: String,
}

impl Opened {
    /// The address of the room's stream, for a browser's EventSource (which sends no
    /// header): with the stream key, so that the token, which can also reveal, reset,
    /// close and export the room, is never in an address a proxy may log.
    pub fn stream_url(&self) -> String {
        let (name, value) = if self.stream_key.is_empty() {
            ("token", &self.token)
        } else {
            ("key", &self.stream_key)
        };
        // Both are the server's URL-safe text (hex, base64url): nothing to escape.
        format!(
            "{}/api/rooms/{}/stream?{name}={value}",
            self.server, self.code
        )
    }

    pub fn to_json(&self) -> String {
        json::write_pretty(&Json::Object(
            [
                ("server", &self.server),
                ("code", &self.code),
                ("token", &self.token),
                ("stream_key", &self.stream_key),
                ("name", &self.name),
                ("currency", &self.currency),
            ]
            .into_iter()
            .map(|(key, value)| (key.to_string(), Json::String(value.clone())))
            .collect(),
        ))
    }

    pub fn from_json(text: &str) -> Option<Opened> {
        let document = json::parse(text).ok()?;
        let text = |key: &str| match document.get(key) {
            Some(Json::String(value)) => Some(value.clone()),
            _ => None,
        };
        Some(Opened {
            server: text("server")?,
            code: normalise_code(&text("code")?)?,
            token: text("token")?,
            stream_key: text("stream_key").unwrap_or_default(),
            name: text("name").unwrap_or_default(),
            currency: text("currency").unwrap_or_else(|| "ILS".into()),
        })
    }
}

/// Whether the figure of `name` adds up across businesses (the room's total of it).
fn adds_up(name: &str) -> bool {
    matches!(
        name,
        "yearly_cost_of_poor_service" | "npv_gain" | "break_even_budget_per_year"
    )
}

/// One CSV of a room's entries (each scenario's fields and figures, without who sent it)
/// and its summary: what the presenter exports.
pub fn entries_csv(entries: &[(ValidScenario, [Option<f64>; FIGURES.len()])]) -> String {
    let mut header: Vec<String> = vec!["entry".into(), "currency".into()];
    header.extend(
        cvc_model::Field::ALL
            .iter()
            .map(|field| field.name().to_string()),
    );
    header.extend(FIGURES.iter().map(|name| name.to_string()));
    let mut rows: Vec<Vec<String>> = vec![header];
    for (i, (scenario, figures)) in entries.iter().enumerate() {
        let mut row = vec![(i + 1).to_string(), scenario.currency.clone()];
        row.extend(cvc_model::Field::ALL.iter().map(|field| {
            scenario
                .value(*field)
                .map(crate::codec::decimal::shortest)
                .unwrap_or_default()
        }));
        row.extend(figures.iter().map(|value| {
            value
                .map(crate::codec::decimal::shortest)
                .unwrap_or_default()
        }));
        rows.push(row);
    }
    let all: Vec<[Option<f64>; FIGURES.len()]> =
        entries.iter().map(|(_, figures)| *figures).collect();
    if let Some(summary) = summary(&all) {
        rows.push(Vec::new());
        rows.push(
            [
                "figure", "count", "sum", "min", "p10", "median", "p90", "max",
            ]
            .iter()
            .map(|cell| cell.to_string())
            .collect(),
        );
        for (name, spread) in summary {
            let mut row = vec![name.to_string()];
            if let Some(s) = spread {
                row.push(s.count.to_string());
                // A sum only where adding means something: money each business has or
                // spends in a year or over its horizon; not a return, a month or the
                // cost of one customer.
                row.push(if adds_up(name) {
                    crate::codec::decimal::shortest(s.sum)
                } else {
                    String::new()
                });
                row.extend(
                    [s.min, s.p10, s.median, s.p90, s.max].map(crate::codec::decimal::shortest),
                );
            }
            rows.push(row);
        }
    }
    crate::codec::csv::write_rows(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvc_model::Scenario;

    #[test]
    fn codes_are_six_unambiguous_letters_and_read_as_typed() {
        let code = code_from_random(&[0, 1, 2, 3, 4, 5, 255, 250]).expect("a code");
        assert_eq!(code, "ACDEFG");
        assert_eq!(
            code_from_random(&[255, 254, 253, 252, 251, 250, 0]),
            None,
            "rejected bytes"
        );
        assert_eq!(normalise_code("acd efg").as_deref(), Some("ACDEFG"));
        assert_eq!(normalise_code("ACD-EFG").as_deref(), Some("ACDEFG"));
        for bad in ["ACDEF0", "ACDEF", "ACDEFGH", "ACDEFI", "", "ACDÉFG"] {
            assert_eq!(normalise_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn participant_ids_are_random_tokens_of_a_set_length() {
        assert!(is_participant_id("abcdefghijklmnop"));
        assert!(is_participant_id(&"a_-9".repeat(16)));
        for bad in [
            "short",
            &"a".repeat(65),
            "abcdefghijklmnop!",
            "abcdefghijklmnoפ",
        ] {
            assert!(!is_participant_id(bad), "{bad}");
        }
    }

    #[test]
    fn an_entry_has_the_command_line_tools_figures() {
        let (entry, reading) =
            read_entry(r#"{"lifetime_profit": 45000, "colour": 1}"#).expect("an entry");
        assert_eq!(reading.unknown.named, ["colour"]);
        let scenario = Scenario {
            lifetime_profit: 45_000.0,
            ..Scenario::default()
        }
        .validate()
        .expect("valid");
        let results = evaluate(&scenario);
        assert_eq!(entry.figures[2], results.projection.npv_gain.value());
        assert_eq!(
            entry.figures[0],
            results.customer.yearly_cost_of_poor_service.value()
        );
        assert!(matches!(
            read_entry("[1]"),
            Err(NotAnEntry::NotAScenario(_))
        ));
        assert!(matches!(read_entry("{"), Err(NotAnEntry::NotJson(_))));
    }

    #[test]
    fn an_entry_gives_at_least_one_input_that_can_be_taken() {
        for body in [
            "{}",
            r#"{"currency": "ILS", "colour": 1}"#,
            r#"{"lifetime_profit": "a lot", "acquisition_cost": -5}"#,
            r#"{"uncertainty": {"lifetime_profit": {"low": 1, "high": 2}}}"#,
            r#"{"profit_margin": null}"#,
        ] {
            let refused = read_entry(body);
            assert!(
                matches!(refused, Err(NotAnEntry::NoFigureTaken(_))),
                "{body}: {refused:?}"
            );
        }
        let Err(NotAnEntry::NoFigureTaken(why)) = read_entry(r#"{"lifetime_profit": -1}"#) else {
            panic!("refused");
        };
        assert!(why.contains("lifetime_profit"), "{why}");
        // The reason names an input, not another refused member.
        let Err(NotAnEntry::NoFigureTaken(why)) =
            read_entry(r#"{"currency": "xx", "lifetime_profit": -1}"#)
        else {
            panic!("refused");
        };
        assert!(why.contains("lifetime_profit"), "{why}");
        // One input taken is enough; the others refused are listed as a file's are.
        let (entry, reading) =
            read_entry(r#"{"lifetime_profit": -1, "acquisition_cost": 900}"#).expect("an entry");
        assert_eq!(entry.scenario.acquisition_cost, 900.0);
        assert_eq!(reading.problems.len(), 1);
    }

    #[test]
    fn a_summary_needs_five_participants_and_leaves_out_missing_figures() {
        let figures = |value: f64| {
            [
                Some(value),
                None,
                Some(value),
                Some(value),
                Some(value),
                Some(value),
            ]
        };
        let four: Vec<_> = (1..=4).map(|i| figures(f64::from(i))).collect();
        assert_eq!(summary(&four), None);
        let mut five = four.clone();
        five.push([Some(5.0), None, Some(5.0), None, Some(5.0), Some(5.0)]);
        let summary = summary(&five).expect("figures from five");
        let (name, cost) = &summary[0];
        assert_eq!(*name, "yearly_cost_of_poor_service");
        let cost = cost.as_ref().expect("a spread");
        assert_eq!(
            (cost.count, cost.sum, cost.min, cost.max),
            (5, 15.0, 1.0, 5.0)
        );
        assert_eq!(cost.median, 3.0);
        // Linear interpolation between the closest ranks: 10% of the way from 1 to 5 is
        // position 0.4, so 1 + 0.4 × (2 − 1).
        assert!((cost.p10 - 1.4).abs() < 1e-12, "{}", cost.p10);
        assert!((cost.p90 - 4.6).abs() < 1e-12, "{}", cost.p90);
        assert_eq!(summary[1].1, None, "no entry has the figure");
        assert_eq!(summary[3].1.as_ref().map(|spread| spread.count), Some(4));
    }

    #[test]
    fn a_standing_counts_the_others_below_and_above() {
        let entries: Vec<[Option<f64>; 6]> = (1..=10)
            .map(|i| {
                [
                    Some(f64::from(i)),
                    Some(f64::from(i)),
                    None,
                    None,
                    None,
                    None,
                ]
            })
            .collect();
        let own = entries[7];
        let standing = standing(&own, &entries);
        assert_eq!(
            standing[0].1,
            Some(Standing {
                count: 10,
                below: 7,
                above: 2
            })
        );
        assert_eq!(standing[2].1, None);
    }

    #[test]
    fn a_phones_stay_and_a_presenters_room_survive_a_reload() {
        let mut stay = Stay::new(&[7; 24]);
        assert!(is_participant_id(&stay.participant), "{}", stay.participant);
        assert_eq!(Stay::from_json(&stay.to_json()), Some(stay.clone()));
        stay.pending = Some(Pending::Entry {
            scenario: "{\"lifetime_profit\": 1}".into(),
            link: "?lifetime_profit=1".into(),
        });
        stay.sent = Some("?currency=ILS".into());
        assert_eq!(Stay::from_json(&stay.to_json()), Some(stay.clone()));
        stay.pending = Some(Pending::Withdraw);
        assert_eq!(Stay::from_json(&stay.to_json()), Some(stay));
        assert_eq!(Stay::from_json("{\"participant\": \"short\"}"), None);
        assert_eq!(Stay::from_json("not json"), None);
        let opened = Opened {
            server: "https://rooms.example".into(),
            code: "ACDEFG".into(),
            token: "t".repeat(43),
            stream_key: "5e".repeat(32),
            name: "Haifa".into(),
            currency: "ILS".into(),
        };
        assert_eq!(Opened::from_json(&opened.to_json()), Some(opened.clone()));
        // The stream is opened with the key, never the token.
        let url = opened.stream_url();
        assert_eq!(
            url,
            format!(
                "https://rooms.example/api/rooms/ACDEFG/stream?key={}",
                "5e".repeat(32)
            )
        );
        assert!(!url.contains(&opened.token));
        // A room kept by an earlier release has no key: its stream is opened as then.
        let earlier = r#"{"server": "https://rooms.example", "code": "ACDEFG", "token": "a-b_c", "name": "", "currency": "ILS"}"#;
        let earlier = Opened::from_json(earlier).expect("a room kept by an earlier release");
        assert_eq!(earlier.stream_key, "");
        assert_eq!(
            earlier.stream_url(),
            "https://rooms.example/api/rooms/ACDEFG/stream?token=a-b_c"
        );
    }

    #[test]
    fn the_export_lists_entries_without_who_sent_them_and_the_summary() {
        let entries: Vec<_> = (1..=5)
            .map(|i| {
                let scenario = Scenario {
                    lifetime_profit: f64::from(i) * 10_000.0,
                    ..Scenario::default()
                }
                .validate()
                .expect("valid");
                let figures = entry_of(&scenario).figures;
                (scenario, figures)
            })
            .collect();
        let csv = entries_csv(&entries);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
        assert!(
            lines[0].starts_with("entry,currency,acquisition_cost"),
            "{}",
            lines[0]
        );
        assert!(lines[1].starts_with("1,ILS,2000,10000"), "{}", lines[1]);
        assert!(csv.contains("figure,count,sum,min,p10,median,p90,max"));
        assert!(csv.contains("npv_gain,5,"));
        // A return or a month has no meaningful sum: the cell is empty.
        let row = |name: &str| {
            lines
                .iter()
                .find(|line| line.starts_with(&format!("{name},")))
                .map(|line| line.split(',').map(str::to_string).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(row("roi")[2], "");
        assert_eq!(row("payback_month")[2], "");
        assert_eq!(row("unhappy_customer_cost")[2], "");
        let sum: f64 = row("yearly_cost_of_poor_service")[2]
            .parse()
            .expect("a sum");
        let each: f64 = entries.iter().filter_map(|(_, figures)| figures[0]).sum();
        assert!((sum - each).abs() < 1e-6 * each, "{sum} against {each}");
    }
}
