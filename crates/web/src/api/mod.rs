//! The JSON API under `/api/v1`: one module per resource, each with its own `router()`.
mod alerts;
mod areas;
mod audit;
mod auth;
mod directory;
pub mod evidence;
mod field;
mod forums;
pub mod index;
mod invitations;
mod knowledge;
mod letters;
mod me;
mod members;
mod openapi;
pub mod openrosa;
mod orgs;
mod paging;
mod protection;
mod public_violations;
mod referrals;
mod registry;
pub mod reports;
mod scorecards;
mod shared;
mod sharing;
mod sms;
pub mod surveys;
mod violations;
mod wheel;

use axum::Router;
use utoipa_axum::router::OpenApiRouter;

use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    let (router, api) = parts();
    openapi::keep(api);
    router
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

/// The API's routes and their OpenAPI document, both from the same annotated handlers.
pub fn parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(openapi::base())
        .merge(auth::router())
        .merge(me::router())
        .merge(orgs::router())
        .merge(members::router())
        .merge(invitations::router())
        .merge(audit::router())
        .merge(areas::router())
        .merge(reports::router())
        .merge(field::router())
        .merge(alerts::router())
        .merge(sms::router())
        .merge(sharing::router())
        .merge(shared::router())
        .merge(protection::router())
        .merge(index::router())
        .merge(violations::router())
        .merge(evidence::router())
        .merge(public_violations::router())
        .merge(referrals::router())
        .merge(forums::router())
        .merge(wheel::router())
        .merge(surveys::router())
        .merge(scorecards::router())
        .merge(knowledge::router())
        .merge(letters::router())
        .merge(directory::router())
        .merge(registry::router())
        .merge(openapi::router())
        .split_for_parts()
}
