//! Every word the user sees: one file per language ([`en`], [`he`]), each a complete set of
//! the same tables ([`Texts`], [`ExtraTexts`], and one `match` per field, example
//! business and helper input), so that a word missing in one language is a compile error.
//! To add a language: copy `en.rs`, translate it, and name it in [`languages!`] below.
//!
//! Sentences with figures are templates with `{name}` slots. [`fill`] splits them into
//! text and figures, so the UI can isolate each figure (`<bdi>`) inside Hebrew text.
//!
//! The words only the parts loaded later show are in [`ExtraTexts`], apart from [`Texts`], so
//! that the page's own wasm does not carry them; the workshop room's are in [`RoomTexts`]
//! (a phone's) and [`PresenterRoomTexts`], so that only the room's chunk and the
//! presenter's carry them. The words only the page draws around the answers are in
//! [`PageTexts`], so that an embed's and an iframe's main modules do not carry them.

mod tables;
mod template;

pub use tables::{
    About, Direction, EmbedTexts, ExtraTexts, FieldText, LeadPrivacyTexts, LeadTexts, PageTexts,
    Plural, PresenterRoomTexts, PresetText, RoomTexts, Texts,
};
pub use template::{
    fill, fill_plain, is_format_character, labelled, slots, strip_format_characters, Piece, ISOLATE,
};

