//! The page's entry: the calculator on its own page. Its `main` does nothing:
//! `web/start.js` calls `mountPage` once the wasm has started, in a task of its own, so
//! that starting the wasm and drawing the page do not block a phone's main thread in one
//! long stretch. The parts the first answer does not need come in chunks: the split
//! points of the page's own (the panels, the presenter view, the room's bar) are here, and
//! those every entry may fetch are in `src/lib.rs`; other sites get the embed's entry
//! instead (`src/bin/embed.rs`), so that none of what only they need is in this main
//! module, and none of the page's own parts is in theirs.

use customer_value_calculator::load_shared_part;
use cvc_browser::lazy_parts::{PartLoading, PartView};
use cvc_core::parts::Part;
use wasm_bindgen::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// Draws the calculator into the page's `#cvc-root`. `outdated` is the loader's check
/// whether a newer release is served, for a chunk that cannot come.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(outdated: JsValue) {
    customer_value_calculator::start(load_part, outdated);
    cvc_page::app::mount_page();
}

#[wasm_split(panels, fallible)]
fn panels() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::panels))
}

#[wasm_split(presenter, fallible)]
fn presenter() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::presenter))
}

#[wasm_split(room, fallible)]
fn room() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::room))
}

/// Fetches and starts the chunk that draws `part`: the page's own here, the others
/// through `src/lib.rs`.
fn load_part(part: Part) -> PartLoading {
    Box::pin(async move {
        let view = match part {
            Part::Share | Part::Embed | Part::Saved | Part::Files => panels().await,
            Part::Presenter => presenter().await,
            Part::Room => room().await,
            other => match load_shared_part(other).await {
                Some(view) => view,
                None => return Err(()),
            },
        };
        view.map_err(|_| ())
    })
}

fn main() {}
