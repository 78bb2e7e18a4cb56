//! `GET /api/v1/me`: who the caller is, for which organisation, in which role.
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::extract::CurrentUser;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/me", get(me))
}

async fn me(CurrentUser(p): CurrentUser) -> Json<Value> {
    Json(json!({
        "user": {
            "id": p.user.id,
            "email": p.user.email,
            "display_name": p.user.display_name,
            "platform_admin": p.user.platform_admin,
        },
        "org": {
            "id": p.org.id,
            "name": p.org.name,
            "slug": p.org.slug,
            "kind": p.org.kind,
            "women_led": p.org.women_led,
            "youth_led": p.org.youth_led,
            "minority_led": p.org.minority_led,
        },
        "role": p.role,
        "expires_at": p.expires_at,
    }))
}
