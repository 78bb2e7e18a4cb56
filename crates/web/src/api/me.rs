//! `GET /api/v1/me`: who the caller is, for which organisation, in which role.
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::Role;
use tandem_store::Org;

use crate::error::ApiError;
use crate::extract::CurrentUser;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/me", get(me))
}

/// Typed rather than `json!`: this is the busiest authenticated route, and a struct serialises
/// without building an intermediate map.
#[derive(Serialize)]
struct Me<'a> {
    user: MeUser<'a>,
    org: &'a Org,
    role: Role,
    expires_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct MeUser<'a> {
    id: &'a str,
    email: &'a str,
    display_name: &'a str,
    platform_admin: bool,
}

async fn me(CurrentUser(p): CurrentUser) -> Response {
    let me = Me {
        user: MeUser {
            id: p.user.id.as_str(),
            email: &p.user.email,
            display_name: &p.user.display_name,
            platform_admin: p.user.platform_admin,
        },
        org: &p.org,
        role: p.role,
        expires_at: p.expires_at,
    };
    match serde_json::to_vec(&me) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => ApiError::Internal(e.into()).into_response(),
    }
}
