//! The split points every entry is cut at: one per chunk of parts
//! (`cvc_core::parts::Chunk`), each returning how its chunk draws its parts
//! (`cvc_extras::part`). The page (`src/main.rs`), the embed (`src/bin/embed.rs`) and the
//! page in another site's iframe (`src/bin/iframe.rs`) are three entries over the same
//! crates; the build (scripts/post-build/program-wasm.mjs)
//! cuts each with `wasm-split-cli` into a main module and these chunks, each fetched and
//! started the first time one of its parts is wanted, sharing the main module's memory,
//! allocator and function table. A chunk that cannot come is an `Err`, which the part
//! shows with "try again".
//!
//! The split points are in this package, which no test binary links: a split point in a
//! library the browser tests link would be left unresolved there (they are not split),
//! so those tests draw the parts unsplit (`cvc_extras::part::unsplit`).

use cvc_browser::lazy_parts::{PartLoading, PartView};
use cvc_core::parts::Part;
use wasm_bindgen::JsValue;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// What every entry's exports do first: ready the browser edge, and hand the parts' loader
/// these split points. `outdated` is the page's check whether a newer release is served,
/// for a chunk that cannot come (`undefined` on another site's page, which a release of
/// the calculator cannot reload).
pub fn start(outdated: JsValue) {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(load_part, outdated);
}

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
