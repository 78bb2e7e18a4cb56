//! Members of the caller's organisation: list (coordinators and admins), add, change role and
//! remove (admins). Another organisation's members are never reachable: 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tandem_domain::Role;
use tandem_store::Member;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::actions::{self, MemberInput};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, add)).routes(routes!(update, remove))
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
    display_name: Option<String>,
    /// Needed only when no account has this address yet.
    #[schema(value_type = Option<String>)]
    password: Option<SecretString>,
}

/// Add a member (admins)
#[utoipa::path(post, path = "/members", tag = "organisations", request_body = NewMember,
    responses((status = 201, description = "Added", body = Member)))]
async fn add(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ApiJson(b): ApiJson<NewMember>,
) -> Result<(StatusCode, Json<Member>), ApiError> {
    let input = MemberInput {
        email: &b.email,
        display_name: b.display_name.as_deref(),
        role: &b.role,
        password: b.password,
    };
    let m = actions::add_member(&state, &who.actor(), input).await?;
    Ok((StatusCode::CREATED, Json(m)))
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
