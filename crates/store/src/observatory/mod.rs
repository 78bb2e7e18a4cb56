//! The human-rights observatory: violations documented by an organisation, verified by a second
//! coordinator, and the controlled list of act kinds they use.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::violation::{Ending, LinkKind};
use tandem_domain::{OrgId, UserId};

use crate::Result;

#[async_trait]
pub trait ObservatoryStore: Send + Sync {
    /// The act kinds, in their list's order.
    async fn act_kinds(&self) -> Result<Vec<ActKind>>;
    /// Files a violation as `documented`. An unknown area or act kind is a Conflict naming it.
    async fn create_violation(
        &self,
        org: &OrgId,
        new: &NewViolation,
        audit: NewAuditEvent,
    ) -> Result<Violation>;
    /// Files many violations as `documented` in one transaction (an import: all or nothing),
    /// with one audit event. Conflict naming the first unknown area or act kind.
    async fn create_violations(
        &self,
        org: &OrgId,
        new: &[NewViolation],
        audit: NewAuditEvent,
    ) -> Result<usize>;
    /// NotFound for another organisation's violation.
    async fn get_violation(&self, org: &OrgId, id: &str) -> Result<Violation>;
    async fn list_violations(&self, org: &OrgId, filter: &ViolationFilter) -> Result<Vec<Violation>>;
    /// The second key: documented → verified by `by`, in one step that repeats the rules
    /// (still documented, `by` is not who documented it), so that two requests cannot both
    /// verify and the documenter cannot slip in. NotFound for another organisation's; Conflict
    /// when the rules refuse (the service says which).
    async fn verify_violation(
        &self,
        org: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Violation>;
    /// verified → referred. NotFound for another organisation's (or an unknown `to_org`);
    /// Conflict when it is not verified (not yet, or already referred).
    async fn refer_violation(
        &self,
        org: &OrgId,
        id: &str,
        referral: &NewReferral,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Violation>;
    /// referred → responded, with the answer. Conflict unless referred.
    async fn record_violation_response(
        &self,
        org: &OrgId,
        id: &str,
        response: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Violation>;
    /// → remedied (from responded) or closed (from any open step). Conflict otherwise.
    async fn end_violation(
        &self,
        org: &OrgId,
        id: &str,
        ending: Ending,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Violation>;
    /// Links violation `id` to another record of the organisation (a second link is no change).
    /// NotFound when the violation is not the organisation's; Conflict when the target is not
    /// (or is the violation itself).
    async fn link_violation(
        &self,
        org: &OrgId,
        id: &str,
        kind: LinkKind,
        target: &str,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<()>;
    /// Removes a link. NotFound when there is no such link in the organisation.
    async fn unlink_violation(
        &self,
        org: &OrgId,
        id: &str,
        kind: LinkKind,
        target: &str,
        audit: NewAuditEvent,
    ) -> Result<()>;
    /// What record (`kind`, `id`) of the organisation is linked with, both ways, oldest link
    /// first; a link whose other end is gone (a report past its retention) is left out.
    async fn links_of(&self, org: &OrgId, kind: LinkKind, id: &str) -> Result<Vec<LinkedRecord>>;
    /// Records an evidence file already written to the storage folder. NotFound when the
    /// violation is not the organisation's.
    async fn add_evidence(&self, org: &OrgId, evidence: &Evidence, audit: NewAuditEvent) -> Result<Evidence>;
    /// A violation's evidence files, oldest first.
    async fn list_evidence(&self, org: &OrgId, violation: &str) -> Result<Vec<Evidence>>;
    /// One evidence file's record, with `audit` (who opened which copy) written in the same
    /// step: no opening goes unrecorded. NotFound for another organisation's.
    async fn open_evidence(
        &self,
        org: &OrgId,
        violation: &str,
        id: &str,
        audit: NewAuditEvent,
    ) -> Result<Evidence>;
    /// The audit events about `subject` (an evidence file: its chain of custody), oldest first.
    async fn custody(&self, org: &OrgId, subject: &str) -> Result<Vec<AuditEvent>>;
    /// Verified violations of every civil-society organisation whose act fell in `[from, to)`
    /// and which were verified before `verified_before`: (organisation, area code, institution
    /// kind, act, count). For the public statistics, which are suppressed. Security services and
    /// public bodies, whose conduct is monitored, do not count (nor can they add to the counts).
    async fn verified_violation_counts(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        verified_before: DateTime<Utc>,
    ) -> Result<Vec<(String, String, String, String, u32)>>;
    /// The earliest day a verified violation (of any organisation) happened on.
    async fn earliest_verified_violation(&self) -> Result<Option<chrono::NaiveDate>>;
    /// A frozen public release: (k, the master as JSON).
    async fn public_release(&self, dataset: &str, period: &str) -> Result<Option<(u32, String)>>;
    /// Freezes a release unless one is already stored, and returns the one stored (the first
    /// writer wins, so two requests at once publish one edition).
    async fn save_public_release(
        &self,
        dataset: &str,
        period: &str,
        k: u32,
        master: &str,
    ) -> Result<(u32, String)>;
    /// Violations other organisations referred to `to` (an institution on Tandem), answered or
    /// not, the soonest due first.
    async fn referrals_to(&self, to: &OrgId, limit: i64) -> Result<Vec<Violation>>;
    /// The organisation that referred violation `id` to `to`. NotFound unless it was referred to
    /// `to`: the only way another organisation's violation is seen at all.
    async fn referral_owner(&self, to: &OrgId, id: &str) -> Result<OrgId>;
}
