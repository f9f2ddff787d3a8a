//! The app: one state and reducer, results derived with `use_memo`, the Monte Carlo after
//! the user pauses, and the formatters shared through context.

use super::charts::gain::GainChart;
use super::charts::histogram::HistogramChart;
use super::charts::tornado::TornadoChart;
use super::charts::waterfall::WaterfallChart;
use super::components::header::Header;
use super::components::headline::{Headline, Questions, Summary};
use super::components::inputs::Inputs;
use super::format::{browser_number_syntax, Formats};
use super::hooks::{initial_language, remember_language, use_after_pause};
use super::i18n::Language;
use super::presets::Preset;
use super::state::{Action, State};
use crate::model::uncertainty::{monte_carlo, tornado};
use crate::model::{evaluate, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the Monte Carlo runs.
const MONTE_CARLO_PAUSE_MS: u32 = 300;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The language to start in; by default the one chosen before, or the browser's.
    #[prop_or_default]
    pub language: Option<Language>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let start_language = props.language;
    let state = use_reducer(move || {
        let mut state = State::new(
            start_language.unwrap_or_else(initial_language),
            browser_number_syntax(),
            ValidScenario::default(),
        );
        // The defaults are the first example business.
        state.apply(Action::LoadPreset(Preset::SmallServiceIsrael));
        state
    });
    let scenario = state.scenario.clone();
    let results = use_memo(scenario.clone(), evaluate);
    let bars = use_memo(scenario.clone(), tornado);
    let (monte_carlo_result, monte_carlo_updating) =
        use_after_pause(scenario.clone(), MONTE_CARLO_PAUSE_MS, monte_carlo);
    let formats = use_memo(
        (state.language, scenario.currency.clone()),
        |(language, currency)| Formats::new(*language, currency),
    );

    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let on_language = {
        let state = state.clone();
        Callback::from(move |language: Language| {
            remember_language(language);
            state.dispatch(Action::SetLanguage(language));
        })
    };
    let on_preset = {
        let state = state.clone();
        Callback::from(move |preset: Preset| state.dispatch(Action::LoadPreset(preset)))
    };
    let language = state.language;
    let texts = language.texts();
    let stale = state.is_stale();
    let base_gain = results.projection.npv_gain.value().unwrap_or(0.0);

    html! {
        <ContextProvider<Rc<Formats>> context={formats}>
            <div class="cvc" lang={language.tag()} dir={language.dir()}>
                <Header {language} preset={state.preset} {on_language} {on_preset} />
                <Summary results={results.clone()} scenario={scenario.scenario().clone()} {stale} />
                <main class="layout">
                    <div class="area-headline">
                        <Headline results={results.clone()} scenario={scenario.scenario().clone()} {stale} />
                        <Questions results={results.clone()} monte_carlo={monte_carlo_result.clone()} updating={monte_carlo_updating} />
                    </div>
                    <div class="area-inputs">
                        <Inputs state={Rc::new((*state).clone())} {on_action} />
                    </div>
                    <div class="area-charts">
                        <GainChart results={results.clone()} horizon_years={scenario.horizon_years as u32} count_after_horizon={scenario.count_after_horizon} />
                        <WaterfallChart waterfall={results.waterfall} />
                        <TornadoChart bars={bars} {base_gain} />
                        <HistogramChart monte_carlo={monte_carlo_result} updating={monte_carlo_updating} />
                    </div>
                </main>
                <footer class="privacy"><p>{ texts.privacy }</p></footer>
            </div>
        </ContextProvider<Rc<Formats>>>
    }
}

/// Mounts the app into the element with id `cvc-root`, or the body.
pub fn mount() {
    let root = gloo::utils::document().get_element_by_id("cvc-root");
    match root {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
