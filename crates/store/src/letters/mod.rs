//! Letters of recognition and invitation: issued by an organisation to another (a CSO), kept
//! with their signature, read by anyone who checks one (the verification page is public), and
//! revoked only by their issuer.
pub mod conformance;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::letter::LetterKind;
use tandem_domain::{OrgId, UserId};

use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct NewLetter {
    pub id: String,
    pub issuer_org: OrgId,
    pub recipient_org: OrgId,
    pub issuer_name: String,
    pub recipient_name: String,
    pub kind: LetterKind,
    pub purpose: String,
    pub addressee: String,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
    pub key_id: String,
    /// Hex.
    pub signature: String,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Letter {
    pub id: String,
    pub issuer_org: String,
    pub recipient_org: String,
    /// The names as the letter was signed with them.
    pub issuer_name: String,
    pub recipient_name: String,
    /// `recognition` or `invitation`.
    pub kind: String,
    pub purpose: String,
    pub addressee: String,
    pub issued_on: NaiveDate,
    pub valid_until: NaiveDate,
    /// The key file's key the signature was made under.
    pub key_id: String,
    /// Ed25519, hex.
    pub signature: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait LetterStore: Send + Sync {
    /// NotFound when the recipient organisation does not exist.
    async fn create_letter(&self, new: &NewLetter, audit: NewAuditEvent) -> Result<Letter>;
    /// The letters `org` issued or received, newest first.
    async fn letters(&self, org: &OrgId) -> Result<Vec<Letter>>;
    /// Any letter, for its verification (public).
    async fn letter(&self, id: &str) -> Result<Letter>;
    /// NotFound unless `org` issued it; Conflict when it is revoked already.
    async fn revoke_letter(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Letter>;
}
