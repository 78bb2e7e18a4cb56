//! Invitations to join an organisation: an administrator invites an address, and the person who
//! owns it answers when signed in. Nobody becomes a member of an organisation without saying yes.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{Email, OrgId};

use crate::{Member, Result, User};

#[async_trait]
pub trait InvitationStore: Send + Sync {
    /// Replaces any pending invitation of `org` to the same address. Conflict if the address
    /// already belongs to a member of `org`.
    async fn create_invitation(&self, new: &NewInvitation, audit: NewAuditEvent) -> Result<Invitation>;
    /// `org`'s pending invitations that have not expired, newest first.
    async fn org_invitations(&self, org: &OrgId, now: DateTime<Utc>) -> Result<Vec<Invitation>>;
    /// NotFound unless it is a pending invitation of `org`.
    async fn withdraw_invitation(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;
    /// Pending, unexpired invitations addressed to `email`, newest first.
    async fn invitations_for(&self, email: &Email, now: DateTime<Utc>) -> Result<Vec<Invitation>>;
    /// The pending, unexpired invitation whose link carries the secret hashed to `token_hash`.
    async fn invitation_by_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Invitation>>;
    /// Accepts (adding `user` to the organisation with the invited role) or declines, in one
    /// transaction. NotFound unless the invitation is pending, unexpired and addressed to
    /// `user`'s address; accepting when already a member keeps the current membership.
    async fn answer_invitation(
        &self,
        id: &str,
        user: &User,
        answer: Answer,
        now: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Option<Member>>;
}
