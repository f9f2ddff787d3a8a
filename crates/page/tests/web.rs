//! Browser tests: the real app mounted in headless Chromium, typed into, and compared with
//! the model. Each test mounts into its own container (as leptos' counter tests do), acts,
//! waits for Yew to render, and reads the DOM.
#![cfg(target_arch = "wasm32")]

use cvc_browser::lazy_parts::PartLoading;
use cvc_core::parts::Part;
use cvc_core::presets::Preset;
use cvc_core::words::Language;
use cvc_model::{evaluate, Field, Scenario, ValidScenario};
use cvc_page::app::{App, AppProps};
use cvc_page::chrome::PageChrome;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// The parts, drawn with no split: this test binary is not cut into chunks, so each part's
/// view is here already (`cvc_extras::part::unsplit`), as the program's split points hand
/// it over once its chunk has come.
fn unsplit_parts(part: Part) -> PartLoading {
    Box::pin(async move { Ok(cvc_extras::part::unsplit(part)) })
}

/// Mounts the app in English (or the given language) into a fresh container, and waits
/// for all of it, the charts from its chunk included.
async fn mount(language: Language) -> Element {
    cvc_browser::start();
    cvc_browser::lazy_parts::set_loader(unsplit_parts, JsValue::UNDEFINED);
    let container = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    yew::Renderer::<App<PageChrome>>::with_root_and_props(
        container.clone(),
        AppProps {
            language: Some(language),
            ..AppProps::default()
        },
    )
    .render();
    settle().await;
    // The page is drawn in steps (cvc_browser::timing::use_drawing_stages), a task apart;
    // the footer comes last.
    wait_for(&container, ".privacy", 5).await;
    // The charts are fetched once they come near the screen, and drawn one a task; the
    // Monte Carlo's comes last.
    find(&container, ".area-charts").scroll_into_view();
    wait_for(&container, ".area-charts .monte-carlo", 5).await;
    container
}

/// Polls, 200 times at most, until `done` says so; the caller's own assertions say what
/// is missing if it never does.
async fn wait_until(mut done: impl FnMut() -> bool, every_ms: u64) {
    for _ in 0..200 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(every_ms)).await;
        settle().await;
    }
}

/// Polls until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str, every_ms: u64) {
    wait_until(
        || root.query_selector(selector).ok().flatten().is_some(),
        every_ms,
    )
    .await;
}

