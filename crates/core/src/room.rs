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
use cvc_model::uncertainty::percentile;
use cvc_model::{evaluate, Results, ValidScenario};

/// The figures a room counts, by the command-line tool's names.
pub const FIGURES: [&str; 6] = [
    "yearly_cost_of_poor_service",
    "unhappy_customer_cost",
    "npv_gain",
    "roi",
    "payback_month",
    "break_even_budget_per_year",
];

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
}

/// Reads a phone's body as the command-line tool reads a scenario file, field by field,
/// and computes its figures with the model.
pub fn read_entry(body: &str) -> Result<(Entry, Reading), NotAnEntry> {
    let reading = read_body(body)?;
    let entry = entry_of(&reading.scenario);
    Ok((entry, reading))
}

/// Reads a phone's body into a scenario, as the command-line tool reads a file, without
/// running the model yet.
pub fn read_body(body: &str) -> Result<Reading, NotAnEntry> {
    let document = json::parse(body).map_err(|error| NotAnEntry::NotJson(error.to_string()))?;
    scenario_file::read_value(&document)
        .map_err(|error| NotAnEntry::NotAScenario(error.to_string()))
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
}
