//! A build step: prints, as JSON, the static answer at first paint in every language and
//! the rules `web/first-paint.js` follows (`{"answers": {"he": "<div…", "en": …},
//! "rules": {…}}`), for `scripts/post-build/first-paint.mjs` to write into the release.
//! Both are built by the pure [`cvc_core::first_paint`].

use cvc_core::codec::json::{write_pretty, Json};
use cvc_core::first_paint::{rules, static_answer};
use cvc_core::words::Language;

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
    let output = Json::Object(vec![
        ("answers".into(), Json::Object(answers)),
        ("rules".into(), rules()),
    ]);
    println!("{}", write_pretty(&output));
}
