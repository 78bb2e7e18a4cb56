//! Members of the caller's organisation: list (coordinators and admins), invite, change role and
//! remove (admins), and the invitations waiting for an answer. Another organisation's members
//! and invitations are never reachable: 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::Role;
use tandem_store::{Invitation, Member};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::actions;
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::invitations;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(update, remove))
        .routes(routes!(pending))
        .routes(routes!(withdraw))
}

#[derive(Serialize, ToSchema)]
struct Members {
    members: Vec<Member>,
}

/// Members of the caller's organisation (coordinators)
#[utoipa::path(get, path = "/members", tag = "organisations", responses((status = 200, description = "The members", body = Members)))]
async fn list(State(state): State<AppState>, who: Can<perm::ViewMembers>) -> Result<Json<Members>, ApiError> {
    Ok(Json(Members { members: state.store.list_members(who.org_id()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewMember {
    #[schema(min_length = 1)]
    email: String,
    #[schema(value_type = Role)]
    role: String,
}

#[derive(Serialize, ToSchema)]
struct Invited {
    invitation: Invitation,
    /// The link to pass on to the person (shown once). With it someone new to Tandem creates
    /// an account and joins; someone with an account can also answer after signing in.
    link: String,
}

/// Invite someone to join (admins)
///
/// Nobody becomes a member without accepting. The answer is the same whether or not the address
/// has an account.
#[utoipa::path(post, path = "/members", tag = "organisations", request_body = NewMember,
    responses((status = 202, description = "Invited; a member once they accept", body = Invited)))]
async fn add(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ApiJson(b): ApiJson<NewMember>,
) -> Result<(StatusCode, Json<Invited>), ApiError> {
    let made = invitations::invite(&state, &who.actor(), &b.email, &b.role).await?;
    Ok((StatusCode::ACCEPTED, Json(Invited { invitation: made.invitation, link: made.link })))
}

#[derive(Serialize, ToSchema)]
struct Invitations {
    invitations: Vec<Invitation>,
}

/// Invitations of the caller's organisation waiting for an answer (admins)
#[utoipa::path(get, path = "/members/invitations", tag = "organisations",
    responses((status = 200, description = "Pending invitations", body = Invitations)))]
async fn pending(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
) -> Result<Json<Invitations>, ApiError> {
    Ok(Json(Invitations { invitations: invitations::pending(&state, &who.actor()).await? }))
}

/// Withdraw an invitation (admins)
#[utoipa::path(delete, path = "/members/invitations/{invitation_id}", tag = "organisations",
    params(("invitation_id" = String, Path)), responses((status = 204, description = "Withdrawn")))]
async fn withdraw(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(invitation_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    invitations::withdraw(&state, &who.actor(), &invitation_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MemberRole {
    #[schema(value_type = Role)]
    role: String,
}

/// Change a member's role (admins)
#[utoipa::path(patch, path = "/members/{user_id}", tag = "organisations", params(("user_id" = String, Path)),
    request_body = MemberRole, responses((status = 200, description = "Changed", body = Member)))]
async fn update(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(user_id): Path<String>,
    ApiJson(b): ApiJson<MemberRole>,
) -> Result<Json<Member>, ApiError> {
    Ok(Json(actions::set_role(&state, &who.actor(), &user_id, &b.role).await?))
}

/// Remove a member (admins)
#[utoipa::path(delete, path = "/members/{user_id}", tag = "organisations", params(("user_id" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn remove(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(user_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    actions::remove_member(&state, &who.actor(), &user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
