//! The room API: thin handlers over `cvc_core::room` (what an entry, a summary and a
//! standing are) and the store. Every answer is JSON with the command-line tool's names;
//! every refusal is a 4xx with `{"error": "…"}` saying why. README.md, "The workshop
//! room's server", documents each route with its status codes.

use crate::error::ApiError;
use crate::store::{Counted, Figures, Put, Room, RoomState};
use crate::{now_ms, AppState};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cvc_core::codec::field_reader::Reading;
use cvc_core::codec::json as core_json;
use cvc_core::host_events::results_json;
use cvc_core::room::{self, NotAnEntry, FIGURES, MIN_PARTICIPANTS};
use futures_util::stream::{self, Stream};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use subtle::ConstantTimeEq;

type Shared = State<Arc<AppState>>;

/// A request's body, up to the server's limit: past it, a 413 that says so, as JSON.
pub struct Body(pub Bytes);

/// How long a request's body may take to arrive: a scenario is a few hundred bytes, and a
/// phone on a poor connection sends it in well under this.
pub const BODY_TIME: std::time::Duration = std::time::Duration::from_secs(20);

/// Streams of one room open at once in one process: the presenter's screen, a second
/// screen, a few tabs. Each holds a connection for as long as it is open, so a room's
/// code and key could otherwise hold every connection the server allows.
pub const STREAMS_PER_ROOM: usize = 16;

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        // A body that trickles in holds a connection and a task: it has a time to arrive.
        tokio::time::timeout(BODY_TIME, Bytes::from_request(request, state))
            .await
            .map_err(|_| ApiError::RequestTimeout)?
            .map(Body)
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::TooLarge
                } else {
                    ApiError::BadRequest(rejection.body_text())
                }
            })
    }
}

/// A JSON value of the core's own (the results, with the command-line tool's names) as
/// serde's.
pub fn value_of(json: &core_json::Json) -> Value {
    match json {
        core_json::Json::Null => Value::Null,
        core_json::Json::Bool(flag) => Value::Bool(*flag),
        core_json::Json::Number(number) => {
            serde_json::Number::from_f64(*number).map_or(Value::Null, Value::Number)
        }
        core_json::Json::String(text) => Value::String(text.clone()),
        core_json::Json::Array(items) => Value::Array(items.iter().map(value_of).collect()),
        core_json::Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), value_of(value)))
                .collect(),
        ),
    }
}

/// A room's code from the address, in its one written form.
fn code_of(typed: &str) -> Result<String, ApiError> {
    room::normalise_code(typed).ok_or_else(|| ApiError::NotFound("no room has this code".into()))
}

/// The room, if it is there and open.
async fn open_room(state: &AppState, code: &str) -> Result<Room, ApiError> {
    let room = state
        .db
        .room(code)
        .await?
        .ok_or_else(|| ApiError::NotFound("no room has this code".into()))?;
    match room.state_at(now_ms(), state.lifetime_ms()) {
        RoomState::Open => Ok(room),
        other => Err(gone(Some(other))),
    }
}

/// The refusal for a room that is not open.
fn gone(state: Option<RoomState>) -> ApiError {
    match state {
        None => ApiError::NotFound("no room has this code".into()),
        Some(RoomState::Closed) => ApiError::Gone("the presenter closed this room".into()),
        Some(_) => ApiError::Gone("this room has expired".into()),
    }
}

/// The presenter's token from `Authorization: Bearer …`.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
}

/// Whether `headers` carry the room's presenter token: hashed, compared in constant time.
fn authorised(room: &Room, headers: &HeaderMap) -> Result<(), ApiError> {
    authorised_by(room, bearer(headers))
}

/// The same for a token given some other way (the stream's address: a browser's
/// EventSource cannot send a header).
fn authorised_by(room: &Room, token: Option<&str>) -> Result<(), ApiError> {
    let token = token.ok_or(ApiError::Unauthorized)?;
    let given = hash_token(token.trim());
    if bool::from(given.as_bytes().ct_eq(room.token_hash.as_bytes())) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// The presenter's token as stored: SHA-256, in hex. (The token is 32 random bytes, so a
/// slow hash adds nothing.)
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The key that opens a room's stream and nothing else: a browser's EventSource sends no
/// header, so the presenter's page gives it in the stream's address, where a proxy's log
/// may keep it. Derived from the token's hash, it cannot be turned back into the token:
/// whoever reads such a log can watch what the presenter's screen shows the room anyway
/// (the count; the figures once revealed: `Watcher::Screen`), but not reveal, reset,
/// close or export the room.
pub fn stream_key(token_hash: &str) -> String {
    hash_token(&format!("cvc-room-stream:{token_hash}"))
}

/// `bytes` random bytes, in URL-safe base64.
fn random_token(bytes: usize) -> Result<String, ApiError> {
    use base64::Engine;
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).map_err(|_| ApiError::Internal)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buffer))
}

