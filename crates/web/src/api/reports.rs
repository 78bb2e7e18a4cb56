//! Reports of the caller's organisation: file (`POST`), list with filters, read one, the status
//! workflow (`verify`, `dismiss`, `close`: coordinators), the reporter's contact (coordinators,
//! each reading audited) and erasure (coordinators). A report of another organisation is 404.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::report::{Channel, ReportStatus};
use tandem_domain::InvalidInput;
use tandem_store::ReportFilter;

use crate::error::{ApiError, ApiJson};
use crate::ew::reports::{self, change_status, RawReport};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports", get(list).post(create))
        .route("/reports/{id}", get(show).delete(erase))
        .route("/reports/{id}/contact", get(contact))
        .route("/reports/{id}/{transition}", post(transition))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateReport {
    area: String,
    category: String,
    severity: i64,
    occurred_at: String,
    description: String,
    reporter_contact: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::FileReport>,
    ApiJson(b): ApiJson<CreateReport>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let raw = RawReport {
        area: b.area,
        category: b.category,
        severity: b.severity,
        occurred_at: b.occurred_at,
        description: b.description,
        reporter_contact: b.reporter_contact,
    };
    let sealer = reports::Sealer { keys: &state.keys, org: who.org_id() };
    let new = reports::parse(&cfg, &raw, Channel::Api, Some(&who.0.user.id), Utc::now(), sealer)?;
    let mut stored = reports::file_queued(&state, &cfg, who.org_id(), &[new]).await?;
    let report = stored.pop().ok_or_else(|| ApiError::Internal("report not stored".into()))?;
    Ok((StatusCode::CREATED, Json(json!(report))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    area: Option<String>,
    category: Option<String>,
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::Invalid(InvalidInput::new("query", e.body_text())))?;
    let filter = filter_from(q)?;
    Ok(Json(json!({ "reports": state.store.list_reports(who.org_id(), &filter).await? })))
}

fn filter_from(q: ListQuery) -> Result<ReportFilter, ApiError> {
    let time = |field: &'static str, v: Option<String>| {
        v.filter(|s| !s.is_empty())
            .map(|s| reports::parse_time(&s).map_err(|e| InvalidInput::new(field, e.message)))
            .transpose()
    };
    Ok(ReportFilter {
        area: q.area.filter(|s| !s.is_empty()).map(|s| s.to_ascii_uppercase()),
        category: q.category.filter(|s| !s.is_empty()),
        // Unlike the free-text filters, an empty status is not "any": it is not a status.
        status: q.status.map(|s| s.parse::<ReportStatus>()).transpose()?,
        from: time("from", q.from)?,
        to: time("to", q.to)?,
        limit: super::paging::limit(q.limit, 200)?,
    })
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(state.store.get_report(who.org_id(), &id).await?)))
}

/// The contact the reporter left, if any; the reading is written to the audit log.
async fn contact(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let contact = crate::protection::secrets::read(
        &state,
        &who.actor(),
        tandem_domain::seal::Purpose::ReporterContact,
        &id,
    )
    .await?;
    Ok(Json(json!({ "id": id, "contact": contact })))
}

/// Erases the report at its reporter's request: nothing of it remains but an audit event.
async fn erase(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    crate::protection::retention::erase(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `verify`, `dismiss` or `close`, from the state the workflow allows.
async fn transition(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path((id, transition)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let to = ReportStatus::from_transition(&transition).ok_or(ApiError::NotFound)?;
    let report = change_status(&state, who.org_id(), &who.0.user.id, &id, to).await?;
    Ok(Json(json!(report)))
}
