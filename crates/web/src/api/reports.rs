//! Reports of the caller's organisation: file (`POST`), list with filters, read one, the status
//! workflow (`verify`, `dismiss`, `close`: coordinators), the reporter's contact (coordinators,
//! each reading audited) and erasure (coordinators). A report of another organisation is 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::report::{Channel, ReportStatus};
use tandem_domain::InvalidInput;
use tandem_store::{Report, ReportFilter};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::ew::reports::{self, change_status, RawReport};
use crate::extract::{perm, Can};
use crate::headers::NoStore;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(show, erase))
        .routes(routes!(contact))
        .routes(routes!(transition))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CreateReport {
    /// The area's P-code.
    #[schema(min_length = 1)]
    area: String,
    /// The category's slug.
    #[schema(min_length = 1)]
    category: String,
    #[schema(minimum = 1, maximum = 4)]
    severity: i64,
    /// A date (`2026-11-20`) or an RFC 3339 time.
    #[schema(min_length = 1)]
    occurred_at: String,
    #[schema(min_length = 1)]
    description: String,
    /// How to reach the reporter: sealed at once, readable only by coordinators.
    reporter_contact: Option<String>,
}

/// File a report
#[utoipa::path(post, path = "/reports", tag = "early warning", request_body = CreateReport,
    responses((status = 201, description = "Filed", body = Report)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::FileReport>,
    ApiJson(b): ApiJson<CreateReport>,
) -> Result<(StatusCode, Json<Report>), ApiError> {
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
    Ok((StatusCode::CREATED, Json(report)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// An area's P-code.
    area: Option<String>,
    /// A category's slug.
    category: Option<String>,
    #[param(value_type = Option<ReportStatus>)]
    status: Option<String>,
    /// Reports that occurred at or after this date or time.
    from: Option<String>,
    /// Reports that occurred before this date or time.
    to: Option<String>,
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
struct Reports {
    reports: Vec<Report>,
}

/// The organisation's reports, newest first
#[utoipa::path(get, path = "/reports", tag = "early warning", params(ListQuery),
    responses((status = 200, description = "The reports", body = Reports)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    q: QueryResult<ListQuery>,
) -> Result<Json<Reports>, ApiError> {
    let filter = filter_from(paging::query(q)?)?;
    Ok(Json(Reports { reports: state.store.list_reports(who.org_id(), &filter).await? }))
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
        limit: paging::limit(q.limit, 200)?,
        offset: 0,
    })
}

/// One report
#[utoipa::path(get, path = "/reports/{id}", tag = "early warning", params(("id" = String, Path)),
    responses((status = 200, description = "The report", body = Report)))]
async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    Path(id): Path<String>,
) -> Result<Json<Report>, ApiError> {
    Ok(Json(state.store.get_report(who.org_id(), &id).await?))
}

#[derive(Serialize, ToSchema)]
struct Contact {
    id: String,
    /// None when the reporter left no contact, or it was purged.
    contact: Option<String>,
}

/// The reporter's contact (coordinators; audited)
#[utoipa::path(get, path = "/reports/{id}/contact", tag = "protection", params(("id" = String, Path)),
    responses((status = 200, description = "The contact", body = Contact)))]
async fn contact(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    Path(id): Path<String>,
) -> Result<(NoStore, Json<Contact>), ApiError> {
    let contact = crate::protection::secrets::read(
        &state,
        &who.actor(),
        tandem_domain::seal::Purpose::ReporterContact,
        &id,
    )
    .await?;
    Ok((NoStore, Json(Contact { id, contact })))
}

/// Erase a report at its reporter's request (coordinators)
#[utoipa::path(delete, path = "/reports/{id}", tag = "protection", params(("id" = String, Path)),
    responses((status = 204, description = "Erased; only an audit event remains")))]
async fn erase(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    crate::protection::retention::erase(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The steps of the report workflow, as the path names them (see
/// `ReportStatus::from_transition`, which reads them).
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
enum Transition {
    Verify,
    Dismiss,
    Close,
}

/// verify, dismiss or close (coordinators)
#[utoipa::path(post, path = "/reports/{id}/{transition}", tag = "early warning",
    params(("id" = String, Path), ("transition" = inline(Transition), Path)),
    responses((status = 200, description = "The report in its new status", body = Report)))]
async fn transition(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path((id, transition)): Path<(String, String)>,
) -> Result<Json<Report>, ApiError> {
    let to = ReportStatus::from_transition(&transition).ok_or(ApiError::NotFound)?;
    Ok(Json(change_status(&state, who.org_id(), &who.0.user.id, &id, to).await?))
}
