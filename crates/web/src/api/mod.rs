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
mod paging;
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
