//! One figure on screen: formatted for the reader, isolated for bidirectional text, and
//! carrying its raw value in a `<data>` element so tests can compare it with the model.

use crate::app::format::Formats;
use crate::app::hooks::use_formats;
use crate::app::i18n::{fill, Piece};
use crate::model::Figure;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Money,
    /// A fraction shown as a percentage.
    Percent,
    Number,
}

#[derive(Properties, PartialEq)]
pub struct AmountProps {
    pub figure: Figure,
    pub kind: Kind,
    #[prop_or_default]
    pub class: Classes,
    /// Names the figure for tests and for styling.
    #[prop_or_default]
    pub name: Option<AttrValue>,
}

pub fn format_figure(formats: &Formats, figure: Figure, kind: Kind) -> String {
    match figure {
        Figure::Value(value) => match kind {
            Kind::Money => formats.money(value),
            Kind::Percent => formats.percent(value),
            Kind::Number => formats.number(value),
        },
        Figure::Missing(why) => formats.why(why).to_string(),
    }
}

#[component]
pub fn Amount(props: &AmountProps) -> Html {
    let formats = use_formats();
    let text = format_figure(&formats, props.figure, props.kind);
    let name = props.name.clone();
    match props.figure {
        Figure::Value(value) => html! {
            <data class={classes!("amount", props.class.clone())} value={crate::codec::decimal::shortest(value)} data-name={name}><bdi>{text}</bdi></data>
        },
        Figure::Missing(_) => html! {
            <span class={classes!("amount", "missing", props.class.clone())} data-name={name}>{text}</span>
        },
    }
}

/// A translated sentence whose figures are isolated with `<bdi>`.
#[derive(Properties, PartialEq)]
pub struct SentenceProps {
    pub template: AttrValue,
    pub figures: Vec<(AttrValue, String)>,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn Sentence(props: &SentenceProps) -> Html {
    let figures: Vec<(&str, &str)> = props
        .figures
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let pieces = fill(&props.template, &figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => html! { {text} },
            Piece::Figure(text) => html! { <bdi class="figure">{text}</bdi> },
        });
    html! { <p class={props.class.clone()}>{ for pieces }</p> }
}
