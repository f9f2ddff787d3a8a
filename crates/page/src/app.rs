//! The app: one state and reducer, results derived with `use_memo`, the Monte Carlo after
//! the user pauses, in slices (its result also goes to the charts), and the formatters
//! shared through context. It runs as the page itself, inside another site's iframe, or as
//! a widget in another site's page ([`Mode`]); [`mount_page`] mounts it on the calculator's
//! own page.

use crate::chrome::{Chrome, NoChrome, PageChrome, PageTop};
use crate::components::headline::{headline, questions, summary};
use crate::components::inputs::inputs;
use crate::components::notice_banner::notice_banner;
use crate::components::part_status::part_status;
use cvc_browser::address::{page_address, read_location, use_link_sync, SETTLE_MS};
use cvc_browser::dom::{document_element, element_by_id, set_accent};
use cvc_browser::frame::use_post_height;
use cvc_browser::intl::{browser_number_syntax, today_in, Formats};
use cvc_browser::keyboard::use_presenter_keys;
use cvc_browser::language::{initial_language, remember_language, use_document_language};
use cvc_browser::lazy_parts::{use_part, PartLinks, PartStatus};
use cvc_browser::mount::{mount_app, use_first_paint_handover, AppRoot, FirstPaint};
use cvc_browser::observers::{use_near_screen, wide_screen};
pub use cvc_browser::timing::Moment;
use cvc_browser::timing::{
    use_after_pause, use_drawing_stages, use_settled, Stage, MONTE_CARLO_PAUSE_MS,
};
use cvc_core::codec::link::{decode, encode, frame_keys, page_keys, LinkReading, Show};
use cvc_core::leads::PAGE_SETUP;
use cvc_core::notice::{Notice, Source};
use cvc_core::parts::{Part, Request};
use cvc_core::presets::Preset;
use cvc_core::privacy::PrivacyLine;
use cvc_core::state::{Action, State};
use cvc_core::words::Language;
use cvc_model::uncertainty::MonteCarloRun;
use cvc_model::{evaluate, Results, ValidScenario};
use std::rc::Rc;
use yew::prelude::*;

/// Where the calculator runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The calculator's own page, with its title, tools and footer where the App draws the
    /// page's chrome (`App<PageChrome>`, crate::chrome); the address bar follows the
    /// scenario.
    #[default]
    Page,
    /// Inside another site's iframe (`embed=1`): no page chrome, the content height is
    /// posted to the parent, and the answers only when its link says `show=headline`.
    Frame(Show),
    /// A widget in another site's page (embed.js): no page chrome, and the host page's
    /// address is left alone.
    Widget(Show),
}

/// The form's one state, as Yew's reducer holds it. The reducer itself is the pure
/// [`State::apply`], tested natively.
#[derive(Clone, PartialEq)]
pub struct Form(State);

