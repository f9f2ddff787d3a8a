//! The page's side: fetches the extras module once, through the function the page's own
//! loader handed over at start (web/start.js, or embed.js on another site), and draws a
//! part into an element of the page with [`use_part`].

use cvc_core::contract::{Part, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The extras module's exports (src/bin/extras.rs), once started.
    type ExtrasModule;
    // Each call catches what JavaScript throws, so that nothing the other module does can
    // stop this one.
    #[wasm_bindgen(method, js_name = mountPart, catch)]
    fn mount_part(
        this: &ExtrasModule,
        element: &web_sys::Element,
        part: &str,
        link: &str,
        app_address: &str,
        on_request: &js_sys::Function,
        page_roots: u32,
    ) -> Result<Option<PartHandle>, JsValue>;

    /// A part drawn into the page.
    type PartHandle;
    #[wasm_bindgen(method, catch)]
    fn update(this: &PartHandle, link: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn unmount(this: &PartHandle) -> Result<(), JsValue>;
}

thread_local! {
    /// Returns a promise of the started module; the page's loader fetches it only once.
    static LOAD: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// How many Yew apps this wasm has mounted (see [`count_page_root`]).
    static PAGE_ROOTS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Counts a Yew app this wasm mounts. Each Yew app in a wasm brands its elements with a
/// number from that wasm's own count, starting at 1, and Yew finds which app an event
/// belongs to from the nearest branded element. The extras module's apps sit inside this
/// wasm's app, so their numbers must never be this wasm's: the extras module skips past
/// the count it is given (src/bin/extras.rs), or a click in a panel would run this app's
/// handler of the same number.
pub fn count_page_root() {
    PAGE_ROOTS.with(|roots| roots.set(roots.get() + 1));
}

/// Where the extras module comes from: a function that returns a promise of it, started.
pub fn set_loader(load: js_sys::Function) {
    LOAD.with(|slot| *slot.borrow_mut() = Some(load));
}

async fn extras_module() -> Option<ExtrasModule> {
    let load = LOAD.with(|slot| slot.borrow().clone())?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(module.unchecked_into())
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
}

/// What every part is drawn from: the link to the scenario on screen (which carries the
/// language too), the calculator's own address, and where the part's requests go.
#[derive(Clone, PartialEq)]
pub struct PartLinks {
    pub link: AttrValue,
    /// The calculator's own address, ending in `/`: where links and embeds point.
    pub app_address: AttrValue,
    pub on_request: Callback<Request>,
}

/// A part on screen, and the function it calls with its requests (kept alive with it).
struct Mounted {
    handle: PartHandle,
    _on_request: Closure<dyn Fn(String)>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = self.handle.unmount();
    }
}

/// Draws `part` into the element behind `slot` once `wanted`, keeps it on the latest
/// link, and removes it when no longer wanted (or when another part is wanted there).
/// The part's requests reach `on_request` in a task of their own, never while the part
/// is still handling its own event. Returns how far it has come, and a callback that asks
/// again after a failure.
#[hook]
pub fn use_part(
    slot: NodeRef,
    part: Part,
    wanted: bool,
    links: &PartLinks,
) -> (PartStatus, Callback<()>) {
    let PartLinks {
        link,
        app_address,
        on_request,
    } = links.clone();
    let status = use_state(|| PartStatus::Waiting);
    // Asking again after a failure is a new attempt, which runs the effect below again.
    let attempt = use_state(|| 0_u32);
    let mounted = use_mut_ref(|| None::<Mounted>);
    // What the part is drawn with when the module arrives: the latest, not the first.
    let latest = use_mut_ref(|| (link.clone(), on_request.clone()));
    *latest.borrow_mut() = (link.clone(), on_request);
    {
        let (status, mounted, latest) = (status.clone(), mounted.clone(), latest.clone());
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
                    let (Some(module), Some(element)) = (module, slot.cast::<web_sys::Element>())
                    else {
                        status.set(PartStatus::Failed);
                        return;
                    };
                    let forward = latest.clone();
                    let on_request = Closure::<dyn Fn(String)>::new(move |message: String| {
                        let Some(request) = Request::from_message(&message) else {
                            return;
                        };
                        let on_request = forward.borrow().1.clone();
                        wasm_bindgen_futures::spawn_local(async move { on_request.emit(request) });
                    });
                    let link = latest.borrow().0.clone();
                    let handle = module.mount_part(
                        &element,
                        part.name(),
                        &link,
                        &app_address,
                        on_request.as_ref().unchecked_ref(),
                        PAGE_ROOTS.with(|roots| roots.get()),
                    );
                    match handle {
                        Ok(Some(handle)) => {
                            *mounted.borrow_mut() = Some(Mounted {
                                handle,
                                _on_request: on_request,
                            });
                            status.set(PartStatus::Shown);
                        }
                        Ok(None) | Err(_) => status.set(PartStatus::Failed),
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
        use_effect_with(link, move |link| {
            if let Some(shown) = &*mounted.borrow() {
                // A part that cannot take the new link keeps showing the last one.
                let _ = shown.handle.update(link);
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    (*status, retry)
}
