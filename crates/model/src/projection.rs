//! The monthly projection of both service levels, the after-horizon run-off, and the
//! figures read from them (model.md "Over time: the monthly projection" and "Outputs").
//!
//! [`Projector`] steps one service level a month at a time without allocating, because the
//! tornado and the Monte Carlo run it many times per keystroke. Where unhappy customers
//! turn many away within a short stay, a month is stepped in [`steps_per_month`] pieces so
//! that the recursion does not overshoot (docs/model-notes.md); elsewhere a month is one
//! step, exactly as model.md writes it.

use crate::figure::{Figure, Why, MODEL_RANGE_LIMIT};
use crate::scenario::Scenario;
use serde::Serialize;

/// The payback month is read from a projection of this many years, whatever the horizon.
pub const PAYBACK_YEARS: u32 = 30;

/// Customer counts are held below this, so that a business that word of mouth grows without
/// limit stays finite in f64. Anything above [`MODEL_RANGE_LIMIT`] is reported as beyond the
/// model's range long before this cap is reached.
const CUSTOMER_CAP: f64 = 1e30;

/// The two service levels compared (model.md: "today" and "invest").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// p = p0, no service budget.
    Today,
    /// p = p1, with the service budget S.
    Invest,
}

/// Per-step constants of one service level, derived once per run. A month is one step,
/// except where unhappy customers turn away so many that one step a month would overshoot
/// (see [`steps_per_month`]); then every rate is per step of 1/m month.
#[derive(Clone, Copy, Debug)]
struct StepRates {
    steps_per_month: u32,
    unhappy_share: f64,
    happy_stay: f64,
    unhappy_stay: f64,
    happy_profit: f64,
    unhappy_profit: f64,
    referrals_per_happy: f64,
    turned_away_per_unhappy: f64,
    marketing_customers: f64,
    fixed_cost: f64,
    discount: f64,
}

impl StepRates {
    fn new(scenario: &Scenario, level: Level, steps_per_month: u32) -> Self {
        let (unhappy_share, service_budget) = match level {
            Level::Today => (scenario.unhappy_share_now, 0.0),
            Level::Invest => (
                scenario.unhappy_share_invest,
                scenario.service_budget_per_year,
            ),
        };
        let lifetime_profit = scenario.lifetime_profit;
        let unhappy_profit_share = scenario.unhappy_profit_share;
        let steps = f64::from(steps_per_month);
        // M_h and M_u: average months a happy and an unhappy customer stay, here counted in
        // steps (M·m), so that a customer still stays M months and brings the same totals.
        let happy_steps = months_happy(scenario) * steps;
        let unhappy_steps = months_unhappy(scenario) * steps;
        let marketing_per_month = scenario.new_customers_per_year / 12.0;
        StepRates {
            steps_per_month,
            unhappy_share,
            happy_stay: 1.0 - 1.0 / happy_steps,
            unhappy_stay: 1.0 - 1.0 / unhappy_steps,
            happy_profit: lifetime_profit / happy_steps,
            unhappy_profit: unhappy_profit_share * lifetime_profit / unhappy_steps,
            referrals_per_happy: scenario.referrals_per_happy / happy_steps,
            turned_away_per_unhappy: scenario.lost_per_unhappy / unhappy_steps,
            marketing_customers: marketing_per_month / steps,
            fixed_cost: (scenario.acquisition_cost * marketing_per_month + service_budget / 12.0)
                / steps,
            discount: monthly_discount(scenario.discount_rate),
        }
    }
}

/// M_h = max(1, 12·T): the average months a happy customer stays.
fn months_happy(scenario: &Scenario) -> f64 {
    (12.0 * scenario.customer_lifetime_years).max(1.0)
}

/// M_u = max(1, 12·λ·T): the average months an unhappy customer stays.
fn months_unhappy(scenario: &Scenario) -> f64 {
    (12.0 * scenario.unhappy_profit_share * scenario.customer_lifetime_years).max(1.0)
}

