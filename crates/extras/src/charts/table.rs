//! The accessible alternative to every chart: the same figures as a table, folded away
//! until asked for. Its rows are written only while it is open: a chart is drawn again on
//! every keystroke, and formatting a table nobody looks at would slow typing on a phone.

use cvc_browser::dom::is_open;
use yew::prelude::*;

/// Whether a chart's tables are open, and the handler that keeps it so.
#[derive(Clone)]
pub struct TableToggle {
    pub open: bool,
    pub on_toggle: Callback<Event>,
}

#[hook]
pub fn use_table_toggle() -> TableToggle {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| open.set(is_open(&event)))
    };
    TableToggle {
        open: *open,
        on_toggle,
    }
}

/// A folded table; `rows` is called only when it is open.
pub fn chart_table(
    toggle: &TableToggle,
    summary: &str,
    caption: &str,
    headers: &[&str],
    rows: impl FnOnce() -> Vec<Vec<String>>,
) -> Html {
    html! {
        <details class="chart-table" open={toggle.open} ontoggle={toggle.on_toggle.clone()}>
            <summary>{ summary }</summary>
            if toggle.open {
                { table(caption, headers, &rows()) }
            }
        </details>
    }
}

/// The table itself, with its caption and a scroll box of its own.
pub fn table(caption: &str, headers: &[&str], rows: &[Vec<String>]) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table>
                <caption>{ caption }</caption>
                <thead><tr>{ for headers.iter().map(|header| html! { <th scope="col">{ *header }</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>{ for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row"><bdi>{ cell.clone() }</bdi></th> }
                        } else {
                            html! { <td><bdi>{ cell.clone() }</bdi></td> }
                        }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
