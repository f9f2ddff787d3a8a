//! The Share panel (the link, copied or sent through the system share sheet, and its QR
//! code) and the Embed panel (snippets for another site), drawn by the extras module. The
//! link and the snippets come from pure code ([`cvc_core::codec::link`],
//! [`cvc_core::snippets`]).

use crate::panels::qr_code::qr_code;
use cvc_browser::clipboard::{can_share, copy, share, Copied};
use cvc_browser::dom::element_by_id;
use cvc_browser::intl::Formats;
use cvc_core::codec::link::parent_origin;
use cvc_core::snippets::{iframe_snippet, script_snippet};
use cvc_core::words::{fill_plain, ExtraTexts};
use cvc_model::ValidScenario;
use yew::prelude::*;

/// Which copy box last said something, and what.
pub type CopyStatus = UseStateHandle<Option<(&'static str, &'static str)>>;

/// The Share panel for `link`, the link to the scenario on screen.
pub fn share_panel(formats: &Formats, link: &str, copied: &CopyStatus) -> Html {
    let texts = formats.language.extra_texts();
    html! {
        <section class="panel" id="share-panel" aria-labelledby="share-heading">
            <h2 id="share-heading">{ texts.share_heading }</h2>
            <p class="hint">{ texts.share_hint }</p>
            { copy_box(texts, CopyBox { id: "share-link", label: texts.link_label, hint: None, text: link.to_string(),
                multiline: false, copy_label: texts.copy_link, copied: texts.copied }, copied) }
            if can_share() {
                { share_button(texts.title, texts.share_native, link) }
            }
            <figure class="share-qr">
                { qr_code(texts, link) }
                <figcaption class="hint">{ texts.qr_hint }</figcaption>
            </figure>
        </section>
    }
}

/// The Embed panel: the snippets that put `scenario` on another site, served from `app`,
/// the calculator's own address.
pub fn embed_panel(
    formats: &Formats,
    app: &str,
    scenario: &ValidScenario,
    copied: &CopyStatus,
) -> Html {
    let language = formats.language;
    let texts = language.extra_texts();
    html! {
        <section class="panel" id="embed-panel" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{ texts.embed_button }</h2>
            { copy_box(texts, CopyBox { id: "embed-iframe", label: texts.embed_iframe_title, hint: Some(texts.embed_iframe_hint),
                text: iframe_snippet(app, scenario, language, texts.frame_title), multiline: true,
                copy_label: texts.copy_code, copied: texts.code_copied }, copied) }
            { copy_box(texts, CopyBox { id: "embed-script", label: texts.embed_script_title, hint: Some(texts.embed_script_hint),
                text: script_snippet(app, scenario, language), multiline: true,
                copy_label: texts.copy_code, copied: texts.code_copied }, copied) }
            <p class="hint">{ fill_plain(texts.embed_policy_note, &[("origin", &parent_origin(app))]) }</p>
        </section>
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
fn copy_box(texts: &ExtraTexts, props: CopyBox, status: &CopyStatus) -> Html {
    let onclick = {
        let (status, text, copied, id) =
            (status.clone(), props.text.clone(), props.copied, props.id);
        let blocked = texts.copy_failed;
        Callback::from(move |_| {
            let (status, text) = (status.clone(), text.clone());
            let field = element_by_id(id);
            yew::platform::spawn_local(async move {
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
        yew::platform::spawn_local(async move {
            // Closing the sheet without sharing is the user's choice, not an error.
            let _ = share(title, &url).await;
        });
    });
    html! { <button type="button" class="secondary" {onclick}>{ label }</button> }
}