/// m, the steps a month is cut into (docs/model-notes.md, "Many turned away in a short
/// stay"). With one step a month, model.md's recursion gives the unhappy customers
/// U_t = (r_u − p·ν/M_u)·U_{t−1} + …, and when p·ν/M_u is large that slope is negative: a
/// month with many unhappy customers turns away everyone, the next lets a flood in, and
/// the figures swing with the last digits of the arithmetic, so much that better service
/// can show a loss. With m steps the slope is 1 − (1 + p·ν)/(M_u·m), which is never
/// negative, for any p, when m ≥ (1 + ν)/M_u. Where that already holds at m = 1 (the
/// defaults, every preset and most scenarios) this is model.md's recursion exactly.
///
/// m depends on neither share nor the budget, so both service levels step alike, "today"
/// does not move when p1 does, and neither does it for the shares the break-even search
/// tries. The price is work: up to 51 times as much (docs/benchmarks.md).
pub fn steps_per_month(scenario: &Scenario) -> u32 {
    let needed = ((1.0 + scenario.lost_per_unhappy) / months_unhappy(scenario)).ceil();
    if needed > 1.0 {
        needed.min(f64::from(MOST_STEPS_PER_MONTH)) as u32
    } else {
        1
    }
}

/// ν ≤ 50 and M_u ≥ 1 in a valid scenario, so m ≤ 51; the cap only bounds the work for a
/// scenario that was never validated.
const MOST_STEPS_PER_MONTH: u32 = 51;

/// δ = (1+d)^(−1/12): what a unit of money a month from now is worth today.
pub fn monthly_discount(discount_rate: f64) -> f64 {
    (1.0 + discount_rate).powf(-1.0 / 12.0)
}

/// The discounted steps of profit a customer there at the end of the horizon still brings.
/// With one step a month this is model.md's g(r) = r·δ/(1−r·δ). With m steps of survival
/// s, month j after the horizon holds s^((j−1)m)·(s + s² + … + s^m) of them and is
/// discounted by δ^j, which sums to (s + … + s^m)·δ/(1 − s^m·δ).
fn run_off_steps(stay: f64, steps_per_month: u32, discount: f64) -> f64 {
    let (mut within_month, mut survived) = (0.0, 1.0);
    for _ in 0..steps_per_month {
        survived *= stay;
        within_month += survived;
    }
    within_month * discount / (1.0 - survived * discount)
}

/// One month of one service level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Month {
    /// 1 for the first month.
    pub index: u32,
    pub happy: f64,
    pub unhappy: f64,
    pub won_marketing: f64,
    pub won_referral: f64,
    /// Potential customers who did not come because of unhappy customers. Where they
    /// outnumber the month's marketing and referral customers, n_t stops at 0, and only
    /// those who would otherwise have come are counted here.
    pub turned_away: f64,
    /// P_t, not discounted.
    pub profit: f64,
    /// (1+d)^(−t/12).
    pub discount_factor: f64,
}

/// Steps one service level month by month, from the scenario's starting customers.
#[derive(Clone, Debug)]
pub struct Projector {
    rates: StepRates,
    happy: f64,
    unhappy: f64,
    month: u32,
    discount_factor: f64,
}

impl Projector {
    /// Month 0: H_0 = (1−p0)·C0 and U_0 = p0·C0 in both levels.
    pub fn new(scenario: &Scenario, level: Level) -> Self {
        Projector::in_steps(scenario, level, steps_per_month(scenario))
    }

    /// As [`Projector::new`], with the month cut into a given number of steps rather than
    /// the scenario's own: the waterfall projects its parts on the full scenario's steps.
    pub fn in_steps(scenario: &Scenario, level: Level, steps_per_month: u32) -> Self {
        let customers = scenario.current_customers;
        Projector {
            rates: StepRates::new(scenario, level, steps_per_month.max(1)),
            happy: (1.0 - scenario.unhappy_share_now) * customers,
            unhappy: scenario.unhappy_share_now * customers,
            month: 0,
            discount_factor: 1.0,
        }
    }

    pub fn step(&mut self) -> Month {
        // One step a month is the common case and the tornado's and Monte Carlo's hot path,
        // so it runs without the loop, which stays out of line.
        let (won_referral, turned_away, profit) = if self.rates.steps_per_month == 1 {
            self.advance()
        } else {
            self.advance_in_steps()
        };
        self.month += 1;
        self.discount_factor *= self.rates.discount;
        Month {
            index: self.month,
            happy: self.happy,
            unhappy: self.unhappy,
            won_marketing: self.rates.marketing_customers * f64::from(self.rates.steps_per_month),
            won_referral,
            turned_away,
            profit,
            discount_factor: self.discount_factor,
        }
    }

