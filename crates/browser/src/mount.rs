//! Every Yew app either wasm mounts goes through here, because of how Yew tells apps
//! apart: each wasm numbers its Yew apps from 1, brands their elements with the number,
//! and finds which app an event belongs to from the nearest branded element. The extras
//! module's parts sit inside the page's app, so their numbers must never be the page's
//! (`cvc_core::contract::Mount::page_roots`): the page counts its apps here, and the
//! module numbers its own past that count.
//!
//! The extras module keeps one app per slot of the page ([`SlotApp`]): Yew leaves an
//! app's event listeners on the element it was mounted into for good, so a new app for
//! every panel opened would leave one more behind each time.

use std::any::Any;
use std::cell::{Cell, RefCell};
use yew::{AppHandle, BaseComponent};

thread_local! {
    /// How many Yew apps this wasm has mounted (and so numbered).
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
    /// Apps kept for their slots while they show nothing (see [`SlotApp::keep`]).
    static KEPT: RefCell<Vec<(web_sys::Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// How many Yew apps this wasm has mounted so far.
pub fn apps_mounted() -> u32 {
    MOUNTED.with(Cell::get)
}

/// Mounts a Yew app into `root`, counted.
pub fn mount_app<C>(root: web_sys::Element, props: C::Properties) -> AppHandle<C>
where
    C: BaseComponent,
{
    MOUNTED.with(|mounted| mounted.set(mounted.get() + 1));
    yew::Renderer::<C>::with_root_and_props(root, props).render()
}

/// Mounts a part of the extras module into `root`, an element of a page whose own wasm
/// has mounted `page_roots` apps: first empty apps are mounted and removed until this
/// wasm has numbered as many, so that the part's number is none of the page's.
pub fn mount_part_app<C>(
    root: web_sys::Element,
    props: C::Properties,
    page_roots: u32,
) -> AppHandle<C>
where
    C: BaseComponent,
{
    #[yew::component]
    fn Nothing() -> yew::Html {
        yew::Html::default()
    }
    while apps_mounted() < page_roots {
        if let Ok(element) = gloo::utils::document().create_element("div") {
            mount_app::<Nothing>(element, ()).destroy();
        } else {
            MOUNTED.with(|mounted| mounted.set(mounted.get() + 1));
        }
    }
    mount_app(root, props)
}

/// A part's Yew app in its slot, an element of the page. Yew leaves the event listeners it
/// adds to an app's element there for good, holding a little of the app's memory, so a
/// new app for every panel opened grew the page a little each time (docs/benchmarks.md,
/// "A long session"). Each slot keeps one app instead: taken down, it is told to show
/// nothing and kept, and the next part drawn into the same slot is drawn by it. An app
/// whose slot has left the page is destroyed the next time one is kept.
pub struct SlotApp<C: BaseComponent> {
    slot: web_sys::Element,
    handle: AppHandle<C>,
}

impl<C: BaseComponent> SlotApp<C> {
    /// Draws `props` in `slot`: with the app kept there, or a new one (numbered past the
    /// page's `page_roots`, see [`mount_part_app`]).
    pub fn mount(slot: web_sys::Element, props: C::Properties, page_roots: u32) -> Self {
        let kept = KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            let at = kept.iter().position(|(place, app)| {
                place.is_same_node(Some(&slot)) && app.is::<AppHandle<C>>()
            })?;
            kept.swap_remove(at).1.downcast::<AppHandle<C>>().ok()
        });
        let handle = match kept {
            Some(handle) => {
                let mut handle = *handle;
                handle.update(props);
                handle
            }
            None => mount_part_app(slot.clone(), props, page_roots),
        };
        SlotApp { slot, handle }
    }

    pub fn update(&mut self, props: C::Properties) {
        self.handle.update(props);
    }

    /// Draws `nothing` (props that show no part) and keeps the app for the slot's next part.
    pub fn keep(mut self, nothing: C::Properties) {
        self.handle.update(nothing);
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            while let Some(at) = kept.iter().position(|(place, _)| !place.is_connected()) {
                if let Ok(app) = kept.swap_remove(at).1.downcast::<AppHandle<C>>() {
                    app.destroy();
                }
            }
            kept.push((self.slot, Box::new(self.handle)));
        });
    }
}
