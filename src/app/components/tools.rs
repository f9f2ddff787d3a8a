//! The toolbar under the title and the panels it opens: Share (the link, copied or sent
//! through the system share sheet, and its QR code), Embed (snippets for another site),
//! Saved scenarios, and Export and print; and the button to the presenter view. The link
//! and the snippets come from pure code ([`crate::app::link`], [`crate::app::snippets`]).

use super::files::FilesPanel;
use super::qr_code::qr_code;
use super::saved::SavedPanel;
use crate::app::hooks::use_formats;
use crate::app::i18n::{fill_plain, Texts};
use crate::app::link::parent_origin;
use crate::app::share::{can_share, copy, share, Copied};
use crate::app::snippets::{iframe_snippet, script_snippet};
use crate::app::state::Action;
use crate::model::{Results, ValidScenario};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    Share,
    Embed,
    Saved,
    Files,
}

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    pub scenario: ValidScenario,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    /// The link to the scenario on screen (built once, by the app).
    pub link: AttrValue,
    pub results: Rc<Results>,
    pub on_action: Callback<Action>,
    pub on_present: Callback<()>,
}

#[component]
pub fn Tools(props: &ToolsProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let open = use_state(|| None::<Panel>);
    let copied = use_state(|| None::<(&'static str, &'static str)>);
    let button = |panel: Panel, label: &'static str, id: &'static str| {
        let open = open.clone();
        let pressed = *open == Some(panel);
        let onclick = Callback::from(move |_| open.set(if pressed { None } else { Some(panel) }));
        html! {
            <button type="button" class="tool" aria-expanded={pressed.to_string()} aria-controls={id} {onclick}>{ label }</button>
        }
    };
    let language = formats.language;
    let app = props.app_address.as_str();
    let link = props.link.as_str();
    let panel = match *open {
        None => Html::default(),
        Some(Panel::Share) => html! {
            <section class="panel" id="share-panel" aria-labelledby="share-heading">
                <h2 id="share-heading">{ texts.share_heading }</h2>
                <p class="hint">{ texts.share_hint }</p>
                { copy_box(texts, CopyBox { id: "share-link", label: texts.link_label, hint: None, text: link.to_string(),
                    multiline: false, copy_label: texts.copy_link, copied: texts.copied }, &copied) }
                if can_share() {
                    { share_button(texts.title, texts.share_native, link) }
                }
                <figure class="share-qr">
                    { qr_code(texts, link) }
                    <figcaption class="hint">{ texts.qr_hint }</figcaption>
                </figure>
            </section>
        },
        Some(Panel::Embed) => html! {
            <section class="panel" id="embed-panel" aria-labelledby="embed-heading">
                <h2 id="embed-heading">{ texts.embed_button }</h2>
                { copy_box(texts, CopyBox { id: "embed-iframe", label: texts.embed_iframe_title, hint: Some(texts.embed_iframe_hint),
                    text: iframe_snippet(app, &props.scenario, language, texts.frame_title), multiline: true,
                    copy_label: texts.copy_code, copied: texts.code_copied }, &copied) }
                { copy_box(texts, CopyBox { id: "embed-script", label: texts.embed_script_title, hint: Some(texts.embed_script_hint),
                    text: script_snippet(app, &props.scenario, language), multiline: true,
                    copy_label: texts.copy_code, copied: texts.code_copied }, &copied) }
                <p class="hint">{ fill_plain(texts.embed_policy_note, &[("origin", &parent_origin(app))]) }</p>
            </section>
        },
        Some(Panel::Saved) => html! {
            <SavedPanel scenario={props.scenario.clone()} on_action={props.on_action.clone()} />
        },
        Some(Panel::Files) => html! {
            <FilesPanel scenario={props.scenario.clone()} results={props.results.clone()} on_action={props.on_action.clone()} />
        },
    };
    let on_present = props.on_present.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="tools" role="group" aria-label={texts.tools_label}>
                { button(Panel::Share, texts.share_button, "share-panel") }
                { button(Panel::Embed, texts.embed_button, "embed-panel") }
                { button(Panel::Saved, texts.saved_button, "saved-panel") }
                { button(Panel::Files, texts.files_button, "files-panel") }
                <button type="button" class="tool" id="present" onclick={on_present}>{ texts.present_button }</button>
            </div>
            { panel }
        </>
    }
}

/// A box of text the user may copy: its element id, label, optional hint, and the words
/// its button says and what it says once copied.
struct CopyBox {
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    text: String,
    multiline: bool,
    copy_label: &'static str,
    copied: &'static str,
}

/// The box, with a button that copies it and says so in `status` (which box, and what
/// it says).
fn copy_box(
    texts: &Texts,
    props: CopyBox,
    status: &UseStateHandle<Option<(&'static str, &'static str)>>,
) -> Html {
    let onclick = {
        let (status, text, copied, id) =
            (status.clone(), props.text.clone(), props.copied, props.id);
        let blocked = texts.copy_failed;
        Callback::from(move |_| {
            let (status, text) = (status.clone(), text.clone());
            let field = gloo::utils::document()
                .get_element_by_id(id)
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = copy(&text, field).await;
                status.set(Some((
                    id,
                    if outcome == Copied::Yes {
                        copied
                    } else {
                        blocked
                    },
                )));
            });
        })
    };
    let said = status
        .filter(|(id, _)| *id == props.id)
        .map(|(_, words)| words)
        .unwrap_or_default();
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="copy-box">
            <label for={props.id}>{ props.label }</label>
            if let Some(hint) = props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint }</p>
            }
            if props.multiline {
                <textarea id={props.id} readonly=true rows="6" spellcheck="false" dir="ltr" value={props.text.clone()}
                    aria-describedby={props.hint.map(|_| hint_id.clone())} />
            } else {
                <input id={props.id} type="text" readonly=true dir="ltr" value={props.text.clone()} />
            }
            <div class="button-row">
                <button type="button" class="primary" {onclick}>{ props.copy_label }</button>
                <p class="status" role="status">{ said }</p>
            </div>
        </div>
    }
}

/// The system share sheet, where there is one.
fn share_button(title: &'static str, label: &'static str, url: &str) -> Html {
    let url = url.to_string();
    let onclick = Callback::from(move |_| {
        let url = url.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Closing the sheet without sharing is the user's choice, not an error.
            let _ = share(title, &url).await;
        });
    });
    html! { <button type="button" class="secondary" {onclick}>{ label }</button> }
}
