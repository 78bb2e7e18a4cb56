//! Sign-in and sign-out over the API: `POST /api/v1/auth/login` returns a bearer token,
//! `POST /api/v1/auth/logout` revokes the token it is called with.
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::post;
use axum::{Json, Router};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::json;
use tandem_store::SessionKind;

use crate::auth::{sign_in, sign_out, SignIn};
use crate::error::{ApiError, ApiJson};
use crate::extract::{ClientAddr, CurrentUser};
use crate::session::Auth;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/auth/login", post(login)).route("/auth/logout", post(logout))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Login {
    email: String,
    password: SecretString,
    /// Which of the user's organisations to act for; the first membership when absent.
    org: Option<String>,
}

async fn login(
    axum::extract::State(state): axum::extract::State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(body): ApiJson<Login>,
) -> Result<impl IntoResponse, ApiError> {
    let (token, p) = sign_in(
        &state,
        SignIn {
            email: &body.email,
            password: body.password,
            org: body.org.as_deref(),
            addr,
            kind: SessionKind::Api,
        },
    )
    .await?;
    Ok((
        StatusCode::OK,
        Json(json!({
            "token": token,
            "expires_at": p.expires_at,
            "user": { "id": p.user.id, "email": p.user.email },
            "org": { "id": p.org.id, "name": p.org.name, "kind": p.org.kind },
            "role": p.role,
        })),
    ))
}

async fn logout(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: CurrentUser,
    axum::Extension(auth): axum::Extension<Auth>,
) -> Result<StatusCode, ApiError> {
    let token = auth.token.ok_or(ApiError::Unauthorized)?;
    sign_out(&state, &token, &user.0).await?;
    Ok(StatusCode::NO_CONTENT)
}
