//! What the calculator says leaves the visitor's browser, chosen by where it runs, so that
//! the line under the answers is true where it is shown: the calculator's own page sends
//! nothing; an embed tells its host page what was calculated unless it is an iframe whose
//! link does not ask (`events=1`); with `data-layer` the headline figures also go to the
//! host's analytics (`cvc_core::host_events::data_layer_entry` says which). Where the host
//! switched lead capture on (`crate::leads`), the line adds who receives what the visitor
//! sends, or that the figures fill the host's own form.

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
#[derive(Clone, Debug)]
pub struct PrivacyLine {
    pub disclosure: Disclosure,
    words: fn(Language) -> &'static str,
    /// Where lead capture is on: whether a capture form posts to the host, and whether
    /// the figures fill the host's own form.
    pub lead_capture: bool,
    pub lead_form: bool,
    /// The host the capture form posts to, where it is not the page's own.
    pub receiver: Option<std::rc::Rc<str>>,
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
        PrivacyLine {
            disclosure,
            words,
            lead_capture: false,
            lead_form: false,
            receiver: None,
        }
    }

    /// The same line, saying also what a capture form sends, and to which other host if
    /// any (the calculator's own page, whose set-up the capture form reads itself).
    pub fn with_capture(self, receiver: Option<String>) -> PrivacyLine {
        PrivacyLine {
            lead_capture: true,
            receiver: receiver.map(std::rc::Rc::from),
            ..self
        }
    }

    /// The line in `language`.
    pub fn say(&self, language: Language) -> &'static str {
        (self.words)(language)
    }

    /// The same line, saying also what lead capture sends where the host switched it on,
    /// and to which host when it is not the page's (`page`).
    pub fn with_leads(self, setup: &crate::leads::LeadSetup, page: &str) -> PrivacyLine {
        PrivacyLine {
            lead_capture: setup.endpoint.is_some(),
            lead_form: setup.form.is_some(),
            receiver: setup
                .endpoint
                .as_deref()
                .and_then(|endpoint| crate::leads::receiver_host(endpoint, page))
                .map(std::rc::Rc::from),
            ..self
        }
    }

    /// The line's sentences in `language`: the line itself where lead capture is off;
    /// where it is on, built afresh so that no sentence says "nothing is sent" of a form
    /// that sends: computed here; what the host page hears (always, when its own form is
    /// filled); what the capture form sends, and to whom; what goes into the host's form.
    pub fn sentences(&self, language: Language) -> Vec<std::borrow::Cow<'static, str>> {
        use std::borrow::Cow;
        if !self.lead_capture && !self.lead_form {
            return vec![Cow::Borrowed(self.say(language))];
        }
        let texts = language.lead_privacy_texts();
        let mut said = vec![Cow::Borrowed(texts.privacy_computed)];
        let page_hears = match self.disclosure {
            Disclosure::EmbedTellsAnalytics => Some(texts.privacy_to_analytics),
            Disclosure::EmbedTellsHost => Some(texts.privacy_to_page),
            _ if self.lead_form => Some(texts.privacy_to_page),
            _ => None,
        };
        said.extend(page_hears.map(Cow::Borrowed));
        if self.lead_capture {
            said.push(Cow::Borrowed(if page_hears.is_some() {
                texts.privacy_capture_too
            } else {
                texts.privacy_capture_only
            }));
            if let Some(host) = &self.receiver {
                said.push(Cow::Owned(crate::words::fill_plain(
                    texts.privacy_receiver,
                    &[("host", host)],
                )));
            }
        }
        if self.lead_form {
            said.push(Cow::Borrowed(texts.privacy_form));
        }
        said
    }
}

impl PrivacyLine {
    /// The calculator's own page opened to join a workshop room: what "Add my figures"
    /// sends, and to whom (built without naming an embed's case).
    pub fn room() -> PrivacyLine {
        PrivacyLine {
            disclosure: Disclosure::Room,
            words: |language| language.texts().privacy_room,
            lead_capture: false,
            lead_form: false,
            receiver: None,
        }
    }
}

