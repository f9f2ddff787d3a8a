//! What each numeric input of a scenario is (model.md "Inputs: one scenario"): its name,
//! its unit, its allowed range, default and source, and what can be wrong with a value.
//!
//! Every place a scenario is written down (JSON, URL, embed attributes, the form) uses the
//! field names here, so [`Field`] is the single table of them.

use serde::Serialize;

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
