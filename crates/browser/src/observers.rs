//! Where elements are on the screen: an element's width (charts are drawn to it), whether
//! the screen is wide, whether an element has come near the visible part of the page
//! (parts below the fold are fetched only then), and whether it is on the screen now.

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

/// Whether the screen is wide enough for the calculator's two-column layout, where the
/// charts sit beside the form within the first screen or two, and where a report is
/// printed from; there the charts come with the page, on a phone when scrolled to.
pub fn wide_screen() -> bool {
    gloo::utils::window()
        .match_media("(min-width: 900px)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Whether the element behind `node` has come within half a screen of the visible part of
/// the page, or the page is being printed; once true, it stays true. Parts below the fold
/// are fetched only when the reader gets near them. The element may be replaced (the
/// presenter view takes the page away and gives it back); the new one is watched then.
///
/// It is watched only once `drawn`: once everything above it has arrived. The page is
/// drawn in stages (`crate::timing::use_drawing_stages`), and before the form comes, the
/// place of the charts is right under the answers: a tall phone saw it near, between two
/// stages, and fetched the charts it never scrolled to.
#[hook]
pub fn use_near_screen(node: NodeRef, drawn: bool) -> bool {
    let near = use_state(|| false);
    let watching = use_mut_ref(|| None::<Watching>);
    {
        let (near, watching) = (near.clone(), watching.clone());
        use_effect(move || {
            let element = node.cast::<web_sys::Element>().filter(|_| drawn);
            let mut watching = watching.borrow_mut();
            let same = matches!((&*watching, &element), (Some(now), Some(element)) if now.element == *element);
            if *near || !same {
                watching.take();
            }
            if !*near && !same {
                if let Some(element) = element {
                    let seen = {
                        let near = near.clone();
                        move |visible: bool| {
                            if visible {
                                near.set(true);
                            }
                        }
                    };
                    match Watching::new(element, "50% 0px", seen) {
                        Some(watch) => *watching = Some(watch),
                        // Without an observer, the part is simply fetched at once.
                        None => near.set(true),
                    }
                }
            }
            || ()
        });
    }
    {
        let near = near.clone();
        use_effect_with((), move |()| {
            let printing = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "beforeprint",
                move |_| near.set(true),
            );
            move || drop((printing, watching.borrow_mut().take()))
        });
    }
    *near
}

/// Whether the element behind `node` is on the screen now (any of it): what a part shows
/// in its place while it is scrolled away, such as the room's button at the foot of the
/// screen while the phone fills in the form.
#[hook]
pub fn use_on_screen(node: NodeRef) -> bool {
    let on_screen = use_state(|| true);
    {
        let on_screen = on_screen.clone();
        use_effect_with(node, move |node| {
            let watching = node.cast::<web_sys::Element>().and_then(|element| {
                Watching::new(element, "0px", move |visible| on_screen.set(visible))
            });
            move || drop(watching)
        });
    }
    *on_screen
}

/// An element watched for coming near the screen, until dropped.
struct Watching {
    element: web_sys::Element,
    observer: web_sys::IntersectionObserver,
    _on_change: Closure<dyn Fn(js_sys::Array)>,
}

impl Watching {
    /// Watches `element` with `margin` around the screen; `seen` is told whether it is
    /// within it, each time that changes.
    fn new(
        element: web_sys::Element,
        margin: &str,
        seen: impl Fn(bool) + 'static,
    ) -> Option<Watching> {
        let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The latest entry says where the element is now.
            if let Some(entry) = entries.iter().last() {
                seen(
                    entry
                        .unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting(),
                );
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        let observer = web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(&element);
        Some(Watching {
            element,
            observer,
            _on_change: on_change,
        })
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
