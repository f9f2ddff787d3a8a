//! `cvc`: the model from the command line, so a consultant's report shows the same numbers
//! as the app. Reads a scenario as JSON from a file or stdin and prints every output as
//! JSON. Bad input exits non-zero with the validation messages on stderr.

use cvc_core::codec::scenario_file;
use cvc_model::helpers::lifetime_from_yearly;
use cvc_model::ranges::MAX_DRAWS;
use cvc_model::results::report;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  cvc [--draws N] [FILE | -]
      Reads a scenario (JSON, the field names of model.md; missing fields take their
      defaults) from FILE, or stdin when FILE is - or absent, and prints the results as JSON.
      The tornado and the Monte Carlo use the file's \"uncertainty\" ranges and
      \"monte_carlo_draws\" (see README.md).
      --draws N  Monte Carlo draws, 1 to 20000, in place of the file's (default 2000).

      npv_gain counts what the customers there at the end of the horizon still bring
      afterwards (when count_after_horizon is true); npv_gain_within_horizon is the
      discounted monthly cash alone, and npv_gain_after_horizon the rest. payback_month
      reads the monthly cash alone, so it can fall after the horizon while npv_gain is
      positive.
  cvc lifetime --yearly-profit M --retention R [--discount D]
      Lifetime profit and years from yearly profit per customer, yearly retention (0 to
      0.99) and discount rate (default 0.08), with both textbook CLV figures.
  cvc defaults
      Prints the default scenario as JSON.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => Ok(USAGE.trim_end().to_string()),
        Some("lifetime") => lifetime(&args[1..]),
        Some("defaults") => Ok(scenario_file::write(&Default::default())
            .trim_end()
            .to_string()),
        _ => scenario_report(args),
    }
}

fn scenario_report(args: &[String]) -> Result<String, String> {
    let mut draws = None;
    let mut source: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--draws" => {
                let text = rest.next().ok_or("--draws needs a number")?;
                draws = Some(
                    text.parse::<u32>()
                        .ok()
                        .filter(|n| (1..=MAX_DRAWS).contains(n))
                        .ok_or_else(|| {
                            format!("--draws: {text:?} is not a whole number from 1 to {MAX_DRAWS}")
                        })?,
                );
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            path if source.is_none() => source = Some(path),
            extra => return Err(format!("unexpected argument {extra:?}\n{USAGE}")),
        }
    }
    let text = match source {
        None | Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| format!("cannot read stdin: {error}"))?;
            text
        }
        Some(path) => {
            std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?
        }
    };
    let reading = scenario_file::read(&text).map_err(|error| format!("error: {error}"))?;
    if !reading.is_clean() {
        let lines: Vec<String> = reading
            .problems
            .iter()
            .map(|error| format!("error: {error}"))
            .collect();
        return Err(lines.join("\n"));
    }
    // Only a few unknown keys are named, the rest counted, as in the app's notice.
    for key in &reading.unknown.named {
        eprintln!("warning: unknown field {key:?} ignored");
    }
    match reading.unknown.others {
        0 => {}
        1 => eprintln!("warning: 1 more unknown field ignored"),
        others => eprintln!("warning: {others} more unknown fields ignored"),
    }
    let mut scenario = reading.scenario;
    if let Some(draws) = draws {
        scenario = scenario.with_draws(draws);
    }
    let report = report(&scenario);
    serde_json::to_string_pretty(&report).map_err(|error| format!("cannot write results: {error}"))
}

fn lifetime(args: &[String]) -> Result<String, String> {
    let mut yearly_profit = None;
    let mut retention = None;
    let mut discount = 0.08;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let text = rest
            .next()
            .ok_or_else(|| format!("{flag} needs a number"))?;
        let number: f64 = text
            .parse()
            .map_err(|_| format!("{flag}: {text:?} is not a number"))?;
        match flag.as_str() {
            "--yearly-profit" => yearly_profit = Some(number),
            "--retention" => retention = Some(number),
            "--discount" => discount = number,
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    let yearly_profit = yearly_profit.ok_or("--yearly-profit is required")?;
    let retention = retention.ok_or("--retention is required")?;
    let estimate = lifetime_from_yearly(yearly_profit, retention, discount)
        .map_err(|error| format!("error: {error}"))?;
    serde_json::to_string_pretty(&estimate)
        .map_err(|error| format!("cannot write results: {error}"))
}
