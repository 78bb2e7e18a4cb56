//! The storage interface. Every backend implements [`Store`]; every method that touches an
//! organisation's records takes that organisation first, so that no query can forget the scope.
//! `conformance` holds the story test every backend must pass.
#![forbid(unsafe_code)]

pub mod conformance;
mod ew;
mod index;
mod models;
mod protection;
pub mod row;

pub use ew::*;
pub use index::*;
pub use models::*;
pub use protection::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::alert_engine::Obs;
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::index::compute::{CountryResult, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::report::ReportStatus;
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::week::Week;
use tandem_domain::{Email, OrgId, Role, UserId};

/// The one error type of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist *for this caller*: another organisation's record is NotFound too.
    #[error("not found")]
    NotFound,
    /// A unique key would be violated; the message names what clashed.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Anything else: a broken connection, a failed migration. Logged, never shown to users.
    #[error("storage failure: {0}")]
    Other(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Applies the backend's forward-only migrations.
    async fn migrate(&self) -> Result<()>;
    /// Whether the database answers and the schema is current.
    async fn ping(&self) -> Result<()>;

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
    /// Counting (not dismissed) reports of the organisation, optionally only in weeks lo..=hi and
    /// one category.
    async fn alert_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Obs>>;
    /// Counting reports per (category, week) in weeks lo..=hi, aggregated in the database (the
    /// dashboard's series, cheap even over a million reports).
    async fn weekly_counts(&self, org: &OrgId, weeks: (Week, Week)) -> Result<Vec<(String, Week, u32)>>;
    /// Earliest and latest week of the organisation's counting reports.
    async fn week_bounds(&self, org: &OrgId) -> Result<Option<(Week, Week)>>;
    async fn reconcile_alerts(&self, org: &OrgId, plan: AlertPlan<'_>) -> Result<Reconciled>;
    async fn list_alerts(&self, org: &OrgId, filter: &AlertFilter) -> Result<Vec<Alert>>;
    /// Open alerts per area, counted in the database (the dashboard's map).
    async fn open_alert_counts(&self, org: &OrgId) -> Result<Vec<(String, u32)>>;
    /// Counting reports of one cell: `areas` (an area and its descendants), category, week.
    async fn cell_reports(
        &self,
        org: &OrgId,
        areas: &[String],
        category: &str,
        week: Week,
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

    // The prevention index: platform-wide reference data (platform admins; the web layer
    // checks) and editions, public once published.
    /// Adds or updates countries by ISO3, all in one transaction.
    async fn upsert_index_countries(&self, countries: &[IndexCountry], audit: NewAuditEvent)
        -> Result<usize>;
    async fn list_index_countries(&self, with_geometry: bool) -> Result<Vec<IndexCountry>>;
    /// Adds or replaces values by (indicator, country, year), all-or-nothing.
    async fn import_index_values(&self, rows: &[DataPoint], audit: NewAuditEvent) -> Result<usize>;
    /// Every value of a year up to `up_to_year`.
    async fn index_values(&self, up_to_year: i32) -> Result<Vec<DataPoint>>;
    /// Adds or replaces scorecard answers by (item, country, year), all-or-nothing.
    async fn import_scorecard(&self, rows: &[ScorecardEntry], audit: NewAuditEvent) -> Result<usize>;
    async fn scorecard(&self, up_to_year: i32) -> Result<Vec<ScorecardEntry>>;
    /// Replaces the figures of each (country, year) given, all-or-nothing.
    async fn import_incidents(&self, rows: &[IncidentRow], audit: NewAuditEvent) -> Result<usize>;
    /// Incident figures of years lo..=hi.
    async fn incidents(&self, years: (i32, i32)) -> Result<Vec<IncidentRow>>;
    /// Stores a computed edition with its results, replacing a draft of the same name; Conflict
    /// if an edition of that name is published (published editions are immutable).
    async fn save_edition(
        &self,
        e: &NewEdition,
        results: &[CountryResult],
        audit: NewAuditEvent,
    ) -> Result<()>;
    /// NotFound for an unknown edition; Conflict if it is already published.
    async fn publish_edition(&self, name: &str, at: DateTime<Utc>, audit: NewAuditEvent) -> Result<Edition>;
    /// Every edition, newest name first (drafts too: callers filter).
    async fn list_editions(&self) -> Result<Vec<Edition>>;
    async fn get_edition(&self, name: &str) -> Result<Edition>;
    /// The edition's results, ranked countries first by rank, then the unranked by ISO3.
    async fn edition_results(&self, name: &str) -> Result<Vec<CountryResult>>;
    /// A country's score and rank in every published edition, oldest first.
    async fn country_history(&self, iso3: &str) -> Result<Vec<HistoryPoint>>;
}
