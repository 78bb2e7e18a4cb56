//! The referral directory: anyone finds services that need no police by area, kind and
//! language; coordinators list their organisation's and remove them.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::directory::ServiceInput;
use tandem_store::Service;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::directory::{self as svc, Wanted};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(find, add)).routes(routes!(remove))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct FindQuery {
    /// Where the person is (an area code): services listed for it or for an area it lies in.
    area: Option<String>,
    /// `psychosocial_support`, `family_counselling`, `legal_aid`, `gbv_shelter`,
    /// `exit_reintegration` or `hotline`.
    kind: Option<String>,
    /// A language the service is offered in (`en`, `fr`, `ar`, or as listed).
    language: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Services {
    services: Vec<Service>,
}

/// Services that need no police (public), by kind then name
#[utoipa::path(get, path = "/services", tag = "directory", security(()), params(FindQuery),
    responses((status = 200, description = "Services", body = Services)))]
async fn find(State(state): State<AppState>, q: QueryResult<FindQuery>) -> Result<Json<Services>, ApiError> {
    let q = paging::query(q)?;
    let w = Wanted { area: q.area, kind: q.kind, language: q.language };
    Ok(Json(Services { services: svc::find(&state, &w).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewServiceBody {
    name: String,
    kind: String,
    description: String,
    /// Area codes it serves (each with the areas within it).
    areas: Vec<String>,
    languages: Vec<String>,
    /// Who may use it.
    eligibility: String,
    /// How to reach it (public).
    contact: String,
    hours: Option<String>,
}

/// List a service in the organisation's name (coordinators); it is public at once
#[utoipa::path(post, path = "/services", tag = "directory", request_body = NewServiceBody,
    responses((status = 201, description = "Listed", body = Service)))]
async fn add(
    State(state): State<AppState>,
    who: Can<perm::ListServices>,
    ApiJson(b): ApiJson<NewServiceBody>,
) -> Result<(StatusCode, Json<Service>), ApiError> {
    let input = ServiceInput {
        name: b.name,
        kind: b.kind,
        description: b.description,
        areas: b.areas,
        languages: b.languages,
        eligibility: b.eligibility,
        contact: b.contact,
        hours: b.hours.unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(svc::add(&state, &who.actor(), &input).await?)))
}

/// Remove one of the organisation's listings (coordinators)
#[utoipa::path(delete, path = "/services/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn remove(
    State(state): State<AppState>,
    who: Can<perm::ListServices>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    svc::remove(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
