//! The workshop room in the presenter view, for a projector: "Open a room" (when a room
//! server answers), then the room's code in projector-sized type with its QR code and the
//! live count; "Reveal the room's answer" shows what the room loses a year to poor
//! service, the median cost of one unhappy customer, how many get their money back within
//! their own horizon, and every business as a dot on each figure's line; hide, start
//! again, close, and the room's entries as CSV. The presenter's token stays in this
//! browser (`cvc_browser::rooms::opened_room`), so a reload keeps the room. With no room
//! server, the view shows nothing of rooms.

use crate::panels::qr_code::qr_code;
use cvc_browser::dom::{focus_by_id_soon, input_text};
use cvc_browser::files::{offer_download, today_iso};
use cvc_browser::intl::Formats;
use cvc_browser::rooms::{
    keep_opened_room, opened_room, request, room_server, RoomStream, STREAM_LOST, STREAM_RETRYING,
};
use cvc_browser::timing::{after, now_ms, Timer};
use cvc_core::chart_scale::dot_row;
use cvc_core::codec::csv::file_name;
use cvc_core::codec::decimal::svg as px;
use cvc_core::codec::json::{self, Json};
use cvc_core::codec::scenario_file;
use cvc_core::room::{code_shown, entries_csv, entry_of, Opened, FIGURES, MIN_PARTICIPANTS};
use cvc_core::words::fill_plain;
use cvc_view::amount::sentence;
use cvc_view::use_formats;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The dots are fetched at most this often, whatever the pace of the room's changes; a
/// change within it is fetched when it is over, so the last change is never missed.
const DOTS_EVERY_MS: f64 = 2_000.0;

/// How long after the browser gave up the live stream the presenter's screen asks the
/// server about the room again (and again, until it answers).
const STREAM_AGAIN_MS: u32 = 5_000;

/// Each entry's figures, for the dots.
type Dots = Vec<[Option<f64>; FIGURES.len()]>;

/// What went wrong, said in the presenter's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    /// The room is gone (closed, expired, or its token no longer holds).
    Closed,
    /// The room server could not be reached.
    Failed,
    /// The live count's connection dropped: the count on screen may be behind, and the
    /// page is connecting again.
    Reconnecting,
}

#[derive(Properties, PartialEq)]
pub struct PresenterRoomProps {
    /// The calculator's own address, ending in `/`: where participants land.
    pub app_address: AttrValue,
    /// The currency of the scenario on screen: the room counts in it.
    pub currency: AttrValue,
}

/// What the presenter's screen knows of the room.
#[derive(Clone, Debug, PartialEq, Default)]
struct Seen {
    participants: u64,
    revealed: bool,
    /// The summary's figures (`null` while fewer than five are in).
    figures: Option<Json>,
    paid_back: Option<u64>,
}

/// Whether the page has a room server, and the room opened here.
#[derive(Clone, Debug, PartialEq)]
enum Place {
    NoServer,
    Ready,
    Open(Opened),
}

fn number(document: &Json, key: &str) -> Option<f64> {
    match document.get(key)? {
        Json::Number(value) => Some(*value),
        _ => None,
    }
}

fn seen_of(summary: &Json) -> Seen {
    Seen {
        participants: number(summary, "participants").unwrap_or(0.0).max(0.0) as u64,
        revealed: matches!(summary.get("revealed"), Some(Json::Bool(true))),
        figures: summary
            .get("figures")
            .filter(|figures| **figures != Json::Null)
            .cloned(),
        paid_back: number(summary, "paid_back").map(|n| n.max(0.0) as u64),
    }
}

