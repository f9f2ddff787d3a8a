//! The customer-value model of `shared/model.md`, as plain functions over plain data.
//! No web dependencies: the app, the command-line tool and the tests all call this.
//!
//! Reading order: [`fields`] (what each input is: name, unit, allowed range, source),
//! [`ranges`] (how sure the user is of each input), [`scenario`] (one scenario's inputs and
//! their validation), [`figure`] (a figure, or why there is none), [`customer_value`] (the
//! closed form), [`projection`] (month by month), [`uncertainty`] (tornado and Monte
//! Carlo), [`results`] (every output together), [`helpers`] (estimates for two inputs).
//!
//! Each module imports only modules before it in this list, so there is no cycle.

pub mod customer_value;
pub mod fields;
pub mod figure;
pub mod helpers;
pub mod projection;
pub mod ranges;
pub mod results;
pub mod scenario;
pub mod uncertainty;

pub use fields::{Field, FieldError};
pub use figure::{Figure, Why};
pub use results::{evaluate, Results, Waterfall};
pub use scenario::{Scenario, ValidScenario};
