//! The model's claims, checked natively: hand-derived values for the defaults, the
//! identities of model.md "Identities that tests hold the code to", the helpers, and
//! garbage input. Property-based tests over the whole input space are in `properties.rs`.
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::field_reader::Reading;
use cvc_core::codec::scenario_file;
use cvc_model::customer_value::{customer_value, value_per_customer};
use cvc_model::fields::{FieldError, FieldName, Problem};
use cvc_model::helpers::{
    lifetime_from_yearly, unhappy_share_from_metrics, yearly_from_lifetime, HelperInput,
    ProblemSize, ServiceMetrics,
};
use cvc_model::projection::{
    net_present_values, net_present_values_in_steps, project, steps_per_month, Level, Projector,
};
use cvc_model::ranges::{check_range, Uncertainty};
use cvc_model::results::{evaluate, waterfall};
use cvc_model::scenario::{Scenario, ValidScenario};
use cvc_model::uncertainty::{
    histogram, monte_carlo, percentile, tornado, triangular, MonteCarloRun, SplitMix64,
    DRAWS_PER_BATCH,
};
use cvc_model::{Field, Figure, Why};

/// Reads a scenario file as the command-line tool does: any problem refuses the file.
fn from_json(text: &str) -> Result<Reading, Vec<FieldError>> {
    match scenario_file::read(text) {
        Ok(reading) if reading.is_clean() => Ok(reading),
        Ok(reading) => Err(reading.problems),
        Err(error) => Err(vec![error]),
    }
}

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    (actual - expected).abs() <= relative * expected.abs().max(1.0)
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, relative: f64) {
    assert!(
        close(actual, expected, relative),
        "expected {expected}, got {actual} (relative tolerance {relative})"
    );
}

fn value(figure: Figure) -> f64 {
    figure
        .value()
        .unwrap_or_else(|| panic!("expected a value, got {figure:?}"))
}

fn valid(scenario: Scenario) -> ValidScenario {
    scenario
        .validate()
        .unwrap_or_else(|errors| panic!("invalid test scenario: {errors:?}"))
}

// --- Defaults, derived by hand ---------------------------------------------------------

#[test]
fn defaults_match_model_md() {
    let s = Scenario::default();
    assert_eq!(s.currency, "ILS");
    assert_eq!(
        (
            s.acquisition_cost,
            s.lifetime_profit,
            s.customer_lifetime_years,
            s.new_customers_per_year
        ),
        (2_000.0, 20_000.0, 5.0, 40.0)
    );
    assert_eq!(
        (
            s.current_customers,
            s.referrals_per_happy,
            s.lost_per_unhappy
        ),
        (100.0, 0.3, 0.5)
    );
    assert_eq!(
        (
            s.unhappy_profit_share,
            s.unhappy_share_now,
            s.unhappy_share_invest
        ),
        (0.25, 0.40, 0.15)
    );
    assert_eq!(
        (s.service_budget_per_year, s.horizon_years, s.discount_rate),
        (60_000.0, 5.0, 0.08)
    );
    assert!(s.count_after_horizon);
    assert_eq!(s.profit_margin, None);
    assert!(s.validate().is_ok());
}

#[test]
fn closed_form_for_the_defaults() {
    // k(0.40) = 0.6·0.3 − 0.4·0.5 = −0.02; B(0.40) = 20000·(1 − 0.4·0.75) = 14000.
    // E(0.40) = 14000 / 1.02. k(0.15) = 0.85·0.3 − 0.15·0.5 = 0.18; B(0.15) = 17750;
    // E(0.15) = 17750 / 0.82.
    let c = customer_value(&Scenario::default());
    let e_now = 14_000.0 / 1.02;
    let e_invest = 17_750.0 / 0.82;
    assert_close(c.word_of_mouth_now, -0.02, 1e-12);
    assert_close(c.word_of_mouth_invest, 0.18, 1e-12);
    assert_close(value(c.value_per_customer_now), e_now, 1e-12);
    assert_close(value(c.value_per_customer_invest), e_invest, 1e-12);
    // Happy: L + ρE = 20000 + 0.3·E; unhappy: λL − νE = 5000 − 0.5·E.
    assert_close(value(c.happy_customer_value), 20_000.0 + 0.3 * e_now, 1e-12);
    assert_close(
        value(c.unhappy_customer_value),
        5_000.0 - 0.5 * e_now,
        1e-12,
    );
    // (1−λ)L + (ρ+ν)E = 15000 + 0.8·E = 25980.39...
    assert_close(
        value(c.unhappy_customer_cost),
        15_000.0 + 0.8 * e_now,
        1e-12,
    );
    assert_close(
        value(c.unhappy_customer_cost),
        25_980.392_156_862_745,
        1e-12,
    );
    // a·(E(p1) − E(p0)) = 40·(21646.34 − 13725.49) = 316834.05.
    assert_close(
        value(c.yearly_cost_of_poor_service),
        40.0 * (e_invest - e_now),
        1e-12,
    );
    assert_close(
        value(c.yearly_cost_of_poor_service),
        316_834.050_693_448,
        1e-9,
    );
    assert_eq!(c.yearly_revenue_lost, Figure::Missing(Why::NoProfitMargin));
    assert_close(
        value(c.steady_yearly_profit_now),
        40.0 * (e_now - 2_000.0),
        1e-12,
    );
}

#[test]
fn revenue_lost_restates_the_cost_through_the_margin() {
    let scenario = Scenario {
        profit_margin: Some(0.25),
        ..Scenario::default()
    };
    let c = customer_value(&scenario);
    assert_close(
        value(c.yearly_revenue_lost),
        value(c.yearly_cost_of_poor_service) / 0.25,
        1e-12,
    );
}

#[test]
fn first_month_of_the_projection_by_hand() {
    // M_h = 60, M_u = max(1, 12·0.25·5) = 15. H_0 = 60, U_0 = 40.
    // Referrals 0.3/60·60 = 0.3; turned away 0.5/15·40 = 4/3; marketing 40/12.
    // n_1 = 10/3 + 0.3 − 4/3 = 2.3.
    let s = Scenario::default();
    let month = Projector::new(&s, Level::Today).step();
    assert_eq!(month.index, 1);
    assert_close(month.won_referral, 0.3, 1e-12);
    assert_close(month.turned_away, 4.0 / 3.0, 1e-12);
    // H_1 = 59/60·60 + 0.6·2.3 = 60.38; U_1 = 14/15·40 + 0.4·2.3.
    assert_close(month.happy, 60.38, 1e-12);
    assert_close(month.unhappy, 40.0 * 14.0 / 15.0 + 0.92, 1e-12);
    // P_1 = (20000/60)·H_1 + (5000/15)·U_1 − 2000·40/12.
    let profit = 20_000.0 / 60.0 * 60.38 + 5_000.0 / 15.0 * (40.0 * 14.0 / 15.0 + 0.92)
        - 2_000.0 * 40.0 / 12.0;
    assert_close(month.profit, profit, 1e-12);
    assert_close(month.discount_factor, 1.08f64.powf(-1.0 / 12.0), 1e-12);

    let invest = Projector::new(&s, Level::Invest).step();
    assert_close(invest.happy, 59.0 + 0.85 * 2.3, 1e-12);
    // The same customer-months earn the same, less a month of the budget, 60000/12.
    let invest_profit = 20_000.0 / 60.0 * (59.0 + 0.85 * 2.3)
        + 5_000.0 / 15.0 * (40.0 * 14.0 / 15.0 + 0.15 * 2.3)
        - 2_000.0 * 40.0 / 12.0
        - 5_000.0;
    assert_close(invest.profit, invest_profit, 1e-12);
}

