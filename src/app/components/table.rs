//! The accessible alternative to every chart: the same figures as a table, folded away
//! until asked for.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartTableProps {
    pub summary: AttrValue,
    pub caption: AttrValue,
    pub headers: Vec<AttrValue>,
    pub rows: Vec<Vec<String>>,
}

#[component]
pub fn ChartTable(props: &ChartTableProps) -> Html {
    html! {
        <details class="chart-table">
            <summary>{ props.summary.clone() }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
                <table>
                    <caption>{ props.caption.clone() }</caption>
                    <thead><tr>{ for props.headers.iter().map(|header| html! { <th scope="col">{ header.clone() }</th> }) }</tr></thead>
                    <tbody>
                        { for props.rows.iter().map(|row| html! {
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
