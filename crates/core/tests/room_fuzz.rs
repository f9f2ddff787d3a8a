//! Fuzzing the room's entry reader (`cvc_core::room::read_entry`), the door a phone's body
//! comes in by on the room server: valid scenario files mutated byte by byte and token by
//! token (broken strings, huge and odd numbers, deep nesting, repeated and unknown keys,
//! whole structures spliced in), and random documents built from JSON's pieces. Every case
//! must end in an entry whose figures are finite (or none) with a valid scenario, or in a
//! refusal; never a panic.
//!
//! `cargo test` runs a few thousand cases. The test command runs a million in release:
//! `CVC_ROOM_FUZZ_CASES=1000000 cargo test --release -p cvc-core --test room_fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::scenario_file;
use cvc_core::room::{read_body, read_entry};
use cvc_model::{Field, Scenario};

fn cases() -> u64 {
    std::env::var("CVC_ROOM_FUZZ_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(5_000)
}

/// xorshift64*: a fixed seed, so a failure can be run again.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces hostile bodies are made of.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "false",
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "0.0000000000000000000001",
    "9007199254740993",
    "NaN",
    "Infinity",
    "\u{202E}",
    "\u{FEFF}",
    "💥",
    "<script>",
    "__proto__",
    "\"uncertainty\":{\"lifetime_profit\":{\"low\":1,\"high\":2}}",
    "\"uncertainty\":null",
    "\"schema_version\":99",
    "\"currency\":\"usd\"",
    "\"monte_carlo_draws\":0",
    "\"count_after_horizon\":\"yes\"",
    "[[[[[[[[[[",
    "]]]]]]]]]]",
];

fn seeds() -> Vec<String> {
    let mut seeds = vec![
        scenario_file::write(&Scenario::default()),
        scenario_file::write(&Scenario {
            lifetime_profit: 45_000.0,
            profit_margin: Some(0.3),
            count_after_horizon: false,
            horizon_years: 30.0,
            ..Scenario::default()
        }),
        "{}".to_string(),
    ];
    let fields: Vec<String> = Field::ALL
        .iter()
        .map(|field| format!("\"{}\":{}", field.name(), field.spec().default))
        .collect();
    seeds.push(format!("{{{}}}", fields.join(",")));
    seeds
}

fn mutate(random: &mut Random, seed: &str) -> String {
    let mut text: Vec<u8> = seed.as_bytes().to_vec();
    for _ in 0..=random.below(6) {
        let at = random.below(text.len() + 1);
        match random.below(5) {
            0 if !text.is_empty() => {
                let end = (at + random.below(8)).min(text.len());
                text.drain(at.min(end)..end);
            }
            1 => {
                let byte = random.next() as u8;
                text.insert(at.min(text.len()), byte);
            }
            2 if !text.is_empty() => {
                let i = at.min(text.len() - 1);
                text[i] = random.next() as u8;
            }
            _ => {
                let piece = random.pick(PIECES).as_bytes();
                let at = at.min(text.len());
                text.splice(at..at, piece.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// A random document: an object of known and unknown keys with values of any kind.
fn built(random: &mut Random, depth: usize) -> String {
    let value = |random: &mut Random, depth: usize| -> String {
        // Nested values only near the top, so a document stays a few hundred bytes.
        match random.below(if depth >= 2 { 4 } else { 7 }) {
            0 => format!(
                "{}",
                (random.next() as i64) as f64 / (1u64 << random.below(60)) as f64
            ),
            1 => (*random.pick(&["null", "true", "false", "1e308", "-1e308", "0", "0.5"]))
                .to_string(),
            2 => format!("\"{}\"", random.pick(&["ILS", "", "x", "usd", "€", "0.3"])),
            3 => format!("{}", random.below(1_000_000_000)),
            4 => format!("[{}]", built(random, depth + 1)),
            _ => built(random, depth + 1),
        }
    };
    let members = random.below(if depth == 0 { 24 } else { 4 });
    let mut parts = Vec::with_capacity(members);
    for _ in 0..members {
        let key = if random.below(3) > 0 {
            (*random.pick(&Field::ALL)).name().to_string()
        } else {
            (*random.pick(&[
                "currency",
                "uncertainty",
                "schema_version",
                "monte_carlo_draws",
                "count_after_horizon",
                "colour",
                "",
                "__proto__",
            ]))
            .to_string()
        };
        parts.push(format!("\"{key}\":{}", value(random, depth)));
    }
    format!("{{{}}}", parts.join(","))
}

#[test]
fn the_entry_reader_never_panics_and_gives_finite_figures_or_a_refusal() {
    let seeds = seeds();
    let mut random = Random(0x00C0_FFEE_5EED_2026);
    let (mut read, mut refused) = (0_u64, 0_u64);
    let cases = cases();
    for case in 0..cases {
        let body = if case % 3 == 0 {
            built(&mut random, 0)
        } else {
            let seed = random.pick(&seeds).clone();
            mutate(&mut random, &seed)
        };
        // Every case is read; the model runs on every hundredth that reads (the model's own
        // identities and properties are tested in tests/model.rs and tests/properties.rs).
        match read_body(&body) {
            Ok(reading) => {
                read += 1;
                assert!(reading.scenario.scenario().validate().is_ok(), "{body}");
                if read % 100 == 1 {
                    let (entry, _) = read_entry(&body).expect("what reads is an entry");
                    for figure in entry.figures.iter().flatten() {
                        assert!(figure.is_finite(), "{body}: {figure}");
                    }
                }
            }
            Err(_) => refused += 1,
        }
    }
    assert_eq!(read + refused, cases);
    assert!(
        read > cases / 10 && refused > cases / 10,
        "{read} read, {refused} refused"
    );
    println!("room entry reader: {cases} cases, {read} read, {refused} refused");
}
