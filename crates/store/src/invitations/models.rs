//! What an invitation holds, and the answers to it.
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::{Email, OrgId, OrgKind, Role, UserId};

#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub org_id: OrgId,
    pub email: Email,
    pub role: Role,
    /// Only the SHA-256 of the link's secret is kept.
    pub token_hash: String,
    pub invited_by: UserId,
    pub expires_at: DateTime<Utc>,
}

/// A pending invitation with the organisation it is from, so that the person invited sees who
/// asks (a CSO member must see that it is a police station).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    pub id: String,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub email: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Accept => "accepted",
            Answer::Decline => "declined",
        }
    }
}