    /// The m steps of a month cut into several, summed.
    #[inline(never)]
    fn advance_in_steps(&mut self) -> (f64, f64, f64) {
        let (mut won_referral, mut turned_away, mut profit) = (0.0, 0.0, 0.0);
        for _ in 0..self.rates.steps_per_month {
            let (referred, away, step_profit) = self.advance();
            won_referral += referred;
            turned_away += away;
            profit += step_profit;
        }
        (won_referral, turned_away, profit)
    }

    /// One step (a month, or 1/m of one): model.md's n_t, H_t, U_t and P_t. Returns the
    /// customers referred, those turned away, and the profit.
    #[inline(always)]
    fn advance(&mut self) -> (f64, f64, f64) {
        let rates = &self.rates;
        let won_referral = rates.referrals_per_happy * self.happy;
        let potential = rates.marketing_customers + won_referral;
        let new_customers = (potential - rates.turned_away_per_unhappy * self.unhappy).max(0.0);
        self.happy = (rates.happy_stay * self.happy + (1.0 - rates.unhappy_share) * new_customers)
            .min(CUSTOMER_CAP);
        self.unhappy = (rates.unhappy_stay * self.unhappy + rates.unhappy_share * new_customers)
            .min(CUSTOMER_CAP);
        let profit = rates.happy_profit * self.happy + rates.unhappy_profit * self.unhappy
            - rates.fixed_cost;
        (won_referral, potential - new_customers, profit)
    }

    /// TV: the discounted profit the customers there now will still bring, with no further
    /// marketing, referrals, turned-away customers or service budget.
    pub fn run_off(&self) -> f64 {
        let rates = &self.rates;
        let steps = rates.steps_per_month;
        self.discount_factor
            * (self.happy
                * rates.happy_profit
                * run_off_steps(rates.happy_stay, steps, rates.discount)
                + self.unhappy
                    * rates.unhappy_profit
                    * run_off_steps(rates.unhappy_stay, steps, rates.discount))
    }
}

fn horizon_months(scenario: &Scenario) -> u32 {
    // Validation keeps H a whole number from 1 to 30.
    12 * scenario.horizon_years as u32
}

/// S·Σ δ^t / 12: the present value of the service budget over the horizon.
pub fn service_budget_present_value(scenario: &Scenario) -> f64 {
    scenario.service_budget_per_year * budget_present_value_per_unit(scenario)
}

/// Σ δ^t / 12 for t = 1…12H: the present value of a yearly budget of 1 over the horizon.
fn budget_present_value_per_unit(scenario: &Scenario) -> f64 {
    let discount = monthly_discount(scenario.discount_rate);
    let months = horizon_months(scenario);
    if discount >= 1.0 {
        return f64::from(months) / 12.0;
    }
    // The geometric series δ·(1 − δ^N)/(1 − δ).
    discount * (1.0 - discount.powi(months as i32)) / (1.0 - discount) / 12.0
}

/// The two NPVs over the horizon, each with its run-off when it is counted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetPresentValues {
    pub now: f64,
    pub invest: f64,
    pub after_horizon_now: f64,
    pub after_horizon_invest: f64,
    /// Present value of the service budget over the horizon.
    pub service_budget: f64,
}

impl NetPresentValues {
    pub fn gain(&self) -> Figure {
        Figure::checked(self.now).zip(Figure::checked(self.invest), |now, invest| invest - now)
    }

    /// The gain before paying for service.
    pub fn lost_to_poor_service(&self) -> Figure {
        self.gain().map(|gain| gain + self.service_budget)
    }
}

/// NPVs only, with no yearly rows: the fast path for the tornado, the Monte Carlo and the
/// waterfall.
pub fn net_present_values(scenario: &Scenario) -> NetPresentValues {
    net_present_values_in_steps(scenario, steps_per_month(scenario))
}

/// As [`net_present_values`], with the month cut into a given number of steps.
pub fn net_present_values_in_steps(scenario: &Scenario, steps_per_month: u32) -> NetPresentValues {
    let mut runs = [
        LevelRun::in_steps(scenario, Level::Today, steps_per_month),
        LevelRun::in_steps(scenario, Level::Invest, steps_per_month),
    ];
    run_side_by_side(&mut runs);
    LevelRun::pair(service_budget_present_value(scenario), &runs[0], &runs[1])
}

/// How many projections [`run_side_by_side`] steps together.
pub(crate) const LANES: usize = 16;

/// One level's projection to its horizon, as a unit of work for [`run_side_by_side`].
#[derive(Clone, Debug)]
pub struct LevelRun {
    projector: Projector,
    months: u32,
    count_after_horizon: bool,
    /// Discounted profit over the horizon, plus the run-off when it is counted.
    npv: f64,
    run_off: f64,
}

