//! What partners see under the agreements in force with them: `GET /shared/aggregates` (fixed
//! cells, small cells suppressed), `GET /shared/records` (de-identified, where agreed),
//! `GET /shared/violations` (quarterly tables) and `GET /shared/violation-records` (de-identified),
//! `GET /shared/alerts[/{id}]` (alerts assigned to them) and `POST /shared/alerts/{id}/responses`.
//! Without an agreement in force the lists are empty and single alerts are 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::InvalidInput;
use tandem_store::Response;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::alerts::NewResponse;
use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::protection::shared::{self, Aggregates, SharedAlert, SharedRecord, DEFAULT_WEEKS, MAX_WEEKS};
use crate::protection::shared_violation_records::SharedViolationRecord;
use crate::protection::shared_violations::SharedViolationCell;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(aggregates))
        .routes(routes!(records))
        .routes(routes!(violations))
        .routes(routes!(violation_records))
        .routes(routes!(alerts))
        .routes(routes!(alert))
        .routes(routes!(respond))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WeeksQuery {
    /// How many weeks back, this one included.
    #[param(minimum = 1, maximum = 104)]
    weeks: Option<i64>,
}

/// The number of weeks asked for (the only choice a partner has: the cells are fixed).
pub fn weeks_of(q: QueryResult<WeeksQuery>) -> Result<u32, ApiError> {
    match paging::query(q)?.weeks {
        None => Ok(DEFAULT_WEEKS),
        Some(n) if (1..=MAX_WEEKS as i64).contains(&n) => Ok(n as u32),
        Some(_) => Err(InvalidInput::new("weeks", format!("must be between 1 and {MAX_WEEKS}")).into()),
    }
}

/// Aggregate cells shared with the caller, small ones suppressed
#[utoipa::path(get, path = "/shared/aggregates", tag = "sharing", params(WeeksQuery),
    responses((status = 200, description = "Cells and totals per agreement", body = Aggregates)))]
async fn aggregates(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: QueryResult<WeeksQuery>,
) -> Result<Json<Aggregates>, ApiError> {
    let weeks = weeks_of(q)?;
    Ok(Json(shared::aggregates(&state, &who.actor(), weeks).await?))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct QuartersQuery {
    /// How many released quarters back (1–12, default 4).
    #[param(minimum = 1, maximum = 12)]
    quarters: Option<i64>,
}

/// The number of quarters asked for, 1–12 (default 4).
fn quarters_of(q: QueryResult<QuartersQuery>) -> Result<u32, ApiError> {
    use crate::protection::shared_violations::{DEFAULT_QUARTERS, MAX_QUARTERS};
    match paging::query(q)?.quarters {
        None => Ok(DEFAULT_QUARTERS),
        Some(n) if (1..=MAX_QUARTERS as i64).contains(&n) => Ok(n as u32),
        Some(_) => Err(InvalidInput::new("quarters", format!("must be between 1 and {MAX_QUARTERS}")).into()),
    }
}

#[derive(Serialize, ToSchema)]
struct SharedViolations {
    cells: Vec<SharedViolationCell>,
}

/// Verified violations shared with the caller: per released quarter, the owner's counts by area
/// (admin1) × institution kind × act with every total, small ones and their complements hidden
#[utoipa::path(get, path = "/shared/violations", tag = "sharing", params(QuartersQuery),
    responses((status = 200, description = "Fixed cells per agreement and quarter, `count: null` where hidden", body = SharedViolations)))]
async fn violations(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: QueryResult<QuartersQuery>,
) -> Result<Json<SharedViolations>, ApiError> {
    let quarters = quarters_of(q)?;
    let cells = crate::protection::shared_violations::tables(&state, &who.actor(), quarters).await?;
    Ok(Json(SharedViolations { cells }))
}

#[derive(Serialize, ToSchema)]
struct SharedViolationRecords {
    records: Vec<SharedViolationRecord>,
}

/// Verified violations shared one by one, de-identified, under agreements in `records` mode
/// that name violations: this quarter and the ones before it, by when the act happened
#[utoipa::path(get, path = "/shared/violation-records", tag = "sharing", params(QuartersQuery),
    responses((status = 200, description = "Area at the agreed level, month at most, act, institution kind, victims' number, scrubbed description", body = SharedViolationRecords)))]
async fn violation_records(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: QueryResult<QuartersQuery>,
) -> Result<Json<SharedViolationRecords>, ApiError> {
    let quarters = quarters_of(q)?;
    use crate::protection::shared_violation_records::{records, MAX_RECORDS};
    let records = records(&state, &who.actor(), quarters, MAX_RECORDS).await?;
    Ok(Json(SharedViolationRecords { records }))
}

#[derive(Serialize, ToSchema)]
struct Records {
    records: Vec<SharedRecord>,
}

/// De-identified records shared with the caller
#[utoipa::path(get, path = "/shared/records", tag = "sharing", params(WeeksQuery),
    responses((status = 200, description = "Scrubbed, coarsened records", body = Records)))]
async fn records(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    q: QueryResult<WeeksQuery>,
) -> Result<Json<Records>, ApiError> {
    let weeks = weeks_of(q)?;
    Ok(Json(Records { records: shared::records(&state, &who.actor(), weeks).await? }))
}

#[derive(Serialize, ToSchema)]
struct SharedAlerts {
    alerts: Vec<SharedAlert>,
}

/// Alerts assigned to the caller's organisation
#[utoipa::path(get, path = "/shared/alerts", tag = "sharing",
    responses((status = 200, description = "Soonest due first", body = SharedAlerts)))]
async fn alerts(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
) -> Result<Json<SharedAlerts>, ApiError> {
    Ok(Json(SharedAlerts { alerts: shared::alerts(&state, who.org_id()).await? }))
}

#[derive(Serialize, ToSchema)]
struct SharedAlertDetail {
    alert: SharedAlert,
    responses: Vec<Response>,
}

/// One alert assigned to the caller's organisation
#[utoipa::path(get, path = "/shared/alerts/{id}", tag = "sharing", params(("id" = String, Path)),
    responses((status = 200, description = "The alert and its responses", body = SharedAlertDetail)))]
async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    Path(id): Path<String>,
) -> Result<Json<SharedAlertDetail>, ApiError> {
    let (alert, _) = shared::alert(&state, who.org_id(), &id).await?;
    let responses = shared::responses(&state, who.org_id(), &alert).await?;
    Ok(Json(SharedAlertDetail { alert, responses }))
}

/// Answer an alert assigned to the caller's organisation
#[utoipa::path(post, path = "/shared/alerts/{id}/responses", tag = "sharing", params(("id" = String, Path)),
    request_body = NewResponse, responses((status = 201, description = "Recorded", body = Response)))]
async fn respond(
    State(state): State<AppState>,
    who: Can<perm::RespondToAlert>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NewResponse>,
) -> Result<(StatusCode, Json<Response>), ApiError> {
    let at = b.at()?;
    Ok((
        StatusCode::CREATED,
        Json(shared::respond(&state, &who.actor(), &id, &b.action, &b.outcome, at).await?),
    ))
}
