//! The notice about what a link, a file, an embed's attributes or a saved scenario had
//! that was not taken: its type, and its words, one line per field in the reader's
//! language. Pure, so it is tested natively; the text from outside is only ever shown as
//! text. The page draws it (`crates/page/src/components/notice_banner.rs`).

use crate::codec::field_reader::{Reading, Unknown};
use crate::words::{field_text, strip_format_characters, Language, ISOLATE};
use cvc_model::fields::FieldError;
use cvc_model::fields::{FieldName, Problem};

/// Where a scenario that was read came from, for the notice about what was ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Link,
    File,
    Attributes,
    Saved,
    /// The `scenario` property of the custom element, set by the host page's script.
    Property,
}

/// What was ignored when a scenario was read from a link, a file or attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub source: Source,
    pub problems: Vec<FieldError>,
    pub unknown: Unknown,
}

impl Notice {
    /// The notice a reading calls for, if anything in it was ignored.
    pub fn of(reading: Reading, source: Source) -> Option<Notice> {
        reading.ignored_anything().then_some(Notice {
            source,
            problems: reading.problems,
            unknown: reading.unknown,
        })
    }
}

/// The heading and one line per ignored setting.
pub fn describe(language: Language, notice: &Notice) -> (&'static str, Vec<String>) {
    let texts = language.texts();
    let heading = match notice.source {
        Source::Link => texts.notice_link,
        Source::File => texts.notice_file,
        Source::Attributes => texts.notice_attributes,
        Source::Saved => texts.notice_saved,
        Source::Property => texts.notice_property,
    };
    let mut lines: Vec<String> = notice
        .problems
        .iter()
        .map(|error| {
            let name = match error.field {
                FieldName::Numeric(field) => field_text(language, field).label.to_string(),
                FieldName::Range(field) => format!(
                    "{} {}",
                    field_text(language, field).label,
                    texts.range_suffix
                ),
                FieldName::Currency => texts.currency_label.to_string(),
                FieldName::CountAfterHorizon => texts.count_after_horizon_label.to_string(),
                FieldName::Draws => texts.draws_label.to_string(),
                FieldName::SchemaVersion | FieldName::Document => String::new(),
            };
            let allowed = match (error.field, &error.problem) {
                (
                    FieldName::Numeric(field) | FieldName::Range(field),
                    Problem::OutOfRange(_) | Problem::NotWhole(_),
                ) => Some(allowed_range(texts, field)),
                _ => None,
            };
            let reason = match &error.problem {
                _ if allowed.is_some() => allowed.as_deref().unwrap_or_default(),
                Problem::OutOfRange(_) | Problem::NotWhole(_) | Problem::NotFinite => {
                    texts.reason_out_of_range
                }
                Problem::Missing => texts.reason_missing,
                Problem::WrongType(_) => texts.reason_wrong_type,
                Problem::NotCurrencyCode(_) => texts.reason_currency,
                Problem::NewerSchema(_) => texts.reason_newer,
                Problem::Unreadable(_) => texts.reason_unreadable,
                Problem::NotANumber(_) => texts.reason_not_number,
                Problem::Repeated => texts.reason_repeated,
                Problem::LowAboveHigh { .. } | Problem::RangeExcludesValue { .. } => {
                    texts.reason_range
                }
            };
            if name.is_empty() {
                reason.to_string()
            } else {
                format!("{name}: {reason}")
            }
        })
        .collect();
    // A key from outside is isolated on its own, so that a Latin key in a Hebrew line stays
    // in its place and the line keeps the reader's direction; only a few are named, and
    // only those shaped like a setting's name (the reader decides which), the rest counted.
    lines.extend(
        notice
            .unknown
            .named
            .iter()
            .map(|key| labelled_echo(&strip_format_characters(key), texts.reason_unknown)),
    );
    let others = notice.unknown.others;
    if others > 0 {
        let counted = if notice.unknown.named.is_empty() {
            &texts.unknown_settings
        } else {
            &texts.unknown_others
        };
        lines.push(counted.count(others as f64, &others.to_string()));
    }
    (heading, lines)
}

/// What a link, a file or an attribute may give a field, as they write it (a share as a
/// fraction, 0.4 for 40%), so that whoever wrote it can see what to fix.
fn allowed_range(texts: &crate::words::Texts, field: cvc_model::Field) -> String {
    let spec = field.spec();
    // Ends that can be written back and pass: 1/12 of a year as 0.0834, not 0.08333…, and
    // a margin that must be above 0 from 0.0001.
    let (mut min, max) = crate::numbers::shown_range(spec.min, spec.max, 4);
    if spec.min_exclusive && min <= spec.min {
        min += 0.0001;
    }
    let (min, max) = (
        crate::codec::decimal::shortest(min),
        crate::codec::decimal::shortest(max),
    );
    // In words, never with a dash, whose two ends change places in a Hebrew line
    // (docs/glossary.md, "Ranges"); each end isolated.
    let range = crate::words::fill_plain(texts.range_words, &[("low", &min), ("high", &max)]);
    let mut said = crate::words::labelled(texts.reason_out_of_range, &range);
    if spec.unit == cvc_model::fields::Unit::Share {
        said.push_str(texts.reason_share_hint);
    }
    said
}

