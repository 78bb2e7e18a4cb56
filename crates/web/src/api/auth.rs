//! Sign-in and sign-out over the API: `POST /api/v1/auth/login` returns a bearer token,
//! `POST /api/v1/auth/logout` revokes the token it is called with.
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tandem_domain::{OrgId, OrgKind, Role, UserId};
use tandem_store::SessionKind;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{sign_in, sign_out, SignIn};
use crate::error::{ApiError, ApiJson};
use crate::extract::{ClientAddr, CurrentUser};
use crate::session::Auth;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(login)).routes(routes!(logout))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct LoginBody {
    #[schema(min_length = 1)]
    email: String,
    #[schema(value_type = String, min_length = 1)]
    password: SecretString,
    /// Which of the user's organisations to act for; the first membership when absent.
    org: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Login {
    /// The bearer token: shown once, stored only as its hash.
    token: String,
    expires_at: DateTime<Utc>,
    user: LoginUser,
    org: LoginOrg,
    role: Role,
}

#[derive(Serialize, ToSchema)]
struct LoginUser {
    id: UserId,
    email: String,
}

#[derive(Serialize, ToSchema)]
struct LoginOrg {
    id: OrgId,
    name: String,
    kind: OrgKind,
}

/// Sign in; returns a bearer token
#[utoipa::path(post, path = "/auth/login", tag = "sign-in", security(()), request_body = LoginBody,
    responses((status = 200, description = "Signed in", body = Login)))]
async fn login(
    axum::extract::State(state): axum::extract::State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<Json<Login>, ApiError> {
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
    Ok(Json(Login {
        token,
        expires_at: p.expires_at,
        user: LoginUser { id: p.user.id.clone(), email: p.user.email.clone() },
        org: LoginOrg { id: p.org.id.clone(), name: p.org.name.clone(), kind: p.org.kind },
        role: p.role,
    }))
}

/// Revoke the token used
#[utoipa::path(post, path = "/auth/logout", tag = "sign-in",
    responses((status = 204, description = "Signed out")))]
async fn logout(
    axum::extract::State(state): axum::extract::State<AppState>,
    user: CurrentUser,
    axum::Extension(auth): axum::Extension<Auth>,
) -> Result<StatusCode, ApiError> {
    let token = auth.token.ok_or(ApiError::Unauthorized)?;
    sign_out(&state, &token, &user.0).await?;
    Ok(StatusCode::NO_CONTENT)
}
