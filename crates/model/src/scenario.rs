//! One scenario (model.md "Inputs: one scenario"): its inputs with their defaults, and
//! validation. What each input is (name, unit, allowed range, source) is [`crate::fields`];
//! reading a scenario from JSON is `cvc_core::codec::scenario_file`.

use crate::fields::{is_currency_code, Field, FieldError, FieldName, Problem};
use crate::ranges::{check_range, Uncertainty, MAX_DRAWS};
use std::fmt;

/// The version of the scenario file's format, written with every scenario so that saved and
/// shared scenarios can be migrated when the fields change. Version 2 added `uncertainty`
/// and `monte_carlo_draws`; version 1 files still read.
pub const SCHEMA_VERSION: u32 = 2;

/// Inputs of one scenario. Rates are fractions (0.25 means 25%).
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub currency: String,
    pub acquisition_cost: f64,
    pub lifetime_profit: f64,
    pub customer_lifetime_years: f64,
    pub new_customers_per_year: f64,
    pub current_customers: f64,
    pub referrals_per_happy: f64,
    pub lost_per_unhappy: f64,
    pub unhappy_profit_share: f64,
    pub unhappy_share_now: f64,
    pub unhappy_share_invest: f64,
    pub service_budget_per_year: f64,
    pub horizon_years: f64,
    pub discount_rate: f64,
    pub count_after_horizon: bool,
    pub profit_margin: Option<f64>,
    /// How sure the user is of each input, and the Monte Carlo's number of draws.
    pub uncertainty: Uncertainty,
}

impl Default for Scenario {
    fn default() -> Self {
        let mut scenario = Scenario {
            currency: DEFAULT_CURRENCY.to_string(),
            acquisition_cost: 0.0,
            lifetime_profit: 0.0,
            customer_lifetime_years: 0.0,
            new_customers_per_year: 0.0,
            current_customers: 0.0,
            referrals_per_happy: 0.0,
            lost_per_unhappy: 0.0,
            unhappy_profit_share: 0.0,
            unhappy_share_now: 0.0,
            unhappy_share_invest: 0.0,
            service_budget_per_year: 0.0,
            horizon_years: 0.0,
            discount_rate: 0.0,
            count_after_horizon: true,
            profit_margin: None,
            uncertainty: Uncertainty::default(),
        };
        // The profit margin stays absent: its spec default only seeds an empty form field.
        for field in Field::AFFECTING_GAIN {
            scenario.set(field, field.spec().default);
        }
        scenario
    }
}

pub const DEFAULT_CURRENCY: &str = "ILS";

impl Scenario {
    /// Every problem with the ranges the user set, for this scenario's values: each end
    /// allowed for its field, low ≤ value ≤ high, and draws from 1 to 20,000.
    fn range_errors(&self) -> Vec<FieldError> {
        let (scenario, uncertainty) = (self, &self.uncertainty);
        let mut errors = Vec::new();
        for field in Field::AFFECTING_GAIN {
            if let Some((low, high)) = uncertainty.input(field).and_then(|input| input.ends) {
                if let Err(problem) = check_range(field, low, high, scenario.get(field)) {
                    errors.push(FieldError {
                        field: FieldName::Range(field),
                        problem,
                    });
                }
            }
        }
        if !(1..=MAX_DRAWS).contains(&uncertainty.draws) {
            errors.push(FieldError {
                field: FieldName::Draws,
                problem: Problem::OutOfRange(f64::from(uncertainty.draws)),
            });
        }
        errors
    }

    /// The value of a numeric field; an absent profit margin reads as `None`.
    pub fn value(&self, field: Field) -> Option<f64> {
        Some(match field {
            Field::AcquisitionCost => self.acquisition_cost,
            Field::LifetimeProfit => self.lifetime_profit,
            Field::CustomerLifetimeYears => self.customer_lifetime_years,
            Field::NewCustomersPerYear => self.new_customers_per_year,
            Field::CurrentCustomers => self.current_customers,
            Field::ReferralsPerHappy => self.referrals_per_happy,
            Field::LostPerUnhappy => self.lost_per_unhappy,
            Field::UnhappyProfitShare => self.unhappy_profit_share,
            Field::UnhappyShareNow => self.unhappy_share_now,
            Field::UnhappyShareInvest => self.unhappy_share_invest,
            Field::ServiceBudgetPerYear => self.service_budget_per_year,
            Field::HorizonYears => self.horizon_years,
            Field::DiscountRate => self.discount_rate,
            Field::ProfitMargin => return self.profit_margin,
        })
    }

    /// The value of a field that is always present (every field but the profit margin).
    pub fn get(&self, field: Field) -> f64 {
        self.value(field).unwrap_or(0.0)
    }

    /// Sets a numeric field without checking it; [`Scenario::validate`] checks.
    pub fn set(&mut self, field: Field, value: f64) {
        let slot = match field {
            Field::AcquisitionCost => &mut self.acquisition_cost,
            Field::LifetimeProfit => &mut self.lifetime_profit,
            Field::CustomerLifetimeYears => &mut self.customer_lifetime_years,
            Field::NewCustomersPerYear => &mut self.new_customers_per_year,
            Field::CurrentCustomers => &mut self.current_customers,
            Field::ReferralsPerHappy => &mut self.referrals_per_happy,
            Field::LostPerUnhappy => &mut self.lost_per_unhappy,
            Field::UnhappyProfitShare => &mut self.unhappy_profit_share,
            Field::UnhappyShareNow => &mut self.unhappy_share_now,
            Field::UnhappyShareInvest => &mut self.unhappy_share_invest,
            Field::ServiceBudgetPerYear => &mut self.service_budget_per_year,
            Field::HorizonYears => &mut self.horizon_years,
            Field::DiscountRate => &mut self.discount_rate,
            Field::ProfitMargin => {
                self.profit_margin = Some(value);
                return;
            }
        };
        *slot = value;
    }

