//! The toolbar under the title: Share, Embed, Saved scenarios, and Export and print open a
//! panel under it; Present opens the presenter view. The panels themselves are the
//! program's `panels` chunk (crates/extras), fetched when the first one is opened; the
//! main module draws only the buttons, and says so while a panel is on its way.

use crate::components::part_status::part_status;
use cvc_browser::lazy_parts::{use_part, PartLinks};
use cvc_core::parts::Part;
use cvc_view::use_formats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// What the panels are drawn from, and where they ask for a saved scenario or a file
    /// to be put on screen.
    pub extras: PartLinks,
    /// A panel was opened (so its chunk is on its way).
    pub on_open: Callback<()>,
    pub on_present: Callback<()>,
}

#[component]
pub fn Tools(props: &ToolsProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let page = formats.language.page_texts();
    let open = use_state(|| None::<Part>);
    let (status, on_retry, panel) =
        use_part(open.unwrap_or(Part::Share), open.is_some(), &props.extras);
    let button = |panel: Part, label: &'static str| {
        let (open, on_open) = (open.clone(), props.on_open.clone());
        let pressed = *open == Some(panel);
        let onclick = Callback::from(move |_| {
            open.set(if pressed { None } else { Some(panel) });
            on_open.emit(());
        });
        let controls = format!("{}-panel", panel.name());
        html! {
            <button type="button" class="tool" aria-expanded={pressed.to_string()} aria-controls={controls} {onclick}>{ label }</button>
        }
    };
    let on_present = props.on_present.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="tools" part="tools" role="group" aria-label={page.tools_label}>
                { button(Part::Share, page.share_button) }
                { button(Part::Embed, texts.embed_button) }
                { button(Part::Saved, texts.saved_button) }
                { button(Part::Files, page.files_button) }
                <button type="button" class="tool" id="present" onclick={on_present}>{ page.present_button }</button>
            </div>
            { part_status(texts, status, &on_retry, "") }
            <div class="panel-slot" hidden={open.is_none()}>{ panel }</div>
        </>
    }
}