impl std::ops::Deref for Form {
    type Target = State;

    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for Form {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// Applies actions to a mounted App from outside it (an embed following its host's
/// attributes and properties).
pub type Dispatcher = UseReducerDispatcher<Form>;

/// The App's answer, as an embed reports it to its host page.
#[derive(Clone, Debug)]
pub struct Answer {
    pub scenario: ValidScenario,
    pub results: Rc<Results>,
    /// The link to the scenario on screen, on the calculator's own address.
    pub link: AttrValue,
}

impl PartialEq for Answer {
    /// The same scenario behind the same link is the same answer: the results follow.
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario && self.link == other.link
    }
}

#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    /// The language to start in; by default the one chosen before, or the browser's.
    #[prop_or_default]
    pub language: Option<Language>,
    /// A scenario from a link or an embed's attributes, with what was ignored in it.
    #[prop_or_default]
    pub start: Option<Rc<LinkReading>>,
    #[prop_or_default]
    pub mode: Mode,
    /// The calculator's own address, ending in `/`; by default this page's.
    #[prop_or_default]
    pub app_address: Option<AttrValue>,
    /// Told the answer when it first shows, at each change, and once each change has stood
    /// for the address bar's pause ([`Moment`]).
    #[prop_or_default]
    pub on_answer: Option<Callback<(Answer, Moment)>>,
    /// Handed the App's dispatcher once it is mounted.
    #[prop_or_default]
    pub on_dispatcher: Option<Callback<Dispatcher>>,
    /// In a frame, what its address keeps besides the scenario (`&embed=1&events=1`).
    #[prop_or_default]
    pub frame_keys: AttrValue,
    /// What leaves the browser where the App runs, said under the answers.
    #[prop_or_default]
    pub privacy: PrivacyLine,
    /// On the calculator's own page, what its address keeps besides the scenario: the
    /// workshop room it was opened to join (`&room=ACDEFG`), whose bar it then shows.
    #[prop_or_default]
    pub page_keys: AttrValue,
    /// Lead capture, where the host switched it on: its set-up as the query the capture
    /// form is drawn from (`cvc_core::leads::Capture`), and who is told of a delivered
    /// lead (with the link of the scenario sent).
    #[prop_or_default]
    pub lead: AttrValue,
    #[prop_or_default]
    pub on_lead: Option<Callback<AttrValue>>,
    /// The answer the page showed before the App started, which the App takes down once it
    /// has drawn its own.
    #[prop_or_default]
    pub first_paint: Option<FirstPaint>,
}

