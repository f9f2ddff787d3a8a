//! The workshop room on a participant's phone, above the form: the room's name, a plain
//! line on what is sent and to whom, "Add my figures" (then "Update my figures" after an
//! edit) and "Withdraw my figures", whether the figures reached the room or wait for the
//! connection, and, once the presenter reveals the room's answer, where this business
//! stands among the others. Its state is the pure `cvc_core::participation::Bar`; this
//! component asks the room server and dispatches what it answers. With no room server
//! (a static host), it shows nothing.

use cvc_browser::address::read_location;
use cvc_browser::observers::use_on_screen;
use cvc_browser::rooms::{keep_stay, load_stay, request, room_server, use_online, Answer};
use cvc_browser::timing::every;
use cvc_core::codec::link::encode;
use cvc_core::codec::scenario_file;
use cvc_core::participation::{Action, Bar, Ended, Heard, Phase, Refusal, Status};
use cvc_core::room::{code_shown, stay_key, Pending};
use cvc_core::words::fill_plain;
use cvc_model::ValidScenario;
use cvc_view::amount::sentence;
use cvc_view::use_formats;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RoomBarProps {
    /// The last valid figures, which the link carries.
    pub scenario: ValidScenario,
    /// An entry on screen is invalid: sending would send figures other than those on
    /// screen, so nothing is sent until it is fixed.
    pub figures_stale: bool,
}

/// Yew's reducer over the pure bar.
#[derive(Clone, PartialEq)]
struct BarState(Bar);

impl Reducible for BarState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// How often the phone asks the room how it is (its count, and the reveal).
const CHECK_EVERY_MS: u32 = 8_000;

fn heard(answer: Result<Answer, cvc_browser::rooms::Unreachable>) -> Heard {
    match answer {
        Ok(answer) => Heard::of(answer.status, answer.json, &answer.text),
        Err(_) => Heard::Unreachable,
    }
}

/// Sends whatever waits, then asks the room how it is (and, once sent, the phone's own
/// entry with its standing).
async fn check_once(bar: &UseReducerDispatcher<BarState>, server: &str, state: &Bar) {
    let Bar { code, stay, .. } = state;
    if code.is_empty() || server.is_empty() {
        return;
    }
    let base = format!("{server}/api/rooms/{code}");
    let entry = format!("{base}/entries/{}", stay.participant);
    if let Some(pending) = stay.pending.clone() {
        bar.dispatch(Action::Sending);
        let answer = match &pending {
            Pending::Entry { scenario, .. } => request("PUT", &entry, Some(scenario), None).await,
            Pending::Withdraw => request("DELETE", &entry, None, None).await,
        };
        bar.dispatch(Action::Delivered(pending, heard(answer)));
    }
    // A phone that has just withdrawn has no entry left to ask for.
    let withdrawn = matches!(stay.pending, Some(Pending::Withdraw));
    let address = if stay.sent.is_some() && !withdrawn {
        &entry
    } else {
        &base
    };
    let answer = request("GET", address, None, None).await;
    bar.dispatch(Action::Checked(heard(answer)));
}

