//! How each chunk draws its parts: one function per chunk ([`panels`], [`presenter`],
//! [`charts`], [`helpers`], [`room`], [`lead`]), each drawing [`PartRoot`] with its own
//! body. The program's split points (the `#[wasm_split]` functions of the root package's
//! `src/lib.rs`) return these functions, so each chunk holds its own parts and nothing of the others';
//! what several share (the root below) the split puts in a shared chunk.
//!
//! The link carries the scenario and the language, so a part works out what it shows from
//! the same model as the page; the Monte Carlo comes as the page worked it out.

use crate::charts::area::Charts;
use crate::panels::embed_builder::EmbedBuilder;
use crate::panels::files_panel::FilesPanel;
use crate::panels::helper_forms::{LifetimeHelper, MetricsHelper};
use crate::panels::lead_form::LeadForm;
use crate::panels::link_panels::share_panel;
use crate::panels::presenter::{presenter as presenter_view, PresenterProps};
use crate::panels::presenter_room::PresenterRoom;
use crate::panels::room_bar::RoomBar;
use crate::panels::saved_panel::SavedPanel;
use cvc_browser::address::use_back_leaves;
use cvc_browser::dom::{focus_by_id, focus_by_id_soon, scroll_to_top};
use cvc_browser::intl::{browser_number_syntax, Formats};
use cvc_browser::lazy_parts::{PartProps, PartView};
use cvc_core::codec::link::{decode, encode};
use cvc_core::leads::{Capture, PAGE_SETUP};
use cvc_core::numbers::NumberSyntax;
use cvc_core::parts::{query_of, Part, Request};
use cvc_core::words::Language;
use cvc_model::{evaluate, Results, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

/// What a part's body is drawn from, worked out once by [`PartRoot`].
pub struct Drawn<'a> {
    pub props: &'a PartProps,
    pub formats: &'a Rc<Formats>,
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
    pub syntax: NumberSyntax,
    pub copied: &'a UseStateHandle<Option<(&'static str, &'static str)>>,
    /// Puts a scenario (a saved one opened, a file read) on screen.
    pub on_load: Callback<ValidScenario>,
}

/// A chunk's body for its parts.
#[derive(Clone, Copy)]
pub struct Body(fn(&Drawn) -> Html);

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PartRootProps {
    pub props: PartProps,
    pub body: Body,
}

/// A part: its scenario, results and formats worked out from the link, and its body.
#[component]
pub fn PartRoot(root: &PartRootProps) -> Html {
    let props = &root.props;
    let links = &props.links;
    // The page only ever hands over links it wrote itself from a valid scenario.
    let reading = use_memo(links.link.clone(), |link| decode(query_of(link)));
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
        // A part shown after another in the same place starts with nothing copied.
        let copied = copied.clone();
        use_effect_with(props.part, move |_| copied.set(None));
    }
    let on_load = {
        let on_request = links.on_request.clone();
        Callback::from(move |scenario: ValidScenario| {
            on_request.emit(Request::Show(encode(&scenario, language)))
        })
    };
    let body = (root.body.0)(&Drawn {
        props,
        formats: &formats,
        scenario,
        results,
        syntax,
        copied: &copied,
        on_load,
    });
    html! {
        <ContextProvider<Rc<Formats>> context={formats}>{ body }</ContextProvider<Rc<Formats>>>
    }
}

fn root(props: &PartProps, body: fn(&Drawn) -> Html) -> Html {
    html! { <PartRoot props={props.clone()} body={Body(body)} /> }
}

/// The `panels` chunk: Share, Embed, Saved scenarios (with the comparison), Export and print.
pub fn panels(props: &PartProps) -> Html {
    root(props, |drawn| {
        let links = &drawn.props.links;
        let scenario = drawn.scenario.clone();
        match drawn.props.part {
            Part::Share => share_panel(drawn.formats, &links.link, drawn.copied),
            Part::Embed => html! {
                <EmbedBuilder app_address={links.app_address.clone()} {scenario} copied={drawn.copied.clone()} />
            },
            Part::Saved => html! { <SavedPanel {scenario} on_load={drawn.on_load.clone()} /> },
            Part::Files => html! {
                <FilesPanel {scenario} results={drawn.results.clone()} on_load={drawn.on_load.clone()} />
            },
            _ => Html::default(),
        }
    })
}