    /// Every problem with the scenario, or the scenario with `-0` normalised to `0`.
    /// Nothing is computed on a scenario that has not passed here.
    pub fn validate(&self) -> Result<ValidScenario, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut checked = self.clone();
        if !is_currency_code(&self.currency) {
            errors.push(FieldError {
                field: FieldName::Currency,
                problem: Problem::NotCurrencyCode(self.currency.clone()),
            });
        }
        for field in Field::ALL {
            if let Some(value) = self.value(field) {
                match field.check(value) {
                    Ok(value) => checked.set(field, value),
                    Err(error) => errors.push(error),
                }
            }
        }
        if errors.is_empty() {
            errors.extend(checked.range_errors());
        }
        if errors.is_empty() {
            Ok(ValidScenario(checked))
        } else {
            Err(errors)
        }
    }
}

/// A scenario that passed validation. Only these are computed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    pub fn scenario(&self) -> &Scenario {
        &self.0
    }

    /// The same scenario with another number of Monte Carlo draws (clamped to 1..=20,000).
    pub fn with_draws(&self, draws: u32) -> ValidScenario {
        let mut changed = self.0.clone();
        changed.uncertainty.draws = draws.clamp(1, MAX_DRAWS);
        ValidScenario(changed)
    }

    /// The same scenario with one field changed, if the new value is allowed (and still
    /// lies within any range the user set for that field).
    pub fn with(&self, field: Field, value: f64) -> Result<ValidScenario, FieldError> {
        let value = field.check(value)?;
        let mut changed = self.0.clone();
        changed.set(field, value);
        match changed.range_errors().into_iter().next() {
            Some(error) => Err(error),
            None => Ok(ValidScenario(changed)),
        }
    }
}

impl std::ops::Deref for ValidScenario {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// The allowed range of a field in words, for messages in English.
pub fn describe_range(field: Field) -> String {
    let spec = field.spec();
    let low = if spec.min_exclusive { "above" } else { "from" };
    let whole = if spec.whole_number {
        " (whole number)"
    } else {
        ""
    };
    format!(
        "{low} {} to {}{whole}",
        plain_number(spec.min),
        plain_number(spec.max)
    )
}

fn plain_number(value: f64) -> String {
    if value >= 1e6 && value.fract() == 0.0 {
        format!("10^{}", value.log10().round())
    } else if (value - 1.0 / 12.0).abs() < 1e-12 {
        "1/12".to_string()
    } else {
        format!("{value}")
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.field {
            FieldName::Range(field) => format!("uncertainty.{}", field.name()),
            other => other.as_str().to_string(),
        };
        let allowed = match self.field {
            FieldName::Numeric(field) => describe_range(field),
            FieldName::Range(field) => format!(
                "low and high ends {}, with low <= value <= high",
                describe_range(field)
            ),
            FieldName::Draws => format!("a whole number from 1 to {MAX_DRAWS}"),
            FieldName::Currency => "a 3-letter ISO 4217 code in capitals, such as ILS".to_string(),
            FieldName::CountAfterHorizon => "true or false".to_string(),
            FieldName::SchemaVersion => format!("a version up to {SCHEMA_VERSION}"),
            FieldName::Document => "a JSON object of scenario fields".to_string(),
        };
        match &self.problem {
            Problem::OutOfRange(value) => {
                write!(f, "{name}: {value} is out of range; allowed: {allowed}")
            }
            Problem::NotWhole(value) => write!(
                f,
                "{name}: {value} is not a whole number; allowed: {allowed}"
            ),
            Problem::NotFinite => write!(f, "{name}: not a finite number; allowed: {allowed}"),
            Problem::Missing => write!(f, "{name}: a value is required; allowed: {allowed}"),
            Problem::WrongType(kind) => write!(f, "{name}: got {kind}; allowed: {allowed}"),
            Problem::NotCurrencyCode(code) => write!(
                f,
                "{name}: {code:?} is not a currency code; allowed: {allowed}"
            ),
            Problem::NewerSchema(version) => {
                write!(f, "{name}: version {version} is newer than this tool understands; allowed: {allowed}")
            }
            Problem::Unreadable(message) => {
                write!(f, "{name}: cannot be read ({message}); allowed: {allowed}")
            }
            Problem::NotANumber(text) => {
                write!(f, "{name}: {text:?} is not a number; allowed: {allowed}")
            }
            Problem::Repeated => write!(f, "{name}: given more than once; allowed: {allowed}"),
            Problem::LowAboveHigh { low, high } => write!(
                f,
                "{name}: the low end {low} is above the high end {high}; allowed: {allowed}"
            ),
            Problem::RangeExcludesValue { low, high, value } => write!(
                f,
                "{name}: the range {low} to {high} does not contain the value {value}; allowed: {allowed}"
            ),
        }
    }
}