/// A time as RFC 3339, in UTC.
pub fn rfc3339(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The figures as JSON, by name.
fn figures_value(figures: &Figures) -> Value {
    value_of(&room::figures_json(figures))
}

/// What the room's entries say, figure by figure, and how many get their money back within
/// their own horizon: `null` while fewer than five are in.
fn summary_value(room: &Room, counted: &[Counted]) -> Value {
    let entries: Vec<Figures> = counted.iter().map(|entry| entry.figures).collect();
    let paid_back = (counted.len() >= MIN_PARTICIPANTS)
        .then(|| counted.iter().filter(|entry| entry.paid_back).count());
    let figures = room::summary(&entries).map(|figures| {
        let members: Map<String, Value> = figures
            .into_iter()
            .map(|(name, spread)| {
                let value = spread.map_or(Value::Null, |s| {
                    json!({"count": s.count, "sum": s.sum, "min": s.min, "p10": s.p10, "median": s.median, "p90": s.p90, "max": s.max})
                });
                (name.to_string(), value)
            })
            .collect();
        Value::Object(members)
    });
    json!({
        "code": room.code,
        "currency": room.currency,
        "participants": entries.len(),
        "figures": figures,
        "paid_back": paid_back,
        "revealed": room.revealed,
        "version": room.version,
    })
}

/// Where one entry stands, once the room shows figures (revealed, and five or more in).
fn standing_value(revealed: bool, own: &Figures, entries: &[Figures]) -> Value {
    if !revealed || entries.len() < MIN_PARTICIPANTS {
        return Value::Null;
    }
    let figures: Map<String, Value> = room::standing(own, entries)
        .into_iter()
        .map(|(name, standing)| {
            let value = standing.map_or(
                Value::Null,
                |s| json!({"count": s.count, "below": s.below, "above": s.above}),
            );
            (name.to_string(), value)
        })
        .collect();
    json!({ "participants": entries.len(), "figures": figures })
}

/// What a reading ignored, as the command-line tool reports it: each refused field with
/// its reason, a few unknown keys by name, and how many more.
fn ignored_value(reading: &Reading) -> Value {
    let mut ignored: Vec<Value> = reading
        .problems
        .iter()
        .map(|problem| json!({"field": problem.field.as_str(), "reason": problem.to_string()}))
        .collect();
    ignored.extend(
        reading
            .unknown
            .named
            .iter()
            .map(|key| json!({"field": key, "reason": "unknown field"})),
    );
    if reading.unknown.others > 0 {
        ignored.push(json!({"field": null, "reason": format!("{} more unknown fields", reading.unknown.others)}));
    }
    Value::Array(ignored)
}

/// `POST /api/rooms`: opens a room. Its body may name it and its currency (by default
/// ILS): `{"name": "Workshop, Haifa", "currency": "ILS"}`.
pub async fn create_room(
    State(state): Shared,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Body(body): Body,
) -> Result<Response, ApiError> {
    // Only as JSON: a form or text/plain post is one any site can make a visitor's browser
    // send without asking (no CORS preflight), and it would spend that visitor's network's
    // rooms. A page's JSON request of another origin is asked first, and refused there.
    let json_body = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|kind| kind.to_str().ok())
        .and_then(|kind| kind.split(';').next())
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/json"));
    if !json_body {
        return Err(ApiError::UnsupportedMediaType);
    }
    let given: Value = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        serde_json::from_slice(&body)
            .map_err(|_| ApiError::BadRequest("the body is not JSON".into()))?
    };
    if !given.is_object() {
        return Err(ApiError::BadRequest(
            "the body is a JSON object, such as {\"name\": \"Workshop\"}".into(),
        ));
    }
    let currency = match given.get("currency") {
        None | Some(Value::Null) => "ILS".to_string(),
        Some(Value::String(code)) if cvc_model::fields::is_currency_code(code) => code.clone(),
        Some(_) => {
            return Err(ApiError::BadRequest(
                "currency: a three-letter ISO code in capitals, such as ILS".into(),
            ))
        }
    };
    let name = {
        match given.get("name") {
            None | Some(Value::Null) => String::new(),
            // Control characters (a NUL, an escape) are no part of a name a room shows, and
            // PostgreSQL refuses a NUL in text.
            Some(Value::String(name)) if name.chars().any(char::is_control) => {
                return Err(ApiError::BadRequest("name: no control characters".into()))
            }
            Some(Value::String(name)) if name.chars().count() <= 80 => {
                cvc_core::words::strip_format_characters(name.trim())
            }
            Some(Value::String(_)) => {
                return Err(ApiError::BadRequest("name: at most 80 characters".into()))
            }
            Some(_) => return Err(ApiError::BadRequest("name: a string".into())),
        }
    };
    // Counted once the request is one that would open a room: a refused body costs the
    // network none of its rooms.
    if !state
        .limits
        .rooms
        .allow_address(client_of(&state, address, &headers))
    {
        // As long as the limit takes to let one more room through.
        let seconds = (3600.0 / state.config.rooms_per_hour)
            .ceil()
            .clamp(1.0, 86_400.0);
        return Err(ApiError::TooManyRooms(seconds as u64));
    }
    let token = random_token(32)?;
    let now = now_ms();
    for _ in 0..8 {
        let mut random = [0u8; 16];
        getrandom::fill(&mut random).map_err(|_| ApiError::Internal)?;
        let Some(code) = room::code_from_random(&random) else {
            continue;
        };
        let room = Room {
            code: code.clone(),
            token_hash: hash_token(&token),
            name: name.clone(),
            currency: currency.clone(),
            created_at: now,
            active_at: now,
            state: RoomState::Open,
            revealed: false,
            version: 0,
        };
        if state.db.create_room(&room).await? {
            tracing::info!(room = %code, "room opened");
            let body = json!({
                "code": code,
                "name": name,
                "currency": currency,
                "presenter_token": token,
                "stream_key": stream_key(&room.token_hash),
                "join_link": format!("{}?room={code}", state.public_url(&headers)),
                "expires_at": rfc3339(now + state.lifetime_ms()),
                "max_participants": state.config.max_participants,
            });
            return Ok((StatusCode::CREATED, Json(body)).into_response());
        }
    }
    Err(ApiError::Internal)
}

