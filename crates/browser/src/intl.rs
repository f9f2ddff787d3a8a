//! Numbers, money and dates in the reader's language, through the browser's own `Intl`,
//! so no locale data ships in the wasm. Formatters are built once per language and
//! currency and shared through context. Also the JavaScript engine's own decimal
//! conversions, handed to the pure `cvc_core::codec::decimal` at start.

use cvc_core::numbers::{chance_shown, ChanceShown, NumberSyntax};
use cvc_core::words::{fill_plain, why_text, Language};
use cvc_model::fields::Unit;
use cvc_model::{Field, Figure, Why};
use js_sys::{Array, Object, Reflect};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type IntlNumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<IntlNumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "Intl.NumberFormat")]
    fn format(this: &IntlNumberFormat, value: f64) -> String;

    #[wasm_bindgen(method, js_class = "Intl.NumberFormat", js_name = formatToParts)]
    fn format_to_parts(this: &IntlNumberFormat, value: f64) -> Array;
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn formatter(locale: &str, pairs: &[(&str, JsValue)]) -> Option<IntlNumberFormat> {
    IntlNumberFormat::new(locale, &options(pairs)).ok()
}

/// The part of a formatted number of a given type (`"currency"`, `"decimal"`, `"group"`).
fn part(format: &IntlNumberFormat, value: f64, kind: &str) -> Option<String> {
    format.format_to_parts(value).iter().find_map(|part| {
        let is_kind = Reflect::get(&part, &"type".into()).ok()?.as_string()? == kind;
        if is_kind {
            Reflect::get(&part, &"value".into()).ok()?.as_string()
        } else {
            None
        }
    })
}

/// How a figure reads: money, a fraction shown as a percentage, or a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    Money,
    Percent,
    Number,
}

/// Formatters for one language and currency, each built on first use: building an
/// `Intl.NumberFormat` is among the costliest steps of drawing the page on a phone
/// (docs/benchmarks.md), and some are never needed in a given wasm (only the charts use
/// the compact one).
pub struct Formats {
    pub language: Language,
    pub currency: String,
    money: OnceCell<Option<IntlNumberFormat>>,
    number: OnceCell<Option<IntlNumberFormat>>,
    compact: OnceCell<Option<IntlNumberFormat>>,
    percent: OnceCell<Option<IntlNumberFormat>>,
    currency_symbol: OnceCell<String>,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Self) -> bool {
        self.language == other.language && self.currency == other.currency
    }
}

impl Formats {
    pub fn new(language: Language, currency: &str) -> Self {
        Formats {
            language,
            currency: currency.to_string(),
            money: OnceCell::new(),
            number: OnceCell::new(),
            compact: OnceCell::new(),
            percent: OnceCell::new(),
            currency_symbol: OnceCell::new(),
        }
    }

    fn money_format(&self) -> &Option<IntlNumberFormat> {
        self.money.get_or_init(|| {
            formatter(
                self.language.tag(),
                &[
                    ("style", "currency".into()),
                    ("currency", self.currency.as_str().into()),
                    ("maximumFractionDigits", 0.into()),
                ],
            )
        })
    }

    fn number_format(&self) -> &Option<IntlNumberFormat> {
        self.number
            .get_or_init(|| formatter(self.language.tag(), &[("maximumFractionDigits", 2.into())]))
    }

    fn compact_format(&self) -> &Option<IntlNumberFormat> {
        self.compact.get_or_init(|| {
            // Hebrew's short compact forms use Latin letters (K, M); the long ones are words.
            // (The currency style has the short ones only: the currency is put in below.)
            let display = if self.language.is_rtl() {
                "long"
            } else {
                "short"
            };
            formatter(
                self.language.tag(),
                &[
                    ("notation", "compact".into()),
                    ("compactDisplay", display.into()),
                    ("maximumFractionDigits", 1.into()),
                ],
            )
        })
    }

