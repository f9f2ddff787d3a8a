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

/// What the app does on each keystroke: both levels projected, the closed form, the
/// waterfall and the tornado over every input.
fn full_recompute(scenario: &ValidScenario) -> usize {
    let results = evaluate(divan::black_box(scenario));
    let bars = tornado(divan::black_box(scenario));
    results.projection.yearly_now.len() + bars.len()
}

/// Both levels over 30 years, the closed form, the waterfall and the tornado over every input.
#[divan::bench]
fn full_recompute_30_years() -> usize {
    full_recompute(&thirty_years())
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

/// The slowest case of the month cut into steps (docs/model-notes.md): ν = 50 with unhappy
/// customers staying a month gives 51 steps a month, so every projection costs 51 times
/// as much as with the defaults.
fn many_turned_away_in_a_month() -> ValidScenario {
    thirty_years()
        .with(Field::LostPerUnhappy, 50.0)
        .and_then(|scenario| scenario.with(Field::UnhappyProfitShare, 0.0))
        .expect("allowed")
}

#[divan::bench]
fn full_recompute_30_years_51_steps_a_month() -> usize {
    full_recompute(&many_turned_away_in_a_month())
}

#[divan::bench]
fn monte_carlo_2000_draws_51_steps_a_month() -> u32 {
    let scenario = many_turned_away_in_a_month().with_draws(DEFAULT_DRAWS);
    monte_carlo(divan::black_box(&scenario)).draws
}
