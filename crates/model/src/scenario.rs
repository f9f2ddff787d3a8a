//! One scenario's inputs (model.md "Inputs: one scenario"): the fields, their defaults,
//! their allowed ranges and sources, reading from JSON, and validation.
//!
//! Every place a scenario is written down (JSON, URL, embed attributes, the form) uses the
//! field names here, so [`Field`] is the single table of them.

use crate::ranges::{Uncertainty, MAX_DRAWS};
use serde::Serialize;
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

/// A numeric input of the scenario. `profit_margin` is optional, and a missing margin is
/// written as `None` in [`Scenario`]; everywhere else these behave alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    AcquisitionCost,
    LifetimeProfit,
    CustomerLifetimeYears,
    NewCustomersPerYear,
    CurrentCustomers,
    ReferralsPerHappy,
    LostPerUnhappy,
    UnhappyProfitShare,
    UnhappyShareNow,
    UnhappyShareInvest,
    ServiceBudgetPerYear,
    HorizonYears,
    DiscountRate,
    ProfitMargin,
}

/// What kind of quantity a field holds, which decides how the UI shows and accepts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// An amount in the scenario's currency.
    Money,
    /// A fraction, shown to people as a percentage.
    Share,
    /// A number of customers (or customers per customer).
    Customers,
    /// A number of years.
    Years,
}

/// The allowed range and default of a field, from the table in model.md.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub symbol: &'static str,
    pub unit: Unit,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// The minimum itself is not allowed (profit margin must be above 0).
    pub min_exclusive: bool,
    pub whole_number: bool,
    /// The span most businesses fall in, and a step within it: what a slider covers. The
    /// allowed range above is far wider, and can still be typed.
    pub usual_max: f64,
    pub usual_step: f64,
}

const fn spec(
    name: &'static str,
    symbol: &'static str,
    unit: Unit,
    default: f64,
    (min, max): (f64, f64),
    (usual_max, usual_step): (f64, f64),
) -> FieldSpec {
    FieldSpec {
        name,
        symbol,
        unit,
        default,
        min,
        max,
        min_exclusive: false,
        whole_number: false,
        usual_max,
        usual_step,
    }
}

impl Field {
    /// Inputs that move `npv_gain`: all but the profit margin, which only restates a loss.
    pub const AFFECTING_GAIN: [Field; 13] = [
        Field::AcquisitionCost,
        Field::LifetimeProfit,
        Field::CustomerLifetimeYears,
        Field::NewCustomersPerYear,
        Field::CurrentCustomers,
        Field::ReferralsPerHappy,
        Field::LostPerUnhappy,
        Field::UnhappyProfitShare,
        Field::UnhappyShareNow,
        Field::UnhappyShareInvest,
        Field::ServiceBudgetPerYear,
        Field::HorizonYears,
        Field::DiscountRate,
    ];

    /// Every numeric input: those that move the gain, and the profit margin.
    pub const ALL: [Field; 14] = {
        let mut all = [Field::ProfitMargin; 14];
        let mut i = 0;
        while i < Self::AFFECTING_GAIN.len() {
            all[i] = Self::AFFECTING_GAIN[i];
            i += 1;
        }
        all
    };

