//! The charts area: the four charts for the scenario on screen. The tornado is worked out
//! here, and the Monte Carlo once typing pauses, since nothing else in the extras module
//! needs them.

use crate::charts::gain::GainChart;
use crate::charts::histogram::HistogramChart;
use crate::charts::tornado::TornadoChart;
use crate::charts::waterfall::WaterfallChart;
use cvc_browser::HOOKS::{use_after_pause, MONTE_CARLO_PAUSE_MS};
use cvc_model::uncertainty::{monte_carlo, tornado};
use cvc_model::{Results, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
}

#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let scenario = &props.scenario;
    let bars = use_memo(scenario.clone(), tornado);
    let (monte_carlo_result, updating) =
        use_after_pause(scenario.clone(), MONTE_CARLO_PAUSE_MS, monte_carlo);
    let base_gain = props.results.projection.npv_gain.value().unwrap_or(0.0);
    html! {
        <>
            <GainChart results={props.results.clone()} horizon_years={scenario.horizon_years as u32} count_after_horizon={scenario.count_after_horizon} />
            <WaterfallChart waterfall={props.results.waterfall} />
            <TornadoChart bars={bars} {base_gain} />
            <HistogramChart monte_carlo={monte_carlo_result} {updating} />
        </>
    }
}
