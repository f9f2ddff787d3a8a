//! Every Yew app the program mounts goes through here: the page's App on its own page, and
//! one per calculator on another site's page (`crates/embed`). The parts loaded later are
//! components of those apps, never apps of their own (`crate::lazy_parts`).

use yew::{AppHandle, BaseComponent};

/// Mounts a Yew app into `root`.
pub fn mount_app<C>(root: web_sys::Element, props: C::Properties) -> AppHandle<C>
where
    C: BaseComponent,
{
    yew::Renderer::<C>::with_root_and_props(root, props).render()
}
