//! A participant's bar in a workshop room, as plain state and a reducer: what the phone
//! knows of the room (from the room server's answers), what it has sent and what waits to
//! be sent, and where its figures stand once the presenter reveals the room's answer.
//! Pure, so it is tested natively; the room chunk's `RoomBar` does the requests and
//! dispatches what they answer.
//!
//! What waits to be sent is kept in the phone (`room::Stay`), so that a lost connection or
//! a reload loses nothing: it is sent when the room answers again, once, and the room keeps
//! one entry per phone whatever is sent twice. One request is on its way at a time (the
//! room chunk waits for each answer before sending the next), and each answer is read
//! against the request it answers: a phone that withdraws while its figures are on their
//! way sends the withdrawal after them, and is told it is done only when it is.

use crate::codec::json::{self, Json};
use crate::room::{Pending, Stay, MIN_PARTICIPANTS};

/// Whether there is a room at all, as far as the phone knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Asking the room server.
    Checking,
    /// No room server answers here (a static host answered with a page): no room controls.
    NoServer,
    /// The room is open.
    Open,
    /// The room has ended, or never was.
    Ended(Ended),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Unknown,
    Closed,
    Expired,
}

/// What became of the phone's last request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Idle,
    Sending,
    /// The room could not be reached; what waits is sent when it can be.
    Waiting,
    Sent,
    /// Sent again, over what the room had.
    Updated,
    Withdrawn,
    /// The presenter started the room again, which took this phone's entry out.
    Cleared,
    Refused(Refusal),
}

/// Why the room refused the phone's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The room counts in another currency (named).
    OtherCurrency(String),
    Full,
    Failed,
}

/// Where the phone's figures stand among the others': (below, others) for the cost of one
/// unhappy customer and the yearly cost of poor service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Standing {
    pub unhappy: Option<(usize, usize)>,
    pub yearly: Option<(usize, usize)>,
}

/// The bar's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub code: String,
    pub phase: Phase,
    pub name: String,
    pub currency: Option<String>,
    /// How many took part, as the room last said; `None` until it has (while the phone
    /// checks the room, or has not reached it), so that the bar never says "0".
    pub participants: Option<u64>,
    pub revealed: bool,
    pub stay: Stay,
    pub status: Status,
    pub standing: Option<Standing>,
}

/// An answer of the room server, as the bar reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// The request did not reach the server.
    Unreachable,
    /// Something answered, but not a room server (a page, say).
    NotARoomServer,
    /// A status and its JSON.
    Json(u16, Json),
}

impl Heard {
    /// Reads an answer: its status, whether it was JSON, and its text.
    pub fn of(status: u16, is_json: bool, text: &str) -> Heard {
        if status == 204 {
            return Heard::Json(204, Json::Null);
        }
        match (is_json, json::parse(text)) {
            (true, Ok(document)) => Heard::Json(status, document),
            _ => Heard::NotARoomServer,
        }
    }
}

/// What happens to the bar.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The room's status, or the phone's own entry, was asked for.
    Checked(Heard),
    /// The phone asks to send its figures (or to take them out).
    Queue(Pending),
    /// What waited is being sent.
    Sending,
    /// The answer to what was sent (the request, and what it answered).
    Delivered(Pending, Heard),
}

fn number(document: &Json, key: &str) -> Option<f64> {
    match document.get(key)? {
        Json::Number(value) => Some(*value),
        _ => None,
    }
}

fn text(document: &Json, key: &str) -> Option<String> {
    match document.get(key)? {
        Json::String(value) => Some(value.clone()),
        _ => None,
    }
}

/// A standing as the server writes it (`{"figures": {name: {count, below, above}}}`).
fn standing_of(document: &Json) -> Option<Standing> {
    let figures = document.get("standing")?.get("figures")?;
    let pair = |name: &str| -> Option<(usize, usize)> {
        let figure = figures.get(name)?;
        let count = number(figure, "count")? as usize;
        let below = number(figure, "below")? as usize;
        Some((below, count.saturating_sub(1)))
    };
    Some(Standing {
        unhappy: pair("unhappy_customer_cost"),
        yearly: pair("yearly_cost_of_poor_service"),
    })
}

/// A link's settings other than the reader's language, in their order.
fn figures_of(link: &str) -> impl Iterator<Item = &str> {
    link.trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.starts_with("lang="))
}

