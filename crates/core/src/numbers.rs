//! Reading numbers as people type them: the locale's decimal and thousands separators,
//! currency and percent signs, and the invisible direction marks that Hebrew text carries.
//! Pure, so it is tested natively.

use crate::codec::decimal;
use cvc_model::fields::Unit;

/// The separators of the reader's locale, from `Intl.NumberFormat` in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberSyntax {
    pub decimal: char,
    pub group: char,
}

impl NumberSyntax {
    /// English and Hebrew both write 1,234.5.
    pub const DOT_DECIMAL: NumberSyntax = NumberSyntax {
        decimal: '.',
        group: ',',
    };
    /// Much of Europe writes 1.234,5.
    pub const COMMA_DECIMAL: NumberSyntax = NumberSyntax {
        decimal: ',',
        group: '.',
    };
}

impl Default for NumberSyntax {
    fn default() -> Self {
        NumberSyntax::DOT_DECIMAL
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseProblem {
    /// Nothing typed.
    Empty,
    /// Typed, but not a number.
    NotANumber,
    /// Digits grouped other than in threes, as in "1,2,3" or "12,34,567".
    Grouping,
    /// A sign that does not belong to the field: "%" where no share is asked, or a
    /// currency sign where no money is.
    MisplacedSign(char),
}

/// What a field holds, which decides the signs that may be typed beside its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// An amount of money: a currency sign may go with it.
    Money,
    /// A percentage: a percent sign may go with it.
    Percent,
    /// A count or a number of years: no sign.
    Plain,
}

impl NumberKind {
    pub fn of(unit: Unit) -> NumberKind {
        match unit {
            Unit::Money => NumberKind::Money,
            Unit::Share => NumberKind::Percent,
            Unit::Customers | Unit::Years => NumberKind::Plain,
        }
    }

    fn allows(self, sign: char) -> bool {
        match self {
            NumberKind::Money => CURRENCY_SIGNS.contains(&sign),
            NumberKind::Percent => sign == '%',
            NumberKind::Plain => false,
        }
    }
}

const CURRENCY_SIGNS: [char; 4] = ['₪', '$', '€', '£'];

/// The shekel as Israeli owners write it beside an amount, in words and abbreviations
/// (Latin ones in any letter case): taken away, as its sign is.
const SHEKEL_WORDS: [&str; 6] = ["ש״ח", "ש\"ח", "ש''ח", "שח", "NIS", "ILS"];

/// Invisible marks that Hebrew text and copied numbers carry; they mean nothing here.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Spaces of every width, and the apostrophe Swiss writing uses: these group thousands.
fn is_space_group(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\'')
}

/// Parses a number typed in the given locale syntax, for a field of the given kind.
///
/// - Digits may be grouped in threes by the locale's group separator or by spaces; any
///   other grouping ("1,2,3") is an error rather than a guess.
/// - Where the locale writes a decimal point, a lone comma followed by one or two digits
///   is read as a decimal comma in a share or a count ("1,5" is 1.5; "1,500" is 1500),
///   and the other way round for locales that write a decimal comma. Followed by four
///   digits or more ("60,0000"), or in an amount of money ("20,00": 2,000 mistyped, or
///   twenty with cents?), it is a grouping error: read as a decimal mark, one slip of a
///   key would make the amount a thousandth of what the owner meant, silently.
/// - A currency sign may stand before or after an amount of money, and a percent sign
///   after a share; anywhere else they are errors, so that "5%" typed as money is not
///   quietly read as 5.
pub fn parse_number(
    text: &str,
    syntax: NumberSyntax,
    kind: NumberKind,
) -> Result<f64, ParseProblem> {
    let cleaned: String = text
        .chars()
        .filter(|c| !is_direction_mark(*c))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let is_space = |c: char| c.is_whitespace() || c == '\u{00A0}';
    let mut body = cleaned.trim_matches(is_space);
    if kind == NumberKind::Money {
        // A shekel word once at either end, as a sign would be (by slices: a search for
        // each word in the text would cost every main module half a kilobyte).
        let at_end = |body: &str, word: &str| {
            let cut = body.len().saturating_sub(word.len());
            body.get(cut..)
                .is_some_and(|end| end.eq_ignore_ascii_case(word))
        };
        let at_start = |body: &str, word: &str| {
            body.get(..word.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(word))
        };
        if let Some(word) = SHEKEL_WORDS.iter().find(|word| at_end(body, word)) {
            body = body[..body.len() - word.len()].trim_matches(is_space);
        }
        if let Some(word) = SHEKEL_WORDS.iter().find(|word| at_start(body, word)) {
            body = body[word.len()..].trim_matches(is_space);
        }
    }
    // A sign may stand at the start or at the end, once.
    let is_sign = |c: char| CURRENCY_SIGNS.contains(&c) || c == '%';
    for at_start in [true, false] {
        let end = if at_start {
            body.chars().next()
        } else {
            body.chars().next_back()
        };
        let Some(sign) = end.filter(|c| is_sign(*c)) else {
            continue;
        };
        if !kind.allows(sign) {
            return Err(ParseProblem::MisplacedSign(sign));
        }
        body = if at_start {
            &body[sign.len_utf8()..]
        } else {
            &body[..body.len() - sign.len_utf8()]
        }
        .trim_matches(is_space);
    }
    if body.is_empty() {
        return Err(ParseProblem::Empty);
    }
    if let Some(sign) = body
        .chars()
        .find(|c| CURRENCY_SIGNS.contains(c) || *c == '%')
    {
        return Err(if kind.allows(sign) {
            ParseProblem::NotANumber
        } else {
            ParseProblem::MisplacedSign(sign)
        });
    }
    let normalised = normalise(body, syntax, kind)?;
    decimal::parse(&normalised).ok_or(ParseProblem::NotANumber)
}

