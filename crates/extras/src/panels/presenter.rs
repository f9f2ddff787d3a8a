//! The presenter view, for a projector: the headline answers in type large enough to read
//! from the back of a room, and a QR code that opens the same scenario on participants'
//! phones. Escape, or the button, leaves it.

use crate::panels::qr_code::qr_code;
use cvc_browser::intl::Formats;
use cvc_core::words::{fill_plain, slots};
use cvc_model::{Results, Scenario};
use cvc_view::amount::payback_text;
use cvc_view::amount::{amount, Kind};
use yew::prelude::*;

/// What the presenter view shows. Escape is handled by the app
/// (`cvc_browser::keyboard::use_presenter_keys`, in the page).
pub struct PresenterProps<'a> {
    pub results: &'a Results,
    pub scenario: &'a Scenario,
    /// The link participants land on.
    pub link: &'a str,
    pub on_leave: Callback<()>,
    /// The workshop room, when a room server answers (`presenter_room`).
    pub room: Html,
}

pub fn presenter(formats: &Formats, props: PresenterProps) -> Html {
    let texts = formats.language.extra_texts();
    let results = props.results;
    let s = props.scenario;
    let years = texts.horizon(s.horizon_years);
    let gain_label = if s.count_after_horizon {
        texts.net_gain_total_label
    } else {
        texts.net_gain_label
    };
    let payback = payback_text(formats, results.projection.payback_month);
    let on_leave = props.on_leave.reform(|_: MouseEvent| ());
    html! {
        <section class="presenter" aria-labelledby="presenter-title">
            <div class="presenter-answers">
                <h2 id="presenter-title">{ texts.title }</h2>
                <dl>
                    <div>
                        <dt>{ texts.cost_title }{ " (" }{ texts.per_year }{ ")" }</dt>
                        <dd class="huge">{ amount(formats, results.customer.yearly_cost_of_poor_service, Kind::Money, Some("presenter_cost"), "") }</dd>
                    </div>
                    <div>
                        <dt>{ fill_plain(gain_label, &slots(&years)) }</dt>
                        <dd class="huge">{ amount(formats, results.projection.npv_gain, Kind::Money, Some("presenter_gain"), "") }</dd>
                    </div>
                    <div>
                        <dt>{ texts.payback_cash_label }</dt>
                        <dd class="large">{ payback }</dd>
                    </div>
                </dl>
            </div>
            <figure class="presenter-qr">
                { qr_code(texts, props.link) }
                <figcaption>{ texts.present_scan }</figcaption>
            </figure>
            { props.room }
            <button type="button" class="secondary presenter-leave" id="presenter-leave" onclick={on_leave}>{ texts.present_leave }</button>
        </section>
    }
}
