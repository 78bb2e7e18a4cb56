//! `GET /api/v1/audit`: the newest audit events about the caller's organisation (admins).
use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/audit", get(list))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Page {
    limit: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgAudit>,
    q: Result<Query<Page>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(q) =
        q.map_err(|e| ApiError::Invalid(tandem_domain::InvalidInput::new("query", e.body_text())))?;
    let limit = super::paging::limit(q.limit, 100)?;
    Ok(Json(json!({ "events": state.store.org_audit(who.org_id(), limit).await? })))
}
