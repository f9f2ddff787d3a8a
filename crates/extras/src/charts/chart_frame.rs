//! What every chart shares: a titled figure, a box whose width the chart is drawn to, a
//! legend, and the table alternative; and the axes of money.

use cvc_browser::intl::Formats;
use cvc_browser::observers::use_width;
use cvc_core::chart_scale::{flip_x, label_width, nice_domain, ticks_that_fit, LinearScale};
use cvc_core::codec::decimal::svg as px;
use cvc_view::use_formats;
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

/// The parts of a chart around its drawing.
pub struct Frame<'a> {
    pub class: &'static str,
    pub title: &'a str,
    pub note: Option<&'a str>,
    /// Drawn for an older input than the one on screen (the Monte Carlo, while it waits).
    pub busy: bool,
    pub node: NodeRef,
}

/// A titled figure with the chart's box (whose width it is drawn to), its legend and its
/// table alternative.
pub fn chart_frame(frame: Frame, legend: Html, table: Html, drawing: Html) -> Html {
    let class = if frame.busy {
        format!("chart {} busy", frame.class)
    } else {
        format!("chart {}", frame.class)
    };
    html! {
        <figure {class} aria-busy={frame.busy.to_string()}>
            <figcaption>
                <h3>{ frame.title }</h3>
                if let Some(note) = frame.note {
                    <p class="hint">{ note }</p>
                }
            </figcaption>
            <div class="chart-box" ref={frame.node}>{ drawing }</div>
            { legend }
            { table }
        </figure>
    }
}

/// The SVG every chart draws into: `width` × `height` pixels, one image with a summary
/// for screen readers.
pub fn svg_box(width: f64, height: f64, summary: &str, content: Html) -> Html {
    let (width, height) = (px(width), px(height));
    html! {
        <svg viewBox={format!("0 0 {width} {height}")} width={width} height={height} role="img" aria-label={summary.to_string()}>
            { content }
        </svg>
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
            <g class={if tick == 0.0 { "grid zero" } else { "grid" }}>
                <line x1={px(x1)} x2={px(x2)} y1={px(at)} y2={px(at)} />
                <text x={px(label_x)} y={px(at + 4.0)} text-anchor="end">{ formats.money_compact(tick) }</text>
            </g>
        }
    });
    html! { <g class="axis">{ for lines }</g> }
}

/// A horizontal axis of money from `low` to `high` across `width`: its scale, with room
/// at each end for the outermost label (centred on its tick), and as many labels as fit
/// side by side, drawn at `y` (the histogram's and the tornado's).
pub struct MoneyAxis {
    pub x: LinearScale,
    ticks: Vec<f64>,
}

/// The money labels' size (`.chart svg .tick`).
const TICK_FONT: f64 = 12.0;

impl MoneyAxis {
    pub fn new(
        formats: &Formats,
        low: f64,
        high: f64,
        count: usize,
        width: f64,
        least_side: f64,
    ) -> MoneyAxis {
        let (x_low, x_high, ticks) = nice_domain(low, high, count, false);
        let side = ticks
            .iter()
            .map(|tick| label_width(&formats.money_compact(*tick), TICK_FONT) / 2.0 + 2.0)
            .fold(least_side, f64::max);
        MoneyAxis {
            x: LinearScale::new((x_low, x_high), (side, width - side)),
            ticks,
        }
    }

    pub fn labels(&self, formats: &Formats, y: f64, width: f64, rtl: bool) -> Html {
        let placed: Vec<(f64, f64)> = self
            .ticks
            .iter()
            .map(|&tick| {
                (
                    self.x.map(tick),
                    label_width(&formats.money_compact(tick), TICK_FONT),
                )
            })
            .collect();
        let labels = ticks_that_fit(&self.ticks, &placed, 8.0).into_iter().map(|tick| {
            html! { <text class="tick" x={px(flip_x(self.x.map(tick), width, rtl))} y={px(y)} text-anchor="middle">{ formats.money_compact(tick) }</text> }
        });
        html! { <>{ for labels }</> }
    }
}

/// A legend swatch and its words.
pub fn legend_item(class: &'static str, label: impl Into<String>) -> Html {
    html! { <li><span class={format!("swatch {class}")} aria-hidden="true"></span>{ label.into() }</li> }
}
