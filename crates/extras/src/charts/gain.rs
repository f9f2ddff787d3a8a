//! "When is the investment paid back?": the running discounted gain of investing (invest −
//! today), month by month over the horizon. It starts at zero (the budget is paid month by
//! month, model.md), sinks while a month's extra profit is less than that month's budget,
//! crosses zero at the payback month (marked), and ends with the after-horizon bar: what
//! the customers there at the end still bring, which takes the line's end to the net gain.
//!
//! One line of the difference, where two lines of the totals would lie on top of each
//! other on a phone: the difference is the point.

use crate::charts::chart_frame::{
    chart_frame, legend_item, money_grid, svg_box, use_canvas, Canvas, Frame,
};
use crate::charts::table::{chart_table, table, use_table_toggle, TableToggle};
use cvc_browser::intl::{FigureKind, Formats};
use cvc_core::chart_scale::{
    cumulative_points, flip_x, label_width, nice_domain, polyline, LinearScale,
};
use cvc_core::codec::decimal::{self, svg as px};
use cvc_core::words::{fill_plain, labelled};
use cvc_model::projection::YearRow;
use cvc_model::{Figure, Results};
use cvc_view::amount::payback_text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GainChartProps {
    pub results: Rc<Results>,
    pub horizon_years: u32,
    pub count_after_horizon: bool,
}

const HEIGHT: f64 = 240.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;
/// The after-horizon bar's share of the width: a gap, the bar, and room for its label (more
/// where the label is wider).
const BAR: f64 = 22.0;
const BAR_GAP: f64 = 26.0;