/// The calculator, with what its place draws around the answers ([`Chrome`]): the page's
/// own header, tools bar and report ([`PageChrome`]), or nothing ([`NoChrome`]).
#[component]
pub fn App<C: Chrome>(props: &AppProps) -> Html {
    let (start_language, start, mode) = (props.language, props.start.clone(), props.mode);
    let state = use_reducer(move || {
        let mut state = State::new(
            start_language.unwrap_or_else(initial_language),
            browser_number_syntax(),
            ValidScenario::default(),
        );
        // The defaults are the first example business.
        state.apply(Action::LoadPreset(Preset::SmallServiceIsrael));
        if let Some(start) = start {
            let source = if matches!(mode, Mode::Widget(_)) {
                Source::Attributes
            } else {
                Source::Link
            };
            let start = (*start).clone();
            if start.has_scenario {
                state.apply(Action::ReadScenario(start.reading, source));
            } else if let Some(notice) = Notice::of(start.reading, source) {
                state.apply(Action::ShowNotice(notice));
            }
        }
        Form(state)
    });
    let scenario = state.scenario.clone();
    let results = use_memo(scenario.clone(), evaluate);
    let (monte_carlo_result, monte_carlo_updating) = use_after_pause(
        scenario.clone(),
        MONTE_CARLO_PAUSE_MS,
        MonteCarloRun::new,
        MonteCarloRun::advance,
    );
    let formats = use_memo(
        (state.language, scenario.currency.clone()),
        |(language, currency)| Formats::new(*language, currency),
    );
    let language = state.language;
    let stage = use_drawing_stages(props.first_paint.is_some());
    // Whether the App's own answer is on screen: until then, the first paint holds its
    // place, and neither a frame's height nor an embed's first answer is told.
    let drawn = stage >= Stage::Answers;
    // The report's parts are only printed, never seen on screen, so they are drawn last,
    // with the date (building a date format is slow on a phone).
    let report_drawn = stage >= Stage::Everything;
    let today = use_memo((language, report_drawn), |(language, drawn)| {
        drawn.then(|| today_in(*language))
    });
    let framed = matches!(mode, Mode::Frame(_));
    let keep = match mode {
        Mode::Frame(_) => props.frame_keys.clone(),
        Mode::Page => props.page_keys.clone(),
        Mode::Widget(_) => AttrValue::default(),
    };
    let in_room = mode == Mode::Page && !props.page_keys.is_empty();
    let presenting = use_state(|| false);
    // Not while the presenter view is on: it has a history entry of its own, which Back
    // takes away; an edit's address is written once the view is left.
    use_link_sync(
        scenario.clone(),
        language,
        !matches!(mode, Mode::Widget(_)) && !*presenting,
        keep,
    );
    use_post_height(framed && drawn);
    use_document_language(language, !matches!(mode, Mode::Widget(_)));
    // Whether a tool panel has been opened: its chunk is then on its way, and the
    // charts come with it (so a report printed from the panel has them).
    let extras_opened = use_state(|| false);

    // One callback for every action, the same on every render, so that components
    // given it (each form field) are drawn again only when their own props change.
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let on_language = {
        let state = state.clone();
        Callback::from(move |language: Language| {
            remember_language(language);
            state.dispatch(Action::SetLanguage(language));
        })
    };
    let on_preset = {
        let state = state.clone();
        Callback::from(move |preset: Preset| state.dispatch(Action::LoadPreset(preset)))
    };
    let on_present = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(true))
    };
    let on_leave_presenter = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(false))
    };
    use_presenter_keys(*presenting, on_leave_presenter.clone());
    let on_open = {
        let extras_opened = extras_opened.clone();
        Callback::from(move |()| extras_opened.set(true))
    };
    // What a part loaded later asks: a saved or imported scenario on screen, or
    // to leave the presenter view. One callback for the life of the App (while the host's
    // lead callback stays), so that the parts, which are given it, are drawn again only
    // when what they show changes, not on every render of the App.
    let on_request = {
        let (dispatcher, presenting) = (state.dispatcher(), presenting.setter());
        use_callback(
            props.on_lead.clone(),
            move |request: Request, on_lead| match request {
                Request::LeadDelivered(link) => {
                    if let Some(on_lead) = on_lead {
                        on_lead.emit(link.into());
                    }
                }
                Request::Show(query) => {
                    let reading = decode(&query).reading;
                    dispatcher.dispatch(Action::ShowScenario(reading.scenario));
                }
                Request::Leave => presenting.set(false),
                Request::Apply(figures) => dispatcher.dispatch(Action::Apply(figures)),
            },
        )
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DismissNotice))
    };
    let texts = language.texts();
    let stale = state.is_stale();
    let app_address = props
        .app_address
        .clone()
        .unwrap_or_else(|| page_address().into());
    let full_calculator: AttrValue = format!("{app_address}{}", encode(&scenario, language)).into();
    let headline_only = matches!(
        mode,
        Mode::Widget(Show::Headline) | Mode::Frame(Show::Headline)
    );
    {
        let (on_dispatcher, dispatcher) = (props.on_dispatcher.clone(), state.dispatcher());
        use_effect_with((), move |()| {
            if let Some(on_dispatcher) = on_dispatcher {
                on_dispatcher.emit(dispatcher);
            }
        });
    }
    use_settled(
        Answer {
            scenario: scenario.clone(),
            results: results.clone(),
            link: full_calculator.clone(),
        },
        drawn,
        SETTLE_MS,
        props.on_answer.clone(),
    );

    let extras = PartLinks {
        link: full_calculator.clone(),
        monte_carlo: monte_carlo_result.clone(),
        monte_carlo_stale: monte_carlo_updating,
        figures_stale: stale,
        app_address: app_address.clone(),
        lead: props.lead.clone(),
        on_request,
    };
    let (presenter_status, on_presenter_retry, presenter_part) =
        use_part(Part::Presenter, *presenting, &extras);
    // The workshop room's bar, on a page opened to join one: its chunk is fetched at once.
    let (room_status, on_room_retry, room_part) = use_part(Part::Room, in_room, &extras);
    let charts_slot = use_node_ref();
    let charts_near = use_near_screen(charts_slot.clone(), stage >= Stage::Everything);
    let wide = use_memo((), |()| wide_screen());
    let (charts_status, on_charts_retry, charts_part) = use_part(
        Part::Charts,
        !*presenting
            && !headline_only
            && stage >= Stage::Everything
            && (charts_near || *extras_opened || *wide),
        &extras,
    );
    // The lead capture form, where the host switched it on: after the answers, fetched with
    // its chunk when it comes near the screen.
    let lead_slot = use_node_ref();
    let lead_near = use_near_screen(lead_slot.clone(), stage >= Stage::Everything);
    let (lead_status, on_lead_retry, lead_part) = use_part(
        Part::Lead,
        !props.lead.is_empty()
            && !*presenting
            && stage >= Stage::Everything
            && (lead_near || *wide),
        &extras,
    );
    use_first_paint_handover(props.first_paint.clone(), drawn);
    if stage == Stage::Start {
        return Html::default();
    }
    if *presenting {
        return html! {
            <div class="cvc presenting" lang={language.tag()} dir={language.dir()}>
                { part_status(texts, presenter_status, &on_presenter_retry, "") }
                <div class="presenter-slot">{ presenter_part }</div>
            </div>
        };
    }
    let mode_class = match mode {
        Mode::Page => "page",
        Mode::Frame(_) => "framed",
        Mode::Widget(_) => "widget",
    };

    html! {
        <ContextProvider<Rc<Formats>> context={formats.clone()}>
            <div class={classes!("cvc", mode_class)} part="calculator" lang={language.tag()} dir={language.dir()}>
                if mode == Mode::Page {
                    { C::top(PageTop {
                        language,
                        preset: state.preset,
                        on_language,
                        on_preset,
                        room: if in_room {
                            html! {
                                <>
                                    <div class="room-slot">{ room_part }</div>
                                    { part_status(texts, room_status, &on_room_retry, "") }
                                </>
                            }
                        } else {
                            Html::default()
                        },
                        extras: &extras,
                        on_open,
                        on_present,
                        today: today.as_deref(),
                        formats: &formats,
                        link: &full_calculator,
                    }) }
                }
                { notice_banner(language, state.notice.as_ref(), &on_dismiss) }
                if headline_only {
                    { headline(&formats, &results, &scenario, stale) }
                } else {
                    { summary(&formats, &results, &scenario, stale) }
                    <main class="layout">
                        <div class="area-headline">
                            { headline(&formats, &results, &scenario, stale) }
                            if stage >= Stage::Questions {
                                { questions(&formats, &results, monte_carlo_result.as_deref(), monte_carlo_updating) }
                            }
                        </div>
                        <div class="area-inputs">
                            if stage >= Stage::Form {
                                { inputs(&formats, &state, &on_action, &extras, stage >= Stage::Advanced) }
                            }
                        </div>
                        // The charts are drawn here by their chunk, fetched when they
                        // come near the screen (crates/extras).
                        <div class="area-charts" part="charts" ref={charts_slot}>{ charts_part }</div>
                        { part_status(texts, charts_status, &on_charts_retry, "area-charts-status") }
                        // Printing fetches the charts, but too late for the printout that
                        // asked: it says so, rather than leaving a silent gap.
                        if charts_status != PartStatus::Shown {
                            <p class="print-only charts-not-printed">{ texts.charts_not_printed }</p>
                        }
                        if mode == Mode::Page && report_drawn {
                            { C::report_figures(&formats, &scenario) }
                        }
                    </main>
                }
                // Last, so that nothing already on screen moves when the rest arrives.
                if stage >= Stage::Everything {
                    if !props.lead.is_empty() {
                        <section class="lead-slot" part="lead" ref={lead_slot}>{ lead_part }</section>
                        { part_status(texts, lead_status, &on_lead_retry, "") }
                    }
                    <footer class="privacy" part="footer">
                        if mode != Mode::Page {
                            <p><a href={full_calculator.clone()} target="_blank" rel="noopener">{ texts.open_full }</a></p>
                        }
                        <p>{ props.privacy.sentences(language).join(" ") }</p>
                    </footer>
                }
            </div>
        </ContextProvider<Rc<Formats>>>
    }
}

