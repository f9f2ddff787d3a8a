//! How uncertain inputs move the net gain (model.md "Uncertainty"): the one-at-a-time
//! tornado, and a Monte Carlo with triangular draws from a fixed seed.

use super::figure::{Figure, Why};
use super::projection::{run_side_by_side, service_budget_present_value, Level, LevelRun};
use super::scenario::{Field, FieldError, FieldName, Problem, Scenario, ValidScenario};
use serde::Serialize;

/// Default spread of a range: ±25% of the value.
pub const DEFAULT_SPREAD: f64 = 0.25;
pub const DEFAULT_DRAWS: u32 = 2_000;
pub const MAX_DRAWS: u32 = 20_000;
/// The Monte Carlo always starts here, so the same scenario always shows the same figures.
pub const SEED: u64 = 0x00C0_FFEE_5EED_2026;
pub const HISTOGRAM_BINS: usize = 20;

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

    /// Every problem with the ranges the user set, for this scenario's values: each end
    /// allowed for its field, low ≤ value ≤ high, and draws from 1 to 20,000.
    pub fn check(&self, scenario: &Scenario) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for field in Field::AFFECTING_GAIN {
            if let Some((low, high)) = self.input(field).and_then(|input| input.ends) {
                if let Err(problem) = check_range(field, low, high, scenario.get(field)) {
                    errors.push(FieldError {
                        field: FieldName::Range(field),
                        problem,
                    });
                }
            }
        }
        if !(1..=MAX_DRAWS).contains(&self.draws) {
            errors.push(FieldError {
                field: FieldName::Draws,
                problem: Problem::OutOfRange(f64::from(self.draws)),
            });
        }
        errors
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

/// One bar of the tornado: the net gain with the input at each end of its range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TornadoBar {
    pub field: Field,
    pub low_value: f64,
    pub high_value: f64,
    pub gain_at_low: Figure,
    pub gain_at_high: Figure,
    /// |gain_at_high − gain_at_low|; missing where either end is beyond the model's range.
    pub swing: Figure,
}

