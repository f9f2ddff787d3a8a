//! The program's entry: where the calculator starts, on its own page, in another site's
//! iframe and on another site's page, and the split points its chunks are cut at.
//!
//! The build (scripts/post-build/program-wasm.mjs) cuts this one wasm with
//! `wasm-split-cli` at each `#[wasm_split]` function below: the main module holds the
//! runtime (Yew, the standard library, the model) and the page, and each chunk (named in
//! `cvc_core::parts::Chunk`) is fetched and started the first time its function is
//! called, sharing the main module's memory, allocator and function table. A chunk that
//! cannot come is an `Err`, which the part shows with "try again".
//!
//! The split points are here, in the binary, not in a library: a library's split point
//! would be left unresolved in the browser tests' binaries, which are not split.

use cvc_browser::dom::HtmlElement;
use cvc_browser::lazy_parts::{PartLoading, PartView};
use cvc_core::parts::Part;
use cvc_embed::calculator::HostedCalculator;
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// Draws the calculator into the page's `#cvc-root`. `web/start.js` calls it once the
/// wasm has started, in a task of its own, so that starting the wasm and drawing the page
/// do not block a phone's main thread in one long stretch; `outdated` is its check
/// whether a newer release is served, for a chunk that cannot come.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(outdated: JsValue) {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(load_part, outdated);
    cvc_page::app::mount_page();
}

/// Draws the calculator's page inside another site's iframe (`?embed=1`), telling the
/// parent what was calculated when the frame's link asks: the `embed` chunk.
#[wasm_bindgen(js_name = mountFrame)]
pub async fn mount_frame(outdated: JsValue) -> Result<(), JsError> {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(load_part, outdated);
    framed().await.map_err(|_| JsError::new("the embed chunk could not be loaded"))
}

#[wasm_split(embed, fallible)]
fn framed() -> Result<(), SplitLoaderError> {
    cvc_embed::framed::mount_frame();
    Ok(())
}

/// A calculator on another site's page, for embed.js to keep on its attributes and
/// properties.
#[wasm_bindgen]
pub struct CalculatorHandle(Box<dyn HostedCalculator>);

#[wasm_bindgen]
impl CalculatorHandle {
    /// The host's attribute `name` was set, changed or removed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        self.0.attribute_changed(name);
    }

    /// The `scenario` property was set: the object as JSON, or `undefined` for anything
    /// that is not one.
    #[wasm_bindgen(js_name = setScenario)]
    pub fn set_scenario(&self, text: Option<String>) {
        self.0.set_scenario(text);
    }

    /// The scenario on screen as the command-line tool reads it, as JSON.
    pub fn scenario(&self) -> Option<String> {
        self.0.scenario()
    }

    /// The results on screen, with the command-line tool's names, as JSON.
    pub fn results(&self) -> Option<String> {
        self.0.results()
    }

    /// The link to the scenario on screen.
    pub fn link(&self) -> Option<String> {
        self.0.link()
    }

    /// Takes the calculator down.
    pub fn unmount(self) {
        self.0.unmount();
    }
}

/// Draws a calculator into `host` of another site's page (`kind` is `"element"` or
/// `"container"`), with the calculator's stylesheet and its own folder, both absolute:
/// embed.js calls it for each `<customer-value-calculator>` and `[data-customer-value]`
/// container. It resolves once the `embed` chunk has come.
#[wasm_bindgen(js_name = mountElement)]
pub async fn mount_element(
    host: HtmlElement,
    kind: String,
    stylesheet: String,
    app_address: String,
) -> Result<CalculatorHandle, JsError> {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(load_part, JsValue::UNDEFINED);
    hosted(host, kind, stylesheet, app_address)
        .await
        .map(CalculatorHandle)
        .map_err(|_| JsError::new("the embed chunk could not be loaded"))
}

#[wasm_split(embed, fallible)]
fn hosted(
    host: HtmlElement,
    kind: String,
    stylesheet: String,
    app_address: String,
) -> Result<Box<dyn HostedCalculator>, SplitLoaderError> {
    Ok(cvc_embed::calculator::mount_hosted(
        host,
        &kind,
        &stylesheet,
        &app_address,
    ))
}

// One split point per chunk of parts (`cvc_core::parts::Chunk`): each returns how its
// chunk draws its parts (`cvc_extras::part`).

#[wasm_split(panels, fallible)]
fn panels() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::panels))
}

#[wasm_split(presenter, fallible)]
fn presenter() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::presenter))
}

#[wasm_split(charts, fallible)]
fn charts() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::charts))
}

#[wasm_split(helpers, fallible)]
fn helpers() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::helpers))
}

#[wasm_split(room, fallible)]
fn room() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::room))
}

#[wasm_split(lead, fallible)]
fn lead() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::lead))
}

/// Fetches and starts the chunk that draws `part`.
fn load_part(part: Part) -> PartLoading {
    Box::pin(async move {
        let view = match part {
            Part::Share | Part::Embed | Part::Saved | Part::Files => panels().await,
            Part::Presenter => presenter().await,
            Part::Charts => charts().await,
            Part::LifetimeHelper | Part::MetricsHelper => helpers().await,
            Part::Room => room().await,
            Part::Lead => lead().await,
        };
        view.map_err(|_| ())
    })
}

fn main() {}
