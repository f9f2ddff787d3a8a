//! The page: the calculator a visitor sees first (the title, the tools bar, the answers
//! and the form), on its own page; the program's main module. The embed chunk
//! (crates/embed) draws the same App inside another site's iframe or as a widget in
//! another site's page. What the visitor asks for later (the panels, the helpers, the
//! presenter view, the charts) is drawn by the program's chunks (crates/extras) in places
//! this crate leaves for them (`cvc_browser::lazy_parts`); this crate cannot name that
//! code (it is no dependency).
//!
//! - [`app`]: the App: one state and reducer, results derived with `use_memo`, and its
//!   mounting on the calculator's own page.
//! - [`chrome`]: what only the calculator's own page draws around the answers (the header,
//!   the tools bar, the printed report); the App is generic over it, so that an embed's or
//!   a frame's program does not carry it.
//! - [`components`]: the page's small function components and view functions.

pub mod app;
pub mod chrome;
pub mod components;
