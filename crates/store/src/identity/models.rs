//! Rows the store hands back and the inputs it takes. Values here are already parsed domain types.
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::org::OrgFlags;
use tandem_domain::{Email, OrgId, OrgKind, OrgName, Role, UserId};

#[derive(Debug, Clone)]
pub struct NewOrg {
    pub name: OrgName,
    pub kind: OrgKind,
    pub flags: OrgFlags,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Org {
    pub id: OrgId,
    pub name: String,
    pub slug: String,
    pub kind: OrgKind,
    pub women_led: bool,
    pub youth_led: bool,
    pub minority_led: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    /// An Argon2id PHC string; the store never sees a password.
    pub password_hash: String,
    pub platform_admin: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub platform_admin: bool,
    pub created_at: DateTime<Utc>,
}

/// What sign-in needs; kept apart from [`User`] so the hash is not passed around needlessly.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    pub user_id: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub since: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// A browser sign-in, carried in a cookie, with a CSRF token for its forms.
    Web,
    /// A bearer token for the JSON API.
    Api,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Web => "web",
            SessionKind::Api => "api",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "web" => Some(SessionKind::Web),
            "api" => Some(SessionKind::Api),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: UserId,
    pub org_id: OrgId,
    pub kind: SessionKind,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Who is calling: a live session joined with its user, organisation and current role. A session
/// is bound to one organisation; the role is read afresh so that a demotion takes effect at once.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: User,
    pub org: Org,
    pub role: Role,
    pub kind: SessionKind,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}
