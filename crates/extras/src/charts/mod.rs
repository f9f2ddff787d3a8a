//! SVG charts drawn by Yew components (`area` draws all four). Their scale and tick maths
//! is pure (`cvc_core::chart_scale`); each chart is laid out left to right and flipped for
//! right-to-left.
//!
//! - [`area`]: the four charts for the scenario on screen.
//! - [`chart_frame`]: what every chart shares: its figure, box, legend, money axis.
//! - [`table`]: the table alternative of every chart.
//! - [`gain`], [`waterfall`], [`tornado`], [`histogram`]: the charts.

pub mod area;
pub mod chart_frame;
pub mod gain;
pub mod histogram;
pub mod table;
pub mod tornado;
pub mod waterfall;
