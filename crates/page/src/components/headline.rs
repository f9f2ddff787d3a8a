//! The answers, large and first: what poor service costs a year, what the service budget
//! returns, and what one unhappy customer costs; then one plain sentence that explains
//! them, and the same questions asked the other way round. Nothing here computes: every
//! figure comes from the model's results.
//!
//! The words say what each figure counts, so that none seems to contradict another: the
//! net gain counts what customers won within the horizon bring after it, while the payback
//! month reads the monthly cash alone (docs/model-notes.md).

use cvc_browser::intl::Formats;
use cvc_core::words::{fill_plain, slots, Texts};
use cvc_model::uncertainty::MonteCarlo;
use cvc_model::{Figure, Results, Scenario, Why};
use cvc_view::amount::{amount, sentence, Kind};
use yew::prelude::*;

/// A short strip with the two main figures; it stays in view on a phone while the user
/// edits, and screen readers hear it change.
pub fn summary(formats: &Formats, results: &Results, scenario: &Scenario, stale: bool) -> Html {
    let texts = formats.language.texts();
    let c = &results.customer;
    let gain_label = if scenario.count_after_horizon {
        texts.summary_gain.to_string()
    } else {
        fill_plain(
            texts.summary_gain_horizon_only,
            &slots(&texts.horizon(scenario.horizon_years)),
        )
    };
    html! {
        <div class={if stale { "summary stale" } else { "summary" }} role="status" aria-live="polite">
            if stale {
                <span class="stale-badge">{ texts.summary_stale }</span>
            }
            <span class="summary-item">
                if cost_without_figure(texts, results, scenario).is_some() {
                    { texts.summary_no_cost }
                } else {
                    { texts.summary_cost }{ " " }{ amount(formats, c.yearly_cost_of_poor_service, Kind::Money, None, "") }
                    if c.yearly_cost_of_poor_service.value().is_some() {
                        { " " }{ texts.per_year }
                    }
                }
            </span>
            <span class="summary-item">{ gain_label }{ " " }{ amount(formats, results.projection.npv_gain, Kind::Money, None, "") }</span>
        </div>
    }
}

