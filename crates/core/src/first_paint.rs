//! The answer at first paint: the title, the question and the example business's headline
//! answers as static HTML, in both languages, so that a phone on a slow connection shows
//! them before the wasm has arrived (and keeps them if it never starts). Pure, so it is
//! tested natively; `crates/cli/src/build_facts.rs` prints it and
//! `scripts/post-build/first-paint.mjs` writes it into the release's `index.html`.
//!
//! Amounts of money are written as `<bdi data-money="VALUE">VALUE</bdi>`: the build
//! formats them with Node's `Intl.NumberFormat`, the same formatter the app uses in the
//! browser, so the static figures read exactly as the app's. `web/first-paint.js` shows
//! the visitor's language and, when a link carries its own scenario, marks these figures
//! as loading so that they never pass for that link's answer. It runs before the wasm, so
//! it cannot ask Rust; it follows [`rules`], which the build writes into it, so that it can
//! never disagree with the app about which language a visitor gets or what a link carries.

use crate::codec::decimal;
use crate::codec::html::escape;
use crate::codec::json::Json;
use crate::codec::link;
use crate::presets::Preset;
use crate::storage::LANGUAGE_KEY;
use crate::words::{fill, why_text, Language, Piece};
use cvc_model::{evaluate, Figure, Scenario};

/// The WebAssembly features the build lets wasm-opt use (scripts/post-build/program-wasm.mjs
/// passes each as `--enable-…`), and so the calculator's floor: `web/first-paint.js`
/// probes an engine for every one before fetching the wasm.
pub const WASM_FEATURES: [&str; 6] = [
    "bulk-memory",
    "nontrapping-float-to-int",
    "sign-ext",
    "mutable-globals",
    "reference-types",
    "multivalue",
];

/// What `web/first-paint.js` needs of the app's rules, as JSON: each language's tag and
/// the browser languages that ask for it, the language for any other browser, where the
/// reader's choice is kept, the link's language key, and the link keys that say nothing of
/// the scenario.
pub fn rules() -> Json {
    let strings = |items: &[&str]| {
        Json::Array(
            items
                .iter()
                .map(|item| Json::String((*item).into()))
                .collect(),
        )
    };
    let languages = Language::ALL
        .into_iter()
        .map(|language| {
            Json::Object(vec![
                ("tag".into(), Json::String(language.tag().into())),
                ("browser".into(), strings(language.browser_tags())),
            ])
        })
        .collect();
    Json::Object(vec![
        ("languages".into(), Json::Array(languages)),
        (
            "fallback".into(),
            Json::String(Language::from_browser("").tag().into()),
        ),
        ("storage_key".into(), Json::String(LANGUAGE_KEY.into())),
        ("language_key".into(), Json::String(link::LANG.into())),
        ("view_keys".into(), strings(&link::VIEW_KEYS)),
    ])
}

/// Money, for the build to format.
fn money(value: f64) -> String {
    let value = decimal::shortest(value);
    format!("<bdi class=\"figure\" data-money=\"{value}\">{value}</bdi>")
}

/// A figure the model gives, or its reason in words.
fn money_figure(language: Language, figure: Figure) -> String {
    match figure {
        Figure::Value(value) => money(value),
        Figure::Missing(why) => escape(why_text(language, why)),
    }
}

/// A template with its slots filled by already-escaped HTML.
fn filled(template: &str, figures: &[(&str, &str)]) -> String {
    fill(template, figures)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => escape(&text),
            Piece::Figure(html) => html,
        })
        .collect()
}

/// The scenario the app opens with.
pub fn first_scenario() -> Scenario {
    Preset::SmallServiceIsrael.scenario()
}

/// The class of each language's static answer.
pub const CLASS: &str = "first-paint";
/// Each language's static answer in the page's root, which the page takes out of the root
/// before its App mounts there, and down once the App has drawn the answer itself
/// (`cvc_browser::mount::FirstPaint`).
pub const SELECTOR: &str = ":scope > .first-paint";

