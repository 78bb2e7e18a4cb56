//! The registry, the capacity map and the funding register: anyone reads what the
//! organisations listed (visitors the public profiles, people of any organisation on the
//! platform those shared with members too); coordinators keep their organisation's profile,
//! endorse others and record grants, one by one or as an IATI activity file.
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::funding::GrantInput;
use tandem_domain::registry::{Gaps, ProfileInput};
use tandem_store::{Endorsement, Grant, Profile};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiBody, ApiError, ApiJson};
use crate::extract::{perm, Can, Viewer};
use crate::registry::capacity::{self, Line};
use crate::registry::{self as svc, funding, Entry};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(save_profile))
        .routes(routes!(capacity_lines))
        .routes(routes!(gaps))
        .routes(routes!(one))
        .routes(routes!(endorse))
        .routes(routes!(revoke))
        .routes(routes!(grants, add_grant))
        .routes(routes!(export_iati))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(import_iati))
                .layer(axum::extract::DefaultBodyLimit::max(crate::registry::iati::MAX_BYTES)),
        )
        .routes(routes!(remove_grant))
}

#[derive(Serialize, ToSchema)]
struct Organisations {
    organisations: Vec<Entry>,
}

/// The organisations listed in the registry that the caller may see, by name
#[utoipa::path(get, path = "/registry", tag = "registry", security(()),
    responses((status = 200, description = "Organisations", body = Organisations)))]
async fn list(State(state): State<AppState>, viewer: Viewer) -> Result<Json<Organisations>, ApiError> {
    Ok(Json(Organisations { organisations: svc::list(&state, viewer.org()).await? }))
}

/// One organisation's profile, self-assessment and endorsements; 404 where it is not listed
/// for the caller
#[utoipa::path(get, path = "/registry/{org}", tag = "registry", security(()), params(("org" = String, Path)),
    responses((status = 200, description = "The organisation", body = Entry)))]
async fn one(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(org): Path<String>,
) -> Result<Json<Entry>, ApiError> {
    Ok(Json(svc::one(&state, viewer.org(), &org).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ProfileBody {
    mission: String,
    /// Area codes where it works (each with the areas within it).
    areas: Vec<String>,
    /// Joint activities of the wheel: `capacity_building`, `assessment`, `planning`,
    /// `implementation`, `monitoring`.
    #[serde(default)]
    activities: Vec<String>,
    #[serde(default)]
    constituencies: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    contact: Option<String>,
    /// `public` (anyone), `members` (people of organisations on this platform) or `hidden`.
    visibility: String,
    /// Better Peace core values claimed: `non_violence`, `human_rights`, `gender_sensitivity`,
    /// `independence`, `inclusion`.
    #[serde(default)]
    values: Vec<String>,
    /// `ground_realities`, `representing_women`, `aid_livelihoods`, `armed_groups`,
    /// `community_security`, `mediation`, `social_cohesion`, `justice`, `resources`.
    #[serde(default)]
    competencies: Vec<String>,
    /// `on_the_ground`, `feedback`, `mobilise`, `diverse`.
    #[serde(default)]
    constituency: Vec<String>,
}

/// Write the organisation's profile and self-assessment (coordinators)
#[utoipa::path(put, path = "/registry/profile", tag = "registry", request_body = ProfileBody,
    responses((status = 200, description = "Saved", body = Profile)))]
async fn save_profile(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ApiJson(b): ApiJson<ProfileBody>,
) -> Result<Json<Profile>, ApiError> {
    let input = ProfileInput {
        mission: b.mission,
        areas: b.areas,
        activities: b.activities,
        constituencies: b.constituencies,
        languages: b.languages,
        contact: b.contact.unwrap_or_default(),
        visibility: b.visibility,
        values: b.values,
        competencies: b.competencies,
        constituency: b.constituency,
    };
    Ok(Json(svc::save_profile(&state, &who.actor(), &input).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct EndorseBody {
    /// Why the organisation vouches for it (optional).
    #[serde(default)]
    note: Option<String>,
}

/// Endorse a listed organisation in one's organisation's name (coordinators); 409 while it
/// already does
#[utoipa::path(post, path = "/registry/{org}/endorsements", tag = "registry", params(("org" = String, Path)),
    request_body = EndorseBody, responses((status = 201, description = "Endorsed", body = Endorsement)))]
async fn endorse(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    Path(org): Path<String>,
    ApiJson(b): ApiJson<EndorseBody>,
) -> Result<(StatusCode, Json<Endorsement>), ApiError> {
    let e = svc::endorse(&state, &who.actor(), &org, b.note.as_deref().unwrap_or_default()).await?;
    Ok((StatusCode::CREATED, Json(e)))
}

/// Withdraw an endorsement the organisation gave (coordinators)
#[utoipa::path(post, path = "/registry/endorsements/{id}/revoke", tag = "registry", params(("id" = String, Path)),
    responses((status = 200, description = "Revoked", body = Endorsement)))]
