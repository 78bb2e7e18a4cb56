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
    /// Sets (or, with None, removes) the questionnaire served to phones. NotFound unless `org`
    /// keeps the survey.
    async fn set_questionnaire(
        &self,
        org: &OrgId,
        id: &str,
        questionnaire: Option<&str>,
        audit: NewAuditEvent,
    ) -> Result<Survey>;
    /// The questions the survey served under `version` (every questionnaire it has served is
    /// kept), for a form filled offline against them. None when it never served that version,
    /// or `org` does not keep the survey.
    async fn served_questionnaire(&self, org: &OrgId, survey: &str, version: &str) -> Result<Option<String>>;
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

#[async_trait]
pub trait ScorecardStore: Send + Sync {
    /// A scorecard kept by `org` for a unit: Conflict naming `unit_org` when the organisation
    /// keeps one for it already or it does not exist, `area` for an unknown area.
    async fn create_scorecard(
        &self,
        org: &OrgId,
        new: &NewScorecard,
        audit: NewAuditEvent,
    ) -> Result<Scorecard>;
    /// The organisation's scorecards, by unit name.
    async fn list_scorecards(&self, org: &OrgId) -> Result<Vec<Scorecard>>;
    /// NotFound unless `org` keeps it.
    async fn unit_scorecard(&self, org: &OrgId, id: &str) -> Result<ScorecardRecords>;
    /// Every published scorecard, by unit name.
    async fn published_scorecards(&self) -> Result<Vec<Scorecard>>;
    /// NotFound unless it is published.
    async fn published_scorecard(&self, id: &str) -> Result<ScorecardRecords>;
    /// Publishes it (or takes it back). NotFound unless `org` keeps it.
    async fn publish_scorecard(
        &self,
        org: &OrgId,
        id: &str,
        publish: bool,
        audit: NewAuditEvent,
    ) -> Result<Scorecard>;
    /// NotFound unless `org` keeps the scorecard.
    async fn add_indicator(
        &self,
        org: &OrgId,
        scorecard: &str,
        new: &NewIndicator,
        audit: NewAuditEvent,
    ) -> Result<Indicator>;
    /// NotFound unless `org` keeps the indicator's scorecard; Conflict naming `indicator` when
    /// Tandem computes it, `survey` for a survey the organisation does not keep.
    async fn add_measurement(
        &self,
        org: &OrgId,
        indicator: &str,
        new: &NewMeasurement,
        audit: NewAuditEvent,
    ) -> Result<Measurement>;
    /// NotFound unless `org` keeps the indicator's scorecard.
    async fn get_indicator(&self, org: &OrgId, id: &str) -> Result<Indicator>;
    /// Takes a recorded measurement back (a wrong number is corrected by removing it and
    /// recording the right one; the audit trail keeps both). NotFound unless `org` recorded it
    /// on its own scorecard.
    async fn remove_measurement(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Measurement>;
    /// What the computed indicators read about `unit`, from `org`'s own records: its alerts
    /// assigned to the unit (with the unit's first response), the unit's commitments in the
    /// forums `org` is a member of, its verified violations naming the unit as the institution,
    /// and its referrals to the unit.
    async fn unit_records(&self, org: &OrgId, unit: &OrgId) -> Result<tandem_domain::scorecard::UnitRecords>;
}
