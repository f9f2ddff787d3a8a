//! The one state of the app and the actions that change it, as in yew's function_todomvc:
//! [`State::apply`] is the reducer, pure and tested natively (the page wraps it in Yew's
//! `Reducible`). The form keeps what the user typed; the scenario is the last one that
//! validated, so a bad entry never blanks the results.
//!
//! Per-field tables are arrays indexed by [`Field::index`], not maps: the browser build
//! pays for every generic container in kilobytes.

use crate::codec::decimal;
use crate::codec::field_reader::Reading;
use crate::notice::{Notice, Source};
use crate::numbers::{draft_text, parse_number, NumberKind, NumberSyntax, ParseProblem};
use crate::presets::Preset;
use crate::words::Language;
use cvc_model::fields::{is_currency_code, FieldError, FieldName, Problem, Unit};
use cvc_model::ranges::{Uncertainty, MAX_DRAWS};
use cvc_model::{Field, Scenario, ValidScenario};

/// What is wrong with what the user typed into one input.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    Unreadable(ParseProblem),
    Invalid(Problem),
    Currency,
}

/// One end of an uncertainty range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Low,
    High,
}

/// The uncertainty of one input as the form holds it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RangeDraft {
    /// The ends as typed, in display units; `None` follows the value at ±25%.
    pub ends: Option<(String, String)>,
    pub varies: bool,
}

const NUMERIC: usize = Field::ALL.len();
const GAIN_INPUTS: usize = Field::AFFECTING_GAIN.len();

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub language: Language,
    /// How the reader's locale writes numbers.
    pub syntax: NumberSyntax,
    /// The text in each numeric input, in display units (percentages for shares).
    pub drafts: [String; NUMERIC],
    pub currency: String,
    pub count_after_horizon: bool,
    /// The uncertainty of each input that moves the gain, and the number of draws typed.
    pub ranges: [RangeDraft; GAIN_INPUTS],
    pub draws: String,
    /// The example loaded last, until the user changes a figure.
    pub preset: Option<Preset>,
    /// The last scenario that validated: what the results show.
    pub scenario: ValidScenario,
    pub errors: [Option<EntryError>; NUMERIC],
    pub range_errors: [Option<EntryError>; GAIN_INPUTS],
    pub draws_error: Option<EntryError>,
    pub currency_error: Option<EntryError>,
    /// What was ignored in the last link, file or attributes read, until dismissed.
    pub notice: Option<Notice>,
}

pub enum Action {
    SetLanguage(Language),
    Edit(Field, String),
    EditCurrency(String),
    SetCountAfterHorizon(bool),
    LoadPreset(Preset),
    /// Figures from a helper, in model units.
    Apply(Vec<(Field, f64)>),
    EditRange(Field, End, String),
    SetVaries(Field, bool),
    EditDraws(String),
    /// Every range, what varies and the draws back to model.md's defaults.
    ResetUncertainty,
    /// A scenario read from a link or an embed's attributes, with its notice of what was
    /// ignored.
    ReadScenario(Reading, Source),
    /// A scenario that is whole and valid (a saved one opened, a file the Export panel
    /// read), put on screen as it is.
    ShowScenario(ValidScenario),
    /// Some fields of a reading (an embed's attribute that changed): those fields take the
    /// reading's values, every other field keeps what the visitor typed, and the notice
    /// says what of those fields was not taken.
    ReadFields(Reading, Vec<FieldName>, Source),
    ShowNotice(Notice),
    DismissNotice,
}

/// Shares are typed as percentages.
pub fn display_factor(field: Field) -> f64 {
    if field.spec().unit == Unit::Share {
        100.0
    } else {
        1.0
    }
}

/// What signs may be typed beside the field's number.
pub fn number_kind(field: Field) -> NumberKind {
    NumberKind::of(field.spec().unit)
}

