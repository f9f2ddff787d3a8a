//! Every word the user sees: one file per language ([`en`], [`he`]), each a complete set of
//! the same tables ([`Texts`], [`ExtraTexts`], and one `match` per field, example
//! business and helper input), so that a word missing in one language is a compile error.
//! To add a language: copy `en.rs`, translate it, and name it in [`languages!`] below.
//!
//! Sentences with figures are templates with `{name}` slots. [`fill`] splits them into
//! text and figures, so the UI can isolate each figure (`<bdi>`) inside Hebrew text.
//!
//! The words the extras module alone shows are in [`ExtraTexts`], apart from [`Texts`], so
//! that the page's own wasm does not carry them.

mod tables;
mod template;

pub use tables::{About, Direction, ExtraTexts, FieldText, PresetText, Texts};
pub use template::{fill, fill_plain, Piece};

use crate::presets::Preset;
use cvc_model::helpers::HelperInput;
use cvc_model::Field;
use serde::Serialize;

/// The one list of languages: each is a variant of [`Language`] and a file of this folder.
macro_rules! languages {
    ($($variant:ident => $file:ident),+ $(,)?) => {
        $(mod $file;)+

        /// A language the calculator speaks.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        pub enum Language {
            $($variant),+
        }

        impl Language {
            /// Every language, in the order the switch lists them.
            pub const ALL: [Language; [$(stringify!($variant)),+].len()] = [$(Language::$variant),+];

            fn about(self) -> &'static About {
                match self {
                    $(Language::$variant => &$file::ABOUT),+
                }
            }

            pub fn texts(self) -> &'static Texts {
                match self {
                    $(Language::$variant => &$file::TEXTS),+
                }
            }

            /// The words of the extras module (and, through them, all of [`Texts`]).
            pub fn extra_texts(self) -> &'static ExtraTexts {
                match self {
                    $(Language::$variant => &$file::EXTRA),+
                }
            }

            fn field_words(self, field: Field) -> FieldText {
                match self {
                    $(Language::$variant => $file::field(field)),+
                }
            }

            fn preset_words(self, preset: Preset) -> PresetText {
                match self {
                    $(Language::$variant => $file::preset(preset)),+
                }
            }

            fn helper_input_words(self, input: HelperInput) -> &'static str {
                match self {
                    $(Language::$variant => $file::helper_input(input)),+
                }
            }
        }
    };
}

languages! {
    Hebrew => he,
    English => en,
}

/// The language for a browser that asks for none of ours.
const FALLBACK: Language = Language::English;

impl Default for Language {
    fn default() -> Self {
        FALLBACK
    }
}

impl Language {
    /// BCP 47 tag, for `lang` and for `Intl`.
    pub fn tag(self) -> &'static str {
        self.about().tag
    }

    pub fn dir(self) -> &'static str {
        match self.about().direction {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }

    pub fn is_rtl(self) -> bool {
        self.about().direction == Direction::RightToLeft
    }

    /// The language's own name, for the switch.
    pub fn endonym(self) -> &'static str {
        self.about().endonym
    }

    /// The primary subtags of a browser language that ask for this one (`he`, `iw`).
    pub fn browser_tags(self) -> &'static [&'static str] {
        self.about().browser_tags
    }

    /// The language a browser asks for (`he-IL` → Hebrew), or English for any other.
    pub fn from_browser(tag: &str) -> Language {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|language| language.browser_tags().contains(&primary.as_str()))
            .unwrap_or(FALLBACK)
    }

    pub fn from_tag(tag: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.tag() == tag)
    }
}

/// The words for one input field in `language`.
pub fn field_text(language: Language, field: Field) -> FieldText {
    language.field_words(field)
}

/// The label of a helper's input (or the rule it states) in `language`.
pub fn helper_input_text(language: Language, input: HelperInput) -> &'static str {
    language.helper_input_words(input)
}

