//! "How sure are you?": the low and high end of every input that moves the gain, whether
//! it varies in the Monte Carlo, the number of draws, and a reset. The ends are typed in
//! the same units and number format as the field itself.

use crate::components::number_field::error_message;
use cvc_browser::dom::{is_checked, value_of};
use cvc_browser::intl::Formats;
use cvc_core::state::{Action, End, State};
use cvc_core::words::field_text;
use cvc_model::Field;
use cvc_view::amount::unit_label;
use yew::prelude::*;

pub fn uncertainty_section(formats: &Formats, state: &State, on_action: &Callback<Action>) -> Html {
    let texts = formats.language.texts();
    let rows = Field::AFFECTING_GAIN.into_iter().map(|field| {
        let name = field.name();
        let label = field_text(formats.language, field).label;
        let error = state.range_errors[field.index()]
            .as_ref()
            .map(|error| error_message(formats, field, error));
        let error_id = format!("range-{name}-error");
        let end_input = |end: End, end_label: &'static str| {
            let on_action = on_action.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                on_action.emit(Action::EditRange(field, end, value_of(&event)));
            });
            let suffix = if end == End::Low { "low" } else { "high" };
            html! {
                <input id={format!("range-{name}-{suffix}")} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    aria-label={format!("{label}: {end_label}")} aria-describedby={error_id.clone()}
                    aria-invalid={error.is_some().to_string()}
                    value={state.range_text(field, end)} {oninput} />
            }
        };
        let on_varies = {
            let on_action = on_action.clone();
            Callback::from(move |event: Event| {
                on_action.emit(Action::SetVaries(field, is_checked(&event)));
            })
        };
        html! {
            <div class={if error.is_some() { "range-row has-error" } else { "range-row" }} data-field={name}>
                <span class="range-label">{ label }</span>
                <div class="range-ends">
                    { end_input(End::Low, texts.column_low) }
                    <span aria-hidden="true">{ "–" }</span>
                    { end_input(End::High, texts.column_high) }
                    <span class="unit" aria-hidden="true">{ unit_label(formats, field, None) }</span>
                </div>
                <label class="choice">
                    <input type="checkbox" checked={state.range(field).varies} onchange={on_varies} aria-label={format!("{label}: {}", texts.varies_label)} />
                    { texts.varies_label }
                </label>
                <p class="error" id={error_id} aria-live="polite">{ error.unwrap_or_default() }</p>
            </div>
        }
    });
    let on_draws = {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            on_action.emit(Action::EditDraws(value_of(&event)));
        })
    };
    let on_reset = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ResetUncertainty))
    };
    let draws_error = state.draws_error.is_some().then_some(texts.error_draws);
    html! {
        <details class="uncertainty">
            <summary>{ texts.uncertainty_summary }</summary>
            <p class="hint">{ texts.uncertainty_hint }</p>
            { for rows }
            <div class={if draws_error.is_some() { "field has-error" } else { "field" }}>
                <label for="monte-carlo-draws">{ texts.draws_label }</label>
                <input id="monte-carlo-draws" type="text" inputmode="numeric" autocomplete="off" class="draws"
                    value={state.draws.clone()} oninput={on_draws}
                    aria-describedby="monte-carlo-draws-hint monte-carlo-draws-error" aria-invalid={draws_error.is_some().to_string()} />
                <p class="hint" id="monte-carlo-draws-hint">{ texts.draws_hint }</p>
                <p class="error" id="monte-carlo-draws-error" aria-live="polite">{ draws_error.unwrap_or_default() }</p>
            </div>
            <button type="button" class="secondary" onclick={on_reset}>{ texts.reset_ranges }</button>
        </details>
    }
}
