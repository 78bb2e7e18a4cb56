//! The prevention index: platform-wide reference data (platform admins; the web layer checks)
//! and editions, public once published.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::compute::{CountryResult, DataPoint, IncidentRow, ScorecardEntry};

use crate::Result;

#[async_trait]
pub trait IndexStore: Send + Sync {
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