#[component]
pub fn PresenterRoom(props: &PresenterRoomProps) -> Html {
    let formats = use_formats();
    let texts = formats.language.extra_texts();
    let room_texts = formats.language.presenter_room_texts();
    let place = use_state(|| match (room_server(), opened_room()) {
        (None, _) => Place::NoServer,
        (Some(_), Some(room)) => Place::Open(room),
        (Some(_), None) => Place::Ready,
    });
    let seen = use_state(Seen::default);
    // Fetched apart from the summary, so a slow answer never puts back an older count.
    let dots = use_state(Dots::new);
    let problem = use_state(|| None::<Problem>);
    let confirming = use_state(|| None::<&'static str>);
    // Counts the streams opened for the room: a new one is opened (the effect below runs
    // again) once the server answers after the browser gave the last one up.
    let stream_attempt = use_state(|| 0_u32);
    let name = use_node_ref();
    let opened = match &*place {
        Place::Open(room) => Some(room.clone()),
        _ => None,
    };
    // The room counts in its own currency, whatever the scenario on screen counts in.
    let room_formats = {
        let currency = opened
            .as_ref()
            .map(|room| room.currency.clone())
            .filter(|currency| !currency.is_empty())
            .unwrap_or_else(|| props.currency.to_string());
        let language = formats.language;
        let same = currency == formats.currency;
        let page = formats.clone();
        use_memo((language, currency), move |(language, currency)| {
            if same {
                page
            } else {
                Rc::new(Formats::new(*language, currency))
            }
        })
    };
    // The room's stream, and its dots once revealed.
    {
        let (place, seen, problem, dots, stream_attempt) = (
            place.clone(),
            seen.clone(),
            problem.clone(),
            dots.clone(),
            stream_attempt.clone(),
        );
        use_effect_with((opened, *stream_attempt), move |(opened, _)| {
            // Another room, or none: the dots were the last room's.
            dots.set(Dots::new());
            let fetched_at = Rc::new(RefCell::new((f64::NEG_INFINITY, None)));
            let later = fetched_at.clone();
            // Each fetch of the dots is numbered: only the latest one's answer is shown, so
            // a slow answer (or the last room's) never puts back an older set.
            let asked = Rc::new(Cell::new(0_u64));
            let left = asked.clone();
            let asking_again = Rc::new(RefCell::new(None));
            let stop_asking = asking_again.clone();
            let stream = opened.as_ref().and_then(|room| {
                let url = room.stream_url();
                let room = room.clone();
                RoomStream::open(
                    &url,
                    Callback::from(move |(event, data): (String, String)| {
                        if event == "closed" {
                            keep_opened_room(None);
                            problem.set(Some(Problem::Closed));
                            place.set(Place::Ready);
                            return;
                        }
                        if event == STREAM_RETRYING {
                            problem.set(Some(Problem::Reconnecting));
                            return;
                        }
                        if event == STREAM_LOST {
                            problem.set(Some(Problem::Reconnecting));
                            let waiting = ask_about_room(
                                room.clone(),
                                place.clone(),
                                problem.clone(),
                                stream_attempt.clone(),
                                asking_again.clone(),
                            );
                            *asking_again.borrow_mut() = Some(waiting);
                            return;
                        }
                        let Ok(summary) = json::parse(&data) else {
                            return;
                        };
                        // An answer from the room: whatever failed before holds no more.
                        problem.set(None);
                        let next = seen_of(&summary);
                        if next.revealed && next.figures.is_some() {
                            let mut fetched = fetched_at.borrow_mut();
                            let wait = fetched.0 + DOTS_EVERY_MS - now_ms();
                            if wait <= 0.0 {
                                *fetched = (now_ms(), None);
                                fetch_dots(room.clone(), dots.clone(), asked.clone());
                            } else if fetched.1.is_none() {
                                let (room, dots, again, asked) = (
                                    room.clone(),
                                    dots.clone(),
                                    fetched_at.clone(),
                                    asked.clone(),
                                );
                                fetched.1 = Some(after(wait as u32, move || {
                                    *again.borrow_mut() = (now_ms(), None);
                                    fetch_dots(room, dots, asked);
                                }));
                            }
                        }
                        seen.set(next);
                    }),
                )
            });
            move || {
                drop(stream);
                drop(later.borrow_mut().1.take());
                drop(stop_asking.borrow_mut().take());
                left.set(left.get() + 1);
            }
        });
    }
    if *place == Place::NoServer {
        return Html::default();
    }
    let on_open = {
        let (place, problem, name, currency) = (
            place.clone(),
            problem.clone(),
            name.clone(),
            props.currency.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (place, problem) = (place.clone(), problem.clone());
            let name = input_text(&name).unwrap_or_default();
            let body = json::write_pretty(&Json::Object(vec![
                ("name".into(), Json::String(name.chars().take(80).collect())),
                ("currency".into(), Json::String(currency.to_string())),
            ]));
            yew::platform::spawn_local(async move {
                let Some(server) = room_server() else {
                    return;
                };
                let answer =
                    request("POST", &format!("{server}/api/rooms"), Some(&body), None).await;
                let opened = answer
                    .ok()
                    .filter(|answer| answer.status == 201)
                    .and_then(|answer| {
                        let document = json::parse(&answer.text).ok()?;
                        let text = |key: &str| match document.get(key) {
                            Some(Json::String(value)) => Some(value.clone()),
                            _ => None,
                        };
                        Some(Opened {
                            server: server.clone(),
                            code: text("code")?,
                            token: text("presenter_token")?,
                            stream_key: text("stream_key").unwrap_or_default(),
                            name: text("name").unwrap_or_default(),
                            currency: text("currency").unwrap_or_default(),
                        })
                    });
                match opened {
                    Some(room) => {
                        keep_opened_room(Some(&room));
                        problem.set(None);
                        place.set(Place::Open(room));
                        // The button pressed is gone; the next step is revealing.
                        focus_by_id_soon("room-reveal");
                    }
                    None => problem.set(Some(Problem::Failed)),
                }
            });
        })
    };
    let Place::Open(room) = (*place).clone() else {
        return html! {
            <form class="presenter-room" onsubmit={on_open}>
                <label for="room-name">{ room_texts.room_name_label }</label>
                <div class="button-row">
                    <input id="room-name" ref={name} type="text" maxlength="80" autocomplete="off" />
                    <button type="submit" class="primary" id="room-open">{ room_texts.room_open }</button>
                </div>
                if let Some(problem) = *problem {
                    <p class="room-status" role="status">{ problem_words(&formats, problem) }</p>
                }
            </form>
        };
    };
    let control = |action: &'static str| {
        let (room, place, seen, problem, confirming) = (
            room.clone(),
            place.clone(),
            seen.clone(),
            problem.clone(),
            confirming.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (room, place, seen, problem) =
                (room.clone(), place.clone(), seen.clone(), problem.clone());
            confirming.set(None);
            yew::platform::spawn_local(async move {
                let url = format!("{}/api/rooms/{}/{action}", room.server, room.code);
                match request("POST", &url, None, Some(&room.token)).await {
                    Ok(answer) if answer.ok() => {
                        problem.set(None);
                        if action == "close" {
                            keep_opened_room(None);
                            place.set(Place::Ready);
                            seen.set(Seen::default());
                            // Said, so the presenter knows the entries are gone.
                            problem.set(Some(Problem::Closed));
                            focus_by_id_soon("room-name");
                        } else if let Ok(summary) = json::parse(&answer.text) {
                            seen.set(seen_of(&summary));
                        }
                    }
                    Ok(answer) if matches!(answer.status, 401 | 404 | 410) => {
                        keep_opened_room(None);
                        place.set(Place::Ready);
                        problem.set(Some(Problem::Closed));
                    }
                    _ => problem.set(Some(Problem::Failed)),
                }
            });
        })
    };
    let ask = |what: &'static str| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(Some(what)))
    };
    let on_export = {
        let (room, problem) = (room.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (room, problem) = (room.clone(), problem.clone());
            yew::platform::spawn_local(async move {
                let url = format!("{}/api/rooms/{}/entries", room.server, room.code);
                let entries = match request("GET", &url, None, Some(&room.token)).await {
                    Ok(answer) if answer.ok() => json::parse(&answer.text)
                        .ok()
                        .and_then(|document| document.get("entries").cloned()),
                    _ => None,
                };
                let Some(Json::Array(entries)) = entries else {
                    problem.set(Some(Problem::Failed));
                    return;
                };
                let rows: Vec<_> = entries
                    .iter()
                    .filter_map(|entry| {
                        let scenario = scenario_file::read_value(entry.get("scenario")?)
                            .ok()?
                            .scenario;
                        let figures = entry_of(&scenario).figures;
                        Some((scenario, figures))
                    })
                    .collect();
                let name = file_name(&today_iso(), &format!("room-{}", room.code), "csv");
                offer_download(&name, "text/csv;charset=utf-8", &entries_csv(&rows));
            });
        })
    };
    // Scanned or typed, the link carries no language: each phone opens in its own.
    let join = format!("{}?room={}", props.app_address, room.code);
    let shown_code = code_shown(&room.code);
    // The room's currency by the sign owners know, where it is the one on screen.
    let currency_shown = if room.currency == formats.currency {
        formats.currency_symbol().to_string()
    } else {
        room.currency.clone()
    };
    let count = texts.room_participants.count(
        seen.participants as f64,
        &formats.number(seen.participants as f64),
    );
    let answer = seen
        .revealed
        .then(|| room_answer(&room_formats, &seen, &dots));
    html! {
        <section class={classes!("presenter-room", "open", seen.revealed.then_some("revealed"))} aria-labelledby="presenter-room-code">
            <div class="room-join">
                <p class="room-code-label" id="presenter-room-code">{ room_texts.room_code_label }</p>
                <p class="room-code" data-code={room.code.clone()}><bdi>{ shown_code }</bdi></p>
                <p class="room-count" role="status" data-count={seen.participants.to_string()}>{ count }</p>
                if !room.name.is_empty() {
                    <p class="room-name"><bdi>{ room.name.clone() }</bdi></p>
                }
                { sentence(room_texts.room_currency_note, &[("currency", &currency_shown)], "hint") }
            </div>
            <figure class="room-qr">
                { qr_code(texts, &join) }
                <figcaption>{ room_texts.room_scan }</figcaption>
                { sentence(room_texts.room_join_at, &[("link", &join)], "hint room-join-at") }
            </figure>
            <div class="button-row room-controls">
                if seen.revealed {
                    <button type="button" class="secondary" id="room-hide" onclick={control("hide")}>{ room_texts.room_hide }</button>
                } else {
                    <button type="button" class="primary" id="room-reveal" onclick={control("reveal")}>{ room_texts.room_reveal }</button>
                }
                <button type="button" class="secondary" id="room-export" onclick={on_export}>{ room_texts.room_export }</button>
                if *confirming == Some("reset") {
                    <button type="button" class="danger" id="room-reset-confirm" onclick={control("reset")}>{ room_texts.room_reset_confirm }</button>
                } else {
                    <button type="button" class="secondary" id="room-reset" onclick={ask("reset")}>{ room_texts.room_reset }</button>
                }
                if *confirming == Some("close") {
                    <button type="button" class="danger" id="room-close-confirm" onclick={control("close")}>{ room_texts.room_close_confirm }</button>
                } else {
                    <button type="button" class="secondary" id="room-close" onclick={ask("close")}>{ room_texts.room_close }</button>
                }
            </div>
            if let Some(problem) = *problem {
                <p class="room-status" role="status">{ problem_words(&formats, problem) }</p>
            }
            { answer.unwrap_or_default() }
        </section>
    }
}

