//! What the page and the extras module say to each other, as plain text: which part of
//! the calculator to draw, and what a part asks of the page. Pure, so it is tested
//! natively; the scenario itself always travels as its link ([`crate::app::link`]), which
//! gives back exactly the scenario it was made from.

use crate::codec::decimal;
use crate::model::Field;

/// A part of the calculator that lives in the extras module, drawn into an element the
/// page gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The Share panel: the link, its copy button and share sheet, and its QR code.
    Share,
    /// The Embed panel: the snippets for another site.
    Embed,
    /// The Saved scenarios panel, with the comparison.
    Saved,
    /// The Export and print panel.
    Files,
    /// The presenter view.
    Presenter,
    /// The four charts.
    Charts,
    /// The helper that works out the lifetime profit from yearly figures.
    LifetimeHelper,
    /// The helper that works out the unhappy share from service metrics.
    MetricsHelper,
}

impl Part {
    pub const ALL: [Part; 8] = [
        Part::Share,
        Part::Embed,
        Part::Saved,
        Part::Files,
        Part::Presenter,
        Part::Charts,
        Part::LifetimeHelper,
        Part::MetricsHelper,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Share => "share",
            Part::Embed => "embed",
            Part::Saved => "saved",
            Part::Files => "files",
            Part::Presenter => "presenter",
            Part::Charts => "charts",
            Part::LifetimeHelper => "lifetime-helper",
            Part::MetricsHelper => "metrics-helper",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }
}

/// What a part asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Put this scenario on screen (a saved one opened, or a file read): its link's query.
    Load(String),
    /// Leave the presenter view.
    Leave,
    /// Put these figures from a helper into the form, in model units.
    Apply(Vec<(Field, f64)>),
}

const LOAD: &str = "load";
const LEAVE: &str = "leave";
const APPLY: &str = "apply";

impl Request {
    pub fn to_message(&self) -> String {
        match self {
            Request::Load(query) => format!("{LOAD} {query}"),
            Request::Leave => LEAVE.into(),
            Request::Apply(figures) => {
                let figures: Vec<String> = figures
                    .iter()
                    .map(|(field, value)| format!("{}={}", field.name(), decimal::shortest(*value)))
                    .collect();
                format!("{APPLY} {}", figures.join("&"))
            }
        }
    }

    /// Reads a message; anything else (another version's, or not ours) is `None`.
    pub fn from_message(message: &str) -> Option<Request> {
        match message.split_once(' ') {
            Some((LOAD, query)) => Some(Request::Load(query.into())),
            Some((APPLY, figures)) => figures
                .split('&')
                .map(|figure| {
                    let (name, value) = figure.split_once('=')?;
                    Some((Field::from_name(name)?, decimal::parse(value)?))
                })
                .collect::<Option<Vec<_>>>()
                .map(Request::Apply),
            None if message == LEAVE => Some(Request::Leave),
            _ => None,
        }
    }
}

/// The query of a link to the calculator (from its `?`), which carries the scenario and
/// the language; empty when it has none.
pub fn query_of(link: &str) -> &str {
    link.find('?').map_or("", |at| &link[at..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::Language;
    use crate::app::link::{decode, encode};
    use crate::model::ValidScenario;

    #[test]
    fn every_part_is_read_back_from_its_name() {
        for part in Part::ALL {
            assert_eq!(Part::from_name(part.name()), Some(part));
        }
        assert_eq!(Part::from_name("Share"), None);
        assert_eq!(Part::from_name(""), None);
    }

    #[test]
    fn a_load_request_carries_the_scenario_exactly() {
        let scenario = ValidScenario::default()
            .with(Field::LifetimeProfit, 12345.678)
            .expect("a valid profit");
        let query = encode(&scenario, Language::Hebrew);
        let message = Request::Load(query.clone()).to_message();
        assert_eq!(message, format!("load {query}"));
        let Some(Request::Load(back)) = Request::from_message(&message) else {
            panic!("{message} is not read back as a load request");
        };
        let reading = decode(&back);
        assert!(reading.reading.is_clean());
        assert_eq!(reading.reading.scenario, scenario);
        assert_eq!(reading.view.language, Some(Language::Hebrew));
    }

    #[test]
    fn an_apply_request_carries_the_figures_exactly() {
        let figures = vec![
            (Field::CustomerLifetimeYears, 4.213_456_789_012_345),
            (Field::LifetimeProfit, 31_234.567),
        ];
        let message = Request::Apply(figures.clone()).to_message();
        assert_eq!(
            message,
            "apply customer_lifetime_years=4.213456789012345&lifetime_profit=31234.567"
        );
        assert_eq!(
            Request::from_message(&message),
            Some(Request::Apply(figures))
        );
        // One unreadable figure refuses the whole request, rather than applying half.
        for broken in [
            "apply lifetime_profit=abc",
            "apply colour=3",
            "apply lifetime_profit",
            "apply lifetime_profit=1&",
        ] {
            assert_eq!(Request::from_message(broken), None, "{broken}");
        }
    }

    #[test]
    fn leave_and_unknown_messages() {
        assert_eq!(Request::from_message("leave"), Some(Request::Leave));
        assert_eq!(Request::Leave.to_message(), "leave");
        for other in ["", "leave now", "load", "Load ?a=1", "present"] {
            assert_eq!(Request::from_message(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_query_starts_at_the_question_mark() {
        assert_eq!(
            query_of("https://example.org/calc/?lang=he&currency=ILS"),
            "?lang=he&currency=ILS"
        );
        assert_eq!(query_of("https://example.org/calc/"), "");
    }
}
