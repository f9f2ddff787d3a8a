//! The Yew single-page app. Pure parts compile everywhere and are tested natively; the
//! browser side compiles for wasm32 only.
//!
//! Pure:
//! - [`state`]: the one state type and its actions.
//! - [`i18n`]: every user-visible string, Hebrew and English.
//! - [`numbers`]: reading numbers as people type them.
//! - [`presets`]: example businesses.
//! - [`link`]: a scenario in a link and in an embed's attributes (read and written).
//! - [`snippets`]: the embed code the Embed panel offers.
//! - [`html`]: escaping text written into HTML outside Yew.
//! - [`notice`]: the words for what a link or file had that was not taken.
//! - [`charts`]: SVG charts; their scale maths is pure.
//!
//! Browser side: `root` (the App and its mounting), `embed` (mounting into other sites'
//! pages), `components`, `hooks` (URL, height, language, width), `format` (Intl), `share`
//! (clipboard and share sheet).

pub mod charts;
pub mod export;
pub mod extras;
pub mod first_paint;
pub mod html;
pub mod i18n;
pub mod link;
pub mod notice;
pub mod numbers;
pub mod presets;
pub mod qr;
pub mod saved;
pub mod snippets;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod root;
#[cfg(target_arch = "wasm32")]
pub mod share;
