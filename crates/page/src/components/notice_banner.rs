//! What a link, file, embed or saved scenario had that was not taken, said in the reader's
//! language (`role="status"`), until dismissed. The words come from [`cvc_core::notice`].

use cvc_core::notice::describe;
use cvc_core::notice::Notice;
use cvc_core::words::Language;
use yew::prelude::*;

pub fn notice_banner(
    language: Language,
    notice: Option<&Notice>,
    on_dismiss: &Callback<()>,
) -> Html {
    let Some(notice) = notice else {
        // The live region stays in the page, so that the notice is announced when it comes.
        return html! { <div class="notice" role="status" hidden=true></div> };
    };
    let (heading, lines) = describe(language, notice);
    let on_dismiss = on_dismiss.reform(|_| ());
    html! {
        <div class="notice" part="notice" role="status">
            <p>{ heading }</p>
            <ul>{ for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            <button type="button" class="secondary" onclick={on_dismiss}>{ language.texts().close }</button>
        </div>
    }
}
