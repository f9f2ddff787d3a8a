//! The `cvc` command-line tool, run as a user runs it: JSON in, JSON out, errors on stderr.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cvc(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cvc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cvc runs");
    // The tool may exit before reading stdin (a bad option), so a broken pipe here is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("cvc finishes")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn prints_the_results_of_a_scenario_from_stdin() {
    let output = cvc(&["--draws", "100"], r#"{"profit_margin": 0.25}"#);
    let results = json(&output);
    // a·(E(p1) − E(p0)) = 40·(17750/0.82 − 14000/1.02), and ÷ 0.25 as revenue.
    let cost = 40.0 * (17_750.0 / 0.82 - 14_000.0 / 1.02);
    let printed = results["yearly_cost_of_poor_service"]
        .as_f64()
        .expect("a number");
    assert!((printed - cost).abs() < 1e-6);
    let revenue = results["yearly_revenue_lost"].as_f64().expect("a number");
    assert!((revenue - cost / 0.25).abs() < 1e-6);
    assert_eq!(results["yearly_now"].as_array().expect("rows").len(), 5);
    assert_eq!(results["monte_carlo"]["draws"], 100);
    assert_eq!(results["tornado"].as_array().expect("bars").len(), 13);
}

#[test]
fn reads_a_file_and_warns_of_unknown_fields() {
    let path = std::env::temp_dir().join(format!("cvc-test-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"lifetime_profit": 30000, "lifetime_proft": 1}"#).expect("write");
    let output = cvc(&["--draws", "10", path.to_str().expect("utf-8 path")], "");
    let _ = std::fs::remove_file(&path);
    let results = json(&output);
    // E(p0) = 30000·0.7 / 1.02.
    let value = results["value_per_customer_now"]
        .as_f64()
        .expect("a number");
    assert!((value - 21_000.0 / 1.02).abs() < 1e-6);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown field \"lifetime_proft\" ignored"),
        "{stderr}"
    );
}

#[test]
fn unbounded_word_of_mouth_is_null_with_a_reason() {
    let results = json(&cvc(
        &["--draws", "10"],
        r#"{"referrals_per_happy": 3, "lost_per_unhappy": 0}"#,
    ));
    assert!(results["value_per_customer_now"].is_null());
    assert_eq!(
        results["null_reasons"]["value_per_customer_now"],
        "word_of_mouth_unbounded"
    );
}

#[test]
fn bad_input_exits_non_zero_with_every_message_on_stderr() {
    let output = cvc(&[], r#"{"lifetime_profit": "abc", "unhappy_share_now": 2}"#);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: lifetime_profit: got text; allowed: from 0 to 10^10"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: unhappy_share_now: 2 is out of range; allowed: from 0 to 1"),
        "{stderr}"
    );
    let garbage = cvc(&[], "not json");
    assert!(!garbage.status.success());
    assert!(String::from_utf8_lossy(&garbage.stderr).contains("(document): cannot be read"));
    assert!(!cvc(&["--draws", "0"], "{}").status.success());
}

#[test]
fn lifetime_subcommand_gives_years_profit_and_both_clv_figures() {
    let results = json(&cvc(
        &[
            "lifetime",
            "--yearly-profit",
            "1000",
            "--retention",
            "0.8",
            "--discount",
            "0.1",
        ],
        "",
    ));
    let get = |key: &str| results[key].as_f64().expect("a number");
    assert!((get("customer_lifetime_years") - 5.0).abs() < 1e-9);
    assert!((get("lifetime_profit") - 5_000.0).abs() < 1e-9);
    assert!((get("clv_profit_at_start") - 11_000.0 / 3.0).abs() < 1e-9);
    assert!((get("clv_profit_at_end") - 8_000.0 / 3.0).abs() < 1e-9);
    let bad = cvc(
        &["lifetime", "--yearly-profit", "1000", "--retention", "1"],
        "",
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("retention: 1 is out of range"));
}

/// What an embedded calculator tells its host (`cvc_core::host_events`) is the tool's own
/// output for the same scenario: every result it carries has the tool's name and value,
/// and its scenario is the file the tool reads.
#[test]
fn the_embeds_event_payload_is_the_tools_output() {
    use cvc_core::codec::{json, scenario_file};
    use cvc_core::host_events::payload;
    for file in [
        r#"{"lifetime_profit": 45000, "currency": "USD"}"#,
        r#"{"referrals_per_happy": 1.2, "lost_per_unhappy": 1.0, "profit_margin": 0.3}"#,
        r#"{"service_budget_per_year": 0, "horizon_years": 1, "count_after_horizon": false}"#,
    ] {
        let tool = json(&cvc(&[], file));
        let scenario = scenario_file::read(file).expect("a file").scenario;
        let results = cvc_model::evaluate(&scenario);
        let event: serde_json::Value = serde_json::from_str(&json::write_pretty(&payload(
            &scenario,
            &results,
            "https://calc.example/",
        )))
        .expect("JSON");
        let carried = event["results"].as_object().expect("results");
        assert!(carried.len() > 20, "{file}: {} results", carried.len());
        for (name, value) in carried {
            // The same number, whether JSON writes it as 37 or 37.0.
            let same = match (value.as_f64(), tool[name].as_f64()) {
                (Some(carried), Some(tool)) => carried == tool,
                _ => value == &tool[name],
            };
            assert!(same, "{file}: {name}: {value} / {}", tool[name]);
        }
        let written: serde_json::Value =
            serde_json::from_str(&scenario_file::write(&scenario)).expect("JSON");
        assert_eq!(event["scenario"], written, "{file}");
        assert_eq!(event["version"], 1);
    }
}