impl State {
    pub fn new(language: Language, syntax: NumberSyntax, scenario: ValidScenario) -> Self {
        let mut state = State {
            language,
            syntax,
            drafts: Default::default(),
            currency: String::new(),
            count_after_horizon: true,
            ranges: Default::default(),
            draws: String::new(),
            preset: None,
            scenario: scenario.clone(),
            errors: Default::default(),
            range_errors: Default::default(),
            draws_error: None,
            currency_error: None,
            notice: None,
        };
        state.fill_from(&scenario);
        state
    }

    fn text(&self, field: Field, value: f64) -> String {
        draft_text(value * display_factor(field), self.syntax)
    }

    /// Writes a scenario into the form.
    fn fill_from(&mut self, scenario: &Scenario) {
        for field in Field::ALL {
            self.drafts[field.index()] = scenario
                .value(field)
                .map(|value| self.text(field, value))
                .unwrap_or_default();
        }
        self.currency = scenario.currency.clone();
        self.count_after_horizon = scenario.count_after_horizon;
        self.fill_uncertainty(&scenario.uncertainty);
        self.revalidate();
    }

    /// Writes one field of a scenario into the form.
    fn take_field(&mut self, scenario: &Scenario, field: FieldName) {
        match field {
            FieldName::Numeric(field) => {
                self.drafts[field.index()] = scenario
                    .value(field)
                    .map(|value| self.text(field, value))
                    .unwrap_or_default();
            }
            FieldName::Range(field) => {
                // The profit margin has no range: nothing to take.
                if let Some(input) = scenario.uncertainty.input(field) {
                    let ends = input
                        .ends
                        .map(|(low, high)| (self.text(field, low), self.text(field, high)));
                    self.ranges[field.index()] = RangeDraft {
                        ends,
                        varies: input.varies,
                    };
                }
            }
            FieldName::Currency => self.currency = scenario.currency.clone(),
            FieldName::CountAfterHorizon => self.count_after_horizon = scenario.count_after_horizon,
            FieldName::Draws => self.draws = scenario.uncertainty.draws.to_string(),
            FieldName::SchemaVersion | FieldName::Document => {}
        }
    }

    /// The notice after some fields were read again: what it said of those fields gives
    /// way to what the new reading says of them. What it said of a document as a whole
    /// (that it could not be read as a scenario) gives way to any new reading, which is a
    /// new document.
    fn renotice(&mut self, reading: Reading, fields: &[FieldName], source: Source) {
        let of_the_document =
            |field: &FieldName| matches!(field, FieldName::Document | FieldName::SchemaVersion);
        let mut problems: Vec<FieldError> = self
            .notice
            .take()
            .map(|notice| notice.problems)
            .unwrap_or_default()
            .into_iter()
            .filter(|problem| !fields.contains(&problem.field) && !of_the_document(&problem.field))
            .collect();
        problems.extend(
            reading
                .problems
                .into_iter()
                .filter(|problem| fields.contains(&problem.field)),
        );
        let notice = Notice {
            source,
            problems,
            unknown: reading.unknown,
        };
        self.notice = (!notice.problems.is_empty() || !notice.unknown.is_empty()).then_some(notice);
    }

    fn fill_uncertainty(&mut self, uncertainty: &Uncertainty) {
        for field in Field::AFFECTING_GAIN {
            let input = uncertainty.input(field).unwrap_or_default();
            self.ranges[field.index()] = RangeDraft {
                ends: input
                    .ends
                    .map(|(low, high)| (self.text(field, low), self.text(field, high))),
                varies: input.varies,
            };
        }
        self.draws = uncertainty.draws.to_string();
    }

    pub fn draft(&self, field: Field) -> &str {
        &self.drafts[field.index()]
    }

    pub fn error(&self, field: Field) -> Option<&EntryError> {
        self.errors[field.index()].as_ref()
    }

    pub fn range(&self, field: Field) -> &RangeDraft {
        &self.ranges[field.index()]
    }

