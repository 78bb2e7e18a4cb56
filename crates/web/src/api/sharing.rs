//! Sharing agreements: `POST /sharing-agreements` and `POST /sharing-agreements/{id}/revoke`
//! (the owner's coordinators), `GET /sharing-agreements` and `GET /sharing-agreements/{id}`
//! (either party). A third organisation gets 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::area::AreaLevel;
use tandem_domain::sharing::{RecordKind, ShareMode};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::protection::agreements::{self, AgreementInput, AgreementView};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create)).routes(routes!(show)).routes(routes!(revoke))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewAgreement {
    /// The partner organisation's id.
    #[schema(min_length = 1)]
    partner_org: String,
    #[schema(value_type = ShareMode)]
    mode: String,
    /// The level shared locations are coarsened to.
    #[schema(value_type = AreaLevel)]
    area_level: String,
    /// The smallest count shown: smaller cells are suppressed.
    #[schema(minimum = 3, maximum = 100)]
    k: Option<i64>,
    /// Category slugs; every category when empty.
    #[serde(default)]
    categories: Vec<String>,
    /// What the agreement covers; reports and alerts when empty. Violations are shared only when
    /// named.
    #[serde(default)]
    #[schema(value_type = Vec<RecordKind>)]
    kinds: Vec<String>,
    valid_from: Option<String>,
    valid_to: Option<String>,
}

/// Make an agreement (the owner's coordinators)
#[utoipa::path(post, path = "/sharing-agreements", tag = "sharing", request_body = NewAgreement,
    responses((status = 201, description = "In force from its start", body = AgreementView)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    ApiJson(b): ApiJson<NewAgreement>,
) -> Result<(StatusCode, Json<AgreementView>), ApiError> {
    let input = AgreementInput {
        partner_org: b.partner_org,
        mode: b.mode,
        area_level: b.area_level,
        k: b.k,
        categories: b.categories,
        kinds: b.kinds,
        valid_from: b.valid_from,
        valid_to: b.valid_to,
    };
    let a = agreements::create(&state, &who.actor(), input).await?;
    Ok((StatusCode::CREATED, Json(agreements::view(&a, who.org_id(), Utc::now()))))
}

#[derive(Serialize, ToSchema)]
struct Agreements {
    agreements: Vec<AgreementView>,
}

/// Agreements the organisation is a party to
#[utoipa::path(get, path = "/sharing-agreements", tag = "sharing",
    responses((status = 200, description = "Newest first", body = Agreements)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
) -> Result<Json<Agreements>, ApiError> {
    let now = Utc::now();
    let list = state.store.list_agreements(who.org_id()).await?;
    Ok(Json(Agreements { agreements: list.iter().map(|a| agreements::view(a, who.org_id(), now)).collect() }))
}

/// One agreement (either party)
#[utoipa::path(get, path = "/sharing-agreements/{id}", tag = "sharing", params(("id" = String, Path)),
    responses((status = 200, description = "The agreement", body = AgreementView)))]
async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    Path(id): Path<String>,
) -> Result<Json<AgreementView>, ApiError> {
    let a = state.store.get_agreement(who.org_id(), &id).await?;
    Ok(Json(agreements::view(&a, who.org_id(), Utc::now())))
}

/// Revoke at once (the owner's coordinators)
#[utoipa::path(post, path = "/sharing-agreements/{id}/revoke", tag = "sharing", params(("id" = String, Path)),
    responses((status = 200, description = "Revoked", body = AgreementView)))]
async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageSharing>,
    Path(id): Path<String>,
) -> Result<Json<AgreementView>, ApiError> {
    let a = agreements::revoke(&state, &who.actor(), &id).await?;
    Ok(Json(agreements::view(&a, who.org_id(), Utc::now())))
}
