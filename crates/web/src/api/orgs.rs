//! Organisations: the directory (`GET /api/v1/orgs`, any member) and creation
//! (`POST /api/v1/orgs`, platform admins).
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::org::OrgFlags;
use tandem_domain::{OrgId, OrgKind};
use tandem_store::Org;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::actions::{self, OrgInput};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create)).routes(routes!(show))
}

#[derive(Serialize, ToSchema)]
struct Orgs {
    orgs: Vec<Org>,
}

#[derive(Serialize, ToSchema)]
struct OneOrg {
    org: Org,
}

/// The directory of organisations
#[utoipa::path(get, path = "/orgs", tag = "organisations", responses((status = 200, description = "Every organisation", body = Orgs)))]
async fn list(
    State(state): State<AppState>,
    _who: Can<perm::ViewOrgDirectory>,
) -> Result<Json<Orgs>, ApiError> {
    Ok(Json(Orgs { orgs: state.store.list_orgs().await? }))
}

/// One organisation
#[utoipa::path(get, path = "/orgs/{id}", tag = "organisations", params(("id" = String, Path)),
    responses((status = 200, description = "The organisation", body = OneOrg)))]
async fn show(
    State(state): State<AppState>,
    _who: Can<perm::ViewOrgDirectory>,
    Path(id): Path<String>,
) -> Result<Json<OneOrg>, ApiError> {
    let id = OrgId::parse(&id).map_err(|_| ApiError::NotFound)?;
    Ok(Json(OneOrg { org: state.store.get_org(&id).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewOrg {
    #[schema(min_length = 1)]
    name: String,
    #[schema(value_type = OrgKind)]
    kind: String,
    #[serde(default)]
    women_led: bool,
    #[serde(default)]
    youth_led: bool,
    #[serde(default)]
    minority_led: bool,
}

/// Create an organisation (platform admins)
#[utoipa::path(post, path = "/orgs", tag = "organisations", request_body = NewOrg,
    responses((status = 201, description = "Created", body = Org)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::CreateOrg>,
    ApiJson(b): ApiJson<NewOrg>,
) -> Result<(StatusCode, Json<Org>), ApiError> {
    let flags = OrgFlags { women_led: b.women_led, youth_led: b.youth_led, minority_led: b.minority_led };
    let org =
        actions::create_org(&state, &who.actor(), OrgInput { name: &b.name, kind: &b.kind, flags }).await?;
    Ok((StatusCode::CREATED, Json(org)))
}
