//! One scenario's inputs (model.md "Inputs: one scenario"): the fields, their defaults,
//! their allowed ranges and sources, reading from JSON, and validation.
//!
//! Every place a scenario is written down (JSON, URL, embed attributes, the form) uses the
//! field names here, so [`Field`] is the single table of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The schema version written with every scenario, so saved and shared scenarios can be
/// migrated when the fields change.
pub const SCHEMA_VERSION: u32 = 1;

/// Inputs of one scenario. Rates are fractions (0.25 means 25%).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub schema_version: u32,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profit_margin: Option<f64>,
}

impl Default for Scenario {
    fn default() -> Self {
        let mut scenario = Scenario {
            schema_version: SCHEMA_VERSION,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        if self.schema_version > SCHEMA_VERSION {
            errors.push(FieldError {
                field: FieldName::SchemaVersion,
                problem: Problem::NewerSchema(self.schema_version),
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

    /// The same scenario with one field changed, if the new value is allowed.
    pub fn with(&self, field: Field, value: f64) -> Result<ValidScenario, FieldError> {
        let value = field.check(value)?;
        let mut changed = self.0.clone();
        changed.set(field, value);
        Ok(ValidScenario(changed))
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
        let name = self.field.as_str();
        let allowed = match self.field {
            FieldName::Numeric(field) => describe_range(field),
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
        }
    }
}

/// A field the reader did not recognise. It is ignored, and reported so that a typo in a
/// field name does not pass silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField(pub String);

impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown field {:?} ignored", self.0)
    }
}

/// A scenario read from JSON, with the warnings about fields that were ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadScenario {
    pub scenario: ValidScenario,
    pub unknown_fields: Vec<UnknownField>,
}

/// Reads a scenario from JSON text. Missing fields take their defaults; unknown fields are
/// ignored and listed. Every wrong field is reported, not only the first.
pub fn from_json(text: &str) -> Result<ReadScenario, Vec<FieldError>> {
    let unreadable = |message: String| {
        vec![FieldError {
            field: FieldName::Document,
            problem: Problem::Unreadable(message),
        }]
    };
    // serde_json refuses nesting deeper than 128 levels and numbers beyond f64 with an error.
    let document: Value =
        serde_json::from_str(text).map_err(|error| unreadable(error.to_string()))?;
    let Value::Object(object) = document else {
        return Err(unreadable(format!(
            "the document is {}",
            json_kind(&document)
        )));
    };
    from_json_object(&object)
}

/// Reads a scenario from an already parsed JSON object (see [`from_json`]).
pub fn from_json_object(object: &Map<String, Value>) -> Result<ReadScenario, Vec<FieldError>> {
    let mut scenario = Scenario::default();
    let mut errors = Vec::new();
    let mut unknown_fields = Vec::new();
    for (key, value) in object {
        let result = match key.as_str() {
            "currency" => match value {
                Value::String(code) => {
                    scenario.currency = code.clone();
                    Ok(())
                }
                other => Err(FieldError {
                    field: FieldName::Currency,
                    problem: wrong_type(other),
                }),
            },
            "count_after_horizon" => match value {
                Value::Bool(flag) => {
                    scenario.count_after_horizon = *flag;
                    Ok(())
                }
                other => Err(FieldError {
                    field: FieldName::CountAfterHorizon,
                    problem: wrong_type(other),
                }),
            },
            "schema_version" => match value.as_u64() {
                Some(version) => {
                    scenario.schema_version = u32::try_from(version).unwrap_or(u32::MAX);
                    Ok(())
                }
                None => Err(FieldError {
                    field: FieldName::SchemaVersion,
                    problem: wrong_type(value),
                }),
            },
            "profit_margin" if value.is_null() => {
                scenario.profit_margin = None;
                Ok(())
            }
            name => match Field::from_name(name) {
                Some(field) => match value.as_f64() {
                    Some(number) => {
                        scenario.set(field, number);
                        Ok(())
                    }
                    None => Err(FieldError::new(field, wrong_type(value))),
                },
                None => {
                    unknown_fields.push(UnknownField(name.to_string()));
                    Ok(())
                }
            },
        };
        if let Err(error) = result {
            errors.push(error);
        }
    }
    match scenario.validate() {
        Ok(valid) if errors.is_empty() => Ok(ReadScenario {
            scenario: valid,
            unknown_fields,
        }),
        Ok(_) => Err(errors),
        Err(more) => {
            // A field already reported for its type is not reported again for its range.
            for error in more {
                if !errors.iter().any(|known| known.field == error.field) {
                    errors.push(error);
                }
            }
            Err(errors)
        }
    }
}

fn wrong_type(value: &Value) -> Problem {
    match value {
        Value::Null => Problem::Missing,
        other => Problem::WrongType(json_kind(other)),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Writes a scenario as JSON with the model's field names; an absent margin is left out.
pub fn to_json(scenario: &Scenario) -> String {
    // Serialising plain numbers, strings and booleans cannot fail.
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}
