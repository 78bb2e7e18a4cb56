//! Field collection as ODK Central does it: app users (a token per organisation and form that
//! phones carry, good only for the form and its submissions), submissions recorded by their
//! `instanceID` so a re-sent one never becomes a second report, and the files that come with
//! them, sealed like every other secret.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::seal::SealedBytes;
use tandem_domain::OrgId;

use crate::Result;

#[async_trait]
pub trait FieldStore: Send + Sync {
    async fn create_app_user(&self, new: &NewAppUser, audit: NewAuditEvent) -> Result<AppUser>;
    /// `org`'s app users, revoked ones included, newest first.
    async fn app_users(&self, org: &OrgId) -> Result<Vec<AppUser>>;
    /// NotFound unless it is a live app user of `org`.
    async fn revoke_app_user(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;
    /// The live app user whose token hashes to `token_hash`.
    async fn app_user_by_token(&self, token_hash: &str) -> Result<Option<AppUser>>;

    /// Files a submission in one transaction. A new `instance_id` becomes its report with its
    /// files; the same `instance_id` with the same body files no report and adds only the files
    /// not yet received, while the submission is incomplete (the next part of a split upload),
    /// its report still exists (not erased) and it holds fewer than `max_files`; the same
    /// `instance_id` with another body is a Conflict. Nothing is written on error.
    async fn file_submission(
        &self,
        org: &OrgId,
        new: &NewSubmission,
        files: &[NewAttachment],
        audit: NewAuditEvent,
    ) -> Result<Filed>;
    /// The files of one of `org`'s reports, in the order they arrived.
    async fn attachments(&self, org: &OrgId, report: &str) -> Result<Vec<Attachment>>;
    /// One file with its sealed content; NotFound for another organisation's.
    async fn attachment(&self, org: &OrgId, report: &str, id: &str) -> Result<(Attachment, SealedBytes)>;
    /// Sealed files after `after` (organisation and id), at most `limit`, for re-encryption.
    async fn attachment_seals(
        &self,
        after: Option<(String, String)>,
        limit: i64,
    ) -> Result<Vec<(Attachment, SealedBytes)>>;
    /// Replaces the seals of these files; returns how many changed.
    async fn replace_attachment_seals(&self, changes: &[(Attachment, SealedBytes)]) -> Result<u64>;
}
