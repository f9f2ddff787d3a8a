//! A scenario written down as text, and back.
//!
//! - [`decimal`]: numbers to and from decimal text, correctly rounded.
//! - [`json`]: a small JSON reader and writer.
//! - [`field_reader`]: reading named values into a scenario field by field; every format below
//!   goes through it, so a file, a link and an embed attribute can never disagree.
//! - [`scenario_file`]: the JSON file the command-line tool reads and the app exports.
//! - [`link`]: a scenario in a link: the one place a link is read.
//! - [`attributes`]: a scenario in an embed's attributes (a container's, the element's),
//!   read the way a link is.
//! - [`accent`]: the accent colour a host may set, checked.
//! - [`csv`]: the year-by-year table for a spreadsheet, and the names of exported files.
//! - [`qr`]: a link as a QR code.
//! - [`html`]: text escaped for HTML written outside Yew.

pub mod accent;
pub mod attributes;
pub mod csv;
pub mod decimal;
pub mod field_reader;
pub mod html;
pub mod json;
pub mod link;
pub mod qr;
pub mod scenario_file;
