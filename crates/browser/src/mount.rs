//! Every Yew app the program mounts goes through here: the page's App on its own page, and
//! one per calculator on another site's page (`crates/embed`). The parts loaded later are
//! components of those apps, never apps of their own (`crate::lazy_parts`). On the
//! calculator's own page the App takes over from the answer written into the page for its
//! first paint ([`FirstPaint`]).

use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::{AppHandle, BaseComponent};

/// The element an app is mounted into: the page's `#cvc-root`, or on another site the place
/// each calculator is drawn in (`crates/embed`).
pub type AppRoot = web_sys::Element;

/// Mounts a Yew app into `root`.
pub fn mount_app<C>(root: AppRoot, props: C::Properties) -> AppHandle<C>
where
    C: BaseComponent,
{
    yew::Renderer::<C>::with_root_and_props(root, props).render()
}

/// The answer written into the page for its first paint (`cvc_core::first_paint`), kept on
/// screen while the App starts and taken down once the App has drawn its own answer, so
/// that the App can start in steps (`crate::timing::use_drawing_stages`) with the page
/// never blank in between. The stylesheet hides it as soon as the App's root holds
/// anything (`#cvc-root:not(:empty) ~ .first-paint`), in the same frame as the App's own
/// answer appears, whenever the App's effects then take it down.
#[derive(Clone, Debug)]
pub struct FirstPaint(Rc<Vec<web_sys::Element>>);

impl PartialEq for FirstPaint {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl FirstPaint {
    /// Moves the first paint out of `root` (Yew empties the element it mounts into) to
    /// just after it, where it shows the same while `root` is empty. `None` where `root`
    /// holds none.
    pub fn lift_out_of(root: &web_sys::Element) -> Option<Self> {
        let found = root
            .query_selector_all(cvc_core::first_paint::SELECTOR)
            .ok()?;
        let elements: Vec<web_sys::Element> = (0..found.length())
            .rev()
            .filter_map(|index| found.item(index)?.dyn_into().ok())
            .filter(|element: &web_sys::Element| root.after_with_node_1(element).is_ok())
            .collect();
        (!elements.is_empty()).then(|| Self(Rc::new(elements)))
    }

    fn take_down(&self) {
        for element in self.0.iter() {
            element.remove();
        }
    }
}

/// Takes `first_paint` down once the App has `drawn` its own answer.
#[hook]
pub fn use_first_paint_handover(first_paint: Option<FirstPaint>, drawn: bool) {
    use_effect_with(drawn, move |drawn| {
        if let (true, Some(first_paint)) = (*drawn, &first_paint) {
            first_paint.take_down();
        }
    });
}
