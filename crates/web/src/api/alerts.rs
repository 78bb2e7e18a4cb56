//! Alerts of the caller's organisation and the response trail: list (with `overdue=true`), read
//! one with the reports behind it and its responses, assign (coordinators), respond, and time to
//! first response.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::alert_engine::AlertSource;
use tandem_domain::{InvalidInput, OrgId};
use tandem_store::{Alert, AlertFilter, Response};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::ew::reports::parse_time;
use crate::ew::responses::{self, MAX_DUE_IN_HOURS};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(responsiveness))
        .routes(routes!(show))
        .routes(routes!(assign))
        .routes(routes!(acknowledge))
        .routes(routes!(close))
        .routes(routes!(respond))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    #[param(schema_with = tandem_store::openapi::alert_status)]
    status: Option<String>,
    /// Only open alerts whose due time has passed.
    overdue: Option<bool>,
    /// `reports`: alerts of the organisation's own reports; `event_data`: those raised by
    /// imported event data alone. Both when absent.
    #[param(pattern = "^(reports|event_data)$")]
    source: Option<String>,
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
struct Alerts {
    alerts: Vec<Alert>,
}

/// The organisation's alerts
#[utoipa::path(get, path = "/alerts", tag = "early warning", params(ListQuery),
    responses((status = 200, description = "The alerts, newest week first", body = Alerts)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    q: QueryResult<ListQuery>,
) -> Result<Json<Alerts>, ApiError> {
    let q = paging::query(q)?;
    if let Some(s) = q.status.as_deref() {
        if !["open", "closed", "withdrawn"].contains(&s) {
            return Err(InvalidInput::new("status", "must be open, closed or withdrawn").into());
        }
    }
    let source = q.source.as_deref().map(AlertSource::parse).transpose()?;
    let filter = AlertFilter {
        status: q.status,
        overdue_at: q.overdue.unwrap_or(false).then(Utc::now),
        from_event_data: source.map(AlertSource::from_event_data),
        limit: paging::limit(q.limit, 200)?,
    };
    Ok(Json(Alerts { alerts: state.store.list_alerts(who.org_id(), &filter).await? }))
}

#[derive(Serialize, ToSchema)]
struct AlertDetail {
    alert: Alert,
    /// The ids of the reports behind it.
    reports: Vec<String>,
    responses: Vec<Response>,
}

/// One alert, its reports and responses
#[utoipa::path(get, path = "/alerts/{id}", tag = "early warning", params(("id" = String, Path)),
    responses((status = 200, description = "The alert", body = AlertDetail)))]
async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    Path(id): Path<String>,
) -> Result<Json<AlertDetail>, ApiError> {
    let (alert, linked) = state.store.get_alert(who.org_id(), &id).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let reports =
        crate::ew::alerts::reports_of(state.store.as_ref(), &cfg, who.org_id(), &alert, linked).await?;
    let responses = state.store.list_responses(who.org_id(), &id).await?;
    Ok(Json(AlertDetail { alert, reports, responses }))
}

fn due_in_hours() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([Type::Integer, Type::Null]))
        .minimum(Some(1))
        .maximum(Some(MAX_DUE_IN_HOURS))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Assign {
    /// The organisation that must answer; the caller's own when absent. Assigning to another
    /// organisation needs a sharing agreement covering alerts in force with it.
    org: Option<String>,
    due_at: Option<String>,
    /// Hours from now, instead of `due_at`.
    #[schema(schema_with = due_in_hours)]
    due_in_hours: Option<i64>,
}

/// Assign an alert (coordinators)
#[utoipa::path(post, path = "/alerts/{id}/assign", tag = "early warning", params(("id" = String, Path)),
    request_body = Assign, responses((status = 200, description = "Assigned", body = Alert)))]