#[test]
fn yearly_rows_follow_the_months() {
    let s = Scenario::default();
    let projection = project(&s);
    assert_eq!(projection.yearly_now.len(), 5);
    assert_eq!(projection.yearly_invest.len(), 5);
    let mut projector = Projector::new(&s, Level::Today);
    let (mut profit, mut referral, mut cumulative) = (0.0, 0.0, 0.0);
    let mut last = projector.step();
    for month in 1..=12 {
        if month > 1 {
            last = projector.step();
        }
        profit += last.profit;
        referral += last.won_referral;
        cumulative += last.profit * last.discount_factor;
    }
    let year_one = projection.yearly_now[0];
    assert_eq!(year_one.year, 1);
    assert_close(value(year_one.profit), profit, 1e-12);
    assert_close(value(year_one.won_through_referral), referral, 1e-12);
    assert_close(value(year_one.won_through_marketing), 40.0, 1e-12);
    assert_close(value(year_one.happy_customers), last.happy, 1e-12);
    assert_close(
        value(year_one.cumulative_discounted_profit),
        cumulative,
        1e-12,
    );
}

#[test]
fn the_npv_is_the_discounted_sum_plus_the_run_off() {
    let s = Scenario::default();
    let npvs = net_present_values(&s);
    let mut projector = Projector::new(&s, Level::Today);
    let mut sum = 0.0;
    for _ in 0..60 {
        let month = projector.step();
        sum += month.profit * 1.08f64.powf(-f64::from(month.index) / 12.0);
    }
    // TV = (1+d)^−H·[H_N·(L/M_h)·g(r_h) + U_N·(λL/M_u)·g(r_u)], g(r) = rδ/(1−rδ).
    let delta = 1.08f64.powf(-1.0 / 12.0);
    let g = |r: f64| r * delta / (1.0 - r * delta);
    let (happy, unhappy) = {
        let mut p = Projector::new(&s, Level::Today);
        let mut last = p.step();
        for _ in 1..60 {
            last = p.step();
        }
        (last.happy, last.unhappy)
    };
    let tv = 1.08f64.powi(-5)
        * (happy * (20_000.0 / 60.0) * g(59.0 / 60.0)
            + unhappy * (5_000.0 / 15.0) * g(14.0 / 15.0));
    assert_close(npvs.after_horizon_now, tv, 1e-9);
    assert_close(npvs.now, sum + tv, 1e-9);

    let without = net_present_values(&Scenario {
        count_after_horizon: false,
        ..s
    });
    assert_close(without.now, sum, 1e-9);
    assert_eq!(without.after_horizon_now, 0.0);
}

#[test]
fn gain_roi_and_payback_for_the_defaults() {
    let p = project(&Scenario::default());
    let gain = value(p.npv_invest) - value(p.npv_now);
    assert_close(value(p.npv_gain), gain, 1e-12);
    // PV of 60000 a year over 60 months at 8%: Σ 5000·δ^t.
    let delta = 1.08f64.powf(-1.0 / 12.0);
    let budget: f64 = (1..=60).map(|t| 5_000.0 * delta.powi(t)).sum();
    assert_close(value(p.service_budget_present_value), budget, 1e-9);
    assert_close(value(p.lost_to_poor_service), gain + budget, 1e-9);
    assert_close(value(p.roi), gain / budget, 1e-9);
    // The running discounted gain (monthly flows only) is negative just before the payback
    // month and never again from it on.
    let month = value(p.payback_month) as u32;
    let mut now = Projector::new(&Scenario::default(), Level::Today);
    let mut invest = Projector::new(&Scenario::default(), Level::Invest);
    let mut running = 0.0;
    for t in 1..=360 {
        let (a, b) = (now.step(), invest.step());
        running += (b.profit - a.profit) * a.discount_factor;
        if t == month - 1 {
            assert!(running < 0.0, "still behind in month {t}");
        }
        if t >= month {
            assert!(running >= 0.0, "behind again in month {t}");
        }
    }
}

#[test]
fn the_gain_splits_into_within_the_horizon_and_after_it() {
    let p = project(&Scenario::default());
    // Within the horizon: the discounted monthly cash alone, as the yearly rows add it up.
    let within = value(p.yearly_invest[4].cumulative_discounted_profit)
        - value(p.yearly_now[4].cumulative_discounted_profit);
    assert_close(value(p.npv_gain_within_horizon), within, 1e-12);
    assert_close(
        value(p.npv_gain_after_horizon),
        value(p.after_horizon_invest) - value(p.after_horizon_now),
        1e-12,
    );
    assert_close(
        value(p.npv_gain_within_horizon) + value(p.npv_gain_after_horizon),
        value(p.npv_gain),
        1e-12,
    );
    // The defaults: behind within the 5 years, so the payback falls after them, while the
    // gain counting what comes after is positive. No figure contradicts another.
    assert!(value(p.npv_gain_within_horizon) < 0.0);
    assert!(value(p.payback_month) > 60.0);
    assert!(value(p.npv_gain) > 0.0);
    // The monthly series ends at the gain within the horizon and starts near minus one
    // month of budget (the first month's extra profit is small).
    assert_eq!(p.cumulative_gain_by_month.len(), 60);
    assert_close(
        value(*p.cumulative_gain_by_month.last().expect("months")),
        within,
        1e-12,
    );
    let first = value(p.cumulative_gain_by_month[0]);
    assert!(first < 0.0 && first > -5_000.0, "first month {first}");
    // Without the run-off the two are the same.
    let without = project(&Scenario {
        count_after_horizon: false,
        ..Scenario::default()
    });
    assert_eq!(without.npv_gain_after_horizon, Figure::Value(0.0));
    assert_close(
        value(without.npv_gain),
        value(without.npv_gain_within_horizon),
        1e-12,
    );
}

