//! Property-based tests over the whole valid input space, edges included (0, the maxima,
//! λ = 0, p = 0 and 1, k near 1): nothing panics, every figure is finite or a deliberate
//! `null`, the waterfall sums, and the monotonicity claims of model.md hold.
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::scenario_file;
use cvc_core::codec::{attributes, link};
use cvc_core::words::Language;
use cvc_model::results::report;
use cvc_model::scenario::Scenario;
use cvc_model::{evaluate, Field, Figure, ValidScenario};
use proptest::prelude::*;
use serde_json::Value;

/// A value of one field: an edge or a point inside, spread over the orders of magnitude of
/// the wide money and customer ranges.
fn field_value(field: Field) -> impl Strategy<Value = f64> {
    let spec = field.spec();
    let (min, max) = (spec.min, spec.max);
    let inside = (0.0f64..=1.0).prop_map(move |unit| {
        let stretched = if max > 100.0 { unit.powi(6) } else { unit };
        let value = min + (max - min) * stretched;
        if spec.whole_number {
            value.round()
        } else {
            value
        }
    });
    prop_oneof![1 => Just(min), 1 => Just(max), 6 => inside]
        .prop_filter("allowed", move |value| field.allows(*value))
}

fn scenario() -> impl Strategy<Value = ValidScenario> {
    let fields: Vec<_> = Field::AFFECTING_GAIN
        .iter()
        .map(|&field| field_value(field))
        .collect();
    (
        fields,
        any::<bool>(),
        prop::option::of(field_value(Field::ProfitMargin)),
    )
        .prop_map(|(values, count_after_horizon, margin)| {
            let mut scenario = Scenario {
                count_after_horizon,
                profit_margin: margin,
                ..Scenario::default()
            };
            for (field, value) in Field::AFFECTING_GAIN.iter().zip(values) {
                scenario.set(*field, value);
            }
            scenario.validate().expect("generated within range")
        })
}

/// A valid scenario with random uncertainty settings: for each input, no change, a range
/// around its value (that varies or not), or cleared; and a number of draws.
fn scenario_with_uncertainty() -> impl Strategy<Value = ValidScenario> {
    let settings: Vec<_> = Field::AFFECTING_GAIN
        .iter()
        .map(|_| (0u8..4, 0.0f64..=1.0, 0.0f64..=1.0, any::<bool>()))
        .collect();
    (
        scenario(),
        settings,
        1u32..=20_000,
        prop::sample::select(vec!["ILS", "USD", "EUR", "CHF"]),
    )
        .prop_map(|(scenario, settings, draws, currency)| {
            let mut s = scenario.scenario().clone();
            s.currency = currency.to_string();
            for (field, (choice, a, b, varies)) in Field::AFFECTING_GAIN.iter().zip(settings) {
                let spec = field.spec();
                let value = s.get(*field);
                // Ends between the allowed minimum and the value, and the value and the maximum.
                let mut low = spec.min + (value - spec.min) * a;
                let mut high = value + (spec.max - value) * b;
                if spec.whole_number {
                    (low, high) = (low.ceil().min(value), high.floor().max(value));
                }
                match choice {
                    1 => {
                        s.uncertainty.set_ends(*field, Some((low, high)));
                        s.uncertainty.set_varies(*field, varies);
                    }
                    2 => s.uncertainty.clear(*field),
                    3 => s.uncertainty.set_varies(*field, varies),
                    _ => {}
                }
            }
            s.uncertainty.draws = draws;
            s.validate().expect("ranges hold their values")
        })
}

/// Scenarios with word of mouth near the k = 1 boundary, for p0.
fn near_unbounded() -> impl Strategy<Value = ValidScenario> {
    (scenario(), -1e-6f64..1e-6).prop_map(|(scenario, nudge)| {
        let mut s = scenario.scenario().clone();
        // k(p0) = (1−p0)ρ − p0ν = 1 + nudge, solved for ρ with ν = 0.
        s.lost_per_unhappy = 0.0;
        s.unhappy_share_now = s.unhappy_share_now.min(0.9);
        s.referrals_per_happy = ((1.0 + nudge) / (1.0 - s.unhappy_share_now)).min(20.0);
        s.validate().expect("within range")
    })
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(1.0)
}