#[component]
pub fn GainChart(props: &GainChartProps) -> Html {
    let Canvas {
        formats,
        rtl,
        node,
        width,
    } = use_canvas();
    let gain_toggle = use_table_toggle();
    let years_toggle = use_table_toggle();
    let texts = formats.language.extra_texts();
    let p = &props.results.projection;
    let points = cumulative_points(&p.cumulative_gain_by_month);
    let end = points.last().map_or(0.0, |point| point.1);
    let after = p
        .npv_gain_after_horizon
        .value()
        .filter(|_| props.count_after_horizon);

    let values = points
        .iter()
        .map(|point| point.1)
        .chain(after.map(|after| end + after));
    let (low, high) = values.fold((0.0f64, 0.0f64), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    let (y_low, y_high, ticks) = nice_domain(low, high, 4, true);
    let y = LinearScale::new((y_low, y_high), (HEIGHT - BOTTOM, TOP));
    let axis = ticks
        .iter()
        .map(|tick| label_width(&formats.money_compact(*tick), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    // "After year 5" goes under the after-horizon bar in two lines ("After year", "5"): the
    // bar's column is as wide as the longer, so that the label is never cut at the edge.
    let after_label = fill_plain(
        texts.after_year,
        &[("years", &props.horizon_years.to_string())],
    );
    let after_lines: Vec<String> = match after_label.rsplit_once(' ') {
        Some((words, number)) => vec![words.to_string(), number.to_string()],
        None => vec![after_label],
    };
    let after_column = after_lines
        .iter()
        .map(|line| label_width(line, 12.0) + 4.0)
        .fold(BAR + 14.0, f64::max);
    // A wide label keeps the plot's last year label at a smaller distance itself.
    let after_gap = (BAR_GAP + BAR + 14.0 - after_column).max(12.0);
    let plot_end = width
        - 8.0
        - if after.is_some() {
            after_gap + after_column
        } else {
            0.0
        };
    let years = f64::from(props.horizon_years.max(1));
    let x = LinearScale::new((0.0, years), (axis + 4.0, plot_end));
    let at_x = |year: f64| flip_x(x.map(year), width, rtl);

    let year_step = if years > 12.0 {
        5.0
    } else if years > 6.0 {
        2.0
    } else {
        1.0
    };
    let year_labels = (0..=props.horizon_years)
        .filter(|year| f64::from(*year) % year_step == 0.0)
        .map(|year| {
            html! { <text class="tick" x={px(at_x(f64::from(year)))} y={px(HEIGHT - 10.0)} text-anchor="middle">{ year }</text> }
        });
    let budget = p.service_budget_present_value.value().unwrap_or(0.0) > 0.0;
    let payback = match p.payback_month {
        Figure::Value(month) if budget && month <= years * 12.0 => Some(month),
        _ => None,
    };
    let payback_mark = payback.map(|month| {
        let at = at_x(month / 12.0);
        let zero = y.map(0.0);
        html! {
            <g class="payback" data-month={(month as u32).to_string()}>
                <line x1={px(at)} x2={px(at)} y1={px(TOP)} y2={px(HEIGHT - BOTTOM)} />
                <circle cx={px(at)} cy={px(zero)} r="5" />
                <text x={px(at + if rtl { -6.0 } else { 6.0 })} y={px(TOP + 10.0)} text-anchor="start">{ texts.payback_marker }</text>
            </g>
        }
    });
    let bar = after.map(|after| {
        let start = plot_end + after_gap + (after_column - BAR) / 2.0;
        let (top, bottom) = (y.map(end.max(end + after)), y.map(end.min(end + after)));
        let left = flip_x(start, width, rtl) - if rtl { BAR } else { 0.0 };
        let lines = &after_lines;
        let centre = px(flip_x(start + BAR / 2.0, width, rtl));
        html! {
            <g class="after-horizon">
                <rect class={classes!("bar", if after >= 0.0 { "gain" } else { "cost" })} data-series="npv_gain_after_horizon"
                    data-value={decimal::shortest(after)} x={px(left)} y={px(top)} width={px(BAR)} height={px((bottom - top).max(1.0))} />
                <text class="tick" x={centre.clone()} y={px(HEIGHT - 16.0)} text-anchor="middle">
                    { for lines.iter().enumerate().map(|(i, line)| html! {
                        <tspan x={centre.clone()} dy={if i == 0 { "0" } else { "13" }}>{ line.clone() }</tspan>
                    }) }
                </text>
            </g>
        }
    });
    // The figure's caption names the chart; its summary says what it shows.
    let summary = labelled(
        texts.payback_cash_label,
        &if budget {
            payback_text(&formats, p.payback_month)
        } else {
            texts.no_budget.to_string()
        },
    );
    let legend = html! {
        <ul class="legend">
            { legend_item("gain-line", texts.running_gain) }
            if after.is_some() {
                { legend_item("gain", fill_plain(texts.after_horizon_gain, &[("years", &props.horizon_years.to_string())])) }
            }
            if let (None, Figure::Value(month), true) = (payback, p.payback_month, budget) {
                <li class="note">{ fill_plain(texts.payback_after_horizon, &[("month", &(month as u32).to_string())]) }</li>
            }
        </ul>
    };
    let table = html! {
        <>
            { gain_table(&gain_toggle, &formats, props, &p.cumulative_gain_by_month) }
            <details class="chart-table year-by-year" open={years_toggle.open} ontoggle={years_toggle.on_toggle.clone()}>
                <summary>{ texts.year_by_year }</summary>
                if years_toggle.open {
                    { year_table(&formats, &p.yearly_now, texts.today) }
                    { year_table(&formats, &p.yearly_invest, texts.invest) }
                }
            </details>
        </>
    };
    html! {
        { chart_frame(
            Frame { class: "gain", title: texts.chart_gain, note: Some(texts.chart_gain_note), busy: false, node },
            legend,
            table,
            svg_box(width, HEIGHT, &summary, html! { <>
                { money_grid(&formats, &y, &ticks, axis, plot_end, width, rtl) }
                <g class="x-axis">{ for year_labels }</g>
                <polyline class="series gain-line" data-series="cumulative_gain" points={polyline(&points, &x, &y, width, rtl)} />
                { payback_mark.unwrap_or_default() }
                { bar.unwrap_or_default() }
            </> }),
        ) }
    }
}

/// The chart as a table: the running gain at each year's end, then what comes after.
fn gain_table(
    toggle: &TableToggle,
    formats: &Formats,
    props: &GainChartProps,
    monthly: &[Figure],
) -> Html {
    let texts = formats.language.extra_texts();
    let rows = || gain_rows(formats, props, monthly);
    chart_table(
        toggle,
        texts.show_table,
        texts.chart_gain,
        &[texts.year, texts.running_gain],
        rows,
    )
}

fn gain_rows(formats: &Formats, props: &GainChartProps, monthly: &[Figure]) -> Vec<Vec<String>> {
    let texts = formats.language.extra_texts();
    let p = &props.results.projection;
    let mut rows: Vec<Vec<String>> = monthly
        .iter()
        .skip(11)
        .step_by(12)
        .enumerate()
        .map(|(i, figure)| {
            vec![
                (i + 1).to_string(),
                formats.figure(*figure, FigureKind::Money),
            ]
        })
        .collect();
    if props.count_after_horizon {
        rows.push(vec![
            fill_plain(
                texts.after_year,
                &[("years", &props.horizon_years.to_string())],
            ),
            formats.figure(p.npv_gain_after_horizon, FigureKind::Money),
        ]);
        rows.push(vec![
            texts.waterfall_net.to_string(),
            formats.figure(p.npv_gain, FigureKind::Money),
        ]);
    }
    rows
}

/// Every yearly figure of the model for one service level.
fn year_table(formats: &Formats, rows: &[YearRow], level: &'static str) -> Html {
    let texts = formats.language.extra_texts();
    let count = |figure: Figure| formats.figure(figure.map(f64::round), FigureKind::Number);
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.year.to_string(),
                count(row.happy_customers),
                count(row.unhappy_customers),
                count(row.won_through_marketing),
                count(row.won_through_referral),
                count(row.turned_away),
                formats.figure(row.profit, FigureKind::Money),
                formats.figure(row.cumulative_discounted_profit, FigureKind::Money),
            ]
        })
        .collect();
    table(
        &format!("{} · {}", texts.year_by_year, level),
        &texts.year_columns(),
        &rows,
    )
}
