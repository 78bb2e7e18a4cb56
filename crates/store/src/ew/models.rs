//! Row models for early warning: areas, categories, reports, alerts and responses.
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::alert_engine::{AlertMethod, Candidate, Cell};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::report::{CategorySlug, Channel, ReportStatus, Severity};
use tandem_domain::seal::Sealed;
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};

#[derive(Debug, Clone)]
pub struct NewArea {
    pub code: PCode,
    pub name: String,
    pub level: AreaLevel,
    pub parent: Option<PCode>,
    /// GeoJSON geometry (already simplified for drawing), as text.
    pub geometry: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: AreaLevel,
    pub parent_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geometry: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    /// The reference category it maps to, so networks can compare across deployments.
    pub reference: String,
    /// Reports at or above this severity open an alert at once (5: never).
    pub threshold_severity: u8,
    /// Words that name this category in a text message (space-separated, upper case).
    pub keywords: String,
}

/// A text message that could not be filed as a report, waiting for a coordinator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SmsMessage {
    pub id: String,
    pub received_at: DateTime<Utc>,
    /// Whether the sender's number was kept (sealed; coordinators may read it, audited).
    pub has_sender: bool,
    pub body: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct NewReport {
    /// Chosen by the caller, because the reporter's contact is sealed to it before storage.
    pub id: String,
    pub area: PCode,
    pub category: CategorySlug,
    pub severity: Severity,
    pub occurred_at: DateTime<Utc>,
    pub description: String,
    pub channel: Channel,
    /// Sealed (see `tandem_domain::seal`): the store never sees a contact in plain text.
    pub reporter_contact: Option<Sealed>,
    /// The member who filed it; None for anonymous intake.
    pub created_by: Option<UserId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub id: String,
    pub org_id: String,
    pub area: String,
    pub category: String,
    pub severity: u8,
    pub occurred_at: DateTime<Utc>,
    pub week: Week,
    pub description: String,
    pub channel: String,
    pub has_reporter_contact: bool,
    pub status: ReportStatus,
    pub status_by: Option<String>,
    pub status_at: Option<DateTime<Utc>>,
    /// When it was verified: it then counts in shared aggregates, also once closed.
    pub verified_at: Option<DateTime<Utc>>,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl Report {
    /// The report as stored from `new` at `created_at`: what a backend hands back after an insert.
    pub fn new_from(org: &OrgId, new: &NewReport, created_at: DateTime<Utc>) -> Self {
        Report {
            id: new.id.clone(),
            org_id: org.to_string(),
            area: new.area.to_string(),
            category: new.category.as_str().to_owned(),
            severity: new.severity.get(),
            occurred_at: new.occurred_at,
            week: Week::of(new.occurred_at),
            description: new.description.clone(),
            channel: new.channel.as_str().to_owned(),
            has_reporter_contact: new.reporter_contact.is_some(),
            status: ReportStatus::New,
            status_by: None,
            status_at: None,
            verified_at: None,
            created_by: new.created_by.as_ref().map(|u| u.to_string()),
            created_at,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub area: Option<String>,
    pub category: Option<String>,
    pub status: Option<ReportStatus>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: i64,
    /// Rows skipped before the first returned, for paging through a list (newest first).
    pub offset: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alert {
    pub id: String,
    pub org_id: String,
    pub area: String,
    pub category: String,
    pub week: Week,
    pub method: AlertMethod,
    pub version: String,
    pub observed: u32,
    pub baseline_mean: Option<f64>,
    pub baseline_sd: Option<f64>,
    pub statistic: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::alert_status))]
    pub status: String,
    pub assigned_org_id: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    /// The count when the alert was first assigned (what the assignee is shown, frozen).
    pub shared_count: Option<u32>,
    /// When a coordinator said they are on it; the alert stays open.
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// Who acknowledged it (a user id of the organisation).
    pub acknowledged_by: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    /// How it ended, once closed: resolved, false_alarm or no_longer_relevant.
    pub outcome: Option<String>,
    /// Raised by imported event data alone (none of the organisation's own reports among those
    /// observed): listed apart from the alerts of its own reports.
    pub from_event_data: bool,
}

impl Alert {
    /// What grouping alerts into episodes needs of this one.
    pub fn episode_key(&self) -> tandem_domain::episodes::AlertKey<'_> {
        tandem_domain::episodes::AlertKey {
            area: &self.area,
            category: &self.category,
            week: self.week,
            method: self.method,
            observed: self.observed,
            baseline_mean: self.baseline_mean,
            handed: self.assigned_org_id.is_some(),
        }
    }
}

/// The step a coordinator takes with an open alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertStep {
    Acknowledge,
    Close(tandem_domain::alert_engine::AlertOutcome),
}

#[derive(Debug, Clone, Default)]
pub struct AlertFilter {
    pub status: Option<String>,
    /// Only open alerts whose due time is before this instant.
    pub overdue_at: Option<DateTime<Utc>>,
    /// Only alerts raised by imported event data alone (true), or only the others (false).
    pub from_event_data: Option<bool>,
    pub limit: i64,
}

/// What a reconciliation changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reconciled {
    pub opened: Vec<String>,
    /// How many of `opened` each method (`threshold`, `c1`, `c2`, `c3`) opened.
    pub opened_by_method: std::collections::BTreeMap<String, usize>,
    pub updated: usize,
    pub withdrawn: usize,
}

impl Reconciled {
    /// Adds another reconciliation's changes to these.
    pub fn absorb(&mut self, r: Reconciled) {
        self.opened.extend(r.opened);
        for (m, n) in r.opened_by_method {
            *self.opened_by_method.entry(m).or_default() += n;
        }
        self.updated += r.updated;
        self.withdrawn += r.withdrawn;
    }
}

/// The alerts to reconcile with the store: those in `scope` (None: all of the organisation's)
/// become exactly `candidates`; an open alert no longer called for is withdrawn.
pub struct AlertPlan<'a> {
    pub scope: Option<&'a std::collections::BTreeSet<Cell>>,
    pub candidates: &'a [Candidate],
    /// Only alerts of this method are reconciled (the threshold rule runs on its own, at once).
    pub only: Option<AlertMethod>,
    /// Only alerts of this category are reconciled: the full run goes one category at a time,
    /// so that memory holds one category's counts and alerts, not all of them.
    pub category: Option<&'a str>,
}

#[derive(Debug, Clone)]
pub struct NewResponse {
    pub responder_org: OrgId,
    pub responder_user: UserId,
    pub action: String,
    pub outcome: String,
    pub responded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Response {
    pub id: String,
    pub alert_id: String,
    pub responder_org_id: String,
    pub responder_user_id: String,
    pub action: String,
    pub outcome: String,
    pub responded_at: DateTime<Utc>,
}

/// A text message held for a coordinator, as it arrives.
#[derive(Debug, Clone)]
pub struct NewSmsMessage {
    pub id: String,
    pub sender: Option<Sealed>,
    pub body: String,
    pub reason: String,
}
