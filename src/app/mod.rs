//! The Yew single-page app. Pure parts (texts, number reading, presets, state, chart
//! scales) compile everywhere and are tested natively; components compile for the browser.
//!
//! - [`state`]: the one state type and its actions.
//! - [`i18n`]: every user-visible string, Hebrew and English.
//! - [`numbers`]: reading numbers as people type them.
//! - [`presets`]: example businesses.
//! - [`charts`]: SVG charts and their scale maths.
//! - `components`, `hooks`, `format`, `root`: the browser side.

pub mod charts;
pub mod i18n;
pub mod numbers;
pub mod presets;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod root;
