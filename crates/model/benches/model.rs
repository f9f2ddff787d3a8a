//! Speed of the model, measured (not asserted): one full recompute as the app does on each
//! keystroke, and the Monte Carlo. Run with `cargo bench --bench model`; figures go in
//! docs/benchmarks.md.

use cvc_model::ranges::DEFAULT_DRAWS;
use cvc_model::uncertainty::{monte_carlo, tornado};
use cvc_model::{evaluate, Field, ValidScenario};

fn main() {
    divan::main();
}

fn thirty_years() -> ValidScenario {
    ValidScenario::default()
        .with(Field::HorizonYears, 30.0)
        .expect("30 years is allowed")
}

/// Both levels over 30 years, the closed form, the waterfall and the tornado over every input.
#[divan::bench]
fn full_recompute_30_years() -> usize {
    let scenario = thirty_years();
    let results = evaluate(divan::black_box(&scenario));
    let bars = tornado(divan::black_box(&scenario));
    results.projection.yearly_now.len() + bars.len()
}

#[divan::bench]
fn evaluate_30_years() -> usize {
    evaluate(divan::black_box(&thirty_years()))
        .projection
        .yearly_now
        .len()
}

#[divan::bench(args = [5.0, 30.0])]
fn monte_carlo_2000_draws(horizon_years: f64) -> u32 {
    let scenario = ValidScenario::default()
        .with(Field::HorizonYears, horizon_years)
        .expect("allowed")
        .with_draws(DEFAULT_DRAWS);
    monte_carlo(divan::black_box(&scenario)).draws
}