async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    Path(id): Path<String>,
) -> Result<Json<Endorsement>, ApiError> {
    Ok(Json(svc::revoke(&state, &who.actor(), &id).await?))
}

#[derive(Serialize, ToSchema)]
struct CapacityLines {
    lines: Vec<Line>,
}

/// Who does what, where and when (4W), from the listed organisations' profiles, forums,
/// trainings and funded programmes
#[utoipa::path(get, path = "/registry/capacity", tag = "registry", security(()),
    responses((status = 200, description = "The 4W lines", body = CapacityLines)))]
async fn capacity_lines(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<CapacityLines>, ApiError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let facts = capacity::facts(&state, viewer.org()).await?;
    Ok(Json(CapacityLines { lines: capacity::lines(&cfg, &facts, Utc::now().date_naive()) }))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct GapsQuery {
    /// An area code: the activities no one does there.
    area: Option<String>,
}

/// The gaps: finest areas with no women-led or youth-led organisation present, joint
/// activities no organisation does (in `area`, or anywhere)
#[utoipa::path(get, path = "/registry/gaps", tag = "registry", security(()), params(GapsQuery),
    responses((status = 200, description = "The gaps", body = Gaps)))]
async fn gaps(
    State(state): State<AppState>,
    viewer: Viewer,
    q: QueryResult<GapsQuery>,
) -> Result<Json<Gaps>, ApiError> {
    let q = paging::query(q)?;
    let facts = capacity::facts(&state, viewer.org()).await?;
    Ok(Json(capacity::gaps(&facts, q.area.as_deref(), Utc::now().date_naive())?))
}

#[derive(Serialize, ToSchema)]
struct Grants {
    grants: Vec<Grant>,
}

/// The funding register: grants of the organisations the caller may see, latest start first
#[utoipa::path(get, path = "/grants", tag = "registry", security(()),
    responses((status = 200, description = "Grants", body = Grants)))]
async fn grants(State(state): State<AppState>, viewer: Viewer) -> Result<Json<Grants>, ApiError> {
    Ok(Json(Grants { grants: funding::list(&state, viewer.org()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct GrantBody {
    funder: String,
    /// The organisation carrying the work out, by name.
    recipient: String,
    title: String,
    /// `under_10k`, `10k_50k`, `50k_250k`, `250k_1m`, `over_1m` (US dollars) or `not_given`.
    band: String,
    /// YYYY-MM-DD.
    start: String,
    end: String,
    areas: Vec<String>,
    #[serde(default)]
    activities: Vec<String>,
    #[serde(default)]
    iati_id: Option<String>,
}

/// Record a grant in the organisation's name (coordinators)
#[utoipa::path(post, path = "/grants", tag = "registry", request_body = GrantBody,
    responses((status = 201, description = "Recorded", body = Grant)))]
async fn add_grant(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ApiJson(b): ApiJson<GrantBody>,
) -> Result<(StatusCode, Json<Grant>), ApiError> {
    let input = GrantInput {
        funder: b.funder,
        recipient: b.recipient,
        title: b.title,
        band: b.band,
        start: b.start,
        end: b.end,
        areas: b.areas,
        activities: b.activities,
        iati_id: b.iati_id.unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(funding::add(&state, &who.actor(), &input).await?)))
}

/// The funding register as an IATI 2.03 activity file
#[utoipa::path(get, path = "/grants/iati", tag = "registry", security(()),
    responses((status = 200, description = "IATI activities", content_type = "application/xml", body = String)))]
async fn export_iati(State(state): State<AppState>, viewer: Viewer) -> Result<impl IntoResponse, ApiError> {
    let xml = funding::export(&state, viewer.org()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"tandem-iati-activities.xml\""),
        ],
        xml,
    ))
}

#[derive(Serialize, ToSchema)]
struct Imported {
    imported: usize,
}

/// Import an IATI activity file (coordinators; all or nothing): each activity becomes a grant
/// in the organisation's name, one imported before (by its identifier) replaced. An error names
/// the line, the activity and the field
#[utoipa::path(post, path = "/grants/iati", tag = "registry",
    request_body(content = String, content_type = "application/xml"),
    responses((status = 201, description = "Imported", body = Imported)))]
async fn import_iati(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ApiBody(body): ApiBody,
) -> Result<(StatusCode, Json<Imported>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(Imported { imported: funding::import(&state, &who.actor(), &body).await? }),
    ))
}

/// Remove a grant the organisation recorded (coordinators)
#[utoipa::path(delete, path = "/grants/{id}", tag = "registry", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn remove_grant(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    funding::remove(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
