//! How uncertain inputs move the net gain (model.md "Uncertainty"): the one-at-a-time
//! tornado, and a Monte Carlo with triangular draws from a fixed seed.

use crate::fields::Field;
use crate::figure::{Figure, Why};
use crate::projection::{run_side_by_side, service_budget_present_value, Level, LevelRun, LANES};
use crate::ranges::MAX_DRAWS;
use crate::scenario::{Scenario, ValidScenario};
use serde::Serialize;

/// The Monte Carlo always starts here, so the same scenario always shows the same figures.
pub const SEED: u64 = 0x00C0_FFEE_5EED_2026;
pub const HISTOGRAM_BINS: usize = 20;

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
    let mut run = MonteCarloRun::new(scenario);
    loop {
        if let Some(summary) = run.advance() {
            return summary;
        }
    }
}

/// How many draws [`MonteCarloRun::advance`] projects at a time: as many as
/// [`run_side_by_side`] steps together (two projections a draw), so that a batch is as fast
/// per draw as a longer one, and short enough that a browser can stop between two batches
/// well inside a frame even where a month is cut into its most steps (docs/benchmarks.md).
pub const DRAWS_PER_BATCH: usize = LANES / 2;

/// A Monte Carlo under way, a batch of draws at a time, so that a browser can run it in
/// slices between frames and stay answering. However it is sliced, it draws the same
/// numbers in the same order and gives the same summary as [`monte_carlo`].
#[derive(Clone, Debug)]
pub struct MonteCarloRun {
    /// Each varying input with its low end, mode (the scenario's value) and high end.
    inputs: Vec<(Field, f64, f64, f64)>,
    random: SplitMix64,
    /// The scenario with the current draw's inputs set.
    probe: Scenario,
    runs: Vec<LevelRun>,
    budgets: Vec<f64>,
    /// Gains beyond the model's range sort as ±infinity here; they never leave the summary.
    gains: Vec<f64>,
    remaining: usize,
}

impl MonteCarloRun {
    pub fn new(scenario: &ValidScenario) -> Self {
        let uncertainty = &scenario.uncertainty;
        let draws = uncertainty.draws.clamp(1, MAX_DRAWS) as usize;
        let inputs = uncertainty
            .varying()
            .map(|field| {
                let value = scenario.get(field);
                let (low, high) = uncertainty.ends(field, value);
                (field, low, value, high)
            })
            .collect();
        MonteCarloRun {
            inputs,
            random: SplitMix64::new(SEED),
            probe: scenario.scenario().clone(),
            runs: Vec::with_capacity(2 * DRAWS_PER_BATCH),
            budgets: Vec::with_capacity(DRAWS_PER_BATCH),
            gains: Vec::with_capacity(draws),
            remaining: draws,
        }
    }

    /// Draws and projects the next batch; once every draw is done, the summary (and the
    /// same summary again if asked after).
    pub fn advance(&mut self) -> Option<MonteCarlo> {
        let batch = self.remaining.min(DRAWS_PER_BATCH);
        self.runs.clear();
        self.budgets.clear();
        for _ in 0..batch {
            for &(field, low, mode, high) in &self.inputs {
                let drawn = triangular(low, mode, high, self.random.next_unit());
                let drawn = if field.spec().whole_number {
                    drawn.round()
                } else {
                    drawn
                };
                self.probe.set(field, drawn);
            }
            self.runs.push(LevelRun::new(&self.probe, Level::Today));
            self.runs.push(LevelRun::new(&self.probe, Level::Invest));
            self.budgets.push(service_budget_present_value(&self.probe));
        }
        run_side_by_side(&mut self.runs);
        for (drawn, pair) in self.budgets.iter().zip(self.runs.chunks_exact(2)) {
            let npvs = LevelRun::pair(*drawn, &pair[0], &pair[1]);
            self.gains.push(match npvs.gain() {
                Figure::Value(gain) => gain,
                Figure::Missing(_) if npvs.invest >= npvs.now => f64::INFINITY,
                Figure::Missing(_) => f64::NEG_INFINITY,
            });
        }
        self.remaining -= batch;
        if self.remaining > 0 {
            return None;
        }
        self.gains.sort_by(f64::total_cmp);
        Some(summarise(&self.gains))
    }
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