impl LevelRun {
    pub fn new(scenario: &Scenario, level: Level) -> Self {
        LevelRun::in_steps(scenario, level, steps_per_month(scenario))
    }

    fn in_steps(scenario: &Scenario, level: Level, steps_per_month: u32) -> Self {
        LevelRun {
            projector: Projector::in_steps(scenario, level, steps_per_month),
            months: horizon_months(scenario),
            count_after_horizon: scenario.count_after_horizon,
            npv: 0.0,
            run_off: 0.0,
        }
    }

    /// The NPVs of a scenario from its "today" and "invest" runs and the present value of
    /// its service budget.
    pub fn pair(service_budget: f64, today: &LevelRun, invest: &LevelRun) -> NetPresentValues {
        NetPresentValues {
            now: today.npv,
            invest: invest.npv,
            after_horizon_now: today.run_off,
            after_horizon_invest: invest.run_off,
            service_budget,
        }
    }
}

/// Runs many projections, a few at a time in step. Each month of one projection depends on
/// the month before, so one alone leaves the processor waiting; stepping several
/// independent ones together lets it overlap them. This is what keeps the tornado and the
/// Monte Carlo within their time budgets. Nothing here allocates.
pub fn run_side_by_side(runs: &mut [LevelRun]) {
    for lanes in runs.chunks_mut(LANES) {
        let longest = lanes.iter().map(|run| run.months).max().unwrap_or(0);
        let shortest = lanes.iter().map(|run| run.months).min().unwrap_or(0);
        // Up to the shortest horizon every lane steps, with no test in the loop.
        for _ in 0..shortest {
            for run in lanes.iter_mut() {
                let step = run.projector.step();
                run.npv += step.profit * step.discount_factor;
            }
        }
        for month in shortest + 1..=longest {
            for run in lanes.iter_mut() {
                if month <= run.months {
                    let step = run.projector.step();
                    run.npv += step.profit * step.discount_factor;
                }
            }
        }
        for run in lanes.iter_mut() {
            if run.count_after_horizon {
                run.run_off = run.projector.run_off();
                run.npv += run.run_off;
            }
        }
    }
}

/// One year of one service level, for the table and the charts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct YearRow {
    pub year: u32,
    pub happy_customers: Figure,
    pub unhappy_customers: Figure,
    pub won_through_marketing: Figure,
    pub won_through_referral: Figure,
    pub turned_away: Figure,
    pub profit: Figure,
    pub cumulative_discounted_profit: Figure,
}

#[derive(Clone, Copy, Debug, Default)]
struct YearTotals {
    won_marketing: f64,
    won_referral: f64,
    turned_away: f64,
    profit: f64,
}

impl YearTotals {
    fn add(&mut self, month: &Month) {
        self.won_marketing += month.won_marketing;
        self.won_referral += month.won_referral;
        self.turned_away += month.turned_away;
        self.profit += month.profit;
    }

    fn row(&self, year: u32, month: &Month, cumulative_discounted_profit: f64) -> YearRow {
        YearRow {
            year,
            happy_customers: Figure::checked(month.happy),
            unhappy_customers: Figure::checked(month.unhappy),
            won_through_marketing: Figure::checked(self.won_marketing),
            won_through_referral: Figure::checked(self.won_referral),
            turned_away: Figure::checked(self.turned_away),
            profit: Figure::checked(self.profit),
            cumulative_discounted_profit: Figure::checked(cumulative_discounted_profit),
        }
    }
}

/// Everything read from the projection of both service levels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub npv_now: Figure,
    pub npv_invest: Figure,
    pub after_horizon_now: Figure,
    pub after_horizon_invest: Figure,
    pub npv_gain: Figure,
    /// The part of `npv_gain` earned within the horizon: the discounted monthly cash alone.
    pub npv_gain_within_horizon: Figure,
    /// The part that comes after it: what the customers there at the end of the horizon still
    /// bring (after_horizon_invest − after_horizon_now; 0 when it is not counted).
    pub npv_gain_after_horizon: Figure,
    pub lost_to_poor_service: Figure,
    /// Present value of the service budget over the horizon.
    pub service_budget_present_value: Figure,
    pub roi: Figure,
    /// The first month from which the running discounted gain stays ≥ 0, within 30 years.
    pub payback_month: Figure,
    pub break_even_budget_per_year: Figure,
    /// The unhappy share after investing at which this budget just breaks even; missing
    /// when even 0% is not enough (model-notes.md).
    pub break_even_unhappy_share_invest: Figure,
    pub yearly_now: Vec<YearRow>,
    pub yearly_invest: Vec<YearRow>,
    /// The running discounted gain of investing (invest − today), month by month over the
    /// horizon: what the "when does it pay?" chart draws.
    #[serde(skip)]
    pub cumulative_gain_by_month: Vec<Figure>,
}

