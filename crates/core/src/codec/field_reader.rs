//! Reading a scenario from named values, one field at a time: the one path that a scenario
//! file, a link and an embed's attributes all take, so that they can never disagree.
//!
//! Each codec turns its text into typed values and hands them here under the model's field
//! names. A value that is wrong is refused on its own, with a [`FieldError`] that names the
//! field; every other field still applies. The result is always a valid scenario: a field
//! that was refused keeps its default.

use cvc_model::fields::{FieldError, FieldName, Problem};
use cvc_model::ranges::{check_range, MAX_DRAWS};
use cvc_model::scenario::SCHEMA_VERSION;
use cvc_model::{Field, Scenario, ValidScenario};

/// The keys of a scenario other than its numeric fields, as every codec writes them.
pub const CURRENCY: &str = "currency";
pub const COUNT_AFTER_HORIZON: &str = "count_after_horizon";
pub const SCHEMA: &str = "schema_version";
pub const DRAWS: &str = "monte_carlo_draws";
pub const UNCERTAINTY: &str = "uncertainty";

/// A scenario read from named values, with what was refused and what was not recognised.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub scenario: ValidScenario,
    pub problems: Vec<FieldError>,
    pub unknown: Vec<String>,
}

impl Reading {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Whether anything was refused or not recognised: what a notice tells the reader.
    pub fn ignored_anything(&self) -> bool {
        !self.problems.is_empty() || !self.unknown.is_empty()
    }
}

/// What a document says of one input's uncertainty.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RangeGiven {
    /// `null`: the input is held at its value in the Monte Carlo (model.md "clear one").
    Cleared,
    /// Ends, and whether the input varies (a range that is given varies unless it says not).
    Set {
        ends: Option<(f64, f64)>,
        varies: Option<bool>,
    },
}

/// Collects named values into a scenario, refusing each wrong one on its own. It starts
/// from the default scenario.
#[derive(Default)]
pub struct FieldReader {
    scenario: Scenario,
    problems: Vec<FieldError>,
    unknown: Vec<String>,
}

/// Keys given more than once, in the order first seen: a document that repeats a key is
/// ambiguous, so the key is refused rather than one of its values picked.
pub fn repeated_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    let mut repeated: Vec<&str> = Vec::new();
    for key in keys {
        if seen.contains(&key) {
            if !repeated.contains(&key) {
                repeated.push(key);
            }
        } else {
            seen.push(key);
        }
    }
    repeated
}

/// The field a key names, for reporting a problem with that key.
pub fn field_name_of(key: &str) -> FieldName {
    match key {
        CURRENCY => FieldName::Currency,
        COUNT_AFTER_HORIZON => FieldName::CountAfterHorizon,
        SCHEMA => FieldName::SchemaVersion,
        DRAWS => FieldName::Draws,
        other => match Field::from_name(other) {
            Some(field) => FieldName::Numeric(field),
            None => FieldName::Document,
        },
    }
}

impl FieldReader {
    /// A reader that starts from another scenario than the default (an example business
    /// that an embed names, say); fields given later override it.
    pub fn starting_from(scenario: Scenario) -> Self {
        FieldReader {
            scenario,
            ..FieldReader::default()
        }
    }

    pub fn refuse(&mut self, field: FieldName, problem: Problem) {
        self.problems.push(FieldError { field, problem });
    }

    pub fn unknown(&mut self, key: &str) {
        // A hostile document may carry huge keys; the report needs only their start.
        self.unknown.push(key.chars().take(40).collect());
    }

    /// A numeric field: checked against its range, and refused on its own if wrong.
    pub fn number(&mut self, field: Field, given: Result<f64, Problem>) {
        match given.and_then(|value| field.check(value).map_err(|error| error.problem)) {
            Ok(value) => self.scenario.set(field, value),
            Err(problem) => self.refuse(FieldName::Numeric(field), problem),
        }
    }

    /// No profit margin given (the JSON `null`, or an empty attribute).
    pub fn no_margin(&mut self) {
        self.scenario.profit_margin = None;
    }

    pub fn currency(&mut self, given: Result<&str, Problem>) {
        match given {
            Ok(code) if cvc_model::fields::is_currency_code(code) => {
                self.scenario.currency = code.to_string();
            }
            Ok(code) => self.refuse(
                FieldName::Currency,
                Problem::NotCurrencyCode(code.chars().take(12).collect()),
            ),
            Err(problem) => self.refuse(FieldName::Currency, problem),
        }
    }

    pub fn count_after_horizon(&mut self, given: Result<bool, Problem>) {
        match given {
            Ok(flag) => self.scenario.count_after_horizon = flag,
            Err(problem) => self.refuse(FieldName::CountAfterHorizon, problem),
        }
    }

