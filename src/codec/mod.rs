//! A scenario written down as text: pure Rust, tested natively.
//!
//! - [`decimal`]: numbers to and from decimal text, correctly rounded.
//! - [`json`]: a small JSON reader and writer.
//! - [`fields`]: reading named values into a scenario field by field; every format below
//!   goes through it, so a file, a link and an embed attribute can never disagree.
//! - [`scenario_file`]: the JSON file the command-line tool reads and the app exports.

pub mod decimal;
pub mod fields;
pub mod json;
pub mod scenario_file;