/// The network a request counts against (`crate::limits::client_address`).
fn client_of(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> std::net::IpAddr {
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok());
    crate::limits::client_address(peer.ip(), forwarded, &state.config.trusted_proxies)
}

/// Every room request meets its network's rate (`--address-rate`; a venue's Wi-Fi is one
/// address for all its phones, so the rate is generous) before any of it is read: the
/// phone's, the presenter's (a room's code could otherwise be guessed on any route that
/// answers 404 for an unknown one), and opening a room. The router puts it in front of
/// every room route (`crate::router`).
pub async fn network_rate(
    State(state): Shared,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    if state
        .limits
        .address
        .allow_address(client_of(&state, address, request.headers()))
    {
        next.run(request).await
    } else {
        ApiError::TooMany("too many requests from this network".into()).into_response()
    }
}

/// `GET /api/rooms/{code}`: what a phone shows of a room (no token needed).
pub async fn room_status(
    State(state): Shared,
    Path(code): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let code = code_of(&code)?;
    let room = open_room(&state, &code).await?;
    let participants = state.db.participants(&code).await?;
    Ok(Json(json!({
        "code": room.code,
        "name": room.name,
        "currency": room.currency,
        "participants": participants,
        "revealed": room.revealed,
        "state": "open",
        "expires_at": rfc3339(room.active_at + state.lifetime_ms()),
        "max_participants": state.config.max_participants,
        "min_participants": MIN_PARTICIPANTS,
        "version": room.version,
    })))
}

/// A participant's id from the address.
fn participant_of(id: &str) -> Result<&str, ApiError> {
    if room::is_participant_id(id) {
        Ok(id)
    } else {
        Err(ApiError::BadRequest(
            "participant: 16 to 64 of A-Z, a-z, 0-9, _ and -".into(),
        ))
    }
}