/// A valid scenario where unhappy customers turn many away within a short stay: with one
/// step a month, model.md's recursion would overshoot there (slope r_u − p·ν/M_u below
/// −1), and better service could show a loss (docs/model-notes.md). The uniform spread of
/// [`scenario`] rarely lands here, so this aims at it.
fn many_turned_away() -> impl Strategy<Value = ValidScenario> {
    (
        scenario(),
        5.0f64..=50.0,
        0.0f64..=0.3,
        (1.0 / 12.0)..=2.0f64,
        0.3f64..=1.0,
        0.0f64..=1.0,
    )
        .prop_map(|(base, lost, profit_share, years, now, invest_part)| {
            let mut s = base.scenario().clone();
            s.lost_per_unhappy = lost;
            s.unhappy_profit_share = profit_share;
            s.customer_lifetime_years = years;
            s.unhappy_share_now = now;
            s.unhappy_share_invest = now * invest_part;
            s.validate().expect("within range")
        })
}

fn value(figure: Figure) -> Option<f64> {
    figure.value()
}

/// Nulls may only stand where a figure may be missing; every other number is present.
fn assert_no_stray_null(value: &Value, key: &str, path: &str) {
    match value {
        Value::Null => {
            let nullable = [
                "value_per_customer_now",
                "value_per_customer_invest",
                "happy_customer_value",
                "unhappy_customer_value",
                "unhappy_customer_cost",
                "yearly_cost_of_poor_service",
                "yearly_revenue_lost",
                "steady_yearly_profit_now",
                "steady_yearly_profit_invest",
                "npv_now",
                "npv_invest",
                "after_horizon_now",
                "after_horizon_invest",
                "npv_gain",
                "lost_to_poor_service",
                "service_budget_present_value",
                "roi",
                "payback_month",
                "break_even_budget_per_year",
                "break_even_unhappy_share_invest",
                "npv_gain_within_horizon",
                "npv_gain_after_horizon",
                "retention",
                "referrals",
                "fewer_turned_away",
                "service_budget",
                "net_gain",
                "happy_customers",
                "unhappy_customers",
                "won_through_marketing",
                "won_through_referral",
                "turned_away",
                "profit",
                "cumulative_discounted_profit",
                "gain_at_low",
                "gain_at_high",
                "swing",
                "p10",
                "p50",
                "p90",
            ];
            assert!(
                nullable.contains(&key),
                "unexpected null (a NaN or infinity?) at {path}"
            );
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, item)| assert_no_stray_null(item, key, &format!("{path}[{i}]"))),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| assert_no_stray_null(v, k, &format!("{path}.{k}"))),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_is_finite_or_a_deliberate_null(scenario in prop_oneof![3 => scenario(), 1 => near_unbounded()]) {
        let report = report(&scenario.with_draws(40));
        let json = serde_json::to_value(&report).expect("serialisable");
        assert_no_stray_null(&json, "", "");
        // Every top-level null has its reason listed.
        for (name, figure) in json.as_object().expect("object") {
            if figure.is_null() {
                prop_assert!(report.null_reasons.contains_key(name.as_str()), "{} is null without a reason", name);
            }
        }
    }

    #[test]
    fn waterfall_parts_sum_to_the_loss(scenario in scenario()) {
        let results = evaluate(&scenario);
        let w = results.waterfall;
        if let (Some(a), Some(b), Some(c), Some(lost), Some(budget), Some(gain)) = (
            value(w.retention), value(w.referrals), value(w.fewer_turned_away),
            value(results.projection.lost_to_poor_service), value(w.service_budget), value(results.projection.npv_gain),
        ) {
            let scale = value(results.projection.npv_now).unwrap_or(0.0).abs() + value(results.projection.npv_invest).unwrap_or(0.0).abs() + a.abs() + b.abs() + c.abs();
            prop_assert!(close(a + b + c, lost, scale), "{} + {} + {} != {}", a, b, c, lost);
            prop_assert!(close(lost + budget, gain, scale + budget.abs()));
        }
    }

    #[test]
    fn better_service_never_loses_before_its_cost(scenario in prop_oneof![scenario(), many_turned_away()]) {
        let s = scenario.scenario();
        prop_assume!(s.unhappy_share_invest < s.unhappy_share_now);
        let results = evaluate(&scenario);
        if let (Some(lost), Some(now), Some(invest)) = (value(results.projection.lost_to_poor_service), value(results.projection.npv_now), value(results.projection.npv_invest)) {
            prop_assert!(lost >= -1e-9 * (now.abs() + invest.abs()).max(1.0), "lost_to_poor_service = {}", lost);
        }
    }

    #[test]
    fn raising_the_budget_lowers_the_gain_one_for_one(scenario in scenario(), extra in 0.0f64..1e6) {
        let s = scenario.scenario();
        prop_assume!(s.service_budget_per_year + extra <= 1e10);
        let more = scenario.with(Field::ServiceBudgetPerYear, s.service_budget_per_year + extra).expect("in range");
        let (base, raised) = (evaluate(&scenario).projection, evaluate(&more).projection);
        if let (Some(g0), Some(g1), Some(pv0), Some(pv1)) = (value(base.npv_gain), value(raised.npv_gain), value(base.service_budget_present_value), value(raised.service_budget_present_value)) {
            let scale = value(base.npv_now).unwrap_or(0.0).abs() + value(base.npv_invest).unwrap_or(0.0).abs() + pv1;
            prop_assert!(close(g0 - g1, pv1 - pv0, scale));
            prop_assert!(pv1 >= pv0);
        }
    }

    #[test]
    fn the_break_even_budget_breaks_even(scenario in scenario()) {
        let results = evaluate(&scenario).projection;
        if let (Some(budget), Some(now), Some(invest)) = (value(results.break_even_budget_per_year), value(results.npv_now), value(results.npv_invest)) {
            prop_assume!(Field::ServiceBudgetPerYear.allows(budget));
            let at = evaluate(&scenario.with(Field::ServiceBudgetPerYear, budget).expect("in range")).projection;
            // Rounding is relative to the money the scenario moves, the budget included.
            let scale = now.abs() + invest.abs() + value(results.service_budget_present_value).unwrap_or(0.0);
            if let Some(gain) = value(at.npv_gain) {
                prop_assert!(gain.abs() <= 1e-9 * scale.max(1.0), "gain at break-even = {}", gain);
            }
        }
    }

    #[test]
    fn the_break_even_share_lies_in_zero_to_p0_and_breaks_even(scenario in prop_oneof![scenario(), many_turned_away()]) {
        let results = evaluate(&scenario).projection;
        let s = scenario.scenario();
        if let (Some(share), Some(now), Some(invest)) = (value(results.break_even_unhappy_share_invest), value(results.npv_now), value(results.npv_invest)) {
            prop_assert!((0.0..=s.unhappy_share_now).contains(&share), "share {} outside [0, {}]", share, s.unhappy_share_now);
            let at = evaluate(&scenario.with(Field::UnhappyShareInvest, share).expect("in range")).projection;
            let scale = now.abs() + invest.abs() + value(results.service_budget_present_value).unwrap_or(0.0);
            if let Some(gain) = value(at.npv_gain) {
                // At p0 itself (no budget) the gain is 0 exactly; elsewhere it is the root, to
                // within what the share can resolve: where the gain is steep (ten million
                // customers a year), one step of f64 in the share moves it by more than
                // rounding of the money, and no share lands closer.
                let gain_a_step_away = |step: f64| {
                    let nearby = (share + step).clamp(0.0, s.unhappy_share_now);
                    value(evaluate(&scenario.with(Field::UnhappyShareInvest, nearby).expect("in range")).projection.npv_gain)
                        .map_or(0.0, |other| (other - gain).abs())
                };
                let resolution = gain_a_step_away(4.0 * f64::EPSILON).max(gain_a_step_away(-4.0 * f64::EPSILON));
                prop_assert!(gain.abs() <= 1e-9 * scale.max(1.0) + resolution, "gain at the break-even share = {} (resolution {})", gain, resolution);
            }
        }
    }

    #[test]
    fn the_gain_is_within_the_horizon_plus_after_it(scenario in scenario()) {
        let p = evaluate(&scenario).projection;
        if let (Some(gain), Some(within), Some(after), Some(now), Some(invest)) = (value(p.npv_gain), value(p.npv_gain_within_horizon), value(p.npv_gain_after_horizon), value(p.npv_now), value(p.npv_invest)) {
            prop_assert!(close(within + after, gain, now.abs() + invest.abs()));
            if let Some(last) = p.cumulative_gain_by_month.last().and_then(|figure| figure.value()) {
                prop_assert!(close(last, within, now.abs() + invest.abs()));
            }
            prop_assert_eq!(p.cumulative_gain_by_month.len() as f64, 12.0 * scenario.horizon_years);
        }
    }

    #[test]
    fn a_link_gives_back_the_scenario_it_was_made_from(scenario in scenario_with_uncertainty(), hebrew in any::<bool>()) {
        let language = if hebrew { Language::Hebrew } else { Language::English };
        let query = link::encode(&scenario, language);
        let read = link::decode(&query);
        prop_assert!(read.reading.is_clean(), "{:?} from {}", read.reading.problems, query);
        prop_assert!(read.reading.unknown.is_empty(), "{:?}", read.reading.unknown);
        prop_assert_eq!(&read.reading.scenario, &scenario, "{}", query);
        prop_assert_eq!(read.view.language, Some(language));
        // The same figures, as the app would show them.
        prop_assert_eq!(evaluate(&read.reading.scenario), evaluate(&scenario));
    }

    #[test]
    fn an_elements_attributes_give_back_the_scenario_they_were_made_from(scenario in scenario_with_uncertainty(), hebrew in any::<bool>()) {
        // Every key the link writes is one of the element's attributes, with hyphens.
        let language = if hebrew { Language::Hebrew } else { Language::English };
        let attributes: Vec<(String, String)> = link::pairs(&scenario, language)
            .into_iter()
            .map(|(key, value)| (key.replace('_', "-"), value))
            .collect();
        for (name, _) in &attributes {
            prop_assert!(attributes::element_attributes().contains(name), "{}", name);
            prop_assert_eq!(attributes::Naming::Element.key_of(name), Some(name.replace('-', "_")));
        }
        let read = attributes::read_attributes(attributes::Naming::Element, &attributes);
        prop_assert!(read.reading.is_clean(), "{:?}", read.reading.problems);
        prop_assert_eq!(&read.reading.scenario, &scenario);
        prop_assert_eq!(read.view.language, Some(language));
    }

    #[test]
    fn a_file_gives_back_the_scenario_it_was_made_from(scenario in scenario_with_uncertainty()) {
        let text = scenario_file::write(&scenario);
        let read = scenario_file::read(&text).expect("an object");
        prop_assert!(read.is_clean(), "{:?}", read.problems);
        prop_assert_eq!(&read.scenario, &scenario);
    }

    #[test]
    fn the_payback_month_is_within_thirty_years(scenario in scenario()) {
        if let Some(month) = value(evaluate(&scenario).projection.payback_month) {
            prop_assert!((1.0..=360.0).contains(&month) && month.fract() == 0.0);
        }
    }
}
