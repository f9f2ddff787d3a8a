//! The customer-value model of `shared/model.md`, as plain functions over plain data.
//! No web dependencies: the app, the command-line tool and the tests all call this.
//!
//! Reading order: [`scenario`] (inputs and validation), [`customer_value`] (the closed form),
//! [`projection`] (month by month), [`results`] (every output together), [`uncertainty`]
//! (tornado and Monte Carlo), [`helpers`] (estimates for two inputs).

pub mod customer_value;
pub mod figure;
pub mod helpers;
pub mod projection;
pub mod results;
pub mod scenario;
pub mod uncertainty;

pub use figure::{Figure, Why};
pub use results::{evaluate, Results, Waterfall};
pub use scenario::{Field, FieldError, Scenario, ValidScenario};
