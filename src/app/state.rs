//! The one state of the app and the actions that change it (a `Reducible`, as in yew's
//! function_todomvc). The form keeps what the user typed; the scenario is the last one
//! that validated, so a bad entry never blanks the results.

use super::i18n::Language;
use super::numbers::{draft_text, parse_number, NumberSyntax, ParseProblem};
use super::presets::Preset;
use crate::model::scenario::{is_currency_code, FieldName, Problem, Unit};
use crate::model::{Field, Scenario, ValidScenario};
use std::collections::BTreeMap;

/// What is wrong with what the user typed into one input.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    Unreadable(ParseProblem),
    Invalid(Problem),
    Currency,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub language: Language,
    /// How the reader's locale writes numbers.
    pub syntax: NumberSyntax,
    /// The text in each numeric input, in display units (percentages for shares).
    pub drafts: BTreeMap<Field, String>,
    pub currency: String,
    pub count_after_horizon: bool,
    /// The example loaded last, until the user changes a figure.
    pub preset: Option<Preset>,
    /// The last scenario that validated: what the results show.
    pub scenario: ValidScenario,
    pub errors: BTreeMap<Field, EntryError>,
    pub currency_error: Option<EntryError>,
}

pub enum Action {
    SetLanguage(Language),
    Edit(Field, String),
    EditCurrency(String),
    SetCountAfterHorizon(bool),
    LoadPreset(Preset),
    /// Figures from a helper, in model units.
    Apply(Vec<(Field, f64)>),
}

/// Shares are typed as percentages.
pub fn display_factor(field: Field) -> f64 {
    if field.spec().unit == Unit::Share {
        100.0
    } else {
        1.0
    }
}

impl State {
    pub fn new(language: Language, syntax: NumberSyntax, scenario: ValidScenario) -> Self {
        let mut state = State {
            language,
            syntax,
            drafts: BTreeMap::new(),
            currency: String::new(),
            count_after_horizon: true,
            preset: None,
            scenario: scenario.clone(),
            errors: BTreeMap::new(),
            currency_error: None,
        };
        state.fill_from(&scenario);
        state
    }

    /// Writes a scenario into the form.
    fn fill_from(&mut self, scenario: &Scenario) {
        for field in Field::ALL {
            let text = scenario
                .value(field)
                .map(|value| draft_text(value * display_factor(field), self.syntax))
                .unwrap_or_default();
            self.drafts.insert(field, text);
        }
        self.currency = scenario.currency.clone();
        self.count_after_horizon = scenario.count_after_horizon;
        self.revalidate();
    }

    pub fn draft(&self, field: Field) -> &str {
        self.drafts.get(&field).map(String::as_str).unwrap_or("")
    }

    /// Whether the results on screen are older than the form.
    pub fn is_stale(&self) -> bool {
        !self.errors.is_empty() || self.currency_error.is_some()
    }

    /// Reads the whole form. Only a form without errors replaces the scenario.
    fn revalidate(&mut self) {
        let mut candidate = self.scenario.scenario().clone();
        self.errors.clear();
        self.currency_error = None;
        for field in Field::ALL {
            let text = self.draft(field);
            match parse_number(text, self.syntax) {
                Ok(number) => candidate.set(field, number / display_factor(field)),
                // An empty margin means none is given.
                Err(ParseProblem::Empty) if field == Field::ProfitMargin => {
                    candidate.profit_margin = None
                }
                Err(problem) => {
                    self.errors.insert(field, EntryError::Unreadable(problem));
                }
            }
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
                    if let FieldName::Numeric(field) = error.field {
                        self.errors
                            .entry(field)
                            .or_insert(EntryError::Invalid(error.problem));
                    }
                }
            }
        }
    }
}

impl State {
    /// The one place the state changes. Pure, so it is tested natively.
    pub fn apply(&mut self, action: Action) {
        let next = self;
        match action {
            Action::SetLanguage(language) => next.language = language,
            Action::Edit(field, text) => {
                next.drafts.insert(field, text);
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
                    next.drafts.insert(
                        field,
                        draft_text(value * display_factor(field), next.syntax),
                    );
                }
                next.preset = None;
                next.revalidate();
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        std::rc::Rc::new(next)
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
    fn a_bad_edit_keeps_the_last_valid_scenario() {
        let state = reduce(state(), Action::Edit(Field::UnhappyShareNow, "140".into()));
        assert_eq!(
            state.errors.get(&Field::UnhappyShareNow),
            Some(&EntryError::Invalid(Problem::OutOfRange(1.4)))
        );
        assert_eq!(state.scenario, ValidScenario::default());
        assert!(state.is_stale());
        // Another, valid edit still does not replace the scenario while one field is wrong.
        let state = reduce(state, Action::Edit(Field::LifetimeProfit, "30000".into()));
        assert_eq!(state.scenario.lifetime_profit, 20_000.0);
        let state = reduce(state, Action::Edit(Field::UnhappyShareNow, "".into()));
        assert_eq!(
            state.errors.get(&Field::UnhappyShareNow),
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
}
