//! The button under a field that opens its helper, and the place where the `helpers`
//! chunk draws the helper (`crates/extras/src/panels/helper_forms.rs`) once it is opened.

use crate::components::part_status::part_status;
use cvc_browser::lazy_parts::{use_part, PartLinks};
use cvc_core::parts::Part;
use cvc_view::use_formats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelperToggleProps {
    /// Which helper: [`Part::LifetimeHelper`] or [`Part::MetricsHelper`].
    pub part: Part,
    pub open_label: &'static str,
    pub extras: PartLinks,
}

#[component]
pub fn HelperToggle(props: &HelperToggleProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let open = use_state(|| false);
    let (status, on_retry, helper) = use_part(props.part, *open, &props.extras);
    let onclick = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <>
            // The helper's section has the part's name as its id.
            <button type="button" class="link-button" aria-expanded={open.to_string()} aria-controls={props.part.name()} {onclick}>
                { if *open { texts.close } else { props.open_label } }
            </button>
            { part_status(texts, status, &on_retry, "") }
            <div class="helper-slot" hidden={!*open}>{ helper }</div>
        </>
    }
}