/// Waits until Yew has finished every pending render.
async fn settle() {
    yew::scheduler::flush().await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// Every element under `root` that `selector` matches, in document order.
fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let found = root
        .query_selector_all(selector)
        .unwrap_or_else(|_| panic!("{selector} is not a selector"));
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The raw value a `<data>` element carries for the named figure.
fn figure(root: &Element, name: &str) -> f64 {
    let element = find(root, &format!("data[data-name=\"{name}\"]"));
    let value = element.get_attribute("value").expect("value attribute");
    value
        .parse()
        .unwrap_or_else(|_| panic!("{name}: {value} is not a number"))
}

/// The named figure on screen is the model's.
fn assert_shows(root: &Element, name: &str, expected: cvc_model::Figure) {
    assert_close(
        figure(root, name),
        expected
            .value()
            .unwrap_or_else(|| panic!("{name}: the model gives no value")),
    );
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

/// Types into an input as a user does: the value changes, then an input event bubbles.
async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("an input");
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("input event");
    input.dispatch_event(&event).expect("dispatch");
    settle().await;
}

fn field_input(field: Field) -> String {
    format!("#field-{}", field.name())
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_the_model_defaults() {
    let root = mount(Language::English).await;
    assert_eq!(
        find(&root, "h1")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Customer Value Calculator"
    );
    let expected = evaluate(&ValidScenario::default());
    assert_shows(
        &root,
        "yearly_cost_of_poor_service",
        expected.customer.yearly_cost_of_poor_service,
    );
    assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    assert_shows(
        &root,
        "unhappy_customer_cost",
        expected.customer.unhappy_customer_cost,
    );
    assert_shows(&root, "payback_month", expected.projection.payback_month);
    // The visible text is the same figure in the reader's format: ₪316,834.
    let shown = find(&root, "data[data-name=\"yearly_cost_of_poor_service\"]")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(shown, "₪316,834");
    assert_eq!(
        find(&root, "#preset-select")
            .dyn_into::<HtmlSelectElement>()
            .expect("select")
            .value(),
        "small-service-israel"
    );
}

#[wasm_bindgen_test]
async fn typing_updates_the_headline_and_charts_to_the_models_figures() {
    let root = mount(Language::English).await;
    type_into(&root, &field_input(Field::UnhappyShareNow), "35").await;
    type_into(&root, &field_input(Field::LifetimeProfit), "25,000").await;
    let scenario = Scenario {
        unhappy_share_now: 0.35,
        lifetime_profit: 25_000.0,
        ..Scenario::default()
    };
    let expected = evaluate(&scenario.validate().expect("valid"));
    assert_shows(
        &root,
        "yearly_cost_of_poor_service",
        expected.customer.yearly_cost_of_poor_service,
    );
    assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    assert_shows(&root, "roi", expected.projection.roi);
    // The waterfall's bars carry the model's parts, and they add up to the net gain.
    let part = |name: &str| -> f64 {
        find(&root, &format!(".waterfall [data-part=\"{name}\"]"))
            .get_attribute("data-value")
            .expect("value")
            .parse()
            .expect("number")
    };
    assert_close(
        part("retention"),
        expected.waterfall.retention.value().expect("value"),
    );
    assert_close(
        part("referrals"),
        expected.waterfall.referrals.value().expect("value"),
    );
    assert_close(
        part("service_budget"),
        expected.waterfall.service_budget.value().expect("value"),
    );
    assert_close(
        part("net_gain"),
        expected.projection.npv_gain.value().expect("value"),
    );
    // The after-horizon bar of the gain chart is the model's gain after the horizon.
    let after: f64 = find(&root, "[data-series=\"npv_gain_after_horizon\"]")
        .get_attribute("data-value")
        .expect("value")
        .parse()
        .expect("number");
    assert_close(
        after,
        expected
            .projection
            .npv_gain_after_horizon
            .value()
            .expect("value"),
    );
    // The headline says what is counted: the gain within the horizon is shown beside it.
    assert_shows(
        &root,
        "npv_gain_within_horizon",
        expected.projection.npv_gain_within_horizon,
    );
    assert_shows(
        &root,
        "break_even_unhappy_share_invest",
        expected.projection.break_even_unhappy_share_invest,
    );
    assert!(root.query_selector(".stale-note").ok().flatten().is_none());
}

#[wasm_bindgen_test]
async fn an_invalid_entry_shows_its_message_and_keeps_the_last_result() {
    let root = mount(Language::English).await;
    let before = figure(&root, "npv_gain");
    type_into(&root, &field_input(Field::UnhappyShareNow), "140").await;
    let field = find(&root, "[data-field=\"unhappy_share_now\"]");
    assert_eq!(
        find(&field, ".error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Allowed: 0% to 100%."
    );
    assert_eq!(
        find(&field, "input[type=text]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(find(&field, "input[type=text]")
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("field-unhappy_share_now-error"));
    assert_eq!(
        figure(&root, "npv_gain"),
        before,
        "the last valid result stays"
    );
    assert!(find(&root, ".stale-note")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("last valid result"));
    type_into(&root, &field_input(Field::LifetimeProfit), "abc").await;
    assert_eq!(
        find(&root, "[data-field=\"lifetime_profit\"] .error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "That is not a number."
    );
    // Nothing on screen is NaN or infinite.
    let text = root.dyn_ref::<HtmlElement>().expect("html").inner_text();
    assert!(
        !text.contains("NaN") && !text.contains("inf") && !text.contains('∞'),
        "{text}"
    );
    // Fixing both brings the results back, computed from the new values.
    type_into(&root, &field_input(Field::UnhappyShareNow), "40").await;
    type_into(&root, &field_input(Field::LifetimeProfit), "20000").await;
    assert!(root.query_selector(".stale-note").ok().flatten().is_none());
    assert_eq!(figure(&root, "npv_gain"), before);
}

/// Latin words on a Hebrew screen: anything but a currency code, or the switch that names
/// English in English so that an English reader can find it.
fn latin_words(text: &str) -> Vec<String> {
    // Currency codes, and the technical names docs/glossary.md keeps in Latin letters.
    let allowed = [
        "ILS", "USD", "EUR", "GBP", "ISO", "CHF", "CLV", "JSON", "CSV", "PDF", "QR",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty() && !allowed.contains(word))
        .map(str::to_string)
        .collect()
}

#[wasm_bindgen_test]
async fn hebrew_sets_right_to_left_and_leaves_no_english() {
    let root = mount(Language::English).await;
    find(&root, "button.language-button[lang=\"he\"]")
        .dyn_into::<HtmlElement>()
        .expect("button")
        .click();
    settle().await;
    let widget = find(&root, ".cvc");
    assert_eq!(widget.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("he"));
    assert_eq!(
        find(&root, "h1")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "מחשבון ערך לקוח"
    );
    // Open everything that folds, and both helpers, so their text is checked too.
    for button in [
        ".inputs [aria-controls=\"lifetime-helper\"]",
        ".inputs [aria-controls=\"metrics-helper\"]",
    ] {
        find(&root, button)
            .dyn_into::<HtmlElement>()
            .expect("button")
            .click();
        settle().await;
    }
    type_into(&root, &field_input(Field::UnhappyShareNow), "140").await;
    let details = root.query_selector_all("details").expect("details");
    for i in 0..details.length() {
        if let Some(node) = details.item(i) {
            node.dyn_into::<Element>()
                .expect("element")
                .set_attribute("open", "")
                .expect("open");
        }
    }
    settle().await;
    // The language switch names each language in its own script, and the printed
    // report's link is a URL: both are meant to be Latin.
    let switch = find(&root, ".language-switch");
    switch.set_attribute("hidden", "").expect("hide the switch");
    let link = find(&root, ".report-link bdi");
    link.set_attribute("hidden", "").expect("hide the link");
    let text = widget.dyn_ref::<HtmlElement>().expect("html").inner_text();
    switch.remove_attribute("hidden").expect("show the switch");
    link.remove_attribute("hidden").expect("show the link");
    assert!(text.contains("אפשר להזין"), "the error is in Hebrew");
    assert_eq!(
        latin_words(&text),
        Vec::<String>::new(),
        "English left on the Hebrew screen"
    );
    // Figures inside Hebrew sentences are isolated.
    assert!(root
        .query_selector(".explanation bdi")
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn presets_load_their_scenario() {
    let root = mount(Language::English).await;
    let select: HtmlSelectElement = find(&root, "#preset-select").dyn_into().expect("select");
    select.set_value(Preset::B2bServices.id());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatch");
    settle().await;
    let expected = evaluate(&Preset::B2bServices.scenario().validate().expect("valid"));
    assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    assert_eq!(
        find(&root, &field_input(Field::AcquisitionCost))
            .dyn_into::<HtmlInputElement>()
            .expect("input")
            .value(),
        "8000"
    );
    assert!(
        find(&root, "data[data-name=\"yearly_cost_of_poor_service\"]")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], "")
            .starts_with('$')
    );
    assert!(find(&root, ".preset-note")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("Satmetrix"));
}

#[wasm_bindgen_test]
async fn the_monte_carlo_arrives_after_a_pause() {
    let root = mount(Language::English).await;
    // It runs once typing has paused; poll for it rather than guess how long it takes.
    wait_for(&root, ".monte-carlo .chance", 50).await;
    let chance: f64 = find(&root, ".monte-carlo .chance")
        .get_attribute("data-value")
        .expect("value")
        .parse()
        .expect("number");
    assert!((0.0..=1.0).contains(&chance));
    let p10: f64 = find(&root, ".percentile[data-name=\"p10\"]")
        .get_attribute("data-value")
        .expect("value")
        .parse()
        .expect("number");
    let p90: f64 = find(&root, ".percentile[data-name=\"p90\"]")
        .get_attribute("data-value")
        .expect("value")
        .parse()
        .expect("number");
    assert!(p10 < p90);
}

#[wasm_bindgen_test]
async fn the_page_answers_while_the_monte_carlo_runs() {
    const FRESH: &str = "data[data-name=\"probability_of_gain\"]:not(.updating)";
    let root = mount(Language::English).await;
    wait_for(&root, FRESH, 50).await;
    // Many draws over the longest horizon, so that the run lasts long enough to see how
    // it is cut.
    type_into(&root, &field_input(Field::HorizonYears), "30").await;
    type_into(&root, "#monte-carlo-draws", "20000").await;
    let fresh = || root.query_selector(FRESH).ok().flatten().is_some();
    assert!(!fresh(), "the chance waits for the new run");
    // A timer asked for again and again finds the main thread free between the run's
    // slices (cvc_browser::timing::use_after_pause); were the run one task, the timer would
    // wait for all of it.
    // Counted, not only timed: on a loaded machine one wait may be long, but a run in one
    // task would let the timer in once or twice after its pause, not again and again.
    let began = cvc_browser::timing::now_ms();
    let (mut last, mut longest_wait, mut timer_ran) = (began, 0.0_f64, 0_u32);
    while !fresh() {
        yew::platform::time::sleep(Duration::ZERO).await;
        let now = cvc_browser::timing::now_ms();
        longest_wait = longest_wait.max(now - last);
        last = now;
        // Counted once the run has begun, after its pause.
        if now - began > f64::from(cvc_browser::timing::MONTE_CARLO_PAUSE_MS) {
            timer_ran += 1;
        }
        assert!(now - began < 15_000.0, "the run ends");
    }
    let run = last - began - f64::from(cvc_browser::timing::MONTE_CARLO_PAUSE_MS);
    assert!(run > 200.0, "a run long enough to tell: {run} ms");
    assert!(
        timer_ran >= 8 && longest_wait < run / 2.0,
        "the timer ran {timer_ran} times; the longest wait for the main thread was \
         {longest_wait} ms in a run of {run} ms"
    );
    assert_eq!(figure(&root, "probability_of_gain"), {
        // The page starts with the first example business.
        let mut scenario = Preset::SmallServiceIsrael.scenario();
        scenario.uncertainty.draws = 20_000;
        scenario.horizon_years = 30.0;
        let scenario = scenario.validate().expect("valid");
        cvc_model::uncertainty::monte_carlo(&scenario).probability_of_gain
    });
    // 20,000 draws, nearly all of them a gain: never "100%".
    let chance = text(&root, "data[data-name=\"probability_of_gain\"]");
    let probability = figure(&root, "probability_of_gain");
    if probability > 0.999 {
        assert!(chance.starts_with("more than 99.9%"), "{chance}");
    }
    assert!(!chance.contains("100%"), "{chance}");
}

/// Measures the time from an input event to the updated DOM, for docs/benchmarks.md. Not a
/// pass/fail timing: it prints the figures. A MutationObserver notes when Yew writes the
/// new figure into the page.
#[wasm_bindgen_test]
async fn input_to_dom_time_is_measured() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let root = mount(Language::English).await;
    let performance = gloo::utils::window().performance().expect("performance");
    let input: HtmlInputElement = find(&root, &field_input(Field::LifetimeProfit))
        .dyn_into()
        .expect("input");
    let changed_at = Rc::new(Cell::new(f64::NAN));
    let observer = {
        let changed_at = changed_at.clone();
        let performance = performance.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            if changed_at.get().is_nan() {
                changed_at.set(performance.now());
            }
        });
        let observer =
            web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).expect("observer");
        callback.forget();
        observer
    };
    let target = find(&root, "data[data-name=\"npv_gain\"]");
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_character_data(true);
    options.set_subtree(true);
    options.set_child_list(true);
    observer
        .observe_with_options(&target, &options)
        .expect("observe");
    let mut times = Vec::new();
    for i in 0..40 {
        let before = figure(&root, "npv_gain");
        changed_at.set(f64::NAN);
        input.set_value(&format!("{}", 20_000 + 100 * (i + 1)));
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        let start = performance.now();
        input
            .dispatch_event(
                &web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event"),
            )
            .expect("dispatch");
        settle().await;
        assert_ne!(figure(&root, "npv_gain"), before, "the DOM updated");
        assert!(!changed_at.get().is_nan(), "the observer saw the change");
        times.push(changed_at.get() - start);
    }
    observer.disconnect();
    times.sort_by(f64::total_cmp);
    console_log!(
        "input-to-DOM, unoptimised test build (default scenario, {} edits): median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        times.len(),
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1]
    );
}

