//! Custom hooks and thin functions for the browser's concerns, each over a pure heart
//! elsewhere: the reader's language, an element's width, slow work after a pause (here);
//! the link in the address bar ([`link`]); the height an iframe posts ([`height`]).

use super::format::Formats;
use super::i18n::Language;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub mod height;
pub mod link;
pub mod saved;

const LANGUAGE_KEY: &str = "cvc.language";

/// The language to start in: the one chosen before on this device, else the browser's.
pub fn initial_language() -> Language {
    let stored = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(LANGUAGE_KEY).ok().flatten())
        .and_then(|tag| Language::from_tag(&tag));
    stored.unwrap_or_else(|| {
        let tag = web_sys::window()
            .and_then(|window| window.navigator().language())
            .unwrap_or_default();
        Language::from_browser(&tag)
    })
}

/// Remembers a language the user picked, on this device only.
pub fn remember_language(language: Language) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        // Private browsing may refuse storage; the choice then lasts for this visit only.
        let _ = storage.set_item(LANGUAGE_KEY, language.tag());
    }
}

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

/// While the presenter view is on, Escape leaves it. (Focus starts on its button to leave
/// once the extras module has drawn it: [`crate::app::extras::part`].)
#[hook]
pub fn use_presenter_keys(presenting: bool, on_leave: Callback<()>) {
    use_effect_with(presenting, move |presenting| {
        let listener = presenting.then(|| {
            EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                let escape = event
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|event| event.key() == "Escape");
                if escape {
                    on_leave.emit(());
                }
            })
        });
        move || drop(listener)
    });
}

/// The formatters for the current language and currency, provided by the app's root.
#[hook]
pub fn use_formats() -> Rc<Formats> {
    // Both roots provide them (App, and the extras module's PartRoot); a component outside
    // them is a programming error.
    use_context::<Rc<Formats>>()
        .expect("components are rendered inside App or PartRoot, which provide Formats")
}

/// The width in CSS pixels of the element behind `node`, updated when the window resizes,
/// so charts draw at their real size and their text stays readable on a phone.
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state(|| fallback);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let measure = {
                let node = node.clone();
                move || {
                    if let Some(element) = node.cast::<web_sys::Element>() {
                        let measured = f64::from(element.client_width());
                        if measured > 0.0 {
                            width.set(measured);
                        }
                    }
                }
            };
            measure();
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    *width
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