    /// The text of one end of a range: what was typed, or the end that ±25% of the value
    /// in use gives.
    pub fn range_text(&self, field: Field, end: End) -> String {
        match (&self.range(field).ends, end) {
            (Some((low, _)), End::Low) => low.clone(),
            (Some((_, high)), End::High) => high.clone(),
            (None, end) => {
                let (low, high) = self
                    .scenario
                    .uncertainty
                    .ends(field, self.scenario.get(field));
                self.text(field, if end == End::Low { low } else { high })
            }
        }
    }

    /// Whether the results on screen are older than the form.
    pub fn is_stale(&self) -> bool {
        self.invalid_count() > 0
    }

    /// How many of the form's entries are invalid (fields, range ends, the number of
    /// draws, the currency); any makes the results on screen the last valid ones.
    pub fn invalid_count(&self) -> usize {
        self.errors.iter().flatten().count()
            + self.range_errors.iter().flatten().count()
            + usize::from(self.draws_error.is_some())
            + usize::from(self.currency_error.is_some())
    }

    fn read(&self, field: Field, text: &str) -> Result<f64, ParseProblem> {
        parse_number(text, self.syntax, number_kind(field)).map(|n| n / display_factor(field))
    }

    /// Reads the whole form. Only a form without errors replaces the scenario.
    fn revalidate(&mut self) {
        let mut candidate = self.scenario.scenario().clone();
        self.errors = Default::default();
        self.range_errors = Default::default();
        self.draws_error = None;
        self.currency_error = None;
        for field in Field::ALL {
            match self.read(field, self.draft(field)) {
                Ok(number) => candidate.set(field, number),
                // An empty margin means none is given.
                Err(ParseProblem::Empty) if field == Field::ProfitMargin => {
                    candidate.profit_margin = None
                }
                Err(problem) => self.errors[field.index()] = Some(EntryError::Unreadable(problem)),
            }
        }
        for field in Field::AFFECTING_GAIN {
            let draft = &self.ranges[field.index()];
            let ends = match &draft.ends {
                None => Ok(None),
                Some((low, high)) => self
                    .read(field, low)
                    .and_then(|low| Ok(Some((low, self.read(field, high)?)))),
            };
            match ends {
                Ok(ends) => candidate.uncertainty.set_ends(field, ends),
                Err(problem) => {
                    self.range_errors[field.index()] = Some(EntryError::Unreadable(problem))
                }
            }
            candidate.uncertainty.set_varies(field, draft.varies);
        }
        match decimal::parse(self.draws.trim()) {
            Some(draws)
                if draws.fract() == 0.0 && (1.0..=f64::from(MAX_DRAWS)).contains(&draws) =>
            {
                candidate.uncertainty.draws = draws as u32
            }
            Some(draws) => self.draws_error = Some(EntryError::Invalid(Problem::OutOfRange(draws))),
            None => self.draws_error = Some(EntryError::Unreadable(ParseProblem::NotANumber)),
        }
        candidate.currency = self.currency.trim().to_ascii_uppercase();
        if !is_currency_code(&candidate.currency) {
            self.currency_error = Some(EntryError::Currency);
        }
        candidate.count_after_horizon = self.count_after_horizon;
        match candidate.validate() {
            Ok(valid) if !self.is_stale() => self.scenario = valid,
            Ok(_) => {}
            Err(errors) => {
                for error in errors {
                    let slot = match error.field {
                        FieldName::Numeric(field) => &mut self.errors[field.index()],
                        FieldName::Range(field) => &mut self.range_errors[field.index()],
                        FieldName::Draws => &mut self.draws_error,
                        _ => continue,
                    };
                    slot.get_or_insert(EntryError::Invalid(error.problem));
                }
            }
        }
    }

