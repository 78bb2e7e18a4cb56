//! `GET /api/v1/me`: who the caller is, for which organisation, in which role.
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::{Role, UserId};
use tandem_store::Org;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::extract::CurrentUser;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(me))
}

/// Typed rather than `json!`: this is the busiest authenticated route, and a struct serialises
/// without building an intermediate map.
#[derive(Serialize, ToSchema)]
struct Me<'a> {
    user: MeUser<'a>,
    org: &'a Org,
    role: Role,
    expires_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
struct MeUser<'a> {
    id: &'a UserId,
    email: &'a str,
    display_name: &'a str,
    platform_admin: bool,
}

/// The caller, its organisation and role
#[utoipa::path(get, path = "/me", tag = "sign-in", responses((status = 200, description = "Who is calling", body = Me)))]
async fn me(CurrentUser(p): CurrentUser) -> Response {
    let me = Me {
        user: MeUser {
            id: &p.user.id,
            email: &p.user.email,
            display_name: &p.user.display_name,
            platform_admin: p.user.platform_admin,
        },
        org: &p.org,
        role: p.role,
        expires_at: p.expires_at,
    };
    Json(me).into_response()
}
