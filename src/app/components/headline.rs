//! The answers, large and first: what poor service costs a year, what the service budget
//! returns, and what one unhappy customer costs; then one plain sentence that explains
//! them. Nothing here computes: every figure comes from the model's results.

use super::amount::{format_figure, Amount, Kind, Sentence};
use crate::app::format::Formats;
use crate::app::hooks::use_formats;
use crate::app::i18n::fill_plain;
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
            <span class="summary-item">{ texts.summary_gain }{ " " }<Amount figure={props.results.projection.npv_gain} kind={Kind::Money} /></span>
        </div>
    }
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let results = &props.results;
    let c = &results.customer;
    let p = &results.projection;
    let s = &props.scenario;
    let years = format!("{}", s.horizon_years);
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
        Figure::Value(month) => {
            let year = (month / 12.0).ceil();
            html! {
                <data class="amount" value={month.to_string()} data-name="payback_month">
                    { fill_plain(texts.payback_month, &[("month", &format!("{month}")), ("year", &format!("{year}"))]) }
                </data>
            }
        }
        Figure::Missing(why) => {
            html! { <span class="missing" data-name="payback_month">{ formats.why(why) }</span> }
        }
    };
    let roi = if budget_set {
        html! { <Amount figure={p.roi} kind={Kind::Percent} name="roi" /> }
    } else {
        html! { <span class="missing">{ texts.no_budget }</span> }
    };
    let sentence = explanation(&formats, results, s);

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
                            <dt>{ fill_plain(texts.net_gain_label, &[("years", &years)]) }</dt>
                            <dd class="big"><Amount figure={p.npv_gain} kind={Kind::Money} name="npv_gain" class={gain_class(p.npv_gain)} /></dd>
                        </div>
                        <div><dt>{ texts.roi_label }</dt><dd>{ roi }</dd></div>
                        <div><dt>{ texts.payback_label }</dt><dd>{ payback }</dd></div>
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
            { sentence }
        </section>
    }
}

fn gain_class(gain: Figure) -> Classes {
    match gain {
        Figure::Value(value) if value < 0.0 => classes!("negative"),
        _ => Classes::new(),
    }
}

/// The one sentence that says what the figures mean, chosen by the case the scenario is in.
fn explanation(formats: &Formats, results: &Results, s: &Scenario) -> Html {
    let texts = formats.language.texts();
    let c = &results.customer;
    let p = &results.projection;
    let money = |figure: Figure| format_figure(formats, figure, Kind::Money);
    let years = format!("{}", s.horizon_years);
    let (template, figures): (&'static str, Vec<(AttrValue, String)>) =
        match (p.npv_gain, c.unhappy_customer_cost) {
            (Figure::Missing(_), _) => (texts.sentence_beyond_range, Vec::new()),
            (gain, Figure::Missing(Why::WordOfMouthUnbounded)) => (
                texts.sentence_unbounded,
                vec![("years".into(), years), ("gain".into(), money(gain))],
            ),
            (_, Figure::Missing(_)) => (texts.sentence_beyond_range, Vec::new()),
            (Figure::Value(gain), cost) => {
                let common = vec![
                    ("unhappy_cost".into(), money(cost)),
                    ("p0".into(), formats.percent(s.unhappy_share_now)),
                    ("p1".into(), formats.percent(s.unhappy_share_invest)),
                    ("lost".into(), money(p.lost_to_poor_service)),
                    ("years".into(), years),
                    ("budget".into(), money(p.service_budget_present_value)),
                ];
                if gain >= 0.0 {
                    let mut figures = common;
                    figures.push(("gain".into(), formats.money(gain)));
                    (texts.sentence_gain, figures)
                } else {
                    let mut figures = common;
                    figures.push(("loss".into(), formats.money(-gain)));
                    figures.push(("break_even".into(), money(p.break_even_budget_per_year)));
                    (texts.sentence_loss, figures)
                }
            }
        };
    html! { <Sentence class="explanation" {template} {figures} /> }
}