    /// The one place the state changes. Pure, so it is tested natively.
    pub fn apply(&mut self, action: Action) {
        let next = self;
        match action {
            Action::SetLanguage(language) => next.language = language,
            Action::Edit(field, text) => {
                next.drafts[field.index()] = text;
                next.preset = None;
                next.revalidate();
            }
            Action::EditCurrency(code) => {
                next.currency = code;
                next.preset = None;
                next.revalidate();
            }
            Action::SetCountAfterHorizon(on) => {
                next.count_after_horizon = on;
                next.revalidate();
            }
            Action::LoadPreset(preset) => {
                next.fill_from(&preset.scenario());
                next.preset = Some(preset);
            }
            Action::Apply(values) => {
                for (field, value) in values {
                    next.drafts[field.index()] = next.text(field, value);
                }
                next.preset = None;
                next.revalidate();
            }
            Action::EditRange(field, end, text) => {
                let shown = (
                    next.range_text(field, End::Low),
                    next.range_text(field, End::High),
                );
                let ends = next.ranges[field.index()].ends.get_or_insert(shown);
                match end {
                    End::Low => ends.0 = text,
                    End::High => ends.1 = text,
                }
                next.revalidate();
            }
            Action::SetVaries(field, varies) => {
                next.ranges[field.index()].varies = varies;
                next.revalidate();
            }
            Action::EditDraws(text) => {
                next.draws = text;
                next.revalidate();
            }
            Action::ResetUncertainty => {
                let defaults = Uncertainty::default();
                next.fill_uncertainty(&defaults);
                next.revalidate();
            }
            Action::ReadScenario(reading, source) => {
                let scenario = reading.scenario.clone();
                next.notice = Notice::of(reading, source);
                next.preset = None;
                next.scenario = scenario.clone();
                next.fill_from(&scenario);
            }
            Action::ShowScenario(scenario) => {
                next.preset = None;
                next.scenario = scenario.clone();
                next.fill_from(&scenario);
            }
            Action::ReadFields(reading, mut fields, source) => {
                // A field the reading refused keeps what it had: a bad value is ignored
                // on its own, and said in the notice.
                for &field in &fields {
                    if !reading
                        .problems
                        .iter()
                        .any(|problem| problem.field == field)
                    {
                        next.take_field(&reading.scenario, field);
                    }
                }
                // A value taken whose range (the host's, or the one on screen) does not
                // contain it: the reading dropped that range and said why. The range goes
                // with its value, and the notice says so; kept, it would hold the whole
                // calculator at its last answer, with nothing highlighted where only the
                // answers show.
                for problem in &reading.problems {
                    if let (FieldName::Range(field), Problem::RangeExcludesValue { .. }) =
                        (problem.field, &problem.problem)
                    {
                        if fields.contains(&FieldName::Numeric(field))
                            && !fields.contains(&problem.field)
                        {
                            next.take_field(&reading.scenario, problem.field);
                            fields.push(problem.field);
                        }
                    }
                }
                next.preset = None;
                next.revalidate();
                next.renotice(reading, &fields, source);
            }
            Action::ShowNotice(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(
            Language::English,
            NumberSyntax::DOT_DECIMAL,
            ValidScenario::default(),
        )
    }

    fn reduce(mut state: State, action: Action) -> State {
        state.apply(action);
        state
    }

    #[test]
    fn the_form_starts_from_the_scenario_in_display_units() {
        let state = state();
        assert_eq!(state.draft(Field::UnhappyShareNow), "40");
        assert_eq!(state.draft(Field::LifetimeProfit), "20000");
        assert_eq!(state.draft(Field::ProfitMargin), "");
        assert_eq!(state.draws, "2000");
        assert!(!state.is_stale());
    }

    #[test]
    fn a_valid_edit_updates_the_scenario() {
        let state = reduce(state(), Action::Edit(Field::UnhappyShareNow, "35".into()));
        assert_eq!(state.scenario.unhappy_share_now, 0.35);
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "25,000".into()));
        assert_eq!(state.scenario.lifetime_profit, 25_000.0);
        assert!(!state.is_stale());
    }

