//! The Share panel (the link, copied or sent through the system share sheet, and its QR
//! code), drawn by its chunk, and the box of text with a copy button that it and
//! the Embed panel share. The link comes from pure code ([`cvc_core::codec::link`]).

use crate::panels::qr_code::qr_code;
use cvc_browser::clipboard::{can_share, copy, share, Copied};
use cvc_browser::dom::element_by_id;
use cvc_browser::intl::Formats;
use cvc_core::words::ExtraTexts;
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

/// A box of text the user may copy: its element id, label, optional hint, and the words
/// its button says and what it says once copied.
pub struct CopyBox {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub text: String,
    pub multiline: bool,
    pub copy_label: &'static str,
    pub copied: &'static str,
}

/// The box, with a button that copies it and says so in `status` (which box, and what
/// it says).
pub fn copy_box(texts: &ExtraTexts, props: CopyBox, status: &CopyStatus) -> Html {
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
