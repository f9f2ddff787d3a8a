//! The scenario file: JSON with model.md's field names, as the command-line tool reads it
//! and the app exports and imports it.
//!
//! ```json
//! {
//!   "schema_version": 2,
//!   "currency": "ILS",
//!   "acquisition_cost": 2000,
//!   "…": "every numeric field of model.md, rates as fractions",
//!   "count_after_horizon": true,
//!   "profit_margin": 0.3,
//!   "monte_carlo_draws": 2000,
//!   "uncertainty": {
//!     "lifetime_profit": { "low": 15000, "high": 30000 },
//!     "acquisition_cost": { "varies": true },
//!     "referrals_per_happy": null
//!   }
//! }
//! ```
//!
//! Missing fields take their defaults. In `uncertainty`, an input that is not listed keeps
//! its default (±25% of its value, and drawn in the Monte Carlo if it is one of the
//! business's own estimates); `{"low", "high"}` sets its range and makes it vary, unless
//! `"varies": false` is added; `{"varies": true}` draws it over ±25%; `null` clears it,
//! so that it is held at its value. Files of schema version 1, without `uncertainty` and
//! `monte_carlo_draws`, still read.

use crate::codec::field_reader::{
    field_name_of, repeated_keys, FieldReader, RangeGiven, Reading, COUNT_AFTER_HORIZON, CURRENCY,
    DRAWS, SCHEMA, UNCERTAINTY,
};
use crate::codec::json::{self, Json};
use cvc_model::fields::{FieldError, FieldName, Problem};
use cvc_model::ranges::Uncertainty;
use cvc_model::scenario::SCHEMA_VERSION;
use cvc_model::{Field, Scenario};

/// Reads a scenario file. A document that is not a JSON object is one error; otherwise each
/// field is read on its own (see [`crate::codec::field_reader`]).
pub fn read(text: &str) -> Result<Reading, FieldError> {
    let document = json::parse(text).map_err(|error| unreadable(error.to_string()))?;
    read_value(&document)
}

fn unreadable(message: String) -> FieldError {
    FieldError {
        field: FieldName::Document,
        problem: Problem::Unreadable(message),
    }
}

/// Reads a scenario that is already parsed, such as one inside a saved-scenario entry.
pub fn read_value(document: &Json) -> Result<Reading, FieldError> {
    read_value_onto(document, Scenario::default())
}

/// The most members a scenario file can have: every key it knows, once each. A document
/// with more is not a scenario, whatever its keys, and is refused before any field is read.
pub const MAX_MEMBERS: usize =
    Field::ALL.len() + [CURRENCY, COUNT_AFTER_HORIZON, SCHEMA, DRAWS, UNCERTAINTY].len();

/// The same for `uncertainty`: one member per input that moves the gain.
pub const MAX_UNCERTAINTY_MEMBERS: usize = Field::AFFECTING_GAIN.len();

/// Reads a parsed scenario over `start`: the fields it names replace `start`'s, and every
/// other field keeps its value (the custom element's `scenario` property, set by a host
/// page's script).
pub fn read_value_onto(document: &Json, start: Scenario) -> Result<Reading, FieldError> {
    let Json::Object(members) = document else {
        return Err(unreadable(format!("the document is {}", document.kind())));
    };
    if members.len() > MAX_MEMBERS {
        return Err(unreadable(format!(
            "the document has {} members, more than a scenario's {MAX_MEMBERS}",
            members.len()
        )));
    }
    let mut reader = FieldReader::starting_from(start);
    let repeated = repeated_keys(members.iter().map(|(key, _)| key.as_str()));
    for key in &repeated.keys {
        // A repeated key that names nothing is one more unknown key, not a field's problem.
        match field_name_of(key) {
            FieldName::Document if *key != UNCERTAINTY => reader.unknown(key),
            name => reader.refuse(name, Problem::Repeated),
        }
    }
    for (key, value) in members {
        if repeated.contains(&key.as_str()) {
            continue;
        }
        match key.as_str() {
            CURRENCY => reader.currency(text_of(value)),
            COUNT_AFTER_HORIZON => reader.count_after_horizon(match value {
                Json::Bool(flag) => Ok(*flag),
                other => Err(wrong_type(other)),
            }),
            SCHEMA => reader.schema_version(number_of(value)),
            DRAWS => reader.draws(number_of(value)),
            UNCERTAINTY => read_uncertainty(&mut reader, value),
            "profit_margin" if *value == Json::Null => reader.no_margin(),
            name => match Field::from_name(name) {
                Some(field) => reader.number(field, number_of(value)),
                None => reader.unknown(name),
            },
        }
    }
    Ok(reader.finish())
}

fn wrong_type(value: &Json) -> Problem {
    match value {
        Json::Null => Problem::Missing,
        other => Problem::WrongType(other.kind()),
    }
}

fn number_of(value: &Json) -> Result<f64, Problem> {
    match value {
        Json::Number(number) => Ok(*number),
        other => Err(wrong_type(other)),
    }
}

fn text_of(value: &Json) -> Result<&str, Problem> {
    match value {
        Json::String(text) => Ok(text),
        other => Err(wrong_type(other)),
    }
}