#[test]
fn the_break_even_share_is_the_p1_at_which_the_budget_just_pays() {
    let p = project(&Scenario::default());
    let share = value(p.break_even_unhappy_share_invest);
    // The defaults gain at p1 = 15% and lose at p0 = 40%, so the share lies between.
    assert!(share > 0.15 && share < 0.40, "share {share}");
    let at = project(&Scenario {
        unhappy_share_invest: share,
        ..Scenario::default()
    });
    assert!(
        value(at.npv_gain).abs() < 1e-6,
        "gain at the share: {:?}",
        at.npv_gain
    );
    // A budget so large that even no unhappy customers cannot pay for it.
    let huge = project(&Scenario {
        service_budget_per_year: 5_000_000.0,
        ..Scenario::default()
    });
    assert_eq!(
        huge.break_even_unhappy_share_invest,
        Figure::Missing(Why::NoBreakEvenShare)
    );
    // With no budget, any share up to today's breaks even; the largest is p0.
    let free = project(&Scenario {
        service_budget_per_year: 0.0,
        ..Scenario::default()
    });
    assert_eq!(free.break_even_unhappy_share_invest, Figure::Value(0.40));
}

#[test]
fn no_budget_means_no_roi_and_immediate_payback() {
    let p = project(&Scenario {
        service_budget_per_year: 0.0,
        ..Scenario::default()
    });
    assert_eq!(p.roi, Figure::Missing(Why::NoServiceBudget));
    assert_eq!(p.payback_month, Figure::Value(1.0));
}

#[test]
fn a_budget_that_never_pays_has_no_payback() {
    let p = project(&Scenario {
        service_budget_per_year: 1e9,
        ..Scenario::default()
    });
    assert_eq!(
        p.payback_month,
        Figure::Missing(Why::NoPaybackWithin30Years)
    );
    assert!(value(p.npv_gain) < 0.0);
}

#[test]
fn worse_service_has_no_break_even_budget() {
    let p = project(&Scenario {
        unhappy_share_invest: 0.9,
        ..Scenario::default()
    });
    assert!(value(p.lost_to_poor_service) < 0.0);
    assert_eq!(
        p.break_even_budget_per_year,
        Figure::Missing(Why::NoBreakEvenBudget)
    );
}

// --- The identities of model.md ------------------------------------------------------------

#[test]
fn without_word_of_mouth_value_is_direct_profit() {
    for p in [0.0, 0.15, 0.4, 1.0] {
        for lambda in [0.0, 0.25, 1.0] {
            let s = Scenario {
                referrals_per_happy: 0.0,
                lost_per_unhappy: 0.0,
                unhappy_profit_share: lambda,
                ..Scenario::default()
            };
            let expected = 20_000.0 * (1.0 - p * (1.0 - lambda));
            assert_close(value(value_per_customer(&s, p)), expected, 1e-12);
        }
    }
}

#[test]
fn long_run_monthly_profit_tends_to_the_closed_form() {
    // d = 0, C0 = 0, k < 1, 200 years: the last year's average monthly profit is
    // (a/12)·(E(p) − A), less S/12 in "invest".
    let defaults = Scenario {
        discount_rate: 0.0,
        current_customers: 0.0,
        ..Scenario::default()
    };
    // The same holds with the month in steps: a customer brings the same totals, and the
    // marketing and the budget are paid a step at a time (T = 1, ν = 5: m = 2; ν = 11: 4).
    let in_steps = |lost_per_unhappy: f64| Scenario {
        customer_lifetime_years: 1.0,
        lost_per_unhappy,
        ..defaults.clone()
    };
    assert_eq!(steps_per_month(&in_steps(5.0)), 2);
    assert_eq!(steps_per_month(&in_steps(11.0)), 4);
    for s in [defaults.clone(), in_steps(5.0), in_steps(11.0)] {
        long_run_monthly_profit_of(&s);
    }
}

fn long_run_monthly_profit_of(s: &Scenario) {
    for (level, p, budget) in [(Level::Today, 0.40, 0.0), (Level::Invest, 0.15, 60_000.0)] {
        let mut projector = Projector::new(s, level);
        let mut last_year = 0.0;
        for month in 1..=2_400 {
            let step = projector.step();
            if month > 2_388 {
                last_year += step.profit;
            }
        }
        let expected = 40.0 / 12.0 * (value(value_per_customer(s, p)) - 2_000.0) - budget / 12.0;
        assert_close(last_year / 12.0, expected, 1e-6);
    }
}

#[test]
fn with_a_run_off_the_npv_does_not_depend_on_the_horizon() {
    let base = Scenario {
        new_customers_per_year: 0.0,
        referrals_per_happy: 0.0,
        lost_per_unhappy: 0.0,
        service_budget_per_year: 0.0,
        count_after_horizon: true,
        ..Scenario::default()
    };
    let one = net_present_values(&Scenario {
        horizon_years: 1.0,
        ..base.clone()
    });
    for horizon in [2.0, 5.0, 17.0, 30.0] {
        let other = net_present_values(&Scenario {
            horizon_years: horizon,
            ..base.clone()
        });
        assert_close(other.now, one.now, 1e-9);
        assert_close(other.invest, one.invest, 1e-9);
    }
    // Without the run-off, a longer horizon counts more of the same stream.
    let short = net_present_values(&Scenario {
        horizon_years: 1.0,
        count_after_horizon: false,
        ..base.clone()
    });
    assert!(short.now < one.now);
}

#[test]
fn with_a_month_in_steps_the_run_off_still_completes_the_stream() {
    // ν = 50 with unhappy customers staying a month cuts the month into (1 + 50)/1 = 51
    // steps; with no newcomers the turned-away change nothing, so the run-off must complete the same stream
    // whatever the horizon, as with one step a month.
    let base = Scenario {
        new_customers_per_year: 0.0,
        referrals_per_happy: 0.0,
        lost_per_unhappy: 50.0,
        unhappy_profit_share: 0.01,
        service_budget_per_year: 0.0,
        count_after_horizon: true,
        ..Scenario::default()
    };
    assert_eq!(steps_per_month(&base), 51);
    let one = net_present_values(&Scenario {
        horizon_years: 1.0,
        ..base.clone()
    });
    for horizon in [2.0, 5.0, 30.0] {
        let other = net_present_values(&Scenario {
            horizon_years: horizon,
            ..base.clone()
        });
        assert_close(other.now, one.now, 1e-9);
        assert_close(other.invest, one.invest, 1e-9);
    }
}

#[test]
fn a_month_is_cut_into_steps_only_where_one_would_overshoot() {
    // m = ⌈(1 + ν)/M_u⌉, at least 1, whatever the shares. Defaults: (1 + 0.5)/15 → 1,
    // model.md's recursion exactly.
    assert_eq!(steps_per_month(&Scenario::default()), 1);
    for preset in cvc_core::presets::Preset::ALL {
        assert_eq!(steps_per_month(&preset.scenario()), 1, "{}", preset.id());
    }
    // M_u = 12·0.25·1 = 3; ν = 2 gives 3/3 → 1, ν = 2.5 gives 3.5/3 → 2, at any share.
    let short = Scenario {
        customer_lifetime_years: 1.0,
        lost_per_unhappy: 2.0,
        ..Scenario::default()
    };
    assert_eq!(steps_per_month(&short), 1);
    let more = Scenario {
        lost_per_unhappy: 2.5,
        ..short.clone()
    };
    assert_eq!(steps_per_month(&more), 2);
    for (now, invest) in [(0.0, 0.0), (1.0, 1.0), (0.1, 0.9)] {
        let shares = Scenario {
            unhappy_share_now: now,
            unhappy_share_invest: invest,
            ..more.clone()
        };
        assert_eq!(steps_per_month(&shares), 2);
    }
}

