//! Two scenarios side by side: every input and the headline figures, with the rows that
//! differ marked in words as well as colour. The figures come from the model; each
//! scenario's money is written in its own currency.

use cvc_browser::intl::Formats;
use cvc_core::words::{field_text, fill_plain, slots};
use cvc_model::{evaluate, Field, Figure, ValidScenario};
use cvc_view::amount::payback_text;
use cvc_view::amount::Kind;
use yew::prelude::*;

/// One row: a label and what each scenario says.
struct Row {
    label: String,
    first: String,
    second: String,
    differs: bool,
}

/// `first` and `second` are each a name and a scenario; `money` formats each one's money
/// in its own currency (made by the caller, once per pair of currencies: building the
/// browser's formatters is slow).
pub fn comparison(
    formats: &Formats,
    (first_name, first): (&str, &ValidScenario),
    (second_name, second): (&str, &ValidScenario),
    (first_formats, second_formats): (&Formats, &Formats),
) -> Html {
    let texts = formats.language.extra_texts();
    let language = formats.language;
    let results = (evaluate(first), evaluate(second));

    let mut rows = vec![Row {
        label: texts.currency_label.to_string(),
        first: first.currency.clone(),
        second: second.currency.clone(),
        differs: first.currency != second.currency,
    }];
    for field in Field::ALL {
        let (a, b) = (first.value(field), second.value(field));
        let shown = |formats: &Formats, value: Option<f64>| {
            value.map_or_else(
                || "—".to_string(),
                |value| formats.input_value(field, value),
            )
        };
        rows.push(Row {
            label: field_text(language, field).label.to_string(),
            first: shown(first_formats, a),
            second: shown(second_formats, b),
            differs: a != b,
        });
    }
    let (a, b) = (&results.0, &results.1);
    let figure_row = |label: String, x: Figure, y: Figure, kind: Kind| Row {
        label,
        first: first_formats.figure(x, kind),
        second: second_formats.figure(y, kind),
        differs: x != y,
    };
    rows.push(figure_row(
        format!("{} ({})", texts.cost_title, texts.per_year),
        a.customer.yearly_cost_of_poor_service,
        b.customer.yearly_cost_of_poor_service,
        Kind::Money,
    ));
    rows.push(net_gain_row(
        formats,
        (first, a.projection.npv_gain, first_formats),
        (second, b.projection.npv_gain, second_formats),
    ));
    rows.push(figure_row(
        texts.unhappy_title.to_string(),
        a.customer.unhappy_customer_cost,
        b.customer.unhappy_customer_cost,
        Kind::Money,
    ));
    rows.push(figure_row(
        texts.roi_label.to_string(),
        a.projection.roi,
        b.projection.roi,
        Kind::Percent,
    ));
    rows.push(Row {
        label: texts.payback_cash_label.to_string(),
        first: payback_text(first_formats, a.projection.payback_month),
        second: payback_text(second_formats, b.projection.payback_month),
        differs: a.projection.payback_month != b.projection.payback_month,
    });

    let caption = fill_plain(
        texts.compare_caption,
        &[("first", first_name), ("second", second_name)],
    );
    html! {
        <div class="table-scroll">
            <table class="comparison">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ texts.compare_item }</th>
                        <th scope="col"><bdi>{ first_name }</bdi></th>
                        <th scope="col"><bdi>{ second_name }</bdi></th>
                        <th scope="col" class="visually-hidden">{ texts.compare_differs }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|row| html! {
                        <tr class={row.differs.then_some("differs")}>
                            <th scope="row">{ row.label }</th>
                            <td><bdi>{ row.first }</bdi></td>
                            <td><bdi>{ row.second }</bdi></td>
                            <td class="mark">
                                if row.differs {
                                    <span aria-hidden="true">{ "≠" }</span>
                                    <span class="visually-hidden">{ texts.compare_differs }</span>
                                } else {
                                    <span class="visually-hidden">{ texts.compare_same }</span>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The net gain of each scenario, named by what it counts: one label when both count it
/// over the same years in the same way, otherwise a cell that says how each counts it.
fn net_gain_row(
    formats: &Formats,
    (first, first_gain, first_formats): (&ValidScenario, Figure, &Formats),
    (second, second_gain, second_formats): (&ValidScenario, Figure, &Formats),
) -> Row {
    let texts = formats.language.extra_texts();
    let counts = |scenario: &ValidScenario| (scenario.horizon_years, scenario.count_after_horizon);
    let differs = first_gain != second_gain || counts(first) != counts(second);
    if counts(first) == counts(second) {
        let label = if first.count_after_horizon {
            texts.net_gain_total_label
        } else {
            texts.net_gain_label
        };
        return Row {
            label: fill_plain(label, &slots(&texts.horizon(first.horizon_years))),
            first: first_formats.figure(first_gain, Kind::Money),
            second: second_formats.figure(second_gain, Kind::Money),
            differs,
        };
    }
    let cell = |scenario: &ValidScenario, gain: Figure, formats: &Formats| {
        let template = if scenario.count_after_horizon {
            texts.compare_gain_total
        } else {
            texts.compare_gain_within
        };
        let mut figures = texts.horizon(scenario.horizon_years);
        figures.push(("gain", formats.figure(gain, Kind::Money)));
        fill_plain(template, &slots(&figures))
    };
    Row {
        label: texts.compare_gain_label.to_string(),
        first: cell(first, first_gain, first_formats),
        second: cell(second, second_gain, second_formats),
        differs,
    }
}
