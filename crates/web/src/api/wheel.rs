//! The wheel view of an area or a forum, the forum's joint assessments and plans, and a CSO's
//! self-assessment of its operating conditions. Any member reads; coordinators record. A forum
//! the caller's organisation is not a member of is 404, and so is everything in it.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_store::{Assessment, Plan, SelfAssessment};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::wheel::joint::{self, AssessmentInput, PlanInput};
use crate::wheel::view::{self, WheelView};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(area_wheel))
        .routes(routes!(forum_wheel))
        .routes(routes!(assessments, assess))
        .routes(routes!(plans, plan))
        .routes(routes!(self_assessments, self_assess))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct WheelQuery {
    /// The area's P-code: the wheel counts it and every area below it.
    area: String,
}

/// The wheel of an area as the caller sees it: the five activities in the last twelve months,
/// the ownership level, wide, systematic and deep with their evidence, and the trend
#[utoipa::path(get, path = "/wheel", tag = "wheel", params(WheelQuery),
    responses((status = 200, description = "The wheel", body = WheelView)))]
async fn area_wheel(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    q: QueryResult<WheelQuery>,
) -> Result<Json<WheelView>, ApiError> {
    let q = paging::query(q)?;
    Ok(Json(view::for_area(&state, &who.actor(), &q.area, Utc::now().date_naive()).await?))
}

/// The wheel of one forum, from its own records
#[utoipa::path(get, path = "/forums/{id}/wheel", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "The forum's wheel", body = WheelView)))]
async fn forum_wheel(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<WheelView>, ApiError> {
    Ok(Json(view::for_forum(&state, &who.actor(), &id, Utc::now().date_naive()).await?))
}

#[derive(Serialize, ToSchema)]
struct Assessments {
    assessments: Vec<Assessment>,
}

/// The forum's joint assessments, newest first
#[utoipa::path(get, path = "/forums/{id}/assessments", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "Joint assessments", body = Assessments)))]
async fn assessments(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Assessments>, ApiError> {
    Ok(Json(Assessments { assessments: joint::assessments(&state, &who.actor(), &id).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AssessmentBody {
    title: String,
    /// YYYY-MM-DD, not in the future.
    held_on: String,
    /// The drivers of conflict and insecurity, in markdown.
    drivers: String,
    actors: Option<String>,
    risks: Option<String>,
    /// protects_state, protects_citizens or mixed.
    police_ethos: Option<String>,
    /// Police behaviour as a driver (corruption, abuse).
    police_conduct: Option<String>,
    /// The baseline measures.
    baseline: Option<String>,
    /// contractor, collaborator, consultant or opposition.
    cso_role: Option<String>,
    context: Option<String>,
    /// The member organisations that took part, by id.
    #[serde(default)]
    took_part: Vec<String>,
}

/// Record a joint assessment (coordinators of a member organisation)
#[utoipa::path(post, path = "/forums/{id}/assessments", tag = "wheel", params(("id" = String, Path)),
    request_body = AssessmentBody, responses((status = 201, description = "Recorded", body = Assessment)))]
async fn assess(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AssessmentBody>,
) -> Result<(StatusCode, Json<Assessment>), ApiError> {
    let input = AssessmentInput {
        title: b.title,
        held_on: b.held_on,
        drivers: b.drivers,
        actors: b.actors,
        risks: b.risks,
        police_ethos: b.police_ethos,
        police_conduct: b.police_conduct,
        baseline: b.baseline,
        cso_role: b.cso_role,
        context: b.context,
        took_part: b.took_part,
    };
    Ok((StatusCode::CREATED, Json(joint::assess(&state, &who.actor(), &id, &input).await?)))
}

#[derive(Serialize, ToSchema)]
struct Plans {
    plans: Vec<Plan>,
}

/// The forum's joint plans, newest first
#[utoipa::path(get, path = "/forums/{id}/plans", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "Joint plans", body = Plans)))]
async fn plans(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Plans>, ApiError> {
    Ok(Json(Plans { plans: joint::plans(&state, &who.actor(), &id).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PlanBody {
    title: String,
    /// YYYY-MM-DD, not in the future.
    adopted_on: String,
    goals: String,
    theory_of_change: String,
    /// Commitments of this forum the plan carries out, by id.
    #[serde(default)]
    commitments: Vec<String>,
}

/// Record a joint plan (coordinators of a member organisation)
#[utoipa::path(post, path = "/forums/{id}/plans", tag = "wheel", params(("id" = String, Path)),
    request_body = PlanBody, responses((status = 201, description = "Recorded", body = Plan)))]
async fn plan(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<PlanBody>,
) -> Result<(StatusCode, Json<Plan>), ApiError> {
    let input = PlanInput {
        title: b.title,
        adopted_on: b.adopted_on,
        goals: b.goals,
        theory_of_change: b.theory_of_change,
        commitments: b.commitments,
    };
    Ok((StatusCode::CREATED, Json(joint::plan(&state, &who.actor(), &id, &input).await?)))
}

#[derive(Serialize, ToSchema)]
struct SelfAssessments {
    self_assessments: Vec<SelfAssessment>,
}

/// The caller's organisation's self-assessments, newest first
#[utoipa::path(get, path = "/self-assessments", tag = "wheel",
    responses((status = 200, description = "Self-assessments", body = SelfAssessments)))]
async fn self_assessments(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
) -> Result<Json<SelfAssessments>, ApiError> {
    Ok(Json(SelfAssessments { self_assessments: joint::self_assessments(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SelfAssessmentBody {
    /// YYYY-MM-DD, not in the future.
    assessed_on: String,
    /// Each 1 (not at all) to 5 (fully).
    empowered: i64,
    independent: i64,
    distinct: i64,
    accepted: i64,
    free: i64,
    note: Option<String>,
}

/// Record the organisation's self-assessment of its five operating conditions (coordinators of
/// a civil-society organisation); members of the forums it sits in see it in the wheel
#[utoipa::path(post, path = "/self-assessments", tag = "wheel", request_body = SelfAssessmentBody,
    responses((status = 201, description = "Recorded", body = SelfAssessment)))]
async fn self_assess(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ApiJson(b): ApiJson<SelfAssessmentBody>,
) -> Result<(StatusCode, Json<SelfAssessment>), ApiError> {
    let scores = [b.empowered, b.independent, b.distinct, b.accepted, b.free];
    let made = joint::self_assess(&state, &who.actor(), &b.assessed_on, scores, &b.note).await?;
    Ok((StatusCode::CREATED, Json(made)))
}
