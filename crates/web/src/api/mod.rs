//! The JSON API under `/api/v1`: one module per resource, each with its own `router()`.
mod alerts;
mod areas;
mod audit;
mod auth;
pub mod index;
mod me;
mod members;
pub mod openapi;
pub mod openrosa;
mod orgs;
mod protection;
pub mod reports;
mod shared;
mod sharing;
mod sms;

use axum::Router;

use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(auth::router())
        .merge(me::router())
        .merge(orgs::router())
        .merge(members::router())
        .merge(audit::router())
        .merge(areas::router())
        .merge(reports::router())
        .merge(alerts::router())
        .merge(sms::router())
        .merge(sharing::router())
        .merge(shared::router())
        .merge(protection::router())
        .merge(index::router())
        .merge(openapi::router())
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

/// A list's `limit` query parameter: `default` when absent, refused outside 1–1000 (rather than
/// quietly clamped, so that a caller learns its request was not what it meant).
pub fn limit(raw: Option<i64>, default: i64) -> Result<i64, ApiError> {
    match raw {
        None => Ok(default),
        Some(n) if (1..=1000).contains(&n) => Ok(n),
        Some(_) => Err(tandem_domain::InvalidInput::new("limit", "must be between 1 and 1000").into()),
    }
}
