//! Joint trainings recorded in a forum: a topic, the trainer organisation, who took part as
//! counts, and the participants' self-assessments before and after. Visible to the forum's
//! member organisations only, like the rest of the forum.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::training::{ScorePair, Trainees};
use tandem_domain::{OrgId, UserId};

use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct NewTraining {
    pub id: String,
    pub topic: String,
    pub held_on: NaiveDate,
    /// The organisation that gave it: any organisation on Tandem (a women's group training the
    /// police need not sit in the forum).
    pub trainer_org: OrgId,
    pub participants: Vec<Trainees>,
    pub scores: Vec<ScorePair>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Training {
    pub id: String,
    pub forum_id: String,
    pub topic: String,
    pub held_on: NaiveDate,
    pub trainer_org: String,
    pub trainer_name: String,
    pub participants: Vec<Trainees>,
    pub scores: Vec<ScorePair>,
    pub recorded_org: String,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait TrainingStore: Send + Sync {
    /// A training recorded by a member organisation: NotFound unless `viewer` is a member of
    /// the forum; Conflict naming `trainer_org` for an organisation that does not exist.
    async fn add_training(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewTraining,
        audit: NewAuditEvent,
    ) -> Result<Training>;
    /// The forum's trainings, newest first. NotFound unless `viewer` is a member.
    async fn list_trainings(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Training>>;
}