/// Mounts the app into the page's `#cvc-root`, with the scenario its link carries and the
/// page's own chrome. A page without one (another site that loads embed.js) is left to the
/// embed's program. The page's wasm exports it as `mountPage` (src/main.rs).
pub fn mount_page() {
    // The page lives as long as the tab: its App is never taken down.
    if let Some((root, props)) = page_props(None, PrivacyLine::default(), false) {
        mount_app::<App<PageChrome>>(root, props);
    }
}

/// Mounts the app into `#cvc-root` of the page in another site's iframe, telling
/// `on_answer` of each answer (which it posts to its parent when its link asks), and saying
/// `privacy` under the answers. Returns the mounted App and its props, for the frame to
/// update when its parent hands it lead capture's set-up.
pub fn mount_frame_page(
    on_answer: Callback<(Answer, Moment)>,
    privacy: PrivacyLine,
) -> Option<(AppHandle<App<NoChrome>>, AppProps)> {
    // Always a frame: web/start.js chose this entry from the address's `embed`, which this
    // program's reading of the link may still not take (a repeated key), and a page drawn
    // without its chrome would have no header, tools or way to the full calculator.
    let (root, props) = page_props(Some(on_answer), privacy, true)?;
    Some((mount_app::<App<NoChrome>>(root, props.clone()), props))
}

