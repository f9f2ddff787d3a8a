//! The arithmetic of drawing: mapping values to pixels, choosing round tick values, and
//! mirroring for right-to-left. Pure, so it is tested natively; the chart components only
//! place what this computes.

use crate::codec::decimal::svg as px;
use cvc_model::uncertainty::percentile;
use cvc_model::Figure;

/// A linear map from a domain of values to a range of pixels. `mirrored` flips the range,
/// so that in right-to-left layouts time runs from right to left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        // A domain of one point still needs a width to divide by.
        let domain = if domain.1 > domain.0 {
            domain
        } else {
            (domain.0 - 1.0, domain.0 + 1.0)
        };
        LinearScale { domain, range }
    }

    /// The same scale drawn the other way (right to left, or bottom to top).
    pub fn mirrored(self) -> Self {
        LinearScale {
            domain: self.domain,
            range: (self.range.1, self.range.0),
        }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A round step near `span / target_count`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_step(span: f64, target_count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let rough = span / target_count.max(1) as f64;
    let power = 10f64.powf(rough.log10().floor());
    let fraction = rough / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Widens `(low, high)` to round numbers and lists the ticks between, about
/// `target_count` of them. The domain always includes zero when `include_zero` is set, so
/// bars of money start from nothing.
pub fn nice_domain(
    low: f64,
    high: f64,
    target_count: usize,
    include_zero: bool,
) -> (f64, f64, Vec<f64>) {
    let (mut low, mut high) = if low <= high {
        (low, high)
    } else {
        (high, low)
    };
    if include_zero {
        low = low.min(0.0);
        high = high.max(0.0);
    }
    if !(low.is_finite() && high.is_finite()) {
        return (0.0, 1.0, vec![0.0, 1.0]);
    }
    if high - low <= f64::EPSILON * high.abs().max(1.0) {
        high = low + low.abs().max(1.0);
    }
    let step = nice_step(high - low, target_count);
    let start = (low / step).floor() * step;
    let end = (high / step).ceil() * step;
    let count = ((end - start) / step).round() as usize;
    let ticks = (0..=count)
        .map(|i| start + step * i as f64)
        .map(|tick| if tick.abs() < step * 1e-9 { 0.0 } else { tick })
        .collect();
    (start, end, ticks)
}

/// Charts are laid out left to right and flipped as a whole for right-to-left readers:
/// an x position measured from the left edge becomes the same distance from the right.
pub fn flip_x(x: f64, width: f64, right_to_left: bool) -> f64 {
    if right_to_left {
        width - x
    } else {
        x
    }
}

/// About how wide a label is drawn, in pixels: SVG text cannot be measured before it is
/// drawn, so axes reserve room from the character count (0.6 of the font size per
/// character is a little wider than the average of the system fonts used).
pub fn label_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}'))
        .count() as f64
        * font_px
        * 0.6
}

/// The ticks whose labels fit side by side: every tick when they do, else every second,
/// third… (always counted from zero when it is a tick, so the zero line keeps its label),
/// so that no two labels centred on their ticks come closer than `gap` pixels. `placed`
/// holds each tick's position and its label's width, in pixels. A narrow chart, or long
/// labels (Hebrew writes "1.5 מיליון ₪" where English writes "₪1.5M"), shows fewer.
pub fn ticks_that_fit(ticks: &[f64], placed: &[(f64, f64)], gap: f64) -> Vec<f64> {
    let anchor = ticks.iter().position(|&tick| tick == 0.0).unwrap_or(0);
    for every in 1..=ticks.len().max(1) {
        let kept: Vec<usize> = (0..ticks.len().min(placed.len()))
            .filter(|&i| i.abs_diff(anchor) % every == 0)
            .collect();
        let apart = kept.windows(2).all(|pair| {
            let ((x0, w0), (x1, w1)) = (placed[pair[0]], placed[pair[1]]);
            (x1 - x0).abs() >= (w0 + w1) / 2.0 + gap
        });
        if apart {
            return kept.into_iter().map(|i| ticks[i]).collect();
        }
    }
    ticks.get(anchor).copied().into_iter().collect()
}

/// A running series by month as points (years, value), starting from (0, 0). A month whose
/// figure is missing (beyond the model's range) ends the line there.
pub fn cumulative_points(monthly: &[Figure]) -> Vec<(f64, f64)> {
    std::iter::once((0.0, 0.0))
        .chain(
            monthly
                .iter()
                .map_while(|figure| figure.value())
                .enumerate()
                .map(|(i, value)| ((i + 1) as f64 / 12.0, value)),
        )
        .collect()
}

/// The `points` attribute of an SVG polyline through the given data points, mirrored for
/// right-to-left.
pub fn polyline(
    points: &[(f64, f64)],
    x: &LinearScale,
    y: &LinearScale,
    width: f64,
    right_to_left: bool,
) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, &(at, value)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&px(flip_x(x.map(at), width, right_to_left)));
        out.push(',');
        out.push_str(&px(y.map(value)));
    }
    out
}