#[component]
pub fn RoomBar(props: &RoomBarProps) -> Html {
    let formats = use_formats();
    let language = formats.language;
    let texts = language.extra_texts();
    let room_texts = language.room_texts();
    let code = use_memo((), |()| read_location().view.room);
    let server = use_memo((), |()| room_server().unwrap_or_default());
    let bar = {
        let code = code.clone();
        use_reducer(move || {
            let code = (*code).clone().unwrap_or_default();
            let stay = load_stay(&stay_key(&code));
            BarState(Bar::new(&code, stay))
        })
    };
    let online = use_online();
    // While the bar is scrolled away (the phone fills in the form, three screens below),
    // its button waits at the foot of the screen.
    let bar_node = use_node_ref();
    let bar_on_screen = use_on_screen(bar_node.clone());
    // The bar as it is now, for requests started by a timer made earlier.
    let latest = use_mut_ref(|| bar.0.clone());
    *latest.borrow_mut() = bar.0.clone();
    // Whether a check is on its way, and whether another was asked for meanwhile: one
    // request at a time, so the room gets them in the order they were made (a withdrawal
    // never overtakes the figures it takes out).
    let in_flight = use_mut_ref(|| (false, false));
    // Asks the room how it is (and, once sent, the phone's own entry with its standing),
    // and sends whatever waits.
    let check = {
        let (dispatcher, server) = (bar.dispatcher(), server.clone());
        use_callback((), move |(), _| {
            {
                let mut flight = in_flight.borrow_mut();
                if flight.0 {
                    flight.1 = true;
                    return;
                }
                *flight = (true, false);
            }
            let (bar, server, latest, in_flight) = (
                dispatcher.clone(),
                (*server).clone(),
                latest.clone(),
                in_flight.clone(),
            );
            yew::platform::spawn_local(async move {
                loop {
                    // Read after the last answer's await: the bar has taken it in by then.
                    let state = latest.borrow().clone();
                    check_once(&bar, &server, &state).await;
                    let mut flight = in_flight.borrow_mut();
                    if !flight.1 {
                        flight.0 = false;
                        break;
                    }
                    flight.1 = false;
                }
            });
        })
    };
    // Keep the stay whenever it changes: a reload or a lost connection loses nothing.
    {
        let stay = bar.0.stay.clone();
        let code = bar.0.code.clone();
        use_effect_with(stay, move |stay| {
            if !code.is_empty() {
                keep_stay(&stay_key(&code), stay);
            }
        });
    }
    // Check at once, when the browser comes back online, and every few seconds, until the
    // room has ended (or there is no room server).
    {
        let check = check.clone();
        let over = matches!(bar.0.phase, Phase::Ended(_) | Phase::NoServer);
        use_effect_with(
            (online, bar.0.stay.pending.clone(), over),
            move |(_, _, over)| {
                let interval = (!*over).then(|| {
                    check.emit(());
                    let again = check.clone();
                    every(CHECK_EVERY_MS, move || again.emit(()))
                });
                move || drop(interval)
            },
        );
    }
    if code.is_none() || server.is_empty() || !bar.0.shown() {
        return Html::default();
    }
    let link = encode(&props.scenario, language);
    let on_send = {
        let (bar, scenario, link) = (bar.dispatcher(), props.scenario.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            bar.dispatch(Action::Queue(Pending::Entry {
                scenario: scenario_file::write(&scenario),
                link: link.clone(),
            }))
        })
    };
    let on_withdraw = {
        let bar = bar.dispatcher();
        Callback::from(move |_: MouseEvent| bar.dispatch(Action::Queue(Pending::Withdraw)))
    };
    let state = &bar.0;
    let title = if state.name.is_empty() {
        fill_plain(
            room_texts.room_title_code,
            &[("code", &code_shown(&state.code))],
        )
    } else {
        fill_plain(room_texts.room_title, &[("name", &state.name)])
    };
    // Not "0 participants" before the room has said how many: a line kept empty, so that
    // nothing moves when it has.
    let count = state.participants.map_or_else(
        || "\u{a0}".to_string(),
        |count| {
            texts
                .room_participants
                .count(count as f64, &formats.number(count as f64))
        },
    );
    let ended = match &state.phase {
        Phase::Ended(Ended::Closed) => Some(room_texts.room_closed),
        Phase::Ended(Ended::Expired) => Some(room_texts.room_expired),
        Phase::Ended(Ended::Unknown) => Some(room_texts.room_unknown),
        _ => None,
    };
    let sent = state.stay.sent.is_some();
    let changed = state.changed_since_sent(&link);
    let status: String = match &state.status {
        Status::Sending => room_texts.room_status_sending.into(),
        Status::Waiting => room_texts.room_status_waiting.into(),
        Status::Withdrawn => room_texts.room_status_withdrawn.into(),
        Status::Cleared if !sent => room_texts.room_status_cleared.into(),
        Status::Refused(Refusal::Full) => room_texts.room_full.into(),
        Status::Refused(Refusal::Failed) => room_texts.room_failed.into(),
        // The currency by the name the currency list shows, where it offers it.
        Status::Refused(Refusal::OtherCurrency(currency)) => fill_plain(
            room_texts.room_other_currency,
            &[(
                "currency",
                texts
                    .currencies
                    .iter()
                    .find(|(code, _)| code == currency)
                    .map_or(currency.as_str(), |(_, name)| name),
            )],
        ),
        _ if (!sent || changed) && props.figures_stale => room_texts.room_fix_first.into(),
        _ if sent && changed => room_texts.room_status_changed.into(),
        Status::Updated => room_texts.room_status_updated.into(),
        _ if sent => room_texts.room_status_sent.into(),
        _ => room_texts.room_status_not_sent.into(),
    };
    let waiting = matches!(state.status, Status::Sending | Status::Waiting);
    let standing = state.standing.map(|standing| {
        // [some below, none below, all below]: "more than 3 of the other 5", and the two
        // ends said as such, not "more than 0" or "more than 5 of the other 5".
        // Said against two others or more: "more than 1 of the other 1" says nothing.
        let line = |templates: [&'static str; 3], pair: Option<(usize, usize)>| {
            pair.filter(|(_, others)| *others >= 2).map(|(below, others)| {
                let template = match below {
                    0 => templates[1],
                    _ if below >= others => templates[2],
                    _ => templates[0],
                };
                sentence(
                    template,
                    &[
                        ("below", &formats.number(below as f64)),
                        ("others", &formats.number(others as f64)),
                    ],
                    "standing",
                )
            })
        };
        html! { <>
            { line([room_texts.room_standing_unhappy, room_texts.room_standing_unhappy_least, room_texts.room_standing_unhappy_most], standing.unhappy).unwrap_or_default() }
            { line([room_texts.room_standing_yearly, room_texts.room_standing_yearly_least, room_texts.room_standing_yearly_most], standing.yearly).unwrap_or_default() }
        </> }
    });
    let show_wait_for_reveal = sent && !state.revealed;
    let can_send = !sent || changed;
    let docked = !bar_on_screen && ended.is_none() && can_send;
    let send_label = if sent {
        room_texts.room_update
    } else {
        room_texts.room_add
    };
    html! { <>
        <section class="room-bar" aria-labelledby="room-title" ref={bar_node}>
            <h2 id="room-title"><bdi>{ title }</bdi></h2>
            if let Some(ended) = ended {
                <p class="room-status" role="status">{ ended }</p>
            } else {
                <p class="room-count">{ count }</p>
                <p class="hint room-sends">{ room_texts.room_sends }</p>
                <div class="button-row">
                    if can_send {
                        <button type="button" class="primary" id="room-send" onclick={on_send.clone()} disabled={waiting || props.figures_stale}>
                            { send_label }
                        </button>
                    }
                    if sent {
                        <button type="button" class="secondary" id="room-withdraw" onclick={on_withdraw} disabled={waiting}>{ room_texts.room_withdraw }</button>
                    }
                </div>
                <p class={classes!("room-status", waiting.then_some("waiting"))} role="status">{ status.clone() }</p>
                { standing.unwrap_or_default() }
                if state.standing.is_none() && show_wait_for_reveal {
                    <p class="hint">{ room_texts.room_standing_wait }</p>
                }
            }
        </section>
        if docked {
            <div class="room-dock">
                <button type="button" class="primary" id="room-send-dock" onclick={on_send} disabled={waiting || props.figures_stale}>
                    { send_label }
                </button>
                // What the bar would say of a press: why it cannot send, that it is on its
                // way or waits, or why the room refused it.
                if props.figures_stale {
                    <p class="hint">{ room_texts.room_fix_first }</p>
                } else if matches!(state.status, Status::Sending | Status::Waiting | Status::Refused(_)) {
                    <p class="hint" role="status">{ status }</p>
                }
            </div>
        }
    </> }
}
