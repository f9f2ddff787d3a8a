//! What stands in for a part loaded later while it is on its way, or when it
//! could not be fetched (with a button to ask again), or when the page is of an older
//! release than the one now served (with a button to load the new one).

use cvc_browser::lazy_parts::PartStatus;
use cvc_core::words::Texts;
use yew::prelude::*;

/// The words for `status`, if any are due; `class` places them on the page.
pub fn part_status(
    texts: &Texts,
    status: PartStatus,
    on_retry: &Callback<()>,
    class: &'static str,
) -> Html {
    match status {
        PartStatus::Loading => html! {
            <p class={classes!("part-status", class)} role="status">{ texts.part_loading }</p>
        },
        PartStatus::Failed => html! {
            <p class={classes!("part-status", class)} role="status">
                { texts.part_failed }{ " " }
                <button type="button" class="link-button" onclick={on_retry.reform(|_: MouseEvent| ())}>{ texts.try_again }</button>
            </p>
        },
        PartStatus::Outdated => html! {
            <p class={classes!("part-status", class)} role="status">
                { texts.part_outdated }{ " " }
                <button type="button" class="link-button" onclick={on_retry.reform(|_: MouseEvent| ())}>{ texts.load_new_release }</button>
            </p>
        },
        PartStatus::Waiting | PartStatus::Shown => Html::default(),
    }
}
