//! Every Yew app either wasm mounts goes through here, because of how Yew tells apps
//! apart: each wasm numbers its Yew apps from 1, brands their elements with the number,
//! and finds which app an event belongs to from the nearest branded element. The extras
//! module's parts sit inside the page's app, so their numbers must never be the page's
//! (`cvc_core::contract::Mount::page_roots`): the page counts its apps here, and the
//! module numbers its own past that count.

use std::cell::Cell;
use yew::{AppHandle, BaseComponent};

thread_local! {
    /// How many Yew apps this wasm has mounted (and so numbered).
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
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
