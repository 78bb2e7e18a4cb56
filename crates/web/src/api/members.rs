//! Members of the caller's organisation: list (coordinators and admins), add, change role and
//! remove (admins). Another organisation's members are never reachable: 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::actions::{self, MemberInput};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/members", get(list).post(add))
        .route("/members/{user_id}", patch(update).delete(remove))
}

async fn list(State(state): State<AppState>, who: Can<perm::ViewMembers>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "members": state.store.list_members(who.org_id()).await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddMember {
    email: String,
    role: String,
    display_name: Option<String>,
    password: Option<SecretString>,
}

async fn add(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ApiJson(b): ApiJson<AddMember>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let input = MemberInput {
        email: &b.email,
        display_name: b.display_name.as_deref(),
        role: &b.role,
        password: b.password,
    };
    let m = actions::add_member(&state, &who.actor(), input).await?;
    Ok((StatusCode::CREATED, Json(json!(m))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateMember {
    role: String,
}

async fn update(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(user_id): Path<String>,
    ApiJson(b): ApiJson<UpdateMember>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(actions::set_role(&state, &who.actor(), &user_id, &b.role).await?)))
}

async fn remove(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(user_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    actions::remove_member(&state, &who.actor(), &user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
