//! The accessible alternative to every chart: the same figures as a table, folded away
//! until asked for. A plain view function: it holds no state.

use yew::prelude::*;

pub fn chart_table(summary: &str, caption: &str, headers: &[&str], rows: &[Vec<String>]) -> Html {
    html! {
        <details class="chart-table">
            <summary>{ summary }</summary>
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
        </details>
    }
}
