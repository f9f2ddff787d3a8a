//! What every chart shares: a titled figure, a box whose width the chart is drawn to, a
//! legend, and the table alternative; and the y axis of money.

use super::scale::{flip_anchor, flip_x, LinearScale};
use crate::app::format::Formats;
use crate::app::hooks::{use_formats, use_width};
use crate::codec::decimal::svg as px;
use std::rc::Rc;
use yew::prelude::*;

/// What a chart draws with: the reader's formats, its direction, and the box it is drawn
/// into with that box's width in pixels.
pub struct Canvas {
    pub formats: Rc<Formats>,
    pub rtl: bool,
    pub node: NodeRef,
    pub width: f64,
}

/// Charts are drawn to their box's real width, but never narrower than a small phone's.
const NARROWEST: f64 = 280.0;

#[hook]
pub fn use_canvas() -> Canvas {
    let formats = use_formats();
    let node = use_node_ref();
    let width = use_width(node.clone(), 360.0).max(NARROWEST);
    Canvas {
        rtl: formats.language.is_rtl(),
        formats,
        node,
        width,
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    pub title: AttrValue,
    #[prop_or_default]
    pub note: Option<AttrValue>,
    #[prop_or_default]
    pub legend: Html,
    #[prop_or_default]
    pub table: Html,
    #[prop_or_default]
    pub busy: bool,
    pub node: NodeRef,
    pub class: &'static str,
    pub children: Html,
}

#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    html! {
        <figure class={classes!("chart", props.class, props.busy.then_some("busy"))} aria-busy={props.busy.to_string()}>
            <figcaption>
                <h3>{ props.title.clone() }</h3>
                if let Some(note) = &props.note {
                    <p class="hint">{ note.clone() }</p>
                }
            </figcaption>
            <div class="chart-box" ref={props.node.clone()}>{ props.children.clone() }</div>
            { props.legend.clone() }
            { props.table.clone() }
        </figure>
    }
}

/// Horizontal grid lines with money labels on the start side of the plot.
pub fn money_grid(
    formats: &Formats,
    y: &LinearScale,
    ticks: &[f64],
    x_from: f64,
    x_to: f64,
    width: f64,
    rtl: bool,
) -> Html {
    let lines = ticks.iter().map(|&tick| {
        let at = y.map(tick);
        let (x1, x2) = (flip_x(x_from, width, rtl), flip_x(x_to, width, rtl));
        let label_x = flip_x(x_from - 6.0, width, rtl);
        html! {
            <g class={classes!("grid", (tick == 0.0).then_some("zero"))}>
                <line x1={px(x1)} x2={px(x2)} y1={px(at)} y2={px(at)} />
                <text x={px(label_x)} y={px(at + 4.0)} text-anchor={flip_anchor("end", rtl)}>{ formats.money_compact(tick) }</text>
            </g>
        }
    });
    html! { <g class="axis">{ for lines }</g> }
}

/// A legend swatch and its words.
pub fn legend_item(class: &'static str, label: impl Into<String>) -> Html {
    html! { <li><span class={classes!("swatch", class)} aria-hidden="true"></span>{ label.into() }</li> }
}
