//! The calculators' apps, kept for the next calculator of the page. Yew leaves the event
//! listeners it adds to an app's root element in place for good (its `HostHandlers` forget
//! their closures), so a single-page site that connects and removes calculators all day
//! kept four listeners and the root of every calculator it ever showed
//! (docs/benchmarks.md, "A host page's long session"). A calculator taken down keeps its
//! app instead, drawing nothing, and the next one to draw takes it: the app's root moves
//! into the new shadow root, and the App is drawn anew under a new key, so that it starts
//! from the new host's settings with nothing of the last one's state.

use cvc_browser::dom::Element;
use cvc_browser::embed_host::put_in_place;
use cvc_browser::mount::mount_app;
use cvc_page::app::{App, AppProps};
use cvc_page::chrome::NoChrome;
use std::cell::{Cell, RefCell};
use yew::prelude::*;
use yew::AppHandle;

thread_local! {
    /// Apps taken back from calculators that were taken down, drawing nothing.
    static KEPT: RefCell<Vec<HostedApp>> = const { RefCell::new(Vec::new()) };
    /// The key of the App drawn last: each calculator's App has its own.
    static DRAWN: Cell<u32> = const { Cell::new(0) };
}

#[derive(Properties, PartialEq, Clone)]
pub struct HostedProps {
    /// The App's key: a new one draws a new App, with a state of its own.
    drawn: u32,
    /// The App's settings; `None` while the app is kept, drawing nothing.
    app: Option<AppProps>,
}

/// The root of a calculator's app: its App, or nothing while it is kept.
#[component]
fn Hosted(props: &HostedProps) -> Html {
    match &props.app {
        Some(app) => html! { <App<NoChrome> key={props.drawn} ..app.clone() /> },
        None => Html::default(),
    }
}

/// A calculator's app: where it is drawn, and its handle.
pub struct HostedApp {
    root: Element,
    handle: AppHandle<Hosted>,
    drawn: u32,
}

impl HostedApp {
    /// Draws an App with `props` where `place` is (an empty element of a shadow root): with
    /// a kept app, whose root takes `place`'s place, or with a new app mounted in `place`.
    pub fn draw(place: Element, props: AppProps) -> HostedApp {
        let drawn = DRAWN.with(|drawn| {
            drawn.set(drawn.get().wrapping_add(1));
            drawn.get()
        });
        let app = Some(props);
        match KEPT.with(|kept| kept.borrow_mut().pop()) {
            Some(mut kept) => {
                put_in_place(&place, &kept.root);
                kept.drawn = drawn;
                kept.handle.update(HostedProps { drawn, app });
                kept
            }
            None => HostedApp {
                handle: mount_app::<Hosted>(place.clone(), HostedProps { drawn, app }),
                root: place,
                drawn,
            },
        }
    }

    /// Draws the same App again with new settings (its state stays).
    pub fn update(&mut self, props: AppProps) {
        self.handle.update(HostedProps {
            drawn: self.drawn,
            app: Some(props),
        });
    }

    /// Takes the App down (with every listener, observer and timer it made) and keeps the
    /// app, out of the page, for the next calculator.
    pub fn keep(mut self) {
        self.handle.update(HostedProps {
            drawn: self.drawn,
            app: None,
        });
        self.root.remove();
        KEPT.with(|kept| kept.borrow_mut().push(self));
    }
}
