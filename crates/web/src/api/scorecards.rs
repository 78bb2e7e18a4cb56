//! Unit scorecards: a civil-society organisation's coordinators keep one per security unit it
//! watches, define its indicators, record measurements (or take them from a survey's estimate)
//! and decide when it is public; any member reads it. Published scorecards are read by anyone,
//! under disclosure control. Another organisation's scorecard is 404 until it is published.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_store::{Indicator, Measurement, Scorecard};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::monitoring::scorecards::{
    self as svc, IndicatorInput, MeasurementInput, PublicScorecard, ScorecardView,
};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(add_indicator))
        .routes(routes!(add_measurement))
        .routes(routes!(remove_measurement))
        .routes(routes!(publish))
        .routes(routes!(public_list))
        .routes(routes!(public_one))
}

#[derive(Serialize, ToSchema)]
struct Scorecards {
    scorecards: Vec<Scorecard>,
}

/// The organisation's scorecards, by unit
#[utoipa::path(get, path = "/scorecards", tag = "monitoring", responses((status = 200, description = "Scorecards", body = Scorecards)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
) -> Result<Json<Scorecards>, ApiError> {
    Ok(Json(Scorecards { scorecards: svc::list(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewScorecardBody {
    /// The security unit, by organisation id.
    unit_org: String,
    /// The area it serves, by P-code.
    area: String,
}

/// Start a scorecard for a security unit (coordinators of a civil-society organisation)
#[utoipa::path(post, path = "/scorecards", tag = "monitoring", request_body = NewScorecardBody,
    responses((status = 201, description = "Created", body = Scorecard)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ApiJson(b): ApiJson<NewScorecardBody>,
) -> Result<(StatusCode, Json<Scorecard>), ApiError> {
    Ok((StatusCode::CREATED, Json(svc::create(&state, &who.actor(), &b.unit_org, &b.area).await?)))
}

/// A scorecard: each indicator's trend (computed ones by quarter), status and evidence, and the
/// comparison with the other units of the same kind
#[utoipa::path(get, path = "/scorecards/{id}", tag = "monitoring", params(("id" = String, Path)),
    responses((status = 200, description = "The scorecard", body = ScorecardView)))]
async fn one(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    Path(id): Path<String>,
) -> Result<Json<ScorecardView>, ApiError> {
    Ok(Json(svc::view(&state, &who.actor(), &id, Utc::now().date_naive()).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct IndicatorBody {
    name: String,
    definition: String,
    /// percent, hours, days, count or score (ignored for a computed indicator).
    #[serde(default)]
    measure: String,
    /// up (higher is better) or down (ignored for a computed indicator).
    #[serde(default)]
    direction: String,
    disaggregation: Option<String>,
    baseline: Option<f64>,
    target: Option<f64>,
    /// monthly, quarterly, twice_a_year or yearly (computed ones are quarterly).
    #[serde(default)]
    frequency: String,
    /// What Tandem computes: alert_response_median_hours, alert_response_p90_hours,
    /// alerts_answered_before_due, commitments_kept_on_time, verified_violations or
    /// referrals_answered.
    computed: Option<String>,
}

/// Add an indicator (coordinators)
#[utoipa::path(post, path = "/scorecards/{id}/indicators", tag = "monitoring", params(("id" = String, Path)),
    request_body = IndicatorBody, responses((status = 201, description = "Added", body = Indicator)))]
async fn add_indicator(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<IndicatorBody>,
) -> Result<(StatusCode, Json<Indicator>), ApiError> {
    let input = IndicatorInput {
        name: b.name,
        definition: b.definition,
        measure: b.measure,
        direction: b.direction,
        disaggregation: b.disaggregation,
        baseline: b.baseline.map(|v| v.to_string()),
        target: b.target.map(|v| v.to_string()),
        frequency: b.frequency,
        computed: b.computed,
    };
    Ok((StatusCode::CREATED, Json(svc::add_indicator(&state, &who.actor(), &id, &input).await?)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SurveyEstimateBody {
    survey: String,
    question: String,
    /// The answer whose share is the value.
    value: String,
    by: Option<String>,
    /// `all` (the default) or a value of `by`.
    group: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MeasurementBody {
    /// YYYY-MM-DD, not in the future.
    measured_on: String,
    /// Required unless `from_survey` gives it.
    value: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    /// Where the number comes from.
    source: String,
    /// Where the proof is.
    evidence: Option<String>,
    /// Take the value and its 95% interval (in percent) from a survey's estimate.
    from_survey: Option<SurveyEstimateBody>,
}

/// Record a measurement of an indicator (coordinators; not for a computed indicator)
#[utoipa::path(post, path = "/indicators/{id}/measurements", tag = "monitoring", params(("id" = String, Path)),
    request_body = MeasurementBody, responses((status = 201, description = "Recorded", body = Measurement)))]
async fn add_measurement(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<MeasurementBody>,
) -> Result<(StatusCode, Json<Measurement>), ApiError> {
    let s = b.from_survey;
    let input = MeasurementInput {
        measured_on: b.measured_on,
        value: b.value.map(|v| v.to_string()),
        ci_low: b.ci_low.map(|v| v.to_string()),
        ci_high: b.ci_high.map(|v| v.to_string()),
        source: b.source,
        evidence: b.evidence,
        survey: s.as_ref().map(|s| s.survey.clone()),
        question: s.as_ref().map(|s| s.question.clone()),
        answer: s.as_ref().map(|s| s.value.clone()),
        by: s.as_ref().and_then(|s| s.by.clone()),
        group: s.as_ref().and_then(|s| s.group.clone()),
    };
    Ok((StatusCode::CREATED, Json(svc::add_measurement(&state, &who.actor(), &id, &input).await?)))
}

/// Take a recorded measurement back (coordinators of the keeping organisation): how a wrong
/// number is corrected; the audit trail keeps it
#[utoipa::path(delete, path = "/measurements/{id}", tag = "monitoring", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn remove_measurement(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    svc::remove_measurement(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PublishBody {
    published: bool,
}

/// Make the scorecard public, or take it back (coordinators of the keeping organisation)
#[utoipa::path(post, path = "/scorecards/{id}/publish", tag = "monitoring", params(("id" = String, Path)),
    request_body = PublishBody, responses((status = 200, description = "Done", body = Scorecard)))]
async fn publish(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<PublishBody>,
) -> Result<Json<Scorecard>, ApiError> {
    Ok(Json(svc::publish(&state, &who.actor(), &id, b.published).await?))
}

#[derive(Serialize, ToSchema)]
struct PublicScorecards {
    scorecards: Vec<PublicEntry>,
}

#[derive(Serialize, ToSchema)]
struct PublicEntry {
    id: String,
    unit: String,
    kept_by: String,
    area_name: String,
}

/// The published scorecards (no sign-in)
#[utoipa::path(get, path = "/public/scorecards", tag = "monitoring", security(()),
    responses((status = 200, description = "Published scorecards", body = PublicScorecards)))]
async fn public_list(State(state): State<AppState>) -> Result<Json<PublicScorecards>, ApiError> {
    let scorecards = svc::published(&state)
        .await?
        .into_iter()
        .map(|s| PublicEntry { id: s.id, unit: s.unit_name, kept_by: s.org_name, area_name: s.area_name })
        .collect();
    Ok(Json(PublicScorecards { scorecards }))
}

/// A published scorecard (no sign-in): counts under disclosure control, shares only on enough
/// records, violations only for quarters released to the public
#[utoipa::path(get, path = "/public/scorecards/{id}", tag = "monitoring", security(()), params(("id" = String, Path)),
    responses((status = 200, description = "The scorecard", body = PublicScorecard)))]
async fn public_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PublicScorecard>, ApiError> {
    Ok(Json(svc::public(&state, &id, Utc::now().date_naive()).await?))
}
