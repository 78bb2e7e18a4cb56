//! Alerts of the caller's organisation and the response trail: list (with `overdue=true`), read
//! one with the reports behind it and its responses, assign (coordinators), respond, and time to
//! first response.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::InvalidInput;
use tandem_store::AlertFilter;

use crate::error::{ApiError, ApiJson};
use crate::ew::reports::parse_time;
use crate::ew::responses;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(list))
        .route("/alerts/responsiveness", get(responsiveness))
        .route("/alerts/{id}", get(show))
        .route("/alerts/{id}/assign", post(assign))
        .route("/alerts/{id}/responses", post(respond))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    status: Option<String>,
    overdue: Option<bool>,
    limit: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::Invalid(InvalidInput::new("query", e.body_text())))?;
    if let Some(s) = q.status.as_deref() {
        if !["open", "closed", "withdrawn"].contains(&s) {
            return Err(InvalidInput::new("status", "must be open, closed or withdrawn").into());
        }
    }
    let filter = AlertFilter {
        status: q.status,
        overdue_at: q.overdue.unwrap_or(false).then(Utc::now),
        limit: super::paging::limit(q.limit, 200)?,
    };
    Ok(Json(json!({ "alerts": state.store.list_alerts(who.org_id(), &filter).await? })))
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (alert, linked) = state.store.get_alert(who.org_id(), &id).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let reports =
        crate::ew::alerts::reports_of(state.store.as_ref(), &cfg, who.org_id(), &alert, linked).await?;
    let responses = state.store.list_responses(who.org_id(), &id).await?;
    Ok(Json(json!({ "alert": alert, "reports": reports, "responses": responses })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Assign {
    /// The organisation that must answer; the caller's own when absent. Assigning to another
    /// organisation needs a sharing agreement covering alerts in force with it.
    org: Option<String>,
    due_at: Option<String>,
    /// Hours from now, instead of `due_at`.
    due_in_hours: Option<i64>,
}

async fn assign(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Assign>,
) -> Result<Json<Value>, ApiError> {
    let due_at =
        b.due_at.map(|t| parse_time(&t).map_err(|e| InvalidInput::new("due_at", e.message))).transpose()?;
    let due_at = responses::due_time(due_at, b.due_in_hours, Utc::now())?;
    let alert =
        responses::assign(&state, who.org_id(), &who.0.user.id, &id, b.org.as_deref(), due_at).await?;
    Ok(Json(json!(alert)))
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
    let responded_at = match b.responded_at {
        Some(t) => parse_time(&t).map_err(|e| InvalidInput::new("responded_at", e.message))?,
        None => Utc::now(),
    };
    let r = responses::respond_as(
        state.store.as_ref(),
        who.org_id(),
        &who.actor(),
        &id,
        &b.action,
        &b.outcome,
        responded_at,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(json!(r))))
}

/// Time to first response for the caller's organisation's alerts (those assigned or answered).
async fn responsiveness(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
) -> Result<Json<Value>, ApiError> {
    let alerts =
        state.store.list_alerts(who.org_id(), &AlertFilter { limit: 100_000, ..Default::default() }).await?;
    let mut hours: Vec<f64> = alerts
        .iter()
        .filter_map(|a| a.first_response_at.map(|t| (t - a.created_at).num_seconds().max(0) as f64 / 3600.0))
        .collect();
    hours.sort_by(|a, b| a.total_cmp(b));
    let median = (!hours.is_empty()).then(|| {
        let n = hours.len();
        if n % 2 == 1 {
            hours[n / 2]
        } else {
            (hours[n / 2 - 1] + hours[n / 2]) / 2.0
        }
    });
    Ok(Json(json!({
        "org_id": who.org_id(),
        "alerts": alerts.iter().filter(|a| a.status != "withdrawn").count(),
        "answered": hours.len(),
        "median_hours_to_first_response": median,
    })))
}
