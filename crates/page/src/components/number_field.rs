//! One numeric input: label, typed value with its unit, a slider over the usual span, the
//! hint, the error in the reader's language (or a note on a share that looks typed as a
//! fraction), and the "why this number?" note.

use cvc_browser::dom::value_of;
use cvc_browser::intl::Formats;
use cvc_core::codec::decimal;
use cvc_core::numbers::{
    draft_text, parse_number, share_meant_as_fraction, shown_range, slider_start, NumberSyntax,
    ParseProblem,
};
use cvc_core::state::{display_factor, number_kind, Action, EntryError};
use cvc_core::words::{field_text, fill_plain, Language};
use cvc_model::fields::{Problem, Unit};
use cvc_model::Field;
use cvc_view::amount::unit_label;
use cvc_view::use_formats;
use yew::prelude::*;

/// One field, as a component of its own with plain props and the app's one stable
/// callback: on a keystroke only the fields whose props changed are drawn again
/// (docs/benchmarks.md, input to DOM on a phone-class CPU).
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub field: Field,
    pub draft: AttrValue,
    pub error: Option<EntryError>,
    pub syntax: NumberSyntax,
    pub current: f64,
    pub slider: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let formats = use_formats();
    let on_edit = props
        .on_action
        .reform(|(field, text): (Field, String)| Action::Edit(field, text));
    let entry = FieldEntry {
        field: props.field,
        draft: &props.draft,
        error: props.error.as_ref(),
        syntax: props.syntax,
        current: props.current,
        slider: props.slider,
    };
    number_field(&formats, entry, &on_edit, Html::default())
}

/// One field's figures as the form holds them.
pub struct FieldEntry<'a> {
    pub field: Field,
    pub draft: &'a str,
    pub error: Option<&'a EntryError>,
    pub syntax: NumberSyntax,
    /// The value in use, in model units, where the slider rests while the draft is bad.
    pub current: f64,
    pub slider: bool,
}

/// A value of the field, in its display units, formatted for the reader.
pub fn display_value(formats: &Formats, field: Field, value: f64) -> String {
    match field.spec().unit {
        Unit::Money => formats.money(value),
        Unit::Share => formats.percent(value),
        Unit::Customers | Unit::Years => formats.number(value),
    }
}

/// The message for an entry error, with the allowed range in the reader's format.
pub fn error_message(formats: &Formats, field: Field, error: &EntryError) -> String {
    let texts = formats.language.texts();
    let spec = field.spec();
    // Plain numbers show two decimals at most; the ends shown must themselves be allowed.
    let (low, high) = match spec.unit {
        Unit::Customers | Unit::Years => shown_range(spec.min, spec.max, 2),
        Unit::Money | Unit::Share => (spec.min, spec.max),
    };
    let (min, max) = (
        display_value(formats, field, low),
        display_value(formats, field, high),
    );
    let range = [("min", min.as_str()), ("max", max.as_str())];
    match error {
        EntryError::Unreadable(ParseProblem::Empty) => texts.error_required.to_string(),
        EntryError::Unreadable(ParseProblem::NotANumber) => texts.error_not_number.to_string(),
        EntryError::Unreadable(ParseProblem::Grouping) => texts.error_grouping.to_string(),
        EntryError::Unreadable(ParseProblem::MisplacedSign(sign)) => {
            fill_plain(texts.error_sign, &[("sign", &sign.to_string())])
        }
        EntryError::Invalid(Problem::LowAboveHigh { .. }) => texts.error_low_above_high.to_string(),
        EntryError::Invalid(Problem::RangeExcludesValue { value, .. }) => fill_plain(
            texts.error_range_excludes,
            &[("value", &display_value(formats, field, *value))],
        ),
        EntryError::Invalid(Problem::NotWhole(_)) => fill_plain(texts.error_whole, &range),
        EntryError::Invalid(_) if spec.whole_number => fill_plain(texts.error_whole, &range),
        EntryError::Invalid(_) if spec.min_exclusive => fill_plain(texts.error_above, &range),
        EntryError::Invalid(_) => fill_plain(texts.error_range, &range),
        EntryError::Currency => texts.error_currency.to_string(),
    }
}

/// The field, with `children` under it (a helper that fills it, say).
pub fn number_field(
    formats: &Formats,
    props: FieldEntry,
    on_edit: &Callback<(Field, String)>,
    children: Html,
) -> Html {
    let language: Language = formats.language;
    let texts = language.texts();
    let field = props.field;
    let spec = field.spec();
    let words = field_text(language, field);
    let id = format!("field-{}", spec.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let factor = display_factor(field);

    let on_input = {
        let on_edit = on_edit.clone();
        Callback::from(move |event: InputEvent| {
            on_edit.emit((field, value_of(&event)));
        })
    };
    let on_slide = {
        let on_edit = on_edit.clone();
        let syntax = props.syntax;
        Callback::from(move |event: InputEvent| {
            if let Some(value) = decimal::parse(&value_of(&event)) {
                on_edit.emit((field, draft_text(value, syntax)));
            }
        })
    };

    let typed = parse_number(props.draft, props.syntax, number_kind(field))
        .ok()
        .map(|value| value / factor);
    let slider_value = typed
        .filter(|value| field.allows(*value))
        .unwrap_or(props.current);
    let slider_max = spec.usual_max.max(slider_value);
    let error = props
        .error
        .map(|error| error_message(formats, field, error));
    // A share under 1% is taken as typed, but is more often a fraction typed for a
    // percentage (0.4 for 40%): said beside the field, where the error would be. Not where
    // a share under 1% is usual (the discount rate, whose slider moves by half a percent),
    // nor after a typed "%".
    let note = match (spec.unit, &error, typed) {
        (Unit::Share, None, Some(value))
            if spec.usual_step >= 0.01 && !props.draft.contains('%') =>
        {
            share_meant_as_fraction(value).map(|meant| {
                fill_plain(
                    texts.note_share_fraction,
                    &[
                        ("meant", &formats.percent(meant)),
                        ("digits", &draft_text(meant * factor, props.syntax)),
                    ],
                )
            })
        }
        _ => None,
    };
    let described_by = if error.is_some() || note.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };

    html! {
        <div class={if error.is_some() { "field has-error" } else { "field" }} data-field={spec.name}>
            <label for={id.clone()}>{ words.label }</label>
            <div class="field-row">
                <div class="number-box">
                    <input
                        id={id.clone()}
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        value={props.draft.to_string()}
                        aria-describedby={described_by}
                        aria-invalid={error.is_some().to_string()}
                        oninput={on_input}
                    />
                    <span class="unit" aria-hidden="true">{ unit_label(formats, field, typed) }</span>
                </div>
                if props.slider {
                    <input
                        type="range"
                        class="slider"
                        min={decimal::shortest(slider_start(spec.min, spec.usual_step) * factor)}
                        max={decimal::shortest(slider_max * factor)}
                        step={decimal::shortest(spec.usual_step * factor)}
                        value={decimal::shortest(slider_value * factor)}
                        aria-label={words.label}
                        aria-valuetext={display_value(formats, field, slider_value)}
                        tabindex="-1"
                        oninput={on_slide}
                    />
                }
            </div>
            <p class={if note.is_some() { "error note" } else { "error" }} id={error_id} aria-live="polite">
                { error.or(note).unwrap_or_default() }
            </p>
            <p class="hint" id={hint_id}>{ words.hint }</p>
            <details class="why">
                <summary>{ texts.why_label }</summary>
                <p>{ words.why }</p>
            </details>
            { children }
        </div>
    }
}