pub fn project(scenario: &Scenario) -> Projection {
    let horizon = horizon_months(scenario);
    let months = horizon.max(12 * PAYBACK_YEARS);
    let mut today = Projector::new(scenario, Level::Today);
    let mut invest = Projector::new(scenario, Level::Invest);
    let mut yearly_now = Vec::with_capacity(scenario.horizon_years as usize);
    let mut yearly_invest = Vec::with_capacity(scenario.horizon_years as usize);
    let mut cumulative_gain_by_month = Vec::with_capacity(horizon as usize);
    let (mut year_now, mut year_invest) = (YearTotals::default(), YearTotals::default());
    let (mut cumulative_now, mut cumulative_invest) = (0.0, 0.0);
    let mut horizon_npvs = None;
    // The payback month follows the month after the last one whose running gain is below 0.
    let mut last_month_behind = 0;
    let mut running_gain_in_range = true;

    for _ in 0..months {
        let month_now = today.step();
        let month_invest = invest.step();
        cumulative_now += month_now.profit * month_now.discount_factor;
        cumulative_invest += month_invest.profit * month_invest.discount_factor;
        // Within rounding counts as even: the two levels sum the same money in different
        // orders, and a gain of −1e-12 is not a month behind.
        let rounding = 1e-12 * (cumulative_now.abs() + cumulative_invest.abs());
        if cumulative_invest - cumulative_now < -rounding {
            last_month_behind = month_now.index;
        }
        running_gain_in_range &= cumulative_now.abs() <= MODEL_RANGE_LIMIT
            && cumulative_invest.abs() <= MODEL_RANGE_LIMIT;

        if month_now.index <= horizon {
            cumulative_gain_by_month.push(
                Figure::checked(cumulative_invest)
                    .zip(Figure::checked(cumulative_now), |a, b| a - b),
            );
            year_now.add(&month_now);
            year_invest.add(&month_invest);
            if month_now.index.is_multiple_of(12) {
                let year = month_now.index / 12;
                yearly_now.push(year_now.row(year, &month_now, cumulative_now));
                yearly_invest.push(year_invest.row(year, &month_invest, cumulative_invest));
                year_now = YearTotals::default();
                year_invest = YearTotals::default();
            }
        }
        if month_now.index == horizon {
            let (run_off_now, run_off_invest) = if scenario.count_after_horizon {
                (today.run_off(), invest.run_off())
            } else {
                (0.0, 0.0)
            };
            horizon_npvs = Some(NetPresentValues {
                now: cumulative_now + run_off_now,
                invest: cumulative_invest + run_off_invest,
                after_horizon_now: run_off_now,
                after_horizon_invest: run_off_invest,
                service_budget: service_budget_present_value(scenario),
            });
        }
    }
    // The horizon is at least one year, so the loop always passes it.
    let npvs = horizon_npvs.unwrap_or_else(|| net_present_values(scenario));
    let payback_month = if !running_gain_in_range {
        Figure::Missing(Why::BeyondModelRange)
    } else if last_month_behind >= months {
        Figure::Missing(Why::NoPaybackWithin30Years)
    } else {
        Figure::Value(f64::from(last_month_behind + 1))
    };
    let figures = GainFigures::new(scenario, &npvs);
    let after_horizon_now = Figure::checked(npvs.after_horizon_now);
    let after_horizon_invest = Figure::checked(npvs.after_horizon_invest);
    let npv_gain_after_horizon = after_horizon_invest.zip(after_horizon_now, |a, b| a - b);
    Projection {
        npv_now: Figure::checked(npvs.now),
        npv_invest: Figure::checked(npvs.invest),
        after_horizon_now,
        after_horizon_invest,
        npv_gain: figures.npv_gain,
        npv_gain_within_horizon: figures
            .npv_gain
            .zip(npv_gain_after_horizon, |gain, after| gain - after),
        npv_gain_after_horizon,
        lost_to_poor_service: figures.lost_to_poor_service,
        service_budget_present_value: Figure::checked(npvs.service_budget),
        roi: figures.roi,
        payback_month,
        break_even_budget_per_year: figures.break_even_budget_per_year,
        break_even_unhappy_share_invest: break_even_unhappy_share(scenario, &npvs),
        yearly_now,
        yearly_invest,
        cumulative_gain_by_month,
    }
}

