//! Cumulative discounted profit, today against with investment, year by year; the
//! after-horizon run-off as its own pair of bars; and the payback month marked.

use super::frame::{legend_item, money_grid, use_canvas, Canvas, ChartFrame};
use super::scale::{flip_anchor, flip_x, label_width, nice_domain, LinearScale};
use crate::app::components::table::ChartTable;
use crate::app::i18n::fill_plain;
use crate::model::projection::YearRow;
use crate::model::{Figure, Results};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CumulativeChartProps {
    pub results: Rc<Results>,
    pub horizon_years: u32,
    pub count_after_horizon: bool,
}

const HEIGHT: f64 = 260.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 30.0;
/// The run-off bars' share of the width: a pair of bars and a gap before them.
const RUN_OFF_BAR: f64 = 20.0;
const RUN_OFF_GAP: f64 = 24.0;

fn cumulative(rows: &[YearRow]) -> Vec<(f64, f64)> {
    std::iter::once((0.0, 0.0))
        .chain(rows.iter().filter_map(|row| {
            row.cumulative_discounted_profit
                .value()
                .map(|value| (f64::from(row.year), value))
        }))
        .collect()
}

#[component]
pub fn CumulativeChart(props: &CumulativeChartProps) -> Html {
    let Canvas {
        formats,
        rtl,
        node,
        width,
    } = use_canvas();
    let texts = formats.language.texts();
    let projection = &props.results.projection;
    let today = cumulative(&projection.yearly_now);
    let invest = cumulative(&projection.yearly_invest);
    let run_off = if props.count_after_horizon {
        Some((
            projection.after_horizon_now.value().unwrap_or(0.0),
            projection.after_horizon_invest.value().unwrap_or(0.0),
        ))
    } else {
        None
    };

    let values = today
        .iter()
        .chain(invest.iter())
        .map(|point| point.1)
        .chain(run_off.iter().flat_map(|(a, b)| [*a, *b]));
    let (low, high) = values.fold((0.0f64, 0.0f64), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    let (y_low, y_high, ticks) = nice_domain(low, high, 4, true);
    let y = LinearScale::new((y_low, y_high), (HEIGHT - BOTTOM, TOP));
    // Room for the longest money label on the start side.
    let axis = ticks
        .iter()
        .map(|tick| label_width(&formats.money_compact(*tick), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    let run_off_width = RUN_OFF_GAP + 2.0 * RUN_OFF_BAR + 12.0;
    let plot_end = width
        - 8.0
        - if run_off.is_some() {
            run_off_width
        } else {
            0.0
        };
    let years = f64::from(props.horizon_years.max(1));
    let x = LinearScale::new((0.0, years), (axis + 4.0, plot_end));
    let point = |(year, value): (f64, f64)| {
        format!("{:.1},{:.1}", flip_x(x.map(year), width, rtl), y.map(value))
    };
    let line = |points: &[(f64, f64)], class: &'static str, name: &'static str| {
        let path: Vec<String> = points.iter().copied().map(point).collect();
        html! { <polyline class={classes!("series", class)} data-series={name} points={path.join(" ")} /> }
    };
    let year_step = if years > 12.0 {
        5.0
    } else if years > 6.0 {
        2.0
    } else {
        1.0
    };
    let year_labels = (0..=props.horizon_years).filter(|year| f64::from(*year) % year_step == 0.0).map(|year| {
        html! {
            <text class="tick" x={flip_x(x.map(f64::from(year)), width, rtl).to_string()} y={(HEIGHT - 10.0).to_string()} text-anchor="middle">{ year }</text>
        }
    });
    let payback = match projection.payback_month {
        Figure::Value(month)
            if month <= years * 12.0
                && projection
                    .service_budget_present_value
                    .value()
                    .unwrap_or(0.0)
                    > 0.0 =>
        {
            let at = flip_x(x.map(month / 12.0), width, rtl);
            Some(html! {
                <g class="payback" data-month={month.to_string()}>
                    <line x1={at.to_string()} x2={at.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                    <text x={(at + if rtl { -4.0 } else { 4.0 }).to_string()} y={(TOP + 10.0).to_string()} text-anchor={flip_anchor("start", rtl)}>{ texts.payback_marker }</text>
                </g>
            })
        }
        _ => None,
    };
    let run_off_bars = run_off.map(|(now, with)| {
        let start = plot_end + RUN_OFF_GAP;
        let bar = |offset: f64, value: f64, class: &'static str, name: &'static str| {
            let (top, bottom) = (y.map(value.max(0.0)), y.map(value.min(0.0)));
            let left = flip_x(start + offset, width, rtl) - if rtl { RUN_OFF_BAR } else { 0.0 };
            html! { <rect class={classes!("bar", class)} data-series={name} data-value={value.to_string()} x={left.to_string()} y={top.to_string()} width={RUN_OFF_BAR.to_string()} height={(bottom - top).max(1.0).to_string()} /> }
        };
        // Two short lines fit under the narrow pair of bars: "After year" and "5".
        let label = fill_plain(texts.after_year, &[("years", &props.horizon_years.to_string())]);
        let label_lines: Vec<String> = match label.rsplit_once(' ') {
            Some((words, number)) => vec![words.to_string(), number.to_string()],
            None => vec![label],
        };
        html! {
            <g class="run-off">
                { bar(0.0, now, "today", "after_horizon_now") }
                { bar(RUN_OFF_BAR + 4.0, with, "invest", "after_horizon_invest") }
                <text class="tick" x={flip_x(start + RUN_OFF_BAR + 2.0, width, rtl).to_string()} y={(HEIGHT - 16.0).to_string()} text-anchor="middle">
                    { for label_lines.iter().enumerate().map(|(i, line)| html! {
                        <tspan x={flip_x(start + RUN_OFF_BAR + 2.0, width, rtl).to_string()} dy={if i == 0 { "0" } else { "13" }}>{ line.clone() }</tspan>
                    }) }
                </text>
            </g>
        }
    });
    let summary = format!(
        "{}: {} {}, {} {}",
        texts.chart_cumulative,
        texts.today,
        formats.money_figure(projection.npv_now),
        texts.invest,
        formats.money_figure(projection.npv_invest)
    );
    let legend = html! {
        <ul class="legend">
            { legend_item("today", texts.today) }
            { legend_item("invest", texts.invest) }
            if payback.is_none() {
                if let Figure::Value(month) = projection.payback_month {
                    if projection.service_budget_present_value.value().unwrap_or(0.0) > 0.0 {
                        <li class="note">{ fill_plain(texts.payback_after_horizon, &[("month", &month.to_string())]) }</li>
                    }
                }
            }
        </ul>
    };
    // The year-by-year table: every yearly figure of the model, one table per scenario.
    let year_table = |rows: &[YearRow], level: &'static str| {
        let count = |figure: Figure| formats.number_figure(figure.map(f64::round));
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
                    formats.money_figure(row.profit),
                    formats.money_figure(row.cumulative_discounted_profit),
                ]
            })
            .collect();
        html! {
            <ChartTable
                summary={format!("{} · {}", texts.show_table, level)}
                caption={format!("{} · {}", texts.chart_cumulative, level)}
                headers={[texts.year, texts.column_happy, texts.column_unhappy, texts.column_marketing, texts.column_referral,
                    texts.column_turned_away, texts.column_profit, texts.column_cumulative].map(AttrValue::from).to_vec()}
                {rows}
            />
        }
    };
    let table = html! {
        <>
            { year_table(&projection.yearly_now, texts.today) }
            { year_table(&projection.yearly_invest, texts.invest) }
        </>
    };
    html! {
        <ChartFrame class="cumulative" title={texts.chart_cumulative} note={Some(AttrValue::from(texts.chart_cumulative_note))} {node} {legend} {table}>
            <svg width={width.to_string()} height={HEIGHT.to_string()} viewBox={format!("0 0 {width} {HEIGHT}")} role="img" aria-label={summary}>
                { money_grid(&formats, &y, &ticks, axis, plot_end, width, rtl) }
                <g class="x-axis">{ for year_labels }</g>
                { line(&today, "today", "cumulative_now") }
                { line(&invest, "invest", "cumulative_invest") }
                { payback.unwrap_or_default() }
                { run_off_bars.unwrap_or_default() }
            </svg>
        </ChartFrame>
    }
}
