//! The contract between the page's wasm and the extras module, declared once: the names
//! of the module's export and of the handle it returns, what the page sends to mount and
//! update a part, and what a part asks of the page. Everything crosses as plain text, so
//! it is pure and tested natively here. The page's loader
//! (`cvc_browser::extras_loader`), the module's exports (`crates/extras/src/main.rs`)
//! and the browser tests' stand-in for the module all go through this file.
//!
//! ```text
//! module.mountPart(element, mount message, on_request) -> handle | null
//! handle.update(update message)
//! handle.unmount()
//! on_request(request message)
//! loader() -> promise of the module, rejected with OUTDATED when the page is older than
//!             the release now served
//! ```
//!
//! The scenario always travels as its link ([`crate::codec::link`]), which gives back
//! exactly the scenario it was made from. The Monte Carlo travels as its result, so that
//! it runs once per pause, in the page, whatever the module draws with it.

use crate::codec::decimal;
use cvc_model::uncertainty::{HistogramBin, MonteCarlo};
use cvc_model::{Field, Figure, Why};
use std::rc::Rc;

/// The extras module's one export: `mountPart(element, mount, on_request)`.
pub const MOUNT_PART: &str = "mountPart";
/// The handle's methods: `update(update)` and `unmount()`.
pub const UPDATE: &str = "update";
pub const UNMOUNT: &str = "unmount";
/// What the page's loader rejects with when the module cannot come because the page is
/// of an older release than the one now served (its hashed files are gone): the page then
/// offers to load the new release, rather than to try again in vain (web/start.js).
pub const OUTDATED: &str = "outdated";

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
    /// The workshop room on a participant's phone (a link with `room=`).
    Room,
    /// The lead capture form after the answers, where the host switched it on
    /// (`crate::leads`).
    Lead,
}

impl Part {
    pub const ALL: [Part; 10] = [
        Part::Share,
        Part::Embed,
        Part::Saved,
        Part::Files,
        Part::Presenter,
        Part::Charts,
        Part::LifetimeHelper,
        Part::MetricsHelper,
        Part::Room,
        Part::Lead,
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
            Part::Room => "room",
            Part::Lead => "lead",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }

    /// Whether the part shows the Monte Carlo, which the page then sends it.
    pub fn shows_monte_carlo(self) -> bool {
        self == Part::Charts
    }
}

/// What a part asks of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Put this scenario on screen (a saved one opened, or a file read): its link's query.
    Show(String),
    /// Leave the presenter view.
    Leave,
    /// Put these figures from a helper into the form, in model units.
    Apply(Vec<(Field, f64)>),
    /// A lead was delivered, for the scenario of this link: the host page hears of it.
    LeadDelivered(String),
}

const SHOW: &str = "show";
const LEAVE: &str = "leave";
const APPLY: &str = "apply";
const LEAD_DELIVERED: &str = "lead-delivered";

impl Request {
    pub fn to_message(&self) -> String {
        match self {
            Request::Show(query) => format!("{SHOW} {query}"),
            Request::Leave => LEAVE.into(),
            Request::Apply(figures) => {
                let figures: Vec<String> = figures
                    .iter()
                    .map(|(field, value)| format!("{}={}", field.name(), decimal::shortest(*value)))
                    .collect();
                format!("{APPLY} {}", figures.join("&"))
            }
            Request::LeadDelivered(link) => format!("{LEAD_DELIVERED} {link}"),
        }
    }

