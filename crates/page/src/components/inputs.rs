//! The form: the figures from the product brief first, everything else in a collapsed
//! "Advanced" section.

use crate::components::helper_toggle::HelperToggle;
use crate::components::number_field::NumberField;
use crate::components::range_editor::uncertainty_section;
use cvc_browser::dom::{is_checked, value_of};
use cvc_browser::intl::Formats;
use cvc_browser::lazy_parts::PartLinks;
use cvc_core::parts::Part;
use cvc_core::state::{Action, State};
use cvc_model::Field;
use yew::prelude::*;

/// Asked on the first screen: the four figures of the product brief, then the service
/// levels and the budget.
pub const FIRST_SCREEN: [Field; 7] = [
    Field::AcquisitionCost,
    Field::LifetimeProfit,
    Field::ReferralsPerHappy,
    Field::LostPerUnhappy,
    Field::UnhappyShareNow,
    Field::UnhappyShareInvest,
    Field::ServiceBudgetPerYear,
];

/// Everything else in model.md, behind "Advanced".
pub const ADVANCED: [Field; 7] = [
    Field::CustomerLifetimeYears,
    Field::NewCustomersPerYear,
    Field::CurrentCustomers,
    Field::UnhappyProfitShare,
    Field::HorizonYears,
    Field::DiscountRate,
    Field::ProfitMargin,
];

pub fn inputs(
    formats: &Formats,
    state: &State,
    on_action: &Callback<Action>,
    extras: &PartLinks,
    advanced_drawn: bool,
) -> Html {
    let texts = state.language.texts();
    // The helpers follow the field they fill.
    let field = |field: Field, helper: Html| {
        html! {
            <>
                <NumberField
                    {field}
                    draft={AttrValue::from(state.draft(field).to_string())}
                    error={state.error(field).cloned()}
                    syntax={state.syntax}
                    current={state.scenario.value(field).unwrap_or(field.spec().default)}
                    slider={field != Field::ProfitMargin}
                    on_action={on_action.clone()}
                />
                { helper }
            </>
        }
    };
    let helper_for = |field: Field| match field {
        Field::LifetimeProfit => html! {
            <HelperToggle part={Part::LifetimeHelper} open_label={texts.lifetime_helper_open} extras={extras.clone()} />
        },
        Field::UnhappyShareNow => html! {
            <HelperToggle part={Part::MetricsHelper} open_label={texts.metrics_helper_open} extras={extras.clone()} />
        },
        _ => Html::default(),
    };

    // Currencies offered in the list, by the names owners know; any other ISO code can be
    // typed.
    let currency_known = texts
        .currencies
        .iter()
        .any(|(code, _)| *code == state.currency);
    let on_currency_select = {
        let on_action = on_action.clone();
        Callback::from(move |event: Event| {
            let code = value_of(&event);
            // "Other" keeps the code until the user types one.
            if !code.is_empty() {
                on_action.emit(Action::EditCurrency(code));
            }
        })
    };
    let on_currency_text = {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            on_action.emit(Action::EditCurrency(value_of(&event)));
        })
    };
    let on_count_after = {
        let on_action = on_action.clone();
        Callback::from(move |event: Event| {
            on_action.emit(Action::SetCountAfterHorizon(is_checked(&event)));
        })
    };
    let currency_error = state.currency_error.is_some();

    html! {
        <section class="inputs" part="form" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">{ texts.inputs_heading }</h2>
            { for FIRST_SCREEN.iter().map(|&f| field(f, helper_for(f))) }
            <details class="advanced">
                <summary>{ texts.advanced_summary }</summary>
                // Its fields come a step after the first ones (use_drawing_stages):
                // the section starts closed, so nothing on screen moves.
                if advanced_drawn {
                    <div class={if currency_error { "field has-error" } else { "field" }}>
                        <label for="currency-select">{ texts.currency_label }</label>
                        <div class="field-row">
                            <select id="currency-select" onchange={on_currency_select}>
                                { for texts.currencies.iter().map(|&(code, name)| html! {
                                    <option value={code} selected={state.currency == code}>{ name }</option>
                                }) }
                                <option value="" selected={!currency_known}>{ texts.currency_other }</option>
                            </select>
                            <input
                                id="currency-code"
                                class="currency-code"
                                type="text"
                                maxlength="3"
                                autocomplete="off"
                                spellcheck="false"
                                aria-label={texts.currency_other}
                                aria-describedby="currency-hint currency-error"
                                aria-invalid={currency_error.to_string()}
                                value={state.currency.clone()}
                                oninput={on_currency_text}
                            />
                        </div>
                        <p class="hint" id="currency-hint">{ texts.currency_hint }</p>
                        <p class="error" id="currency-error" aria-live="polite">{ if currency_error { texts.error_currency } else { "" } }</p>
                    </div>
                    { for ADVANCED.iter().map(|&f| field(f, Html::default())) }
                    <div class="field checkbox">
                        <label>
                            <input type="checkbox" checked={state.count_after_horizon} onchange={on_count_after} aria-describedby="count-after-hint" />
                            { texts.count_after_horizon_label }
                        </label>
                        <p class="hint" id="count-after-hint">{ texts.count_after_horizon_hint }</p>
                    </div>
                    { uncertainty_section(formats, state, on_action) }
                }
            </details>
        </section>
    }
}
