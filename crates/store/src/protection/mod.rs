//! Sharing and protection: sharing agreements, what owners share (verified reports only),
//! sealed secrets and key rotation, protected names, retention, erasure and export.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::protocol::Review;
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};

use crate::{Alert, Report, Response, Result};

#[async_trait]
pub trait ProtectionStore: Send + Sync {
    // Sharing agreements: `org` is the owner for changes, owner or partner for reading.
    /// Conflict if an agreement between the same pair overlaps in time (see
    /// `tandem_domain::sharing::windows_overlap`); NotFound if the partner does not exist.
    async fn create_agreement(
        &self,
        owner: &OrgId,
        new: &NewAgreement,
        audit: NewAuditEvent,
    ) -> Result<Agreement>;
    /// Agreements `org` is a party to, newest first.
    async fn list_agreements(&self, org: &OrgId) -> Result<Vec<Agreement>>;
    async fn get_agreement(&self, org: &OrgId, id: &str) -> Result<Agreement>;
    /// Conflict if already revoked.
    async fn revoke_agreement(
        &self,
        owner: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Agreement>;
    /// Agreements under which `partner` receives data, in force at `at`.
    async fn agreements_for_partner(&self, partner: &OrgId, at: DateTime<Utc>) -> Result<Vec<Agreement>>;

    // What owners share: verified reports only.
    /// Verified reports per (area, category, week) in weeks lo..=hi (all categories if None).
    async fn verified_counts(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
    ) -> Result<Vec<(String, String, Week, u32)>>;
    /// Verified reports in weeks lo..=hi, newest first, at most `limit`.
    async fn verified_reports(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
        limit: i64,
    ) -> Result<Vec<Report>>;
    /// Alerts that their owners assigned to `assignee`, newest first.
    async fn assigned_alerts(&self, assignee: &OrgId, limit: i64) -> Result<Vec<Alert>>;
    /// One alert assigned to `assignee`; NotFound otherwise.
    async fn find_assigned_alert(&self, assignee: &OrgId, id: &str) -> Result<Alert>;

    // Releases of aggregates: each owner's week once, frozen.
    /// The owner's releases of weeks lo..=hi, oldest first.
    async fn releases(&self, owner: &OrgId, weeks: (Week, Week)) -> Result<Vec<Release>>;
    /// Stores `release` unless the week was released already, and returns the week's release as
    /// stored: the first writer wins, so every partner sees the same numbers for good.
    async fn release(&self, owner: &OrgId, release: &Release) -> Result<Release>;

    // Sealed secrets.
    /// The sealed value of `purpose` on record `id` of `org` (reporter contact, SMS sender),
    /// writing `audit` in the same transaction: no reading goes unrecorded.
    async fn read_secret(
        &self,
        org: &OrgId,
        purpose: Purpose,
        id: &str,
        audit: NewAuditEvent,
    ) -> Result<Option<StoredSecret>>;
    /// Every stored value of `purpose` across organisations, ordered by (org, id), after `after`:
    /// for key rotation and for sealing values written before encryption existed.
    async fn secrets_page(
        &self,
        purpose: Purpose,
        after: Option<(String, String)>,
        limit: i64,
    ) -> Result<Vec<StoredSecret>>;
    /// Replaces values that are still as read (same key id), in one transaction; returns how
    /// many changed (a value changed meanwhile is left for the next pass).
    async fn replace_secrets(&self, purpose: Purpose, changes: &[(StoredSecret, Sealed)]) -> Result<u64>;
    /// How many values of each purpose are sealed under each key.
    async fn key_use(&self) -> Result<Vec<KeyUse>>;

    // The protected-names list of an organisation (sealed: they name people at risk).
    async fn add_protected_name(
        &self,
        org: &OrgId,
        id: &str,
        name: &Sealed,
        audit: NewAuditEvent,
    ) -> Result<()>;
    async fn list_protected_names(&self, org: &OrgId) -> Result<Vec<ProtectedName>>;
    async fn remove_protected_name(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;

    // Retention and erasure.
    /// The organisation's retention periods (defaults if never set).
    async fn get_retention(&self, org: &OrgId) -> Result<Retention>;
    async fn set_retention(&self, org: &OrgId, r: Retention, audit: NewAuditEvent) -> Result<()>;

    // Protection protocol reviews (the protocol itself is never stored).
    /// The organisation's last protocol review, if any.
    async fn protocol_review(&self, org: &OrgId) -> Result<Option<Review>>;
    /// Records a review (replacing the last; the audit trail keeps them all).
    async fn record_protocol_review(
        &self,
        org: &OrgId,
        review: Review,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<()>;
    /// Deletes contacts and SMS senders older than `contacts_before` and reports dismissed before
    /// `dismissed_before`, with `audit` (its detail gains the counts), in one transaction.
    async fn purge(
        &self,
        org: &OrgId,
        contacts_before: DateTime<Utc>,
        dismissed_before: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Purged>;
    /// Deletes one report and its alert links, leaving only `audit`; returns what was deleted.
    async fn erase_report(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Report>;

    // Export of an organisation's own data.
    /// Reports ordered by id after `after`, at most `limit`.
    async fn export_reports(&self, org: &OrgId, after: Option<&str>, limit: i64) -> Result<Vec<Report>>;
    /// All responses to the organisation's alerts.
    async fn org_responses(&self, org: &OrgId) -> Result<Vec<Response>>;
}
