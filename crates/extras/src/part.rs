//! The extras module's side: one small Yew app per part, drawn into the element the page
//! gives it and drawn again with each link the page sends. The link carries the scenario
//! and the language, so a part works out what it shows from the same model as the page.
//! `src/bin/extras.rs` exports [`PartApp`] to JavaScript.

use cvc_core::contract::{query_of, Part, Request};
use crate::charts::area::Charts;
use crate::panels::files_panel::FilesPanel;
use crate::panels::helper_forms::{LifetimeHelper, MetricsHelper};
use crate::panels::link_panels::{embed_panel, share_panel};
use crate::panels::presenter::{presenter, PresenterProps};
use crate::panels::saved_panel::SavedPanel;
use cvc_browser::intl::{browser_number_syntax, Formats};
use cvc_core::words::Language;
use cvc_core::codec::link::{decode, encode};
use cvc_model::{evaluate, ValidScenario};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct PartProps {
    pub part: Part,
    /// The link to the scenario on screen.
    pub link: AttrValue,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    pub on_request: Callback<Request>,
}

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
    let copied = use_state(|| None::<(&'static str, &'static str)>);
    let presenting = props.part == Part::Presenter;
    use_effect_with(presenting, |presenting| {
        // Keyboard users start where the content is: on the button that leaves.
        if *presenting {
            if let Some(button) = gloo::utils::document()
                .get_element_by_id("presenter-leave")
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        }
    });
    let on_load = {
        let on_request = props.on_request.clone();
        Callback::from(move |scenario: ValidScenario| {
            on_request.emit(Request::Load(encode(&scenario, language)))
        })
    };
    let body = match props.part {
        Part::Share => share_panel(&formats, &props.link, &copied),
        Part::Embed => embed_panel(&formats, &props.app_address, &scenario, &copied),
        Part::Saved => html! { <SavedPanel {scenario} {on_load} /> },
        Part::Files => html! { <FilesPanel {scenario} {results} {on_load} /> },
        Part::Presenter => presenter(
            &formats,
            PresenterProps {
                results: &results,
                scenario: &scenario,
                link: &props.link,
                on_leave: props.on_request.reform(|()| Request::Leave),
            },
        ),
        Part::Charts => html! { <Charts {scenario} {results} /> },
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

thread_local! {
    /// How many Yew apps this wasm has mounted, parts and empty ones.
    static NUMBERED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Mounts and removes empty apps until this wasm's Yew has numbered more apps than the
/// page's wasm has (see [`cvc_browser::extras_loader::count_page_root`]), so that no part
/// is ever numbered as one of the page's apps.
fn skip_page_roots(page_roots: u32) {
    #[component]
    fn Nothing() -> Html {
        Html::default()
    }
    while NUMBERED.with(|numbered| numbered.get()) < page_roots {
        if let Ok(element) = gloo::utils::document().create_element("div") {
            yew::Renderer::<Nothing>::with_root(element)
                .render()
                .destroy();
        }
        NUMBERED.with(|numbered| numbered.set(numbered.get() + 1));
    }
}

/// One part drawn into an element of the page.
pub struct PartApp {
    handle: yew::AppHandle<PartRoot>,
    props: PartProps,
}

impl PartApp {
    /// Draws `part` into `element`, an element of a page whose own wasm has mounted
    /// `page_roots` Yew apps. Requests go to `on_request`.
    pub fn mount(
        element: web_sys::Element,
        part: Part,
        link: &str,
        app_address: &str,
        on_request: Callback<Request>,
        page_roots: u32,
    ) -> PartApp {
        skip_page_roots(page_roots);
        let props = PartProps {
            part,
            link: link.to_string().into(),
            app_address: app_address.to_string().into(),
            on_request,
        };
        let handle =
            yew::Renderer::<PartRoot>::with_root_and_props(element, props.clone()).render();
        NUMBERED.with(|numbered| numbered.set(numbered.get() + 1));
        PartApp { handle, props }
    }

    /// Draws the part again for a new link.
    pub fn update(&mut self, link: &str) {
        if self.props.link.as_str() != link {
            self.props.link = link.to_string().into();
            self.handle.update(self.props.clone());
        }
    }

    /// Removes the part from the page.
    pub fn unmount(self) {
        self.handle.destroy();
    }
}
