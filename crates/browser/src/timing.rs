//! Work spread over time, so that a phone's main thread is never blocked for long: the
//! page drawn in steps, and slow work (the Monte Carlo) run once typing pauses.

use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How much of the page has been drawn since it started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The title, the tools and the answers: what the visitor came for.
    Answers,
    /// And the form.
    Form,
    /// And the charts and the footer.
    Everything,
}

/// Draws the page in three steps, each in a task of its own, so that a phone's main
/// thread is never blocked for long while the page starts: the answers first, then the
/// form, then the charts (docs/benchmarks.md, total blocking time). Content only ever
/// arrives below or beside what is drawn, so nothing on screen moves.
#[hook]
pub fn use_drawing_stages() -> Stage {
    let stage = use_state(|| Stage::Answers);
    {
        let handle = stage.clone();
        use_effect_with(*stage, move |current| {
            let next = match current {
                Stage::Answers => Some(Stage::Form),
                Stage::Form => Some(Stage::Everything),
                Stage::Everything => None,
            };
            let timeout = next.map(|next| Timeout::new(0, move || handle.set(next)));
            move || drop(timeout)
        });
    }
    *stage
}

/// How long typing must pause before the Monte Carlo runs.
pub const MONTE_CARLO_PAUSE_MS: u32 = 300;

/// Runs `compute` on `input` once the input has stopped changing for `delay_ms`, so that
/// slow work (the Monte Carlo) never blocks typing. Returns the latest result, and whether
/// it is for an older input than the current one.
#[hook]
pub fn use_after_pause<I, O, F>(input: I, delay_ms: u32, compute: F) -> (Option<Rc<O>>, bool)
where
    I: PartialEq + Clone + 'static,
    O: 'static,
    F: Fn(&I) -> O + 'static,
{
    let result = use_state(|| None::<(I, Rc<O>)>);
    // The first closure is kept; later renders pass the same code.
    let compute = use_memo((), move |_| compute);
    {
        let result = result.clone();
        use_effect_with(input.clone(), move |input| {
            let input = input.clone();
            let timeout = Timeout::new(delay_ms, move || {
                let output = Rc::new(compute(&input));
                result.set(Some((input, output)));
            });
            move || drop(timeout)
        });
    }
    match &*result {
        Some((computed_for, output)) => (Some(output.clone()), *computed_for != input),
        None => (None, true),
    }
}

/// When a value is told to [`use_settled`]'s callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// The first value, at once.
    First,
    /// A new value, at once (it may change again before typing pauses).
    Now,
    /// A value that has stood for the pause.
    Settled,
}

/// Tells `on_settled` of `value`: the first at once, each new one at once and again once it
/// has stood for `delay_ms`. An embed keeps the one on screen for its host's properties,
/// and tells its host of the first and of each settled one.
#[hook]
pub fn use_settled<T>(value: T, delay_ms: u32, on_settled: Option<Callback<(T, Moment)>>)
where
    T: PartialEq + Clone + 'static,
{
    let first = use_mut_ref(|| true);
    use_effect_with(value, move |value| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        let timeout = on_settled.and_then(|on_settled| {
            let value = value.clone();
            if first {
                on_settled.emit((value, Moment::First));
                return None;
            }
            on_settled.emit((value.clone(), Moment::Now));
            Some(Timeout::new(delay_ms, move || {
                on_settled.emit((value, Moment::Settled))
            }))
        });
        move || drop(timeout)
    });
}

/// Calls `tick` every `ms` milliseconds until what this returns is dropped.
pub fn every(ms: u32, tick: impl FnMut() + 'static) -> gloo::timers::callback::Interval {
    gloo::timers::callback::Interval::new(ms, tick)
}

/// Milliseconds since 1970, as the browser's clock says.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