/// Why a room is gone, from a 404 or a 410's reason.
fn ended(status: u16, document: &Json) -> Ended {
    match (status, text(document, "error")) {
        (410, Some(reason)) if reason.contains("closed") => Ended::Closed,
        (410, _) => Ended::Expired,
        _ => Ended::Unknown,
    }
}

impl Bar {
    pub fn new(code: &str, stay: Stay) -> Bar {
        Bar {
            code: code.to_string(),
            phase: Phase::Checking,
            name: String::new(),
            currency: None,
            participants: None,
            revealed: false,
            stay,
            status: Status::Idle,
            standing: None,
        }
    }

    /// Whether the bar shows anything: not where no room server answers.
    pub fn shown(&self) -> bool {
        self.phase != Phase::NoServer
    }

    /// Whether the figures on screen differ from what the room has (so "Update" is worth
    /// pressing), given the link of what is on screen.
    /// The reader's language is part of a link but not of the figures: switching it
    /// changes nothing the room has.
    pub fn changed_since_sent(&self, link: &str) -> bool {
        self.stay
            .sent
            .as_deref()
            .is_some_and(|sent| figures_of(sent).ne(figures_of(link)))
    }

    fn take_room(&mut self, document: &Json) {
        if let Some(name) = text(document, "name") {
            self.name = name;
        }
        if let Some(currency) = text(document, "currency") {
            self.currency = Some(currency);
        }
        if let Some(participants) = number(document, "participants") {
            self.participants = Some(participants.max(0.0) as u64);
        }
        if let Some(Json::Bool(revealed)) = document.get("revealed") {
            self.revealed = *revealed;
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Checked(Heard::Unreachable) => {
                if self.phase == Phase::Checking {
                    // A room link, and no answer yet: the room is taken to be there, and
                    // what the phone sends waits.
                    self.phase = Phase::Open;
                }
                if self.stay.pending.is_some() {
                    self.status = Status::Waiting;
                }
            }
            Action::Checked(Heard::NotARoomServer) => {
                if self.phase == Phase::Checking {
                    self.phase = Phase::NoServer;
                }
            }
            Action::Checked(Heard::Json(status, document)) => match status {
                200 => {
                    self.phase = Phase::Open;
                    self.take_room(&document);
                    self.standing = standing_of(&document).filter(|_| {
                        self.revealed
                            && self
                                .participants
                                .is_some_and(|count| count as usize >= MIN_PARTICIPANTS)
                    });
                }
                // The phone's own entry is gone (the presenter started again): not sent.
                404 if text(&document, "error")
                    .is_some_and(|reason| reason.contains("no entry")) =>
                {
                    if self.stay.sent.take().is_some() {
                        self.status = Status::Cleared;
                    }
                    self.standing = None;
                }
                404 | 410 => self.phase = Phase::Ended(ended(status, &document)),
                _ => {}
            },
            Action::Queue(pending) => {
                self.stay.pending = Some(pending);
                self.status = Status::Sending;
            }
            Action::Sending => {
                // A retry of what already waits goes on saying it waits: the bar would
                // otherwise flick to "Sending…" and back every few seconds while the room
                // is away, and a screen reader say both each time.
                if self.stay.pending.is_some() && self.status != Status::Waiting {
                    self.status = Status::Sending;
                }
            }
            Action::Delivered(sent, heard) => self.delivered(sent, heard),
        }
    }

