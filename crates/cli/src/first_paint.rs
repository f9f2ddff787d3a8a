//! Prints the static answer at first paint, in every language, as JSON (`{"he": "<div…",
//! "en": …}`), for `scripts/post-build.mjs` to write into the release's index.html. The
//! HTML itself is built by the pure [`cvc_core::first_paint`].

use cvc_core::first_paint::static_answer;
use cvc_core::words::Language;
use cvc_core::codec::json::{write_pretty, Json};

fn main() {
    let members = Language::ALL
        .iter()
        .map(|&language| {
            (
                language.tag().to_string(),
                Json::String(static_answer(language)),
            )
        })
        .collect();
    println!("{}", write_pretty(&Json::Object(members)));
}
