//! Numbers to and from plain decimal text, for the scenario file, the link, SVG
//! coordinates and form drafts.
//!
//! Every function here is correctly rounded: `parse(&shortest(x)) == x` for every finite
//! `x`. Natively they use Rust's own float parsing and printing. In the browser they use the
//! JavaScript engine's `Number`, which gives the same guarantees, so that the wasm does not
//! carry core's float formatting and parsing code (about 20 KB, mostly tables; see
//! docs/size.md). This crate touches no web crate, so the browser's engine is handed in
//! ([`install`], by `cvc_browser::start` before anything is read or drawn). The grammar is
//! checked here in Rust either way, so both sides accept exactly the same texts.

/// Whether `text` is a plain decimal number: an optional sign, digits with at most one
/// point (at least one digit in all), and an optional exponent. No spaces, no `inf`, no
/// `NaN`, no hexadecimal, no grouping.
pub fn is_plain_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    if matches!(bytes.first(), Some(b'-' | b'+')) {
        at += 1;
    }
    let mut digits = 0;
    let mut point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => digits += 1,
            b'.' if !point => point = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'-' | b'+')) {
            at += 1;
        }
        let start = at;
        while matches!(bytes.get(at), Some(b'0'..=b'9')) {
            at += 1;
        }
        if at == start {
            return false;
        }
    }
    at == bytes.len()
}

/// The finite number a plain decimal text writes, or `None`. Numbers too large for a
/// double (`1e400`) are `None`, never infinity; `-0` reads as `0`.
pub fn parse(text: &str) -> Option<f64> {
    if !is_plain_number(text) {
        return None;
    }
    let number = (engine::get().parse)(text);
    number.is_finite().then_some(number + 0.0)
}

/// The shortest text that reads back as exactly `value`: `0.15`, `45000`, `1e-7`.
/// Not-finite values have no text here; callers never pass them.
pub fn shortest(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    (engine::get().shortest)(value + 0.0)
}

/// `value` with exactly `decimals` digits after the point, as `toFixed` writes it.
pub fn fixed(value: f64, decimals: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    (engine::get().fixed)(value + 0.0, decimals.min(20))
}

/// A coordinate for SVG: one decimal at most, by integer arithmetic (a tenth of a pixel is
/// finer than any screen), without going through float formatting at all.
pub fn svg(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let tenths = (value * 10.0).round();
    // Coordinates are pixels, far inside i64; the clamp only keeps a wild value harmless.
    let tenths = tenths.clamp(-1e15, 1e15) as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    let (whole, tenth) = (magnitude / 10, magnitude % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// The lowest level of turning numbers into text and back, for plain decimal text that
/// has passed [`is_plain_number`] and for finite numbers only.
#[derive(Clone, Copy)]
pub struct Engine {
    pub parse: fn(&str) -> f64,
    pub shortest: fn(f64) -> String,
    pub fixed: fn(f64, u8) -> String,
}

static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();

/// Hands this module the engine to use from now on (the browser's, in the wasm files).
/// The first one installed stays.
pub fn install(engine: Engine) {
    let _ = ENGINE.set(engine);
}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    use super::{Engine, ENGINE};

    /// Rust's own, natively.
    const RUST: Engine = Engine {
        parse: |text| text.parse().unwrap_or(f64::NAN),
        // Rust writes 1e21 in full and 1e-7 as 0.0000001; both read back exactly, as the
        // browser's forms do.
        shortest: |value| format!("{value}"),
        fixed: |value, decimals| format!("{value:.0$}", usize::from(decimals)),
    };

    pub fn get() -> &'static Engine {
        ENGINE.get_or_init(|| RUST)
    }
}

#[cfg(target_arch = "wasm32")]
mod engine {
    use super::{Engine, ENGINE};

    /// Before the browser's is installed, which every wasm export does first: numbers read
    /// as nothing and write as nothing, so that a missing install shows at once in tests
    /// rather than pulling Rust's float code into the wasm.
    const NONE: Engine = Engine {
        parse: |_| f64::NAN,
        shortest: |_| String::new(),
        fixed: |_, _| String::new(),
    };

    pub fn get() -> &'static Engine {
        ENGINE.get().unwrap_or(&NONE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_numbers_only() {
        for (text, number) in [
            ("0", 0.0),
            ("45000", 45_000.0),
            ("0.15", 0.15),
            (".5", 0.5),
            ("5.", 5.0),
            ("-2.5", -2.5),
            ("+3", 3.0),
            ("1e6", 1e6),
            ("1E-7", 1e-7),
            ("2.5e+3", 2_500.0),
        ] {
            assert_eq!(parse(text), Some(number), "{text}");
        }
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "inf", "NaN", "Infinity",
            "0x10", "1_000", "--1", "1e400", "-1e400", "١٢", "12abc",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert!(parse("-0").is_some_and(f64::is_sign_positive));
    }

    #[test]
    fn shortest_text_reads_back_exactly() {
        assert_eq!(shortest(0.15), "0.15");
        assert_eq!(shortest(45_000.0), "45000");
        assert_eq!(shortest(-0.0), "0");
        for value in [
            0.1 + 0.2,
            1.0 / 3.0,
            0.267,
            26.7 / 100.0,
            1e10,
            5e-324,
            f64::MAX,
            123_456.789,
        ] {
            assert_eq!(parse(&shortest(value)), Some(value), "{value}");
        }
    }

    #[test]
    fn fixed_writes_the_asked_decimals() {
        assert_eq!(fixed(0.083_333_333_333, 11), "0.08333333333");
        assert_eq!(fixed(15.0, 2), "15.00");
        assert_eq!(fixed(-0.0, 1), "0.0");
    }

    #[test]
    fn svg_coordinates_have_a_tenth_at_most() {
        assert_eq!(svg(12.0), "12");
        assert_eq!(svg(12.34), "12.3");
        assert_eq!(svg(12.35 + 1e-9), "12.4");
        assert_eq!(svg(-0.04), "0");
        assert_eq!(svg(-3.26), "-3.3");
        assert_eq!(svg(f64::NAN), "0");
    }
}
