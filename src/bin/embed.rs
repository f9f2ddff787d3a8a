//! The embed's entry: the calculator on other sites. `mountElement` draws a calculator
//! into a host element of another site's page (embed.js calls it for each
//! `<customer-value-calculator>` and each `[data-customer-value]` container) and returns
//! its handle. The parts come in chunks, as on the page
//! (`customer_value_calculator::start` hands them over): one runtime for every calculator on a host
//! page, and the charts' chunk fetched once for all of them. A calculator in an iframe is
//! the iframe's entry instead (`src/bin/iframe.rs`), so that none of the frame's code is here.

use cvc_browser::dom::HtmlElement;
use cvc_embed::calculator::{Calculator, HostKind};
use wasm_bindgen::prelude::*;

/// A calculator on the host page, for embed.js to keep on its attributes and properties.
#[wasm_bindgen]
pub struct CalculatorHandle(Calculator);

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

/// Draws a calculator into `host` (`kind` is `"element"` or `"container"`), with the
/// calculator's stylesheet and its own folder, both absolute.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    host: HtmlElement,
    kind: &str,
    stylesheet: &str,
    app_address: &str,
) -> CalculatorHandle {
    customer_value_calculator::start(
        customer_value_calculator::load_part_on_other_sites,
        JsValue::UNDEFINED,
    );
    CalculatorHandle(Calculator::mount(
        host,
        HostKind::from_name(kind),
        stylesheet,
        app_address,
    ))
}

fn main() {}
