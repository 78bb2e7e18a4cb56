//! Identity and access: organisations, users, memberships, sessions and the audit log. Every
//! membership question is asked within one organisation.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::{Email, OrgId, Role, UserId};

use crate::Result;

#[async_trait]
pub trait IdentityStore: Send + Sync {
    // Organisations. Creating and listing them is a platform-admin act; the web layer checks that.
    async fn create_org(&self, new: &NewOrg, audit: NewAuditEvent) -> Result<Org>;
    async fn list_orgs(&self) -> Result<Vec<Org>>;
    async fn get_org(&self, id: &OrgId) -> Result<Org>;
    /// The organisation with this public handle (used by its public intake page).
    async fn find_org_by_slug(&self, slug: &str) -> Result<Org>;

    // Users and their credentials.
    async fn create_user(&self, new: &NewUser, audit: NewAuditEvent) -> Result<User>;
    async fn find_credentials(&self, email: &Email) -> Result<Option<Credentials>>;
    async fn find_user_by_email(&self, email: &Email) -> Result<Option<User>>;

    // Memberships, always within one organisation.
    async fn add_member(
        &self,
        org: &OrgId,
        user: &UserId,
        role: Role,
        audit: NewAuditEvent,
    ) -> Result<Member>;
    async fn set_role(&self, org: &OrgId, user: &UserId, role: Role, audit: NewAuditEvent) -> Result<Member>;
    /// Removes the membership and ends the member's sessions in that organisation.
    async fn remove_member(&self, org: &OrgId, user: &UserId, audit: NewAuditEvent) -> Result<()>;
    async fn list_members(&self, org: &OrgId) -> Result<Vec<Member>>;
    async fn get_member(&self, org: &OrgId, user: &UserId) -> Result<Member>;
    /// The organisations a user belongs to, oldest membership first.
    async fn memberships(&self, user: &UserId) -> Result<Vec<(Org, Role)>>;

    // Sessions: web sign-ins and API tokens, stored by the SHA-256 of the secret.
    async fn create_session(&self, new: &NewSession) -> Result<()>;
    async fn find_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Principal>>;
    /// Returns whether a live session was revoked.
    async fn revoke_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<bool>;

    // The audit log.
    async fn append_audit(&self, ev: NewAuditEvent) -> Result<AuditEvent>;
    /// Events with `seq > after`, in order, at most `limit`.
    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditEvent>>;
    /// The last sequence number and hash recorded at append time, None for an empty log.
    async fn audit_head(&self) -> Result<Option<(i64, String)>>;
    /// The newest events about one organisation, newest first.
    async fn org_audit(&self, org: &OrgId, limit: i64) -> Result<Vec<AuditEvent>>;
}
