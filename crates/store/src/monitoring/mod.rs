//! Joint monitoring of the security sector: perception surveys (their design columns and the
//! responses imported from KoboToolbox or ODK Central) and, per security unit, a scorecard of
//! indicators and their measurements. A survey and a scorecard belong to the organisation that
//! keeps them: every read takes it, and another organisation's record is NotFound.
pub mod conformance;
mod models;

pub use models::*;

use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;

use crate::Result;

#[async_trait]
pub trait SurveyStore: Send + Sync {
    async fn create_survey(&self, org: &OrgId, new: &NewSurvey, audit: NewAuditEvent) -> Result<Survey>;
    /// The organisation's surveys, newest first.
    async fn list_surveys(&self, org: &OrgId) -> Result<Vec<Survey>>;
    /// NotFound unless `org` keeps it.
    async fn get_survey(&self, org: &OrgId, id: &str) -> Result<Survey>;
    /// Adds a file's responses in one transaction: all of them, or (on any failure) none. A
    /// response whose submission key is stored already is left out and counted apart; the
    /// file's columns join the survey's.
    async fn add_responses(
        &self,
        org: &OrgId,
        survey: &str,
        columns: &[String],
        rows: &[NewSurveyResponse],
        audit: NewAuditEvent,
    ) -> Result<Added>;
    /// For every response, in the order imported, the text of each of `columns` (None where
    /// blank). Rows are read one at a time, so only the asked-for columns are held.
    async fn response_columns(
        &self,
        org: &OrgId,
        survey: &str,
        columns: &[String],
    ) -> Result<Vec<Vec<Option<String>>>>;
}