fn problem_words(formats: &Formats, problem: Problem) -> &'static str {
    let room_texts = formats.language.presenter_room_texts();
    match problem {
        Problem::Closed => room_texts.room_closed_note,
        Problem::Failed => room_texts.room_server_failed,
        Problem::Reconnecting => room_texts.room_stream_lost,
    }
}

/// After the browser gave the room's stream up: asks the server about the room in a
/// while, and again until it answers. Still open, a new stream is opened; gone (closed,
/// expired, its token no longer good), the screen says so and forgets it. `waiting` holds
/// the timer; the stream's clean-up empties it, and an answer that comes after that is
/// not acted on (nor asked again).
fn ask_about_room(
    room: Opened,
    place: UseStateHandle<Place>,
    problem: UseStateHandle<Option<Problem>>,
    stream_attempt: UseStateHandle<u32>,
    waiting: Rc<RefCell<Option<Timer>>>,
) -> Timer {
    after(STREAM_AGAIN_MS, move || {
        yew::platform::spawn_local(async move {
            let url = format!("{}/api/rooms/{}/summary", room.server, room.code);
            let answer = request("GET", &url, None, Some(&room.token)).await;
            if waiting.borrow().is_none() {
                return;
            }
            match answer {
                Ok(answer) if answer.ok() => stream_attempt.set(*stream_attempt + 1),
                Ok(answer) if matches!(answer.status, 401 | 404 | 410) => {
                    keep_opened_room(None);
                    place.set(Place::Ready);
                    problem.set(Some(Problem::Closed));
                }
                _ => {
                    let again =
                        ask_about_room(room, place, problem, stream_attempt, waiting.clone());
                    *waiting.borrow_mut() = Some(again);
                }
            }
        });
    })
}