#[wasm_bindgen_test]
async fn unbounded_word_of_mouth_is_said_in_words() {
    let root = mount(Language::English).await;
    type_into(&root, &field_input(Field::ReferralsPerHappy), "3").await;
    type_into(&root, &field_input(Field::LostPerUnhappy), "0").await;
    let cost = find(&root, ".card.cost")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(cost.contains("No lifetime figure"), "{cost}");
    assert!(find(&root, ".card.unhappy .missing")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("no limit"));
    let sentence = find(&root, ".explanation")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(sentence.contains("has no limit"), "{sentence}");
    // The projection still gives a finite net gain, the model's own.
    let scenario = Scenario {
        referrals_per_happy: 3.0,
        lost_per_unhappy: 0.0,
        ..Scenario::default()
    };
    let expected = evaluate(&scenario.validate().expect("valid"));
    assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    assert!(
        cost.contains("The projection below still applies"),
        "{cost}"
    );
    // A lifetime of one month over thirty years: the projection is beyond the model's
    // range too, so the card points to no projection.
    type_into(&root, &field_input(Field::HorizonYears), "30").await;
    type_into(&root, &field_input(Field::ReferralsPerHappy), "20").await;
    type_into(&root, &field_input(Field::CustomerLifetimeYears), "0.0834").await;
    let beyond = Scenario {
        referrals_per_happy: 20.0,
        lost_per_unhappy: 0.0,
        horizon_years: 30.0,
        customer_lifetime_years: 0.0834,
        ..Scenario::default()
    };
    let beyond = evaluate(&beyond.validate().expect("valid"));
    assert!(
        beyond.projection.npv_gain.value().is_none(),
        "a case beyond the range"
    );
    let gain = text(&root, "[data-name=\"npv_gain\"]");
    assert!(gain.contains("beyond"), "{gain}");
    let cost = text(&root, ".card.cost");
    assert!(cost.contains("No lifetime figure"), "{cost}");
    assert!(!cost.contains("projection below"), "{cost}");
}

