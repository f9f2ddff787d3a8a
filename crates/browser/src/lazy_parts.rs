//! The parts the first answer does not need (`cvc_core::parts`), drawn in the one App once
//! their chunk of the program has come. The program's entry (`src/main.rs`) hands over, at
//! start, the function that fetches a part's chunk (its split point) and the loader's
//! check for a newer release; [`use_part`] asks for a part when it is first wanted and
//! draws it as a component of the tree it is called from.

use cvc_core::parts::{Chunk, Part, Request};
use cvc_model::uncertainty::MonteCarlo;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What every part is drawn from: the link to the scenario on screen (which carries the
/// language too), the page's latest Monte Carlo, the calculator's own address, and where
/// the part's requests go.
#[derive(Clone)]
pub struct PartLinks {
    pub link: AttrValue,
    /// The latest Monte Carlo, and whether it is for an older scenario than the link's.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    pub monte_carlo_stale: bool,
    /// An entry on screen is invalid, so the answers and the link are the last valid
    /// figures, not what is typed (the room's bar sends nothing then).
    pub figures_stale: bool,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    /// The lead capture's set-up, as its query, for the capture form; empty where the host
    /// did not switch capture on.
    pub lead: AttrValue,
    pub on_request: Callback<Request>,
}

/// Compared on every render of the App, for every part and every component that passes
/// them on: the Monte Carlo by which run it is (the page runs a new one after each pause),
/// not draw by draw.
impl PartialEq for PartLinks {
    fn eq(&self, other: &Self) -> bool {
        let same_run = match (&self.monte_carlo, &other.monte_carlo) {
            (Some(one), Some(other)) => Rc::ptr_eq(one, other),
            (None, None) => true,
            _ => false,
        };
        same_run
            && self.link == other.link
            && self.monte_carlo_stale == other.monte_carlo_stale
            && self.figures_stale == other.figures_stale
            && self.app_address == other.app_address
            && self.lead == other.lead
            && self.on_request == other.on_request
    }
}

/// A part as its chunk draws it: which part, and what it is drawn from.
#[derive(Properties, Clone, PartialEq)]
pub struct PartProps {
    pub part: Part,
    pub links: PartLinks,
}

/// How a chunk draws its parts: a function of the chunk, reached through the program's
/// function table once the chunk has come.
#[derive(Clone, Copy)]
pub struct PartView(pub fn(&PartProps) -> Html);

impl PartialEq for PartView {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

/// The chunk of a part, fetched and started; `Err` when it could not come.
pub type PartLoading = Pin<Box<dyn Future<Output = Result<PartView, ()>>>>;

/// The program's split points: fetches the chunk that draws a part.
pub type LoadPart = fn(Part) -> PartLoading;

thread_local! {
    /// The program's split points, one per chunk.
    static LOAD: Cell<Option<LoadPart>> = const { Cell::new(None) };
    /// The loader's check whether a newer release is served (web/start.js, for the page
    /// and its iframe): a function returning a promise of a boolean. On another site's page
    /// there is none, and a chunk that cannot come offers to try again (a host page is
    /// never reloaded for the calculator's sake).
    static OUTDATED: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The chunks already come, by name: their parts are drawn at once.
    static LOADED: RefCell<Vec<(Chunk, PartView)>> = const { RefCell::new(Vec::new()) };
}

/// Where parts come from: `load` fetches a part's chunk, `outdated` is the loader's
/// check for a newer release (anything but a function counts as never).
pub fn set_loader(load: LoadPart, outdated: JsValue) {
    LOAD.with(|slot| slot.set(Some(load)));
    OUTDATED.with(|slot| *slot.borrow_mut() = outdated.dyn_into::<js_sys::Function>().ok());
}

/// Whether the release now served is another than this page's, whose files are gone.
async fn newer_release_served() -> bool {
    let Some(check) = OUTDATED.with(|slot| slot.borrow().clone()) else {
        return false;
    };
    let Some(promise) = check
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .is_ok_and(|served| served.as_bool() == Some(true))
}

/// `part`'s view, if its chunk has come.
fn loaded(part: Part) -> Option<PartView> {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let found = loaded.iter().find(|(chunk, _)| *chunk == part.chunk());
        found.map(|(_, view)| *view)
    })
}

/// `part`'s view, fetching its chunk if it has not come yet.
async fn part_view(part: Part) -> Result<PartView, PartStatus> {
    if let Some(view) = loaded(part) {
        return Ok(view);
    }
    let load = LOAD.with(Cell::get).ok_or(PartStatus::Failed)?;
    match load(part).await {
        Ok(view) => {
            LOADED.with(|loaded| loaded.borrow_mut().push((part.chunk(), view)));
            Ok(view)
        }
        Err(()) if newer_release_served().await => Err(PartStatus::Outdated),
        Err(()) => Err(PartStatus::Failed),
    }
}

/// How far a part has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartStatus {
    /// Not wanted yet.
    Waiting,
    /// Wanted, and its chunk is on its way.
    Loading,
    /// On screen.
    Shown,
    /// The chunk could not be fetched or started (offline before a first visit, blocked).
    Failed,
    /// The page is of an older release than the one now served, whose files are gone;
    /// loading the page again (its address holds the scenario) brings the new release.
    Outdated,
}

/// Draws `part` once `wanted`, from `links`. Returns how far it has come, a callback that
/// asks again after a failure (or, on an outdated page, loads the new release), and the
/// part itself, to place where it belongs (nothing until it has come, or while it is not
/// wanted).
#[hook]
pub fn use_part(part: Part, wanted: bool, links: &PartLinks) -> (PartStatus, Callback<()>, Html) {
    let loaded = loaded(part);
    let status = use_state(|| PartStatus::Waiting);
    // Asking again after a failure is a new attempt, which runs the effect below again.
    let attempt = use_state(|| 0_u32);
    {
        let status = status.clone();
        use_effect_with((wanted, part, *attempt), move |&(wanted, part, _)| {
            let alive = Rc::new(Cell::new(true));
            if !wanted {
                status.set(PartStatus::Waiting);
            } else {
                let alive = alive.clone();
                if loaded.is_none() {
                    status.set(PartStatus::Loading);
                }
                wasm_bindgen_futures::spawn_local(async move {
                    // Once its chunk has come, the part's view is in `LOADED`: setting the
                    // status draws the part in the render that follows.
                    let came = part_view(part).await;
                    if alive.get() {
                        status.set(came.map_or_else(|why| why, |_| PartStatus::Shown));
                    }
                });
            }
            move || alive.set(false)
        });
    }
    // Asking again when the page is outdated loads the new release in place.
    let retry = {
        let outdated = *status == PartStatus::Outdated;
        Callback::from(move |()| {
            if outdated {
                crate::address::reload();
            } else {
                attempt.set(*attempt + 1);
            }
        })
    };
    // A part whose chunk has come is drawn at once, even in the render that wants it.
    let html = match loaded {
        Some(PartView(draw)) if wanted => draw(&PartProps {
            part,
            links: links.clone(),
        }),
        _ => Html::default(),
    };
    // A part on screen is shown, whatever an earlier attempt said: its chunk may have come
    // for another part since (the other helper, another calculator on the page).
    let status = if loaded.is_some() && wanted {
        PartStatus::Shown
    } else {
        *status
    };
    (status, retry, html)
}
