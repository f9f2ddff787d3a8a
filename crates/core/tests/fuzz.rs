//! Fuzzing the two doors strangers' text comes in by: the link decoder (links and embed
//! attributes) and the scenario file reader. Generated input mixes random text with the
//! pieces hostile input is made of (known keys, broken escapes, huge numbers, script tags,
//! deep nesting), and every case must end in a valid scenario and a list of problems,
//! never a panic.
//!
//! The test command runs a few thousand cases. For a long run:
//! `CVC_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --nocapture`
//! (docs/benchmarks.md has the last one's figures).
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::link;
use cvc_core::codec::scenario_file;
use cvc_model::{evaluate, Field, Figure};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicU64, Ordering};

fn cases() -> u32 {
    std::env::var("CVC_FUZZ_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(3_000)
}

/// Keys a link may carry, and some it may not.
fn key() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Field::ALL.iter().map(|f| f.name().to_string()).collect();
    for field in Field::AFFECTING_GAIN {
        known.push(format!("{}_range", field.name()));
        known.push(format!("{}_varies", field.name()));
    }
    for other in [
        "currency",
        "count_after_horizon",
        "monte_carlo_draws",
        "lang",
        "embed",
        "show",
        "accent",
        "preset",
        "",
        "%",
        "%zz",
        "__proto__",
    ] {
        known.push(other.to_string());
    }
    prop_oneof![
        4 => prop::sample::select(known),
        1 => "[a-z_%0-9]{0,12}",
    ]
}

/// Values, from the plausible to the hostile.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (-1e12f64..1e12).prop_map(|n| n.to_string()),
        2 => (0.0f64..1.0).prop_map(|n| n.to_string()),
        2 => prop::sample::select(vec![
            "1e400", "-1e400", "NaN", "inf", "-0", "0x10", "1,5", "1.2.3", "", "..", "1..2",
            "2..1", "0..1e400", "true", "false", "ILS", "usd", "he", "en", "headline",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "javascript:alert(1)", "%E0%A4%A",
            "%FF%FE", "+", "%2B1", "rgb(1,2,3)", "url(x)", "b2b-services", "\u{202E}1",
        ]).prop_map(str::to_string),
        1 => "[0-9.e+%-]{0,30}",
        1 => ".{0,40}",
        1 => (1usize..5_000).prop_map(|n| "9".repeat(n)),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec((key(), value()), 0..12).prop_map(|pairs| {
            let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", joined.join("&"))
        }),
        1 => ".{0,200}",
        1 => "[?&=%a-z0-9_.]{0,200}",
    ]
}

/// JSON-like text: real scenario files, mangled, and random structure.
fn json_text() -> impl Strategy<Value = String> {
    let member = (
        key(),
        prop_oneof![
            3 => value().prop_map(|v| if v.parse::<f64>().is_ok() { v } else { format!("{v:?}") }),
            1 => Just("null".to_string()),
            1 => Just("{\"low\": 1, \"high\": 2}".to_string()),
            1 => Just("[1, {}]".to_string()),
            1 => (1usize..300).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        ],
    );
    prop_oneof![
        4 => prop::collection::vec(member, 0..10).prop_map(|members| {
            let joined: Vec<String> = members.into_iter().map(|(k, v)| format!("{k:?}: {v}")).collect();
            format!("{{{}}}", joined.join(", "))
        }),
        1 => ".{0,200}",
        1 => "[\\[\\]{}\":,0-9a-z \\\\.-]{0,200}",
        1 => (0usize..200).prop_map(|cut| {
            let text = scenario_file::write(&Default::default());
            text.chars().take(cut).collect()
        }),
    ]
}

/// What every read must give: a scenario whose figures are all finite or missing.
fn assert_sound(scenario: &cvc_model::ValidScenario) {
    assert!(scenario.scenario().validate().is_ok());
    let results = evaluate(scenario);
    for figure in [
        results.projection.npv_gain,
        results.customer.yearly_cost_of_poor_service,
        results.projection.break_even_unhappy_share_invest,
    ] {
        if let Figure::Value(value) = figure {
            assert!(value.is_finite());
        }
    }
}

/// Runs `check` on `cases()` inputs drawn from `strategy`, and prints how many ran.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let runs = AtomicU64::new(0);
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    runner
        .run(&strategy, |input| {
            runs.fetch_add(1, Ordering::Relaxed);
            check(input)
        })
        .expect("no failure");
    println!(
        "{name}: {} executions in {:.1} s, 0 crashes",
        runs.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn the_link_decoder_never_panics_and_always_gives_a_valid_scenario() {
    fuzz("link decoder", query(), |query| {
        let read = link::decode(&query);
        assert_sound(&read.reading.scenario);
        // What was accepted survives a round trip unchanged.
        let again = link::decode(&link::encode(
            &read.reading.scenario,
            cvc_core::words::Language::English,
        ));
        prop_assert_eq!(&again.reading.scenario, &read.reading.scenario);
        prop_assert!(again.reading.is_clean());
        Ok(())
    });
}

#[test]
fn the_scenario_file_reader_never_panics_and_always_gives_a_valid_scenario() {
    fuzz("scenario file reader", json_text(), |text| {
        if let Ok(read) = scenario_file::read(&text) {
            assert_sound(&read.scenario);
            let again =
                scenario_file::read(&scenario_file::write(&read.scenario)).expect("an object");
            prop_assert_eq!(&again.scenario, &read.scenario);
            prop_assert!(again.is_clean());
        }
        Ok(())
    });
}
