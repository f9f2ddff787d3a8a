//! The page's side of the extras module: fetched once, through the function the page's own
//! loader handed over at start (web/start.js, or embed.js on another site), and parts drawn
//! into the page's elements with [`use_part`]. What crosses is `cvc_core::contract`'s, by
//! the names it declares.

use crate::mount::apps_mounted;
use cvc_core::contract::{Mount, Part, Request, Update, MOUNT_PART, OUTDATED, UNMOUNT, UPDATE};
use cvc_model::uncertainty::MonteCarlo;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    /// Returns a promise of the started module; the page's loader fetches it only once.
    static LOAD: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Where the extras module comes from: a function that returns a promise of it, started.
/// Anything else is ignored, and parts then say they could not come.
pub fn set_loader(load: JsValue) {
    let load = load.dyn_into::<js_sys::Function>().ok();
    LOAD.with(|slot| *slot.borrow_mut() = load);
}

/// Calls `target[method](...arguments)`, catching whatever JavaScript throws, so that
/// nothing the other module does can stop this one.
fn call(target: &JsValue, method: &str, arguments: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    function.apply(target, &arguments.iter().collect::<js_sys::Array>())
}

/// The module, started; or why not: the status a part then shows.
async fn extras_module() -> Result<JsValue, PartStatus> {
    let load = LOAD
        .with(|slot| slot.borrow().clone())
        .ok_or(PartStatus::Failed)?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok())
        .ok_or(PartStatus::Failed)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|reason| {
            if reason.as_string().as_deref() == Some(OUTDATED) {
                PartStatus::Outdated
            } else {
                PartStatus::Failed
            }
        })
}

/// How far a part has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartStatus {
    /// Not wanted yet.
    Waiting,
    /// Wanted, and the module is on its way.
    Loading,
    /// On screen.
    Shown,
    /// The module could not be fetched or started (offline before a first visit, blocked).
    Failed,
    /// The page is of an older release than the one now served, whose files are gone;
    /// loading the page again (its address holds the scenario) brings the new release.
    Outdated,
}

/// What every part is drawn from: the link to the scenario on screen (which carries the
/// language too), the page's latest Monte Carlo, the calculator's own address, and where
/// the part's requests go.
#[derive(Clone, PartialEq)]
pub struct PartLinks {
    pub link: AttrValue,
    /// The latest Monte Carlo, and whether it is for an older scenario than the link's.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    pub monte_carlo_stale: bool,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    /// The lead capture's set-up, as its query, for the capture form; empty where the host
    /// did not switch capture on.
    pub lead: AttrValue,
    pub on_request: Callback<Request>,
}

impl PartLinks {
    /// What `part` is drawn from now, when it was last sent the Monte Carlo `sent`: the
    /// Monte Carlo goes only to a part that shows it, and only when it is a new one.
    fn update_for(&self, part: Part, sent: Option<&Rc<MonteCarlo>>) -> Update {
        let new = match (&self.monte_carlo, sent) {
            (Some(now), Some(sent)) if Rc::ptr_eq(now, sent) => None,
            (now, _) => now.clone(),
        };
        Update {
            link: self.link.to_string(),
            monte_carlo: new.filter(|_| part.shows_monte_carlo()),
            monte_carlo_stale: self.monte_carlo_stale,
        }
    }
}

/// A part on screen, and the function it calls with its requests (kept alive with it).
struct Mounted {
    handle: JsValue,
    _on_request: Closure<dyn Fn(String)>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = call(&self.handle, UNMOUNT, &[]);
    }
}