fn read_uncertainty(reader: &mut FieldReader, value: &Json) {
    let Json::Object(members) = value else {
        reader.refuse(
            FieldName::Document,
            Problem::WrongType(if *value == Json::Null {
                "null"
            } else {
                value.kind()
            }),
        );
        return;
    };
    if members.len() > MAX_UNCERTAINTY_MEMBERS {
        reader.refuse(
            FieldName::Document,
            Problem::WrongType("an uncertainty with more inputs than a scenario has"),
        );
        return;
    }
    let repeated = repeated_keys(members.iter().map(|(key, _)| key.as_str()));
    for (key, setting) in members {
        let Some(field) = Field::from_name(key) else {
            reader.unknown(&format!("{UNCERTAINTY}.{key}"));
            continue;
        };
        if repeated.contains(&key.as_str()) {
            reader.range(field, Err(Problem::Repeated));
            continue;
        }
        reader.range(field, range_of(setting));
    }
}

fn range_of(setting: &Json) -> Result<RangeGiven, Problem> {
    let members = match setting {
        Json::Null => return Ok(RangeGiven::Cleared),
        Json::Object(members) => members,
        other => return Err(Problem::WrongType(other.kind())),
    };
    let (mut low, mut high, mut varies) = (None, None, None);
    for (key, value) in members {
        match key.as_str() {
            "low" => low = Some(number_of(value)?),
            "high" => high = Some(number_of(value)?),
            "varies" => {
                varies = Some(match value {
                    Json::Bool(flag) => *flag,
                    other => return Err(wrong_type(other)),
                })
            }
            _ => {
                return Err(Problem::WrongType(
                    "an object with other keys than low, high, varies",
                ))
            }
        }
    }
    let ends = match (low, high) {
        (Some(low), Some(high)) => Some((low, high)),
        (None, None) => None,
        _ => return Err(Problem::Missing),
    };
    Ok(RangeGiven::Set { ends, varies })
}

/// The scenario as a file: every field, with the uncertainty settings that differ from the
/// defaults. An absent profit margin is left out.
pub fn write(scenario: &Scenario) -> String {
    json::write_pretty(&to_json(scenario)) + "\n"
}

/// The scenario as a JSON value, as [`write`] writes it.
pub fn to_json(scenario: &Scenario) -> Json {
    let mut members: Vec<(String, Json)> = vec![
        (SCHEMA.into(), Json::Number(f64::from(SCHEMA_VERSION))),
        (CURRENCY.into(), Json::String(scenario.currency.clone())),
    ];
    for field in Field::AFFECTING_GAIN {
        members.push((field.name().into(), Json::Number(scenario.get(field))));
    }
    members.push((
        COUNT_AFTER_HORIZON.into(),
        Json::Bool(scenario.count_after_horizon),
    ));
    if let Some(margin) = scenario.profit_margin {
        members.push((Field::ProfitMargin.name().into(), Json::Number(margin)));
    }
    members.push((
        DRAWS.into(),
        Json::Number(f64::from(scenario.uncertainty.draws)),
    ));
    members.push((
        UNCERTAINTY.into(),
        Json::Object(uncertainty_members(&scenario.uncertainty)),
    ));
    Json::Object(members)
}

/// The inputs whose uncertainty differs from the default, each as the file writes it.
fn uncertainty_members(uncertainty: &Uncertainty) -> Vec<(String, Json)> {
    Field::AFFECTING_GAIN
        .into_iter()
        .filter(|&field| !uncertainty.is_default(field))
        .filter_map(|field| {
            let input = uncertainty.input(field)?;
            let setting = match input.ends {
                None if !input.varies => Json::Null,
                None => Json::Object(vec![("varies".into(), Json::Bool(true))]),
                Some((low, high)) => {
                    let mut members = vec![
                        ("low".into(), Json::Number(low)),
                        ("high".into(), Json::Number(high)),
                    ];
                    if !input.varies {
                        members.push(("varies".into(), Json::Bool(false)));
                    }
                    Json::Object(members)
                }
            };
            Some((field.name().to_string(), setting))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1 MB file of 100,000 keys is refused as "not a scenario" before any of its fields
    /// is read: the member count alone refuses it.
    #[test]
    fn a_document_with_more_members_than_a_scenario_is_refused_unread() {
        let members: Vec<String> = (0..100_000).map(|i| format!("\"k{i:06}\":1")).collect();
        let text = format!("{{{}}}", members.join(","));
        assert!(text.len() > 1_000_000);
        let error = read(&text).expect_err("not a scenario");
        assert_eq!(error.field, FieldName::Document);
        assert!(
            matches!(&error.problem, Problem::Unreadable(message) if message.contains("100000 members")),
            "{error:?}"
        );
        // One more member than a scenario can have is enough; as many as it can have read.
        let full = write(&Scenario {
            profit_margin: Some(0.3),
            ..Scenario::default()
        });
        let Ok(Json::Object(mut members)) = json::parse(&full) else {
            panic!("a written scenario is an object");
        };
        while members.len() < MAX_MEMBERS {
            members.push((format!("note{}", members.len()), Json::Null));
        }
        assert!(read_value(&Json::Object(members.clone())).is_ok());
        members.push(("one_more".into(), Json::Null));
        assert!(read_value(&Json::Object(members)).is_err());
    }

    #[test]
    fn a_repeated_unknown_key_is_one_more_unknown_key() {
        let reading = read(r#"{"colour": 1, "colour": 2, "lifetime_profit": 1}"#).expect("read");
        assert!(reading.is_clean(), "{:?}", reading.problems);
        assert_eq!(reading.unknown.named, ["colour"]);
        assert_eq!(reading.scenario.lifetime_profit, 1.0);
    }
}
