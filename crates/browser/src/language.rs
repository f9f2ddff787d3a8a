//! The reader's language at the browser's edge: the one chosen before on this device
//! (`localStorage`), else the browser's own. Which tags mean which language is pure
//! ([`cvc_core::words::Language::from_browser`]).

use cvc_core::storage::LANGUAGE_KEY;
use cvc_core::words::Language;
use yew::prelude::*;

/// The language to start in: the one chosen before on this device, else the browser's.
pub fn initial_language() -> Language {
    let stored = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(LANGUAGE_KEY).ok().flatten())
        .and_then(|tag| Language::from_tag(&tag));
    stored.unwrap_or_else(|| Language::from_browser(&browser_language()))
}

/// The browser's preferred language tag (`he-IL`), or an empty one.
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default()
}

/// Remembers a language the user picked, on this device only.
pub fn remember_language(language: Language) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        // Private browsing may refuse storage; the choice then lasts for this visit only.
        let _ = storage.set_item(LANGUAGE_KEY, language.tag());
    }
}

/// Keeps the document's `lang` the calculator's language where the document is the
/// calculator's own (its page, or that page in another site's iframe), so that a browser's
/// offer to translate and a screen reader's voice follow the language on screen. The page
/// that another site embeds the element in keeps its own.
#[hook]
pub fn use_document_language(language: Language, own_document: bool) {
    use_effect_with((language, own_document), |(language, own_document)| {
        if *own_document {
            let _ = gloo::utils::document_element().set_attribute("lang", language.tag());
        }
    });
}
