//! The answers, large and first: what poor service costs a year, what the service budget
//! returns, and what one unhappy customer costs; then one plain sentence that explains
//! them, and the same questions asked the other way round. Nothing here computes: every
//! figure comes from the model's results.
//!
//! The words say what each figure counts, so that none seems to contradict another: the
//! net gain counts what customers won within the horizon bring after it, while the payback
//! month reads the monthly cash alone (docs/model-notes.md).

use super::amount::{format_figure, Amount, Kind, Sentence};
use crate::app::format::Formats;
use crate::app::hooks::use_formats;
use crate::app::i18n::fill_plain;
use crate::model::uncertainty::MonteCarlo;
use crate::model::{Figure, Results, Scenario, Why};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub results: Rc<Results>,
    pub scenario: Scenario,
    pub stale: bool,
}

/// A short strip with the two main figures; it stays in view on a phone while the user
/// edits, and screen readers hear it change.
#[component]
pub fn Summary(props: &HeadlineProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let c = &props.results.customer;
    let gain_label = if props.scenario.count_after_horizon {
        texts.summary_gain.to_string()
    } else {
        fill_plain(
            texts.summary_gain_horizon_only,
            &[("years", &years(&props.scenario))],
        )
    };
    html! {
        <div class={classes!("summary", props.stale.then_some("stale"))} role="status" aria-live="polite">
            if props.stale {
                <span class="stale-badge">{ texts.summary_stale }</span>
            }
            <span class="summary-item">
                { texts.summary_cost }{ " " }<Amount figure={c.yearly_cost_of_poor_service} kind={Kind::Money} />
                if c.yearly_cost_of_poor_service.value().is_some() {
                    { " " }{ texts.per_year }
                }
            </span>
            <span class="summary-item">{ gain_label }{ " " }<Amount figure={props.results.projection.npv_gain} kind={Kind::Money} /></span>
        </div>
    }
}

fn years(scenario: &Scenario) -> String {
    (scenario.horizon_years as u32).to_string()
}

/// "in month 70 (year 6)".
pub fn payback_words(formats: &Formats, month: f64) -> String {
    let month = month as u32;
    fill_plain(
        formats.language.texts().payback_month,
        &[
            ("month", &month.to_string()),
            ("year", &month.div_ceil(12).to_string()),
        ],
    )
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let results = &props.results;
    let c = &results.customer;
    let p = &results.projection;
    let s = &props.scenario;
    let years = years(s);
    let money = |figure: Figure| format_figure(&formats, figure, Kind::Money);

    let revenue = match (c.yearly_revenue_lost, s.profit_margin) {
        (Figure::Value(_), Some(margin)) => html! {
            <Sentence class="sub" template={texts.revenue_line}
                figures={vec![("revenue".into(), money(c.yearly_revenue_lost)), ("margin".into(), formats.percent(margin))]} />
        },
        _ => Html::default(),
    };
    let unbounded = c.yearly_cost_of_poor_service == Figure::Missing(Why::WordOfMouthUnbounded);
    let budget_set = s.service_budget_per_year > 0.0;
    let payback = match p.payback_month {
        _ if !budget_set => html! { <span class="missing">{ texts.no_budget }</span> },
        Figure::Value(month) => html! {
            <data class="amount" value={(month as u32).to_string()} data-name="payback_month">
                { payback_words(&formats, month) }
            </data>
        },
        Figure::Missing(why) => {
            html! { <span class="missing" data-name="payback_month">{ formats.why(why) }</span> }
        }
    };
    let roi = if budget_set {
        html! { <Amount figure={p.roi} kind={Kind::Percent} name="roi" /> }
    } else {
        html! { <span class="missing">{ texts.no_budget }</span> }
    };
    let gain_label = if s.count_after_horizon {
        texts.net_gain_total_label
    } else {
        texts.net_gain_label
    };

    html! {
        <section class={classes!("headline", props.stale.then_some("stale"))} aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{ texts.results_heading }</h2>
            if props.stale {
                <p class="stale-note" role="status">{ texts.stale }</p>
            }
            <div class="cards">
                <article class="card cost">
                    <h3>{ texts.cost_title }</h3>
                    if unbounded {
                        <p class="sub">{ texts.unbounded_cost }</p>
                    } else {
                        <p class="big"><Amount figure={c.yearly_cost_of_poor_service} kind={Kind::Money} name="yearly_cost_of_poor_service" />{ " " }<span class="per">{ texts.per_year }</span></p>
                        { revenue }
                    }
                </article>
                <article class="card return">
                    <h3>{ fill_plain(texts.return_title, &[("budget", &formats.money(s.service_budget_per_year))]) }</h3>
                    <dl>
                        <div class="main">
                            <dt>{ fill_plain(gain_label, &[("years", &years)]) }</dt>
                            <dd class="big"><Amount figure={p.npv_gain} kind={Kind::Money} name="npv_gain" class={gain_class(p.npv_gain)} /></dd>
                        </div>
                        if s.count_after_horizon {
                            <div>
                                <dt>{ fill_plain(texts.net_gain_within_label, &[("years", &years)]) }</dt>
                                <dd><Amount figure={p.npv_gain_within_horizon} kind={Kind::Money} name="npv_gain_within_horizon" /></dd>
                            </div>
                        }
                        <div><dt>{ texts.roi_label }</dt><dd>{ roi }</dd></div>
                        <div><dt>{ texts.payback_cash_label }</dt><dd>{ payback }</dd></div>
                    </dl>
                </article>
                <article class="card unhappy">
                    <h3>{ texts.unhappy_title }</h3>
                    <p class="big"><Amount figure={c.unhappy_customer_cost} kind={Kind::Money} name="unhappy_customer_cost" /></p>
                    if c.unhappy_customer_cost.value().is_some() {
                        <Sentence class="sub" template={texts.happy_against_unhappy}
                            figures={vec![("happy".into(), money(c.happy_customer_value)), ("unhappy".into(), money(c.unhappy_customer_value))]} />
                    }
                </article>
            </div>
            { explanation(&formats, results, s) }
        </section>
    }
}

