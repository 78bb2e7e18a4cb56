//! Perception surveys: coordinators create a survey (its design columns) and import the
//! responses of a KoboToolbox or ODK Central CSV export; any member reads its estimates. Another
//! organisation's survey is 404.
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_store::{Added, Survey};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiBody, ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::monitoring::surveys::{self, Estimates, Question, SurveyInput};
use crate::AppState;

/// The largest export one request may carry: a national survey's tens of thousands of rows.
pub const MAX_EXPORT_BYTES: usize = 48 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(questionnaire))
        .routes(routes!(estimates))
        .merge(OpenApiRouter::new().routes(routes!(import)).layer(DefaultBodyLimit::max(MAX_EXPORT_BYTES)))
}

#[derive(Serialize, ToSchema)]
struct Surveys {
    surveys: Vec<Survey>,
}

/// The organisation's surveys, newest first
#[utoipa::path(get, path = "/surveys", tag = "monitoring", responses((status = 200, description = "Surveys", body = Surveys)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
) -> Result<Json<Surveys>, ApiError> {
    Ok(Json(Surveys { surveys: surveys::list(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewSurveyBody {
    title: String,
    /// The column of each response's weight (group prefixes may be left out: `weight` finds
    /// `group_a/weight`).
    weight: String,
    /// The column of the stratum, when the sample was stratified.
    strata: Option<String>,
    /// The column of the cluster (the primary sampling unit: a village, an enumeration area).
    cluster: Option<String>,
    /// When the round was in the field, YYYY-MM-DD.
    fielded_on: Option<String>,
    /// Questions to serve to phones as an XForm, one a line: `name | question | answers`
    /// (answers `value=label, …`, `number`, `text`, or `= V` for a fixed value); the design
    /// columns must be among them. See docs/surveys.md.
    questionnaire: Option<String>,
}

/// Create a survey from its design columns (coordinators)
#[utoipa::path(post, path = "/surveys", tag = "monitoring", request_body = NewSurveyBody,
    responses((status = 201, description = "Created", body = Survey)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ApiJson(b): ApiJson<NewSurveyBody>,
) -> Result<(StatusCode, Json<Survey>), ApiError> {
    let input = SurveyInput {
        title: b.title,
        weight: b.weight,
        strata: b.strata,
        cluster: b.cluster,
        fielded_on: b.fielded_on,
        questionnaire: b.questionnaire,
    };
    Ok((StatusCode::CREATED, Json(surveys::create(&state, &who.actor(), &input).await?)))
}

/// One survey, with its columns and how many responses it holds
#[utoipa::path(get, path = "/surveys/{id}", tag = "monitoring", params(("id" = String, Path)),
    responses((status = 200, description = "The survey", body = Survey)))]
async fn one(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    Path(id): Path<String>,
) -> Result<Json<Survey>, ApiError> {
    Ok(Json(surveys::get(&state, &who.actor(), &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct QuestionnaireBody {
    /// The questions, one a line (as on creation); null or blank stops serving the survey.
    questionnaire: Option<String>,
}

/// Set the questions the survey serves to phones through the OpenRosa endpoints (coordinators).
/// A line that does not read is refused with its number, and nothing changes
#[utoipa::path(put, path = "/surveys/{id}/questionnaire", tag = "monitoring", params(("id" = String, Path)),
    request_body = QuestionnaireBody,
    responses((status = 200, description = "The survey, with its questionnaire", body = Survey)))]
async fn questionnaire(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<QuestionnaireBody>,
) -> Result<Json<Survey>, ApiError> {
    Ok(Json(surveys::set_questionnaire(&state, &who.actor(), &id, b.questionnaire.as_deref()).await?))
}

/// Import responses from a KoboToolbox or ODK Central CSV export (coordinators; all or
/// nothing): comma or semicolon separated, group-prefixed columns found by their last part. An
/// error names the line and column, and nothing is kept. A submission imported before (by its
/// `_uuid` or `meta/instanceID`) is left out and counted in `already_present`
#[utoipa::path(post, path = "/surveys/{id}/responses", tag = "monitoring", params(("id" = String, Path)),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, description = "Imported", body = Added)))]
async fn import(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    ApiBody(body): ApiBody,
) -> Result<(StatusCode, Json<Added>), ApiError> {
    let a = who.actor();
    Ok((
        StatusCode::CREATED,
        Json(surveys::import(state.store.as_ref(), &a.org_id, Some(&a.user_id), &id, &body).await?),
    ))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct EstimateQuery {
    /// The question's column.
    question: String,
    /// The answer whose share is estimated.
    value: String,
    /// A column to estimate by (gender, age band): each of its answers is a domain of the
    /// whole design.
    by: Option<String>,
    /// `logit` (the default) or `beta` (Korn–Graubard).
    method: Option<String>,
}

/// The weighted share of responses that gave `value` to `question`, overall and by `by`, with
/// Taylor-linearised standard errors and 95% intervals, as R's `survey` package computes them
#[utoipa::path(get, path = "/surveys/{id}/estimates", tag = "monitoring", params(("id" = String, Path), EstimateQuery),
    responses((status = 200, description = "Estimates, `all` first", body = Estimates)))]
async fn estimates(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    Path(id): Path<String>,
    q: QueryResult<EstimateQuery>,
) -> Result<Json<Estimates>, ApiError> {
    let q = paging::query(q)?;
    let question = Question { question: q.question, value: q.value, by: q.by, method: q.method };
    Ok(Json(surveys::estimate(state.store.as_ref(), &who.actor().org_id, &id, &question).await?))
}