/// The page's root (`#cvc-root`) and the App's props, read from the link and the page's
/// set-up. The page's own App has no use for the props once mounted, and the frame's keeps
/// them to update; so only the frame's are cloned. In a frame (`framed`, or a link with
/// `embed=1`) the App draws no chrome.
fn page_props(
    on_answer: Option<Callback<(Answer, Moment)>>,
    privacy: PrivacyLine,
    framed: bool,
) -> Option<(AppRoot, AppProps)> {
    let root = element_by_id("cvc-root")?;
    let link = read_location();
    let mode = if framed || link.view.embed {
        Mode::Frame(link.view.show)
    } else {
        Mode::Page
    };
    if let Some(accent) = &link.view.accent {
        set_accent(&document_element(), accent);
    }
    let worth_reading = link.has_scenario || link.reading.ignored_anything();
    let frame_keys = frame_keys(&link.view).into();
    // A room link joins a room only where a room server serves the page (or the build
    // named one); on a static host there are no room controls.
    let page_keys: AttrValue = if cvc_browser::rooms::room_server().is_some() {
        page_keys(&link.view).into()
    } else {
        AttrValue::default()
    };
    let in_room = mode == Mode::Page && !page_keys.is_empty();
    // A page opened to join a room says what "Add my figures" sends, and to whom.
    let privacy = if in_room {
        PrivacyLine::room()
    } else {
        privacy
    };
    // Lead capture on the calculator's own page, where its host built it with a receiver
    // (`<meta name="cvc-lead-endpoint">`, which the capture form reads itself); never in a
    // room, whose page asks only for the room's figures.
    let endpoint = (!in_room)
        .then(cvc_browser::lead_capture::page_endpoint)
        .flatten();
    let (lead, privacy) = match endpoint {
        Some(endpoint) => {
            // The capture form posts to another host than the page's: the line names it.
            let receiver = cvc_core::leads::receiver_host(&endpoint, &page_address());
            (AttrValue::from(PAGE_SETUP), privacy.with_capture(receiver))
        }
        None => (AttrValue::default(), privacy),
    };
    let props = AppProps {
        frame_keys,
        page_keys,
        privacy,
        lead,
        language: link.view.language,
        start: worth_reading.then(|| Rc::new(link)),
        mode,
        on_answer,
        first_paint: FirstPaint::lift_out_of(&root),
        ..AppProps::default()
    };
    Some((root.into(), props))
}