#[test]
fn first_month_in_two_steps_by_hand() {
    // T = 1, λ = 0.25: M_h = 12, M_u = 3; ν = 5 gives m = ⌈(1 + 5)/3⌉ = 2, so each step has
    // M_h·m = 24 and M_u·m = 6. C0 = 100 with p0 = 0.1: H_0 = 90, U_0 = 10.
    let s = Scenario {
        acquisition_cost: 1_200.0,
        lifetime_profit: 24_000.0,
        customer_lifetime_years: 1.0,
        new_customers_per_year: 1_200.0,
        current_customers: 100.0,
        referrals_per_happy: 0.6,
        lost_per_unhappy: 5.0,
        unhappy_profit_share: 0.25,
        unhappy_share_now: 0.1,
        ..Scenario::default()
    };
    let month = Projector::new(&s, Level::Today).step();
    assert_eq!(steps_per_month(&s), 2);
    // Step 1: marketing 1200/12/2 = 50, referred 0.6/24·90 = 2.25, turned away 5/6·10.
    let (marketing, referral, away) = (50.0, 0.6 / 24.0, 5.0 / 6.0);
    let (h0, u0) = (90.0, 10.0);
    let n1 = marketing + referral * h0 - away * u0;
    let (h1, u1) = (23.0 / 24.0 * h0 + 0.9 * n1, 5.0 / 6.0 * u0 + 0.1 * n1);
    // Step 2 from there.
    let n2 = marketing + referral * h1 - away * u1;
    let (h2, u2) = (23.0 / 24.0 * h1 + 0.9 * n2, 5.0 / 6.0 * u1 + 0.1 * n2);
    assert_close(month.happy, h2, 1e-12);
    assert_close(month.unhappy, u2, 1e-12);
    assert_close(month.won_marketing, 100.0, 1e-12);
    assert_close(month.won_referral, referral * (h0 + h1), 1e-12);
    assert_close(month.turned_away, away * (u0 + u1), 1e-12);
    // Each step a happy customer brings L/24 = 1000 and an unhappy one λL/6 = 1000, and
    // the step costs its half of the month's marketing, 1200·100/2.
    assert_close(
        month.profit,
        1_000.0 * (h1 + u1 + h2 + u2) - 2.0 * 60_000.0,
        1e-12,
    );
    // The month's profit is discounted as one month.
    assert_close(month.discount_factor, 1.08f64.powf(-1.0 / 12.0), 1e-12);
}

#[test]
fn better_service_does_not_lose_where_many_are_turned_away_in_a_short_stay() {
    // Found by the property test `better_service_never_loses_before_its_cost`: unhappy
    // customers stay 3 months and each turns away 44, so with one step a month
    // U_t = (r_u − p·ν/M_u)·U_{t−1} + … has slope −13.7 and n_t swings between 0 and a
    // flood. model.md's recursion gave lost_to_poor_service = −801,681 here although
    // p1 < p0. In 15 steps a month (docs/model-notes.md) the gain is positive, and finer
    // steps change it by under 2%.
    let text = r#"{"acquisition_cost":0,"lifetime_profit":1e10,"customer_lifetime_years":2.3090466284850266,
        "new_customers_per_year":0,"current_customers":20.23120968790598,"referrals_per_happy":11.435673887830934,
        "lost_per_unhappy":44.02453334684435,"unhappy_profit_share":0.10927463044675743,
        "unhappy_share_now":0.9949074439108616,"unhappy_share_invest":0.9917346533729623,
        "service_budget_per_year":0,"horizon_years":30,"discount_rate":0,"count_after_horizon":false}"#;
    let scenario = from_json(text).expect("valid").scenario;
    assert_eq!(steps_per_month(scenario.scenario()), 15);
    let projection = evaluate(&scenario).projection;
    let lost = value(projection.lost_to_poor_service);
    assert!(lost > 0.0, "lost_to_poor_service = {lost}");
    // The continuous-time limit (steps of a thousandth of a month, computed separately) is
    // 260,745; 15 steps give 263,842.
    assert_close(lost, 263_842.3, 1e-6);
}

#[test]
fn the_waterfall_parts_share_the_full_scenarios_steps() {
    // T = 1, ν = 2.5: m = 2, while the parts without word of mouth (ν = 0) would take one
    // step a month of their own; each bar must be its input's effect at the same steps.
    let scenario = ValidScenario::default()
        .with(Field::CustomerLifetimeYears, 1.0)
        .and_then(|s| s.with(Field::LostPerUnhappy, 2.5))
        .expect("allowed");
    let s = scenario.scenario();
    assert_eq!(steps_per_month(s), 2);
    let loss_at_two_steps = |referrals_per_happy: f64| {
        let parts = Scenario {
            referrals_per_happy,
            lost_per_unhappy: 0.0,
            ..s.clone()
        };
        value(net_present_values_in_steps(&parts, 2).lost_to_poor_service())
    };
    let r = evaluate(&scenario);
    let (retention, with_referrals) = (loss_at_two_steps(0.0), loss_at_two_steps(0.3));
    assert_close(value(r.waterfall.retention), retention, 1e-12);
    assert_close(
        value(r.waterfall.referrals),
        with_referrals - retention,
        1e-12,
    );
    assert_close(
        value(r.waterfall.fewer_turned_away),
        value(r.projection.lost_to_poor_service) - with_referrals,
        1e-12,
    );
}

#[test]
fn waterfall_parts_sum_to_the_loss() {
    let r = evaluate(&ValidScenario::default());
    let w = r.waterfall;
    let parts = value(w.retention) + value(w.referrals) + value(w.fewer_turned_away);
    assert_close(parts, value(r.projection.lost_to_poor_service), 1e-12);
    assert_close(
        parts + value(w.service_budget),
        value(r.projection.npv_gain),
        1e-12,
    );
    assert_eq!(w.net_gain, r.projection.npv_gain);
    // Each part is a gain for the defaults: better service keeps, refers and turns away less.
    assert!(
        value(w.retention) > 0.0 && value(w.referrals) > 0.0 && value(w.fewer_turned_away) > 0.0
    );
    // Retention alone is the loss of a scenario without word of mouth.
    let quiet = Scenario {
        referrals_per_happy: 0.0,
        lost_per_unhappy: 0.0,
        ..Scenario::default()
    };
    assert_close(
        value(w.retention),
        value(waterfall(&quiet, &project(&quiet)).retention),
        1e-12,
    );
    assert_eq!(value(waterfall(&quiet, &project(&quiet)).referrals), 0.0);
}

