//! Prints the static answer at first paint, in every language, as JSON (`{"he": "<div…",
//! "en": …}`), for `scripts/post-build.mjs` to write into the release's index.html. The
//! HTML itself is built by the pure [`customer_value_calculator::app::first_paint`].

use customer_value_calculator::app::first_paint::static_answer;
use customer_value_calculator::app::i18n::Language;
use customer_value_calculator::codec::json::{write_pretty, Json};

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
