//! Mounting into other sites' pages: the script embed. embed.js, the loader with a stable
//! name at the bundle's root, starts the wasm and calls [`mount_widgets`]. Each
//! `[data-customer-value]` element gets a shadow root with the calculator's stylesheet
//! (`cvc_browser::embed_host`) and an app of its own, set up from its attributes (read by
//! the pure [`cvc_core::codec::link::read_attributes`]).

use crate::app::{App, AppProps, Mode};
use cvc_browser::dom::set_accent;
use cvc_browser::embed_host::{attributes, empty_containers, shadow_container, HtmlElement};
use cvc_browser::mount::mount_app;
use cvc_core::codec::link::{read_attributes, View, MARKER};
use std::rc::Rc;

/// Mounts a calculator into every container on the page that has none yet.
/// `stylesheet` is the calculator's CSS and `app_address` its folder, both absolute. The
/// page's wasm exports it as `mountWidgets` (src/main.rs).
pub fn mount_widgets(stylesheet: String, app_address: String) {
    for host in empty_containers(MARKER) {
        mount_widget(&host, &stylesheet, &app_address);
    }
}

fn mount_widget(host: &HtmlElement, stylesheet: &str, app_address: &str) {
    let link = read_attributes(&attributes(host));
    if let Some(accent) = &link.view.accent {
        set_accent(host, accent);
    }
    let View { language, show, .. } = link.view.clone();
    let props = AppProps {
        language,
        start: Some(Rc::new(link)),
        mode: Mode::Widget(show),
        app_address: Some(app_address.to_string().into()),
    };
    shadow_container(host, stylesheet, move |root| {
        mount_app::<App>(root, props);
    });
}