/// The tornado over every input that moves the net gain, widest swing first.
pub fn tornado(scenario: &ValidScenario) -> Vec<TornadoBar> {
    let uncertainty = &scenario.uncertainty;
    let fields = Field::AFFECTING_GAIN;
    // One working copy, changed and restored field by field; the runs for every end of
    // every input then go side by side.
    let mut probe: Scenario = scenario.scenario().clone();
    let mut ends = Vec::with_capacity(fields.len());
    let mut runs = Vec::with_capacity(fields.len() * 4);
    for &field in &fields {
        let value = scenario.get(field);
        let (low, high) = uncertainty.ends(field, value);
        for end in [low, high] {
            probe.set(field, end);
            runs.push(LevelRun::new(&probe, Level::Today));
            runs.push(LevelRun::new(&probe, Level::Invest));
        }
        probe.set(field, value);
        ends.push((field, low, high));
    }
    run_side_by_side(&mut runs);
    let mut bars: Vec<TornadoBar> = ends
        .iter()
        .zip(runs.chunks_exact(4))
        .map(|(&(field, low_value, high_value), runs)| {
            let mut gain_at = |end: f64, today: &LevelRun, invest: &LevelRun| {
                probe.set(field, end);
                let gain =
                    LevelRun::pair(service_budget_present_value(&probe), today, invest).gain();
                probe.set(field, scenario.get(field));
                gain
            };
            let gain_at_low = gain_at(low_value, &runs[0], &runs[1]);
            let gain_at_high = gain_at(high_value, &runs[2], &runs[3]);
            TornadoBar {
                field,
                low_value,
                high_value,
                gain_at_low,
                gain_at_high,
                swing: gain_at_high.zip(gain_at_low, |high, low| (high - low).abs()),
            }
        })
        .collect();
    // Beyond-range swings first: they are the widest of all.
    bars.sort_by(|a, b| {
        let key = |bar: &TornadoBar| bar.swing.value().unwrap_or(f64::MAX);
        key(b).total_cmp(&key(a))
    });
    bars
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, well-known generator with good
/// statistical quality for simulation, in a few lines and no dependency.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A draw from the triangular distribution with the given low end, mode and high end.
pub fn triangular(low: f64, mode: f64, high: f64, unit: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return low;
    }
    let mode = mode.clamp(low, high);
    let split = (mode - low) / width;
    if unit < split {
        low + (unit * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - unit) * width * (high - mode)).sqrt()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HistogramBin {
    pub from: f64,
    pub to: f64,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub draws: u32,
    pub p10: Figure,
    pub p50: Figure,
    pub p90: Figure,
    /// Share of draws where investing gains (npv_gain > 0).
    pub probability_of_gain: f64,
    /// Bins over the draws within the model's range.
    pub histogram: Vec<HistogramBin>,
    /// Draws whose gain was beyond the model's range, below and above the histogram.
    pub beyond_range_low: u32,
    pub beyond_range_high: u32,
}

/// Draws every input that varies at once, independently, as many times as the scenario
/// says (clamped to 1..=20,000), and summarises `npv_gain`.
pub fn monte_carlo(scenario: &ValidScenario) -> MonteCarlo {
    let uncertainty = &scenario.uncertainty;
    let draws = uncertainty.draws.clamp(1, MAX_DRAWS);
    let inputs: Vec<(Field, f64, f64, f64)> = uncertainty
        .varying()
        .map(|field| {
            let value = scenario.get(field);
            let (low, high) = uncertainty.ends(field, value);
            (field, low, value, high)
        })
        .collect();
    let mut random = SplitMix64::new(SEED);
    let mut probe: Scenario = scenario.scenario().clone();
    // Draws are projected a batch at a time, side by side; the batch stays small so
    // memory does not grow with the number of draws.
    const BATCH: usize = 64;
    let mut runs: Vec<LevelRun> = Vec::with_capacity(2 * BATCH);
    let mut budgets: Vec<f64> = Vec::with_capacity(BATCH);
    // Gains beyond the model's range sort as ±infinity here; they never leave this function.
    let mut gains: Vec<f64> = Vec::with_capacity(draws as usize);
    let mut remaining = draws as usize;
    while remaining > 0 {
        let batch = remaining.min(BATCH);
        runs.clear();
        budgets.clear();
        for _ in 0..batch {
            for &(field, low, mode, high) in &inputs {
                let drawn = triangular(low, mode, high, random.next_unit());
                let drawn = if field.spec().whole_number {
                    drawn.round()
                } else {
                    drawn
                };
                probe.set(field, drawn);
            }
            runs.push(LevelRun::new(&probe, Level::Today));
            runs.push(LevelRun::new(&probe, Level::Invest));
            budgets.push(service_budget_present_value(&probe));
        }
        run_side_by_side(&mut runs);
        for (drawn, pair) in budgets.iter().zip(runs.chunks_exact(2)) {
            let npvs = LevelRun::pair(*drawn, &pair[0], &pair[1]);
            gains.push(match npvs.gain() {
                Figure::Value(gain) => gain,
                Figure::Missing(_) if npvs.invest >= npvs.now => f64::INFINITY,
                Figure::Missing(_) => f64::NEG_INFINITY,
            });
        }
        remaining -= batch;
    }
    gains.sort_by(f64::total_cmp);
    summarise(&gains)
}

/// Percentiles, chance of gain and histogram of sorted gains.
fn summarise(sorted: &[f64]) -> MonteCarlo {
    let count = sorted.len();
    let gaining = sorted.iter().filter(|gain| **gain > 0.0).count();
    let in_range: Vec<f64> = sorted
        .iter()
        .copied()
        .filter(|gain| gain.is_finite())
        .collect();
    let beyond_range_low = sorted
        .iter()
        .filter(|gain| **gain == f64::NEG_INFINITY)
        .count() as u32;
    let beyond_range_high = sorted.iter().filter(|gain| **gain == f64::INFINITY).count() as u32;
    MonteCarlo {
        draws: count as u32,
        p10: percentile(sorted, 0.10),
        p50: percentile(sorted, 0.50),
        p90: percentile(sorted, 0.90),
        probability_of_gain: if count == 0 {
            0.0
        } else {
            gaining as f64 / count as f64
        },
        histogram: histogram(&in_range, HISTOGRAM_BINS),
        beyond_range_low,
        beyond_range_high,
    }
}

/// Linear interpolation between closest ranks (the common "type 7" definition).
pub fn percentile(sorted: &[f64], fraction: f64) -> Figure {
    if sorted.is_empty() {
        return Figure::Missing(Why::BeyondModelRange);
    }
    let position = fraction * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let (low, high) = (sorted[below], sorted[above]);
    if below == above {
        return Figure::checked(low);
    }
    Figure::checked(low + (high - low) * (position - below as f64))
}

/// Equal-width bins from the smallest to the largest value.
pub fn histogram(sorted: &[f64], bins: usize) -> Vec<HistogramBin> {
    let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    if last <= first {
        return vec![HistogramBin {
            from: first,
            to: last,
            count: sorted.len() as u32,
        }];
    }
    let width = (last - first) / bins as f64;
    let mut result: Vec<HistogramBin> = (0..bins)
        .map(|bin| HistogramBin {
            from: first + width * bin as f64,
            to: if bin + 1 == bins {
                last
            } else {
                first + width * (bin + 1) as f64
            },
            count: 0,
        })
        .collect();
    for &value in sorted {
        let bin = (((value - first) / width) as usize).min(bins - 1);
        result[bin].count += 1;
    }
    result
}
