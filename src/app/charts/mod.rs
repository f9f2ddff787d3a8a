//! SVG charts drawn by Yew components, in the extras module (`area` draws all four).
//! Their scale and tick maths is in [`scale`], pure and tested natively; each chart is
//! laid out left to right and flipped for right-to-left.

pub mod scale;

#[cfg(target_arch = "wasm32")]
pub mod area;
#[cfg(target_arch = "wasm32")]
mod frame;
#[cfg(target_arch = "wasm32")]
pub mod gain;
#[cfg(target_arch = "wasm32")]
pub mod histogram;
#[cfg(target_arch = "wasm32")]
pub mod tornado;
#[cfg(target_arch = "wasm32")]
pub mod waterfall;
