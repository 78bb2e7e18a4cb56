//! Row models for forums, their meetings and the commitments agreed in them.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::forum::{Cadence, CommitmentStatus, ForumKind, Participants};
use tandem_domain::{OrgId, OrgKind, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewForum {
    pub id: String,
    pub name: String,
    pub area: String,
    pub kind: ForumKind,
    pub cadence: Cadence,
    /// The terms of reference, in markdown.
    pub terms: Option<String>,
    /// The other member organisations (the convener is a member without being named here).
    pub members: Vec<OrgId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForumMember {
    pub org_id: String,
    pub name: String,
    pub kind: OrgKind,
    pub joined_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Forum {
    pub id: String,
    /// The organisation that convenes it: the one that adds members.
    pub convener_org: String,
    pub name: String,
    pub area: String,
    pub kind: ForumKind,
    pub cadence: Cadence,
    pub terms: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Every member organisation, the convener first.
    pub members: Vec<ForumMember>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub id: String,
    pub held_on: NaiveDate,
    pub agenda: Option<String>,
    /// The minutes, in markdown.
    pub minutes: Option<String>,
    pub participants: Vec<Participants>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
    pub id: String,
    pub forum_id: String,
    pub held_on: NaiveDate,
    pub agenda: Option<String>,
    pub minutes: Option<String>,
    pub participants: Vec<Participants>,
    /// The member organisation that recorded it.
    pub recorded_org: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommitment {
    pub id: String,
    pub forum: String,
    /// The meeting it was agreed at, of the same forum.
    pub meeting: Option<String>,
    pub owner: OrgId,
    pub text: String,
    pub due_on: NaiveDate,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commitment {
    pub id: String,
    pub forum_id: String,
    pub forum_name: String,
    pub meeting_id: Option<String>,
    pub owner_org: String,
    pub owner_name: String,
    pub text: String,
    pub due_on: NaiveDate,
    pub status: CommitmentStatus,
    /// What was done (or why it was dropped), and where the proof is.
    pub evidence: Option<String>,
    /// The page of the record that shows it was kept, as its owner opens it (`/reports/…`).
    pub evidence_link: Option<String>,
    pub status_at: Option<DateTime<Utc>>,
    /// The day it was marked done.
    pub done_on: Option<NaiveDate>,
    /// The member organisation that confirmed it done: never its owner.
    pub confirmed_org: Option<String>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub created_org: String,
    pub created_at: DateTime<Utc>,
}

/// A step of a commitment, by its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentStep {
    pub to: CommitmentStatus,
    pub evidence: Option<String>,
    /// Kept unless a new one is given, like the evidence.
    pub link: Option<String>,
    pub by: UserId,
    pub at: DateTime<Utc>,
}

/// Which commitments of the viewer's forums to list, soonest due first.
#[derive(Debug, Clone, Default)]
pub struct CommitmentFilter {
    pub forum: Option<String>,
    pub owner: Option<OrgId>,
    /// Only those still open or in progress whose due day is before this one.
    pub overdue_on: Option<NaiveDate>,
    pub limit: i64,
}