/// The span a row of dots (one per business in a workshop room) is drawn over: from the
/// lowest value to the highest of those within one and a half interquartile ranges of the
/// quartiles (Tukey's fences, as a box plot's whiskers), so that one business far from the
/// others does not squeeze them all into a dot's width. A value outside the span is drawn
/// apart, past that end and marked; the words under the row still give the lowest and the
/// highest. Where the quartiles meet (most businesses alike), the whole span.
pub fn dot_span(values: &[f64]) -> (f64, f64) {
    span_of_sorted(&finite_sorted(values))
}

/// The finite values of `values`, lowest first.
fn finite_sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    sorted
}

/// [`dot_span`] of values already finite and sorted.
fn span_of_sorted(sorted: &[f64]) -> (f64, f64) {
    let (Some(&low), Some(&high)) = (sorted.first(), sorted.last()) else {
        return (0.0, 0.0);
    };
    let at = |fraction: f64| percentile(sorted, fraction).value().unwrap_or(low);
    let (q1, q3) = (at(0.25), at(0.75));
    let reach = 1.5 * (q3 - q1);
    if reach > 0.0 {
        let within = |value: &&f64| (q1 - reach..=q3 + reach).contains(*value);
        let mut inside = sorted.iter().filter(within);
        let from = inside.next().copied().unwrap_or(low);
        (from, inside.next_back().copied().unwrap_or(from))
    } else {
        (low, high)
    }
}

/// A row of dots laid out left to right (the view mirrors it for right-to-left): where
/// each value's dot is, whether it is beyond the span, and where the line runs.
#[derive(Clone, Debug, PartialEq)]
pub struct DotRow {
    /// One per value, in the order given: its `x`, and whether it is drawn apart.
    pub dots: Vec<(f64, bool)>,
    /// Where the line starts and stops: over the span, not under the dots apart.
    pub axis: (f64, f64),
}

