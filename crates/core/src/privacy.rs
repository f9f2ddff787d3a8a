//! What the calculator says leaves the visitor's browser, chosen by where it runs, so that
//! the line under the answers is true where it is shown: the calculator's own page sends
//! nothing; an embed tells its host page what was calculated unless it is an iframe whose
//! link does not ask (`events=1`); with `data-layer` the headline figures also go to the
//! host's analytics (`cvc_core::host_events::data_layer_entry` says which).

use crate::words::Language;

/// What leaves the browser where the calculator runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Disclosure {
    /// The calculator's own page: nothing is sent anywhere.
    #[default]
    Page,
    /// The page opened to join a workshop room: the business figures go to the presenter
    /// when the visitor asks.
    Room,
    /// An iframe that tells its host page nothing (no `events=1`).
    EmbedSilent,
    /// An embed that tells its host page what was calculated: the custom element and a
    /// container always do (DOM events), an iframe with `events=1`.
    EmbedTellsHost,
    /// The same, and the headline figures pushed to the host's `window.dataLayer`.
    EmbedTellsAnalytics,
}

impl Disclosure {
    /// An embed's disclosure: whether it tells its host page (events) and its analytics
    /// (`dataLayer`). The analytics hear only through the host page, so an embed that does
    /// not tell its host tells them nothing either.
    pub fn of_embed(tells_host: bool, data_layer: bool) -> Disclosure {
        match (tells_host, data_layer) {
            (false, _) => Disclosure::EmbedSilent,
            (true, false) => Disclosure::EmbedTellsHost,
            (true, true) => Disclosure::EmbedTellsAnalytics,
        }
    }

    /// The line that says it, in `language`.
    pub fn line(self, language: Language) -> &'static str {
        PrivacyLine::of(self).say(language)
    }
}

/// The privacy line of one [`Disclosure`], in whatever language is on screen: what an
/// embed hands its App. The App only says it, so the calculator's own page, which never
/// names an embed's case, does not carry an embed's words (`words::EmbedTexts`).
#[derive(Clone, Copy, Debug)]
pub struct PrivacyLine {
    pub disclosure: Disclosure,
    words: fn(Language) -> &'static str,
}

impl PrivacyLine {
    pub fn of(disclosure: Disclosure) -> PrivacyLine {
        let words: fn(Language) -> &'static str = match disclosure {
            Disclosure::Page => |language| language.texts().privacy,
            Disclosure::Room => |language| language.texts().privacy_room,
            Disclosure::EmbedSilent => |language| language.embed_texts().privacy_silent,
            Disclosure::EmbedTellsHost => |language| language.embed_texts().privacy_host,
            Disclosure::EmbedTellsAnalytics => |language| language.embed_texts().privacy_analytics,
        };
        PrivacyLine { disclosure, words }
    }

    /// The line in `language`.
    pub fn say(&self, language: Language) -> &'static str {
        (self.words)(language)
    }
}

impl PrivacyLine {
    /// The calculator's own page opened to join a workshop room: what "Add my figures"
    /// sends, and to whom (built without naming an embed's case).
    pub fn room() -> PrivacyLine {
        PrivacyLine {
            disclosure: Disclosure::Room,
            words: |language| language.texts().privacy_room,
        }
    }
}

impl Default for PrivacyLine {
    /// The calculator's own page: built without naming an embed's case.
    fn default() -> Self {
        PrivacyLine {
            disclosure: Disclosure::Page,
            words: |language| language.texts().privacy,
        }
    }
}

impl PartialEq for PrivacyLine {
    /// The same case says the same words.
    fn eq(&self, other: &Self) -> bool {
        self.disclosure == other.disclosure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_says_nothing_is_sent_and_an_embed_says_what_its_host_hears() {
        for language in Language::ALL {
            let page = Disclosure::Page.line(language);
            let silent = Disclosure::of_embed(false, true).line(language);
            let host = Disclosure::of_embed(true, false).line(language);
            let analytics = Disclosure::of_embed(true, true).line(language);
            let lines = [page, silent, host, analytics];
            for (i, a) in lines.iter().enumerate() {
                for b in &lines[i + 1..] {
                    assert_ne!(a, b, "{language:?}: each case says something of its own");
                }
            }
        }
        assert_eq!(
            PrivacyLine::default().say(Language::Hebrew),
            Disclosure::Page.line(Language::Hebrew)
        );
        let en = |disclosure: Disclosure| disclosure.line(Language::English);
        assert!(en(Disclosure::Page).contains("Nothing you type is sent anywhere"));
        assert!(en(Disclosure::EmbedSilent).contains("not even to this site"));
        assert!(en(Disclosure::EmbedTellsHost).contains("this site's page"));
        assert!(!en(Disclosure::EmbedTellsHost).contains("analytics"));
        assert!(!en(Disclosure::EmbedTellsHost).contains("Nothing you type is sent"));
        assert!(en(Disclosure::EmbedTellsAnalytics).contains("analytics"));
        let he = |disclosure: Disclosure| disclosure.line(Language::Hebrew);
        assert!(he(Disclosure::EmbedTellsHost).contains("לדף של האתר הזה"));
        assert!(he(Disclosure::EmbedTellsAnalytics).contains("אנליטיקס"));
        assert!(!he(Disclosure::EmbedTellsHost).contains("לא נשלח לשום מקום"));
    }
}
