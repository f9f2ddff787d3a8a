//! The views the page and its parts both draw: a figure on
//! screen, a sentence with its figures isolated, the payback month in words, and the
//! formatters every view reads from context.

pub mod amount;

use cvc_browser::intl::Formats;
use std::rc::Rc;
use yew::prelude::*;

/// The formatters for the current language and currency, provided by the app's root.
#[hook]
pub fn use_formats() -> Rc<Formats> {
    // Both roots provide them (the page's App, and the parts' PartRoot); a
    // component outside them is a programming error.
    use_context::<Rc<Formats>>()
        .expect("components are rendered inside App or PartRoot, which provide Formats")
}