/// The card's text, without the isolating marks around figures.
fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
}

#[wasm_bindgen_test]
async fn the_cost_card_gives_a_yearly_figure_only_where_one_is_true() {
    let root = mount(Language::English).await;
    // The model's figure, with what it counts under it.
    assert_shows(
        &root,
        "yearly_cost_of_poor_service",
        evaluate(&ValidScenario::default())
            .customer
            .yearly_cost_of_poor_service,
    );
    assert!(text(&root, ".card.cost .basis").contains("whole relationship"));
    // A target worse than today: the model's figure is below zero, and no sentence
    // "poor service costs you … a year" is true of it.
    type_into(&root, &field_input(Field::UnhappyShareInvest), "60").await;
    let cost = text(&root, ".card.cost");
    assert!(
        cost.contains("No yearly figure: your target after investing is no lower"),
        "{cost}"
    );
    assert!(
        root.query_selector(".card.cost data")
            .ok()
            .flatten()
            .is_none(),
        "{cost}"
    );
    assert!(text(&root, ".summary").contains("Poor service: no yearly figure"));
    // Word of mouth without limit only at the target: today's figures are finite.
    type_into(&root, &field_input(Field::UnhappyShareInvest), "15").await;
    type_into(&root, &field_input(Field::ReferralsPerHappy), "1.5").await;
    let cost = text(&root, ".card.cost");
    assert!(
        cost.contains("at your target each customer would bring at least one"),
        "{cost}"
    );
    let scenario = Scenario {
        referrals_per_happy: 1.5,
        ..Scenario::default()
    };
    let expected = evaluate(&scenario.validate().expect("valid"));
    assert!(expected.customer.value_per_customer_now.value().is_some());
    assert!(expected
        .customer
        .value_per_customer_invest
        .value()
        .is_none());
    assert_shows(
        &root,
        "unhappy_customer_cost",
        expected.customer.unhappy_customer_cost,
    );
}

