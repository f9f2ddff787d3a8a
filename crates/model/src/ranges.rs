//! How sure the user is of each input (model.md "Uncertainty"): a range for every input
//! that moves the gain, whether the Monte Carlo draws it, and how many draws to make. These
//! are inputs of a scenario, like its figures; what they do to the gain is [`crate::uncertainty`].

use crate::fields::{Field, Problem};

/// Default spread of a range: ±25% of the value.
pub const DEFAULT_SPREAD: f64 = 0.25;
pub const DEFAULT_DRAWS: u32 = 2_000;
pub const MAX_DRAWS: u32 = 20_000;

/// The business's own estimates, uncertain by default (model.md).
pub const UNCERTAIN_BY_DEFAULT: [Field; 7] = [
    Field::LifetimeProfit,
    Field::CustomerLifetimeYears,
    Field::ReferralsPerHappy,
    Field::LostPerUnhappy,
    Field::UnhappyProfitShare,
    Field::UnhappyShareNow,
    Field::UnhappyShareInvest,
];

/// The range of one input that moves the gain, and whether the Monte Carlo draws it.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct InputRange {
    /// Ends the user set, in the field's own units; `None` is ±25% of the value.
    pub ends: Option<(f64, f64)>,
    pub varies: bool,
}

/// How sure the user is of each input (model.md "Uncertainty"): a range for every input
/// that moves the gain, whether it varies in the Monte Carlo, and how many draws to make.
/// The tornado uses every range; the Monte Carlo draws the inputs that vary.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    /// Indexed by [`Field::index`], in the order of [`Field::AFFECTING_GAIN`].
    inputs: [InputRange; 13],
    pub draws: u32,
}

impl Default for Uncertainty {
    fn default() -> Self {
        let mut inputs = [InputRange {
            ends: None,
            varies: false,
        }; 13];
        for field in UNCERTAIN_BY_DEFAULT {
            inputs[field.index()].varies = true;
        }
        Uncertainty {
            inputs,
            draws: DEFAULT_DRAWS,
        }
    }
}

/// ±`fraction` of `value`, clamped to the field's allowed range and rounded for
/// whole-number fields.
pub fn relative_ends(field: Field, value: f64, fraction: f64) -> (f64, f64) {
    let spec = field.spec();
    let clamp = |end: f64| {
        let end = if spec.whole_number { end.round() } else { end };
        end.clamp(spec.min, spec.max)
    };
    (
        clamp(value * (1.0 - fraction)),
        clamp(value * (1.0 + fraction)),
    )
}

impl Uncertainty {
    /// The setting of one input; the profit margin, which does not move the gain, has none.
    pub fn input(&self, field: Field) -> Option<InputRange> {
        self.inputs.get(field.index()).copied()
    }

    /// The low and high ends of an input's range for this value of it.
    pub fn ends(&self, field: Field, value: f64) -> (f64, f64) {
        match self.input(field).and_then(|input| input.ends) {
            Some(ends) => ends,
            None => relative_ends(field, value, DEFAULT_SPREAD),
        }
    }

    pub fn varies(&self, field: Field) -> bool {
        self.input(field).is_some_and(|input| input.varies)
    }

    /// Sets the range of one input and makes it uncertain (model.md: "set a range").
    pub fn set(&mut self, field: Field, low: f64, high: f64) {
        if let Some(input) = self.inputs.get_mut(field.index()) {
            *input = InputRange {
                ends: Some((low, high)),
                varies: true,
            };
        }
    }

    /// Sets an input's ends, keeping whether it varies.
    pub fn set_ends(&mut self, field: Field, ends: Option<(f64, f64)>) {
        if let Some(input) = self.inputs.get_mut(field.index()) {
            input.ends = ends;
        }
    }

    pub fn set_varies(&mut self, field: Field, varies: bool) {
        if let Some(input) = self.inputs.get_mut(field.index()) {
            input.varies = varies;
        }
    }

    /// Clears an input's range (model.md: "clear one"): it is held at its value in the Monte
    /// Carlo, and the tornado moves it ±25%.
    pub fn clear(&mut self, field: Field) {
        if let Some(input) = self.inputs.get_mut(field.index()) {
            *input = InputRange {
                ends: None,
                varies: false,
            };
        }
    }

    /// Whether this input is set as it is by default.
    pub fn is_default(&self, field: Field) -> bool {
        self.input(field) == Uncertainty::default().input(field)
    }

    /// The inputs that vary in the Monte Carlo.
    pub fn varying(&self) -> impl Iterator<Item = Field> + '_ {
        Field::AFFECTING_GAIN
            .into_iter()
            .filter(|&field| self.varies(field))
    }
}

/// Checks a range the user gave for `field` around its `value`.
pub fn check_range(field: Field, low: f64, high: f64, value: f64) -> Result<(), Problem> {
    for end in [low, high] {
        field.check(end).map_err(|error| error.problem)?;
    }
    if low > high {
        return Err(Problem::LowAboveHigh { low, high });
    }
    if low > value || value > high {
        return Err(Problem::RangeExcludesValue { low, high, value });
    }
    Ok(())
}