/// Fetches each entry's figures, for the dots, unless a later fetch was asked for (or the
/// room left) before this one's answer came.
fn fetch_dots(room: Opened, dots: UseStateHandle<Dots>, asked: Rc<Cell<u64>>) {
    let mine = asked.get() + 1;
    asked.set(mine);
    yew::platform::spawn_local(async move {
        let url = format!("{}/api/rooms/{}/entries", room.server, room.code);
        let Ok(answer) = request("GET", &url, None, Some(&room.token)).await else {
            return;
        };
        if asked.get() != mine {
            return;
        }
        let Ok(document) = json::parse(&answer.text) else {
            return;
        };
        let Some(Json::Array(entries)) = document.get("entries") else {
            return;
        };
        dots.set(
            entries
                .iter()
                .filter_map(|entry| {
                    let figures = entry.get("figures")?;
                    Some(FIGURES.map(|name| number(figures, name)))
                })
                .collect(),
        );
    });
}

/// The room's answer, revealed: its total yearly cost, the median unhappy customer, who
/// gets their money back, and each business as a dot on each figure's line.
fn room_answer(formats: &Formats, seen: &Seen, dots: &Dots) -> Html {
    let texts = formats.language.extra_texts();
    let room_texts = formats.language.presenter_room_texts();
    let Some(figures) = &seen.figures else {
        return html! {
            <p class="room-waiting">{ fill_plain(room_texts.room_waiting_five, &[("min", &MIN_PARTICIPANTS.to_string())]) }</p>
        };
    };
    let stat = |name: &str, key: &str| figures.get(name).and_then(|spread| number(spread, key));
    let money = |value: Option<f64>| value.map(|value| formats.money(value)).unwrap_or_default();
    let total = money(stat("yearly_cost_of_poor_service", "sum"));
    // A business whose figures give no yearly cost is not in the sum: said, not hidden.
    let counted = stat("yearly_cost_of_poor_service", "count").map_or(0, |n| n.max(0.0) as u64);
    let total_line = if counted == 0 {
        // No business's figures give a yearly cost: there is no total to say.
        Html::default()
    } else if counted < seen.participants {
        sentence(
            room_texts.room_answer_total_some,
            &[
                ("count", &formats.number(counted as f64)),
                ("participants", &formats.number(seen.participants as f64)),
                ("total", &total),
            ],
            "huge",
        )
    } else {
        sentence(room_texts.room_answer_total, &[("total", &total)], "huge")
    };
    let median = money(stat("unhappy_customer_cost", "median"));
    let paid = seen.paid_back.unwrap_or(0);
    let dots = [
        ("yearly_cost_of_poor_service", room_texts.room_dots_yearly),
        ("unhappy_customer_cost", room_texts.room_dots_unhappy),
        ("npv_gain", texts.compare_gain_label),
    ]
    .into_iter()
    .map(|(name, label)| dot_line(formats, name, label, dots))
    .collect::<Vec<_>>();
    let apart = dots.iter().any(|(_, apart)| *apart);
    html! {
        <div class="room-answer" data-total={stat("yearly_cost_of_poor_service", "sum").map(cvc_core::codec::decimal::shortest)}>
            { total_line }
            { sentence(room_texts.room_answer_unhappy, &[("median", &median)], "large") }
            { sentence(room_texts.room_answer_paid_back, &[("paid", &formats.number(paid as f64)), ("count", &formats.number(seen.participants as f64))], "large") }
            <h3>{ room_texts.room_spread_heading }</h3>
            { for dots.into_iter().map(|(line, _)| line) }
            if apart {
                <p class="hint room-dots-legend">{ room_texts.room_dots_apart }</p>
            }
        </div>
    }
}

