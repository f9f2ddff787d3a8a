//! Small function components, each with a `Properties` struct and `on_*` callbacks, and
//! plain view functions. The panels, the presenter view and the charts are drawn by the
//! extras module (`files`, `link_panels`, `saved`, `compare`, `presenter`, `qr_code`).

pub mod amount;
pub mod compare;
pub mod files;
pub mod header;
pub mod headline;
pub mod helper_toggle;
pub mod helpers;
pub mod inputs;
pub mod link_panels;
pub mod notice;
pub mod number_field;
pub mod part_status;
pub mod presenter;
pub mod qr_code;
pub mod report;
pub mod saved;
pub mod table;
pub mod tools;
pub mod uncertainty;