pub fn headline(formats: &Formats, results: &Results, scenario: &Scenario, stale: bool) -> Html {
    let texts = formats.language.texts();
    let c = &results.customer;
    let p = &results.projection;
    let s = scenario;
    let years = texts.horizon(s.horizon_years);
    let money = |figure: Figure| formats.figure(figure, Kind::Money);

    let revenue = match (c.yearly_revenue_lost, s.profit_margin) {
        (Figure::Value(_), Some(margin)) => sentence(
            texts.revenue_line,
            &[
                ("revenue", &money(c.yearly_revenue_lost)),
                ("margin", &formats.percent(margin)),
            ],
            "sub",
        ),
        _ => Html::default(),
    };
    let budget_set = s.service_budget_per_year > 0.0;
    let payback = match p.payback_month {
        _ if !budget_set => html! { <span class="missing">{ texts.no_budget }</span> },
        Figure::Value(month) => html! {
            <data class="amount" value={(month as u32).to_string()} data-name="payback_month">
                { texts.payback_words(month) }
            </data>
        },
        Figure::Missing(why) => {
            html! { <span class="missing" data-name="payback_month">{ formats.why(why) }</span> }
        }
    };
    let roi = if budget_set {
        amount(formats, p.roi, Kind::Percent, Some("roi"), "")
    } else {
        html! { <span class="missing">{ texts.no_budget }</span> }
    };
    let gain_label = if s.count_after_horizon {
        texts.net_gain_total_label
    } else {
        texts.net_gain_label
    };

    html! {
        <section class={if stale { "headline stale" } else { "headline" }} part="answers" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{ texts.results_heading }</h2>
            if stale {
                <p class="stale-note" role="status">{ texts.stale }</p>
            }
            <div class="cards">
                <article class="card cost">
                    <h3>{ texts.cost_title }</h3>
                    if let Some((words, unbounded)) = cost_without_figure(texts, results, s) {
                        <p class="sub">
                            { words }
                            // Only where there is a projection to point to: where its figures
                            // are beyond the model's range too, it would send the owner to none.
                            if unbounded && p.npv_gain.value().is_some() {
                                { " " }{ texts.projection_still_applies }
                            }
                        </p>
                    } else {
                        <p class="big">{ amount(formats, c.yearly_cost_of_poor_service, Kind::Money, Some("yearly_cost_of_poor_service"), "") }{ " " }<span class="per">{ texts.per_year }</span></p>
                        if c.yearly_cost_of_poor_service.value().is_some() {
                            <p class="sub basis">{ texts.cost_basis }</p>
                        }
                        { revenue }
                    }
                </article>
                <article class="card return">
                    <h3>{ fill_plain(texts.return_title, &[("yearly_budget", &formats.money(s.service_budget_per_year))]) }</h3>
                    <dl>
                        <div class="main">
                            <dt>{ fill_plain(gain_label, &slots(&years)) }</dt>
                            <dd class="big">{ amount(formats, p.npv_gain, Kind::Money, Some("npv_gain"), gain_class(p.npv_gain)) }</dd>
                        </div>
                        if s.count_after_horizon {
                            <div>
                                <dt>{ fill_plain(texts.net_gain_within_label, &slots(&years)) }</dt>
                                <dd>{ amount(formats, p.npv_gain_within_horizon, Kind::Money, Some("npv_gain_within_horizon"), "") }</dd>
                            </div>
                        }
                        <div><dt>{ texts.roi_label }</dt><dd>{ roi }</dd></div>
                        <div><dt>{ texts.payback_cash_label }</dt><dd>{ payback }</dd></div>
                    </dl>
                </article>
                <article class="card unhappy">
                    <h3>{ texts.unhappy_title }</h3>
                    <p class="big">{ amount(formats, c.unhappy_customer_cost, Kind::Money, Some("unhappy_customer_cost"), "") }</p>
                    if c.unhappy_customer_cost.value().is_some() {
                        { sentence(texts.happy_against_unhappy, &[("happy", &money(c.happy_customer_value)), ("unhappy", &money(c.unhappy_customer_value))], "sub") }
                    }
                </article>
            </div>
            { explanation(formats, results, s) }
        </section>
    }
}

fn gain_class(gain: Figure) -> &'static str {
    match gain {
        Figure::Value(value) if value < 0.0 => "negative",
        _ => "",
    }
}

/// What the cost card says in place of the yearly cost, when it has no figure that a
/// sentence "poor service costs you … a year" could be true of: word of mouth without
/// limit (today already, or only at the target), or a target no better than today, where
/// the model's figure is zero or below (model.md "Per customer"); and whether it is word of
/// mouth without limit, where the projection may still have figures.
fn cost_without_figure(
    texts: &Texts,
    results: &Results,
    s: &Scenario,
) -> Option<(&'static str, bool)> {
    let c = &results.customer;
    match c.yearly_cost_of_poor_service {
        Figure::Missing(Why::WordOfMouthUnbounded) => Some((
            if c.value_per_customer_now == Figure::Missing(Why::WordOfMouthUnbounded) {
                texts.unbounded_cost
            } else {
                texts.unbounded_cost_at_target
            },
            true,
        )),
        _ if s.unhappy_share_invest >= s.unhappy_share_now => Some((texts.cost_no_cut, false)),
        _ => None,
    }
}