#[test]
fn better_service_never_loses_before_its_cost() {
    for p0 in [0.2, 0.5, 0.9, 1.0] {
        let s = Scenario {
            unhappy_share_now: p0,
            unhappy_share_invest: p0 / 2.0,
            ..Scenario::default()
        };
        assert!(value(project(&s).lost_to_poor_service) >= 0.0, "p0 = {p0}");
    }
}

#[test]
fn raising_the_budget_lowers_the_gain_one_for_one() {
    let base = project(&Scenario::default());
    let more = project(&Scenario {
        service_budget_per_year: 90_000.0,
        ..Scenario::default()
    });
    let extra_pv =
        value(more.service_budget_present_value) - value(base.service_budget_present_value);
    assert_close(
        extra_pv,
        value(base.service_budget_present_value) / 2.0,
        1e-12,
    );
    assert_close(value(base.npv_gain) - value(more.npv_gain), extra_pv, 1e-9);
    assert_close(
        value(more.lost_to_poor_service),
        value(base.lost_to_poor_service),
        1e-9,
    );
}

#[test]
fn the_break_even_budget_breaks_even() {
    let break_even = value(project(&Scenario::default()).break_even_budget_per_year);
    let at = project(&Scenario {
        service_budget_per_year: break_even,
        ..Scenario::default()
    });
    assert!(
        value(at.npv_gain).abs() < 1e-6,
        "gain at break-even: {:?}",
        at.npv_gain
    );
}

// --- Unbounded word of mouth and the model's range ------------------------------------------

#[test]
fn word_of_mouth_without_limit_is_reported_not_computed() {
    // k(p1) = 0.9·2 − 0 = 1.8 ≥ 1.
    let s = Scenario {
        referrals_per_happy: 2.0,
        lost_per_unhappy: 0.0,
        unhappy_share_invest: 0.1,
        ..Scenario::default()
    };
    let c = customer_value(&s);
    assert_eq!(
        c.value_per_customer_invest,
        Figure::Missing(Why::WordOfMouthUnbounded)
    );
    assert_eq!(
        c.yearly_cost_of_poor_service,
        Figure::Missing(Why::WordOfMouthUnbounded)
    );
    // k(p0) = 0.6·2 = 1.2: unbounded today too, so one unhappy customer's cost has no figure.
    assert_eq!(
        c.unhappy_customer_cost,
        Figure::Missing(Why::WordOfMouthUnbounded)
    );
    // With fewer referrals k(p0) = 0.6·1.5 = 0.9 < 1 ≤ k(p1) = 1.35: today has a figure.
    let s = Scenario {
        referrals_per_happy: 1.5,
        ..s
    };
    let c = customer_value(&s);
    assert_close(value(c.value_per_customer_now), 14_000.0 / 0.1, 1e-9);
    assert_eq!(
        c.value_per_customer_invest,
        Figure::Missing(Why::WordOfMouthUnbounded)
    );
}

#[test]
fn runaway_growth_is_beyond_the_models_range() {
    let s = Scenario {
        referrals_per_happy: 20.0,
        lost_per_unhappy: 0.0,
        customer_lifetime_years: 1.0 / 12.0,
        horizon_years: 30.0,
        ..Scenario::default()
    };
    let results = evaluate(&valid(s));
    assert_eq!(
        results.projection.npv_now,
        Figure::Missing(Why::BeyondModelRange)
    );
    assert_eq!(
        results.projection.npv_gain,
        Figure::Missing(Why::BeyondModelRange)
    );
    assert_eq!(
        results.projection.payback_month,
        Figure::Missing(Why::BeyondModelRange)
    );
    let last = results
        .projection
        .yearly_now
        .last()
        .copied()
        .expect("30 rows");
    assert_eq!(last.happy_customers, Figure::Missing(Why::BeyondModelRange));
    // The first year is still within range and shown.
    assert!(results.projection.yearly_now[0]
        .won_through_marketing
        .value()
        .is_some());
    assert!(results
        .missing()
        .iter()
        .any(|(name, why)| *name == "npv_gain" && *why == Why::BeyondModelRange));
}

// --- Uncertainty ------------------------------------------------------------------------------

