//! The browser's edge: every call the calculator makes to `web-sys`, `js-sys` and
//! `gloo` lives in this crate, as small functions and custom hooks, each over a pure heart
//! in `cvc_core`. Views, the page and the parts call these; none of them depends
//! on a web crate itself (ARCHITECTURE.md).
//!
//! - [`address`]: the page's address: the link it was opened with, and the address bar
//!   kept in step with the scenario.
//! - [`language`]: the reader's language, remembered on this device.
//! - [`local_storage`]: saved scenarios in `localStorage` (or in memory for the visit).
//! - [`clipboard`]: copying, and the system share sheet.
//! - [`files`]: downloads and picked files.
//! - [`intl`]: numbers, money and dates through the browser's `Intl`.
//! - [`observers`]: sizes and positions of elements on screen.
//! - [`frame`]: an iframe's height, posted to the page that embeds it.
//! - [`timing`]: work spread over time (drawing in steps, work after a pause).
//! - [`keyboard`]: keys answered wherever focus is.
//! - [`dom`]: what views read from events and elements, and the widget's accent.
//! - [`embed_host`]: another site's page: containers, attributes, shadow roots.
//! - [`mount`]: every Yew app the program mounts.
//! - [`lazy_parts`]: the parts the first answer does not need, drawn once their chunk came.
//! - [`lead_capture`]: lead capture: the host page's address, the draft kept for the tab, the
//!   lead posted (or relayed through a framing page), the host's own form filled.
//! - [`rooms`]: the workshop room's server: requests, the presenter's stream, what a
//!   phone and a presenter keep of a room.

pub mod address;
pub mod clipboard;
pub mod dom;
pub mod embed_host;
pub mod files;
pub mod frame;
pub mod intl;
pub mod keyboard;
pub mod language;
pub mod lazy_parts;
pub mod lead_capture;
pub mod local_storage;
pub mod mount;
pub mod observers;
pub mod rooms;
pub mod timing;

/// Readies the pure crates for the browser. Every entry's exports call this first
/// (`customer_value_calculator::start`).
pub fn start() {
    intl::install_number_engine();
}