/// The unhappy share after investing, p1, at which `npv_gain` is 0 with the budget fixed
/// (issue: "the questions asked the other way round"). The gain falls as p1 rises, and at
/// p1 = p0 it is minus the budget's present value, so the answer lies in [0, p0]: p0 itself
/// when there is no budget, and missing when even p1 = 0 does not pay for the budget.
///
/// Solved by regula falsi with the Illinois modification: the gain is close to linear in
/// p1, so a handful of projections reach the root, where bisection would take fifty.
pub fn break_even_unhappy_share(scenario: &Scenario, npvs: &NetPresentValues) -> Figure {
    let Figure::Value(now) = Figure::checked(npvs.now) else {
        return Figure::Missing(Why::BeyondModelRange);
    };
    let mut probe = scenario.clone();
    let mut gain_at = |share: f64| {
        probe.unhappy_share_invest = share;
        let mut run = [LevelRun::new(&probe, Level::Invest)];
        run_side_by_side(&mut run);
        Figure::checked(run[0].npv).map(|invest| invest - now)
    };
    let highest = scenario.unhappy_share_now;
    let (Figure::Value(gain_at_zero), Figure::Value(gain_at_highest)) =
        (gain_at(0.0), gain_at(highest))
    else {
        return Figure::Missing(Why::BeyondModelRange);
    };
    if gain_at_zero < 0.0 {
        return Figure::Missing(Why::NoBreakEvenShare);
    }
    if gain_at_highest >= 0.0 {
        return Figure::Value(highest);
    }
    // Within rounding of the money involved counts as even.
    let tolerance = 1e-11 * (now.abs() + npvs.invest.abs() + npvs.service_budget.abs()).max(1.0);
    let (mut low, mut gain_low) = (0.0, gain_at_zero);
    let (mut high, mut gain_high) = (highest, gain_at_highest);
    let mut last_moved_low = None;
    for _ in 0..100 {
        let guess = high - gain_high * (high - low) / (gain_high - gain_low);
        // A guess on an end (or outside, from rounding) falls back to halving.
        let share = if guess > low && guess < high {
            guess
        } else {
            0.5 * (low + high)
        };
        let Figure::Value(gain) = gain_at(share) else {
            return Figure::Missing(Why::BeyondModelRange);
        };
        if gain.abs() <= tolerance || high - low <= 1e-15 {
            return Figure::Value(share);
        }
        if gain > 0.0 {
            (low, gain_low) = (share, gain);
            if last_moved_low == Some(true) {
                gain_high *= 0.5;
            }
            last_moved_low = Some(true);
        } else {
            (high, gain_high) = (share, gain);
            if last_moved_low == Some(false) {
                gain_low *= 0.5;
            }
            last_moved_low = Some(false);
        }
    }
    Figure::Value(low)
}

/// The figures derived from the two NPVs and the budget's present value.
struct GainFigures {
    npv_gain: Figure,
    lost_to_poor_service: Figure,
    roi: Figure,
    break_even_budget_per_year: Figure,
}

impl GainFigures {
    fn new(scenario: &Scenario, npvs: &NetPresentValues) -> Self {
        let npv_gain = npvs.gain();
        let lost_to_poor_service = npvs.lost_to_poor_service();
        let roi = if scenario.service_budget_per_year > 0.0 {
            npv_gain.map(|gain| gain / npvs.service_budget)
        } else {
            Figure::Missing(Why::NoServiceBudget)
        };
        // npv_gain falls one-for-one with the budget's present value, so the break-even
        // budget is the loss divided by the present value of a yearly budget of 1.
        let per_unit = budget_present_value_per_unit(scenario);
        let break_even_budget_per_year = match lost_to_poor_service {
            Figure::Value(lost) if lost < 0.0 => Figure::Missing(Why::NoBreakEvenBudget),
            lost => lost.map(|lost| lost / per_unit),
        };
        GainFigures {
            npv_gain,
            lost_to_poor_service,
            roi,
            break_even_budget_per_year,
        }
    }
}
