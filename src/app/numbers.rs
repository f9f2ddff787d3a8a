//! Reading numbers as people type them: the locale's decimal and thousands separators,
//! currency and percent signs, and the invisible direction marks that Hebrew text carries.
//! Pure, so it is tested natively.

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
}

/// Characters that carry no value: spaces of every width, direction marks, and the signs
/// people type beside a number.
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' | '₪' | '$' | '€' | '£' | '%' | '\''
        )
}

/// Parses a number typed in the given locale syntax. A group separator is dropped; where
/// the locale writes a decimal point, a lone comma not followed by exactly three digits
/// is read as a decimal comma too ("1,5" means 1.5, "1,500" means 1500).
pub fn parse_number(text: &str, syntax: NumberSyntax) -> Result<f64, ParseProblem> {
    let cleaned: String = text
        .chars()
        .filter(|c| !is_decoration(*c))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(ParseProblem::Empty);
    }
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | 'e' | 'E'))
    {
        return Err(ParseProblem::NotANumber);
    }
    let normalised = if syntax.decimal == ',' {
        cleaned.replace('.', "").replace(',', ".")
    } else if !cleaned.contains('.')
        && cleaned.matches(',').count() == 1
        && !comma_groups_thousands(&cleaned)
    {
        cleaned.replace(',', ".")
    } else {
        cleaned.replace(',', "")
    };
    let number: f64 = normalised.parse().map_err(|_| ParseProblem::NotANumber)?;
    if number.is_finite() {
        Ok(number + 0.0)
    } else {
        Err(ParseProblem::NotANumber)
    }
}

/// Whether the single comma in `text` is followed by exactly three digits and then the end.
fn comma_groups_thousands(text: &str) -> bool {
    match text.split_once(',') {
        Some((before, after)) => {
            !before.is_empty() && after.len() == 3 && after.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
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
    let decimals = (9 - magnitude).clamp(0, 12) as usize;
    let mut text = format!("{value:.decimals$}");
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

#[cfg(test)]
mod tests {
    use super::*;

    const EN: NumberSyntax = NumberSyntax::DOT_DECIMAL;
    const DE: NumberSyntax = NumberSyntax::COMMA_DECIMAL;

    #[test]
    fn reads_plain_and_grouped_numbers() {
        assert_eq!(parse_number("2000", EN), Ok(2000.0));
        assert_eq!(parse_number("20,000", EN), Ok(20_000.0));
        assert_eq!(parse_number("1,234,567.5", EN), Ok(1_234_567.5));
        assert_eq!(parse_number(" 0.3 ", EN), Ok(0.3));
        assert_eq!(parse_number(".5", EN), Ok(0.5));
        assert_eq!(parse_number("1e6", EN), Ok(1e6));
    }

    #[test]
    fn reads_the_locales_separators() {
        assert_eq!(parse_number("1.234,5", DE), Ok(1234.5));
        assert_eq!(parse_number("20.000", DE), Ok(20_000.0));
        assert_eq!(parse_number("0,3", DE), Ok(0.3));
    }

    #[test]
    fn a_lone_comma_is_a_decimal_comma_unless_it_groups_thousands() {
        assert_eq!(parse_number("1,5", EN), Ok(1.5));
        assert_eq!(parse_number("0,25", EN), Ok(0.25));
        assert_eq!(parse_number("1,500", EN), Ok(1500.0));
    }

    #[test]
    fn ignores_signs_spaces_and_direction_marks() {
        assert_eq!(parse_number("₪ 20,000", EN), Ok(20_000.0));
        assert_eq!(
            parse_number("\u{200F}20,000\u{00A0}\u{200F}₪", EN),
            Ok(20_000.0)
        );
        assert_eq!(parse_number("40%", EN), Ok(40.0));
        assert_eq!(parse_number("$1 000", EN), Ok(1000.0));
        assert_eq!(parse_number("−5", EN), Ok(-5.0));
        assert_eq!(parse_number("-0", EN).map(f64::is_sign_positive), Ok(true));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_number("", EN), Err(ParseProblem::Empty));
        assert_eq!(parse_number("  ₪ ", EN), Err(ParseProblem::Empty));
        assert_eq!(parse_number("abc", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("12abc", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("inf", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("NaN", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("1e400", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("1.2.3", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("--1", EN), Err(ParseProblem::NotANumber));
        assert_eq!(parse_number("עשרים", EN), Err(ParseProblem::NotANumber));
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
            assert_eq!(parse_number(&draft_text(value, EN), EN), Ok(value));
            assert_eq!(parse_number(&draft_text(value, DE), DE), Ok(value));
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
