//! The tornado: the inputs that move the net gain most, each bar spanning the gain with
//! that input at the low and at the high end of its range (model.md "Sensitivity").

use crate::charts::chart_frame::{
    chart_frame, legend_item, svg_box, use_canvas, Canvas, Frame, MoneyAxis,
};
use crate::charts::table::{chart_table, use_table_toggle};
use cvc_browser::intl::FigureKind;
use cvc_core::chart_scale::{flip_x, label_width};
use cvc_core::codec::decimal::{self, svg as px};
use cvc_core::words::field_text;
use cvc_model::uncertainty::TornadoBar;
use std::rc::Rc;
use yew::prelude::*;

/// How many inputs the chart shows; the table lists them all.
const SHOWN: usize = 8;
const ROW: f64 = 44.0;
const BAR: f64 = 14.0;
const SIDE: f64 = 8.0;
/// The labels' size (`.chart svg .label`).
const LABEL_FONT: f64 = 13.0;
/// The row the money under the bars takes.
const AXIS: f64 = 22.0;

#[derive(Properties, PartialEq)]
pub struct TornadoChartProps {
    pub bars: Rc<Vec<TornadoBar>>,
    /// The net gain with every input at its value.
    pub base_gain: f64,
}

#[component]
pub fn TornadoChart(props: &TornadoChartProps) -> Html {
    let Canvas {
        formats,
        rtl,
        node,
        width,
    } = use_canvas();
    let toggle = use_table_toggle();
    let texts = formats.language.extra_texts();
    let language = formats.language;
    let shown: Vec<&TornadoBar> = props
        .bars
        .iter()
        .filter(|bar| bar.swing.value().is_some_and(|swing| swing > 0.0))
        .take(SHOWN)
        .collect();
    let base = props.base_gain;
    let ends = shown
        .iter()
        .flat_map(|bar| [bar.gain_at_low.value(), bar.gain_at_high.value()])
        .flatten()
        .chain([base]);
    let (low, high) = ends.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    // Money under the bars, so that a bar's length reads as an amount.
    let axis = MoneyAxis::new(&formats, low, high, 4, width, SIDE);
    let x = axis.x;
    let at = |value: f64| flip_x(x.map(value), width, rtl);
    let bars_end = ROW * shown.len().max(1) as f64 + 6.0;
    let height = bars_end + AXIS;
    // A label too long for a narrow chart is drawn a little narrower, to the chart's
    // width, rather than cut at its edge.
    let room = width - SIDE - 2.0;
    let rows = shown.iter().enumerate().map(|(i, bar)| {
        let top = ROW * i as f64;
        let label = field_text(language, bar.field).label;
        let squeeze = (label_width(label, LABEL_FONT * 0.9) > room).then(|| px(room));
        let segment = |gain: Option<f64>, class: &'static str| match gain {
            Some(gain) => {
                let (a, b) = (at(base), at(gain));
                html! { <rect class={classes!("bar", class)} x={px(a.min(b))} y={px(top + 22.0)} width={px((a - b).abs().max(1.0))} height={px(BAR)} /> }
            }
            None => Html::default(),
        };
        html! {
            <g class="input" data-field={bar.field.name()} data-swing={decimal::shortest(bar.swing.value().unwrap_or(0.0))}>
                <text class="label" x={px(flip_x(SIDE, width, rtl))} y={px(top + 14.0)} text-anchor="start" textLength={squeeze} lengthAdjust="spacingAndGlyphs">{ label }</text>
                { segment(bar.gain_at_low.value(), "low") }
                { segment(bar.gain_at_high.value(), "high") }
            </g>
        }
    });
    let summary = shown
        .iter()
        .map(|bar| {
            format!(
                "{}: {}",
                field_text(language, bar.field).label,
                texts.range(
                    &formats.figure(bar.gain_at_low, FigureKind::Money),
                    &formats.figure(bar.gain_at_high, FigureKind::Money)
                )
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let legend = html! {
        <ul class="legend">
            { legend_item("low", texts.tornado_low) }
            { legend_item("high", texts.tornado_high) }
        </ul>
    };
    let rows_table = || {
        props
            .bars
            .iter()
            .map(|bar| {
                vec![
                    field_text(language, bar.field).label.to_string(),
                    texts.range(
                        &formats.input_value(bar.field, bar.low_value),
                        &formats.input_value(bar.field, bar.high_value),
                    ),
                    formats.figure(bar.gain_at_low, FigureKind::Money),
                    formats.figure(bar.gain_at_high, FigureKind::Money),
                ]
            })
            .collect()
    };
    let table = chart_table(
        &toggle,
        texts.show_table,
        texts.chart_tornado,
        &[
            texts.column_input,
            texts.column_range,
            texts.column_gain_low,
            texts.column_gain_high,
        ],
        rows_table,
    );
    let base_x = at(base);
    html! {
        { chart_frame(
            Frame { class: "tornado", title: texts.chart_tornado, note: Some(texts.tornado_note), busy: false, node },
            legend,
            table,
            svg_box(width, height, &summary, html! { <>
                <line class="base" x1={px(base_x)} x2={px(base_x)} y1="18" y2={px(bars_end)} />
                { for rows }
                { axis.labels(&formats, height - 6.0, width, rtl) }
            </> }),
        ) }
    }
}