/// Lays out a row of dots `width` wide with `pad` at each end. The values within
/// [`dot_span`] are placed to scale; those beyond it sit past a gap at that end, in their
/// order (the farthest at the very end), a dot's width apart, since several businesses far
/// out on one side would otherwise share one spot. Their distances are not to scale, and
/// the row's words say the lowest and the highest. The dots apart take at most a quarter of
/// the row at each end.
pub fn dot_row(values: &[f64], width: f64, pad: f64) -> DotRow {
    const GAP: f64 = 18.0;
    const STEP: f64 = 12.0;
    let mut distinct = finite_sorted(values);
    let (from, to) = span_of_sorted(&distinct);
    // The distinct values in order: those beyond the span are its first `below` and its
    // last `above`.
    distinct.dedup();
    let below = distinct.iter().filter(|v| **v < from).count();
    let above = distinct.iter().filter(|v| **v > to).count();
    // The room the dots apart take at one end, and the distance between two of them.
    let apart = |count: usize| match count {
        0 => (0.0, 0.0),
        1 => (GAP, 0.0),
        _ => {
            let step = STEP.min(width / 4.0 / (count - 1) as f64);
            (GAP + (count - 1) as f64 * step, step)
        }
    };
    let ((zone_below, step_below), (zone_above, step_above)) = (apart(below), apart(above));
    let span = if to > from { to - from } else { 1.0 };
    let inner = width - 2.0 * pad - zone_below - zone_above;
    let rank = |value: f64| distinct.iter().position(|v| *v == value).unwrap_or(0);
    let dots = values
        .iter()
        .map(|&value| {
            if value < from {
                (pad + rank(value) as f64 * step_below, true)
            } else if value > to {
                let from_end = distinct.len() - 1 - rank(value);
                (width - pad - from_end as f64 * step_above, true)
            } else {
                (pad + zone_below + (value - from) / span * inner, false)
            }
        })
        .collect();
    DotRow {
        dots,
        axis: (pad + zone_below, width - pad - zone_above),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_business_far_from_the_others_does_not_squeeze_the_row_of_dots() {
        // Eight yearly costs from ₪40,000 to ₪110,000, and one of ₪9 million.
        let costs = [
            40_000.0,
            50_000.0,
            60_000.0,
            70_000.0,
            80_000.0,
            90_000.0,
            100_000.0,
            110_000.0,
            9_000_000.0,
        ];
        // Quartiles (type 7): 60,000 and 100,000; the fences 0 and 160,000, within which
        // the lowest is 40,000 and the highest 110,000.
        assert_eq!(dot_span(&costs), (40_000.0, 110_000.0));
        // No outlier: the lowest to the highest, in any order, negatives too.
        assert_eq!(dot_span(&[-2.0, 3.0, 1.0, 0.0, 2.0]), (-2.0, 3.0));
        assert_eq!(dot_span(&[-5.0, 3.0, 1.0, 0.0, 2.0]), (0.0, 3.0));
        // Most alike: the quartiles meet, and the whole span is drawn.
        assert_eq!(
            dot_span(&[10.0, 10.0, 10.0, 10.0, 1_000.0]),
            (10.0, 1_000.0)
        );
        assert_eq!(dot_span(&[f64::NAN, 7.0]), (7.0, 7.0));
        assert_eq!(dot_span(&[]), (0.0, 0.0));
    }

    #[test]
    fn businesses_far_out_on_one_side_keep_their_order_a_dot_apart() {
        // Sixteen yearly costs from 40,000 to 115,000 (the span: the fences are 7,500 and
        // 182,500), and four far above them, two alike.
        let within: Vec<f64> = (0..16).map(|i| 40_000.0 + f64::from(i) * 5_000.0).collect();
        let mut costs = within.clone();
        costs.extend([40_000_000.0, 9_000_000.0, 12_000_000.0, 9_000_000.0]);
        let row = dot_row(&costs, 600.0, 12.0);
        let x: Vec<f64> = row.dots.iter().map(|dot| dot.0).collect();
        // Three distinct values apart: 18 px of gap and two steps of 12 px.
        assert_eq!(row.axis, (12.0, 600.0 - 12.0 - 18.0 - 24.0));
        assert_eq!(x[0], 12.0, "the lowest within the span at the line's start");
        assert_eq!(
            x[15], row.axis.1,
            "the highest within the span at the line's end"
        );
        // 9 M nearest the span, then 12 M, then 40 M at the very end; alike on one spot.
        assert_eq!((x[17], x[18], x[16]), (564.0, 576.0, 588.0));
        assert_eq!(x[19], x[17]);
        assert!(row.dots[16..].iter().all(|dot| dot.1) && row.dots[..16].iter().all(|dot| !dot.1));
        // To scale within the span: 75,000 is 35/75 of the way along the line.
        assert!((x[7] - (12.0 + 35.0 / 75.0 * (row.axis.1 - 12.0))).abs() < 1e-9);
        // Below the span too, the farthest at the very start.
        let mut costs = vec![-5_000_000.0, -1_000_000.0];
        costs.extend(&within);
        let row = dot_row(&costs, 600.0, 12.0);
        assert_eq!((row.dots[0].0, row.dots[1].0), (12.0, 24.0));
        assert_eq!(row.axis.0, 12.0 + 18.0 + 12.0);
        assert_eq!(row.dots[2].0, row.axis.0);
        assert_eq!(row.dots[17].0, 588.0);
        // Many apart take at most a quarter of the row.
        let mut many: Vec<f64> = (0..200).map(f64::from).collect();
        many.extend((0..30).map(|i| 1e9 + f64::from(i)));
        let row = dot_row(&many, 600.0, 12.0);
        assert!(row.dots[200..].iter().all(|dot| dot.1));
        assert_eq!(row.axis.1, 600.0 - 12.0 - 18.0 - 150.0);
        // A value that is not a number moves no other dot (the room's figures never are).
        let mut far_above = within.clone();
        far_above.extend([40_000_000.0, 9_000_000.0, 12_000_000.0]);
        let mut odd = far_above.clone();
        odd.push(f64::NAN);
        let (plain, with_nan) = (dot_row(&far_above, 600.0, 12.0), dot_row(&odd, 600.0, 12.0));
        assert_eq!(with_nan.axis, plain.axis);
        assert_eq!(with_nan.dots[..far_above.len()], plain.dots[..]);
        // Nothing apart: the line from end to end.
        assert_eq!(dot_row(&[1.0, 2.0, 3.0], 600.0, 12.0).axis, (12.0, 588.0));
    }

    /// Each tick's position by `at`, and the width of the label `label` at 12 px.
    fn placed(ticks: &[f64], at: impl Fn(f64) -> f64, label: &str) -> Vec<(f64, f64)> {
        ticks
            .iter()
            .map(|&tick| (at(tick), label_width(label, 12.0)))
            .collect()
    }

    #[test]
    fn ticks_that_fit_keep_every_tick_when_there_is_room() {
        let ticks = [0.0, 500_000.0, 1_000_000.0, 1_500_000.0];
        let at = |tick: f64| tick / 5_000.0; // 100 px apart
        assert_eq!(
            ticks_that_fit(&ticks, &placed(&ticks, at, "₪1.5M"), 6.0),
            ticks
        );
    }

    #[test]
    fn ticks_that_fit_thin_long_labels_from_zero() {
        // Hebrew's compact labels are 12 characters: about 86 px at 12 px, so ticks 60 px
        // apart collide, and every second one (120 px apart) fits.
        let hebrew = "1.5 מיליון ₪";
        assert!((label_width(hebrew, 12.0) - 86.4).abs() < 1e-9);
        let ticks = [-500_000.0, 0.0, 500_000.0, 1_000_000.0, 1_500_000.0];
        let at = |tick: f64| 100.0 + tick / 500_000.0 * 60.0;
        let kept = ticks_that_fit(&ticks, &placed(&ticks, at, hebrew), 6.0);
        assert_eq!(kept, vec![0.0, 1_000_000.0]);
        // Without zero among them, counting starts from the first.
        let ticks = [1.0, 2.0, 3.0, 4.0, 5.0];
        let kept = ticks_that_fit(&ticks, &placed(&ticks, |t| t * 60.0, hebrew), 6.0);
        assert_eq!(kept, vec![1.0, 3.0, 5.0]);
    }

    #[test]
    fn ticks_that_fit_keep_one_when_none_fit_together() {
        let ticks = [0.0, 1.0, 2.0];
        let kept = ticks_that_fit(&ticks, &placed(&ticks, |t| t, "a long label"), 6.0);
        assert_eq!(kept, vec![0.0]);
        assert!(ticks_that_fit(&[], &[], 6.0).is_empty());
    }

    #[test]
    fn maps_ends_to_ends_and_mirrors() {
        let scale = LinearScale::new((0.0, 10.0), (40.0, 340.0));
        assert_eq!(scale.map(0.0), 40.0);
        assert_eq!(scale.map(10.0), 340.0);
        assert_eq!(scale.map(5.0), 190.0);
        let mirrored = scale.mirrored();
        assert_eq!(mirrored.map(0.0), 340.0);
        assert_eq!(mirrored.map(10.0), 40.0);
        assert_eq!(mirrored.map(2.5), 265.0);
    }

    #[test]
    fn a_point_domain_does_not_divide_by_zero() {
        let scale = LinearScale::new((3.0, 3.0), (0.0, 100.0));
        assert_eq!(scale.map(3.0), 50.0);
    }

    #[test]
    fn steps_are_round_multiples_of_a_power_of_ten() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(1_000_000.0, 4), 250_000.0);
        assert_eq!(nice_step(1_000_000.0, 3), 500_000.0);
        assert_eq!(nice_step(7.0, 10), 1.0);
        assert_eq!(nice_step(0.3, 3), 0.1);
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn nice_domains_cover_the_data_with_round_ticks() {
        let (low, high, ticks) = nice_domain(13.0, 987.0, 5, true);
        assert_eq!((low, high), (0.0, 1000.0));
        assert_eq!(ticks, vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
        let (low, high, ticks) = nice_domain(-248_224.5, 582_370.4, 4, true);
        assert_eq!((low, high), (-250_000.0, 750_000.0));
        assert_eq!(
            ticks,
            vec![-250_000.0, 0.0, 250_000.0, 500_000.0, 750_000.0]
        );
        let (low, high, _) = nice_domain(5.0, 5.0, 4, false);
        assert!(low <= 5.0 && high > 5.0);
    }

    #[test]
    fn flipping_mirrors_positions() {
        assert_eq!(flip_x(40.0, 360.0, false), 40.0);
        assert_eq!(flip_x(40.0, 360.0, true), 320.0);
    }

    #[test]
    fn cumulative_points_run_by_month_from_zero() {
        let monthly = [
            Figure::Value(-5_000.0),
            Figure::Value(-4_000.0),
            Figure::Missing(cvc_model::Why::BeyondModelRange),
            Figure::Value(1.0),
        ];
        assert_eq!(
            cumulative_points(&monthly),
            vec![(0.0, 0.0), (1.0 / 12.0, -5_000.0), (2.0 / 12.0, -4_000.0)]
        );
    }

    #[test]
    fn polylines_are_placed_and_mirrored() {
        let x = LinearScale::new((0.0, 1.0), (40.0, 340.0));
        let y = LinearScale::new((-10.0, 10.0), (200.0, 0.0));
        let points = [(0.0, 0.0), (0.5, 10.0), (1.0, -10.0)];
        assert_eq!(
            polyline(&points, &x, &y, 380.0, false),
            "40,100 190,0 340,200"
        );
        assert_eq!(
            polyline(&points, &x, &y, 380.0, true),
            "340,100 190,0 40,200"
        );
    }

    #[test]
    fn label_widths_grow_with_the_text_and_ignore_direction_marks() {
        assert!((label_width("₪1M", 12.0) - 21.6).abs() < 1e-9);
        assert_eq!(
            label_width("\u{200F}1.5 מיליון \u{200F}₪", 12.0),
            label_width("1.5 מיליון ₪", 12.0)
        );
        assert!(label_width("1.5 מיליון ₪", 12.0) > label_width("₪1.5M", 12.0));
    }
}
