//! The customer-value model of `shared/model.md`, as plain functions over plain data.
//! No web dependencies: the app, the command-line tool and the tests all call this.
//!
//! Reading order: [`scenario`] (the inputs, their ranges and validation), [`ranges`] (how
//! sure the user is of each input), [`customer_value`] (the closed form), [`projection`]
//! (month by month), [`results`] (every output together), [`uncertainty`] (tornado and
//! Monte Carlo), [`helpers`] (estimates for two inputs). [`figure`] is a figure, or why
//! there is none.
//!
//! Modules import only those before them in this list (figure first), so there is no cycle.

pub mod customer_value;
pub mod figure;
pub mod helpers;
pub mod projection;
pub mod ranges;
pub mod results;
pub mod scenario;
pub mod uncertainty;

pub use figure::{Figure, Why};
pub use results::{evaluate, Results, Waterfall};
pub use scenario::{Field, FieldError, Scenario, ValidScenario};
