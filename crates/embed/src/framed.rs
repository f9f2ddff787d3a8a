//! The calculator inside another site's iframe (`?embed=1`), when its link asks it to tell
//! the page that embeds it what was calculated (`events=1`, and `datalayer=1` for the
//! parent's `window.dataLayer`): the same payload as the element's events, posted to the
//! parent at the height message's origin. The parent's listener (`frame.js`) checks where
//! the message came from and dispatches it on its `<iframe>`.

use cvc_browser::address::read_location;
use cvc_browser::frame::post_to_parent;
use cvc_core::codec::json;
use cvc_core::host_events::{data_layer_entry, frame_message, payload, HostEvent};
use cvc_core::privacy::{Disclosure, PrivacyLine};
use cvc_page::app::{mount_page_with, Answer, Moment};
use yew::Callback;

/// Mounts the calculator's page in its iframe, posting its events when its link asks.
pub fn mount_frame() {
    let view = read_location().view;
    let on_answer = view.events.then(|| {
        let data_layer = view.data_layer;
        Callback::from(move |(answer, moment): (Answer, Moment)| {
            let event = match moment {
                Moment::First => HostEvent::Ready,
                Moment::Settled => HostEvent::Change,
                Moment::Now => return,
            };
            let detail = payload(&answer.scenario, &answer.results, &answer.link);
            let entry = (data_layer && event == HostEvent::Change)
                .then(|| data_layer_entry(&answer.scenario, &answer.results));
            post_to_parent(&json::write_pretty(&frame_message(event, detail, entry)));
        })
    });
    // A frame posts its events only when its link asks, and dataLayer entries with them.
    let privacy = PrivacyLine::of(Disclosure::of_embed(view.events, view.data_layer));
    mount_page_with(on_answer, privacy);
}
