//! Browser tests of the embed's program: a calculator mounted into a host element (as the
//! custom element and as a `[data-customer-value]` container), kept on its attributes,
//! read and set through its properties, telling its host what was calculated, taken down
//! and mounted again. The element's class itself is embed.js's (JavaScript); the
//! end-to-end tests drive it on a real host page.
#![cfg(target_arch = "wasm32")]

use cvc_core::codec::scenario_file;
use cvc_embed::calculator::{Calculator, HostKind};
use cvc_model::{evaluate, Field, Scenario, ValidScenario};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// The calculator's stylesheet stands in as an empty one: it loads at once.
const STYLESHEET: &str = "data:text/css,";

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// A host element with `attributes`, on the page.
fn host(tag: &str, attributes: &[(&str, &str)]) -> HtmlElement {
    let host: HtmlElement = document()
        .create_element(tag)
        .expect("an element")
        .dyn_into()
        .expect("an HTML element");
    for (name, value) in attributes {
        host.set_attribute(name, value).expect("attribute");
    }
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

async fn settle() {
    yew::scheduler::flush().await;
}

/// Polls until `done` says so, 200 times at most; the caller's assertions say what is
/// missing if it never does.
async fn wait_until(mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        settle().await;
    }
}

fn shadow(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("a shadow root")
}