    #[test]
    fn the_invalid_entries_are_counted_and_any_makes_the_result_stale() {
        let state = reduce(state(), Action::Edit(Field::UnhappyShareNow, "140".into()));
        assert_eq!(state.invalid_count(), 1);
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "".into()));
        assert_eq!(state.invalid_count(), 2);
        let state = reduce(state, Action::Edit(Field::UnhappyShareNow, "40".into()));
        assert_eq!(state.invalid_count(), 1);
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "20000".into()));
        assert_eq!(state.invalid_count(), 0);
        assert!(!state.is_stale());
    }

    #[test]
    fn a_bad_edit_keeps_the_last_valid_scenario() {
        let state = reduce(state(), Action::Edit(Field::UnhappyShareNow, "140".into()));
        assert_eq!(
            state.error(Field::UnhappyShareNow),
            Some(&EntryError::Invalid(Problem::OutOfRange(1.4)))
        );
        assert_eq!(state.scenario, ValidScenario::default());
        assert!(state.is_stale());
        // Another, valid edit still does not replace the scenario while one field is wrong.
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "30000".into()));
        assert_eq!(state.scenario.lifetime_profit, 20_000.0);
        let state = reduce(state, Action::Edit(Field::UnhappyShareNow, "".into()));
        assert_eq!(
            state.error(Field::UnhappyShareNow),
            Some(&EntryError::Unreadable(ParseProblem::Empty))
        );
        // Fixing it brings both edits in.
        let state = reduce(state, Action::Edit(Field::UnhappyShareNow, "50".into()));
        assert!(!state.is_stale());
        assert_eq!(
            (
                state.scenario.unhappy_share_now,
                state.scenario.lifetime_profit
            ),
            (0.5, 30_000.0)
        );
    }

    #[test]
    fn signs_and_grouping_are_checked_per_field() {
        let state = reduce(state(), Action::Edit(Field::AcquisitionCost, "5%".into()));
        assert_eq!(
            state.error(Field::AcquisitionCost),
            Some(&EntryError::Unreadable(ParseProblem::MisplacedSign('%')))
        );
        let state = reduce(state, Action::Edit(Field::AcquisitionCost, "1,2,3".into()));
        assert_eq!(
            state.error(Field::AcquisitionCost),
            Some(&EntryError::Unreadable(ParseProblem::Grouping))
        );
        let state = reduce(state, Action::Edit(Field::AcquisitionCost, "₪1,500".into()));
        let state = reduce(state, Action::Edit(Field::UnhappyShareNow, "35%".into()));
        assert!(!state.is_stale());
        assert_eq!(state.scenario.acquisition_cost, 1_500.0);
        assert_eq!(state.scenario.unhappy_share_now, 0.35);
    }

    #[test]
    fn an_empty_margin_is_no_margin() {
        let state = reduce(state(), Action::Edit(Field::ProfitMargin, "30".into()));
        assert_eq!(state.scenario.profit_margin, Some(0.3));
        let state = reduce(state, Action::Edit(Field::ProfitMargin, " ".into()));
        assert_eq!(state.scenario.profit_margin, None);
        assert!(!state.is_stale());
    }

    #[test]
    fn currency_codes_are_checked_and_capitalised() {
        let state = reduce(state(), Action::EditCurrency("usd".into()));
        assert_eq!(state.scenario.currency, "USD");
        let state = reduce(state, Action::EditCurrency("dollars".into()));
        assert_eq!(state.currency_error, Some(EntryError::Currency));
        assert_eq!(state.scenario.currency, "USD");
    }

    #[test]
    fn presets_fill_the_form_and_helpers_apply_in_model_units() {
        let state = reduce(state(), Action::LoadPreset(Preset::B2bServices));
        assert_eq!(state.preset, Some(Preset::B2bServices));
        assert_eq!(state.scenario.scenario(), &Preset::B2bServices.scenario());
        assert_eq!(state.draft(Field::UnhappyShareInvest), "12");
        let state = reduce(
            state,
            Action::Apply(vec![
                (Field::UnhappyShareNow, 0.267),
                (Field::CustomerLifetimeYears, 5.0),
            ]),
        );
        assert_eq!(state.draft(Field::UnhappyShareNow), "26.7");
        assert_eq!(state.scenario.unhappy_share_now, 0.267);
        assert_eq!(state.preset, None);
    }

    #[test]
    fn default_ranges_follow_the_value_until_typed() {
        let state = state();
        assert_eq!(state.range_text(Field::LifetimeProfit, End::Low), "15000");
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "30000".into()));
        assert_eq!(state.range_text(Field::LifetimeProfit, End::High), "37500");
        // Typing one end fixes both, in display units.
        let state = reduce(
            state,
            Action::EditRange(Field::UnhappyShareNow, End::High, "60".into()),
        );
        assert_eq!(state.range_text(Field::UnhappyShareNow, End::Low), "30");
        assert_eq!(
            state.scenario.uncertainty.ends(Field::UnhappyShareNow, 0.4),
            (0.3, 0.6)
        );
        assert!(!state.is_stale());
    }

    #[test]
    fn a_range_that_leaves_out_its_value_is_an_error_beside_it() {
        let state = reduce(
            state(),
            Action::EditRange(Field::LifetimeProfit, End::High, "18000".into()),
        );
        assert_eq!(
            state.range_errors[Field::LifetimeProfit.index()],
            Some(EntryError::Invalid(Problem::RangeExcludesValue {
                low: 15_000.0,
                high: 18_000.0,
                value: 20_000.0
            }))
        );
        assert!(state.is_stale());
        assert_eq!(
            state.scenario,
            ValidScenario::default(),
            "last good result stays"
        );
        let state = reduce(
            state,
            Action::EditRange(Field::LifetimeProfit, End::High, "abc".into()),
        );
        assert_eq!(
            state.range_errors[Field::LifetimeProfit.index()],
            Some(EntryError::Unreadable(ParseProblem::NotANumber))
        );
        let state = reduce(state, Action::ResetUncertainty);
        assert!(!state.is_stale());
    }

    #[test]
    fn varies_and_draws_are_part_of_the_scenario() {
        let state = reduce(state(), Action::SetVaries(Field::AcquisitionCost, true));
        assert!(state.scenario.uncertainty.varies(Field::AcquisitionCost));
        let state = reduce(state, Action::EditDraws("5000".into()));
        assert_eq!(state.scenario.uncertainty.draws, 5_000);
        let state = reduce(state, Action::EditDraws("20001".into()));
        assert!(state.draws_error.is_some());
        assert_eq!(state.scenario.uncertainty.draws, 5_000);
        let state = reduce(state, Action::ResetUncertainty);
        assert_eq!(state.scenario.uncertainty, Uncertainty::default());
    }

    #[test]
    fn a_value_read_outside_the_range_on_screen_takes_the_range_out_with_a_notice() {
        // The host's own range, then a value outside it (an attribute or the scenario
        // property, read onto what is on screen).
        let state = reduce(
            state(),
            Action::Edit(Field::LifetimeProfit, "100000".into()),
        );
        let state = reduce(
            state,
            Action::EditRange(Field::LifetimeProfit, End::Low, "90000".into()),
        );
        let state = reduce(
            state,
            Action::EditRange(Field::LifetimeProfit, End::High, "130000".into()),
        );
        let ends = |state: &State| {
            state
                .scenario
                .uncertainty
                .input(Field::LifetimeProfit)
                .and_then(|input| input.ends)
        };
        assert_eq!(ends(&state), Some((90_000.0, 130_000.0)));
        let mut reader = crate::codec::field_reader::FieldReader::starting_from(
            state.scenario.scenario().clone(),
        );
        reader.number(Field::LifetimeProfit, Ok(150_000.0));
        reader.number(Field::UnhappyShareNow, Ok(0.5));
        let state = reduce(
            state,
            Action::ReadFields(
                reader.finish(),
                vec![
                    FieldName::Numeric(Field::LifetimeProfit),
                    FieldName::Numeric(Field::UnhappyShareNow),
                ],
                Source::Property,
            ),
        );
        assert!(!state.is_stale(), "answered, not held at the last answer");
        assert_eq!(state.scenario.lifetime_profit, 150_000.0);
        assert_eq!(state.scenario.unhappy_share_now, 0.5);
        assert_eq!(ends(&state), None);
        let notice = state.notice.expect("a notice");
        assert!(notice.problems.iter().any(|problem| problem.field
            == FieldName::Range(Field::LifetimeProfit)
            && matches!(problem.problem, Problem::RangeExcludesValue { .. })));
    }

    #[test]
    fn reading_some_fields_again_keeps_every_other_edit_and_ignores_a_refused_value() {
        let state = reduce(state(), Action::Edit(Field::AcquisitionCost, "2500".into()));
        // The visitor's unfinished edit of another field stays as typed.
        let state = reduce(state, Action::Edit(Field::ProfitMargin, "3".into()));
        let mut reader = crate::codec::field_reader::FieldReader::default();
        reader.number(Field::LifetimeProfit, Ok(45_000.0));
        let state = reduce(
            state,
            Action::ReadFields(
                reader.finish(),
                vec![FieldName::Numeric(Field::LifetimeProfit)],
                Source::Attributes,
            ),
        );
        assert_eq!(state.scenario.lifetime_profit, 45_000.0);
        assert_eq!(state.scenario.acquisition_cost, 2_500.0);
        assert_eq!(state.draft(Field::ProfitMargin), "3");
        assert!(state.notice.is_none());
        let mut reader = crate::codec::field_reader::FieldReader::default();
        reader.number(Field::LifetimeProfit, Ok(-5.0));
        let state = reduce(
            state,
            Action::ReadFields(
                reader.finish(),
                vec![FieldName::Numeric(Field::LifetimeProfit)],
                Source::Attributes,
            ),
        );
        assert_eq!(
            state.scenario.lifetime_profit, 45_000.0,
            "refused on its own"
        );
        let notice = state.notice.clone().expect("a notice");
        assert_eq!(
            notice.problems[0].field,
            FieldName::Numeric(Field::LifetimeProfit)
        );
        // The field set right again: the notice of it goes.
        let mut reader = crate::codec::field_reader::FieldReader::default();
        reader.number(Field::LifetimeProfit, Ok(30_000.0));
        let state = reduce(
            state,
            Action::ReadFields(
                reader.finish(),
                vec![FieldName::Numeric(Field::LifetimeProfit)],
                Source::Attributes,
            ),
        );
        assert_eq!(state.scenario.lifetime_profit, 30_000.0);
        assert!(state.notice.is_none());
    }

    #[test]
    fn a_reading_replaces_the_form_and_keeps_its_notice() {
        let mut reader = crate::codec::field_reader::FieldReader::default();
        reader.number(Field::LifetimeProfit, Ok(45_000.0));
        reader.number(Field::UnhappyShareNow, Ok(7.0));
        let state = reduce(state(), Action::ReadScenario(reader.finish(), Source::Link));
        assert_eq!(state.draft(Field::LifetimeProfit), "45000");
        assert_eq!(state.scenario.lifetime_profit, 45_000.0);
        let notice = state.notice.clone().expect("a notice");
        assert_eq!(notice.source, Source::Link);
        assert_eq!(
            notice.problems[0].field,
            FieldName::Numeric(Field::UnhappyShareNow)
        );
        assert!(reduce(state, Action::DismissNotice).notice.is_none());
    }
}