    fn delivered(&mut self, sent: Pending, heard: Heard) {
        let Some(pending) = self.stay.pending.clone() else {
            return;
        };
        if sent != pending {
            // The answer to an earlier request; something else has been asked for since,
            // and is sent next. What the room now holds is noted; nothing is said yet.
            if let Heard::Json(status, _) = heard {
                match (status, sent) {
                    (200 | 201, Pending::Entry { link, .. }) => self.stay.sent = Some(link),
                    (204 | 200, Pending::Withdraw) => self.stay.sent = None,
                    _ => {}
                }
            }
            return;
        }
        match heard {
            Heard::Unreachable | Heard::NotARoomServer => self.status = Status::Waiting,
            Heard::Json(status, document) => match (status, &pending) {
                (200 | 201, Pending::Entry { link, .. }) => {
                    self.phase = Phase::Open;
                    self.stay.sent = Some(link.clone());
                    // The room says which: 201 a new entry, 200 one it had, replaced (a
                    // phone that missed a reset sends a new one).
                    self.status = if status == 200 {
                        Status::Updated
                    } else {
                        Status::Sent
                    };
                    self.stay.pending = None;
                    if let Some(participants) = number(&document, "participants") {
                        self.participants = Some(participants.max(0.0) as u64);
                    }
                    self.standing = standing_of(&document);
                }
                (204 | 200, Pending::Withdraw) => {
                    self.stay.sent = None;
                    self.stay.pending = None;
                    self.status = Status::Withdrawn;
                    self.standing = None;
                }
                // Busy or away, or the body too slow to arrive (a poor connection): it
                // waits, and is sent again.
                (408 | 429 | 500..=599, _) => self.status = Status::Waiting,
                (404 | 410, _) => {
                    self.stay.pending = None;
                    self.phase = Phase::Ended(ended(status, &document));
                    self.status = Status::Idle;
                }
                (409, _) => {
                    self.stay.pending = None;
                    self.status = Status::Refused(Refusal::Full);
                }
                (422, _) => {
                    self.stay.pending = None;
                    let reason = text(&document, "error").unwrap_or_default();
                    // "this room counts in ILS; these figures are in USD"
                    let currency = reason
                        .split("counts in ")
                        .nth(1)
                        .map(|rest| rest.chars().take(3).collect::<String>())
                        .filter(|code| cvc_model::fields::is_currency_code(code));
                    self.status = Status::Refused(match currency {
                        Some(code) => Refusal::OtherCurrency(code),
                        None => Refusal::Failed,
                    });
                }
                _ => {
                    self.stay.pending = None;
                    self.status = Status::Refused(Refusal::Failed);
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Heard {
        Heard::of(status, true, body)
    }

    fn entry() -> Pending {
        Pending::Entry {
            scenario: "{}".into(),
            link: "?currency=ILS&lang=en".into(),
        }
    }

    #[test]
    fn a_room_link_on_a_static_host_shows_no_room_controls() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Checked(Heard::of(200, false, "<!doctype html>")));
        assert_eq!(bar.phase, Phase::NoServer);
        assert!(!bar.shown());
    }

    #[test]
    fn an_entry_waits_while_the_room_is_away_and_is_sent_once_it_answers() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Checked(Heard::Unreachable));
        assert_eq!(bar.phase, Phase::Open, "a room link is taken at its word");
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Sending);
        bar.apply(Action::Delivered(entry(), Heard::Unreachable));
        assert_eq!(bar.status, Status::Waiting);
        assert!(bar.stay.pending.is_some(), "it still waits");
        bar.apply(Action::Sending);
        assert_eq!(
            bar.status,
            Status::Waiting,
            "a retry goes on saying it waits"
        );
        bar.apply(Action::Delivered(entry(), Heard::Unreachable));
        assert_eq!(bar.status, Status::Waiting);
        bar.apply(Action::Sending);
        bar.apply(Action::Delivered(
            entry(),
            answer(201, r#"{"participants": 3, "standing": null}"#),
        ));
        assert_eq!(bar.status, Status::Sent);
        assert_eq!(bar.stay.pending, None);
        assert_eq!(bar.stay.sent.as_deref(), Some("?currency=ILS&lang=en"));
        assert_eq!(bar.participants, Some(3));
        assert!(bar.changed_since_sent("?currency=USD&lang=en"));
        assert!(!bar.changed_since_sent("?currency=ILS&lang=en"));
        // Switching the language changes nothing the room has.
        assert!(!bar.changed_since_sent("?currency=ILS&lang=he"));
        // Sent again: the room's entry is updated, and says so.
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(
            entry(),
            answer(200, r#"{"participants": 3}"#),
        ));
        assert_eq!(bar.status, Status::Updated);
    }

