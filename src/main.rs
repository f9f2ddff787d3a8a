//! The binary the page loads. Its `main` does nothing: `web/start.js` calls the library's
//! `mountPage` once the wasm has started, in a task of its own, so that starting the wasm
//! and drawing the page do not block the phone's main thread in one long stretch.

// Linked for its exports (`mountPage`, `mountWidgets`), which JavaScript calls.
extern crate customer_value_calculator as _;

fn main() {}
