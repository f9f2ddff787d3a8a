//! Every refusal the API gives: a status and `{"error": "…"}` saying why, in words an
//! operator or a developer can act on. A database that cannot be reached is a 503, which
//! the phones retry; nothing else of a database error reaches the client (it is logged).

use crate::store::StoreError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Unauthorized,
    NotFound(String),
    Conflict(String),
    Gone(String),
    Unprocessable(String),
    TooMany(String),
    /// Too many rooms from one network: the seconds until the next may be opened.
    TooManyRooms(u64),
    TooLarge,
    /// Not sent as `application/json`.
    UnsupportedMediaType,
    /// The body did not arrive in time.
    RequestTimeout,
    Unavailable,
    Internal,
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(message) => {
                tracing::warn!(%message, "the database is unavailable");
                ApiError::Unavailable
            }
            StoreError::Failed(message) => {
                tracing::error!(%message, "a database call failed");
                ApiError::Internal
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, reason) = match self {
            ApiError::BadRequest(reason) => (StatusCode::BAD_REQUEST, reason),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "this needs the room's presenter token (Authorization: Bearer …)".into(),
            ),
            ApiError::NotFound(reason) => (StatusCode::NOT_FOUND, reason),
            ApiError::Conflict(reason) => (StatusCode::CONFLICT, reason),
            ApiError::Gone(reason) => (StatusCode::GONE, reason),
            ApiError::Unprocessable(reason) => (StatusCode::UNPROCESSABLE_ENTITY, reason),
            ApiError::TooMany(reason) => (StatusCode::TOO_MANY_REQUESTS, reason),
            ApiError::TooManyRooms(seconds) => {
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    Json(json!({
                        "error": "too many rooms opened from this network; try again later"
                    })),
                )
                    .into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, seconds.into());
                return response;
            }
            ApiError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "the body is larger than a scenario can be".into(),
            ),
            ApiError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the body as application/json".into(),
            ),
            ApiError::RequestTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                "the body did not arrive in time".into(),
            ),
            ApiError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "the room's database cannot be reached just now; try again shortly".into(),
            ),
            ApiError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "something went wrong on the server".into(),
            ),
        };
        let mut response = (status, Json(json!({ "error": reason }))).into_response();
        if matches!(
            status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
        ) {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("2"));
        }
        response
    }
}
