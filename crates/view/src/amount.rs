//! One figure on screen: formatted for the reader, isolated for bidirectional text, and
//! carrying its raw value in a `<data>` element so tests can compare it with the model;
//! a sentence with its figures isolated; the payback month in words.
//!
//! These are plain view functions rather than components: they hold no state, and each
//! component costs the phone about 2 KB of wasm in framework glue (docs/size.md).

use cvc_browser::intl::Formats;
use cvc_core::words::{fill, Piece};
use cvc_model::fields::Unit;
use cvc_model::{Field, Figure};
use yew::prelude::*;

/// How a figure reads (`cvc_browser::intl`, where every figure's text is written).
pub use cvc_browser::intl::FigureKind as Kind;

/// A figure, named (`data-name`) for tests and styling when `name` is given.
pub fn amount(
    formats: &Formats,
    figure: Figure,
    kind: Kind,
    name: Option<&'static str>,
    class: &'static str,
) -> Html {
    let text = formats.figure(figure, kind);
    match figure {
        Figure::Value(value) => html! {
            <data class={format!("amount {class}")} value={cvc_core::codec::decimal::shortest(value)} data-name={name}><bdi>{text}</bdi></data>
        },
        Figure::Missing(_) => html! {
            <span class="amount missing" data-name={name}>{text}</span>
        },
    }
}

/// A translated sentence whose figures are isolated with `<bdi>`.
pub fn sentence(template: &str, figures: &[(&str, &str)], class: &'static str) -> Html {
    let pieces = fill(template, figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => html! { {text} },
            Piece::Figure(text) => html! { <bdi class="figure">{text}</bdi> },
        });
    html! { <p class={class}>{ for pieces }</p> }
}

/// The payback month in words, or why there is none.
pub fn payback_text(formats: &Formats, payback_month: Figure) -> String {
    match payback_month {
        Figure::Value(month) => formats.language.texts().payback_words(month),
        Figure::Missing(why) => formats.why(why).to_string(),
    }
}

/// The unit shown beside the input, for the value in it (`1` year, `5` years).
pub fn unit_label(formats: &Formats, field: Field, value: Option<f64>) -> String {
    let unit = field.spec().unit;
    match (unit, formats.language.texts().unit_word(unit, value)) {
        (_, Some(word)) => word.to_string(),
        (Unit::Money, None) => formats.currency_symbol().to_string(),
        (_, None) => "%".to_string(),
    }
}
