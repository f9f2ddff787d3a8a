//! The tool panels, the presenter view and the helpers, as their chunks draw them.
//!
//! - [`link_panels`]: Share (the link, the share sheet, its QR code), and the copy box.
//! - [`embed_builder`]: Embed: the way, the language, what shows, the accent, events; the
//!   code to copy and a live preview.
//! - [`qr_code`]: a QR code drawn as SVG.
//! - [`saved_panel`]: saved scenarios: save, open, rename, delete, and [`compare`] two.
//! - [`files_panel`]: Export and print: JSON, CSV, a file opened back in, printing.
//! - [`presenter`]: the presenter view, and [`presenter_room`], the workshop room in it.
//! - [`room_bar`]: the workshop room on a participant's phone.
//! - [`lead_form`]: the lead capture form after the answers, where the host asks for it.
//! - [`helper_forms`]: the lifetime-profit and service-metrics helpers.

pub mod compare;
pub mod embed_builder;
pub mod files_panel;
pub mod helper_forms;
pub mod lead_form;
pub mod link_panels;
pub mod presenter;
pub mod presenter_room;
pub mod qr_code;
pub mod room_bar;
pub mod saved_panel;