    /// Reads a message; anything else (another version's, or not ours) is `None`.
    pub fn from_message(message: &str) -> Option<Request> {
        match message.split_once(' ') {
            Some((SHOW, query)) => Some(Request::Show(query.into())),
            Some((LEAD_DELIVERED, link)) => Some(Request::LeadDelivered(link.into())),
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

/// What a part is drawn from, and drawn again with whenever it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// The link to the scenario on screen, which carries the language too.
    pub link: String,
    /// A Monte Carlo the part has not had yet; `None` when there is none new (the part
    /// keeps the one it has), so that it crosses once per pause, not on every keystroke.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    /// Whether the part's Monte Carlo is for an older scenario than the link's (typing has
    /// not paused yet).
    pub monte_carlo_stale: bool,
}

/// What the page sends to draw a part: which, into a page whose own wasm has mounted
/// `page_roots` Yew apps, with the calculator's own address (ending in `/`), and what to
/// draw it from.
#[derive(Clone, Debug, PartialEq)]
pub struct Mount {
    pub part: Part,
    /// How many Yew apps the page's wasm has mounted. Each wasm numbers its Yew apps from
    /// 1, and Yew finds which app an event belongs to from the nearest numbered element;
    /// the module's parts sit inside the page's app, so the module numbers its own apps
    /// past this count, or a click in a panel would run the page's handler of the same
    /// number.
    pub page_roots: u32,
    pub app_address: String,
    /// The lead capture's set-up, as its query (`crate::leads::Capture`); empty for every
    /// other part.
    pub lead: String,
    pub update: Update,
}

const PART: &str = "part";
const ROOTS: &str = "roots";
const APP: &str = "app";
const LEAD: &str = "lead";
const LINK: &str = "link";
const MONTE_CARLO: &str = "monte_carlo";
const STALE: &str = "stale";
const BINS: &str = "bins";
const MISSING: &str = "missing:";

impl Update {
    /// One line per value, `key value`; nothing the page writes holds a line break.
    pub fn to_message(&self) -> String {
        // Written piece by piece rather than with `format!`: this runs in the page's wasm,
        // where every formatting call site costs bytes on a phone.
        let mut message = String::with_capacity(self.link.len() + 400);
        message.push_str(LINK);
        message.push(' ');
        message.push_str(&self.link);
        message.push('\n');
        message.push_str(STALE);
        message.push_str(if self.monte_carlo_stale { " 1" } else { " 0" });
        if let Some(result) = &self.monte_carlo {
            message.push('\n');
            message.push_str(MONTE_CARLO);
            let words = [
                result.draws.to_string(),
                figure_text(result.p10),
                figure_text(result.p50),
                figure_text(result.p90),
                decimal::shortest(result.probability_of_gain),
                result.beyond_range_low.to_string(),
                result.beyond_range_high.to_string(),
            ];
            for word in words {
                message.push(' ');
                message.push_str(&word);
            }
            message.push('\n');
            message.push_str(BINS);
            message.push(' ');
            for (i, bin) in result.histogram.iter().enumerate() {
                if i > 0 {
                    message.push(';');
                }
                message.push_str(&decimal::shortest(bin.from));
                message.push(',');
                message.push_str(&decimal::shortest(bin.to));
                message.push(',');
                message.push_str(&bin.count.to_string());
            }
        }
        message
    }

    /// Reads a message; `None` for anything that is not one, or not whole.
    pub fn from_message(message: &str) -> Option<Update> {
        let mut link = None;
        let mut stale = None;
        let mut summary = None;
        let mut bins = None;
        for line in message.lines() {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                LINK => link = Some(value.to_string()),
                STALE => stale = Some(value == "1"),
                MONTE_CARLO => summary = Some(read_summary(value)?),
                BINS => bins = Some(read_bins(value)?),
                _ => {}
            }
        }
        let monte_carlo = match (summary, bins) {
            (Some(mut result), Some(bins)) => {
                result.histogram = bins;
                Some(Rc::new(result))
            }
            (None, None) => None,
            _ => return None,
        };
        Some(Update {
            link: link?,
            monte_carlo,
            monte_carlo_stale: stale?,
        })
    }
}

impl Mount {
    pub fn to_message(&self) -> String {
        format!(
            "{PART} {}\n{ROOTS} {}\n{APP} {}\n{LEAD} {}\n{}",
            self.part.name(),
            self.page_roots,
            self.app_address,
            self.lead,
            self.update.to_message()
        )
    }

    pub fn from_message(message: &str) -> Option<Mount> {
        let mut part = None;
        let mut page_roots = None;
        let mut app_address = None;
        let mut lead = String::new();
        for line in message.lines() {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                LEAD => lead = value.to_string(),
                PART => part = Part::from_name(value),
                ROOTS => page_roots = value.parse().ok(),
                APP => app_address = Some(value.to_string()),
                _ => {}
            }
        }
        Some(Mount {
            part: part?,
            page_roots: page_roots?,
            app_address: app_address?,
            lead,
            update: Update::from_message(message)?,
        })
    }
}

fn figure_text(figure: Figure) -> String {
    match figure {
        Figure::Value(value) => decimal::shortest(value),
        Figure::Missing(why) => [MISSING, why.name()].concat(),
    }
}

fn read_figure(text: &str) -> Option<Figure> {
    match text.strip_prefix(MISSING) {
        Some(why) => Why::from_name(why).map(Figure::Missing),
        None => decimal::parse(text).map(Figure::checked),
    }
}