/// The `presenter` chunk: the presenter view, with the workshop room's presenter side.
pub fn presenter(props: &PartProps) -> Html {
    html! { <Presenting ..props.clone() /> }
}

/// The presenter view, which takes the keyboard's focus to its way out and opens at its
/// top: the page under it may have been scrolled, and on a phone the way out is below the
/// first screen, where focusing it would scroll to. Left, it gives the focus back to the
/// page's Present button, drawn again in its place (here, in the chunk, so that no main
/// module carries it).
#[component]
fn Presenting(props: &PartProps) -> Html {
    use_back_leaves(props.links.on_request.reform(|()| Request::Leave));
    use_effect_with((), |()| {
        focus_by_id("presenter-leave");
        scroll_to_top();
        || focus_by_id_soon("present")
    });
    root(props, |drawn| {
        let links = &drawn.props.links;
        presenter_view(
            drawn.formats,
            PresenterProps {
                results: &drawn.results,
                scenario: &drawn.scenario,
                link: &links.link,
                on_leave: links.on_request.reform(|()| Request::Leave),
                room: html! {
                    <PresenterRoom app_address={links.app_address.clone()} currency={AttrValue::from(drawn.scenario.currency.clone())} />
                },
            },
        )
    })
}

/// The `charts` chunk: the four charts and their tables.
pub fn charts(props: &PartProps) -> Html {
    root(props, |drawn| {
        let links = &drawn.props.links;
        html! {
            <Charts scenario={drawn.scenario.clone()} results={drawn.results.clone()}
                monte_carlo={links.monte_carlo.clone()} monte_carlo_stale={links.monte_carlo_stale} />
        }
    })
}

/// The `helpers` chunk: the two helpers under the form.
pub fn helpers(props: &PartProps) -> Html {
    root(props, |drawn| {
        let (syntax, scenario) = (drawn.syntax, &drawn.scenario);
        let on_apply = drawn.props.links.on_request.reform(Request::Apply);
        match drawn.props.part {
            Part::LifetimeHelper => html! {
                <LifetimeHelper {syntax} discount_rate={scenario.discount_rate} lifetime_profit={scenario.lifetime_profit}
                    customer_lifetime_years={scenario.customer_lifetime_years} {on_apply} />
            },
            Part::MetricsHelper => html! { <MetricsHelper {syntax} {on_apply} /> },
            _ => Html::default(),
        }
    })
}

/// The `room` chunk: the workshop room's bar on a participant's phone.
pub fn room(props: &PartProps) -> Html {
    root(
        props,
        |drawn| html! { <RoomBar scenario={drawn.scenario.clone()} figures_stale={drawn.props.links.figures_stale} /> },
    )
}

/// The `lead` chunk: the lead capture form.
pub fn lead(props: &PartProps) -> Html {
    root(props, |drawn| {
        let links = &drawn.props.links;
        // The calculator's own page hands its set-up over as its <meta> tags.
        let capture = Rc::new(if links.lead == PAGE_SETUP {
            cvc_browser::lead_capture::page_capture()
        } else {
            Capture::from_query(&links.lead)
        });
        // A new receiver (the host changed lead-endpoint) is a new form, with the draft
        // kept for that receiver: what was typed for one is never sent to another.
        let receiver = capture.setup.endpoint.clone().unwrap_or_default();
        html! {
            <LeadForm key={receiver} {capture} scenario={drawn.scenario.clone()} results={drawn.results.clone()} link={links.link.clone()}
                on_delivered={links.on_request.reform(Request::LeadDelivered)} />
        }
    })
}

/// Every part drawn at once, with no split: for the browser tests, whose binaries are not
/// split (a split point in a test binary would be left unresolved).
pub fn unsplit(part: Part) -> PartView {
    PartView(match part {
        Part::Share | Part::Embed | Part::Saved | Part::Files => panels,
        Part::Presenter => presenter,
        Part::Charts => charts,
        Part::LifetimeHelper | Part::MetricsHelper => helpers,
        Part::Room => room,
        Part::Lead => lead,
    })
}
