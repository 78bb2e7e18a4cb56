//! Invitations addressed to the caller, and the answer to each. Only the owner of the invited
//! address sees or answers an invitation; anyone else gets 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use tandem_store::{Answer, Invitation, Member};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
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

/// Accept an invitation: the caller becomes a member with the invited role
#[utoipa::path(post, path = "/invitations/{invitation_id}/accept", tag = "organisations",
    params(("invitation_id" = String, Path)), responses((status = 200, description = "Joined", body = Joined)))]
async fn accept(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(invitation_id): Path<String>,
) -> Result<Json<Joined>, ApiError> {
    let member = invitations::answer(&state, &who.0.user, &invitation_id, Answer::Accept)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(Joined { member }))
}

/// Decline an invitation
#[utoipa::path(post, path = "/invitations/{invitation_id}/decline", tag = "organisations",
    params(("invitation_id" = String, Path)), responses((status = 204, description = "Declined")))]
async fn decline(
    State(state): State<AppState>,
    who: CurrentUser,
    Path(invitation_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    invitations::answer(&state, &who.0.user, &invitation_id, Answer::Decline).await?;
    Ok(StatusCode::NO_CONTENT)
}