#[wasm_bindgen_test]
async fn the_lifetime_helper_fills_the_fields_it_serves() {
    let root = mount(Language::English).await;
    find(&root, "[aria-controls=\"lifetime-helper\"]")
        .dyn_into::<HtmlElement>()
        .expect("button")
        .click();
    // The helper is drawn by its chunk.
    wait_for(&root, "#lifetime-helper", 5).await;
    type_into(&root, "#helper-yearly-profit", "5000").await;
    type_into(&root, "#helper-retention", "75").await;
    // 5000 / (1 − 0.75) = 20,000 over 4 years.
    let results = find(&root, "#lifetime-helper .helper-results")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(results.contains("₪20,000"), "{results}");
    find(&root, "#lifetime-helper button.primary")
        .dyn_into::<HtmlElement>()
        .expect("apply")
        .click();
    let value = |field: Field| {
        find(&root, &field_input(field))
            .dyn_into::<HtmlInputElement>()
            .expect("input")
            .value()
    };
    // The figures reach the form as a request from its chunk, a task later.
    wait_until(|| value(Field::CustomerLifetimeYears) == "4", 5).await;
    assert_eq!(value(Field::LifetimeProfit), "20000");
    assert_eq!(value(Field::CustomerLifetimeYears), "4");
    let scenario = Scenario {
        lifetime_profit: 20_000.0,
        customer_lifetime_years: 4.0,
        ..Scenario::default()
    };
    let expected = evaluate(&scenario.validate().expect("valid"));
    assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    // A retention of 100% would mean customers never leave: refused, next to the field.
    type_into(&root, "#helper-retention", "100").await;
    assert_eq!(
        find(&root, "#helper-retention-error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Allowed: 0% to 99%."
    );
}

#[wasm_bindgen_test]
async fn the_metrics_helper_sets_either_unhappy_share() {
    let root = mount(Language::English).await;
    find(&root, "[aria-controls=\"metrics-helper\"]")
        .dyn_into::<HtmlElement>()
        .expect("button")
        .click();
    // The helper is drawn by its chunk.
    wait_for(&root, "#metrics-helper", 5).await;
    for (id, text) in [
        ("#helper-with-problem", "40"),
        ("#helper-complaining", "50"),
        ("#helper-fast", "50"),
        ("#helper-slow", "20"),
    ] {
        type_into(&root, id, text).await;
    }
    // 0.4·[0.5·0.91 + 0.5·(0.5·0.18 + 0.2·0.46 + 0.3·0.81)] = 26.7%.
    assert!(find(&root, "#metrics-helper .helper-results")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("26.7%"));
    let buttons = root
        .query_selector_all("#metrics-helper button.primary")
        .expect("buttons");
    buttons
        .item(1)
        .expect("second button")
        .dyn_into::<HtmlElement>()
        .expect("button")
        .click();
    let invest = || {
        find(&root, &field_input(Field::UnhappyShareInvest))
            .dyn_into::<HtmlInputElement>()
            .expect("input")
            .value()
    };
    // The share reaches the form as a request from its chunk, a task later.
    wait_until(|| invest() == "26.7", 5).await;
    assert_eq!(invest(), "26.7");
}

#[wasm_bindgen_test]
async fn any_iso_currency_typed_in_formats_the_money() {
    let root = mount(Language::English).await;
    find(&root, ".advanced")
        .set_attribute("open", "")
        .expect("open");
    type_into(&root, "#currency-code", "chf").await;
    let shown = find(&root, "data[data-name=\"yearly_cost_of_poor_service\"]")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(shown.starts_with("CHF"), "{shown}");
    type_into(&root, "#currency-code", "CH").await;
    assert_eq!(
        find(&root, "#currency-error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Enter a three-letter currency code, such as ILS."
    );
    assert!(
        find(&root, "data[data-name=\"yearly_cost_of_poor_service\"]")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], "")
            .starts_with("CHF")
    );
}

#[wasm_bindgen_test]
async fn runaway_growth_is_beyond_the_models_range_in_words() {
    let root = mount(Language::English).await;
    for (field, text) in [
        (Field::ReferralsPerHappy, "20"),
        (Field::LostPerUnhappy, "0"),
        (Field::CustomerLifetimeYears, "0.09"),
        (Field::HorizonYears, "30"),
    ] {
        type_into(&root, &field_input(field), text).await;
    }
    assert!(
        root.query_selector(".stale-note").ok().flatten().is_none(),
        "every entry is allowed"
    );
    let gain = find(&root, ".card.return [data-name=\"npv_gain\"]")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(gain, "beyond the model's range");
    assert!(find(&root, ".explanation")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("beyond the model's range"));
    let text = root.dyn_ref::<HtmlElement>().expect("html").inner_text();
    assert!(
        !text.contains("NaN") && !text.contains("Infinity") && !text.contains('∞'),
        "{text}"
    );
    // The lifetime's error range shows ends that can be typed back.
    type_into(&root, &field_input(Field::CustomerLifetimeYears), "0.08").await;
    assert_eq!(
        find(&root, "#field-customer_lifetime_years-error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Allowed: 0.09 to 100."
    );
}

#[wasm_bindgen_test]
async fn a_target_no_lower_than_today_says_what_to_change() {
    for language in [Language::English, Language::Hebrew] {
        let root = mount(language).await;
        let today = Scenario::default().unhappy_share_now * 100.0;
        type_into(
            &root,
            &field_input(Field::UnhappyShareInvest),
            &format!("{}", today + 15.0),
        )
        .await;
        let sentence = find(&root, ".explanation")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], "");
        let (says, never) = match language {
            Language::English => ("makes service no better", "breaks even"),
            Language::Hebrew => ("השירות לא משתפר", "אין תקציב שמשתלם"),
        };
        assert!(sentence.contains(says), "{sentence}");
        assert!(
            !sentence.contains(never) && !sentence.contains('{'),
            "{sentence}"
        );
        // The loss it names is the headline's own.
        let scenario = Scenario {
            unhappy_share_invest: (today + 15.0) / 100.0,
            ..Scenario::default()
        };
        let expected = evaluate(&scenario.validate().expect("valid"));
        assert_shows(&root, "npv_gain", expected.projection.npv_gain);
    }
}