    fn percent_format(&self) -> &Option<IntlNumberFormat> {
        self.percent.get_or_init(|| {
            formatter(
                self.language.tag(),
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", 1.into()),
                ],
            )
        })
    }

    fn with(format: &Option<IntlNumberFormat>, value: f64) -> String {
        match format {
            Some(format) => format.format(value),
            None => cvc_core::codec::decimal::shortest(value),
        }
    }

    /// Whole units of money: ₪25,980.
    pub fn money(&self, value: f64) -> String {
        Self::with(self.money_format(), value)
    }

    /// Money for axis ticks: ₪1.3M, or "‏1.3 מיליון ‏₪". The language's own money format
    /// says where the sign, the currency and the marks that order them go (`Intl`'s parts);
    /// only its digits are put in compact, so nothing of the order is written by hand.
    pub fn money_compact(&self, value: f64) -> String {
        let (Some(money), Some(compact)) = (self.money_format(), self.compact_format()) else {
            return Self::with(self.compact_format(), value);
        };
        // Hebrew's compact digits carry a right-to-left mark of their own; the money
        // format's parts already order the sign and the currency, and a second mark would
        // end up beside the minus and move it to the far side of the number.
        let digits: String = compact
            .format(value.abs())
            .chars()
            .filter(|c| !cvc_core::words::is_format_character(*c))
            .collect();
        let mut written = String::new();
        let mut placed = false;
        for part in money.format_to_parts(value).iter() {
            let kind = Reflect::get(&part, &"type".into())
                .ok()
                .and_then(|kind| kind.as_string())
                .unwrap_or_default();
            if matches!(kind.as_str(), "integer" | "group" | "decimal" | "fraction") {
                if !placed {
                    written.push_str(&digits);
                    placed = true;
                }
            } else if let Some(text) = Reflect::get(&part, &"value".into())
                .ok()
                .and_then(|text| text.as_string())
            {
                written.push_str(&text);
            }
        }
        written
    }

    /// A plain number with up to two decimals: 1,234.5.
    pub fn number(&self, value: f64) -> String {
        Self::with(self.number_format(), value)
    }

    /// A fraction as a percentage: 0.4 → 40%.
    pub fn percent(&self, fraction: f64) -> String {
        Self::with(self.percent_format(), fraction)
    }

    /// A chance estimated from random draws, never said to be 100% or 0%
    /// ([`cvc_core::numbers::chance_shown`]).
    pub fn chance(&self, probability: f64) -> String {
        let texts = self.language.texts();
        match chance_shown(probability) {
            ChanceShown::As(probability) => self.percent(probability),
            ChanceShown::MoreThan(bound) => {
                fill_plain(texts.chance_more_than, &[("chance", &self.percent(bound))])
            }
            ChanceShown::LessThan(bound) => {
                fill_plain(texts.chance_less_than, &[("chance", &self.percent(bound))])
            }
        }
    }

    pub fn currency_symbol(&self) -> &str {
        self.currency_symbol.get_or_init(|| {
            self.money_format()
                .as_ref()
                .and_then(|format| part(format, 1.0, "currency"))
                .unwrap_or_else(|| self.currency.clone())
        })
    }

    /// A figure as the reader reads it: in money, as a percentage or as a plain number, or
    /// the reason the model gives none, in words. Every figure on screen is written here.
    pub fn figure(&self, figure: Figure, kind: FigureKind) -> String {
        match figure {
            Figure::Value(value) => match kind {
                FigureKind::Money => self.money(value),
                FigureKind::Percent => self.percent(value),
                FigureKind::Number => self.number(value),
            },
            Figure::Missing(why) => self.why(why).to_string(),
        }
    }

    /// An input's value in its own unit: money, a percentage, customers or years.
    pub fn input_value(&self, field: Field, value: f64) -> String {
        match field.spec().unit {
            Unit::Money => self.money(value),
            Unit::Share => self.percent(value),
            Unit::Customers => self
                .language
                .texts()
                .customers
                .count(value, &self.number(value)),
            Unit::Years => self
                .language
                .texts()
                .years
                .count(value, &self.number(value)),
        }
    }

    /// Why the model gives no figure, in the reader's language (`cvc_core::words`).
    pub fn why(&self, why: Why) -> &'static str {
        why_text(self.language, why)
    }
}

/// The decimal and group separators of the browser's own locale, which people type in
/// even when the page is in another language.
pub fn browser_number_syntax() -> NumberSyntax {
    let locale = web_sys::window()
        .map(|window| window.navigator().language().unwrap_or_default())
        .unwrap_or_default();
    let Some(format) = formatter(if locale.is_empty() { "en" } else { &locale }, &[]) else {
        return NumberSyntax::default();
    };
    let decimal = part(&format, 1234.5, "decimal").and_then(|text| text.chars().next());
    let group = part(&format, 1234.5, "group").and_then(|text| text.chars().next());
    match (decimal, group) {
        (Some(','), _) => NumberSyntax::COMMA_DECIMAL,
        (Some(decimal), Some(group)) if decimal != group => NumberSyntax { decimal, group },
        _ => NumberSyntax::default(),
    }
}

/// Hands the pure decimal codec the JavaScript engine's `Number` conversions, which are
/// correctly rounded like Rust's, so that the wasm does not carry Rust's float formatting
/// and parsing (about 20 KB). Called before anything is read or drawn ([`crate::start`]).
pub fn install_number_engine() {
    use js_sys::Number;
    cvc_core::codec::decimal::install(cvc_core::codec::decimal::Engine {
        // The grammar was checked before, so `parseFloat` reads all of the text.
        parse: |text| Number::parse_float(text),
        shortest: |value| {
            Number::from(value)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        },
        fixed: |value, decimals| {
            Number::from(value)
                .to_fixed(decimals)
                .map(String::from)
                .unwrap_or_default()
        },
    });
}

/// Dates written for the reader (`25 November 2026`, `25 בנובמבר 2026`). Building the
/// browser's formatter is slow, so one is made per language and kept.
pub struct DateFormat(js_sys::Intl::DateTimeFormat);

impl DateFormat {
    pub fn new(language_tag: &str) -> DateFormat {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        let locales = js_sys::Array::of1(&language_tag.into());
        DateFormat(js_sys::Intl::DateTimeFormat::new(&locales, &options))
    }

    /// The date of a time in milliseconds since 1970.
    pub fn format(&self, milliseconds: f64) -> String {
        let date = js_sys::Date::new(&milliseconds.into());
        self.0
            .format()
            .call1(&self.0, &date)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    }
}

/// Today's date, written for the reader of `language`.
pub fn today_in(language: Language) -> String {
    DateFormat::new(language.tag()).format(js_sys::Date::now())
}