fn gain_class(gain: Figure) -> Classes {
    match gain {
        Figure::Value(value) if value < 0.0 => classes!("negative"),
        _ => Classes::new(),
    }
}

/// The sentence that says what the figures mean, chosen by the case the scenario is in,
/// and, when the run-off is counted, how the gain splits either side of the horizon.
fn explanation(formats: &Formats, results: &Results, s: &Scenario) -> Html {
    let texts = formats.language.texts();
    let c = &results.customer;
    let p = &results.projection;
    let money = |figure: Figure| format_figure(formats, figure, Kind::Money);
    let years = years(s);
    let after = s.count_after_horizon;
    let (template, figures): (&'static str, Vec<(AttrValue, String)>) =
        match (p.npv_gain, c.unhappy_customer_cost) {
            (Figure::Missing(_), _) => (texts.sentence_beyond_range, Vec::new()),
            (gain, Figure::Missing(Why::WordOfMouthUnbounded)) => (
                texts.sentence_unbounded,
                vec![
                    ("years".into(), years.clone()),
                    ("gain".into(), money(gain)),
                ],
            ),
            (_, Figure::Missing(_)) => (texts.sentence_beyond_range, Vec::new()),
            (Figure::Value(gain), cost) => {
                let mut figures = vec![
                    ("unhappy_cost".into(), money(cost)),
                    ("p0".into(), formats.percent(s.unhappy_share_now)),
                    ("p1".into(), formats.percent(s.unhappy_share_invest)),
                    ("lost".into(), money(p.lost_to_poor_service)),
                    ("years".into(), years.clone()),
                    ("budget".into(), money(p.service_budget_present_value)),
                ];
                if gain >= 0.0 {
                    figures.push(("gain".into(), formats.money(gain)));
                    let template = if after {
                        texts.sentence_gain
                    } else {
                        texts.sentence_gain_horizon_only
                    };
                    (template, figures)
                } else {
                    figures.push(("loss".into(), formats.money(-gain)));
                    figures.push(("break_even".into(), money(p.break_even_budget_per_year)));
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
            <Sentence {template} {figures} />
            if split {
                <Sentence template={texts.sentence_split} figures={vec![
                    ("within".into(), money(p.npv_gain_within_horizon)),
                    ("after".into(), money(p.npv_gain_after_horizon)),
                    ("years".into(), years.clone()),
                ]} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub results: Rc<Results>,
    /// None until the first Monte Carlo has run.
    pub monte_carlo: Option<Rc<MonteCarlo>>,
    pub updating: bool,
}

/// The questions owners ask the other way round: how large a budget still pays, how few
/// unhappy customers this budget needs, and how likely it is to pay at all.
#[component]
pub fn Questions(props: &QuestionsProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let p = &props.results.projection;
    let chance = match &props.monte_carlo {
        Some(result) => {
            let probability = result.probability_of_gain;
            let tenths = ((probability * 10.0).round() as u32).to_string();
            html! {
                <data class={classes!("answer", props.updating.then_some("updating"))} value={crate::codec::decimal::shortest(probability)} data-name="probability_of_gain">
                    { fill_plain(texts.answer_chance, &[("chance", &formats.percent(probability)), ("tenths", &tenths)]) }
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
                    <dd><Amount figure={p.break_even_budget_per_year} kind={Kind::Money} name="break_even_budget_per_year" /></dd>
                </div>
                <div>
                    <dt>{ texts.question_share }</dt>
                    <dd><Amount figure={p.break_even_unhappy_share_invest} kind={Kind::Percent} name="break_even_unhappy_share_invest" /></dd>
                </div>
                <div>
                    <dt>{ texts.question_chance }</dt>
                    <dd aria-live="polite">{ chance }</dd>
                </div>
            </dl>
        </section>
    }
}
