//! Organisations: the directory (`GET /api/v1/orgs`, any member) and creation
//! (`POST /api/v1/orgs`, platform admins).
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::org::OrgFlags;
use tandem_domain::OrgId;

use crate::actions::{self, OrgInput};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs", get(list).post(create)).route("/orgs/{id}", get(show))
}

async fn list(
    State(state): State<AppState>,
    _who: Can<perm::ViewOrgDirectory>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "orgs": state.store.list_orgs().await? })))
}

async fn show(
    State(state): State<AppState>,
    _who: Can<perm::ViewOrgDirectory>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id = OrgId::parse(&id).map_err(|_| ApiError::NotFound)?;
    Ok(Json(json!({ "org": state.store.get_org(&id).await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateOrg {
    name: String,
    kind: String,
    #[serde(default)]
    women_led: bool,
    #[serde(default)]
    youth_led: bool,
    #[serde(default)]
    minority_led: bool,
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::CreateOrg>,
    ApiJson(b): ApiJson<CreateOrg>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let flags = OrgFlags { women_led: b.women_led, youth_led: b.youth_led, minority_led: b.minority_led };
    let org =
        actions::create_org(&state, &who.actor(), OrgInput { name: &b.name, kind: &b.kind, flags }).await?;
    Ok((StatusCode::CREATED, Json(json!(org))))
}
