//! The value of one customer in closed form (model.md "Per customer: the closed form").
//! These are lifetime figures, not discounted, and need no projection.

use crate::figure::{Figure, Why};
use crate::scenario::Scenario;
use serde::Serialize;

/// Net word-of-mouth multiplier k(p) = (1−p)·ρ − p·ν: customers won (or lost, if negative)
/// through word of mouth for each customer won.
pub fn word_of_mouth_multiplier(scenario: &Scenario, unhappy_share: f64) -> f64 {
    (1.0 - unhappy_share) * scenario.referrals_per_happy - unhappy_share * scenario.lost_per_unhappy
}

/// Direct profit of a customer won, B(p) = L·(1 − p·(1−λ)).
pub fn direct_profit(scenario: &Scenario, unhappy_share: f64) -> f64 {
    scenario.lifetime_profit * (1.0 - unhappy_share * (1.0 - scenario.unhappy_profit_share))
}

/// Value of a customer won, E(p) = B(p) / (1 − k(p)), counting the customers they bring
/// and turn away. Missing when k(p) ≥ 1: word of mouth alone then grows without limit.
pub fn value_per_customer(scenario: &Scenario, unhappy_share: f64) -> Figure {
    let multiplier = word_of_mouth_multiplier(scenario, unhappy_share);
    if multiplier >= 1.0 {
        return Figure::Missing(Why::WordOfMouthUnbounded);
    }
    Figure::checked(direct_profit(scenario, unhappy_share) / (1.0 - multiplier))
}

/// The per-customer answers, for the scenario's two service levels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CustomerValue {
    /// k(p0) and k(p1).
    pub word_of_mouth_now: f64,
    pub word_of_mouth_invest: f64,
    /// E(p0) and E(p1).
    pub value_per_customer_now: Figure,
    pub value_per_customer_invest: Figure,
    /// L + ρ·E(p0): one well-served customer, with the customers they bring.
    pub happy_customer_value: Figure,
    /// λ·L − ν·E(p0): one badly served customer; negative when they turn away more than
    /// they bring.
    pub unhappy_customer_value: Figure,
    /// (1−λ)·L + (ρ+ν)·E(p0): the difference between the two.
    pub unhappy_customer_cost: Figure,
    /// a·(E(p1) − E(p0)): also the break-even yearly budget on a lifetime basis.
    pub yearly_cost_of_poor_service: Figure,
    /// The yearly cost restated as revenue through the profit margin.
    pub yearly_revenue_lost: Figure,
    /// a·(E(p0) − A) and a·(E(p1) − A): steady-state yearly profit from new customers.
    pub steady_yearly_profit_now: Figure,
    pub steady_yearly_profit_invest: Figure,
}

pub fn customer_value(scenario: &Scenario) -> CustomerValue {
    let lifetime_profit = scenario.lifetime_profit;
    let referrals = scenario.referrals_per_happy;
    let lost = scenario.lost_per_unhappy;
    let unhappy_profit_share = scenario.unhappy_profit_share;
    let new_per_year = scenario.new_customers_per_year;

    let value_now = value_per_customer(scenario, scenario.unhappy_share_now);
    let value_invest = value_per_customer(scenario, scenario.unhappy_share_invest);
    let yearly_cost_of_poor_service =
        value_invest.zip(value_now, |invest, now| new_per_year * (invest - now));
    let yearly_revenue_lost = match scenario.profit_margin {
        Some(margin) => yearly_cost_of_poor_service.map(|cost| cost / margin),
        None => match yearly_cost_of_poor_service {
            Figure::Missing(why) => Figure::Missing(why),
            Figure::Value(_) => Figure::Missing(Why::NoProfitMargin),
        },
    };
    let steady =
        |value: Figure| value.map(|value| new_per_year * (value - scenario.acquisition_cost));

    CustomerValue {
        word_of_mouth_now: word_of_mouth_multiplier(scenario, scenario.unhappy_share_now),
        word_of_mouth_invest: word_of_mouth_multiplier(scenario, scenario.unhappy_share_invest),
        value_per_customer_now: value_now,
        value_per_customer_invest: value_invest,
        happy_customer_value: value_now.map(|value| lifetime_profit + referrals * value),
        unhappy_customer_value: value_now
            .map(|value| unhappy_profit_share * lifetime_profit - lost * value),
        unhappy_customer_cost: value_now.map(|value| {
            (1.0 - unhappy_profit_share) * lifetime_profit + (referrals + lost) * value
        }),
        yearly_cost_of_poor_service,
        yearly_revenue_lost,
        steady_yearly_profit_now: steady(value_now),
        steady_yearly_profit_invest: steady(value_invest),
    }
}
