//! Sharing agreements: `POST /sharing-agreements` and `POST /sharing-agreements/{id}/revoke`
//! (the owner's coordinators), `GET /sharing-agreements` and `GET /sharing-agreements/{id}`
//! (either party). A third organisation gets 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::protection::agreements::{self, AgreementInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/sharing-agreements", get(list).post(create))
        .route("/sharing-agreements/{id}", get(show))
        .route("/sharing-agreements/{id}/revoke", post(revoke))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Create {
    partner_org: String,
    mode: String,
    area_level: String,
    k: Option<i64>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    valid_from: Option<String>,
    valid_to: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ApiJson(b): ApiJson<Create>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let input = AgreementInput {
        partner_org: b.partner_org,
        mode: b.mode,
        area_level: b.area_level,
        k: b.k,
        categories: b.categories,
        kinds: b.kinds,
        valid_from: b.valid_from,
        valid_to: b.valid_to,
    };
    let a = agreements::create(&state, &who.actor(), input).await?;
    Ok((StatusCode::CREATED, Json(agreements::view(&a, who.org_id(), Utc::now()))))
}

async fn list(State(state): State<AppState>, who: Can<perm::ViewSharing>) -> Result<Json<Value>, ApiError> {
    let now = Utc::now();
    let list: Vec<Value> = state
        .store
        .list_agreements(who.org_id())
        .await?
        .iter()
        .map(|a| agreements::view(a, who.org_id(), now))
        .collect();
    Ok(Json(json!({ "agreements": list })))
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let a = state.store.get_agreement(who.org_id(), &id).await?;
    Ok(Json(agreements::view(&a, who.org_id(), Utc::now())))
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let a = agreements::revoke(&state, &who.actor(), &id).await?;
    Ok(Json(agreements::view(&a, who.org_id(), Utc::now())))
}