/// The (x, y) points of the gain chart's line, as drawn.
fn gain_line(root: &Element) -> Vec<(f64, f64)> {
    find(root, "[data-series=\"cumulative_gain\"]")
        .get_attribute("points")
        .expect("points")
        .split(' ')
        .map(|pair| {
            let (x, y) = pair.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_gain_chart_crosses_zero_at_the_payback_month_the_headline_shows() {
    let root = mount(Language::English).await;
    // Ten years, so that the default payback (month 70) falls within the chart.
    type_into(&root, &field_input(Field::HorizonYears), "10").await;
    let month = figure(&root, "payback_month") as usize;
    let expected = evaluate(
        &Scenario {
            horizon_years: 10.0,
            ..Scenario::default()
        }
        .validate()
        .expect("valid"),
    );
    assert_eq!(
        Some(month as f64),
        expected.projection.payback_month.value()
    );
    let marker = find(&root, ".gain .payback");
    assert_eq!(
        marker.get_attribute("data-month").as_deref(),
        Some(month.to_string().as_str())
    );
    // One point a month from month 0; SVG y grows downwards, so below zero is larger y.
    let points = gain_line(&root);
    assert_eq!(points.len(), 121);
    let zero_y: f64 = find(&root, ".gain .payback circle")
        .get_attribute("cy")
        .expect("cy")
        .parse()
        .expect("number");
    // Pixels are rounded to a tenth, so "at zero" is within that.
    assert!(
        points[..month].iter().any(|point| point.1 > zero_y + 1.0),
        "below zero before month {month}"
    );
    assert!(
        points[month - 1].1 >= zero_y - 0.1,
        "not yet above zero in month {}",
        month - 1
    );
    assert!(
        points[month..].iter().all(|point| point.1 <= zero_y + 0.1),
        "at or above zero from month {month} on"
    );
    // The marker stands where the line crosses.
    let marker_x: f64 = find(&root, ".gain .payback line")
        .get_attribute("x1")
        .expect("x1")
        .parse()
        .expect("number");
    assert!((marker_x - points[month].0).abs() <= 0.1);
}

/// The tornado bar of one input: its gain at the low and the high end, from the table.
fn tornado_swing(root: &Element, field: Field) -> f64 {
    find(root, &format!(".tornado [data-field=\"{}\"]", field.name()))
        .get_attribute("data-swing")
        .expect("swing")
        .parse()
        .expect("number")
}

#[wasm_bindgen_test]
async fn editing_a_range_changes_that_fields_tornado_bar() {
    let root = mount(Language::English).await;
    find(&root, ".advanced")
        .set_attribute("open", "")
        .expect("open");
    find(&root, ".uncertainty")
        .set_attribute("open", "")
        .expect("open");
    let before = tornado_swing(&root, Field::UnhappyShareNow);
    let other = tornado_swing(&root, Field::LifetimeProfit);
    // ±25% of 40% is 30% to 50%; widen it to 20% to 60%.
    type_into(&root, "#range-unhappy_share_now-low", "20").await;
    type_into(&root, "#range-unhappy_share_now-high", "60").await;
    let mut scenario = Scenario::default();
    scenario.uncertainty.set(Field::UnhappyShareNow, 0.2, 0.6);
    let bars = cvc_model::uncertainty::tornado(&scenario.validate().expect("valid"));
    let expected = bars
        .iter()
        .find(|bar| bar.field == Field::UnhappyShareNow)
        .and_then(|bar| bar.swing.value())
        .expect("a swing");
    let after = tornado_swing(&root, Field::UnhappyShareNow);
    assert!(
        after > before,
        "a wider range swings more: {before} then {after}"
    );
    assert_close(after, expected);
    assert_close(tornado_swing(&root, Field::LifetimeProfit), other);
    // A range that leaves out the value is an error beside the range; the result stays.
    type_into(&root, "#range-unhappy_share_now-high", "35").await;
    assert!(find(&root, "#range-unhappy_share_now-error")
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
        .contains("40%"));
    assert_close(tornado_swing(&root, Field::UnhappyShareNow), after);
    assert!(root.query_selector(".stale-note").ok().flatten().is_some());
}

#[wasm_bindgen_test]
async fn numbers_are_read_strictly_beside_each_field() {
    let root = mount(Language::English).await;
    type_into(&root, &field_input(Field::AcquisitionCost), "5%").await;
    assert_eq!(
        find(&root, "#field-acquisition_cost-error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "This field takes a number without “%”."
    );
    type_into(&root, &field_input(Field::AcquisitionCost), "1,2,3").await;
    assert_eq!(
        find(&root, "#field-acquisition_cost-error")
            .text_content()
            .unwrap_or_default()
            .replace(['\u{2068}', '\u{2069}'], ""),
        "Group digits in threes, as in 1,234,567."
    );
}

#[wasm_bindgen_test]
fn the_height_message_has_one_documented_shape() {
    let message = cvc_browser::frame::height_message(812.3);
    let get = |key: &str| js_sys::Reflect::get(&message, &key.into()).expect("property");
    assert_eq!(
        get("type").as_string().as_deref(),
        Some("customer-value:height")
    );
    assert_eq!(get("height").as_f64(), Some(813.0));
    assert_eq!(js_sys::Object::keys(&message).length(), 2);
}

/// The centre, in px from the left, of each UTF-16 unit of an SVG text as it is drawn.
fn glyph_centres(text: &Element) -> Vec<(char, f64)> {
    let content = text
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    let extent = js_sys::Reflect::get(text, &"getExtentOfChar".into())
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .expect("an SVG text");
    content
        .encode_utf16()
        .enumerate()
        .filter_map(|(i, unit)| {
            let c = char::from_u32(u32::from(unit))?;
            let rect = extent.call1(text, &JsValue::from(i as u32)).ok()?;
            let x = js_sys::Reflect::get(&rect, &"x".into()).ok()?.as_f64()?;
            let width = js_sys::Reflect::get(&rect, &"width".into())
                .ok()?
                .as_f64()?;
            Some((c, x + width / 2.0))
        })
        .collect()
}

/// Where, left to right, the digits, the currency sign, a Hebrew letter and the minus of a
/// money label are drawn.
struct Drawn {
    digits: (f64, f64),
    currency: Option<f64>,
    hebrew: Option<f64>,
    minus: Option<f64>,
}

fn drawn(text: &Element) -> Drawn {
    let glyphs = glyph_centres(text);
    let digits: Vec<f64> = glyphs
        .iter()
        .filter(|(c, _)| c.is_ascii_digit())
        .map(|(_, x)| *x)
        .collect();
    let find =
        |wanted: &dyn Fn(char) -> bool| glyphs.iter().find(|(c, _)| wanted(*c)).map(|(_, x)| *x);
    Drawn {
        digits: (
            digits.iter().copied().fold(f64::INFINITY, f64::min),
            digits.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ),
        currency: find(&|c| c == '₪' || c == '$'),
        hebrew: find(&|c| ('\u{05D0}'..='\u{05EA}').contains(&c)),
        minus: find(&|c| c == '-' || c == '\u{2212}'),
    }
}

/// The money labels of the charts read in the reader's order: in Hebrew the shekel sign
/// and the Hebrew word to the left of the digits, in English the sign before them; the
/// minus sign beside the digits, never cut off from them.
#[wasm_bindgen_test]
async fn the_charts_money_labels_read_in_the_readers_direction() {
    for language in [Language::Hebrew, Language::English] {
        let root = mount(language).await;
        let labels: Vec<(String, Element)> = find_all(&root, ".area-charts svg text")
            .into_iter()
            .filter(|text| {
                text.text_content()
                    .unwrap_or_default()
                    .replace(['\u{2068}', '\u{2069}'], "")
                    .contains('₪')
            })
            .map(|text| {
                (
                    text.text_content()
                        .unwrap_or_default()
                        .replace(['\u{2068}', '\u{2069}'], ""),
                    text,
                )
            })
            .collect();
        let tick = |negative: bool| {
            labels
                .iter()
                .find(|(content, text)| {
                    content.contains('-') == negative
                        && text.closest(".gain").ok().flatten().is_some()
                })
                .unwrap_or_else(|| {
                    panic!(
                        "{language:?}: no {} tick",
                        if negative { "negative" } else { "positive" }
                    )
                })
        };
        let amount = labels
            .iter()
            .find(|(_, text)| text.get_attribute("class").as_deref() == Some("value"))
            .unwrap_or_else(|| panic!("{language:?}: no waterfall amount"));
        for (content, text) in [tick(false), tick(true), amount] {
            let at = drawn(text);
            let currency = at.currency.expect("a currency sign");
            match language {
                Language::Hebrew => {
                    assert!(
                        currency < at.digits.0,
                        "{content:?}: ₪ at {currency}, digits from {}",
                        at.digits.0
                    );
                    if let Some(hebrew) = at.hebrew {
                        assert!(
                            hebrew < at.digits.0,
                            "{content:?}: the word at {hebrew}, digits from {}",
                            at.digits.0
                        );
                    }
                }
                Language::English => {
                    assert!(
                        currency < at.digits.0,
                        "{content:?}: ₪ at {currency}, digits from {}",
                        at.digits.0
                    );
                }
            }
            if let Some(minus) = at.minus {
                // Beside the number, where Intl puts it: in Hebrew next to its nearest digit
                // with neither the word nor the currency between them; in English right
                // before the currency sign.
                if language == Language::Hebrew {
                    let gap = (minus - at.digits.0).abs().min((minus - at.digits.1).abs());
                    assert!(gap < 16.0, "{content:?}: the minus {gap}px from the digits");
                    for other in [Some(currency), at.hebrew].into_iter().flatten() {
                        let left = minus.min(at.digits.0);
                        let right = minus.max(at.digits.1);
                        let outside = other < left || other > right;
                        assert!(outside, "{content:?}: the minus is cut off from the digits");
                    }
                } else {
                    assert!(
                        minus < currency && currency - minus < 16.0,
                        "{content:?}: the minus before the sign"
                    );
                }
            }
        }
    }
}

/// The horizontal centre of each character of `element`'s text, as laid out (HTML text),
/// isolates left out.
fn html_glyph_centres(element: &Element) -> Vec<(char, f64)> {
    let mut found = Vec::new();
    let walker = document()
        .create_tree_walker_with_what_to_show(element, 4)
        .expect("a tree walker over text");
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.text_content().unwrap_or_default();
        for (i, unit) in text.encode_utf16().enumerate() {
            let Some(c) = char::from_u32(u32::from(unit)) else {
                continue;
            };
            if matches!(c, '\u{2068}' | '\u{2069}' | '\u{200e}' | '\u{200f}') {
                continue;
            }
            let range = document().create_range().expect("a range");
            if range.set_start(&node, i as u32).is_err()
                || range.set_end(&node, i as u32 + 1).is_err()
            {
                continue;
            }
            let rect = range.get_bounding_client_rect();
            if rect.width() > 0.0 {
                found.push((c, rect.x() + rect.width() / 2.0));
            }
        }
    }
    found
}

/// Which side of its digits a minus sign is drawn on.
fn minus_side(glyphs: &[(char, f64)]) -> Option<bool> {
    let digits: Vec<f64> = glyphs
        .iter()
        .filter(|(c, _)| c.is_ascii_digit())
        .map(|(_, x)| *x)
        .collect();
    let minus = glyphs
        .iter()
        .find(|(c, _)| *c == '-' || *c == '\u{2212}')
        .map(|(_, x)| *x)?;
    let first = digits.iter().copied().fold(f64::INFINITY, f64::min);
    Some(minus < first)
}

/// In Hebrew, a chart's negative compact label puts its minus on the same side of the
/// number as the cards do (Intl's compact digits carry a mark of their own that used to
/// move it); a range cell of percentages reads low end first, from the right; and a notice
/// line about a Latin key keeps the line right to left, the key at its start.
#[wasm_bindgen_test]
async fn hebrew_minus_signs_ranges_and_echoed_keys_read_right_to_left() {
    let root = mount(Language::Hebrew).await;
    // The cards: the gain within the horizon is negative with the example's figures.
    let card = find(&root, "data[data-name=npv_gain_within_horizon] bdi");
    let card_side = minus_side(&html_glyph_centres(&card)).expect("a negative card");
    let negative = find_all(&root, ".area-charts .gain svg .axis text")
        .into_iter()
        .find(|text| text.text_content().unwrap_or_default().contains('-'))
        .expect("a negative axis label");
    let tick_side = minus_side(&glyph_centres(&negative)).expect("a minus in the tick");
    assert_eq!(
        tick_side,
        card_side,
        "the axis label {:?} puts its minus on the other side from the card's",
        negative.text_content()
    );

    // The tornado's table: open it and read a range of percentages.
    let tornado_toggle = find(&root, ".tornado details summary")
        .dyn_into::<HtmlElement>()
        .expect("a summary");
    tornado_toggle.click();
    settle().await;
    wait_for(&root, ".tornado table", 5).await;
    let cell = find_all(&root, ".tornado table tbody tr")
        .into_iter()
        .filter_map(|row| row.query_selector("td").ok().flatten())
        .find(|cell| cell.text_content().unwrap_or_default().contains('%'))
        .expect("a range of percentages");
    let glyphs = html_glyph_centres(&cell);
    let text: String = glyphs.iter().map(|(c, _)| *c).collect();
    assert!(text.contains("עד"), "written with words: {text}");
    let word = glyphs
        .iter()
        .find(|(c, _)| *c == 'ע')
        .map(|(_, x)| *x)
        .expect("the word");
    // Read from the right: the low end (written first) stands right of the word, the high
    // end left of it.
    let percents: Vec<f64> = glyphs
        .iter()
        .filter(|(c, _)| *c == '%')
        .map(|(_, x)| *x)
        .collect();
    assert_eq!(percents.len(), 2, "{text}");
    assert!(
        percents[0] > word && percents[1] < word,
        "the low end first, from the right: {text}"
    );

    // A notice line about a Latin key.
    let container = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    yew::Renderer::<App<PageChrome>>::with_root_and_props(
        container.clone(),
        AppProps {
            language: Some(Language::Hebrew),
            start: Some(Rc::new(cvc_core::codec::link::decode(
                "?colour=red&lang=he",
            ))),
            ..AppProps::default()
        },
    )
    .render();
    settle().await;
    wait_for(&container, ".notice li", 5).await;
    let line = find(&container, ".notice li");
    let glyphs = html_glyph_centres(&line);
    let latin = glyphs
        .iter()
        .find(|(c, _)| *c == 'c')
        .map(|(_, x)| *x)
        .expect("the key");
    let hebrew = glyphs
        .iter()
        .find(|(c, _)| ('\u{05D0}'..='\u{05EA}').contains(c))
        .map(|(_, x)| *x)
        .expect("the reason");
    assert!(
        latin > hebrew,
        "the line stays right to left, the key at its start: {:?}",
        line.text_content()
    );
}

/// The tornado has money under its bars, in the scale's order: left to right in English,
/// right to left in Hebrew.
#[wasm_bindgen_test]
async fn the_tornados_money_runs_with_its_bars() {
    for language in [Language::English, Language::Hebrew] {
        let root = mount(language).await;
        let xs: Vec<f64> = find_all(&root, ".tornado svg text.tick")
            .into_iter()
            .map(|tick| {
                assert!(
                    tick.text_content().unwrap_or_default().contains('₪'),
                    "{language:?}: {:?}",
                    tick.text_content()
                );
                tick.get_attribute("x")
                    .and_then(|x| x.parse().ok())
                    .expect("an x")
            })
            .collect();
        assert!(xs.len() >= 2, "{language:?}: {} money labels", xs.len());
        let rising = xs.windows(2).all(|pair| pair[1] > pair[0]);
        let falling = xs.windows(2).all(|pair| pair[1] < pair[0]);
        match language {
            Language::English => assert!(rising, "{xs:?}"),
            Language::Hebrew => assert!(falling, "{xs:?}"),
        }
    }
}

/// The payback chart starts at zero: the budget is paid month by month (model.md), so the
/// running gain begins on the zero line, not below it by the budget.
#[wasm_bindgen_test]
async fn the_payback_chart_starts_at_zero() {
    let root = mount(Language::English).await;
    let line = find(&root, ".area-charts .gain polyline.gain-line");
    let points = line.get_attribute("points").unwrap_or_default();
    let first_y: f64 = points
        .split(' ')
        .next()
        .and_then(|point| point.split(',').nth(1))
        .and_then(|y| y.parse().ok())
        .expect("a first point");
    let zero = find(&root, ".area-charts .gain .grid.zero line");
    let zero_y: f64 = zero
        .get_attribute("y1")
        .and_then(|y| y.parse().ok())
        .expect("the zero line");
    assert!(
        (first_y - zero_y).abs() < 0.5,
        "the line starts at {first_y}, zero is at {zero_y}"
    );
    let note = find(&root, ".area-charts .gain figcaption .hint")
        .text_content()
        .unwrap_or_default();
    assert!(
        note.contains("starts at zero") && !note.contains("below zero by the budget"),
        "{note}"
    );
}