/// Rewrites a typed number as plain decimal text: sign, digits, one point, exponent.
fn normalise(body: &str, syntax: NumberSyntax, kind: NumberKind) -> Result<String, ParseProblem> {
    let (sign, unsigned) = match body.strip_prefix(['-', '+']) {
        Some(rest) => (&body[..1], rest),
        None => ("", body),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at..]),
        None => (unsigned, ""),
    };
    let (decimal, group) = (syntax.decimal, syntax.group);
    // A lone group separator followed by one or two digits, in a share or a count, is the
    // other decimal mark; anywhere else it groups thousands (and must group them in threes).
    let decimal = if kind != NumberKind::Money
        && !mantissa.contains(decimal)
        && mantissa.matches(group).count() == 1
        && mantissa.split_once(group).is_some_and(|(_, after)| {
            (1..=2).contains(&after.len()) && after.bytes().all(|b| b.is_ascii_digit())
        }) {
        group
    } else {
        decimal
    };
    let (whole, fraction) = match mantissa.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    if let Some(fraction) = fraction {
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(
                if fraction.chars().any(|c| c == group || is_space_group(c)) {
                    ParseProblem::Grouping
                } else {
                    ParseProblem::NotANumber
                },
            );
        }
    }
    let digits = ungroup(whole, group)?;
    let mut plain = format!("{sign}{digits}");
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.push_str(exponent);
    Ok(plain)
}

/// The digits of a whole part, with its grouping checked: one separator throughout, a
/// first group of one to three digits and then groups of exactly three.
fn ungroup(whole: &str, group: char) -> Result<String, ParseProblem> {
    let separators: Vec<char> = whole
        .chars()
        .filter(|c| *c == group || is_space_group(*c))
        .collect();
    if whole
        .chars()
        .any(|c| !c.is_ascii_digit() && c != group && !is_space_group(c))
    {
        return Err(ParseProblem::NotANumber);
    }
    let Some(&separator) = separators.first() else {
        return Ok(whole.to_string());
    };
    if separators.iter().any(|c| *c != separator) {
        return Err(ParseProblem::Grouping);
    }
    let mut groups = whole.split(separator);
    let first = groups.next().unwrap_or("");
    let grouped_in_threes = (1..=3).contains(&first.len()) && groups.all(|group| group.len() == 3);
    if grouped_in_threes {
        Ok(whole.chars().filter(char::is_ascii_digit).collect())
    } else {
        Err(ParseProblem::Grouping)
    }
}

/// A value written back into a form field: plain, no grouping, at most ten significant
/// digits so that 0.15 × 100 shows as 15 and not 15.000000000000002.
pub fn draft_text(value: f64, syntax: NumberSyntax) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let magnitude = if value == 0.0 {
        0
    } else {
        value.abs().log10().floor() as i32
    };
    let decimals = (9 - magnitude).clamp(0, 12) as u8;
    let mut text = decimal::fixed(value, decimals);
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if text == "-0" {
        text = "0".to_string();
    }
    if syntax.decimal == ',' {
        text = text.replace('.', ",");
    }
    text
}

