//! The split points of the chunks every entry may fetch (`Chunk::ON_OTHER_SITES`: the
//! charts, the helpers, the lead form), each returning how its chunk draws its parts
//! (`cvc_extras::part`); the page's own (the panels, the presenter view, the room's bar)
//! are in its entry, `src/main.rs`, so that the embed's and the iframe's programs carry
//! neither their code nor the words and data only they read. The page (`src/main.rs`),
//! the embed (`src/bin/embed.rs`) and the page in another site's iframe
//! (`src/bin/iframe.rs`) are three entries over the same crates; the build
//! (scripts/post-build/program-wasm.mjs) cuts each with `wasm-split-cli` into a main
//! module and its chunks, each fetched and started the first time one of its parts is
//! wanted, sharing the main module's memory, allocator and function table. A chunk that
//! cannot come is an `Err`, which the part shows with "try again".
//!
//! The split points are in this package, which no test binary links: a split point in a
//! library the browser tests link would be left unresolved there (they are not split),
//! so those tests draw the parts unsplit (`cvc_extras::part::unsplit`).

use cvc_browser::lazy_parts::{LoadPart, PartLoading, PartView};
use cvc_core::parts::Part;
use wasm_bindgen::JsValue;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// What every entry's exports do first: ready the browser edge, and hand the parts'
/// loader over (`load`: the other sites' [`load_part_on_other_sites`], or the page's own). `outdated` is
/// the page's check whether a newer release is served, for a chunk that cannot come
/// (`undefined` on another site's page, which a release of the calculator cannot reload).
pub fn start(load: LoadPart, outdated: JsValue) {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(load, outdated);
}

#[wasm_split(charts, fallible)]
fn charts() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::charts))
}

#[wasm_split(helpers, fallible)]
fn helpers() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::helpers))
}

#[wasm_split(lead, fallible)]
fn lead() -> Result<PartView, SplitLoaderError> {
    Ok(PartView(cvc_extras::part::lead))
}

/// Fetches and starts the chunk that draws `part`, where it is one a calculator on
/// another site shows too; `None` for the page's own parts.
pub async fn load_shared_part(part: Part) -> Option<Result<PartView, SplitLoaderError>> {
    Some(match part {
        Part::Charts => charts().await,
        Part::LifetimeHelper | Part::MetricsHelper => helpers().await,
        Part::Lead => lead().await,
        Part::Share | Part::Embed | Part::Saved | Part::Files | Part::Presenter | Part::Room => {
            return None
        }
    })
}

/// The embed's and the iframe's loader: a calculator on another site has no tools bar,
/// presenter view or room, and asks for none of their parts.
pub fn load_part_on_other_sites(part: Part) -> PartLoading {
    Box::pin(async move {
        match load_shared_part(part).await {
            Some(view) => view.map_err(|_| ()),
            None => Err(()),
        }
    })
}