    /// The version of the format that wrote the document: a newer one is refused, since its
    /// fields may mean something this version does not know.
    pub fn schema_version(&mut self, given: Result<f64, Problem>) {
        match given {
            Ok(version)
                if version.fract() == 0.0
                    && (0.0..=f64::from(SCHEMA_VERSION)).contains(&version) => {}
            Ok(version) if version.fract() == 0.0 && version > 0.0 => self.refuse(
                FieldName::SchemaVersion,
                Problem::NewerSchema(version.min(f64::from(u32::MAX)) as u32),
            ),
            Ok(version) => self.refuse(FieldName::SchemaVersion, Problem::OutOfRange(version)),
            Err(problem) => self.refuse(FieldName::SchemaVersion, problem),
        }
    }

    pub fn draws(&mut self, given: Result<f64, Problem>) {
        match given {
            Ok(draws) if draws.fract() == 0.0 && (1.0..=f64::from(MAX_DRAWS)).contains(&draws) => {
                self.scenario.uncertainty.draws = draws as u32;
            }
            Ok(draws) if draws.is_finite() && draws.fract() != 0.0 => {
                self.refuse(FieldName::Draws, Problem::NotWhole(draws))
            }
            Ok(draws) => self.refuse(FieldName::Draws, Problem::OutOfRange(draws)),
            Err(problem) => self.refuse(FieldName::Draws, problem),
        }
    }

    /// The uncertainty of one input. Its ends are checked against the field's range here,
    /// and against the field's final value in [`FieldReader::finish`].
    pub fn range(&mut self, field: Field, given: Result<RangeGiven, Problem>) {
        if !Field::AFFECTING_GAIN.contains(&field) {
            // The profit margin does not move the gain, so it has no range.
            self.refuse(FieldName::Range(field), Problem::WrongType("a range"));
            return;
        }
        let uncertainty = &mut self.scenario.uncertainty;
        match given {
            Ok(RangeGiven::Cleared) => uncertainty.clear(field),
            Ok(RangeGiven::Set { ends, varies }) => {
                if let Some((low, high)) = ends {
                    let problem = [low, high]
                        .into_iter()
                        .find_map(|end| field.check(end).err())
                        .map(|error| error.problem)
                        .or_else(|| (low > high).then_some(Problem::LowAboveHigh { low, high }));
                    if let Some(problem) = problem {
                        self.refuse(FieldName::Range(field), problem);
                        return;
                    }
                }
                uncertainty.set_ends(field, ends);
                uncertainty.set_varies(field, varies.unwrap_or(true));
            }
            Err(problem) => self.refuse(FieldName::Range(field), problem),
        }
    }

    /// The scenario with every value that passed, and the problems with the rest.
    pub fn finish(mut self) -> Reading {
        // A range must contain its input's value, which is known only now.
        for field in Field::AFFECTING_GAIN {
            let value = self.scenario.get(field);
            let uncertainty = &mut self.scenario.uncertainty;
            let Some((low, high)) = uncertainty.input(field).and_then(|input| input.ends) else {
                continue;
            };
            if let Err(problem) = check_range(field, low, high, value) {
                uncertainty.set_ends(field, None);
                self.problems.push(FieldError {
                    field: FieldName::Range(field),
                    problem,
                });
            }
        }
        // Every value set above passed its own check, and the ranges were just checked, so
        // this cannot fail; were it ever to, the defaults are shown and the problems listed.
        let scenario = match self.scenario.validate() {
            Ok(valid) => valid,
            Err(errors) => {
                self.problems.extend(errors);
                ValidScenario::default()
            }
        };
        Reading {
            scenario,
            problems: self.problems,
            unknown: self.unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_field_is_refused_alone() {
        let mut reader = FieldReader::default();
        reader.number(Field::LifetimeProfit, Ok(45_000.0));
        reader.number(Field::UnhappyShareNow, Ok(1.5));
        reader.currency(Ok("usd"));
        let reading = reader.finish();
        assert_eq!(reading.scenario.lifetime_profit, 45_000.0);
        assert_eq!(
            reading.scenario.unhappy_share_now, 0.40,
            "keeps its default"
        );
        assert_eq!(reading.scenario.currency, "ILS");
        assert_eq!(reading.problems.len(), 2);
    }

    #[test]
    fn a_range_must_contain_the_final_value() {
        let mut reader = FieldReader::default();
        reader.range(
            Field::LifetimeProfit,
            Ok(RangeGiven::Set {
                ends: Some((15_000.0, 30_000.0)),
                varies: None,
            }),
        );
        reader.number(Field::LifetimeProfit, Ok(45_000.0));
        let reading = reader.finish();
        assert_eq!(
            reading.problems[0].field,
            FieldName::Range(Field::LifetimeProfit)
        );
        assert_eq!(
            reading
                .scenario
                .uncertainty
                .ends(Field::LifetimeProfit, 45_000.0),
            (33_750.0, 56_250.0),
            "the refused range falls back to ±25%"
        );
        assert!(reading.scenario.uncertainty.varies(Field::LifetimeProfit));
    }

    #[test]
    fn repeated_keys_are_found_once_each() {
        assert_eq!(
            repeated_keys(["a", "b", "a", "c", "a", "b"]),
            vec!["a", "b"]
        );
        assert!(repeated_keys(["a", "b"]).is_empty());
    }
}