/// A dot line's width and its padding at each end, in the SVG's units.
const WIDTH: f64 = 600.0;
const PAD: f64 = 12.0;

/// One figure's line, with a dot per business: most of them over the line's length, those
/// far from the others hollow past its ends (`chart_scale::dot_row`); and whether any is.
fn dot_line(
    formats: &Formats,
    name: &str,
    label: &str,
    dots: &[[Option<f64>; FIGURES.len()]],
) -> (Html, bool) {
    let Some(index) = FIGURES.iter().position(|figure| *figure == name) else {
        return (Html::default(), false);
    };
    let values: Vec<f64> = dots.iter().filter_map(|figures| figures[index]).collect();
    if values.is_empty() {
        return (Html::default(), false);
    }
    let (low, high) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &v| {
            (low.min(v), high.max(v))
        });
    // Drawn over the span most businesses are in: those far away are drawn hollow past a
    // gap at that end, in their order.
    let row = dot_row(&values, WIDTH, PAD);
    let rtl = formats.language.is_rtl();
    let x = |x: f64| if rtl { WIDTH - x } else { x };
    let axis = (x(row.axis.0), x(row.axis.1));
    let summary = format!(
        "{label}: {}",
        formats
            .language
            .texts()
            .range(&formats.money(low), &formats.money(high))
    );
    let apart = row.dots.iter().any(|&(_, beyond)| beyond);
    let line = html! {
        <figure class="room-dots" data-figure={name.to_string()}>
            <figcaption>{ label }</figcaption>
            <svg viewBox={format!("0 0 {} 36", px(WIDTH))} role="img" aria-label={summary}>
                <line class="axis" x1={px(axis.0)} x2={px(axis.1)} y1="18" y2="18" />
                { for row.dots.iter().enumerate().map(|(i, &(at, beyond))| html! {
                    <circle class={if beyond { "dot beyond" } else { "dot" }} cx={px(x(at))} cy={px(18.0 + ((i % 3) as f64 - 1.0) * 6.0)} r="5" />
                }) }
            </svg>
            <p class="room-dots-range hint">{ formats.language.texts().range(&formats.money(low), &formats.money(high)) }</p>
        </figure>
    };
    (line, apart)
}
