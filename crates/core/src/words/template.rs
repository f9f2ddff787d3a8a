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

/// The same, flattened to one string (for `aria-label` and `title`).
pub fn fill_plain(template: &str, figures: &[(&str, &str)]) -> String {
    fill(template, figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Figure(text) => text,
        })
        .collect()
}