/// An allowed range as shown with `decimals` fraction digits: the low end rounded up and
/// the high end down, so that both figures a message shows can be typed back and pass.
/// (1/12 of a year shows as 0.09, not as 0.08, which would be refused.)
pub fn shown_range(min: f64, max: f64, decimals: i32) -> (f64, f64) {
    let scale = 10f64.powi(decimals);
    ((min * scale).ceil() / scale, (max * scale).floor() / scale)
}

/// The first slider position at or above `min` on a grid of `step`, so that every position
/// is a round, allowed value (a lifetime slider runs 0.5, 1, 1.5 … rather than from 1/12).
pub fn slider_start(min: f64, step: f64) -> f64 {
    if step > 0.0 {
        (min / step).ceil() * step
    } else {
        min
    }
}

/// How a chance estimated from random draws is said: as it is, or, where it would show as
/// 100% or 0% (the share is written to a tenth of a percent), as more than 99.9% or less
/// than 0.1%. A share of draws, however many, is an estimate: it never says "certain".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChanceShown {
    As(f64),
    MoreThan(f64),
    LessThan(f64),
}

pub fn chance_shown(probability: f64) -> ChanceShown {
    const EDGE: f64 = 0.001;
    if probability > 1.0 - EDGE {
        ChanceShown::MoreThan(1.0 - EDGE)
    } else if probability < EDGE {
        ChanceShown::LessThan(EDGE)
    } else {
        ChanceShown::As(probability)
    }
}

