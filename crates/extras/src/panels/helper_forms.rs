//! The two helpers of model.md, each opened from the field it fills (the button is the
//! page's, [`cvc_page::components::helper_toggle`]; the helper is drawn by its chunk): lifetime
//! profit from yearly figures, and the unhappy share from service metrics. They show their
//! result and hand it to the form only when the user says so.

use cvc_browser::dom::value_of;
use cvc_browser::intl::Formats;
use cvc_core::numbers::{draft_text, parse_number, NumberKind, NumberSyntax};
use cvc_core::words::{fill_plain, helper_input_text};
use cvc_model::helpers::{
    lifetime_from_yearly, unhappy_share_from_metrics, yearly_from_lifetime, HelperError,
    HelperInput, ProblemSize, ServiceMetrics, MAX_RETENTION,
};
use cvc_model::Field;
use cvc_view::use_formats;
use yew::prelude::*;

/// One input of a helper, whose text lives in `draft`.
fn helper_field(
    id: &'static str,
    label: &'static str,
    unit: &str,
    draft: &UseStateHandle<String>,
    error: Option<String>,
) -> Html {
    let error_id = format!("{id}-error");
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            draft.set(value_of(&event));
        })
    };
    html! {
        <div class={if error.is_some() { "field compact has-error" } else { "field compact" }}>
            <label for={id}>{ label }</label>
            <div class="number-box">
                <input
                    {id}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    value={(**draft).clone()}
                    aria-describedby={error_id.clone()}
                    aria-invalid={error.is_some().to_string()}
                    {oninput}
                />
                <span class="unit" aria-hidden="true">{ unit.to_string() }</span>
            </div>
            <p class="error" id={error_id} aria-live="polite">{ error.unwrap_or_default() }</p>
        </div>
    }
}

/// The helper's message for an input out of range, or that is not a number.
fn helper_error(formats: &Formats, error: &HelperError) -> String {
    let texts = formats.language.extra_texts();
    let (min, max) = match error.input {
        HelperInput::YearlyProfit => (formats.money(0.0), formats.money(1e10)),
        HelperInput::Retention => (formats.percent(0.0), formats.percent(MAX_RETENTION)),
        HelperInput::ResolvedTogether => {
            return helper_input_text(formats.language, HelperInput::ResolvedTogether).to_string()
        }
        _ => (formats.percent(0.0), formats.percent(1.0)),
    };
    fill_plain(texts.error_range, &[("min", &min), ("max", &max)])
}

/// Reads a typed figure; percentages become fractions. Unreadable text reads as NaN, which
/// the model's helpers then refuse with the input's name.
fn read(text: &str, syntax: NumberSyntax, percent: bool) -> f64 {
    let kind = if percent {
        NumberKind::Percent
    } else {
        NumberKind::Money
    };
    let value = parse_number(text, syntax, kind).unwrap_or(f64::NAN);
    if percent {
        value / 100.0
    } else {
        value
    }
}

#[derive(Properties, PartialEq)]
pub struct LifetimeHelperProps {
    pub syntax: NumberSyntax,
    pub discount_rate: f64,
    /// The scenario's L and T, which the helper starts from.
    pub lifetime_profit: f64,
    pub customer_lifetime_years: f64,
    /// Where the figures go, in model units.
    pub on_apply: Callback<Vec<(Field, f64)>>,
}