    /// Default value and allowed range (model.md "Inputs" table). The profit margin has no
    /// default value (it is absent); its `default` here is only a starting point for a form.
    pub const fn spec(self) -> FieldSpec {
        match self {
            Field::AcquisitionCost => spec(
                "acquisition_cost",
                "A",
                Unit::Money,
                2_000.0,
                (0.0, 1e9),
                (20_000.0, 100.0),
            ),
            Field::LifetimeProfit => spec(
                "lifetime_profit",
                "L",
                Unit::Money,
                20_000.0,
                (0.0, 1e10),
                (200_000.0, 500.0),
            ),
            Field::CustomerLifetimeYears => spec(
                "customer_lifetime_years",
                "T",
                Unit::Years,
                5.0,
                (1.0 / 12.0, 100.0),
                (20.0, 0.5),
            ),
            Field::NewCustomersPerYear => spec(
                "new_customers_per_year",
                "a",
                Unit::Customers,
                40.0,
                (0.0, 1e7),
                (1_000.0, 1.0),
            ),
            Field::CurrentCustomers => spec(
                "current_customers",
                "C0",
                Unit::Customers,
                100.0,
                (0.0, 1e8),
                (5_000.0, 10.0),
            ),
            Field::ReferralsPerHappy => spec(
                "referrals_per_happy",
                "ρ",
                Unit::Customers,
                0.3,
                (0.0, 20.0),
                (3.0, 0.05),
            ),
            Field::LostPerUnhappy => spec(
                "lost_per_unhappy",
                "ν",
                Unit::Customers,
                0.5,
                (0.0, 50.0),
                (10.0, 0.1),
            ),
            Field::UnhappyProfitShare => spec(
                "unhappy_profit_share",
                "λ",
                Unit::Share,
                0.25,
                (0.0, 1.0),
                (1.0, 0.01),
            ),
            Field::UnhappyShareNow => spec(
                "unhappy_share_now",
                "p0",
                Unit::Share,
                0.40,
                (0.0, 1.0),
                (1.0, 0.01),
            ),
            Field::UnhappyShareInvest => spec(
                "unhappy_share_invest",
                "p1",
                Unit::Share,
                0.15,
                (0.0, 1.0),
                (1.0, 0.01),
            ),
            Field::ServiceBudgetPerYear => spec(
                "service_budget_per_year",
                "S",
                Unit::Money,
                60_000.0,
                (0.0, 1e10),
                (500_000.0, 1_000.0),
            ),
            Field::HorizonYears => FieldSpec {
                whole_number: true,
                ..spec(
                    "horizon_years",
                    "H",
                    Unit::Years,
                    5.0,
                    (1.0, 30.0),
                    (30.0, 1.0),
                )
            },
            Field::DiscountRate => spec(
                "discount_rate",
                "d",
                Unit::Share,
                0.08,
                (0.0, 1.0),
                (0.3, 0.005),
            ),
            Field::ProfitMargin => FieldSpec {
                min_exclusive: true,
                ..spec(
                    "profit_margin",
                    "m%",
                    Unit::Share,
                    0.30,
                    (0.0, 1.0),
                    (1.0, 0.01),
                )
            },
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The field's place in [`Field::ALL`], for tables indexed by field.
    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.name() == name)
    }

    /// Whether `value` is allowed for this field.
    pub fn allows(self, value: f64) -> bool {
        let spec = self.spec();
        let above_min = if spec.min_exclusive {
            value > spec.min
        } else {
            value >= spec.min
        };
        value.is_finite()
            && above_min
            && value <= spec.max
            && (!spec.whole_number || value.fract() == 0.0)
    }

    /// Checks one value against the field's range.
    pub fn check(self, value: f64) -> Result<f64, FieldError> {
        if !value.is_finite() {
            return Err(FieldError::new(self, Problem::NotFinite));
        }
        if !self.allows(value) {
            let spec = self.spec();
            let problem = if spec.whole_number && value.fract() != 0.0 {
                Problem::NotWhole(value)
            } else {
                Problem::OutOfRange(value)
            };
            return Err(FieldError::new(self, problem));
        }
        // -0 is allowed but would print as "-0".
        Ok(value + 0.0)
    }
}

impl Scenario {
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
            errors.extend(checked.uncertainty.check(&checked));
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
        match changed.uncertainty.check(&changed).into_iter().next() {
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

pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The name of any scenario field, numeric or not, for error reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldName {
    Numeric(Field),
    Currency,
    CountAfterHorizon,
    SchemaVersion,
    /// The uncertainty range of an input (JSON `uncertainty.<field>`).
    Range(Field),
    /// The number of Monte Carlo draws.
    Draws,
    /// The document as a whole (not JSON, not an object).
    Document,
}

impl FieldName {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldName::Numeric(field) => field.name(),
            FieldName::Currency => "currency",
            FieldName::CountAfterHorizon => "count_after_horizon",
            FieldName::SchemaVersion => "schema_version",
            FieldName::Range(field) => field.name(),
            FieldName::Draws => "monte_carlo_draws",
            FieldName::Document => "(document)",
        }
    }
}

/// What is wrong with a field's value. The UI translates these; the CLI prints them in
/// English through `Display`.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    OutOfRange(f64),
    NotWhole(f64),
    NotFinite,
    /// Left blank in a form, or `null` where a number is required.
    Missing,
    /// A value of the wrong kind, such as text where a number belongs. Holds the JSON kind.
    WrongType(&'static str),
    NotCurrencyCode(String),
    NewerSchema(u32),
    /// The document is not valid JSON, or not a JSON object. Holds the parser's message.
    Unreadable(String),
    /// Text where a number belongs, in a link or an attribute (long text is cut short).
    NotANumber(String),
    /// The same field given twice: neither is taken.
    Repeated,
    /// An uncertainty range whose low end is above its high end.
    LowAboveHigh {
        low: f64,
        high: f64,
    },
    /// An uncertainty range that leaves out the input's own value.
    RangeExcludesValue {
        low: f64,
        high: f64,
        value: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: FieldName,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        FieldError {
            field: FieldName::Numeric(field),
            problem,
        }
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