impl Default for PrivacyLine {
    /// The calculator's own page: built without naming an embed's case.
    fn default() -> Self {
        PrivacyLine {
            disclosure: Disclosure::Page,
            words: |language| language.texts().privacy,
            lead_capture: false,
            lead_form: false,
            receiver: None,
        }
    }
}

impl PartialEq for PrivacyLine {
    /// The same case says the same words.
    fn eq(&self, other: &Self) -> bool {
        self.disclosure == other.disclosure
            && self.lead_capture == other.lead_capture
            && self.lead_form == other.lead_form
            && self.receiver == other.receiver
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

    #[test]
    fn where_leads_are_on_the_line_says_who_receives_what() {
        let en = |line: PrivacyLine| line.sentences(Language::English).join(" ");
        const PAGE: &str = "https://hooks.example/page";
        let endpoint = crate::leads::LeadSetup::from_attributes(&[(
            "lead-endpoint".into(),
            "https://hooks.example/x".into(),
        )]);
        let form = crate::leads::LeadSetup::from_attributes(&[(
            "data-lead-form".into(),
            "#contact".into(),
        )]);
        let host = PrivacyLine::of(Disclosure::EmbedTellsHost);
        assert_eq!(
            en(host.clone()),
            Disclosure::EmbedTellsHost.line(Language::English)
        );
        // No sentence says nothing is sent, or that the calculator sends to no server.
        for disclosure in [
            Disclosure::Page,
            Disclosure::EmbedSilent,
            Disclosure::EmbedTellsHost,
            Disclosure::EmbedTellsAnalytics,
        ] {
            for setup in [&endpoint, &form] {
                for language in Language::ALL {
                    let said = PrivacyLine::of(disclosure)
                        .with_leads(setup, PAGE)
                        .sentences(language)
                        .join(" ");
                    assert!(
                        !said.contains("Nothing you type is sent") && !said.contains("no server"),
                        "{said}"
                    );
                    assert!(
                        !said.contains("לא נשלח לשום מקום") && !said.contains("לשום שרת"),
                        "{said}"
                    );
                }
            }
        }
        let silent = en(PrivacyLine::of(Disclosure::EmbedSilent).with_leads(&endpoint, PAGE));
        assert!(silent.contains("unless you send the form"), "{silent}");
        assert!(
            silent.contains("your name, how to reach you, your message"),
            "{silent}"
        );
        let analytics =
            en(PrivacyLine::of(Disclosure::EmbedTellsAnalytics).with_leads(&endpoint, PAGE));
        assert!(
            analytics.contains("analytics") && analytics.contains("also receives your name"),
            "{analytics}"
        );
        // A frame that fills its host's form hands the host page the figures: it says so.
        let filled = en(PrivacyLine::of(Disclosure::EmbedSilent).with_leads(&form, PAGE));
        assert!(
            filled.contains("this site's page") && filled.contains("contact form"),
            "{filled}"
        );
        let he = PrivacyLine::of(Disclosure::EmbedTellsHost)
            .with_leads(&form, PAGE)
            .sentences(Language::Hebrew)
            .join(" ");
        assert!(he.contains("טופס יצירת הקשר"), "{he}");
        // A refused endpoint adds nothing.
        let refused = crate::leads::LeadSetup::from_attributes(&[(
            "lead-endpoint".into(),
            "javascript:alert(1)".into(),
        )]);
        assert_eq!(refused.refused, vec![crate::leads::ENDPOINT]);
        assert_eq!(host.clone().with_leads(&refused, PAGE), host);
        // An endpoint on another host than the page's is named.
        let named = en(PrivacyLine::of(Disclosure::EmbedTellsHost)
            .with_leads(&endpoint, "https://consultant.example/"));
        assert!(
            named.contains("goes to \u{2068}hooks.example\u{2069}"),
            "{named}"
        );
    }
}