/// The name and the note on assumptions of an example business in `language`.
pub fn preset_text(language: Language, preset: Preset) -> PresetText {
    language.preset_words(preset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of a language, named by where it sits: `texts.title`,
    /// `field.lifetime_profit.why`, `preset.retail-shop.name`, `helper.retention`.
    fn all_words(language: Language) -> Vec<(String, String)> {
        fn flatten(prefix: &str, value: serde_json::Value, out: &mut Vec<(String, String)>) {
            match value {
                serde_json::Value::Object(members) => {
                    for (key, value) in members {
                        flatten(&format!("{prefix}.{key}"), value, out);
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, value) in items.into_iter().enumerate() {
                        flatten(&format!("{prefix}.{i}"), value, out);
                    }
                }
                serde_json::Value::String(text) => out.push((prefix.to_string(), text)),
                _ => {}
            }
        }
        fn json<T: Serialize>(value: &T) -> serde_json::Value {
            serde_json::to_value(value).expect("words serialise")
        }
        let mut words = Vec::new();
        flatten("texts", json(language.texts()), &mut words);
        flatten("extra", json(language.extra_texts()), &mut words);
        for field in Field::ALL {
            flatten(
                &format!("field.{}", field.name()),
                json(&field_text(language, field)),
                &mut words,
            );
        }
        for preset in Preset::ALL {
            flatten(
                &format!("preset.{}", preset.id()),
                json(&preset_text(language, preset)),
                &mut words,
            );
        }
        for input in HelperInput::ALL {
            words.push((
                format!("helper.{}", input.name()),
                helper_input_text(language, input).to_string(),
            ));
        }
        words
    }

    /// The `{slot}` names of a template, sorted.
    fn slots(template: &str) -> Vec<String> {
        let mut names: Vec<String> = template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}'))
            .map(|(name, _)| name.to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn browser_language_picks_hebrew_only_for_hebrew() {
        assert_eq!(Language::from_browser("he"), Language::Hebrew);
        assert_eq!(Language::from_browser("he-IL"), Language::Hebrew);
        assert_eq!(Language::from_browser("iw_IL"), Language::Hebrew);
        assert_eq!(Language::from_browser("en-US"), Language::English);
        assert_eq!(Language::from_browser("ar"), Language::English);
        assert_eq!(Language::from_browser(""), Language::English);
    }

    #[test]
    fn every_language_is_found_by_its_tag() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
            assert!(
                std::ptr::eq(language.extra_texts().base, language.texts()),
                "ExtraTexts's base"
            );
        }
    }

    #[test]
    fn fill_splits_text_and_figures() {
        let pieces = fill(
            "Costs {cost} a {period}.",
            &[("cost", "₪5"), ("period", "year")],
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Text("Costs ".into()),
                Piece::Figure("₪5".into()),
                Piece::Text(" a ".into()),
                Piece::Figure("year".into()),
                Piece::Text(".".into())
            ]
        );
        assert_eq!(fill_plain("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
        assert_eq!(fill_plain("no {slot}", &[]), "no {slot}");
    }

    /// Every slot a template names is one its callers fill, in every language alike.
    #[test]
    fn every_template_has_the_same_slots_in_every_language() {
        let reference = all_words(Language::English);
        for language in Language::ALL {
            let words = all_words(language);
            let names: Vec<&String> = words.iter().map(|(name, _)| name).collect();
            assert_eq!(
                names,
                reference.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                "{language:?} names the same words"
            );
            for ((name, text), (_, english)) in words.iter().zip(&reference) {
                assert_eq!(slots(text), slots(english), "{name}: {text} / {english}");
            }
        }
    }

    #[test]
    fn no_language_has_an_empty_word() {
        for language in Language::ALL {
            for (name, text) in all_words(language) {
                assert!(!text.trim().is_empty(), "{language:?} {name} is empty");
            }
        }
    }

    /// Hebrew texts carry no Latin letters, so a Hebrew screen has no English on it.
    #[test]
    fn hebrew_texts_have_no_latin_letters() {
        let he = Language::Hebrew.texts();
        let extra = Language::Hebrew.extra_texts();
        let mut hebrew: Vec<&str> = vec![
            he.title,
            he.tagline,
            he.stale,
            he.sentence_gain,
            he.unbounded_cost,
            extra.abandoned_note,
            extra.problem_large,
            he.currency_hint,
        ];
        for field in Field::ALL {
            let text = field_text(Language::Hebrew, field);
            hebrew.extend([text.label, text.hint, text.why]);
        }
        for preset in Preset::ALL {
            let text = preset_text(Language::Hebrew, preset);
            hebrew.extend([text.name, text.note]);
        }
        for input in HelperInput::ALL {
            hebrew.push(helper_input_text(Language::Hebrew, input));
        }
        for text in hebrew {
            // Slot names are replaced by figures before anyone sees them.
            let shown = fill_plain(text, &[])
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
                .collect::<String>();
            assert!(
                !shown.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letters in: {text}"
            );
        }
    }

    #[test]
    fn helper_inputs_are_translated() {
        for input in HelperInput::ALL {
            assert_ne!(
                helper_input_text(Language::English, input),
                helper_input_text(Language::Hebrew, input)
            );
        }
    }
}