use crate::presets::Preset;
use cvc_model::helpers::HelperInput;
use cvc_model::{Field, Why};
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

            /// The words only the calculator's own page shows around the answers.
            pub fn page_texts(self) -> &'static PageTexts {
                match self {
                    $(Language::$variant => &$file::PAGE),+
                }
            }

            /// The words of a chunk (and, through them, all of [`Texts`]).
            pub fn extra_texts(self) -> &'static ExtraTexts {
                match self {
                    $(Language::$variant => &$file::EXTRA),+
                }
            }

            /// The workshop room's words on a participant's phone.
            pub fn room_texts(self) -> &'static RoomTexts {
                match self {
                    $(Language::$variant => &$file::ROOM),+
                }
            }

            /// The workshop room's words on the presenter's screen.
            pub fn presenter_room_texts(self) -> &'static PresenterRoomTexts {
                match self {
                    $(Language::$variant => &$file::PRESENTER_ROOM),+
                }
            }

            /// The words of an embedded calculator only.
            pub fn embed_texts(self) -> &'static EmbedTexts {
                match self {
                    $(Language::$variant => &$file::EMBED),+
                }
            }

            /// The words of the lead capture and its options.
            pub fn lead_texts(self) -> &'static LeadTexts {
                match self {
                    $(Language::$variant => &$file::LEAD),+
                }
            }

            /// The privacy line's sentences where lead capture is on.
            pub fn lead_privacy_texts(self) -> &'static LeadPrivacyTexts {
                match self {
                    $(Language::$variant => &$file::LEAD_PRIVACY),+
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
/// Why the model gives no figure, in words: what a missing figure shows in its place.
pub fn why_text(language: Language, why: Why) -> &'static str {
    language.texts().why(why)
}

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
        flatten("page", json(language.page_texts()), &mut words);
        flatten("extra", json(language.extra_texts()), &mut words);
        flatten("room", json(language.room_texts()), &mut words);
        flatten("room", json(language.presenter_room_texts()), &mut words);
        flatten("embed", json(language.embed_texts()), &mut words);
        flatten("lead", json(language.lead_texts()), &mut words);
        flatten("lead", json(language.lead_privacy_texts()), &mut words);
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
        assert_eq!(
            fill_plain("{a}{b}", &[("a", "1"), ("b", "2")]),
            "\u{2068}1\u{2069}\u{2068}2\u{2069}",
            "each figure isolated"
        );
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
            Language::Hebrew.page_texts().tagline,
            he.stale,
            he.sentence_gain,
            he.unbounded_cost,
            extra.abandoned_note,
            extra.problem_large,
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

    /// Every count the calculator writes, by rule: one, two, and the rest with the number.
    #[test]
    fn counts_follow_the_plural_rules_of_each_language() {
        let he = Language::Hebrew.texts();
        let en = Language::English.texts();
        let extra_he = Language::Hebrew.extra_texts();
        let extra_en = Language::English.extra_texts();
        for n in [0_u32, 1, 2, 3, 10, 11, 21, 100] {
            let written = n.to_string();
            let count = |plural: &Plural| plural.count(f64::from(n), &written);
            let (he_years, en_years) = (count(&he.years), count(&en.years));
            let (he_the, en_the) = (count(&he.the_years), count(&en.the_years));
            match n {
                1 => {
                    assert_eq!(
                        (he_years.as_str(), en_years.as_str()),
                        ("שנה אחת", "1 year")
                    );
                    assert_eq!((he_the.as_str(), en_the.as_str()), ("השנה", "the year"));
                    assert_eq!(count(&extra_he.draws), "הגרלה אחת");
                    assert_eq!(count(&extra_en.draws), "1 draw");
                }
                2 => {
                    assert_eq!(
                        (he_years.as_str(), en_years.as_str()),
                        ("שנתיים", "2 years")
                    );
                    assert_eq!(
                        (he_the.as_str(), en_the.as_str()),
                        ("השנתיים", "the 2 years")
                    );
                    assert_eq!(count(&extra_he.draws), "שתי הגרלות");
                }
                _ => {
                    assert_eq!(he_years, format!("{n} שנים"));
                    assert_eq!(en_years, format!("{n} years"));
                    assert_eq!(he_the, format!("{n} השנים"));
                    assert_eq!(en_the, format!("the {n} years"));
                    assert_eq!(count(&extra_he.draws), format!("{n} הגרלות"));
                    assert_eq!(count(&extra_en.draws), format!("{n} draws"));
                }
            }
            for saved in [
                &extra_he.saved_skipped,
                &extra_he.saved_newer,
                &extra_en.saved_skipped,
                &extra_en.saved_newer,
            ] {
                let said = count(saved);
                assert!(
                    n < 3 || said.split_whitespace().any(|word| word == n.to_string()),
                    "{said}"
                );
            }
        }
        // The horizon's slots, as the templates take them.
        assert_eq!(
            fill_plain(en.net_gain_label, &template::slots(&en.horizon(1.0))),
            "Net gain from investing over \u{2068}1 year\u{2069}, in today's money"
        );
        assert_eq!(
            fill_plain(he.net_gain_within_label, &template::slots(&he.horizon(2.0))),
            "מתוכו, בתוך \u{2068}השנתיים\u{2069} בלבד"
        );
    }

    /// The slots that take a present value: a discounted sum, never cash paid.
    const PRESENT_VALUES: [&str; 6] = [
        "{lost}", "{gain}", "{loss}", "{within}", "{after}", "{budget}",
    ];

    /// How each language says "in today's money" (docs/glossary.md, "today's money").
    fn todays_money(language: Language) -> &'static str {
        match language {
            Language::English => "today's money",
            Language::Hebrew => "בכסף של היום",
        }
    }

    /// Every sentence that shows a present value says it is in today's money, in that
    /// sentence. The comparison's cells say it in their row's label instead.
    #[test]
    fn every_present_value_is_said_to_be_in_todays_money() {
        for language in Language::ALL {
            let term = todays_money(language);
            let mut checked = 0;
            for (name, text) in all_words(language) {
                if name == "extra.compare_gain_total" || name == "extra.compare_gain_within" {
                    assert!(language.extra_texts().compare_gain_label.contains(term));
                    continue;
                }
                for sentence in text.split(". ") {
                    if PRESENT_VALUES.iter().any(|slot| sentence.contains(slot)) {
                        checked += 1;
                        assert!(
                            sentence.contains(term),
                            "{language:?} {name}: «{sentence}» shows a present value without «{term}»"
                        );
                    }
                }
            }
            assert!(checked >= 10, "{language:?}: {checked} sentences checked");
        }
    }

    /// No template calls a present value a payment: the clause a present value sits in has
    /// no word of paying (the cash paid has a slot of its own, `{cash}`).
    #[test]
    fn no_template_calls_a_present_value_a_payment() {
        let paying: [(Language, &[&str]); 2] = [
            (Language::English, &["pay", "paid", "costs", "spend"]),
            (
                Language::Hebrew,
                &["תשלום", "תשלומים", "משלמים", "שולם", "עולה", "הוצאה"],
            ),
        ];
        for (language, words) in paying {
            for (name, text) in all_words(language) {
                for clause in text.split([',', ';', ':', '.', '(', ')']) {
                    if !PRESENT_VALUES.iter().any(|slot| clause.contains(slot)) {
                        continue;
                    }
                    for word in words {
                        assert!(
                            !clause.contains(word),
                            "{language:?} {name}: «{clause}» calls a present value «{word}»"
                        );
                    }
                }
            }
        }
        // The headline's sentences show the cash beside it.
        for language in Language::ALL {
            let texts = language.texts();
            for template in [
                texts.sentence_gain,
                texts.sentence_loss,
                texts.sentence_gain_horizon_only,
                texts.sentence_loss_horizon_only,
            ] {
                assert!(template.contains("{cash}") && template.contains("{budget}"));
            }
        }
    }

    /// "Pays off" means getting one's money back; the chance and the reverse questions count
    /// a net gain above zero, and say so. Only the payback month speaks of paying back.
    #[test]
    fn no_sentence_says_investing_pays_off() {
        for (name, text) in all_words(Language::English) {
            for phrase in ["pays off", "still pays", "would pay", "investing pay"] {
                assert!(!text.contains(phrase), "{name}: {text}");
            }
        }
        for language in Language::ALL {
            let texts = language.texts();
            let extra = language.extra_texts();
            let gain = match language {
                Language::English => "net gain",
                Language::Hebrew => "נקי",
            };
            for text in [
                texts.question_budget,
                texts.question_share,
                texts.question_chance,
                texts.answer_chance,
                extra.chance_of_gain,
            ] {
                assert!(text.contains(gain), "{language:?}: {text}");
            }
        }
    }

    /// The unit beside every input, and every counted phrase, for the counts a reader
    /// meets: "1 customer", "customers" beside 2, "שנה" beside 1, "שנתיים" in prose.
    #[test]
    fn every_unit_and_count_agrees_with_its_number() {
        use cvc_model::fields::Unit;
        let counts = [0_u32, 1, 2, 3, 10, 11, 21, 100];
        for language in Language::ALL {
            let texts = language.texts();
            for field in Field::ALL {
                let unit = field.spec().unit;
                for n in counts {
                    let word = texts.unit_word(unit, Some(f64::from(n)));
                    let expected = match (unit, n == 1) {
                        (Unit::Customers, true) => Some(texts.unit_customer),
                        (Unit::Customers, false) => Some(texts.unit_customers),
                        (Unit::Years, true) => Some(texts.unit_year),
                        (Unit::Years, false) => Some(texts.unit_years),
                        (Unit::Money | Unit::Share, _) => None,
                    };
                    assert_eq!(word, expected, "{language:?} {field:?} {n}");
                }
            }
        }
        let he = Language::Hebrew.texts();
        let en = Language::English.texts();
        assert_eq!(
            (en.unit_customer, en.unit_customers),
            ("customer", "customers")
        );
        assert_eq!((he.unit_customer, he.unit_customers), ("לקוח", "לקוחות"));
        assert_eq!((en.unit_year, he.unit_year), ("year", "שנה"));
        for n in counts {
            let written = n.to_string();
            let (he_said, en_said) = (
                he.customers.count(f64::from(n), &written),
                en.customers.count(f64::from(n), &written),
            );
            match n {
                1 => assert_eq!(
                    (he_said.as_str(), en_said.as_str()),
                    ("לקוח אחד", "1 customer")
                ),
                2 => assert_eq!(
                    (he_said.as_str(), en_said.as_str()),
                    ("שני לקוחות", "2 customers")
                ),
                _ => {
                    assert_eq!(he_said, format!("{n} לקוחות"));
                    assert_eq!(en_said, format!("{n} customers"));
                }
            }
        }
    }

    /// Ranges are written with words, each end isolated, never with a dash that Hebrew
    /// prose would turn around.
    #[test]
    fn ranges_are_written_with_words() {
        assert_eq!(
            Language::English.texts().range("12%", "14%"),
            "\u{2068}12%\u{2069} to \u{2068}14%\u{2069}"
        );
        assert_eq!(
            Language::Hebrew.texts().range("12%", "14%"),
            "\u{2068}12%\u{2069} עד \u{2068}14%\u{2069}"
        );
        for language in Language::ALL {
            for (name, text) in all_words(language) {
                let dashed = text
                    .split('–')
                    .skip(1)
                    .any(|after| after.starts_with(|c: char| c.is_ascii_digit()));
                assert!(!dashed, "{language:?} {name}: a range with a dash: {text}");
            }
        }
    }

    /// The currency list offers the same currencies, in the same order, in every language.
    #[test]
    fn every_language_names_the_same_currencies() {
        let codes = |language: Language| -> Vec<&str> {
            language
                .texts()
                .currencies
                .iter()
                .map(|(code, _)| *code)
                .collect()
        };
        for language in Language::ALL {
            assert_eq!(codes(language), ["ILS", "USD", "EUR", "GBP"]);
            for (code, name) in language.texts().currencies {
                assert_ne!(code, name, "{language:?}: a name, not the code");
            }
        }
    }

    /// The source files of the calculator outside this folder, as text.
    fn code_outside_the_words(with_tables: bool) -> String {
        fn read(dir: &std::path::Path, with_tables: bool, out: &mut String) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    read(&path, with_tables, out);
                } else if path.extension().is_some_and(|ext| ext == "rs")
                    && !path.ends_with("words/en.rs")
                    && !path.ends_with("words/he.rs")
                    && !path.ends_with("words/mod.rs")
                    && (with_tables || !path.to_string_lossy().contains("/words/"))
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
                }
            }
        }
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut code = String::new();
        for krate in ["core", "browser", "view", "page", "extras", "embed", "cli"] {
            read(&crates.join(krate).join("src"), with_tables, &mut code);
        }
        code
    }

    /// A word of the tables that nothing shows is a word nobody reads (or forgot to show).
    #[test]
    fn every_word_of_the_tables_is_shown_somewhere() {
        // The tables' own methods (the year-by-year columns) count as showing their words.
        let code = code_outside_the_words(true);
        let mut names: Vec<String> = all_words(Language::English)
            .into_iter()
            .filter(|(name, _)| {
                name.starts_with("texts.")
                    || name.starts_with("extra.")
                    || name.starts_with("embed.")
                    || name.starts_with("lead.")
            })
            .filter_map(|(name, _)| name.split('.').nth(1).map(str::to_string))
            .collect();
        names.dedup();
        for name in names {
            let used = code.contains(&format!(".{name}"));
            assert!(used, "the word `{name}` is shown nowhere");
        }
    }

    /// No view fills a template by hand, which would put a figure in without isolating it.
    #[test]
    fn templates_are_filled_only_through_fill() {
        let code = code_outside_the_words(false);
        assert!(!code.contains(".replace(\"{"), "a template filled by hand");
    }

    /// The glossary's forbidden variants (docs/glossary.md, its last column) appear in no
    /// Hebrew string.
    #[test]
    fn no_hebrew_word_uses_a_variant_the_glossary_forbids() {
        let glossary = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/glossary.md"),
        )
        .expect("docs/glossary.md");
        // The glossary's own table: from its header to the first line that is not a row
        // (the tables after it, of counts, are examples, not terms).
        let forbidden: Vec<String> = glossary
            .lines()
            .skip_while(|line| !line.starts_with("| concept"))
            .take_while(|line| line.starts_with('|'))
            .filter(|line| {
                line.starts_with("| ")
                    && !line.starts_with("| concept")
                    && !line.starts_with("|---")
            })
            .filter_map(|line| {
                line.trim_end_matches('|')
                    .rsplit('|')
                    .next()
                    .map(str::trim)
                    .map(str::to_string)
            })
            .flat_map(|cell| {
                cell.split(" / ")
                    .map(|variant| variant.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|variant| !variant.is_empty())
            .collect();
        assert!(
            forbidden.len() >= 10,
            "the glossary lists {} variants",
            forbidden.len()
        );
        for (name, text) in all_words(Language::Hebrew) {
            for variant in &forbidden {
                assert!(
                    !text.contains(variant.as_str()),
                    "{name} uses «{variant}»: {text}"
                );
            }
        }
        for language in Language::ALL {
            for (name, text) in all_words(language) {
                assert!(
                    !text.contains("1 years") && !text.contains("1 שנים"),
                    "{name}: {text}"
                );
            }
        }
    }
}
