//! Joint assessments and joint plans recorded in a forum (visible to its member organisations
//! only, like the rest of the forum), each CSO's self-assessment of its operating conditions,
//! and the few reads of other capabilities the wheel view needs for an area.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::joint::{Conditions, CsoRole, PoliceEthos};
use tandem_domain::{OrgId, UserId};

use crate::Result;

/// A joint conflict analysis, with what the papers ask to know before a programme starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssessment {
    pub id: String,
    pub title: String,
    pub held_on: NaiveDate,
    /// The drivers of conflict and insecurity, in markdown.
    pub drivers: String,
    pub actors: Option<String>,
    pub risks: Option<String>,
    pub police_ethos: Option<PoliceEthos>,
    /// Police behaviour as a driver (corruption, abuse), in markdown.
    pub police_conduct: Option<String>,
    /// The baseline measures the programme will be judged against.
    pub baseline: Option<String>,
    pub cso_role: Option<CsoRole>,
    pub context: Option<String>,
    /// The organisations that took part (members of the forum).
    pub took_part: Vec<OrgId>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assessment {
    pub id: String,
    pub forum_id: String,
    pub title: String,
    pub held_on: NaiveDate,
    pub drivers: String,
    pub actors: Option<String>,
    pub risks: Option<String>,
    pub police_ethos: Option<PoliceEthos>,
    pub police_conduct: Option<String>,
    pub baseline: Option<String>,
    pub cso_role: Option<CsoRole>,
    pub context: Option<String>,
    pub took_part: Vec<String>,
    pub recorded_org: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    pub id: String,
    pub title: String,
    pub adopted_on: NaiveDate,
    pub goals: String,
    pub theory_of_change: String,
    /// Commitments of the same forum the plan carries out.
    pub commitments: Vec<String>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    pub id: String,
    pub forum_id: String,
    pub title: String,
    pub adopted_on: NaiveDate,
    pub goals: String,
    pub theory_of_change: String,
    pub commitments: Vec<String>,
    pub recorded_org: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSelfAssessment {
    pub id: String,
    pub assessed_on: NaiveDate,
    pub conditions: Conditions,
    pub note: Option<String>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelfAssessment {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    pub assessed_on: NaiveDate,
    pub conditions: Conditions,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A record of another capability the wheel counts, with its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub id: String,
    pub on: NaiveDate,
    /// The area code, for reports and alerts.
    pub label: String,
}

#[async_trait]
pub trait JointStore: Send + Sync {
    /// NotFound unless `viewer` is a member of the forum; Conflict naming `took_part` when one
    /// of those organisations is not a member.
    async fn add_assessment(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewAssessment,
        audit: NewAuditEvent,
    ) -> Result<Assessment>;
    /// Newest first. NotFound unless `viewer` is a member.
    async fn list_assessments(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Assessment>>;
    /// NotFound unless `viewer` is a member; Conflict naming `commitments` when one is not a
    /// commitment of this forum.
    async fn add_plan(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewPlan,
        audit: NewAuditEvent,
    ) -> Result<Plan>;
    async fn list_plans(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Plan>>;
    /// The organisation's own self-assessment.
    async fn add_self_assessment(
        &self,
        org: &OrgId,
        new: &NewSelfAssessment,
        audit: NewAuditEvent,
    ) -> Result<SelfAssessment>;
    /// The self-assessments of `orgs` (the CSOs sitting in forums with the caller, who agreed to
    /// share them there) made on or after `since`, newest first.
    async fn list_self_assessments(&self, orgs: &[String], since: NaiveDate) -> Result<Vec<SelfAssessment>>;
    /// `viewer`'s reports in `areas` since `since`, newest first, at most `limit`.
    async fn reports_in(
        &self,
        viewer: &OrgId,
        areas: &[String],
        since: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Dated>>;
    /// `viewer`'s alerts in `areas` assigned to a security or government organisation and
    /// answered on or after `since`, dated by the first answer.
    async fn answered_alerts_in(
        &self,
        viewer: &OrgId,
        areas: &[String],
        since: NaiveDate,
    ) -> Result<Vec<Dated>>;
}
