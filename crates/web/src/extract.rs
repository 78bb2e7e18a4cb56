//! Extractors that build on each other: [`CurrentUser`] (signed in) → [`Member`] (acting for one
//! organisation) → [`Can`] (allowed an action by the domain's access rules). A handler states what
//! it needs in its signature; refusals are 401 (not signed in) or 403 (signed in, lacking the
//! role). Records of other organisations are never reached: queries are scoped by
//! `Member::org_id`, so they come back NotFound (404).
use std::marker::PhantomData;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use tandem_domain::access::{Action, Actor};
use tandem_domain::OrgId;
use tandem_store::Principal;

use crate::error::ApiError;
use crate::pages::error::PageError;
use crate::session::Auth;
use crate::AppState;

/// Why an extractor refused: shown as JSON under `/api/`, as the sign-in page (and back) or an
/// error page elsewhere.
pub struct Refusal {
    pub error: ApiError,
    pub is_api: bool,
    pub path: String,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match (&self.error, self.is_api) {
            (_, true) => self.error.into_response(),
            (ApiError::Unauthorized, false) => PageError::SignIn { next: Some(self.path) }.into_response(),
            (_, false) => PageError::from(self.error).into_response(),
        }
    }
}

fn refusal(parts: &Parts, error: ApiError) -> Refusal {
    // Inside the nested API router the URI has lost its `/api/v1` prefix; the original has it.
    let path = parts.extensions.get::<OriginalUri>().map(|u| u.path()).unwrap_or(parts.uri.path()).to_owned();
    Refusal { error, is_api: path.starts_with("/api/"), path }
}

/// The authentication result the session middleware left on the request.
pub fn auth(parts: &Parts) -> Auth {
    parts.extensions.get::<Auth>().cloned().unwrap_or(Auth {
        principal: None,
        via_cookie: false,
        token: None,
        csrf: None,
    })
}

/// Anyone signed in.
pub struct CurrentUser(pub Arc<Principal>);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Refusal> {
        auth(parts).principal.map(CurrentUser).ok_or_else(|| refusal(parts, ApiError::Unauthorized))
    }
}

/// A signed-in member acting for the organisation their session is bound to.
pub struct Member(pub Arc<Principal>);

impl Member {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.0.user.id.clone(),
            org_id: self.0.org.id.clone(),
            role: self.0.role,
            platform_admin: self.0.user.platform_admin,
        }
    }
    pub fn org_id(&self) -> &OrgId {
        &self.0.org.id
    }
}

impl FromRequestParts<AppState> for Member {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Refusal> {
        // Sessions are only found while their membership exists, so a current user is a member.
        CurrentUser::from_request_parts(parts, state).await.map(|c| Member(c.0))
    }
}

/// A permission a route needs, named after a domain [`Action`].
pub trait Permission {
    const ACTION: Action;
}

macro_rules! permissions {
    ($($name:ident),* $(,)?) => {
        $(
            #[doc = concat!("Marker for [`Action::", stringify!($name), "`].")]
            pub struct $name;
            impl Permission for $name {
                const ACTION: Action = Action::$name;
            }
        )*
    };
}

/// Marker types for [`Can`]: `Can<ManageMembers>` in a handler's arguments.
pub mod perm {
    use super::*;
    permissions!(
        ViewSelf,
        ViewOrgDirectory,
        CreateOrg,
        ViewMembers,
        ManageMembers,
        ViewOrgAudit,
        ManageAreas,
        ViewConfig,
        FileReport,
        ViewReports,
        TriageReports,
        RespondToAlert,
        ViewSharing,
        ManageSharing,
        ReadContact,
        ManageFieldTeams,
        EraseReport,
        ManageRetention,
        ExportOrgData,
        DocumentViolation,
        VerifyViolation,
        OpenViolationSecrets,
        AnswerReferral,
        ReviewProtocol,
        ViewForums,
        ManageForums,
        ViewMonitoring,
        ManageMonitoring,
        WriteKnowledge,
        IssueLetters,
        ListServices,
        ManageRegistry,
    );
}

/// A member whom the domain's access rules allow `P`'s action.
pub struct Can<P: Permission> {
    pub member: Member,
    _p: PhantomData<P>,
}

impl<P: Permission> std::ops::Deref for Can<P> {
    type Target = Member;
    fn deref(&self) -> &Member {
        &self.member
    }
}

impl<P: Permission + Send + Sync> FromRequestParts<AppState> for Can<P> {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Refusal> {
        let member = Member::from_request_parts(parts, state).await?;
        member.actor().may(P::ACTION).map_err(|d| refusal(parts, d.into()))?;
        Ok(Can { member, _p: PhantomData })
    }
}

/// The client's address, for throttling only (it is never stored). Behind a trusted reverse proxy
/// the first `X-Forwarded-For` entry is used.
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = Refusal;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Refusal> {
        if state.config.trust_forwarded_for {
            let fwd = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse().ok());
            if let Some(ip) = fwd {
                return Ok(ClientAddr(ip));
            }
        }
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::from([127, 0, 0, 1]));
        Ok(ClientAddr(ip))
    }
}

/// Who is looking, for what is open to anyone but shows more to people of an organisation on
/// the platform (the registry): their organisation, or `None` for a visitor.
pub struct Viewer(pub Option<OrgId>);

impl Viewer {
    pub fn org(&self) -> Option<&OrgId> {
        self.0.as_ref()
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Viewer(auth(parts).principal.map(|p| p.org.id.clone())))
    }
}
