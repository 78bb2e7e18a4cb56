//! What partners see under the agreements in force with them: `GET /shared/aggregates` (fixed
//! cells, small cells suppressed), `GET /shared/records` (de-identified, where agreed),
//! `GET /shared/alerts[/{id}]` (alerts assigned to them) and `POST /shared/alerts/{id}/responses`.
//! Without an agreement in force the lists are empty and single alerts are 404.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::InvalidInput;

use crate::error::{ApiError, ApiJson};
use crate::ew::reports::parse_time;
use crate::extract::{perm, Can};
use crate::protection::shared::{self, DEFAULT_WEEKS, MAX_WEEKS};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/shared/aggregates", get(aggregates))
        .route("/shared/records", get(records))
        .route("/shared/alerts", get(alerts))
        .route("/shared/alerts/{id}", get(alert))
        .route("/shared/alerts/{id}/responses", post(respond))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeksQuery {
    weeks: Option<i64>,
}

/// The number of weeks asked for (the only choice a partner has: the cells are fixed).
pub fn weeks_of(
    q: Result<Query<WeeksQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<u32, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::Invalid(InvalidInput::new("query", e.body_text())))?;
    match q.weeks {
        None => Ok(DEFAULT_WEEKS),
        Some(n) if (1..=MAX_WEEKS as i64).contains(&n) => Ok(n as u32),
        Some(_) => Err(InvalidInput::new("weeks", format!("must be between 1 and {MAX_WEEKS}")).into()),
    }
}

async fn aggregates(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: Result<Query<WeeksQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let weeks = weeks_of(q)?;
    Ok(Json(json!(shared::aggregates(&state, &who.actor(), weeks).await?)))
}

async fn records(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: Result<Query<WeeksQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let weeks = weeks_of(q)?;
    Ok(Json(json!({ "records": shared::records(&state, &who.actor(), weeks).await? })))
}

async fn alerts(State(state): State<AppState>, who: Can<perm::ViewSharing>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "alerts": shared::alerts(&state, who.org_id()).await? })))
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (a, _) = shared::alert(&state, who.org_id(), &id).await?;
    let responses = shared::responses(&state, who.org_id(), &a).await?;
    Ok(Json(json!({ "alert": a, "responses": responses })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Respond {
    action: String,
    outcome: String,
    responded_at: Option<String>,
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::RespondToAlert>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Respond>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let at = match b.responded_at {
        Some(t) => parse_time(&t).map_err(|e| InvalidInput::new("responded_at", e.message))?,
        None => Utc::now(),
    };
    let r = shared::respond(&state, &who.actor(), &id, &b.action, &b.outcome, at).await?;
    Ok((StatusCode::CREATED, Json(json!(r))))
}