async fn assign(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Assign>,
) -> Result<Json<Alert>, ApiError> {
    let due_at =
        b.due_at.map(|t| parse_time(&t).map_err(|e| InvalidInput::new("due_at", e.message))).transpose()?;
    let due_at = responses::due_time(due_at, b.due_in_hours, Utc::now())?;
    Ok(Json(responses::assign(&state, who.org_id(), &who.0.user.id, &id, b.org.as_deref(), due_at).await?))
}

#[derive(Serialize, ToSchema)]
struct Moved {
    /// The alerts of the episode that moved on, the one asked for first.
    alerts: Vec<Alert>,
}

/// Acknowledge an open alert and the episode it belongs to (coordinators): someone is on it
#[utoipa::path(post, path = "/alerts/{id}/acknowledge", tag = "early warning", params(("id" = String, Path)),
    responses((status = 200, description = "Acknowledged", body = Moved),
        (status = 409, description = "Closed, withdrawn or acknowledged already")))]
async fn acknowledge(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
) -> Result<Json<Moved>, ApiError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let step = tandem_store::AlertStep::Acknowledge;
    let alerts = crate::ew::alerts::step_episode(state.store.as_ref(), &cfg, &who.actor(), &id, step).await?;
    Ok(Json(Moved { alerts }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Close {
    #[schema(value_type = tandem_domain::alert_engine::AlertOutcome)]
    outcome: String,
}

/// Close an open alert and the episode it belongs to, with how it ended (coordinators)
#[utoipa::path(post, path = "/alerts/{id}/close", tag = "early warning", params(("id" = String, Path)),
    request_body = Close, responses((status = 200, description = "Closed", body = Moved),
        (status = 409, description = "Closed or withdrawn already")))]
async fn close(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<Close>,
) -> Result<Json<Moved>, ApiError> {
    let outcome = tandem_domain::alert_engine::AlertOutcome::parse(&b.outcome)?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let step = tandem_store::AlertStep::Close(outcome);
    let alerts = crate::ew::alerts::step_episode(state.store.as_ref(), &cfg, &who.actor(), &id, step).await?;
    Ok(Json(Moved { alerts }))
}

/// A response to an alert, from its owner or from the organisation it was assigned to.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewResponse {
    #[schema(min_length = 1)]
    pub action: String,
    #[schema(min_length = 1)]
    pub outcome: String,
    /// When it was done; now when absent.
    pub responded_at: Option<String>,
}

impl NewResponse {
    pub fn at(&self) -> Result<chrono::DateTime<Utc>, InvalidInput> {
        match &self.responded_at {
            Some(t) => parse_time(t).map_err(|e| InvalidInput::new("responded_at", e.message)),
            None => Ok(Utc::now()),
        }
    }
}

/// Record a response
#[utoipa::path(post, path = "/alerts/{id}/responses", tag = "early warning", params(("id" = String, Path)),
    request_body = NewResponse, responses((status = 201, description = "Recorded", body = Response)))]
async fn respond(
    State(state): State<AppState>,
    who: Can<perm::RespondToAlert>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NewResponse>,
) -> Result<(StatusCode, Json<Response>), ApiError> {
    let at = b.at()?;
    let store = state.store.as_ref();
    let r = responses::respond_as(store, who.org_id(), &who.actor(), &id, &b.action, &b.outcome, at).await?;
    Ok((StatusCode::CREATED, Json(r)))
}

#[derive(Serialize, ToSchema)]
struct Responsiveness {
    org_id: OrgId,
    /// Alerts not withdrawn.
    alerts: usize,
    /// Alerts with at least one response.
    answered: usize,
    median_hours_to_first_response: Option<f64>,
}

/// Time to first response
#[utoipa::path(get, path = "/alerts/responsiveness", tag = "early warning",
    responses((status = 200, description = "For the caller's organisation's alerts", body = Responsiveness)))]
async fn responsiveness(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
) -> Result<Json<Responsiveness>, ApiError> {
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
    Ok(Json(Responsiveness {
        org_id: who.org_id().clone(),
        alerts: alerts.iter().filter(|a| a.status != "withdrawn").count(),
        answered: hours.len(),
        median_hours_to_first_response: median,
    }))
}
