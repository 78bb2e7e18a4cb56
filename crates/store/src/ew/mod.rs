//! Early warning: areas and categories (platform-wide configuration), reports, the alert
//! engine's input and output, responses, and SMS intake. Reports and alerts belong to one
//! organisation.
pub mod conformance;
mod models;
mod reconcile;

pub use models::*;
pub use reconcile::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::alert_engine::{Count, Obs};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::{ReportStatus, TrustedChannels};
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};

use crate::Result;

/// One batch of an import, or word from its producer that it stopped (see `import_reports`).
pub type ReportBatch = std::result::Result<Vec<NewReport>, Stopped>;

/// The producer of an import stopped; it holds the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// What an import's last batch says: the producer finished. Without it, a producer that
/// panicked or was dropped half-way would look like a finished file.
pub const FINISHED: ReportBatch = Ok(Vec::new());

#[async_trait]
pub trait EarlyWarningStore: Send + Sync {
    // Areas and categories: platform-wide configuration, shared by every organisation.
    /// Adds areas all-or-nothing (parents before children in the slice). A duplicate code is
    /// Conflict; an unknown parent is NotFound.
    async fn create_areas(&self, areas: &[NewArea], audit: NewAuditEvent) -> Result<usize>;
    async fn list_areas(&self, with_geometry: bool) -> Result<Vec<Area>>;
    async fn list_categories(&self) -> Result<Vec<Category>>;
    /// Adds a deployment's own category (Conflict if the slug exists).
    async fn create_category(&self, c: &Category, audit: NewAuditEvent) -> Result<()>;

    // Reports, owned by one organisation.
    /// Stores reports all-or-nothing (one transaction), returning them in order.
    async fn create_reports(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>>;
    /// Stores an import's reports as they arrive, batch by batch, in one transaction: a file of
    /// any size in bounded memory, all or nothing. A batch of `Err(Stopped)` (the producer found
    /// a bad row) undoes every batch and gives `None`; so does a producer that goes away without
    /// closing. Otherwise the number stored.
    async fn import_reports(
        &self,
        org: &OrgId,
        batches: &mut tokio::sync::mpsc::Receiver<ReportBatch>,
    ) -> Result<Option<usize>>;
    async fn get_report(&self, org: &OrgId, id: &str) -> Result<Report>;
    async fn list_reports(&self, org: &OrgId, filter: &ReportFilter) -> Result<Vec<Report>>;
    /// Moves a report from `from` to `to`; NotFound if it is not (or no longer) in `from`.
    async fn set_report_status(
        &self,
        org: &OrgId,
        id: &str,
        from: ReportStatus,
        to: ReportStatus,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<Report>;

    // The alert engine's input and output.
    /// Counting (not dismissed) reports and verified violations (their series named by
    /// `violation_signal::category`) of the organisation, optionally only in weeks lo..=hi and one
    /// category or violation series.
    async fn alert_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Obs>>;
    /// As `alert_obs`, only the reports at or above `min_severity`: what the threshold rule
    /// reads (an index walk, so a full run does not read every report).
    async fn severe_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
        min_severity: u8,
    ) -> Result<Vec<Obs>>;
    /// What EARS reads: the kept counts of counting reports per (area, category, week, channel,
    /// verified), and verified violations counted the same way, in the weeks and category asked.
    async fn alert_counts(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Count>>;
    /// Counting reports per (category, week) in weeks lo..=hi, aggregated in the database (the
    /// dashboard's series, cheap even over a million reports).
    async fn weekly_counts(&self, org: &OrgId, weeks: (Week, Week)) -> Result<Vec<(String, Week, u32)>>;
    /// Earliest and latest week of the organisation's counting reports and verified violations.
    async fn week_bounds(&self, org: &OrgId) -> Result<Option<(Week, Week)>>;
    /// Every category the full run must visit: those of its kept counts, of its verified
    /// violations (`violation:<act>`) and of its stored alerts (which may need withdrawing).
    async fn alert_categories(&self, org: &OrgId) -> Result<Vec<String>>;
    async fn reconcile_alerts(&self, org: &OrgId, plan: AlertPlan<'_>) -> Result<Reconciled>;
    async fn list_alerts(&self, org: &OrgId, filter: &AlertFilter) -> Result<Vec<Alert>>;
    /// Open alerts per area, counted in the database (the dashboard's map).
    async fn open_alert_counts(&self, org: &OrgId) -> Result<Vec<(String, u32)>>;
    /// Counting reports of one cell: `areas` (an area and its descendants), category, week;
    /// verified, or from a `trusted` channel (see `Obs::vetted`). For a violation series, the
    /// verified violations of the cell.
    async fn cell_reports(
        &self,
        org: &OrgId,
        areas: &[String],
        category: &str,
        week: Week,
        trusted: &TrustedChannels,
    ) -> Result<Vec<String>>;
    /// An alert with the ids of the reports linked to it (threshold alerts keep their list;
    /// an EARS alert's reports are its cell's, see `cell_reports`).
    async fn get_alert(&self, org: &OrgId, id: &str) -> Result<(Alert, Vec<String>)>;
    async fn assign_alert(
        &self,
        org: &OrgId,
        id: &str,
        assignee: &OrgId,
        due_at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Alert>;
    /// Moves an open alert on: acknowledged (it stays open) or closed with an outcome. NotFound
    /// for another organisation's alert; Conflict when it is no longer open, or is acknowledged
    /// already.
    async fn step_alert(
        &self,
        org: &OrgId,
        id: &str,
        by: &UserId,
        step: AlertStep,
        audit: NewAuditEvent,
    ) -> Result<Alert>;
    async fn add_response(
        &self,
        org: &OrgId,
        alert_id: &str,
        new: &NewResponse,
        audit: NewAuditEvent,
    ) -> Result<Response>;
    async fn list_responses(&self, org: &OrgId, alert_id: &str) -> Result<Vec<Response>>;

    // SMS intake.
    /// Registers a gateway for `org` by the SHA-256 of its shared secret; returns its id.
    async fn create_sms_gateway(
        &self,
        org: &OrgId,
        secret_hash: &str,
        audit: NewAuditEvent,
    ) -> Result<String>;
    /// The organisation whose gateway has this secret hash.
    async fn find_sms_gateway(&self, secret_hash: &str) -> Result<Option<OrgId>>;
    async fn add_sms_inbox(&self, org: &OrgId, msg: &NewSmsMessage) -> Result<()>;
    async fn list_sms_inbox(&self, org: &OrgId, limit: i64) -> Result<Vec<SmsMessage>>;
}
