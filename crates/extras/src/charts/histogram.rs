//! The Monte Carlo result: how the net gain spreads when the uncertain inputs are drawn at
//! random, with the 10th, 50th and 90th percentiles and the chance that investing pays.

use crate::charts::chart_frame::{chart_frame, svg_box, use_canvas, Canvas, Frame, MoneyAxis};
use crate::charts::table::{chart_table, use_table_toggle};
use cvc_browser::intl::FigureKind;
use cvc_core::chart_scale::{flip_x, LinearScale};
use cvc_core::codec::decimal::{self, svg as px};
use cvc_core::words::{fill_plain, labelled};
use cvc_model::uncertainty::MonteCarlo;
use cvc_model::Figure;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistogramChartProps {
    /// None until the first run has finished.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    /// The shown result is for an older scenario; a new one is on its way.
    pub updating: bool,
}

const HEIGHT: f64 = 200.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 26.0;
/// The percentiles' labels over the chart ("10%", "50%", "90%"): the middle one a row
/// higher than the others, so that none touches another when the spread is narrow.
const MARKER_ROW: f64 = 13.0;

#[component]
pub fn HistogramChart(props: &HistogramChartProps) -> Html {
    let Canvas {
        formats,
        rtl,
        node,
        width,
    } = use_canvas();
    let toggle = use_table_toggle();
    let texts = formats.language.extra_texts();
    let Some(result) = props.monte_carlo.clone() else {
        return html! {
            { chart_frame(
                Frame { class: "monte-carlo", title: texts.chart_monte_carlo, note: None, busy: true, node },
                Html::default(),
                Html::default(),
                html! { <p class="hint" role="status">{ texts.updating }</p> },
            ) }
        };
    };
    let bins = &result.histogram;
    let low = bins.first().map_or(0.0, |bin| bin.from);
    let high = bins.last().map_or(1.0, |bin| bin.to);
    let axis = MoneyAxis::new(&formats, low, high, 3, width, 10.0);
    let x = axis.x;
    let at = |value: f64| flip_x(x.map(value), width, rtl);
    let top = TOP + MARKER_ROW;
    let tallest = bins.iter().map(|bin| bin.count).max().unwrap_or(1).max(1);
    let y = LinearScale::new((0.0, f64::from(tallest)), (HEIGHT - BOTTOM, top));
    let bars = bins.iter().map(|bin| {
        let (a, b) = (at(bin.from), at(bin.to));
        let top = y.map(f64::from(bin.count));
        let class = if bin.to <= 0.0 { "loss" } else { "gain" };
        html! { <rect class={classes!("bar", class)} x={px(a.min(b) + 0.5)} y={px(top)} width={px(((a - b).abs() - 1.0).max(1.0))} height={px(HEIGHT - BOTTOM - top)} /> }
    });
    let marker = |figure: Figure, name: &'static str, row: f64| match figure {
        Figure::Value(value) => {
            let at_x = at(value);
            html! {
                <g class={classes!("percentile", name)} data-name={name} data-value={decimal::shortest(value)}>
                    <line x1={px(at_x)} x2={px(at_x)} y1={px(top - 4.0 - row)} y2={px(HEIGHT - BOTTOM)} />
                    <text x={px(at_x)} y={px(top - 8.0 - row)} text-anchor="middle">{ marker_label(name) }</text>
                </g>
            }
        }
        Figure::Missing(_) => Html::default(),
    };
    // As many money labels under the bars as fit side by side.
    let tick_labels = axis.labels(&formats, HEIGHT - 8.0, width, rtl);
    let chance = formats.chance(result.probability_of_gain);
    let figures = [
        ("p10", texts.p10, result.p10),
        ("p50", texts.p50, result.p50),
        ("p90", texts.p90, result.p90),
    ];
    let summary = format!(
        "{}. {}",
        fill_plain(texts.chance_of_gain, &[("chance", &chance)]),
        figures
            .iter()
            .map(|(_, label, figure)| labelled(label, &formats.figure(*figure, FigureKind::Money)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let table_rows = || {
        bins.iter()
            .map(|bin| {
                vec![
                    texts.range(&formats.money(bin.from), &formats.money(bin.to)),
                    bin.count.to_string(),
                ]
            })
            .collect()
    };
    let table = chart_table(
        &toggle,
        texts.show_table,
        texts.chart_monte_carlo,
        &[texts.column_gain_between, texts.column_draws],
        table_rows,
    );
    let legend = html! {
        <dl class="percentiles">
            { for figures.iter().map(|(name, label, figure)| html! {
                <div data-name={*name}><dt>{ *label }</dt><dd><bdi>{ formats.figure(*figure, FigureKind::Money) }</bdi></dd></div>
            }) }
        </dl>
    };
    let (x_low, x_high) = x.domain;
    let zero = (x_low < 0.0 && x_high > 0.0).then(|| at(0.0));
    let note = fill_plain(
        texts.monte_carlo_note,
        &[(
            "draws",
            &texts.draws.count(
                f64::from(result.draws),
                &formats.number(f64::from(result.draws)),
            ),
        )],
    );
    html! {
        { chart_frame(
            Frame { class: "monte-carlo", title: texts.chart_monte_carlo, note: Some(&note), busy: props.updating, node },
            legend,
            table,
            html! { <>
            <p class="chance" data-value={decimal::shortest(result.probability_of_gain)}>{ fill_plain(texts.chance_of_gain, &[("chance", &chance)]) }</p>
            { svg_box(width, HEIGHT, &summary, html! { <>
                { for bars }
                if let Some(zero) = zero {
                    <line class="zero" x1={px(zero)} x2={px(zero)} y1={px(top)} y2={px(HEIGHT - BOTTOM)} />
                }
                { marker(result.p10, "p10", 0.0) }
                { marker(result.p50, "p50", MARKER_ROW) }
                { marker(result.p90, "p90", 0.0) }
                <g class="x-axis">{ tick_labels }</g>
            </> }) }
            </> },
        ) }
    }
}

/// Short marker labels over the chart: which percentile the line marks.
fn marker_label(name: &str) -> &'static str {
    match name {
        "p10" => "10%",
        "p50" => "50%",
        _ => "90%",
    }
}