/// The sentence that says what the figures mean, chosen by the case the scenario is in,
/// and, when the run-off is counted, how the gain splits either side of the horizon.
fn explanation(formats: &Formats, results: &Results, s: &Scenario) -> Html {
    let texts = formats.language.texts();
    let c = &results.customer;
    let p = &results.projection;
    let money = |figure: Figure| formats.figure(figure, Kind::Money);
    let years = texts.horizon(s.horizon_years);
    let after = s.count_after_horizon;
    let (template, figures): (&'static str, Vec<(&'static str, String)>) =
        match (p.npv_gain, c.unhappy_customer_cost) {
            (Figure::Missing(_), _) => (texts.sentence_beyond_range, Vec::new()),
            (gain, Figure::Missing(Why::WordOfMouthUnbounded)) => (
                if after {
                    texts.sentence_unbounded_total
                } else {
                    texts.sentence_unbounded
                },
                [years.clone(), vec![("gain", money(gain))]].concat(),
            ),
            (_, Figure::Missing(_)) => (texts.sentence_beyond_range, Vec::new()),
            (Figure::Value(gain), cost) => {
                let mut figures = vec![
                    ("unhappy_cost", money(cost)),
                    ("p0", formats.percent(s.unhappy_share_now)),
                    ("p1", formats.percent(s.unhappy_share_invest)),
                    ("lost", money(p.lost_to_poor_service)),
                    ("budget", money(p.service_budget_present_value)),
                    // What the owner pays over the horizon, beside its present value, so
                    // that a discounted figure never reads as the cash paid.
                    (
                        "cash",
                        formats.money(s.service_budget_per_year * s.horizon_years),
                    ),
                ];
                figures.extend(years.clone());
                if gain >= 0.0 {
                    figures.push(("gain", formats.money(gain)));
                    let template = if after {
                        texts.sentence_gain
                    } else {
                        texts.sentence_gain_horizon_only
                    };
                    (template, figures)
                } else if p
                    .lost_to_poor_service
                    .value()
                    .is_none_or(|lost| lost <= 0.0)
                {
                    // A target no lower than today's: there is no cut to describe and no
                    // budget that breaks even, so the sentence says what to change.
                    figures.push(("loss", formats.money(-gain)));
                    (texts.sentence_no_cut, figures)
                } else {
                    figures.push(("loss", formats.money(-gain)));
                    figures.push(("break_even", money(p.break_even_budget_per_year)));
                    let template = if after {
                        texts.sentence_loss
                    } else {
                        texts.sentence_loss_horizon_only
                    };
                    (template, figures)
                }
            }
        };
    let split =
        after && p.npv_gain.value().is_some() && p.npv_gain_within_horizon.value().is_some();
    html! {
        <div class="explanation">
            { sentence(template, &slots(&figures), "") }
            if split {
                { sentence(texts.sentence_split, &slots(&[
                    vec![("within", money(p.npv_gain_within_horizon)), ("after", money(p.npv_gain_after_horizon))],
                    years,
                ].concat()), "") }
            }
        </div>
    }
}

/// The questions owners ask the other way round: how large a budget still leaves a net
/// gain of zero or more, how few unhappy customers this budget needs for that, and how
/// likely the net gain is above zero. The chance is `None` until the first Monte Carlo
/// has run.
pub fn questions(
    formats: &Formats,
    results: &Results,
    monte_carlo: Option<&MonteCarlo>,
    updating: bool,
) -> Html {
    let texts = formats.language.texts();
    let p = &results.projection;
    let chance = match monte_carlo {
        Some(result) => {
            let probability = result.probability_of_gain;
            let tenths = (probability * 10.0).round() as u32;
            // "In about 0 of 10 draws" for a 3% chance, or "10 of 10" for 97%, would say
            // never or always: then the percentage alone.
            let said = if (1..=9).contains(&tenths) {
                fill_plain(
                    texts.answer_chance,
                    &[
                        ("chance", &formats.chance(probability)),
                        ("tenths", &tenths.to_string()),
                    ],
                )
            } else {
                formats.chance(probability)
            };
            html! {
                <data class={if updating { "answer updating" } else { "answer" }} value={cvc_core::codec::decimal::shortest(probability)} data-name="probability_of_gain">
                    { said }
                </data>
            }
        }
        None => html! { <span class="missing">{ texts.updating }</span> },
    };
    html! {
        <section class="questions" aria-labelledby="questions-heading">
            <h3 id="questions-heading">{ texts.questions_heading }</h3>
            <dl>
                <div>
                    <dt>{ texts.question_budget }</dt>
                    <dd>{ amount(formats, p.break_even_budget_per_year, Kind::Money, Some("break_even_budget_per_year"), "") }</dd>
                </div>
                <div>
                    <dt>{ texts.question_share }</dt>
                    <dd>{ amount(formats, p.break_even_unhappy_share_invest, Kind::Percent, Some("break_even_unhappy_share_invest"), "") }</dd>
                </div>
                <div>
                    <dt>{ texts.question_chance }</dt>
                    <dd aria-live="polite">{ chance }</dd>
                </div>
            </dl>
        </section>
    }
}