/// Draws `part` into the element behind `slot` once `wanted`, keeps it on the latest
/// link and Monte Carlo, and removes it when no longer wanted (or when another part is
/// wanted there). The part's requests reach `on_request` in a task of their own, never
/// while the part is still handling its own event. Returns how far it has come, and a
/// callback that asks again after a failure (or, on an outdated page, loads the new
/// release).
#[hook]
pub fn use_part(
    slot: NodeRef,
    part: Part,
    wanted: bool,
    links: &PartLinks,
) -> (PartStatus, Callback<()>) {
    let status = use_state(|| PartStatus::Waiting);
    // Asking again after a failure is a new attempt, which runs the effect below again.
    let attempt = use_state(|| 0_u32);
    let mounted = use_mut_ref(|| None::<Mounted>);
    // The Monte Carlo the part on screen has, so that it is sent only when it is new.
    let sent = use_mut_ref(|| None::<Rc<MonteCarlo>>);
    // What the part is drawn with when the module arrives: the latest, not the first.
    let latest = use_mut_ref(|| links.clone());
    *latest.borrow_mut() = links.clone();
    {
        let (status, mounted, latest, sent) = (
            status.clone(),
            mounted.clone(),
            latest.clone(),
            sent.clone(),
        );
        use_effect_with((wanted, part, *attempt), move |&(wanted, part, _)| {
            let alive = Rc::new(std::cell::Cell::new(wanted));
            if !wanted {
                status.set(PartStatus::Waiting);
            } else if mounted.borrow().is_none() {
                status.set(PartStatus::Loading);
                let (alive, mounted) = (alive.clone(), mounted.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let module = extras_module().await;
                    if !alive.get() {
                        return;
                    }
                    let module = match module {
                        Ok(module) => module,
                        Err(why) => {
                            status.set(why);
                            return;
                        }
                    };
                    let Some(element) = slot.cast::<web_sys::Element>() else {
                        status.set(PartStatus::Failed);
                        return;
                    };
                    let forward = latest.clone();
                    let on_request = Closure::<dyn Fn(String)>::new(move |message: String| {
                        let Some(request) = Request::from_message(&message) else {
                            return;
                        };
                        let on_request = forward.borrow().on_request.clone();
                        wasm_bindgen_futures::spawn_local(async move { on_request.emit(request) });
                    });
                    let mount = {
                        let links = latest.borrow();
                        *sent.borrow_mut() = links.monte_carlo.clone();
                        Mount {
                            part,
                            page_roots: apps_mounted(),
                            app_address: links.app_address.to_string(),
                            lead: if part == Part::Lead {
                                links.lead.to_string()
                            } else {
                                String::new()
                            },
                            update: links.update_for(part, None),
                        }
                    };
                    let handle = call(
                        &module,
                        MOUNT_PART,
                        &[
                            element.into(),
                            mount.to_message().into(),
                            on_request.as_ref().clone(),
                        ],
                    );
                    match handle {
                        Ok(handle) if handle.is_object() => {
                            *mounted.borrow_mut() = Some(Mounted {
                                handle,
                                _on_request: on_request,
                            });
                            status.set(PartStatus::Shown);
                        }
                        Ok(_) | Err(_) => status.set(PartStatus::Failed),
                    }
                });
            }
            move || {
                alive.set(false);
                mounted.borrow_mut().take();
            }
        });
    }
    {
        let mounted = mounted.clone();
        let deps = (
            links.link.clone(),
            links
                .monte_carlo
                .as_ref()
                .map(|now| Rc::as_ptr(now) as usize),
            links.monte_carlo_stale,
        );
        let links = links.clone();
        use_effect_with(deps, move |_| {
            if let Some(shown) = &*mounted.borrow() {
                let update = links.update_for(part, sent.borrow().as_ref());
                *sent.borrow_mut() = links.monte_carlo.clone();
                // A part that cannot take the new update keeps showing the last one.
                let _ = call(&shown.handle, UPDATE, &[update.to_message().into()]);
            }
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
    (*status, retry)
}

/// The module's side: a callback that hands each request of a part, as its message, to
/// the page's function `on_request` (anything else is ignored).
pub fn requests_to(on_request: JsValue) -> Callback<Request> {
    let on_request = on_request.dyn_into::<js_sys::Function>().ok();
    Callback::from(move |request: Request| {
        if let Some(on_request) = &on_request {
            let _ = on_request.call1(&JsValue::NULL, &request.to_message().into());
        }
    })
}
