//! Work spread over time, so that a phone's main thread is never blocked for long: the
//! page drawn in steps, and slow work (the Monte Carlo) run once typing pauses, in slices.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageChannel, MessagePort};
use yew::prelude::*;

/// How much of the page has been drawn since it started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Nothing yet: the App has read its state and worked out its answers, while the
    /// page still shows the answer written into it for its first paint.
    Start,
    /// The title, the tools and the answers: what the visitor came for, in place of the
    /// same answer written into the page for its first paint.
    Answers,
    /// And the questions under the answers.
    Questions,
    /// And the form's first fields.
    Form,
    /// And the rest of the form, in its closed Advanced section.
    Advanced,
    /// And the charts and the footer.
    Everything,
}

impl Stage {
    /// Every stage, in the order they are drawn.
    const ALL: [Stage; 6] = [
        Stage::Start,
        Stage::Answers,
        Stage::Questions,
        Stage::Form,
        Stage::Advanced,
        Stage::Everything,
    ];
}

/// Draws the page in steps, each in a task of its own, so that a phone's main thread is
/// never blocked for long while the page starts (docs/benchmarks.md, total blocking
/// time): each draws a few milliseconds' worth (the wasm's functions are compiled as they
/// are first called, so a step's cost is its drawing and its compiling); the browser lays
/// out and paints, and answers a tap, between them. Content only ever arrives below or
/// beside what is drawn, or inside a closed section, so nothing on screen moves. Where an
/// answer written into the page holds its place (`held`: the page and the iframe), the
/// first step draws nothing and only reads the state and works out the answers; a
/// calculator on another site's page has nothing in its place, and starts with the answers.
#[hook]
pub fn use_drawing_stages(held: bool) -> Stage {
    let drawn = use_one_more_each_task(if held { 1 } else { 2 }, Stage::ALL.len());
    let last = Stage::ALL.len() - 1;
    Stage::ALL[drawn.saturating_sub(1).min(last)]
}

/// How many of `count` parts to draw: `first` at once, then one more in each task after,
/// so that parts that arrive together with much to draw (the page's stages as it starts;
/// the four charts, when a phone scrolls to them) never hold the main thread for long; the
/// browser lays out, paints and answers a tap between them. Each part arrives below or
/// beside the ones before it, so nothing on screen moves.
#[hook]
pub fn use_one_more_each_task(first: usize, count: usize) -> usize {
    let drawn = use_state(|| first.min(count));
    {
        let handle = drawn.clone();
        use_effect_with(*drawn, move |current| {
            let next = current + 1;
            let timeout = (next <= count).then(|| Timeout::new(0, move || handle.set(next)));
            move || drop(timeout)
        });
    }
    *drawn
}

/// How long typing must pause before the Monte Carlo runs.
pub const MONTE_CARLO_PAUSE_MS: u32 = 300;

/// How long one slice of slow work may hold the main thread before it gives the browser
/// its turn (to draw, and to answer a key or a tap): well under a frame on a desktop, and
/// under the 50 ms that counts as a long task on a phone.
pub const SLICE_MS: f64 = 8.0;

/// Runs slow work (the Monte Carlo) on `input` once the input has stopped changing for
/// `delay_ms`, so that it never blocks typing, and in slices of about [`SLICE_MS`], each
/// in a task of its own, so that the page still answers while it runs: `start` sets the
/// work up, and each call of `advance` does a small piece of it, until one gives the
/// output. A new input stops the run under way and starts again after its own pause.
/// Returns the latest output, and whether it is for an older input than the current one.
#[hook]
pub fn use_after_pause<I, W, O, F, G>(
    input: I,
    delay_ms: u32,
    start: F,
    advance: G,
) -> (Option<Rc<O>>, bool)
where
    I: PartialEq + Clone + 'static,
    W: 'static,
    O: 'static,
    F: Fn(&I) -> W + 'static,
    G: Fn(&mut W) -> Option<O> + 'static,
{
    let result = use_state(|| None::<(I, Rc<O>)>);
    // The first closures are kept; later renders pass the same code.
    let work = use_memo((), move |_| (start, advance));
    {
        let result = result.clone();
        use_effect_with(input.clone(), move |input| {
            let run = Rc::new(RefCell::new(SlicedRun {
                input: input.clone(),
                run: None,
                work,
                result,
            }));
            // Each slice after the first is a message the run sends itself: it comes at
            // once, where a timer set from a timer is held back 4 ms from the fifth on.
            let channel = MessageChannel::new().ok();
            let next = channel.as_ref().map(MessageChannel::port2);
            let on_message = {
                let (run, next) = (Rc::clone(&run), next.clone());
                Closure::<dyn FnMut()>::new(move || run.borrow_mut().slice(next.as_ref()))
            };
            if let Some(channel) = &channel {
                channel
                    .port1()
                    .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            }
            let pause = Timeout::new(delay_ms, move || run.borrow_mut().slice(next.as_ref()));
            // A new input, or the App gone: the run stops where it is.
            move || {
                drop(pause);
                if let Some(channel) = channel {
                    channel.port1().set_onmessage(None);
                    channel.port1().close();
                }
                drop(on_message);
            }
        });
    }
    match &*result {
        Some((computed_for, output)) => (Some(output.clone()), *computed_for != input),
        None => (None, true),
    }
}

/// One run of [`use_after_pause`]'s work: set up in its first slice.
struct SlicedRun<I, W, O, F, G> {
    input: I,
    run: Option<W>,
    work: Rc<(F, G)>,
    result: UseStateHandle<Option<(I, Rc<O>)>>,
}

impl<I, W, O, F, G> SlicedRun<I, W, O, F, G>
where
    I: Clone,
    F: Fn(&I) -> W,
    G: Fn(&mut W) -> Option<O>,
{
    /// Works for about [`SLICE_MS`], then asks for the next slice through `next`; with no
    /// channel to ask through, works to the end.
    fn slice(&mut self, next: Option<&MessagePort>) {
        let began = now_ms();
        let (start, advance) = &*self.work;
        let run = self.run.get_or_insert_with(|| start(&self.input));
        loop {
            if let Some(output) = advance(run) {
                // The finished run's memory (up to 20,000 gains) goes at once, not at the
                // next input.
                self.run = None;
                return self.result.set(Some((self.input.clone(), Rc::new(output))));
            }
            if let Some(next) = next.filter(|_| now_ms() - began >= SLICE_MS) {
                return drop(next.post_message(&JsValue::UNDEFINED));
            }
        }
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

/// Tells `on_settled` of `value` once it is `shown` on screen: the first at once, each new
/// one at once and again once it has stood for `delay_ms`. An embed keeps the one on
/// screen for its host's properties, and tells its host of the first (its "ready") and of
/// each settled one.
#[hook]
pub fn use_settled<T>(
    value: T,
    shown: bool,
    delay_ms: u32,
    on_settled: Option<Callback<(T, Moment)>>,
) where
    T: PartialEq + Clone + 'static,
{
    let first = use_mut_ref(|| true);
    use_effect_with((value, shown), move |(value, shown)| {
        let first = *shown && std::mem::replace(&mut *first.borrow_mut(), false);
        let on_settled = on_settled.filter(|_| *shown);
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

/// Calls `done` once, after `ms` milliseconds, unless what this returns is dropped first.
pub fn after(ms: u32, done: impl FnOnce() + 'static) -> Timer {
    Timeout::new(ms, done)
}

/// A timer [`after`] started: dropped, it never fires.
pub type Timer = Timeout;

/// Milliseconds since 1970, as the browser's clock says.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
