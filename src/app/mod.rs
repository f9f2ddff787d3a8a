//! The Yew single-page app. Pure parts (texts, number reading, presets, chart scales)
//! compile everywhere and are tested natively; the components compile for the browser.

pub mod charts;
pub mod i18n;
pub mod numbers;
pub mod presets;
