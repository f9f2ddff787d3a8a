//! The presenter view, for a projector: the headline answers in type large enough to read
//! from the back of a room, and a QR code that opens the same scenario on participants'
//! phones. Escape, or the button, leaves it.

use super::amount::{Amount, Kind};
use super::headline::payback_words;
use super::qr_code::QrCodeImage;
use crate::app::hooks::use_formats;
use crate::app::i18n::fill_plain;
use crate::model::{Figure, Results, Scenario};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresenterProps {
    pub results: Rc<Results>,
    pub scenario: Scenario,
    /// The link participants land on.
    pub link: String,
    pub on_leave: Callback<()>,
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.texts();
    let leave_button = use_node_ref();
    {
        let (on_leave, leave_button) = (props.on_leave.clone(), leave_button.clone());
        use_effect_with((), move |_| {
            // Focus starts inside the view, so keyboard users are where the content is.
            if let Some(button) = leave_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            let listener = EventListener::new(&gloo::utils::window(), "keydown", move |event| {
                let key = event
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .map(|event| event.key())
                    .unwrap_or_default();
                if key == "Escape" {
                    on_leave.emit(());
                }
            });
            move || drop(listener)
        });
    }
    let results = &props.results;
    let s = &props.scenario;
    let years = (s.horizon_years as u32).to_string();
    let gain_label = if s.count_after_horizon {
        texts.net_gain_total_label
    } else {
        texts.net_gain_label
    };
    let payback = match results.projection.payback_month {
        Figure::Value(month) => payback_words(&formats, month),
        Figure::Missing(why) => formats.why(why).to_string(),
    };
    let on_leave = props.on_leave.reform(|_: MouseEvent| ());
    html! {
        <section class="presenter" aria-labelledby="presenter-title">
            <div class="presenter-answers">
                <h2 id="presenter-title">{ texts.title }</h2>
                <dl>
                    <div>
                        <dt>{ texts.cost_title }{ " (" }{ texts.per_year }{ ")" }</dt>
                        <dd class="huge"><Amount figure={results.customer.yearly_cost_of_poor_service} kind={Kind::Money} name="presenter_cost" /></dd>
                    </div>
                    <div>
                        <dt>{ fill_plain(gain_label, &[("years", &years)]) }</dt>
                        <dd class="huge"><Amount figure={results.projection.npv_gain} kind={Kind::Money} name="presenter_gain" /></dd>
                    </div>
                    <div>
                        <dt>{ texts.payback_cash_label }</dt>
                        <dd class="large">{ payback }</dd>
                    </div>
                </dl>
            </div>
            <figure class="presenter-qr">
                <QrCodeImage link={props.link.clone()} />
                <figcaption>{ texts.present_scan }</figcaption>
            </figure>
            <button type="button" class="secondary presenter-leave" ref={leave_button} onclick={on_leave}>{ texts.present_leave }</button>
        </section>
    }
}
