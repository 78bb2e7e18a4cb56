//! The knowledge bank: anyone searches and reads the case studies (they are public); a
//! coordinator adds one in the organisation's name.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::knowledge::CaseStudyInput;
use tandem_store::CaseStudy;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::knowledge::{self as svc, Found};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search, create)).routes(routes!(one, withdraw))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct SearchQuery {
    /// Words to find; in quotes or not, the case studies holding them as a phrase come first,
    /// then those holding all of them, then any. Accents, case and Arabic letter forms do not
    /// matter. Without it, every case study by title.
    q: Option<String>,
    /// `en`, `fr` or `ar`.
    language: Option<String>,
    /// A wheel activity: `capacity_building`, `assessment`, `planning`, `implementation`,
    /// `monitoring`.
    activity: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct CaseStudies {
    case_studies: Vec<Found>,
}

/// Search the knowledge bank (public), best match first, each with a snippet (HTML, the matched
/// words in `<mark>`)
#[utoipa::path(get, path = "/case-studies", tag = "knowledge", security(()), params(SearchQuery),
    responses((status = 200, description = "Case studies", body = CaseStudies)))]
async fn search(
    State(state): State<AppState>,
    q: QueryResult<SearchQuery>,
) -> Result<Json<CaseStudies>, ApiError> {
    let q = paging::query(q)?;
    let filter = svc::filter(q.language.as_deref(), q.activity.as_deref())?;
    let found = svc::search(state.store.as_ref(), q.q.as_deref().unwrap_or_default(), filter, None).await?;
    Ok(Json(CaseStudies { case_studies: found }))
}

/// One case study, its body in markdown (public)
#[utoipa::path(get, path = "/case-studies/{id}", tag = "knowledge", security(()), params(("id" = String, Path)),
    responses((status = 200, description = "The case study", body = CaseStudy)))]
async fn one(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<CaseStudy>, ApiError> {
    Ok(Json(svc::get(state.store.as_ref(), &id).await?))
}

/// Withdraw one of the organisation's case studies (coordinators)
#[utoipa::path(delete, path = "/case-studies/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 204, description = "Withdrawn")))]
async fn withdraw(
    State(state): State<AppState>,
    who: Can<perm::WriteKnowledge>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    svc::withdraw(state.store.as_ref(), &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewCaseStudyBody {
    title: String,
    summary: String,
    /// Markdown; raw HTML is shown as text.
    body: String,
    /// `en`, `fr` or `ar`.
    language: String,
    region: Option<String>,
    actors: Option<Vec<String>>,
    /// Wheel activities it is an example of.
    activities: Option<Vec<String>>,
    tags: Option<Vec<String>>,
}

/// Add a case study in the organisation's name (coordinators); it is public at once
#[utoipa::path(post, path = "/case-studies", tag = "knowledge", request_body = NewCaseStudyBody,
    responses((status = 201, description = "Added", body = CaseStudy)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::WriteKnowledge>,
    ApiJson(b): ApiJson<NewCaseStudyBody>,
) -> Result<(StatusCode, Json<CaseStudy>), ApiError> {
    let input = CaseStudyInput {
        title: b.title,
        summary: b.summary,
        body: b.body,
        language: b.language,
        region: b.region.unwrap_or_default(),
        actors: b.actors.unwrap_or_default(),
        activities: b.activities.unwrap_or_default(),
        tags: b.tags.unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(svc::create(state.store.as_ref(), &who.actor(), &input).await?)))
}
