//! The page's parts: small function components with `Properties` and `on_*` callbacks, and
//! plain view functions (each Yew component costs the phone about 2 KB of wasm).
//!
//! - [`header`]: title, language switch, example businesses.
//! - [`tools`]: the tools bar, and where the panels' chunk draws them.
//! - [`notice_banner`]: what a link or attributes had that was not taken.
//! - [`headline`]: the answers, the sentence, the questions the other way round.
//! - [`inputs`], [`number_field`], [`range_editor`]: the form.
//! - [`helper_toggle`]: a field's helper button, and where the helper is drawn.
//! - [`part_status`]: what stands in for a part loaded later on its way.
//! - [`report`]: the printed report's parts that the screen does not show.

pub mod header;
pub mod headline;
pub mod helper_toggle;
pub mod inputs;
pub mod notice_banner;
pub mod number_field;
pub mod part_status;
pub mod range_editor;
pub mod report;
pub mod tools;