/// `PUT /api/rooms/{code}/entries/{participant}`: a phone's figures, as a scenario file.
pub async fn put_entry(
    State(state): Shared,
    Path((code, participant)): Path<(String, String)>,
    Body(body): Body,
) -> Result<Response, ApiError> {
    let code = code_of(&code)?;
    let participant = participant_of(&participant)?;
    if !state
        .limits
        .participant
        .allow(format!("{code}/{participant}").as_bytes())
    {
        return Err(ApiError::TooMany(
            "too many updates from this phone; wait a moment".into(),
        ));
    }
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::BadRequest("the body is not UTF-8 text".into()))?;
    let (entry, reading) = room::read_entry(text).map_err(|error| match error {
        NotAnEntry::NotJson(message) => {
            ApiError::BadRequest(format!("the body is not JSON: {message}"))
        }
        NotAnEntry::NotAScenario(message) => {
            ApiError::Unprocessable(format!("not a scenario: {message}"))
        }
        NotAnEntry::NoFigureTaken(message) => {
            ApiError::Unprocessable(format!("no figures to count: {message}"))
        }
    })?;
    let scenario =
        core_json::write_pretty(&cvc_core::codec::scenario_file::to_json(&entry.scenario));
    let results = cvc_model::evaluate(&entry.scenario);
    // Whether this business gets its money back within its own horizon.
    let paid_back = results
        .projection
        .payback_month
        .value()
        .is_some_and(|month| month <= entry.scenario.horizon_years * 12.0);
    let counted = Counted {
        figures: entry.figures,
        paid_back,
    };
    let outcome = state
        .db
        .put_entry(
            &code,
            participant,
            &scenario,
            &entry.scenario.currency,
            &counted,
            now_ms(),
            state.lifetime_ms(),
            state.config.max_participants as i64,
        )
        .await?;
    let (created, revealed, version, participants) = match outcome {
        Put::Stored {
            created,
            revealed,
            version,
            participants,
        } => (created, revealed, version, participants),
        Put::Full => {
            return Err(ApiError::Conflict(format!(
                "this room is full: it takes {} participants",
                state.config.max_participants
            )))
        }
        Put::NotOpen(room_state) => return Err(gone(room_state)),
        Put::OtherCurrency(currency) => {
            return Err(ApiError::Unprocessable(format!(
                "this room counts in {currency}; these figures are in {}",
                entry.scenario.currency
            )))
        }
    };
    state.hub.changed(&code);
    let standing = if revealed && participants >= MIN_PARTICIPANTS as i64 {
        let entries = figures_only(&state.db.counted(&code).await?);
        standing_value(revealed, &entry.figures, &entries)
    } else {
        Value::Null
    };
    let body = json!({
        "results": value_of(&results_json(&results)),
        "ignored": ignored_value(&reading),
        "standing": standing,
        "participants": participants,
        "version": version,
    });
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(body)).into_response())
}