#[test]
fn splitmix64_matches_its_published_outputs() {
    let mut random = SplitMix64::new(0);
    assert_eq!(random.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(random.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(random.next_u64(), 0x06C4_5D18_8009_454F);
}

#[test]
fn triangular_draws_have_the_triangles_mean() {
    // Mean of a triangular distribution is (low + mode + high) / 3.
    let mut random = SplitMix64::new(7);
    let n = 200_000;
    let sum: f64 = (0..n)
        .map(|_| triangular(1.0, 2.0, 6.0, random.next_unit()))
        .sum();
    assert_close(sum / f64::from(n), 3.0, 0.005);
    assert_eq!(triangular(1.0, 2.0, 6.0, 0.0), 1.0);
    assert_close(triangular(1.0, 2.0, 6.0, 0.2), 2.0, 1e-12); // the mode splits at (2−1)/(6−1)
    assert_eq!(triangular(3.0, 3.0, 3.0, 0.5), 3.0);
}

#[test]
fn percentiles_interpolate_between_ranks() {
    let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
    assert_eq!(percentile(&sorted, 0.5), Figure::Value(3.0));
    assert_eq!(percentile(&sorted, 0.1), Figure::Value(1.4));
    assert_eq!(percentile(&sorted, 0.9), Figure::Value(4.6));
    assert_eq!(
        percentile(&[1.0, f64::INFINITY], 0.9),
        Figure::Missing(Why::BeyondModelRange)
    );
}

#[test]
fn histogram_counts_every_value_once() {
    let values: Vec<f64> = (0..100).map(f64::from).collect();
    let bins = histogram(&values, 20);
    assert_eq!(bins.len(), 20);
    assert!(bins.iter().all(|bin| bin.count == 5));
    assert_eq!(bins[0].from, 0.0);
    assert_eq!(bins[19].to, 99.0);
    assert_eq!(histogram(&[2.0, 2.0], 20).len(), 1);
}

#[test]
fn tornado_ranks_inputs_by_swing_and_respects_ranges() {
    let scenario = ValidScenario::default();
    let bars = tornado(&scenario);
    assert_eq!(bars.len(), 13, "every input that moves the gain");
    assert!(bars
        .windows(2)
        .all(|pair| value(pair[0].swing) >= value(pair[1].swing)));
    let share_now = bars
        .iter()
        .find(|bar| bar.field == Field::UnhappyShareNow)
        .expect("p0 bar");
    assert_close(share_now.low_value, 0.30, 1e-12);
    assert_close(share_now.high_value, 0.50, 1e-12);
    // The swing is the gain at each end, recomputed independently.
    let low = Scenario {
        unhappy_share_now: 0.30,
        ..Scenario::default()
    };
    assert_close(
        value(share_now.gain_at_low),
        value(net_present_values(&low).gain()),
        1e-12,
    );
    // Horizon ends are whole years: 5 ± 25% → 4 and 6.
    let horizon = bars
        .iter()
        .find(|bar| bar.field == Field::HorizonYears)
        .expect("H bar");
    assert_eq!((horizon.low_value, horizon.high_value), (4.0, 6.0));
    // p1 = 0.15 ± 25% clamps nothing; a user range is used as given: the tornado's ends
    // equal the range.
    let mut with_range = scenario.scenario().clone();
    with_range
        .uncertainty
        .set(Field::UnhappyShareInvest, 0.0, 1.0);
    let bars = tornado(&valid(with_range));
    let invest = bars
        .iter()
        .find(|bar| bar.field == Field::UnhappyShareInvest)
        .expect("p1 bar");
    assert_eq!((invest.low_value, invest.high_value), (0.0, 1.0));
    assert_eq!(
        bars[0].field,
        Field::UnhappyShareInvest,
        "the widest range swings most"
    );
}

#[test]
fn acquisition_cost_hardly_moves_the_gain() {
    // A is paid alike at both service levels, so it cancels out of the gain.
    let bars = tornado(&ValidScenario::default());
    let cost = bars
        .iter()
        .find(|bar| bar.field == Field::AcquisitionCost)
        .expect("A bar");
    assert!(value(cost.swing) < 1e-6);
}

#[test]
fn monte_carlo_is_repeatable_and_ordered() {
    let scenario = ValidScenario::default();
    let first = monte_carlo(&scenario);
    let again = monte_carlo(&scenario);
    assert_eq!(first, again, "a fixed seed gives the same figures");
    assert_eq!(first.draws, 2_000);
    assert!(value(first.p10) <= value(first.p50) && value(first.p50) <= value(first.p90));
    assert_eq!(
        first.histogram.iter().map(|bin| bin.count).sum::<u32>(),
        2_000
    );
    assert!((0.0..=1.0).contains(&first.probability_of_gain));
    // The median gain lies near the deterministic gain of the scenario's own values.
    let gain = value(project(&scenario).npv_gain);
    assert!(
        (value(first.p50) - gain).abs() < 0.25 * gain.abs(),
        "p50 {:?} vs gain {gain}",
        first.p50
    );
    assert_eq!(monte_carlo(&scenario.with_draws(1_000_000)).draws, 20_000);
    assert_eq!(monte_carlo(&scenario.with_draws(500)).draws, 500);
}

#[test]
fn a_monte_carlo_run_a_batch_at_a_time_gives_the_same_summary() {
    // The page runs it a batch at a time between frames (crates/browser/src/timing.rs);
    // the summary comes with the last batch and no sooner. Its figures are those of the
    // Monte Carlo in one piece before the run was cut into batches (955bf6a's CLI, 1,237
    // draws), at one step a month and at 51.
    let many_turned_away = valid(Scenario {
        lost_per_unhappy: 50.0,
        unhappy_profit_share: 0.0,
        ..Scenario::default()
    });
    assert_eq!(steps_per_month(many_turned_away.scenario()), 51);
    let before = [
        (
            ValidScenario::default(),
            [195598.31374108, 331019.14417749457, 479628.67005591944],
            1.0,
        ),
        (
            many_turned_away,
            [-119068.58393330927, -76108.08774347935, -24218.92796434661],
            0.033144704931285365,
        ),
    ];
    for (scenario, [p10, p50, p90], chance) in before {
        let scenario = scenario.with_draws(1_237);
        let mut run = MonteCarloRun::new(&scenario);
        let mut batches = 1;
        let summary = loop {
            if let Some(summary) = run.advance() {
                break summary;
            }
            batches += 1;
        };
        assert_eq!(batches, 1_237_usize.div_ceil(DRAWS_PER_BATCH));
        assert_eq!(summary.draws, 1_237);
        assert_eq!(
            (summary.p10, summary.p50, summary.p90),
            (Figure::Value(p10), Figure::Value(p50), Figure::Value(p90))
        );
        assert_eq!(summary.probability_of_gain, chance);
        assert_eq!(summary, monte_carlo(&scenario));
        assert_eq!(
            run.advance(),
            Some(summary),
            "asked again, the same summary"
        );
    }
}

#[test]
fn without_uncertain_inputs_every_draw_is_the_scenario() {
    let mut fixed = Scenario::default();
    for field in Field::AFFECTING_GAIN {
        fixed.uncertainty.clear(field);
    }
    let scenario = valid(fixed).with_draws(100);
    let result = monte_carlo(&scenario);
    let gain = value(project(&scenario).npv_gain);
    assert_eq!(result.p10, Figure::Value(gain));
    assert_eq!(result.p90, Figure::Value(gain));
    assert_eq!(result.probability_of_gain, 1.0);
}

#[test]
fn user_ranges_are_checked() {
    let field = Field::UnhappyShareNow;
    assert!(check_range(field, 0.1, 0.5, 0.4).is_ok());
    assert_eq!(
        check_range(field, 0.5, 0.1, 0.4),
        Err(Problem::LowAboveHigh {
            low: 0.5,
            high: 0.1
        })
    );
    assert_eq!(
        check_range(field, 0.1, 1.5, 0.4),
        Err(Problem::OutOfRange(1.5))
    );
    assert_eq!(
        check_range(field, 0.1, 0.3, 0.4),
        Err(Problem::RangeExcludesValue {
            low: 0.1,
            high: 0.3,
            value: 0.4
        })
    );
    // A scenario whose range leaves out its value does not validate, and the error names
    // the field's range.
    let mut scenario = Scenario::default();
    scenario.uncertainty.set(field, 0.1, 0.3);
    let errors = scenario.validate().expect_err("invalid");
    assert_eq!(errors[0].field, FieldName::Range(field));
    let mut uncertainty = Uncertainty::default();
    uncertainty.clear(Field::LifetimeProfit);
    assert!(!uncertainty.varies(Field::LifetimeProfit));
    assert_eq!(uncertainty.varying().count(), 6);
    // A cleared input still has ±25% for the tornado.
    assert_eq!(
        uncertainty.ends(Field::LifetimeProfit, 20_000.0),
        (15_000.0, 25_000.0)
    );
}

// --- Helpers ------------------------------------------------------------------------------------

#[test]
fn lifetime_helper_gives_the_textbook_clv() {
    // m = 1000, r = 0.8, d = 0.1: stays 1/(1−0.8) = 5 years, L = 5000;
    // CLV now = 1000·1.1/0.3 = 3666.67; CLV at year ends = 1000·0.8/0.3 = 2666.67.
    let estimate = lifetime_from_yearly(1_000.0, 0.8, 0.1).expect("valid");
    assert_close(estimate.customer_lifetime_years, 5.0, 1e-12);
    assert_close(estimate.lifetime_profit, 5_000.0, 1e-12);
    assert_close(estimate.clv_profit_at_start, 11_000.0 / 3.0, 1e-12);
    assert_close(estimate.clv_profit_at_end, 8_000.0 / 3.0, 1e-12);
    // The first convention is the second plus the first year's profit.
    assert_close(
        estimate.clv_profit_at_start - estimate.clv_profit_at_end,
        1_000.0,
        1e-12,
    );
    // No discount and no retention: one year, one year's profit.
    let once = lifetime_from_yearly(700.0, 0.0, 0.0).expect("valid");
    assert_eq!(
        (
            once.customer_lifetime_years,
            once.lifetime_profit,
            once.clv_profit_at_start,
            once.clv_profit_at_end
        ),
        (1.0, 700.0, 700.0, 0.0)
    );
}

#[test]
fn the_lifetime_helper_starts_from_the_scenarios_own_figures() {
    // L = 20000 over T = 5 years: 4000 a year, 80% staying each year, and back again.
    let (yearly, retention) = yearly_from_lifetime(20_000.0, 5.0);
    assert_close(yearly, 4_000.0, 1e-12);
    assert_close(retention, 0.8, 1e-12);
    let estimate = lifetime_from_yearly(yearly, retention, 0.08).expect("valid");
    assert_close(estimate.lifetime_profit, 20_000.0, 1e-12);
    assert_close(estimate.customer_lifetime_years, 5.0, 1e-12);
    // Lifetimes under a year start from no retention.
    assert_eq!(yearly_from_lifetime(1_000.0, 0.5), (1_000.0, 0.0));
    assert!(unhappy_share_from_metrics(&ServiceMetrics::EXAMPLE).is_ok());
}

#[test]
fn lifetime_helper_rejects_what_it_cannot_mean() {
    assert_eq!(
        lifetime_from_yearly(1_000.0, 1.0, 0.1).map_err(|e| e.input),
        Err(HelperInput::Retention)
    );
    assert_eq!(
        lifetime_from_yearly(-1.0, 0.5, 0.1).map_err(|e| e.input),
        Err(HelperInput::YearlyProfit)
    );
    assert_eq!(
        lifetime_from_yearly(1.0, 0.5, f64::NAN).map_err(|e| e.input),
        Err(HelperInput::DiscountRate)
    );
}

#[test]
fn unhappy_share_from_service_metrics_uses_tarp_rates() {
    // q = 0.4, c = 0.5, f = 0.5, s = 0.2, large problems:
    // 0.4·[0.5·0.91 + 0.5·(0.5·0.18 + 0.2·0.46 + 0.3·0.81)] = 0.4·0.6675 = 0.267.
    let metrics = ServiceMetrics {
        share_with_problem: 0.4,
        share_complaining: 0.5,
        resolved_fast: 0.5,
        resolved_slowly: 0.2,
        problem_size: ProblemSize::Large,
    };
    assert_close(
        unhappy_share_from_metrics(&metrics).expect("valid"),
        0.267,
        1e-12,
    );
    // Small problems, everyone complains, all resolved fast: 1 − 0.95 of those with a problem.
    let small = ServiceMetrics {
        share_complaining: 1.0,
        resolved_fast: 1.0,
        resolved_slowly: 0.0,
        problem_size: ProblemSize::Small,
        ..metrics
    };
    assert_close(
        unhappy_share_from_metrics(&small).expect("valid"),
        0.4 * 0.05,
        1e-12,
    );
    let too_many = ServiceMetrics {
        resolved_fast: 0.7,
        resolved_slowly: 0.4,
        ..metrics
    };
    assert_eq!(
        unhappy_share_from_metrics(&too_many).map_err(|e| e.input),
        Err(HelperInput::ResolvedTogether)
    );
}

// --- Reading scenarios, and garbage ---------------------------------------------------------

fn errors_of(text: &str) -> Vec<(FieldName, Problem)> {
    match from_json(text) {
        Ok(read) => panic!("accepted {text}: {read:?}"),
        Err(errors) => errors
            .into_iter()
            .map(|error| (error.field, error.problem))
            .collect(),
    }
}

#[test]
fn missing_fields_take_defaults_and_unknown_ones_are_reported() {
    let read = from_json(r#"{"lifetime_profit": 35000, "colour": "blue"}"#).expect("valid");
    assert_eq!(read.scenario.lifetime_profit, 35_000.0);
    assert_eq!(read.scenario.acquisition_cost, 2_000.0);
    assert_eq!(read.unknown.named, vec!["colour".to_string()]);
    assert_eq!(
        from_json("{}").expect("valid").scenario,
        ValidScenario::default()
    );
}

#[test]
fn json_round_trips_with_model_field_names() {
    let mut scenario = Scenario {
        profit_margin: Some(0.3),
        currency: "USD".into(),
        ..Scenario::default()
    };
    scenario.set(Field::ReferralsPerHappy, 1.25);
    let text = scenario_file::write(&scenario);
    for field in Field::ALL {
        assert!(
            text.contains(&format!("\"{}\"", field.name())),
            "{} missing from {text}",
            field.name()
        );
    }
    assert!(text.contains("\"schema_version\": 2"));
    assert_eq!(
        from_json(&text).expect("valid").scenario.scenario(),
        &scenario
    );
}

#[test]
fn a_wrong_type_names_the_field() {
    assert_eq!(
        errors_of(r#"{"lifetime_profit": "abc"}"#),
        vec![(
            FieldName::Numeric(Field::LifetimeProfit),
            Problem::WrongType("text")
        )]
    );
    assert_eq!(
        errors_of(r#"{"acquisition_cost": null}"#),
        vec![(FieldName::Numeric(Field::AcquisitionCost), Problem::Missing)]
    );
    assert_eq!(
        errors_of(r#"{"count_after_horizon": "yes"}"#),
        vec![(FieldName::CountAfterHorizon, Problem::WrongType("text"))]
    );
    assert_eq!(
        errors_of(r#"{"currency": "usd"}"#),
        vec![(FieldName::Currency, Problem::NotCurrencyCode("usd".into()))]
    );
}

#[test]
fn every_bad_field_is_reported_with_its_range() {
    let errors = errors_of(
        r#"{"unhappy_share_now": 1.5, "unhappy_profit_share": -0.1, "horizon_years": 5.5, "discount_rate": "x"}"#,
    );
    assert_eq!(errors.len(), 4);
    assert!(errors.contains(&(
        FieldName::Numeric(Field::UnhappyShareNow),
        Problem::OutOfRange(1.5)
    )));
    assert!(errors.contains(&(
        FieldName::Numeric(Field::UnhappyProfitShare),
        Problem::OutOfRange(-0.1)
    )));
    assert!(errors.contains(&(
        FieldName::Numeric(Field::HorizonYears),
        Problem::NotWhole(5.5)
    )));
    let message = from_json(r#"{"unhappy_share_now": 1.5}"#).expect_err("invalid")[0].to_string();
    assert_eq!(
        message,
        "unhappy_share_now: 1.5 is out of range; allowed: from 0 to 1"
    );
    let margin = from_json(r#"{"profit_margin": 0}"#).expect_err("invalid")[0].to_string();
    assert_eq!(
        margin,
        "profit_margin: 0 is out of range; allowed: above 0 to 1"
    );
}

#[test]
fn garbage_json_is_an_error_not_a_panic() {
    let huge_array = format!("{{\"lifetime_profit\": [{}1]}}", "1,".repeat(100_000));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_in_field = format!(
        "{{\"lifetime_profit\": {}{}}}",
        "{\"a\":".repeat(5_000),
        "}".repeat(5_000)
    );
    for text in [
        "",
        "nul",
        "[1,2]",
        "\"text\"",
        "42",
        "{\"lifetime_profit\": 1e400}",
        "{\"a\":",
        &huge_array,
        &deep,
        &deep_in_field,
    ] {
        let errors = from_json(text).expect_err(text.get(..40).unwrap_or(text));
        assert!(!errors.is_empty());
    }
    assert_eq!(
        errors_of(&huge_array),
        vec![(
            FieldName::Numeric(Field::LifetimeProfit),
            Problem::WrongType("a list")
        )]
    );
    assert!(matches!(
        errors_of("{\"lifetime_profit\": 1e400}")[0],
        (FieldName::Document, Problem::Unreadable(_))
    ));
}

#[test]
fn negative_zero_is_read_as_zero() {
    let read = from_json(r#"{"acquisition_cost": -0, "discount_rate": -0.0}"#).expect("valid");
    assert!(read.scenario.acquisition_cost.is_sign_positive());
    assert!(read.scenario.discount_rate.is_sign_positive());
}

#[test]
fn a_newer_schema_is_refused() {
    assert_eq!(
        errors_of(r#"{"schema_version": 99}"#),
        vec![(FieldName::SchemaVersion, Problem::NewerSchema(99))]
    );
}

#[test]
fn uncertainty_round_trips_through_the_file() {
    let mut scenario = Scenario::default();
    scenario
        .uncertainty
        .set(Field::LifetimeProfit, 15_000.0, 30_000.0);
    scenario.uncertainty.clear(Field::ReferralsPerHappy);
    scenario
        .uncertainty
        .set_varies(Field::AcquisitionCost, true);
    scenario
        .uncertainty
        .set_ends(Field::DiscountRate, Some((0.05, 0.12)));
    scenario.uncertainty.draws = 5_000;
    let text = scenario_file::write(&scenario);
    assert!(
        text.contains(
            "\"lifetime_profit\": {\n      \"low\": 15000,\n      \"high\": 30000\n    }"
        ),
        "{text}"
    );
    assert!(text.contains("\"referrals_per_happy\": null"), "{text}");
    assert!(text.contains("\"monte_carlo_draws\": 5000"), "{text}");
    let read = from_json(&text).expect("valid");
    assert_eq!(read.scenario.scenario(), &scenario);
    // Without any uncertainty settings: the defaults, and they round-trip too.
    let plain = scenario_file::write(&Scenario::default());
    assert!(plain.contains("\"uncertainty\": {}"), "{plain}");
    assert_eq!(
        from_json(&plain).expect("valid").scenario,
        ValidScenario::default()
    );
}

#[test]
fn a_version_1_file_without_uncertainty_still_reads() {
    let read = from_json(r#"{"schema_version": 1, "lifetime_profit": 30000}"#).expect("valid");
    assert_eq!(read.scenario.lifetime_profit, 30_000.0);
    assert_eq!(read.scenario.uncertainty, Uncertainty::default());
}

#[test]
fn a_bad_range_is_an_error_that_names_the_field() {
    let cases = [
        (
            r#"{"uncertainty": {"lifetime_profit": {"low": 30000, "high": 15000}}}"#,
            Problem::LowAboveHigh {
                low: 30_000.0,
                high: 15_000.0,
            },
        ),
        (
            r#"{"uncertainty": {"lifetime_profit": {"low": 25000, "high": 30000}}}"#,
            Problem::RangeExcludesValue {
                low: 25_000.0,
                high: 30_000.0,
                value: 20_000.0,
            },
        ),
        (
            r#"{"uncertainty": {"lifetime_profit": {"low": -5, "high": 30000}}}"#,
            Problem::OutOfRange(-5.0),
        ),
        (
            r#"{"uncertainty": {"lifetime_profit": {"low": 15000}}}"#,
            Problem::Missing,
        ),
        (
            r#"{"uncertainty": {"lifetime_profit": "wide"}}"#,
            Problem::WrongType("text"),
        ),
    ];
    for (text, problem) in cases {
        assert_eq!(
            errors_of(text),
            vec![(FieldName::Range(Field::LifetimeProfit), problem)],
            "{text}"
        );
    }
    let message =
        from_json(r#"{"uncertainty": {"lifetime_profit": {"low": 25000, "high": 30000}}}"#)
            .expect_err("invalid")[0]
            .to_string();
    assert!(
        message.starts_with("uncertainty.lifetime_profit: the range 25000 to 30000 does not contain the value 20000"),
        "{message}"
    );
    assert_eq!(
        errors_of(r#"{"monte_carlo_draws": 0}"#),
        vec![(FieldName::Draws, Problem::OutOfRange(0.0))]
    );
}

#[test]
fn the_tornados_ends_equal_the_given_range() {
    let text = r#"{"uncertainty": {"lifetime_profit": {"low": 12000, "high": 31000}, "acquisition_cost": {"low": 1000, "high": 2500, "varies": false}}}"#;
    let scenario = from_json(text).expect("valid").scenario;
    let bars = tornado(&scenario);
    let bar = |field: Field| {
        *bars
            .iter()
            .find(|bar| bar.field == field)
            .expect("every input has a bar")
    };
    let lifetime = bar(Field::LifetimeProfit);
    assert_eq!(
        (lifetime.low_value, lifetime.high_value),
        (12_000.0, 31_000.0)
    );
    let at_low = Scenario {
        lifetime_profit: 12_000.0,
        ..scenario.scenario().clone()
    };
    assert_close(
        value(lifetime.gain_at_low),
        value(net_present_values(&at_low).gain()),
        1e-12,
    );
    let cost = bar(Field::AcquisitionCost);
    assert_eq!((cost.low_value, cost.high_value), (1_000.0, 2_500.0));
    assert!(!scenario.uncertainty.varies(Field::AcquisitionCost));
}

#[test]
fn a_repeated_key_is_refused_and_the_rest_applies() {
    let reading = scenario_file::read(
        r#"{"lifetime_profit": 1, "lifetime_profit": 2, "acquisition_cost": 500}"#,
    )
    .expect("an object");
    assert_eq!(
        reading.problems,
        vec![FieldError {
            field: FieldName::Numeric(Field::LifetimeProfit),
            problem: Problem::Repeated
        }]
    );
    assert_eq!(reading.scenario.lifetime_profit, 20_000.0);
    assert_eq!(reading.scenario.acquisition_cost, 500.0);
}
