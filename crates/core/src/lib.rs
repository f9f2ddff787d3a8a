//! Everything the calculator does that is neither arithmetic (`cvc_model`) nor the
//! browser (`cvc_browser`): pure Rust with no web crate, tested natively.
//!
//! - [`codec`]: a scenario written down: decimal numbers, JSON, the scenario file, the
//!   link and an embed's attributes, CSV, QR codes, escaped HTML.
//! - [`words`]: every word the user sees, one file per language.
//! - [`state`]: the form's one state and its reducer.
//! - [`numbers`]: reading numbers as people type them.
//! - [`notice`]: what a link, file or attributes had that was not taken.
//! - [`presets`]: the example businesses.
//! - [`storage`]: saved scenarios: the entry schema and its migration, over a `Store`.
//! - [`parts`]: the parts the first answer does not need, and the chunks that draw them.
//! - [`host_events`]: what an embedded calculator tells the page that embeds it.
//! - [`leads`]: a visitor asking to be contacted: the capture form's checks, what is
//!   sent and to whom, what the host page hears, the hidden fields of the host's own form.
//! - [`privacy`]: what the calculator says leaves the browser, where it runs.
//! - [`room`]: the workshop room's codes, entries, summary and standings.
//! - [`participation`]: a participant's part in a room (its bar), as state and a reducer.
//! - [`snippets`]: the embed code the Embed panel offers.
//! - [`first_paint`]: the answer written into the page before the wasm arrives.
//! - [`chart_scale`]: the charts' scales and ticks.

pub mod chart_scale;
pub mod codec;
pub mod first_paint;
pub mod host_events;
pub mod leads;
pub mod notice;
pub mod numbers;
pub mod participation;
pub mod parts;
pub mod presets;
pub mod privacy;
pub mod room;
pub mod snippets;
pub mod state;
pub mod storage;
pub mod words;
