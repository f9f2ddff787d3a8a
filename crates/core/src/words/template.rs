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
