//! App users, submissions and their files.
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::seal::SealedBytes;
use tandem_domain::{OrgId, UserId};

use crate::{NewReport, Report};

#[derive(Debug, Clone)]
pub struct NewAppUser {
    pub org_id: OrgId,
    /// Who carries it: a team or a phone ("Kumba market team").
    pub name: String,
    pub form_id: String,
    /// Only the SHA-256 of the token is kept.
    pub token_hash: String,
    /// None when an operator made it from the command line.
    pub created_by: Option<UserId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppUser {
    pub id: String,
    pub org_id: OrgId,
    pub name: String,
    pub form_id: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct NewSubmission {
    /// The form's `meta/instanceID` (`uuid:…`), unique per filled form on the phone.
    pub instance_id: String,
    /// SHA-256 of the instance XML: the same id with another body is a different submission.
    pub body_sha256: String,
    pub app_user_id: Option<String>,
    /// False for the earlier parts of a split upload (`*isIncomplete*`). Once a complete part
    /// has come, re-sends add no more files.
    pub complete: bool,
    /// The most files the submission may hold in all its parts together.
    pub max_files: usize,
    pub report: NewReport,
}

#[derive(Debug, Clone)]
pub struct NewAttachment {
    /// Chosen by the caller: the content is sealed to it before storage.
    pub id: String,
    /// The file name as the phone sent it (the form's answer names it).
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub sealed: SealedBytes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub id: String,
    #[serde(skip)]
    pub org_id: OrgId,
    pub report_id: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

/// What filing a submission did.
#[derive(Debug, Clone, PartialEq)]
pub enum Filed {
    /// A new report, with its files.
    New(Box<Report>),
    /// Seen before with the same body: no new report; `added` files were new.
    Again { report_id: String, added: usize },
}