fn find(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// The named figure the calculator in `host` shows, once it shows one.
async fn shown(host: &HtmlElement, name: &str) -> f64 {
    let selector = format!("data[data-name=\"{name}\"]");
    wait_until(|| {
        host.shadow_root()
            .and_then(|root| find(&root, &selector))
            .is_some()
    })
    .await;
    find(&shadow(host), &selector)
        .and_then(|element| element.get_attribute("value"))
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no {name} shown"))
}

/// Waits until the named figure is `expected`, and says so if it never is.
async fn shows(host: &HtmlElement, name: &str, expected: f64) {
    let selector = format!("data[data-name=\"{name}\"]");
    wait_until(|| {
        host.shadow_root()
            .and_then(|root| find(&root, &selector))
            .and_then(|element| element.get_attribute("value"))
            .and_then(|value| value.parse::<f64>().ok())
            .is_some_and(|value| (value - expected).abs() <= 1e-9 * expected.abs().max(1.0))
    })
    .await;
    let value = shown(host, name).await;
    assert!(
        (value - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{name}: expected {expected}, shown {value}"
    );
}

fn gain_of(scenario: Scenario) -> f64 {
    let valid = scenario.validate().expect("a valid scenario");
    evaluate(&valid)
        .projection
        .npv_gain
        .value()
        .expect("a gain")
}

fn mount(host: &HtmlElement, kind: HostKind) -> Calculator {
    cvc_browser::start();
    Calculator::mount(host.clone(), kind, STYLESHEET, "https://calc.example/")
}

#[wasm_bindgen_test]
async fn an_element_follows_its_attributes_and_goes_back_to_the_default_when_one_is_removed() {
    let host = host(
        "section",
        &[
            ("lang", "en"),
            ("lifetime-profit", "45000"),
            ("currency", "USD"),
            ("class", "host's own"),
        ],
    );
    let calculator = mount(&host, HostKind::Element);
    let with = |profit: f64, unhappy_now: f64| Scenario {
        lifetime_profit: profit,
        unhappy_share_now: unhappy_now,
        currency: "USD".into(),
        ..Scenario::default()
    };
    shows(&host, "npv_gain", gain_of(with(45_000.0, 0.4))).await;
    assert_eq!(
        find(&shadow(&host), ".cvc")
            .and_then(|root| root.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );

    host.set_attribute("unhappy-share-now", "0.3")
        .expect("attribute");
    calculator.attribute_changed("unhappy-share-now");
    shows(&host, "npv_gain", gain_of(with(45_000.0, 0.3))).await;

    // Another attribute changes; the first one's value stays.
    host.set_attribute("lifetime-profit", "30000")
        .expect("attribute");
    calculator.attribute_changed("lifetime-profit");
    shows(&host, "npv_gain", gain_of(with(30_000.0, 0.3))).await;

    host.remove_attribute("lifetime-profit").expect("removed");
    calculator.attribute_changed("lifetime-profit");
    shows(&host, "npv_gain", gain_of(with(20_000.0, 0.3))).await;

    // A bad value is refused on its own, said in the visitor's language, and the last good
    // answer stays.
    host.set_attribute("unhappy-share-now", "1e400")
        .expect("attribute");
    calculator.attribute_changed("unhappy-share-now");
    wait_until(|| find(&shadow(&host), ".notice p").is_some()).await;
    let notice = find(&shadow(&host), ".notice").and_then(|notice| notice.text_content());
    assert!(
        notice
            .as_deref()
            .unwrap_or_default()
            .contains("Customers served badly today"),
        "{notice:?}"
    );
    assert_eq!(shown(&host, "npv_gain").await, gain_of(with(20_000.0, 0.3)));

    // Switching the language and what shows, after mount.
    host.set_attribute("lang", "he").expect("attribute");
    calculator.attribute_changed("lang");
    wait_until(|| {
        find(&shadow(&host), ".cvc")
            .and_then(|root| root.get_attribute("lang"))
            .as_deref()
            == Some("he")
    })
    .await;
    host.set_attribute("show", "headline").expect("attribute");
    calculator.attribute_changed("show");
    wait_until(|| find(&shadow(&host), "input").is_none()).await;
    assert!(find(&shadow(&host), "input").is_none(), "the answers only");
    calculator.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_properties_read_and_set_the_scenario_and_read_the_results_and_the_link() {
    let host = host("div", &[("lang", "en")]);
    let calculator = mount(&host, HostKind::Element);
    let default_gain = gain_of(Scenario::default());
    shows(&host, "npv_gain", default_gain).await;
    wait_until(|| calculator.scenario().is_some()).await;
    let read =
        scenario_file::read(&calculator.scenario().expect("a scenario")).expect("the CLI's file");
    assert_eq!(read.scenario, ValidScenario::default());
    let results: serde_json::Value =
        serde_json::from_str(&calculator.results().expect("results")).expect("JSON");
    assert_eq!(results["npv_gain"].as_f64(), Some(default_gain));
    assert!(results["yearly_revenue_lost"].is_null());
    assert_eq!(
        results["null_reasons"]["yearly_revenue_lost"],
        "no_profit_margin"
    );
    assert!(calculator
        .link()
        .expect("a link")
        .starts_with("https://calc.example/?currency=ILS&lang=en"));

    // An object, field by field: the fields it names change, every other field stays.
    calculator.set_scenario(Some(
        r#"{"lifetime_profit": 45000, "uncertainty": {"lifetime_profit": {"low": 40000, "high": 50000}}}"#.into(),
    ));
    let expected = Scenario {
        lifetime_profit: 45_000.0,
        ..Scenario::default()
    };
    shows(&host, "npv_gain", gain_of(expected.clone())).await;
    calculator.set_scenario(Some(r#"{"acquisition_cost": 2500}"#.into()));
    let expected = Scenario {
        acquisition_cost: 2_500.0,
        ..expected
    };
    shows(&host, "npv_gain", gain_of(expected)).await;
    wait_until(|| {
        calculator
            .scenario()
            .and_then(|text| scenario_file::read(&text).ok())
            .is_some_and(|read| read.scenario.acquisition_cost == 2_500.0)
    })
    .await;
    let read = scenario_file::read(&calculator.scenario().expect("a scenario")).expect("a file");
    assert_eq!(read.scenario.lifetime_profit, 45_000.0);
    assert_eq!(
        read.scenario
            .uncertainty
            .ends(Field::LifetimeProfit, 45_000.0),
        (40_000.0, 50_000.0)
    );

    // Not an object, a field out of range, huge text: refused with a notice, nothing lost.
    let before = shown(&host, "npv_gain").await;
    for bad in [
        None,
        Some("[1, 2]".to_string()),
        Some(r#"{"unhappy_share_now": 7}"#.to_string()),
        Some(format!("{{\"lifetime_profit\": {}}}", "9".repeat(200_000))),
    ] {
        calculator.set_scenario(bad);
        settle().await;
        wait_until(|| find(&shadow(&host), ".notice p").is_some()).await;
        assert!(find(&shadow(&host), ".notice p").is_some());
        assert_eq!(shown(&host, "npv_gain").await, before);
    }
    calculator.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_host_hears_ready_then_change_with_the_figures() {
    let host = host("div", &[("lang", "en")]);
    let heard: Rc<RefCell<Vec<(String, f64)>>> = Rc::default();
    let listeners: Vec<gloo::events::EventListener> =
        ["customer-value:ready", "customer-value:change"]
            .into_iter()
            .map(|name| {
                let heard = heard.clone();
                // On the document: the events bubble out of the host, across its shadow root.
                gloo::events::EventListener::new(&document(), name, move |event| {
                    let detail = event
                        .dyn_ref::<web_sys::CustomEvent>()
                        .map(|event| event.detail())
                        .unwrap_or(JsValue::NULL);
                    let gain = js_sys::Reflect::get(&detail, &"results".into())
                        .and_then(|results| js_sys::Reflect::get(&results, &"npv_gain".into()))
                        .ok()
                        .and_then(|gain| gain.as_f64())
                        .unwrap_or(f64::NAN);
                    heard.borrow_mut().push((event.type_(), gain));
                })
            })
            .collect();
    let calculator = mount(&host, HostKind::Element);
    wait_until(|| !heard.borrow().is_empty()).await;
    assert_eq!(
        heard.borrow().first().cloned(),
        Some((
            "customer-value:ready".to_string(),
            gain_of(Scenario::default())
        ))
    );
    host.set_attribute("lifetime-profit", "45000")
        .expect("attribute");
    calculator.attribute_changed("lifetime-profit");
    wait_until(|| heard.borrow().len() >= 2).await;
    let expected = gain_of(Scenario {
        lifetime_profit: 45_000.0,
        ..Scenario::default()
    });
    assert_eq!(
        heard.borrow().get(1).cloned(),
        Some(("customer-value:change".to_string(), expected))
    );
    calculator.unmount();
    host.remove();
    drop(listeners);
}

#[wasm_bindgen_test]
async fn taken_down_and_mounted_again_in_the_same_host() {
    let host = host("div", &[("lang", "en"), ("lifetime-profit", "45000")]);
    let expected = gain_of(Scenario {
        lifetime_profit: 45_000.0,
        ..Scenario::default()
    });
    let calculator = mount(&host, HostKind::Element);
    shows(&host, "npv_gain", expected).await;
    calculator.unmount();
    settle().await;
    assert_eq!(shadow(&host).child_element_count(), 0, "nothing is left");
    // Connected again: the same shadow root holds one new calculator.
    let calculator = mount(&host, HostKind::Element);
    shows(&host, "npv_gain", expected).await;
    assert_eq!(
        shadow(&host)
            .query_selector_all(".cvc")
            .map(|found| found.length())
            .ok(),
        Some(1)
    );
    calculator.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_container_with_data_attributes_gets_its_own_calculator() {
    let host = host(
        "div",
        &[
            ("data-customer-value", ""),
            ("data-lang", "he"),
            ("data-lifetime-profit", "45000"),
            ("data-currency", "USD"),
            ("data-show", "headline"),
            ("data-unhappy-share-now", "abc"),
        ],
    );
    let calculator = mount(&host, HostKind::Container);
    let expected = gain_of(Scenario {
        lifetime_profit: 45_000.0,
        currency: "USD".into(),
        ..Scenario::default()
    });
    shows(&host, "npv_gain", expected).await;
    let root = shadow(&host);
    assert_eq!(
        find(&root, ".cvc")
            .and_then(|cvc| cvc.get_attribute("lang"))
            .as_deref(),
        Some("he")
    );
    assert!(find(&root, "input").is_none(), "headline only");
    // The bad attribute was ignored, and the widget says so in its own language.
    assert!(find(&root, ".notice")
        .and_then(|notice| notice.text_content())
        .unwrap_or_default()
        .contains("לא מספר"));
    wait_until(|| find(&shadow(&host), ".privacy a").is_some()).await;
    assert!(find(&shadow(&host), ".privacy a")
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_default()
        .starts_with("https://calc.example/?lifetime_profit=45000"));
    // A data- attribute changed after mount applies too.
    host.set_attribute("data-lifetime-profit", "30000")
        .expect("attribute");
    calculator.attribute_changed("data-lifetime-profit");
    let expected = gain_of(Scenario {
        lifetime_profit: 30_000.0,
        currency: "USD".into(),
        ..Scenario::default()
    });
    shows(&host, "npv_gain", expected).await;
    calculator.unmount();
    host.remove();
}
