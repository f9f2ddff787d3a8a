//! Every output of model.md "Outputs" for one valid scenario, gathered in one place, with
//! the gain waterfall and the reason for every figure that is missing.

use crate::customer_value::{customer_value, CustomerValue};
use crate::figure::{Figure, Why};
use crate::projection::{net_present_values_in_steps, project, steps_per_month, Projection};
use crate::scenario::{Scenario, ValidScenario};
use crate::uncertainty::{monte_carlo, tornado, MonteCarlo, TornadoBar};
use serde::Serialize;

/// The gain split for the waterfall chart (model.md "Decomposition of the gain").
/// `retention + referrals + fewer_turned_away` is `lost_to_poor_service`, and adding the
/// (negative) `service_budget` gives `npv_gain`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Waterfall {
    /// The gain before the budget with ρ = ν = 0.
    pub retention: Figure,
    /// Added by turning referrals (ρ) back on.
    pub referrals: Figure,
    /// Added by turning lost customers (ν) back on.
    pub fewer_turned_away: Figure,
    /// Minus the present value of the service budget.
    pub service_budget: Figure,
    pub net_gain: Figure,
}

/// The waterfall of a scenario whose full projection is already known: only the two
/// scenarios without word of mouth (ρ = ν = 0, then ν = 0) are projected again. They are
/// projected in the full scenario's steps a month (ν = 0 alone would give one), so that
/// each bar is its input's effect and not partly a change of step.
pub fn waterfall(scenario: &Scenario, projection: &Projection) -> Waterfall {
    let steps = steps_per_month(scenario);
    let mut probe = scenario.clone();
    probe.referrals_per_happy = 0.0;
    probe.lost_per_unhappy = 0.0;
    let retention_only = net_present_values_in_steps(&probe, steps).lost_to_poor_service();
    probe.referrals_per_happy = scenario.referrals_per_happy;
    let with_referrals = net_present_values_in_steps(&probe, steps).lost_to_poor_service();
    Waterfall {
        retention: retention_only,
        referrals: with_referrals.zip(retention_only, |with, without| with - without),
        fewer_turned_away: projection
            .lost_to_poor_service
            .zip(with_referrals, |with, without| with - without),
        service_budget: projection
            .service_budget_present_value
            .map(|budget| -budget),
        net_gain: projection.npv_gain,
    }
}

/// Every figure the app shows for one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    #[serde(flatten)]
    pub customer: CustomerValue,
    #[serde(flatten)]
    pub projection: Projection,
    pub waterfall: Waterfall,
}

pub fn evaluate(scenario: &ValidScenario) -> Results {
    let projection = project(scenario);
    Results {
        customer: customer_value(scenario),
        waterfall: waterfall(scenario, &projection),
        projection,
    }
}

impl Results {
    /// Every figure of the closed form and the projection (not the yearly rows, the
    /// waterfall or the chart data), by the name the command-line tool gives it.
    pub fn named_figures(&self) -> [(&'static str, Figure); 22] {
        let c = &self.customer;
        let p = &self.projection;
        [
            ("value_per_customer_now", c.value_per_customer_now),
            ("value_per_customer_invest", c.value_per_customer_invest),
            ("happy_customer_value", c.happy_customer_value),
            ("unhappy_customer_value", c.unhappy_customer_value),
            ("unhappy_customer_cost", c.unhappy_customer_cost),
            ("yearly_cost_of_poor_service", c.yearly_cost_of_poor_service),
            ("yearly_revenue_lost", c.yearly_revenue_lost),
            ("steady_yearly_profit_now", c.steady_yearly_profit_now),
            ("steady_yearly_profit_invest", c.steady_yearly_profit_invest),
            ("npv_now", p.npv_now),
            ("npv_invest", p.npv_invest),
            ("after_horizon_now", p.after_horizon_now),
            ("after_horizon_invest", p.after_horizon_invest),
            ("npv_gain", p.npv_gain),
            ("npv_gain_within_horizon", p.npv_gain_within_horizon),
            ("npv_gain_after_horizon", p.npv_gain_after_horizon),
            ("lost_to_poor_service", p.lost_to_poor_service),
            (
                "service_budget_present_value",
                p.service_budget_present_value,
            ),
            ("roi", p.roi),
            ("payback_month", p.payback_month),
            ("break_even_budget_per_year", p.break_even_budget_per_year),
            (
                "break_even_unhappy_share_invest",
                p.break_even_unhappy_share_invest,
            ),
        ]
    }

    /// Each figure that is missing, by its output name, with the reason.
    pub fn missing(&self) -> Vec<(&'static str, Why)> {
        self.named_figures()
            .into_iter()
            .filter_map(|(name, figure)| figure.why().map(|why| (name, why)))
            .collect()
    }
}

/// Results with the uncertainty analysis, as the command-line tool writes them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub results: Results,
    pub tornado: Vec<TornadoBar>,
    pub monte_carlo: MonteCarlo,
    /// Output name → why it is `null`.
    pub null_reasons: std::collections::BTreeMap<&'static str, Why>,
}

/// Every result of a scenario, with the tornado and the Monte Carlo over the scenario's own
/// ranges and number of draws.
pub fn report(scenario: &ValidScenario) -> Report {
    let results = evaluate(scenario);
    let null_reasons = results.missing().into_iter().collect();
    Report {
        results,
        tornado: tornado(scenario),
        monte_carlo: monte_carlo(scenario),
        null_reasons,
    }
}
