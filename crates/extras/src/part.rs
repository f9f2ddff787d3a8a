//! The extras module's side of the contract: one small Yew app per slot of the page,
//! drawing the part the page asks for there and drawing it again with each update the
//! page sends; taken down, it shows nothing and waits for the slot's next part
//! (`cvc_browser::mount::SlotApp`). The link
//! carries the scenario and the language, so a part works out what it shows from the same
//! model as the page; the Monte Carlo comes worked out. `src/main.rs` exports [`PartApp`]
//! to JavaScript.

use crate::charts::area::Charts;
use crate::panels::embed_builder::EmbedBuilder;
use crate::panels::files_panel::FilesPanel;
use crate::panels::helper_forms::{LifetimeHelper, MetricsHelper};
use crate::panels::lead_form::LeadForm;
use crate::panels::link_panels::share_panel;
use crate::panels::presenter::{presenter, PresenterProps};
use crate::panels::presenter_room::PresenterRoom;
use crate::panels::room_bar::RoomBar;
use crate::panels::saved_panel::SavedPanel;
use cvc_browser::dom::{focus_by_id, Element};
use cvc_browser::intl::{browser_number_syntax, Formats};
use cvc_browser::mount::SlotApp;
use cvc_core::codec::link::{decode, encode};
use cvc_core::contract::{query_of, Mount, Part, Request, Update};
use cvc_core::leads::{Capture, PAGE_SETUP};
use cvc_core::words::Language;
use cvc_model::uncertainty::MonteCarlo;
use cvc_model::{evaluate, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PartProps {
    pub part: Part,
    /// False while the slot's app waits for its next part: it draws nothing.
    pub shown: bool,
    /// The link to the scenario on screen.
    pub link: AttrValue,
    /// The page's latest Monte Carlo, and whether it is for an older scenario.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    pub monte_carlo_stale: bool,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    /// The lead capture's set-up, for the capture form (`cvc_core::leads::Capture`).
    pub lead: AttrValue,
    pub on_request: Callback<Request>,
}

/// A slot's app: the part asked for, or nothing while the slot waits for its next part.
#[component]
pub fn PartRoot(props: &PartProps) -> Html {
    // The page only ever sends links it wrote itself from a valid scenario.
    let reading = use_memo(props.link.clone(), |link| decode(query_of(link)));
    let scenario = reading.reading.scenario.clone();
    let language = reading.view.language.unwrap_or(Language::English);
    let formats = use_memo(
        (language, scenario.currency.clone()),
        |(language, currency)| Formats::new(*language, currency),
    );
    let results = use_memo(scenario.clone(), evaluate);
    let syntax = *use_memo((), |()| browser_number_syntax());
    let copied = use_state_eq(|| None::<(&'static str, &'static str)>);
    {
        // A part shown after another in the same slot starts with nothing copied.
        let copied = copied.clone();
        use_effect_with((props.part, props.shown), move |_| copied.set(None));
    }
    let presenting = props.part == Part::Presenter;
    use_effect_with(presenting, |presenting| {
        // Keyboard users start where the content is: on the button that leaves.
        if *presenting {
            focus_by_id("presenter-leave");
        }
    });
    let on_load = {
        let on_request = props.on_request.clone();
        Callback::from(move |scenario: ValidScenario| {
            on_request.emit(Request::Show(encode(&scenario, language)))
        })
    };
    if !props.shown {
        return Html::default();
    }
    let body = match props.part {
        Part::Share => share_panel(&formats, &props.link, &copied),
        Part::Embed => html! {
            <EmbedBuilder app_address={props.app_address.clone()} {scenario} copied={copied.clone()} />
        },
        Part::Saved => html! { <SavedPanel {scenario} {on_load} /> },
        Part::Files => html! { <FilesPanel {scenario} {results} {on_load} /> },
        Part::Presenter => presenter(
            &formats,
            PresenterProps {
                results: &results,
                scenario: &scenario,
                link: &props.link,
                on_leave: props.on_request.reform(|()| Request::Leave),
                room: html! {
                    <PresenterRoom app_address={props.app_address.clone()} currency={AttrValue::from(scenario.currency.clone())} />
                },
            },
        ),
        Part::Room => html! { <RoomBar {scenario} /> },
        Part::Lead => {
            // The calculator's own page hands its set-up over as its <meta> tags.
            let capture = Rc::new(if props.lead == PAGE_SETUP {
                cvc_browser::lead_capture::page_capture()
            } else {
                Capture::from_query(&props.lead)
            });
            html! {
                <LeadForm {capture} {scenario} {results} link={props.link.clone()}
                    on_delivered={props.on_request.reform(Request::LeadDelivered)} />
            }
        }
        Part::Charts => {
            html! { <Charts {scenario} {results} monte_carlo={props.monte_carlo.clone()} monte_carlo_stale={props.monte_carlo_stale} /> }
        }
        Part::LifetimeHelper => html! {
            <LifetimeHelper {syntax} discount_rate={scenario.discount_rate} lifetime_profit={scenario.lifetime_profit}
                customer_lifetime_years={scenario.customer_lifetime_years} on_apply={props.on_request.reform(Request::Apply)} />
        },
        Part::MetricsHelper => html! {
            <MetricsHelper {syntax} on_apply={props.on_request.reform(Request::Apply)} />
        },
    };
    html! {
        <ContextProvider<Rc<Formats>> context={formats}>{ body }</ContextProvider<Rc<Formats>>>
    }
}

/// One part drawn into an element of the page.
pub struct PartApp {
    handle: SlotApp<PartRoot>,
    props: PartProps,
}

impl PartApp {
    /// Draws the part a mount message names (`cvc_core::contract::Mount`) into `element`,
    /// an element of the page. Requests go to `on_request`. `None` for a message that is
    /// not a mount.
    pub fn mount(
        element: Element,
        message: &str,
        on_request: Callback<Request>,
    ) -> Option<PartApp> {
        let Mount {
            part,
            page_roots,
            app_address,
            lead,
            update,
        } = Mount::from_message(message)?;
        let props = PartProps {
            part,
            shown: true,
            link: update.link.into(),
            monte_carlo: update.monte_carlo,
            monte_carlo_stale: update.monte_carlo_stale,
            app_address: app_address.into(),
            lead: lead.into(),
            on_request,
        };
        let handle = SlotApp::mount(element, props.clone(), page_roots);
        Some(PartApp { handle, props })
    }

    /// Draws the part again for what an update message says; one that is not an update is
    /// ignored, and the part keeps what it shows.
    pub fn update(&mut self, message: &str) {
        let Some(update) = Update::from_message(message) else {
            return;
        };
        let new_monte_carlo = update.monte_carlo.is_some();
        if self.props.link.as_str() != update.link
            || self.props.monte_carlo_stale != update.monte_carlo_stale
            || new_monte_carlo
        {
            self.props.link = update.link.into();
            self.props.monte_carlo_stale = update.monte_carlo_stale;
            // No new Monte Carlo: the part keeps the one it has.
            if new_monte_carlo {
                self.props.monte_carlo = update.monte_carlo;
            }
            self.handle.update(self.props.clone());
        }
    }

    /// Removes the part from the page; its slot's app waits for the next one.
    pub fn unmount(self) {
        let nothing = PartProps {
            shown: false,
            ..self.props
        };
        self.handle.keep(nothing);
    }
}
