//! Reading forums, meetings and commitments from rows, once for every backend.
use chrono::NaiveDate;

use super::{Commitment, Forum, ForumMember, Meeting};
use crate::row::{corrupt, RowRead};
use crate::StoreError;
use tandem_domain::forum::Participants;

type R<T> = Result<T, StoreError>;

/// A day kept as ISO text (`2026-03-01`).
pub fn date(r: &impl RowRead, col: &str) -> R<NaiveDate> {
    NaiveDate::parse_from_str(&r.text(col)?, "%Y-%m-%d").map_err(corrupt)
}

fn opt_date(r: &impl RowRead, col: &str) -> R<Option<NaiveDate>> {
    r.opt_text(col)?.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(corrupt)).transpose()
}

/// The forum's own columns; its members are read apart.
pub fn forum(r: &impl RowRead, members: Vec<ForumMember>) -> R<Forum> {
    Ok(Forum {
        id: r.text("id")?,
        convener_org: r.text("convener_org")?,
        name: r.text("name")?,
        area: r.text("area_code")?,
        kind: r.text("kind")?.parse().map_err(corrupt)?,
        cadence: r.text("cadence")?.parse().map_err(corrupt)?,
        terms: r.opt_text("terms")?,
        created_at: r.time("created_at")?,
        members,
    })
}

pub fn member(r: &impl RowRead) -> R<ForumMember> {
    Ok(ForumMember {
        org_id: r.text("org_id")?,
        name: r.text("name")?,
        kind: r.text("kind")?.parse().map_err(corrupt)?,
        joined_at: r.time("joined_at")?,
    })
}

pub fn participants(r: &impl RowRead) -> R<Participants> {
    Ok(Participants {
        org_kind: r.text("org_kind")?.parse().map_err(corrupt)?,
        gender: r.text("gender")?.parse().map_err(corrupt)?,
        age_band: r.text("age_band")?.parse().map_err(corrupt)?,
        count: u32::try_from(r.int("count")?).map_err(corrupt)?,
    })
}

pub fn meeting(r: &impl RowRead, participants: Vec<Participants>) -> R<Meeting> {
    Ok(Meeting {
        id: r.text("id")?,
        forum_id: r.text("forum_id")?,
        held_on: date(r, "held_on")?,
        agenda: r.opt_text("agenda")?,
        minutes: r.opt_text("minutes")?,
        participants,
        recorded_org: r.text("recorded_org")?,
        created_at: r.time("created_at")?,
    })
}

pub fn commitment(r: &impl RowRead) -> R<Commitment> {
    Ok(Commitment {
        id: r.text("id")?,
        forum_id: r.text("forum_id")?,
        forum_name: r.text("forum_name")?,
        meeting_id: r.opt_text("meeting_id")?,
        owner_org: r.text("owner_org")?,
        owner_name: r.text("owner_name")?,
        text: r.text("text")?,
        due_on: date(r, "due_on")?,
        status: r.text("status")?.parse().map_err(corrupt)?,
        evidence: r.opt_text("evidence")?,
        evidence_link: r.opt_text("evidence_link")?,
        status_at: r.opt_time("status_at")?,
        done_on: opt_date(r, "done_on")?,
        confirmed_org: r.opt_text("confirmed_org")?,
        confirmed_at: r.opt_time("confirmed_at")?,
        created_org: r.text("created_org")?,
        created_at: r.time("created_at")?,
    })
}