#[component]
pub fn LifetimeHelper(props: &LifetimeHelperProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.extra_texts();
    let (start_profit, start_retention) =
        yearly_from_lifetime(props.lifetime_profit, props.customer_lifetime_years);
    let yearly_profit = use_state(|| draft_text(start_profit, props.syntax));
    let retention = use_state(|| draft_text(start_retention * 100.0, props.syntax));
    let discount = use_state(|| draft_text(props.discount_rate * 100.0, props.syntax));
    let result = lifetime_from_yearly(
        read(&yearly_profit, props.syntax, false),
        read(&retention, props.syntax, true),
        read(&discount, props.syntax, true),
    );
    let error_for = |input: HelperInput| match &result {
        Err(error) if error.input == input => Some(helper_error(&formats, error)),
        _ => None,
    };
    let apply = result.ok().map(|estimate| {
        let on_apply = props.on_apply.clone();
        let apply = Callback::from(move |_| {
            on_apply.emit(vec![
                (Field::CustomerLifetimeYears, estimate.customer_lifetime_years),
                (Field::LifetimeProfit, estimate.lifetime_profit),
            ])
        });
        html! {
            <>
                <dl class="helper-results">
                    <dt>{ texts.lifetime_years_result }</dt>
                    <dd><bdi>{ formats.input_value(Field::CustomerLifetimeYears, estimate.customer_lifetime_years) }</bdi></dd>
                    <dt>{ texts.lifetime_profit_result }</dt>
                    <dd><bdi>{ formats.money(estimate.lifetime_profit) }</bdi></dd>
                    <dt>{ texts.clv_start_result }</dt>
                    <dd><bdi>{ formats.money(estimate.clv_profit_at_start) }</bdi></dd>
                    <dt>{ texts.clv_end_result }</dt>
                    <dd><bdi>{ formats.money(estimate.clv_profit_at_end) }</bdi></dd>
                </dl>
                <button type="button" class="primary" onclick={apply}>{ texts.apply }</button>
            </>
        }
    });
    html! {
        <>
            <section class="helper" id="lifetime-helper" aria-label={texts.lifetime_helper_title}>
                <h3>{ texts.lifetime_helper_title }</h3>
                { helper_field("helper-yearly-profit", helper_input_text(formats.language, HelperInput::YearlyProfit), formats.currency_symbol(), &yearly_profit, error_for(HelperInput::YearlyProfit)) }
                { helper_field("helper-retention", helper_input_text(formats.language, HelperInput::Retention), "%", &retention, error_for(HelperInput::Retention)) }
                { helper_field("helper-discount", helper_input_text(formats.language, HelperInput::DiscountRate), "%", &discount, error_for(HelperInput::DiscountRate)) }
                { apply.unwrap_or_default() }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct MetricsHelperProps {
    pub syntax: NumberSyntax,
    /// Where the figures go, in model units.
    pub on_apply: Callback<Vec<(Field, f64)>>,
}

#[component]
pub fn MetricsHelper(props: &MetricsHelperProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.extra_texts();
    let example = ServiceMetrics::EXAMPLE;
    let percent = |share: f64| draft_text(share * 100.0, props.syntax);
    let with_problem = use_state(|| percent(example.share_with_problem));
    let complaining = use_state(|| percent(example.share_complaining));
    let fast = use_state(|| percent(example.resolved_fast));
    let slow = use_state(|| percent(example.resolved_slowly));
    let size = use_state(|| example.problem_size);
    let metrics = ServiceMetrics {
        share_with_problem: read(&with_problem, props.syntax, true),
        share_complaining: read(&complaining, props.syntax, true),
        resolved_fast: read(&fast, props.syntax, true),
        resolved_slowly: read(&slow, props.syntax, true),
        problem_size: *size,
    };
    let result = unhappy_share_from_metrics(&metrics);
    let error_for = |inputs: &[HelperInput]| match &result {
        Err(error) if inputs.contains(&error.input) => Some(helper_error(&formats, error)),
        _ => None,
    };
    let size_choice = |choice: ProblemSize, label: &'static str| {
        let size = size.clone();
        html! {
            <label class="choice">
                <input type="radio" name="problem-size" checked={*size == choice} onchange={Callback::from(move |_| size.set(choice))} />
                { label }
            </label>
        }
    };
    let apply = result.ok().map(|share| {
        let apply_to = |field: Field, label: &'static str| {
            let on_apply = props.on_apply.clone();
            html! { <button type="button" class="primary" onclick={Callback::from(move |_| on_apply.emit(vec![(field, share)]))}>{ label }</button> }
        };
        html! {
            <>
                <dl class="helper-results">
                    <dt>{ texts.metrics_result }</dt>
                    <dd><bdi>{ formats.percent(share) }</bdi></dd>
                </dl>
                <div class="button-row">
                    { apply_to(Field::UnhappyShareNow, texts.apply_to_now) }
                    { apply_to(Field::UnhappyShareInvest, texts.apply_to_invest) }
                </div>
            </>
        }
    });
    html! {
        <>
            <section class="helper" id="metrics-helper" aria-label={texts.metrics_helper_title}>
                <h3>{ texts.metrics_helper_title }</h3>
                { helper_field("helper-with-problem", helper_input_text(formats.language, HelperInput::ShareWithProblem), "%", &with_problem, error_for(&[HelperInput::ShareWithProblem])) }
                { helper_field("helper-complaining", helper_input_text(formats.language, HelperInput::ShareComplaining), "%", &complaining, error_for(&[HelperInput::ShareComplaining])) }
                { helper_field("helper-fast", helper_input_text(formats.language, HelperInput::ResolvedFast), "%", &fast, error_for(&[HelperInput::ResolvedFast])) }
                { helper_field("helper-slow", helper_input_text(formats.language, HelperInput::ResolvedSlowly), "%", &slow, error_for(&[HelperInput::ResolvedSlowly, HelperInput::ResolvedTogether])) }
                <fieldset class="choices">
                    <legend>{ texts.problem_size }</legend>
                    { size_choice(ProblemSize::Large, texts.problem_large) }
                    { size_choice(ProblemSize::Small, texts.problem_small) }
                </fieldset>
                <p class="hint">{ texts.abandoned_note }</p>
                { apply.unwrap_or_default() }
            </section>
        </>
    }
}
