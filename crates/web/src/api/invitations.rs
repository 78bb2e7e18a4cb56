//! Invitations addressed to the caller, and the answer to each. Only the owner of the invited
//! address sees an invitation, and answering needs its link too; anyone else gets 404.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_store::{Answer, Invitation, Member};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::CurrentUser;
use crate::invitations;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mine)).routes(routes!(accept)).routes(routes!(decline))
}

#[derive(Serialize, ToSchema)]
struct Invitations {
    invitations: Vec<Invitation>,
}

/// Invitations waiting for the caller's answer
#[utoipa::path(get, path = "/invitations", tag = "organisations",
    responses((status = 200, description = "Invitations addressed to the caller", body = Invitations)))]
async fn mine(State(state): State<AppState>, who: CurrentUser) -> Result<Json<Invitations>, ApiError> {
    Ok(Json(Invitations { invitations: invitations::mine(&state, &who.0).await? }))
}

#[derive(Serialize, ToSchema)]
struct Joined {
    member: Member,
}

/// The link an invitation came with (its last part, `tdi_…`): the proof that it reached its
/// person, asked for in the body so that it stays out of logs.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ByLink {
    #[schema(example = "tdi_4f1c…")]
    token: String,
}

/// Accept an invitation with its link: the caller becomes a member with the invited role
#[utoipa::path(post, path = "/invitations/accept", tag = "organisations", request_body = ByLink,
    responses((status = 200, description = "Joined", body = Joined),
        (status = 404, description = "No such link for the caller, or answered, withdrawn or expired")))]
async fn accept(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(b): ApiJson<ByLink>,
) -> Result<Json<Joined>, ApiError> {
    let member = invitations::answer(&state, &who.0.user, &b.token, Answer::Accept)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Joined { member }))
}

/// Decline an invitation with its link
#[utoipa::path(post, path = "/invitations/decline", tag = "organisations", request_body = ByLink,
    responses((status = 204, description = "Declined"),
        (status = 404, description = "No such link for the caller, or answered, withdrawn or expired")))]
async fn decline(
    State(state): State<AppState>,
    who: CurrentUser,
    ApiJson(b): ApiJson<ByLink>,
) -> Result<StatusCode, ApiError> {
    invitations::answer(&state, &who.0.user, &b.token, Answer::Decline).await?;
    Ok(StatusCode::NO_CONTENT)
}
