//! The gain waterfall: what keeping customers longer, more referrals and fewer turned away
//! are each worth, less the service budget, giving the net gain (model.md "Decomposition").

use crate::charts::chart_frame::{chart_frame, svg_box, use_canvas, Canvas, Frame};
use crate::charts::table::{chart_table, use_table_toggle};
use cvc_core::chart_scale::{flip_x, nice_domain, LinearScale};
use cvc_core::codec::decimal::{self, svg as px};
use cvc_core::words::labelled;
use cvc_model::Waterfall;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WaterfallChartProps {
    pub waterfall: Waterfall,
}

const ROW: f64 = 46.0;
const BAR: f64 = 16.0;
const SIDE: f64 = 8.0;
/// Labels start a little inside the zero line, which runs down the chart at SIDE when
/// every step is a gain.
const LABEL_INSET: f64 = 6.0;

/// One row of the waterfall: where its bar starts and ends on the money axis.
struct Step {
    name: &'static str,
    label: &'static str,
    amount: f64,
    from: f64,
    to: f64,
    class: &'static str,
}

#[component]
pub fn WaterfallChart(props: &WaterfallChartProps) -> Html {
    let Canvas {
        formats,
        rtl,
        node,
        width,
    } = use_canvas();
    let toggle = use_table_toggle();
    let texts = formats.language.extra_texts();
    let w = props.waterfall;
    let parts = [
        ("retention", texts.waterfall_retention, w.retention),
        ("referrals", texts.waterfall_referrals, w.referrals),
        (
            "fewer_turned_away",
            texts.waterfall_turned_away,
            w.fewer_turned_away,
        ),
        ("service_budget", texts.waterfall_budget, w.service_budget),
    ];
    let mut running = 0.0;
    let mut steps: Vec<Step> = Vec::new();
    for (name, label, figure) in parts {
        let amount = figure.value().unwrap_or(0.0);
        steps.push(Step {
            name,
            label,
            amount,
            from: running,
            to: running + amount,
            class: if amount >= 0.0 { "gain" } else { "cost" },
        });
        running += amount;
    }
    let net = w.net_gain.value().unwrap_or(running);
    steps.push(Step {
        name: "net_gain",
        label: texts.waterfall_net,
        amount: net,
        from: 0.0,
        to: net,
        class: "net",
    });

    let ends = steps.iter().flat_map(|step| [step.from, step.to]);
    let (low, high) = ends.fold((0.0f64, 0.0f64), |(low, high), value| {
        (low.min(value), high.max(value))
    });
    let (x_low, x_high, _) = nice_domain(low, high, 4, true);
    let x = LinearScale::new((x_low, x_high), (SIDE, width - SIDE));
    let height = ROW * steps.len() as f64 + 8.0;
    let zero = flip_x(x.map(0.0), width, rtl);
    let rows = steps.iter().enumerate().map(|(i, step)| {
        let top = ROW * i as f64;
        let (a, b) = (flip_x(x.map(step.from), width, rtl), flip_x(x.map(step.to), width, rtl));
        let (left, right) = (a.min(b), a.max(b));
        html! {
            <g class={classes!("step", step.class)} data-part={step.name} data-value={decimal::shortest(step.amount)}>
                <text class="label" x={px(flip_x(SIDE + LABEL_INSET, width, rtl))} y={px(top + 14.0)} text-anchor="start">{ step.label }</text>
                <text class="value" x={px(flip_x(width - SIDE, width, rtl))} y={px(top + 14.0)} text-anchor="end">{ formats.money(step.amount) }</text>
                <rect class="bar" x={px(left)} y={px(top + 22.0)} width={px((right - left).max(1.0))} height={px(BAR)} />
            </g>
        }
    });
    let summary = steps
        .iter()
        .map(|step| labelled(step.label, &formats.money(step.amount)))
        .collect::<Vec<_>>()
        .join("; ");
    let rows_table = || {
        steps
            .iter()
            .map(|step| vec![step.label.to_string(), formats.money(step.amount)])
            .collect()
    };
    let missing = [w.retention, w.referrals, w.fewer_turned_away, w.net_gain]
        .iter()
        .find_map(|figure| figure.why());
    let table = chart_table(
        &toggle,
        texts.show_table,
        texts.chart_waterfall,
        &[texts.column_item, texts.column_amount],
        rows_table,
    );
    html! {
        { chart_frame(
            Frame { class: "waterfall", title: texts.chart_waterfall, note: None, busy: false, node },
            Html::default(),
            table,
            match missing {
                Some(why) => html! { <p class="missing">{ formats.why(why) }</p> },
                None => svg_box(width, height, &summary, html! { <>
                    <line class="zero" x1={px(zero)} x2={px(zero)} y1="18" y2={px(height)} />
                    { for rows }
                </> }),
            },
        ) }
    }
}