/// The static answer in one language, with the app's own classes so that its stylesheet
/// lays it out as the app will be.
pub fn static_answer(language: Language) -> String {
    let texts = language.texts();
    let page = language.page_texts();
    let scenario = first_scenario();
    let valid = scenario.validate().unwrap_or_default();
    let results = evaluate(&valid);
    let c = &results.customer;
    let p = &results.projection;
    let years: Vec<(&str, String)> = texts
        .horizon(scenario.horizon_years)
        .into_iter()
        .map(|(slot, text)| (slot, escape(&text)))
        .collect();
    let gain_label = if scenario.count_after_horizon {
        texts.net_gain_total_label
    } else {
        texts.net_gain_label
    };
    let payback = match p.payback_month {
        Figure::Value(month) => escape(&texts.payback_words(month)),
        Figure::Missing(_) => escape(texts.payback_never),
    };
    let tag = language.tag();
    format!(
        concat!(
            "<div class=\"cvc page {class}\" lang=\"{tag}\" dir=\"{dir}\" data-currency=\"{currency}\">",
            "<header class=\"app-header\"><div class=\"title-row\"><h1>{title}</h1></div>",
            "<p class=\"tagline\">{tagline}</p></header>",
            "<p class=\"first-paint-status\" role=\"status\">",
            "<span class=\"starting\">{starting}</span>",
            "<span class=\"link-pending\">{link_pending}</span></p>",
            "<section class=\"headline\"><div class=\"cards\">",
            "<article class=\"card cost\"><h3>{cost_title}</h3>",
            "<p class=\"big\"><span class=\"amount\">{cost}</span> <span class=\"per\">{per_year}</span></p>",
            "<p class=\"sub basis\">{cost_basis}</p></article>",
            "<article class=\"card return\"><h3>{return_title}</h3><dl>",
            "<div class=\"main\"><dt>{gain_label}</dt><dd class=\"big\"><span class=\"amount\">{gain}</span></dd></div>",
            "<div><dt>{payback_label}</dt><dd><bdi class=\"figure\">{payback}</bdi></dd></div></dl></article>",
            "<article class=\"card unhappy\"><h3>{unhappy_title}</h3>",
            "<p class=\"big\"><span class=\"amount\">{unhappy}</span></p></article>",
            "</div></section></div>"
        ),
        class = CLASS,
        tag = tag,
        dir = language.dir(),
        currency = escape(&scenario.currency),
        title = escape(texts.title),
        tagline = escape(page.tagline),
        starting = escape(page.first_paint_starting),
        link_pending = escape(page.first_paint_link),
        cost_title = escape(texts.cost_title),
        cost = money_figure(language, c.yearly_cost_of_poor_service),
        per_year = escape(texts.per_year),
        cost_basis = escape(texts.cost_basis),
        return_title = filled(
            texts.return_title,
            &[("yearly_budget", &money(scenario.service_budget_per_year))]
        ),
        gain_label = filled(gain_label, &crate::words::slots(&years)),
        gain = money_figure(language, p.npv_gain),
        payback_label = escape(texts.payback_cash_label),
        payback = payback,
        unhappy_title = escape(texts.unhappy_title),
        unhappy = money_figure(language, c.unhappy_customer_cost),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvc_model::ValidScenario;

    #[test]
    fn the_selector_finds_the_class_the_answer_is_written_with() {
        assert!(SELECTOR.ends_with(&format!(" > .{CLASS}")));
        assert!(static_answer(Language::Hebrew)
            .starts_with(&format!("<div class=\"cvc page {CLASS}\"")));
    }

    #[test]
    fn the_answer_carries_the_models_figures_for_the_first_scenario() {
        let results = evaluate(&first_scenario().validate().expect("valid"));
        let html = static_answer(Language::English);
        for figure in [
            results.customer.yearly_cost_of_poor_service,
            results.projection.npv_gain,
            results.customer.unhappy_customer_cost,
        ] {
            let value = decimal::shortest(figure.value().expect("a figure"));
            assert!(html.contains(&format!("data-money=\"{value}\"")), "{value}");
        }
        assert!(html.contains("<h1>Customer Value Calculator</h1>"));
        assert!(html.contains("in month 70 (year 6)"), "{html}");
    }

    #[test]
    fn the_first_scenario_is_the_apps_default() {
        assert_eq!(
            first_scenario().validate().expect("valid"),
            ValidScenario::default()
        );
    }

    #[test]
    fn hebrew_is_right_to_left() {
        let html = static_answer(Language::Hebrew);
        assert!(html.starts_with(
            "<div class=\"cvc page first-paint\" lang=\"he\" dir=\"rtl\" data-currency=\"ILS\">"
        ));
        assert!(html.contains("<h1>מחשבון ערך לקוח</h1>"));
    }
}