/// `GET /api/rooms/{code}/entries/{participant}`: a phone's own figures and where they
/// stand, once the room shows figures, with the room's name and currency.
pub async fn own_entry(
    State(state): Shared,
    Path((code, participant)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let code = code_of(&code)?;
    let participant = participant_of(&participant)?;
    let room = open_room(&state, &code).await?;
    let own = state
        .db
        .entry_figures(&code, participant)
        .await?
        .ok_or_else(|| ApiError::NotFound("this phone has no entry in this room".into()))?;
    let entries = figures_only(&state.db.counted(&code).await?);
    // The room's name and currency too: a phone reloaded after sending asks only this, and
    // its bar names the room by them.
    Ok(Json(json!({
        "name": room.name,
        "currency": room.currency,
        "figures": figures_value(&own),
        "standing": standing_value(room.revealed, &own, &entries),
        "participants": entries.len(),
        "revealed": room.revealed,
        "version": room.version,
    })))
}

/// `DELETE /api/rooms/{code}/entries/{participant}`: a participant withdraws.
pub async fn delete_entry(
    State(state): Shared,
    Path((code, participant)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let code = code_of(&code)?;
    let participant = participant_of(&participant)?;
    state
        .db
        .delete_entry(&code, participant, now_ms(), state.lifetime_ms())
        .await?
        .map_err(gone)?;
    state.hub.changed(&code);
    Ok(StatusCode::NO_CONTENT)
}

/// The room and its summary, for its presenter.
async fn presenters_summary(
    state: &AppState,
    code: &str,
    headers: &HeaderMap,
) -> Result<Value, ApiError> {
    let room = open_room(state, code).await?;
    authorised(&room, headers)?;
    let entries = state.db.counted(code).await?;
    Ok(summary_value(&room, &entries))
}

/// `GET /api/rooms/{code}/summary`, with the presenter's token.
pub async fn summary(
    State(state): Shared,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let code = code_of(&code)?;
    Ok(Json(presenters_summary(&state, &code, &headers).await?))
}

/// `GET /api/rooms/{code}/entries`, with the presenter's token: every entry, without who
/// sent it, for the export.
pub async fn entries(
    State(state): Shared,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let code = code_of(&code)?;
    let room = open_room(&state, &code).await?;
    authorised(&room, &headers)?;
    let entries: Vec<Value> = state
        .db
        .entries(&code)
        .await?
        .into_iter()
        .map(|entry| {
            json!({
                "scenario": serde_json::from_str::<Value>(&entry.scenario).unwrap_or(Value::Null),
                                "figures": figures_value(&entry.figures),
                "paid_back": entry.paid_back,
                "updated_at": rfc3339(entry.updated_at),})
        })
        .collect();
    Ok(Json(
        json!({ "code": room.code, "name": room.name, "currency": room.currency, "entries": entries }),
    ))
}

/// The presenter's controls: `POST /api/rooms/{code}/reveal`, `…/hide`, `…/reset`,
/// `…/close`. Each answers with the summary after it (`null` figures once closed).
pub async fn control(
    State(state): Shared,
    Path((code, action)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let code = code_of(&code)?;
    let room = open_room(&state, &code).await?;
    authorised(&room, &headers)?;
    let (now, lifetime) = (now_ms(), state.lifetime_ms());
    let done = match action.as_str() {
        "reveal" => state.db.reveal(&code, true, now, lifetime).await?,
        "hide" => state.db.reveal(&code, false, now, lifetime).await?,
        "reset" => state.db.reset(&code, now, lifetime).await?,
        "close" => state.db.close(&code, now, lifetime).await?,
        _ => {
            return Err(ApiError::NotFound(
                "no such control: reveal, hide, reset or close".into(),
            ))
        }
    };
    done.map_err(gone)?;
    state.hub.changed(&code);
    tracing::info!(room = %code, %action, "presenter");
    if action == "close" {
        return Ok(Json(
            json!({"code": code, "participants": 0, "figures": null, "state": "closed"}),
        ));
    }
    let room = open_room(&state, &code).await?;
    let entries = state.db.counted(&code).await?;
    Ok(Json(summary_value(&room, &entries)))
}

/// How a browser's EventSource, which sends no header, opens the stream: `?key=` (the
/// room's stream key, which the presenter's page gives), or `?token=` (the presenter's
/// token, as a page of an earlier release gives it). The server logs no query.
#[derive(serde::Deserialize)]
pub struct StreamQuery {
    key: Option<String>,
    token: Option<String>,
}

/// Who watches a room's stream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Watcher {
    /// The token's holder: every summary, figures included before the reveal.
    Presenter,
    /// The stream key's holder (the presenter's page, and whoever read its address in a
    /// log): what the presenter's screen shows, the count, and the figures once revealed.
    Screen,
}

/// Whether the stream may be opened, and by whom: with the token (in the header, or the
/// address of an earlier release's page) or the stream key, each compared in constant time.
fn may_stream(room: &Room, headers: &HeaderMap, query: &StreamQuery) -> Result<Watcher, ApiError> {
    match (bearer(headers), &query.key) {
        (None, Some(key)) => {
            let expected = stream_key(&room.token_hash);
            if bool::from(key.trim().as_bytes().ct_eq(expected.as_bytes())) {
                Ok(Watcher::Screen)
            } else {
                Err(ApiError::Unauthorized)
            }
        }
        (token, _) => {
            authorised_by(room, token.or(query.token.as_deref())).map(|()| Watcher::Presenter)
        }
    }
}

/// The figures of each entry.
fn figures_only(counted: &[Counted]) -> Vec<Figures> {
    counted.iter().map(|entry| entry.figures).collect()
}

/// What one step of the stream says.
enum Said {
    Summary(Value, i64),
    Ended(&'static str),
}

/// `GET /api/rooms/{code}/stream`, with the presenter's token in the header, or the
/// room's stream key as `?key=` (a browser's EventSource): the summary as
/// server-sent events (`event: summary`, its `id` the room's version), once at once and
/// again after every change; `event: closed` when the room closes or expires, and the
/// stream ends. When the server stops, the stream ends with no event. A reconnecting
/// client gets the current summary at once, which holds every change it missed. Changes
/// within a few milliseconds are said once.
pub async fn stream(
    State(state): Shared,
    Path(code): Path<String>,
    Query(query): Query<StreamQuery>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let code = code_of(&code)?;
    let room = open_room(&state, &code).await?;
    let watcher = may_stream(&room, &headers, &query)?;
    let changes = state
        .hub
        .subscribe(&code, STREAMS_PER_ROOM)
        .ok_or_else(|| {
            ApiError::TooMany(format!(
                "{STREAMS_PER_ROOM} streams of this room are open already: close one first"
            ))
        })?;
    let shutdown = state.shutdown.clone();
    let events = stream::unfold(
        (state, code, changes, shutdown, None::<i64>, false),
        move |(state, code, mut changes, mut shutdown, mut seen, ended)| async move {
            if ended || *shutdown.borrow() {
                return None;
            }
            loop {
                if seen.is_some() {
                    tokio::select! {
                        changed = changes.changed() => {
                            if changed.is_err() {
                                return None;
                            }
                            // Let a burst of changes settle, then say them once.
                            tokio::time::sleep(Duration::from_millis(20)).await;
                            changes.borrow_and_update();
                        }
                        // The server is stopping, not the room: the stream ends without
                        // `closed`, and the browser's EventSource asks again by itself
                        // (the next server, or this one restarted, answers it).
                        _ = shutdown.changed() => return None,
                    }
                }
                match read_for_stream(&state, &code, watcher).await {
                    Ok(Said::Summary(value, version)) => {
                        if seen.is_some_and(|seen| seen >= version) {
                            continue;
                        }
                        seen = Some(version);
                        let event = Event::default()
                            .event("summary")
                            .id(version.to_string())
                            .data(value.to_string());
                        return Some((Ok(event), (state, code, changes, shutdown, seen, false)));
                    }
                    Ok(Said::Ended(reason)) => {
                        let event = Event::default()
                            .event("closed")
                            .data(json!({ "reason": reason }).to_string());
                        return Some((Ok(event), (state, code, changes, shutdown, seen, true)));
                    }
                    // The database is away: keep the stream, and read again shortly.
                    Err(_) => {
                        seen = seen.or(Some(-1));
                        tokio::time::sleep(Duration::from_millis(500)).await;
                        changes.mark_changed();
                    }
                }
            }
        },
    );
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

async fn read_for_stream(state: &AppState, code: &str, watcher: Watcher) -> Result<Said, ApiError> {
    let Some(room) = state.db.room(code).await? else {
        return Ok(Said::Ended("the room is gone"));
    };
    match room.state_at(now_ms(), state.lifetime_ms()) {
        RoomState::Open => {}
        RoomState::Closed => return Ok(Said::Ended("the presenter closed this room")),
        RoomState::Expired => return Ok(Said::Ended("this room has expired")),
    }
    let entries = state.db.counted(code).await?;
    let version = room.version;
    let mut summary = summary_value(&room, &entries);
    if watcher == Watcher::Screen && !room.revealed {
        summary["figures"] = Value::Null;
        summary["paid_back"] = Value::Null;
    }
    Ok(Said::Summary(summary, version))
}

/// `GET /health`: whether the server and its database answer.
pub async fn health(State(state): Shared) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(json!({"status": "ok", "database": state.db_kind()})).into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "unavailable", "database": state.db_kind()})),
        )
            .into_response(),
    }
}

/// The figures a room counts, by name, for the API's documentation and tests.
pub fn figure_names() -> &'static [&'static str] {
    &FIGURES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_796_558_400_000), "2026-12-06T12:00:00Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn tokens_are_stored_hashed() {
        let hash = hash_token("secret");
        assert_eq!(hash.len(), 64);
        assert_ne!(hash, "secret");
        assert_eq!(hash, hash_token("secret"));
    }
}
