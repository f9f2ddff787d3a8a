//! What only the calculator's own page draws around the answers: the header (the title,
//! the language switch, the example businesses), the tools bar, and the printed report's
//! top and figures. The App is generic over it: the page's entry draws `App<PageChrome>`
//! ([`crate::app::mount_page`]), an embed and a frame `App<NoChrome>` (a widget or a frame
//! shows no chrome in any case). So their main modules carry none of it (about 4 KB gzip
//! of another site's calculator, docs/size.md, "The page's chrome"), and the page's App
//! calls it directly, as before.

use crate::components::header::{header, HeaderProps};
use crate::components::report::{report_figures, report_top};
use crate::components::tools::Tools;
use cvc_browser::intl::Formats;
use cvc_browser::lazy_parts::PartLinks;
use cvc_core::presets::Preset;
use cvc_core::words::Language;
use cvc_model::Scenario;
use yew::prelude::*;

/// What the App draws around the answers, besides what every calculator shows.
pub trait Chrome: 'static {
    /// Above the answers.
    fn top(page: PageTop<'_>) -> Html;
    /// After the form, in print only.
    fn report_figures(formats: &Formats, scenario: &Scenario) -> Html;
}

/// What the page's top is drawn from.
pub struct PageTop<'a> {
    pub language: Language,
    pub preset: Option<Preset>,
    pub on_language: Callback<Language>,
    pub on_preset: Callback<Preset>,
    /// The workshop room's bar (drawn by the App), where the page was opened to join a room.
    pub room: Html,
    pub extras: &'a PartLinks,
    pub on_open: Callback<()>,
    pub on_present: Callback<()>,
    /// The report's date, once the report is drawn.
    pub today: Option<&'a str>,
    pub formats: &'a Formats,
    /// The link to the scenario on screen, printed on the report.
    pub link: &'a AttrValue,
}

/// The calculator's own page: the header, the room's bar, the tools bar and the printed
/// report's top; the figures used, printed after the form.
pub struct PageChrome;

impl Chrome for PageChrome {
    fn top(page: PageTop<'_>) -> Html {
        let PageTop {
            language,
            preset,
            on_language,
            on_preset,
            room,
            extras,
            on_open,
            on_present,
            today,
            formats,
            link,
        } = page;
        html! {
            <>
                { header(HeaderProps { language, preset, on_language, on_preset }) }
                { room }
                <Tools extras={extras.clone()} {on_open} {on_present} />
                if let Some(today) = today {
                    { report_top(formats, today, link) }
                }
            </>
        }
    }

    fn report_figures(formats: &Formats, scenario: &Scenario) -> Html {
        report_figures(formats, scenario)
    }
}

/// A calculator in another site's page or iframe: nothing around the answers.
pub struct NoChrome;

impl Chrome for NoChrome {
    fn top(_: PageTop<'_>) -> Html {
        Html::default()
    }

    fn report_figures(_: &Formats, _: &Scenario) -> Html {
        Html::default()
    }
}
