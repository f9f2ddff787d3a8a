//! Estimates for two inputs that owners rarely know directly (model.md "Helpers"):
//! lifetime profit from yearly figures, and the unhappy share from service metrics.

use serde::Serialize;
use std::fmt;

/// An input of a helper that is out of its range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HelperError {
    pub input: HelperInput,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HelperInput {
    YearlyProfit,
    Retention,
    DiscountRate,
    ShareWithProblem,
    ShareComplaining,
    ResolvedFast,
    ResolvedSlowly,
    /// Quick and slow resolutions together exceed all complaints.
    ResolvedTogether,
}

impl HelperInput {
    pub const ALL: [HelperInput; 8] = [
        HelperInput::YearlyProfit,
        HelperInput::Retention,
        HelperInput::DiscountRate,
        HelperInput::ShareWithProblem,
        HelperInput::ShareComplaining,
        HelperInput::ResolvedFast,
        HelperInput::ResolvedSlowly,
        HelperInput::ResolvedTogether,
    ];

    pub fn name(self) -> &'static str {
        match self {
            HelperInput::YearlyProfit => "yearly_profit",
            HelperInput::Retention => "retention",
            HelperInput::DiscountRate => "discount_rate",
            HelperInput::ShareWithProblem => "share_with_problem",
            HelperInput::ShareComplaining => "share_complaining",
            HelperInput::ResolvedFast => "resolved_fast",
            HelperInput::ResolvedSlowly => "resolved_slowly",
            HelperInput::ResolvedTogether => "resolved_fast + resolved_slowly",
        }
    }

    /// The allowed range in words, for messages in English.
    pub fn allowed(self) -> &'static str {
        match self {
            HelperInput::YearlyProfit => "0 to 10^10",
            HelperInput::Retention => "0 to 0.99 (a customer stays at most 100 years)",
            HelperInput::ResolvedTogether => "at most 1",
            _ => "0 to 1",
        }
    }
}

impl fmt::Display for HelperError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} is out of range; allowed: {}",
            self.input.name(),
            self.value,
            self.input.allowed()
        )
    }
}

fn within(input: HelperInput, value: f64, low: f64, high: f64) -> Result<f64, HelperError> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(value + 0.0)
    } else {
        Err(HelperError { input, value })
    }
}

/// The highest yearly retention the helper accepts: it keeps T within the scenario's
/// 100-year limit.
pub const MAX_RETENTION: f64 = 0.99;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LifetimeEstimate {
    /// 1/(1−r): sets `customer_lifetime_years`.
    pub customer_lifetime_years: f64,
    /// m/(1−r), not discounted: sets `lifetime_profit`.
    pub lifetime_profit: f64,
    /// m·(1+d)/(1+d−r): textbook discounted CLV with the first year's profit now.
    pub clv_profit_at_start: f64,
    /// m·r/(1+d−r): textbook discounted CLV with profit at the end of each year stayed.
    pub clv_profit_at_end: f64,
}

/// Lifetime profit and years from yearly profit per customer, yearly retention and the
/// discount rate.
pub fn lifetime_from_yearly(
    yearly_profit: f64,
    retention: f64,
    discount_rate: f64,
) -> Result<LifetimeEstimate, HelperError> {
    let m = within(HelperInput::YearlyProfit, yearly_profit, 0.0, 1e10)?;
    let r = within(HelperInput::Retention, retention, 0.0, MAX_RETENTION)?;
    let d = within(HelperInput::DiscountRate, discount_rate, 0.0, 1.0)?;
    Ok(LifetimeEstimate {
        customer_lifetime_years: 1.0 / (1.0 - r),
        lifetime_profit: m / (1.0 - r),
        clv_profit_at_start: m * (1.0 + d) / (1.0 + d - r),
        clv_profit_at_end: m * r / (1.0 + d - r),
    })
}

/// How much a problem cost the customer, which sets TARP's repurchase rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemSize {
    /// Problems costing the customer over $100.
    Large,
    /// Problems costing under $5.
    Small,
}

/// Share who will not buy again, by what happened to their problem: 1 minus TARP's
/// repurchase rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NotReturning {
    pub silent: f64,
    pub unresolved: f64,
    pub resolved_slowly: f64,
    pub resolved_fast: f64,
}

impl ProblemSize {
    pub fn not_returning(self) -> NotReturning {
        match self {
            ProblemSize::Large => NotReturning {
                silent: 0.91,
                unresolved: 0.81,
                resolved_slowly: 0.46,
                resolved_fast: 0.18,
            },
            ProblemSize::Small => NotReturning {
                silent: 0.63,
                unresolved: 0.54,
                resolved_slowly: 0.30,
                resolved_fast: 0.05,
            },
        }
    }
}

/// Service metrics a business can count. Abandoned calls count as complaints left
/// unresolved.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ServiceMetrics {
    /// q: share of customers who meet a problem.
    pub share_with_problem: f64,
    /// c: share of those who complain.
    pub share_complaining: f64,
    /// f: share of complaints resolved quickly.
    pub resolved_fast: f64,
    /// s: share of complaints resolved slowly.
    pub resolved_slowly: f64,
    pub problem_size: ProblemSize,
}

impl ServiceMetrics {
    /// Where the form starts: 40% meet a problem (surveys say 30–50%, model.md "p0"), half
    /// of them complain, and of those 40% are resolved quickly and 30% slowly. A starting
    /// point to edit, not a finding.
    pub const EXAMPLE: ServiceMetrics = ServiceMetrics {
        share_with_problem: 0.4,
        share_complaining: 0.5,
        resolved_fast: 0.4,
        resolved_slowly: 0.3,
        problem_size: ProblemSize::Large,
    };
}

/// The yearly figures that give back a scenario's own lifetime: m = L/T and r = 1 − 1/T,
/// so the lifetime-profit helper opens on the figures already in use.
pub fn yearly_from_lifetime(lifetime_profit: f64, customer_lifetime_years: f64) -> (f64, f64) {
    let years = customer_lifetime_years.max(1.0);
    (lifetime_profit / years, 1.0 - 1.0 / years)
}

/// p = q·[(1−c)·u_silent + c·(f·u_fast + s·u_slow + (1−f−s)·u_unres)].
pub fn unhappy_share_from_metrics(metrics: &ServiceMetrics) -> Result<f64, HelperError> {
    let q = within(
        HelperInput::ShareWithProblem,
        metrics.share_with_problem,
        0.0,
        1.0,
    )?;
    let c = within(
        HelperInput::ShareComplaining,
        metrics.share_complaining,
        0.0,
        1.0,
    )?;
    let f = within(HelperInput::ResolvedFast, metrics.resolved_fast, 0.0, 1.0)?;
    let s = within(
        HelperInput::ResolvedSlowly,
        metrics.resolved_slowly,
        0.0,
        1.0,
    )?;
    within(HelperInput::ResolvedTogether, f + s, 0.0, 1.0)?;
    let u = metrics.problem_size.not_returning();
    let share = q
        * ((1.0 - c) * u.silent
            + c * (f * u.resolved_fast + s * u.resolved_slowly + (1.0 - f - s) * u.unresolved));
    Ok(share.clamp(0.0, 1.0))
}
