//! A computed figure, or the reason there is none (model.md "Limits of the model" and
//! "Outputs"). The model never hands out NaN or infinity: a figure it cannot give is a
//! [`Figure::Missing`] that says why, so the UI can say it in words and JSON can write `null`.

use serde::{Serialize, Serializer};

/// Any figure above this, in money or in customers, is beyond the model's range.
pub const MODEL_RANGE_LIMIT: f64 = 1e15;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// k ≥ 1: word of mouth alone grows the business without limit, so a closed-form value
    /// per customer does not exist.
    WordOfMouthUnbounded,
    /// Above 10^15 in money or customers: the number would mean nothing.
    BeyondModelRange,
    /// No profit margin was given, so profit cannot be restated as revenue.
    NoProfitMargin,
    /// The service budget is 0, so a return on it is undefined.
    NoServiceBudget,
    /// The running gain does not stay at or above zero within 30 years.
    NoPaybackWithin30Years,
    /// Investing never catches up with today, whatever the budget, so no budget breaks even.
    NoBreakEvenBudget,
    /// Even with no customer served badly after investing, the budget does not pay.
    NoBreakEvenShare,
}

impl Why {
    pub const ALL: [Why; 7] = [
        Why::WordOfMouthUnbounded,
        Why::BeyondModelRange,
        Why::NoProfitMargin,
        Why::NoServiceBudget,
        Why::NoPaybackWithin30Years,
        Why::NoBreakEvenBudget,
        Why::NoBreakEvenShare,
    ];

    /// The name the command-line tool's `null_reasons` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Why::WordOfMouthUnbounded => "word_of_mouth_unbounded",
            Why::BeyondModelRange => "beyond_model_range",
            Why::NoProfitMargin => "no_profit_margin",
            Why::NoServiceBudget => "no_service_budget",
            Why::NoPaybackWithin30Years => "no_payback_within30_years",
            Why::NoBreakEvenBudget => "no_break_even_budget",
            Why::NoBreakEvenShare => "no_break_even_share",
        }
    }

    pub fn from_name(name: &str) -> Option<Why> {
        Why::ALL.into_iter().find(|why| why.name() == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Value(f64),
    Missing(Why),
}

impl Figure {
    /// A value, or [`Why::BeyondModelRange`] where it is not finite or above the limit.
    pub fn checked(value: f64) -> Figure {
        if value.is_finite() && value.abs() <= MODEL_RANGE_LIMIT {
            Figure::Value(value + 0.0)
        } else {
            Figure::Missing(Why::BeyondModelRange)
        }
    }

    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value(value) => Some(value),
            Figure::Missing(_) => None,
        }
    }

    pub fn why(self) -> Option<Why> {
        match self {
            Figure::Value(_) => None,
            Figure::Missing(why) => Some(why),
        }
    }

    /// Applies `f` to a value and range-checks the result; a missing figure stays missing.
    pub fn map(self, f: impl FnOnce(f64) -> f64) -> Figure {
        match self {
            Figure::Value(value) => Figure::checked(f(value)),
            missing => missing,
        }
    }

    /// Combines two figures; the first missing one decides the reason.
    pub fn zip(self, other: Figure, f: impl FnOnce(f64, f64) -> f64) -> Figure {
        match (self, other) {
            (Figure::Value(a), Figure::Value(b)) => Figure::checked(f(a, b)),
            (Figure::Missing(why), _) | (_, Figure::Missing(why)) => Figure::Missing(why),
        }
    }
}

/// JSON writes the number, or `null`; the reasons are listed beside the results.
impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Value(value) => {
                // serde_json would quietly write NaN as null; the tests run with this check.
                debug_assert!(value.is_finite(), "a figure is not finite: {value}");
                serializer.serialize_f64(*value)
            }
            Figure::Missing(_) => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_is_named_as_the_command_line_tool_writes_it() {
        for why in Why::ALL {
            let written = serde_json::to_value(why).expect("a reason serialises");
            assert_eq!(written, serde_json::Value::from(why.name()));
            assert_eq!(Why::from_name(why.name()), Some(why));
        }
    }
}
