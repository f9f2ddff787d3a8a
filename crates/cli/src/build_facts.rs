//! A build step: prints, as JSON, what `scripts/post-build/` writes into the bundle from
//! the Rust code, so that no JavaScript keeps a copy of a rule by hand:
//!
//! - `answers`: the static answer at first paint, in every language (index.html);
//! - `rules`: which language a visitor gets and which link keys say nothing of the
//!   scenario (first-paint.js);
//! - `element_attributes`: the `<customer-value-calculator>` element's attributes (embed.js,
//!   the TypeScript declarations, the Custom Elements Manifest);
//! - `fields`: each scenario field's name, unit and allowed range (the same declarations);
//! - `frame`: the iframe's messages and the `dataLayer` entry's shape (frame.js), with
//!   lead capture's messages and attributes under `lead`;
//! - `element`: the custom element's tag and the containers' marker attribute (embed.js,
//!   the declarations, the npm package);
//! - `room_server_meta`: the `<meta>` that names the room server (room-server.mjs);
//! - `wasm_features`: the WebAssembly features wasm-opt may use (first-paint.js probes them);
//! - `chunks`: the names of the program's split chunks (the build names their files
//!   after them; the size budget and the service worker check them), in the order the
//!   build groups their shared code, `chunks_without_charts`, those a calculator may
//!   fetch without the charts (shared-chunks.mjs), and `chunks_on_other_sites`, those the
//!   embed's and the iframe's entries are cut into (program-wasm.mjs);
//! - `result_figures`: the names of the figures the element's events and `results` carry,
//!   each a number or `null` (the TypeScript declarations).

use cvc_core::codec::attributes::{element_attributes, MARKER};
use cvc_core::codec::json::{write_pretty, Json};
use cvc_core::first_paint::{rules, static_answer, WASM_FEATURES};
use cvc_core::host_events::frame_facts;
use cvc_core::parts::Chunk;
use cvc_core::snippets::TAG;
use cvc_core::words::Language;
use cvc_model::Field;

fn main() {
    let answers = Language::ALL
        .into_iter()
        .map(|language| {
            (
                language.tag().to_string(),
                Json::String(static_answer(language)),
            )
        })
        .collect();
    let attributes = element_attributes().into_iter().map(Json::String).collect();
    let fields = Field::ALL
        .into_iter()
        .map(|field| {
            let spec = field.spec();
            Json::Object(vec![
                ("name".into(), Json::String(field.name().into())),
                (
                    "unit".into(),
                    Json::String(format!("{:?}", spec.unit).to_lowercase()),
                ),
                ("min".into(), Json::Number(spec.min)),
                ("max".into(), Json::Number(spec.max)),
                ("default".into(), Json::Number(spec.default)),
            ])
        })
        .collect();
    // The iframe's facts, with lead capture's beside them (frame.js reads both).
    let mut frame = frame_facts();
    if let Json::Object(members) = &mut frame {
        members.push(("lead".into(), cvc_core::leads::frame_facts()));
    }
    let output = Json::Object(vec![
        ("answers".into(), Json::Object(answers)),
        ("rules".into(), rules()),
        ("element_attributes".into(), Json::Array(attributes)),
        ("fields".into(), Json::Array(fields)),
        ("frame".into(), frame),
        (
            "element".into(),
            Json::Object(vec![
                ("tag".into(), Json::String(TAG.into())),
                ("marker".into(), Json::String(MARKER.into())),
            ]),
        ),
        (
            "room_server_meta".into(),
            Json::String(cvc_core::room::SERVER_META.into()),
        ),
        (
            "wasm_features".into(),
            Json::Array(
                WASM_FEATURES
                    .into_iter()
                    .map(|feature| Json::String(feature.into()))
                    .collect(),
            ),
        ),
        ("chunks".into(), chunk_names(&Chunk::ALL)),
        (
            "chunks_without_charts".into(),
            chunk_names(&Chunk::WITHOUT_CHARTS),
        ),
        (
            "chunks_on_other_sites".into(),
            chunk_names(&Chunk::ON_OTHER_SITES),
        ),
        (
            "result_figures".into(),
            Json::Array(
                cvc_model::evaluate(&cvc_model::ValidScenario::default())
                    .named_figures()
                    .into_iter()
                    .map(|(name, _)| Json::String(name.into()))
                    .collect(),
            ),
        ),
    ]);
    println!("{}", write_pretty(&output));
}

/// The chunks' names, in the order given.
fn chunk_names(chunks: &[Chunk]) -> Json {
    Json::Array(
        chunks
            .iter()
            .map(|chunk| Json::String(chunk.name().into()))
            .collect(),
    )
}
