//! Example businesses a user can start from. The first is model.md's defaults; the others
//! are labelled illustrations, each with a note on its assumptions (in [`crate::words`]).

use cvc_model::scenario::Scenario;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    SmallServiceIsrael,
    RetailShop,
    B2bServices,
    Subscription,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::SmallServiceIsrael,
        Preset::RetailShop,
        Preset::B2bServices,
        Preset::Subscription,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Preset::SmallServiceIsrael => "small-service-israel",
            Preset::RetailShop => "retail-shop",
            Preset::B2bServices => "b2b-services",
            Preset::Subscription => "subscription",
        }
    }

    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.id() == id)
    }

    pub fn scenario(self) -> Scenario {
        let defaults = Scenario::default();
        match self {
            Preset::SmallServiceIsrael => defaults,
            // Low cost to win, many small baskets; word of mouth travels fast locally.
            Preset::RetailShop => Scenario {
                acquisition_cost: 150.0,
                lifetime_profit: 1_500.0,
                customer_lifetime_years: 3.0,
                new_customers_per_year: 600.0,
                current_customers: 1_500.0,
                referrals_per_happy: 0.5,
                lost_per_unhappy: 1.0,
                unhappy_profit_share: 0.3,
                unhappy_share_now: 0.30,
                unhappy_share_invest: 0.15,
                service_budget_per_year: 48_000.0,
                ..defaults
            },
            // Few, valuable clients won by long sales cycles; a detractor costs about 1.3
            // customers (Satmetrix).
            Preset::B2bServices => Scenario {
                currency: "USD".to_string(),
                acquisition_cost: 8_000.0,
                lifetime_profit: 120_000.0,
                customer_lifetime_years: 6.0,
                new_customers_per_year: 12.0,
                current_customers: 40.0,
                referrals_per_happy: 0.4,
                lost_per_unhappy: 1.3,
                unhappy_profit_share: 0.3,
                unhappy_share_now: 0.30,
                unhappy_share_invest: 0.12,
                service_budget_per_year: 90_000.0,
                discount_rate: 0.10,
                ..defaults
            },
            // €15 a month of profit for about three years; unhappy subscribers cancel early.
            Preset::Subscription => Scenario {
                currency: "EUR".to_string(),
                acquisition_cost: 90.0,
                lifetime_profit: 540.0,
                customer_lifetime_years: 3.0,
                new_customers_per_year: 2_000.0,
                current_customers: 5_000.0,
                referrals_per_happy: 0.15,
                lost_per_unhappy: 0.5,
                unhappy_profit_share: 0.2,
                unhappy_share_now: 0.25,
                unhappy_share_invest: 0.15,
                service_budget_per_year: 120_000.0,
                ..defaults
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvc_model::evaluate;

    #[test]
    fn every_preset_is_valid_and_computes() {
        for preset in Preset::ALL {
            let scenario = preset
                .scenario()
                .validate()
                .unwrap_or_else(|errors| panic!("{preset:?}: {errors:?}"));
            let results = evaluate(&scenario);
            assert!(results.projection.npv_gain.value().is_some(), "{preset:?}");
            assert!(
                results.customer.unhappy_customer_cost.value().is_some(),
                "{preset:?}"
            );
            assert_eq!(Preset::from_id(preset.id()), Some(preset));
        }
    }

    #[test]
    fn the_first_preset_is_the_models_defaults() {
        assert_eq!(Preset::SmallServiceIsrael.scenario(), Scenario::default());
    }
}
