//! Sentences with figures are templates with `{name}` slots. [`fill`] splits them into
//! text and figures, so the UI can isolate each figure (`<bdi>`) inside Hebrew text.

/// A piece of a filled template: words, or a figure to isolate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Figure(String),
}

/// Splits a template at its `{name}` slots and puts the named figures in. A slot without
/// a figure is kept as written, so a missing argument shows up in tests.
pub fn fill(template: &str, figures: &[(&str, &str)]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|offset| open + offset) else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let name = &rest[open + 1..close];
        match figures.iter().find(|(slot, _)| *slot == name) {
            Some((_, figure)) => pieces.push(Piece::Figure((*figure).to_string())),
            None => pieces.push(Piece::Text(rest[open..=close].to_string())),
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}

/// Figures held as owned strings, lent as a template's slots.
pub fn slots<'a>(figures: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    figures
        .iter()
        .map(|(name, text)| (*name, text.as_str()))
        .collect()
}

/// The Unicode isolates that keep a figure's direction apart from the words around it in
/// plain text, as `<bdi>` does in HTML: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
pub const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

/// The same, flattened to one string (a label, an `aria-label`, a message), each figure
/// isolated with [`ISOLATE`], so that "‏₪ 500,000" never runs into the Hebrew words
/// beside it.
pub fn fill_plain(template: &str, figures: &[(&str, &str)]) -> String {
    fill(template, figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Figure(text) => format!("{}{text}{}", ISOLATE.0, ISOLATE.1),
        })
        .collect()
}

/// A label and its figure in plain text (a chart's summary for screen readers, a table
/// cell): the label, a colon, and the figure isolated, so that neither runs into the other.
pub fn labelled(label: &str, figure: &str) -> String {
    format!("{label}: {}{figure}{}", ISOLATE.0, ISOLATE.1)
}

/// Unicode's format characters that change the direction of what follows them: the
/// Arabic letter mark, the left-to-right and right-to-left marks, the embeddings and
/// overrides, and the isolates. Text from outside never keeps them where it is echoed
/// (an attacker's U+202E would turn the words around it), and a formatter's own marks are
/// dropped where the words around them already order the figure.
pub fn is_format_character(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without [`is_format_character`]s.
pub fn strip_format_characters(text: &str) -> String {
    text.chars().filter(|c| !is_format_character(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_characters_are_stripped_and_nothing_else() {
        assert_eq!(
            strip_format_characters("a\u{202E}b\u{200F}c\u{2066}d\u{2069}e\u{061C}f\u{200D}g"),
            "abcdef\u{200D}g",
            "the zero-width joiner is not a direction mark"
        );
        assert_eq!(strip_format_characters("לקוח ₪5"), "לקוח ₪5");
    }

    #[test]
    fn a_label_and_its_figure_are_kept_apart() {
        assert_eq!(
            labelled("Payback", "month 7"),
            "Payback: \u{2068}month 7\u{2069}"
        );
    }
}
