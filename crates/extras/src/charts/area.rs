//! The charts area: the four charts for the scenario on screen, drawn one a task when they
//! first come (`use_one_more_each_task`). The tornado is worked out here, once its chart
//! is drawn, since nothing else needs it; the Monte Carlo comes from the page, which runs
//! it once typing pauses for its own answers.

use crate::charts::gain::GainChart;
use crate::charts::histogram::HistogramChart;
use crate::charts::tornado::TornadoChart;
use crate::charts::waterfall::WaterfallChart;
use cvc_browser::timing::use_one_more_each_task;
use cvc_model::uncertainty::{tornado, MonteCarlo};
use cvc_model::{Results, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
    /// The page's latest Monte Carlo, and whether it is for an older scenario.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    pub monte_carlo_stale: bool,
}

#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let scenario = &props.scenario;
    // On a phone the four come together when scrolled to, with some 300 of the chunk's
    // functions compiled as they first run: one a task keeps each task short
    // (docs/benchmarks.md, "The charts one a task").
    let drawn = use_one_more_each_task(1, 4);
    let bars = use_memo((scenario.clone(), drawn >= 3), |(scenario, drawn)| {
        drawn.then(|| tornado(scenario)).unwrap_or_default()
    });
    let monte_carlo = props.monte_carlo.clone();
    let updating = monte_carlo.is_none() || props.monte_carlo_stale;
    let base_gain = props.results.projection.npv_gain.value().unwrap_or(0.0);
    html! {
        <>
            <GainChart results={props.results.clone()} horizon_years={scenario.horizon_years as u32} count_after_horizon={scenario.count_after_horizon} />
            if drawn >= 2 {
                <WaterfallChart waterfall={props.results.waterfall} />
            }
            if drawn >= 3 {
                <TornadoChart bars={bars} {base_gain} />
            }
            if drawn >= 4 {
                <HistogramChart {monte_carlo} {updating} />
            }
        </>
    }
}