fn read_summary(text: &str) -> Option<MonteCarlo> {
    let words: Vec<&str> = text.split(' ').collect();
    let [draws, p10, p50, p90, chance, low, high] = words.as_slice() else {
        return None;
    };
    Some(MonteCarlo {
        draws: draws.parse().ok()?,
        p10: read_figure(p10)?,
        p50: read_figure(p50)?,
        p90: read_figure(p90)?,
        probability_of_gain: decimal::parse(chance)?,
        histogram: Vec::new(),
        beyond_range_low: low.parse().ok()?,
        beyond_range_high: high.parse().ok()?,
    })
}

fn read_bins(text: &str) -> Option<Vec<HistogramBin>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(';')
        .map(|bin| {
            let mut parts = bin.split(',');
            let bin = HistogramBin {
                from: decimal::parse(parts.next()?)?,
                to: decimal::parse(parts.next()?)?,
                count: parts.next()?.parse().ok()?,
            };
            parts.next().is_none().then_some(bin)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::link::{decode, encode};
    use crate::words::Language;
    use cvc_model::ValidScenario;

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
        let message = Request::Show(query.clone()).to_message();
        assert_eq!(message, format!("show {query}"));
        let Some(Request::Show(back)) = Request::from_message(&message) else {
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
        for other in ["", "leave now", "show", "load ?a=1", "Show ?a=1", "present"] {
            assert_eq!(Request::from_message(other), None, "{other:?}");
        }
    }

    #[test]
    fn a_mount_carries_the_part_the_count_and_the_monte_carlo_exactly() {
        let scenario = ValidScenario::default()
            .with(Field::LifetimeProfit, 31_234.5)
            .expect("a valid profit");
        let monte_carlo = Rc::new(cvc_model::uncertainty::monte_carlo(&scenario));
        for (monte_carlo, monte_carlo_stale) in [(None, true), (Some(monte_carlo), false)] {
            let mount = Mount {
                part: Part::Charts,
                page_roots: 3,
                app_address: "https://calc.example/cvc/".into(),
                lead: "endpoint=https%3A%2F%2Fhooks.example%2Fx&consent=I%20agree".into(),
                update: Update {
                    link: format!(
                        "https://calc.example/cvc/{}",
                        encode(&scenario, Language::Hebrew)
                    ),
                    monte_carlo,
                    monte_carlo_stale,
                },
            };
            let message = mount.to_message();
            assert_eq!(
                Mount::from_message(&message),
                Some(mount.clone()),
                "{message}"
            );
            let update = mount.update.to_message();
            assert_eq!(Update::from_message(&update), Some(mount.update));
        }
    }

    #[test]
    fn a_delivered_lead_crosses_with_its_link() {
        let link = "https://calc.example/cvc/?lifetime_profit=45000&lang=he";
        let message = Request::LeadDelivered(link.into()).to_message();
        assert_eq!(
            Request::from_message(&message),
            Some(Request::LeadDelivered(link.into()))
        );
    }

    #[test]
    fn a_missing_percentile_and_an_empty_histogram_cross_too() {
        let result = MonteCarlo {
            draws: 1,
            p10: Figure::Missing(Why::BeyondModelRange),
            p50: Figure::Value(-2.5),
            p90: Figure::Value(1e15),
            probability_of_gain: 0.0,
            histogram: Vec::new(),
            beyond_range_low: 1,
            beyond_range_high: 0,
        };
        let update = Update {
            link: "https://x.example/?lang=en".into(),
            monte_carlo: Some(Rc::new(result)),
            monte_carlo_stale: true,
        };
        assert_eq!(Update::from_message(&update.to_message()), Some(update));
    }

    #[test]
    fn a_broken_mount_or_update_is_refused() {
        for broken in [
            "",
            "part share\nroots 1\napp https://a/",
            "part nothing\nroots 1\napp https://a/\nlink https://a/",
            "part share\nroots x\napp https://a/\nlink https://a/",
            "part share\nroots 1\napp https://a/\nlink https://a/",
            "part share\nroots 1\napp https://a/\nlink https://a/\nstale 0\nmonte_carlo 1 2 3",
            "part share\nroots 1\napp https://a/\nlink https://a/\nstale 0\nbins 1,2,3",
        ] {
            assert_eq!(Mount::from_message(broken), None, "{broken:?}");
        }
        assert_eq!(
            Update::from_message("link x\nstale 0\nmonte_carlo 1 1 1 1 1 0 0\nbins 1,2"),
            None
        );
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
