//! Customer Value Calculator: what poor customer service costs a small business, and what
//! investing in service returns.
//!
//! - [`model`]: the arithmetic of `shared/model.md`, pure Rust, tested natively.
//! - [`codec`]: a scenario written down (file, link, attributes), pure Rust.
//! - [`app`]: the Yew single-page app that shows it (built for wasm32).

pub mod app;
pub mod codec;
pub mod model;
