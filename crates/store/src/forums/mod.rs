//! Forums (the standing dialogue mechanisms of the coordination wheel), their meetings and the
//! commitments agreed in them. A forum's records belong to all its member organisations: every
//! read takes the viewing organisation and finds nothing (NotFound) in a forum it is not a
//! member of.
pub mod conformance;
mod joint;
mod models;
pub mod rows;
mod trainings;

pub use joint::*;
pub use trainings::*;

pub use models::*;

use async_trait::async_trait;
use chrono::DateTime;
use chrono::Utc;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{OrgId, UserId};

use crate::Result;

#[async_trait]
pub trait ForumStore: Send + Sync {
    /// A forum convened by `convener`, a member with the organisations `new` names. NotFound for
    /// an unknown member organisation; Conflict naming an unknown area.
    async fn create_forum(&self, convener: &OrgId, new: &NewForum, audit: NewAuditEvent) -> Result<Forum>;
    /// The forums `viewer` is a member of, newest first.
    async fn list_forums(&self, viewer: &OrgId) -> Result<Vec<Forum>>;
    /// NotFound unless `viewer` is a member.
    async fn get_forum(&self, viewer: &OrgId, id: &str) -> Result<Forum>;
    /// Adds a member organisation; only the convener may (NotFound for anyone else, and for an
    /// unknown organisation). Adding a member twice changes nothing.
    async fn add_forum_member(
        &self,
        convener: &OrgId,
        forum: &str,
        org: &OrgId,
        audit: NewAuditEvent,
    ) -> Result<Forum>;
    /// A meeting recorded by a member organisation. NotFound unless `viewer` is a member.
    async fn add_meeting(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewMeeting,
        audit: NewAuditEvent,
    ) -> Result<Meeting>;
    /// The forum's meetings, newest first. NotFound unless `viewer` is a member.
    async fn list_meetings(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Meeting>>;
    /// A commitment agreed in a forum `viewer` is a member of (NotFound otherwise), owned by a
    /// member organisation (Conflict naming `owner_org` otherwise), at one of its meetings
    /// (Conflict naming `meeting` otherwise).
    async fn create_commitment(
        &self,
        viewer: &OrgId,
        new: &NewCommitment,
        audit: NewAuditEvent,
    ) -> Result<Commitment>;
    /// NotFound unless `viewer` is a member of its forum.
    async fn get_commitment(&self, viewer: &OrgId, id: &str) -> Result<Commitment>;
    /// Commitments of the forums `viewer` is a member of.
    async fn list_commitments(&self, viewer: &OrgId, filter: &CommitmentFilter) -> Result<Vec<Commitment>>;
    /// A step by the owner organisation (NotFound for a member that is not the owner, as for
    /// anyone else), repeating the rule in the update: Conflict unless the commitment may take
    /// that step from where it stands.
    async fn step_commitment(
        &self,
        owner: &OrgId,
        id: &str,
        step: &CommitmentStep,
        audit: NewAuditEvent,
    ) -> Result<Commitment>;
    /// The second key: a member organisation other than the owner confirms it done. NotFound
    /// unless `viewer` is a member; Conflict when it is the owner, the commitment is not done,
    /// or it was confirmed already.
    async fn confirm_commitment(
        &self,
        viewer: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Commitment>;
}
