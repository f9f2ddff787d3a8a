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
use std::collections::HashSet;
use std::hash::Hash;

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
    pub unknown: Unknown,
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

/// At most this many unknown keys are named back to the reader (in a notice, by the
/// command-line tool, in an API's answer); the rest are counted. A hostile document may
/// carry thousands, and a notice that lists them all is a page of the attacker's text.
pub const MAX_NAMED_UNKNOWN: usize = 3;

/// The keys a document had that name nothing: a few named, the rest counted.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Unknown {
    /// Keys that look like setting names ([`looks_like_a_setting`]), at most
    /// [`MAX_NAMED_UNKNOWN`], each once.
    pub named: Vec<String>,
    /// Every other unknown key: past the first few, or not shaped like a setting's name
    /// (which is never echoed: "an unrecognised setting").
    pub others: usize,
}

impl Unknown {
    pub fn is_empty(&self) -> bool {
        self.named.is_empty() && self.others == 0
    }

    /// How many unknown keys there were.
    pub fn count(&self) -> usize {
        self.named.len() + self.others
    }

    /// Notes one unknown key: named back only when it looks like a setting, is among the
    /// first few, and was not named already.
    pub fn add(&mut self, key: &str) {
        if self.named.iter().any(|named| named == key) {
            return;
        }
        if looks_like_a_setting(key) && self.named.len() < MAX_NAMED_UNKNOWN {
            self.named.push(key.to_string());
        } else {
            self.others += 1;
        }
    }
}

/// Whether `key` may be echoed to the reader: a setting's name of letters, digits, `_`,
/// `.` and `-`, 1 to 40 of them, optionally with `=` and a value of the same kind
/// (`lang=xx`). Anything else (spaces, markup, bidirectional controls, words in another
/// script) would let a link write its own message on the calculator's page.
pub fn looks_like_a_setting(key: &str) -> bool {
    let plain = |text: &str| {
        (1..=40).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    };
    match key.split_once('=') {
        Some((name, value)) => plain(name) && plain(value),
        None => plain(key),
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
    unknown: Unknown,
}

/// Keys given more than once: a document that repeats a key is ambiguous, so the key is
/// refused rather than one of its values picked. Found in one pass with a hash set, so a
/// hostile document of many keys costs time in proportion to its length (a pairwise search
/// froze a tab for seconds on a 1 MB file).
#[derive(Debug, Default)]
pub struct Repeated<K> {
    /// In the order each was first repeated.
    pub keys: Vec<K>,
    set: HashSet<K>,
}

impl<K: Hash + Eq + Copy> Repeated<K> {
    pub fn contains(&self, key: &K) -> bool {
        self.set.contains(key)
    }
}

/// The keys of `keys` that come more than once, each named once.
pub fn repeated_keys<K: Hash + Eq + Copy>(keys: impl IntoIterator<Item = K>) -> Repeated<K> {
    let mut seen: HashSet<K> = HashSet::new();
    let mut repeated = Repeated {
        keys: Vec::new(),
        set: HashSet::new(),
    };
    for key in keys {
        if !seen.insert(key) && repeated.set.insert(key) {
            repeated.keys.push(key);
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

    /// A key that names nothing: named back if it looks like a setting, counted if not.
    pub fn unknown(&mut self, key: &str) {
        self.unknown.add(key);
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
            repeated_keys(["a", "b", "a", "c", "a", "b"]).keys,
            vec!["a", "b"]
        );
        assert!(repeated_keys(["a", "b"]).keys.is_empty());
    }

    /// A key whose comparisons are counted, to count the work of finding repeats.
    #[derive(Clone, Copy, Debug)]
    struct Counted<'a>(usize, &'a std::cell::Cell<usize>);

    impl PartialEq for Counted<'_> {
        fn eq(&self, other: &Self) -> bool {
            self.1.set(self.1.get() + 1);
            self.0 == other.0
        }
    }
    impl Eq for Counted<'_> {}
    impl Hash for Counted<'_> {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            self.1.set(self.1.get() + 1);
            self.0.hash(state);
        }
    }

    /// 100,000 keys take work in proportion to their number, not its square.
    #[test]
    fn repeats_are_found_in_linear_time() {
        let work = std::cell::Cell::new(0);
        let n = 100_000;
        let keys: Vec<Counted> = (0..n).map(|i| Counted(i, &work)).collect();
        assert!(repeated_keys(keys.iter().copied()).keys.is_empty());
        let distinct = work.get();
        assert!(distinct < 4 * n, "{distinct} steps for {n} distinct keys");
        work.set(0);
        let twice: Vec<Counted> = (0..n).map(|i| Counted(i % (n / 2), &work)).collect();
        assert_eq!(repeated_keys(twice.iter().copied()).keys.len(), n / 2);
        assert!(work.get() < 6 * n, "{} steps for {n} keys", work.get());
    }

    #[test]
    fn only_a_few_unknown_keys_are_named_and_only_if_they_look_like_settings() {
        let mut unknown = Unknown::default();
        for key in [
            "colour",
            "colour",
            "<img src=x>",
            "login at evil-example.com",
            "\u{202E}moc.elpmaxe-live",
            "lang=xx",
            "size",
            "weight",
            "height",
        ] {
            unknown.add(key);
        }
        assert_eq!(unknown.named, ["colour", "lang=xx", "size"]);
        assert_eq!(
            unknown.others, 5,
            "three unshaped keys and two past the first few"
        );
        assert!(looks_like_a_setting("lifetime_profit.low"));
        assert!(!looks_like_a_setting(""));
        assert!(!looks_like_a_setting(&"a".repeat(41)));
        assert!(!looks_like_a_setting("lang=a b"));
        assert!(!looks_like_a_setting("שדה"));
    }
}