/// A line about text from outside (`key`), isolated on its own, and what was wrong with it.
pub fn labelled_echo(key: &str, reason: &str) -> String {
    format!("{}{key}{}: {reason}", ISOLATE.0, ISOLATE.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::link::decode;

    /// What the notice about `link` says, its lines joined, without the isolating marks.
    fn said_of(link: &str, language: Language) -> String {
        let reading = decode(link).reading;
        let notice = Notice {
            source: Source::Link,
            problems: reading.problems,
            unknown: reading.unknown,
        };
        let (_, lines) = describe(language, &notice);
        strip_format_characters(&lines.join(" | "))
    }

    #[test]
    fn a_value_out_of_range_says_what_is_allowed_as_a_link_writes_it() {
        let link = "?unhappy_share_now=40&customer_lifetime_years=0.01&profit_margin=0";
        let said = said_of(link, Language::English);
        assert!(
            said.contains("outside its allowed range: 0 to 1 (as a fraction: 0.4 for 40%)"),
            "{said}"
        );
        assert!(said.contains("allowed range: 0.0834 to "), "{said}");
        assert!(said.contains("range: 0.0001 to 1"), "{said}");
        let said = said_of(link, Language::Hebrew);
        assert!(
            said.contains("מחוץ לטווח המותר: 0 עד 1 (כשבר: 0.4 במקום 40%)"),
            "{said}"
        );
    }

    #[test]
    fn a_known_setting_with_a_hostile_value_is_named_without_its_value() {
        for link in [
            "?accent=url(http://evil.example/x)",
            "?accent=red;%20background:x",
            "?accent=%2312",
        ] {
            let said = said_of(link, Language::English);
            assert!(said.starts_with("accent: "), "{link}: {said}");
            assert!(
                !said.contains("evil") && !said.contains("background"),
                "{said}"
            );
        }
    }

    #[test]
    fn every_ignored_setting_gets_a_line_in_the_readers_language() {
        let link = decode("?unhappy_share_now=7&unhappy_share_now=8&currency=usd&colour=red&lifetime_profit_range=9..1");
        let notice = Notice {
            source: Source::Link,
            problems: link.reading.problems,
            unknown: link.reading.unknown,
        };
        let (heading, lines) = describe(Language::English, &notice);
        assert_eq!(heading, "Some settings in the link were ignored:");
        assert_eq!(
            lines,
            vec![
                "Customers served badly today: given twice",
                "Currency: not a currency code",
                "Profit from a well-served customer (range): a range that leaves out the figure",
                "\u{2068}colour\u{2069}: not recognised",
            ]
        );
        let (heading, lines) = describe(Language::Hebrew, &notice);
        assert_eq!(heading, "חלק מההגדרות בקישור לא נקלטו:");
        assert_eq!(
            lines[3], "\u{2068}colour\u{2069}: לא מוכר",
            "only the key is isolated"
        );
        assert_eq!(
            lines[0],
            "לקוחות שמקבלים היום שירות גרוע: מופיע יותר מפעם אחת"
        );
    }

    /// A link of 150 unknown keys, one of them a right-to-left override with words, gets a
    /// short notice: a few keys named, the rest counted, no format character and none of
    /// the attacker's words.
    #[test]
    fn a_hostile_link_gets_a_short_notice_without_its_words() {
        let mut query: String = (0..150).map(|i| format!("k{i}=1&")).collect();
        query.insert_str(
            0,
            "%E2%80%AEmoc.elpmaxe-live%20ta%20nigol=1&login%20at%20evil=1&",
        );
        let link = decode(&query);
        let notice = Notice::of(link.reading, Source::Link).expect("a notice");
        for language in Language::ALL {
            let (_, lines) = describe(language, &notice);
            assert!(lines.len() <= 5, "{language:?}: {lines:?}");
            for line in &lines {
                assert!(
                    !line.chars().any(|c| crate::words::is_format_character(c)
                        && c != ISOLATE.0
                        && c != ISOLATE.1),
                    "{line:?}"
                );
                assert!(
                    !line.contains("evil") && !line.contains("nigol"),
                    "{line:?}"
                );
            }
        }
        let (_, lines) = describe(Language::English, &notice);
        assert_eq!(
            lines,
            [
                "\u{2068}k0\u{2069}: not recognised",
                "\u{2068}k1\u{2069}: not recognised",
                "\u{2068}k2\u{2069}: not recognised",
                "and 97 more settings not recognised",
            ],
            "the link reads at most 100 parameters"
        );
        let only_unshaped = decode("?%3Cimg%20src%3Dx%3E=1");
        let notice = Notice::of(only_unshaped.reading, Source::Link).expect("a notice");
        assert_eq!(
            describe(Language::English, &notice).1,
            ["An unrecognised setting"]
        );
    }
}
