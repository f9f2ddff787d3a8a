//! The parts of the printed report that the screen shows elsewhere or not at all: the
//! date and the link at the top, the figures used as a table (the form's inputs and
//! sliders do not print), and the sources. `styles/app.css` shows them only in print.

use cvc_browser::intl::Formats;
use cvc_core::words::{field_text, fill_plain};
use cvc_model::{Field, Scenario};
use yew::prelude::*;

/// `date` is today's, written for the reader (kept by the app: building a date
/// formatter is slow, and this is drawn on every keystroke).
pub fn report_top(formats: &Formats, date: &str, link: &str) -> Html {
    let page = formats.language.page_texts();
    html! {
        <div class="print-only report-top">
            <p class="report-date">{ fill_plain(page.report_date, &[("date", date)]) }</p>
            <p class="report-link">{ page.report_link }{ " " }<bdi dir="ltr">{ link }</bdi></p>
        </div>
    }
}

pub fn report_figures(formats: &Formats, scenario: &Scenario) -> Html {
    let texts = formats.language.texts();
    let page = formats.language.page_texts();
    let language = formats.language;
    let rows = Field::ALL.into_iter().filter_map(|field| {
        let value = scenario.value(field)?;
        Some(html! {
            <tr>
                <th scope="row">{ field_text(language, field).label }</th>
                <td><bdi>{ formats.input_value(field, value) }</bdi></td>
            </tr>
        })
    });
    // By the name the currency list gives it ("₪ Israeli shekel"), where it has one; a
    // code typed in ("CHF") as it was typed.
    let currency = texts
        .currencies
        .iter()
        .find(|(code, _)| *code == scenario.currency)
        .map_or(scenario.currency.as_str(), |(_, name)| name);
    html! {
        <section class="print-only report-figures">
            <h2>{ texts.inputs_heading }</h2>
            <table>
                <tbody>
                    <tr><th scope="row">{ texts.currency_label }</th><td>{ currency.to_string() }</td></tr>
                    { for rows }
                </tbody>
            </table>
            <h2>{ page.sources_heading }</h2>
            <ul class="sources">{ for page.sources.iter().map(|source| html! { <li>{ *source }</li> }) }</ul>
        </section>
    }
}
