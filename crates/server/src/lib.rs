//! The workshop room's server: one binary that serves the release bundle with its hosting
//! rules and the room API on the same origin, over SQLite (one process) or PostgreSQL (any
//! number behind a load balancer, hearing each other's changes through the database).
//!
//! - [`config`]: flags and environment variables.
//! - [`api`]: the room API's handlers, thin over `cvc_core::room` and the store.
//! - [`store`]: the rooms and entries in the database, and its schema's migrations.
//! - [`durable`]: SQLite's commits on the disk before they are answered, in groups.
//! - [`hub`]: who listens for a room's changes in this process (and, with PostgreSQL, the
//!   database's announcements of every process's changes).
//! - [`limits`]: rate limits, keyed by salted hashes held in memory only.
//! - [`listener`]: connections: how many at once, and how long a request's head may take.
//! - [`statics`]: the release bundle.
//! - [`error`]: every refusal, as a status and a reason.
//!
//! Architecture invariant: the server never trusts a figure a phone sends; it reads the
//! scenario as the command-line tool reads a file and computes every figure with
//! `cvc_model`. It stores no name and no network address, and logs no figure.

pub mod api;
pub mod config;
pub mod durable;
pub mod error;
pub mod hub;
pub mod limits;
pub mod listener;
pub mod statics;
pub mod store;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use config::Config;
use hub::Hub;
use limits::Limits;
use statics::Bundle;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};
use store::Db;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// What every handler shares.
pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub hub: Arc<Hub>,
    pub limits: Limits,
    pub bundle: Bundle,
    /// Becomes `true` when the server is asked to stop: streams then end.
    pub shutdown: watch::Receiver<bool>,
}

impl AppState {
    pub fn lifetime_ms(&self) -> i64 {
        self.config.room_lifetime().as_millis() as i64
    }

    /// The page's public address, ending in `/`, for the join link.
    pub fn public_url(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.config.public_url {
            return if url.ends_with('/') {
                url.clone()
            } else {
                format!("{url}/")
            };
        }
        let host = headers
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .filter(|host| {
                host.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
                })
            })
            .unwrap_or("localhost");
        let scheme = headers
            .get("x-forwarded-proto")
            .and_then(|value| value.to_str().ok())
            .filter(|scheme| *scheme == "https")
            .unwrap_or("http");
        format!("{scheme}://{host}/")
    }

    pub fn db_kind(&self) -> &'static str {
        match self.db {
            Db::Sqlite(..) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }
}

/// Milliseconds since 1970.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}

/// The server: the room API, `/health`, and the bundle for every other path.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/api/rooms", post(api::create_room))
        .route("/api/rooms/{code}", get(api::room_status))
        .route("/api/rooms/{code}/summary", get(api::summary))
        .route("/api/rooms/{code}/stream", get(api::stream))
        .route("/api/rooms/{code}/entries", get(api::entries))
        .route(
            "/api/rooms/{code}/entries/{participant}",
            put(api::put_entry)
                .get(api::own_entry)
                .delete(api::delete_entry),
        )
        .route("/api/rooms/{code}/{action}", post(api::control))
        // Every room route above, not /health (a load balancer's) nor the fallback.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::network_rate,
        ))
        .route("/health", get(api::health))
        .fallback(api_unknown)
        .layer(DefaultBodyLimit::max(state.config.max_body));
    let api = match cors(&state.config) {
        Some(cors) => api.layer(cors),
        None => api,
    };
    Router::new()
        .nest("/api", Router::new().fallback(api_unknown))
        .merge(api)
        .fallback(serve_bundle)
        .with_state(state)
        .layer(axum::middleware::from_fn(listener::answer_after_the_body))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    // The route's pattern, never the path's values or the body.
                    let route = request
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("(bundle)", |path| path.as_str());
                    tracing::info_span!("request", method = %request.method(), route)
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
}

/// Pages of other origins that may call the API (a bundle served from a CDN).
fn cors(config: &Config) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = config
        .allow_origins
        .iter()
        .map(|origin| origin.trim().trim_end_matches('/'))
        .filter(|origin| !origin.is_empty())
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::HeaderName::from_static("last-event-id"),
            ])
            .max_age(std::time::Duration::from_secs(600)),
    )
}

async fn api_unknown() -> Response {
    error::ApiError::NotFound("no such API route".into()).into_response()
}

async fn serve_bundle(State(state): State<Arc<AppState>>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    match state
        .bundle
        .respond(request.uri().path(), request.headers())
    {
        Some(response) => response,
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