    #[test]
    fn refusals_are_read_and_the_room_counts_in_its_currency() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(
            entry(),
            answer(
                422,
                r#"{"error": "this room counts in USD; these figures are in ILS"}"#,
            ),
        ));
        assert_eq!(
            bar.status,
            Status::Refused(Refusal::OtherCurrency("USD".into()))
        );
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(
            entry(),
            answer(409, r#"{"error": "this room is full"}"#),
        ));
        assert_eq!(bar.status, Status::Refused(Refusal::Full));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(
            entry(),
            answer(503, r#"{"error": "away"}"#),
        ));
        assert_eq!(bar.status, Status::Waiting);
        // A body that took too long on a poor connection is sent again, not dropped.
        bar.apply(Action::Delivered(
            entry(),
            answer(408, r#"{"error": "the body did not arrive in time"}"#),
        ));
        assert_eq!(bar.status, Status::Waiting);
        assert_eq!(bar.stay.pending, Some(entry()));
        bar.apply(Action::Delivered(
            entry(),
            answer(410, r#"{"error": "the presenter closed this room"}"#),
        ));
        assert_eq!(bar.phase, Phase::Ended(Ended::Closed));
    }

    #[test]
    fn the_standing_shows_once_the_room_is_revealed() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        let own = r#"{"figures": {}, "participants": 11, "revealed": true, "standing": {"participants": 11, "figures": {"unhappy_customer_cost": {"count": 11, "below": 7, "above": 3}, "yearly_cost_of_poor_service": {"count": 11, "below": 2, "above": 8}}}}"#;
        bar.apply(Action::Checked(answer(200, own)));
        assert_eq!(
            bar.standing,
            Some(Standing {
                unhappy: Some((7, 10)),
                yearly: Some((2, 10))
            })
        );
        let hidden = r#"{"figures": {}, "participants": 11, "revealed": false, "standing": null}"#;
        bar.apply(Action::Checked(answer(200, hidden)));
        assert_eq!(bar.standing, None);
    }

    #[test]
    fn an_entry_the_presenter_cleared_is_no_longer_sent() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(entry(), answer(201, "{}")));
        bar.apply(Action::Checked(answer(
            404,
            r#"{"error": "this phone has no entry in this room"}"#,
        )));
        assert_eq!(bar.stay.sent, None);
        assert_eq!(bar.phase, Phase::Open);
        // The phone says the presenter started again, not that it never sent.
        assert_eq!(bar.status, Status::Cleared);
        bar.apply(Action::Checked(answer(
            404,
            r#"{"error": "no room has this code"}"#,
        )));
        assert_eq!(bar.phase, Phase::Ended(Ended::Unknown));
    }

    #[test]
    fn withdrawing_takes_the_figures_out() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(entry(), answer(201, "{}")));
        bar.apply(Action::Queue(Pending::Withdraw));
        bar.apply(Action::Delivered(
            Pending::Withdraw,
            Heard::of(204, false, ""),
        ));
        assert_eq!(bar.status, Status::Withdrawn);
        assert_eq!(bar.stay.sent, None);
    }

    #[test]
    fn a_withdrawal_asked_for_while_the_figures_are_on_their_way_is_sent_after_them() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Sending);
        // Withdraw is pressed while the figures are on their way (a slow uplink).
        bar.apply(Action::Queue(Pending::Withdraw));
        // The figures' late answer: the room has them, so the withdrawal still waits.
        bar.apply(Action::Delivered(
            entry(),
            answer(201, r#"{"participants": 4}"#),
        ));
        assert_eq!(bar.stay.pending, Some(Pending::Withdraw));
        assert_ne!(bar.status, Status::Withdrawn);
        assert_eq!(bar.stay.sent.as_deref(), Some("?currency=ILS&lang=en"));
        // Then the withdrawal's own answer.
        bar.apply(Action::Delivered(
            Pending::Withdraw,
            Heard::of(204, false, ""),
        ));
        assert_eq!(bar.status, Status::Withdrawn);
        assert_eq!(bar.stay.pending, None);
        assert_eq!(bar.stay.sent, None);
    }

    #[test]
    fn figures_sent_again_while_a_withdrawal_is_on_its_way_are_sent_after_it() {
        let mut bar = Bar::new("ACDEFG", Stay::new(&[1; 24]));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(entry(), answer(201, "{}")));
        bar.apply(Action::Queue(Pending::Withdraw));
        bar.apply(Action::Queue(entry()));
        bar.apply(Action::Delivered(
            Pending::Withdraw,
            Heard::of(204, false, ""),
        ));
        assert_eq!(bar.stay.pending, Some(entry()), "the figures still wait");
        assert_eq!(bar.stay.sent, None);
        bar.apply(Action::Delivered(entry(), answer(201, "{}")));
        assert_eq!(bar.status, Status::Sent);
        assert_eq!(bar.stay.pending, None);
    }
}