/// A share typed as a fraction (0.4 where 40% was meant): the share the same figure would
/// be as a percentage, for a note beside the field; `value` is the share read, in model
/// units (0.004 for 0.4%). Only from 0.01% to below 1%, where a fraction is the likelier
/// slip than a share that small, and where the share meant is a whole percent or more.
pub fn share_meant_as_fraction(value: f64) -> Option<f64> {
    (0.0001..0.01).contains(&value).then_some(value * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberSyntax = NumberSyntax::DOT_DECIMAL;
    const DE: NumberSyntax = NumberSyntax::COMMA_DECIMAL;
    /// Hebrew writes numbers as English does: 1,234.5.
    const HE: NumberSyntax = NumberSyntax::DOT_DECIMAL;
    use NumberKind::{Money, Percent, Plain};

    #[test]
    fn reads_plain_and_grouped_numbers() {
        for syntax in [EN, HE] {
            assert_eq!(parse_number("2000", syntax, Money), Ok(2000.0));
            assert_eq!(parse_number("20,000", syntax, Money), Ok(20_000.0));
            assert_eq!(parse_number("1,234,567.5", syntax, Money), Ok(1_234_567.5));
            assert_eq!(parse_number(" 0.3 ", syntax, Plain), Ok(0.3));
            assert_eq!(parse_number(".5", syntax, Plain), Ok(0.5));
            assert_eq!(parse_number("1e6", syntax, Money), Ok(1e6));
            assert_eq!(parse_number("1 000 000", syntax, Money), Ok(1e6));
            assert_eq!(parse_number("1\u{202F}000", syntax, Money), Ok(1000.0));
        }
    }

    #[test]
    fn reads_the_locales_separators() {
        assert_eq!(parse_number("1.234,5", DE, Money), Ok(1234.5));
        assert_eq!(parse_number("20.000", DE, Money), Ok(20_000.0));
        assert_eq!(parse_number("0,3", DE, Plain), Ok(0.3));
        assert_eq!(
            parse_number("1.5", DE, Plain),
            Ok(1.5),
            "a lone point that groups nothing"
        );
    }

    #[test]
    fn a_lone_comma_is_a_decimal_comma_unless_it_groups_thousands() {
        assert_eq!(parse_number("1,5", EN, Plain), Ok(1.5));
        assert_eq!(parse_number("0,25", HE, Percent), Ok(0.25));
        assert_eq!(parse_number("1,500", EN, Money), Ok(1500.0));
        assert_eq!(parse_number("1.5", DE, Plain), Ok(1.5));
    }

    #[test]
    fn a_chance_is_never_said_to_be_certain_or_impossible() {
        assert_eq!(chance_shown(0.99985), ChanceShown::MoreThan(0.999));
        assert_eq!(chance_shown(1.0), ChanceShown::MoreThan(0.999));
        assert_eq!(chance_shown(0.0), ChanceShown::LessThan(0.001));
        assert_eq!(chance_shown(0.0004), ChanceShown::LessThan(0.001));
        assert_eq!(chance_shown(0.999), ChanceShown::As(0.999));
        assert_eq!(chance_shown(0.42), ChanceShown::As(0.42));
        assert_eq!(chance_shown(0.001), ChanceShown::As(0.001));
    }

    #[test]
    fn a_share_typed_as_a_fraction_is_read_as_typed_and_the_meant_share_named() {
        // 0.4 typed in a percentage field is 0.4%: the value stays as typed, and the note
        // names the 40% a fraction would have meant.
        let typed = parse_number("0.4", EN, Percent).map(|percent| percent / 100.0);
        assert_eq!(typed, Ok(0.004));
        let meant = |value| share_meant_as_fraction(value).map(|meant| (meant * 1e9).round() / 1e9);
        assert_eq!(meant(0.004), Some(0.4));
        assert_eq!(meant(0.0001), Some(0.01));
        assert_eq!(meant(0.0099), Some(0.99));
        // What to type for it, as the note writes it.
        assert_eq!(draft_text(0.004 * 100.0 * 100.0, EN), "40");
        assert_eq!(draft_text(0.00125 * 100.0 * 100.0, DE), "12,5");
        // 1% and more, 0, and what would mean less than 1% again: no note.
        for value in [0.01, 0.4, 1.0, 0.0, 0.00009, -0.004] {
            assert_eq!(share_meant_as_fraction(value), None, "{value}");
        }
    }

    #[test]
    fn the_shekel_written_in_words_is_read_as_its_sign() {
        for (text, amount) in [
            ("5,000 ש״ח", 5_000.0),
            ("ש\"ח 1,200", 1_200.0),
            ("750ש''ח", 750.0),
            ("300 שח", 300.0),
            ("nis 2,500", 2_500.0),
            ("2500 ILS", 2_500.0),
            ("₪ 40", 40.0),
        ] {
            assert_eq!(parse_number(text, HE, Money), Ok(amount), "{text}");
        }
        // Only beside an amount, once at each end, and only in money.
        assert_eq!(
            parse_number("5 ש״ח 5", HE, Money),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(parse_number("ש״ח", HE, Money), Err(ParseProblem::Empty));
        assert_eq!(
            parse_number("5 NIS ש״ח", HE, Money),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(parse_number("NIS 5 ש״ח", HE, Money), Ok(5.0));
        assert!(parse_number("40 ש״ח", HE, Percent).is_err());
        assert!(parse_number("40 NIS", EN, Plain).is_err());
    }

    #[test]
    fn a_slip_of_the_comma_is_never_read_as_a_smaller_amount() {
        // 600,000 with one zero too many, 2,000 with the comma a place off: refused,
        // where a decimal comma would have made them 60 and 20.
        for syntax in [EN, HE] {
            for text in ["60,0000", "20,00", "1,23", "2,5", "₪ 20,00"] {
                assert_eq!(
                    parse_number(text, syntax, Money),
                    Err(ParseProblem::Grouping),
                    "{text}"
                );
            }
            assert_eq!(
                parse_number("0,0833", syntax, Plain),
                Err(ParseProblem::Grouping)
            );
            assert_eq!(
                parse_number("40,0000", syntax, Percent),
                Err(ParseProblem::Grouping)
            );
        }
        assert_eq!(
            parse_number("20.00", DE, Money),
            Err(ParseProblem::Grouping)
        );
        assert_eq!(parse_number("20,5", DE, Money), Ok(20.5));
    }

    #[test]
    fn grouping_must_be_in_threes() {
        for syntax in [EN, HE] {
            for text in [
                "1,2,3",
                "12,34,567",
                "1,23,456.5",
                "1234,567",
                "1,000,00",
                "1 00",
                "1,000 000",
            ] {
                assert_eq!(
                    parse_number(text, syntax, Money),
                    Err(ParseProblem::Grouping),
                    "{text}"
                );
            }
            assert_eq!(
                parse_number("1.5,3", syntax, Money),
                Err(ParseProblem::Grouping)
            );
        }
        assert_eq!(
            parse_number("1.2.3", DE, Money),
            Err(ParseProblem::Grouping)
        );
        assert_eq!(
            parse_number("1.234.56", DE, Money),
            Err(ParseProblem::Grouping)
        );
    }

    #[test]
    fn signs_belong_only_to_their_fields() {
        for syntax in [EN, HE] {
            assert_eq!(parse_number("₪ 20,000", syntax, Money), Ok(20_000.0));
            assert_eq!(parse_number("20,000 ₪", syntax, Money), Ok(20_000.0));
            assert_eq!(parse_number("$1,000", syntax, Money), Ok(1000.0));
            assert_eq!(parse_number("40%", syntax, Percent), Ok(40.0));
            assert_eq!(parse_number("40 %", syntax, Percent), Ok(40.0));
            assert_eq!(
                parse_number("5%", syntax, Money),
                Err(ParseProblem::MisplacedSign('%'))
            );
            assert_eq!(
                parse_number("5%", syntax, Plain),
                Err(ParseProblem::MisplacedSign('%'))
            );
            assert_eq!(
                parse_number("₪5", syntax, Percent),
                Err(ParseProblem::MisplacedSign('₪'))
            );
            assert_eq!(
                parse_number("€5", syntax, Plain),
                Err(ParseProblem::MisplacedSign('€'))
            );
            assert_eq!(
                parse_number("2₪0", syntax, Money),
                Err(ParseProblem::NotANumber)
            );
            assert_eq!(
                parse_number("%%5", syntax, Percent),
                Err(ParseProblem::NotANumber)
            );
        }
    }

    #[test]
    fn ignores_direction_marks_and_reads_minus_signs() {
        assert_eq!(
            parse_number("\u{200F}20,000\u{00A0}\u{200F}₪", HE, Money),
            Ok(20_000.0)
        );
        assert_eq!(parse_number("\u{2066}40%\u{2069}", HE, Percent), Ok(40.0));
        assert_eq!(parse_number("−5", EN, Plain), Ok(-5.0));
        assert_eq!(
            parse_number("-0", EN, Plain).map(f64::is_sign_positive),
            Ok(true)
        );
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_number("", EN, Money), Err(ParseProblem::Empty));
        assert_eq!(parse_number("  ₪ ", EN, Money), Err(ParseProblem::Empty));
        for text in [
            "abc",
            "12abc",
            "inf",
            "NaN",
            "1e400",
            "--1",
            "עשרים",
            "0x10",
            "1-2",
        ] {
            assert_eq!(
                parse_number(text, EN, Plain),
                Err(ParseProblem::NotANumber),
                "{text}"
            );
        }
        assert_eq!(
            parse_number("1.2.3", EN, Plain),
            Err(ParseProblem::NotANumber)
        );
    }

    #[test]
    fn drafts_are_short_and_round_trip() {
        assert_eq!(draft_text(0.15 * 100.0, EN), "15");
        assert_eq!(draft_text(20_000.0, EN), "20000");
        assert_eq!(draft_text(0.3, EN), "0.3");
        assert_eq!(draft_text(1.0 / 12.0, EN), "0.08333333333");
        assert_eq!(draft_text(2.5, DE), "2,5");
        assert_eq!(draft_text(-0.0, EN), "0");
        for value in [0.0, 1.5, 123.456, 1e10, 0.001] {
            assert_eq!(parse_number(&draft_text(value, EN), EN, Plain), Ok(value));
            assert_eq!(parse_number(&draft_text(value, DE), DE, Plain), Ok(value));
        }
    }

    #[test]
    fn shown_ranges_can_be_typed_back() {
        assert_eq!(shown_range(1.0 / 12.0, 100.0, 2), (0.09, 100.0));
        assert_eq!(shown_range(0.0, 1e10, 2), (0.0, 1e10));
        let (low, _) = shown_range(1.0 / 12.0, 100.0, 2);
        assert!(low >= 1.0 / 12.0);
    }

    #[test]
    fn sliders_start_on_their_grid() {
        assert_eq!(slider_start(1.0 / 12.0, 0.5), 0.5);
        assert_eq!(slider_start(0.0, 100.0), 0.0);
        assert_eq!(slider_start(1.0, 1.0), 1.0);
    }
}
