//! Forums, meetings and commitments as the API and the pages use them: parsing what arrives,
//! turning the store's refusals into errors on the field at fault, and each organisation's
//! commitment keeping. A forum's records are its member organisations'; for anyone else they do
//! not exist (404). Callers have passed the access check already.
use chrono::{Duration, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::forum::{
    self, AgeBand, CommitmentStatus, EvidenceLink, Gender, Keeping, Kept, LinkedKind, Participants,
};
use tandem_domain::{text, InvalidInput, OrgId, OrgKind, Problem};
use tandem_store::{
    Commitment, CommitmentFilter, CommitmentStep, Forum, Meeting, NewCommitment, NewForum, NewMeeting,
    StoreError,
};

use crate::app_error::AppError;
use crate::AppState;

/// A forum as it arrives.
#[derive(Debug, Clone, Default)]
pub struct ForumInput {
    pub name: String,
    pub area: String,
    pub kind: String,
    pub cadence: Option<String>,
    pub terms: Option<String>,
    /// The other member organisations, by id.
    pub members: Vec<String>,
}

/// One line of attendance as it arrives.
#[derive(Debug, Clone, Default)]
pub struct ParticipantsInput {
    pub org_kind: String,
    pub gender: String,
    pub age_band: String,
    pub count: i64,
}

#[derive(Debug, Clone, Default)]
pub struct MeetingInput {
    pub held_on: String,
    pub agenda: Option<String>,
    pub minutes: Option<String>,
    pub participants: Vec<ParticipantsInput>,
}

#[derive(Debug, Clone, Default)]
pub struct CommitmentInput {
    pub forum: String,
    pub owner_org: String,
    pub text: String,
    pub due_on: String,
    pub meeting: Option<String>,
}

fn some(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn date(field: &'static str, raw: &str) -> Result<NaiveDate, InvalidInput> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| InvalidInput::new(field, "must be a date, YYYY-MM-DD"))
}

fn org_id(field: &'static str, raw: &str) -> Result<OrgId, InvalidInput> {
    OrgId::parse(raw.trim())
        .map_err(|_| InvalidInput::new(field, "is not an organisation on Tandem").because(Problem::Unknown))
}

fn new_id() -> String {
    OrgId::new().to_string()
}

pub fn parse_forum(input: &ForumInput) -> Result<NewForum, InvalidInput> {
    let name = text::bounded("name", &input.name, 3, 120)?;
    let area = text::bounded("area", &input.area, 1, 24)?;
    let kind = input.kind.parse()?;
    let cadence = some(&input.cadence).map(str::parse).transpose()?.unwrap_or_default();
    let terms = some(&input.terms).map(|t| text::multiline("terms", t, 1, 20_000)).transpose()?;
    let mut members = vec![];
    for m in &input.members {
        let id = org_id("members", m)?;
        if !members.contains(&id) {
            members.push(id);
        }
    }
    Ok(NewForum { id: new_id(), name, area, kind, cadence, terms, members })
}

pub async fn create_forum(state: &AppState, actor: &Actor, input: &ForumInput) -> Result<Forum, AppError> {
    let mut new = parse_forum(input)?;
    new.members.retain(|m| *m != actor.org_id);
    let ev = NewAuditEvent::new("forum.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.create_forum(&actor.org_id, &new, ev).await {
        Ok(f) => Ok(f),
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("area", "is not a known area").because(Problem::Unknown).into())
        }
        Err(StoreError::NotFound) => Err(InvalidInput::new("members", "is not an organisation on Tandem")
            .because(Problem::Unknown)
            .into()),
        Err(e) => Err(e.into()),
    }
}

pub async fn forums(state: &AppState, actor: &Actor) -> Result<Vec<Forum>, AppError> {
    Ok(state.store.list_forums(&actor.org_id).await?)
}

pub async fn get(state: &AppState, actor: &Actor, id: &str) -> Result<Forum, AppError> {
    Ok(state.store.get_forum(&actor.org_id, id).await?)
}

/// Adds a member organisation (the convener's coordinators). 404 for anyone else; 422 on `org`
/// for an unknown organisation of a forum the caller convenes.
pub async fn add_member(state: &AppState, actor: &Actor, forum: &str, org: &str) -> Result<Forum, AppError> {
    let f = state.store.get_forum(&actor.org_id, forum).await?;
    if f.convener_org != actor.org_id.as_str() {
        return Err(AppError::NotFound);
    }
    let org = org_id("org", org)?;
    let ev = NewAuditEvent::new("forum.member.add")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(forum)
        .detail(serde_json::json!({ "member": org }));
    match state.store.add_forum_member(&actor.org_id, forum, &org, ev).await {
        Err(StoreError::NotFound) => {
            Err(InvalidInput::new("org", "is not an organisation on Tandem").because(Problem::Unknown).into())
        }
        other => Ok(other?),
    }
}

/// Earliest a meeting may have been held: records older than this are history for the minutes.
const EARLIEST_MEETING_DAYS: i64 = 5 * 366;

/// The day something was held (a meeting, a training): a date, not in the future, not more than
/// five years back.
pub(super) fn held_on(raw: &str) -> Result<NaiveDate, InvalidInput> {
    let held_on = date("held_on", raw)?;
    let today = Utc::now().date_naive();
    if held_on > today {
        return Err(InvalidInput::new("held_on", "is in the future: record it once it has taken place")
            .because(Problem::InFuture));
    }
    if held_on < today - Duration::days(EARLIEST_MEETING_DAYS) {
        return Err(InvalidInput::new("held_on", "is more than five years ago").because(Problem::InPast));
    }
    Ok(held_on)
}

pub fn parse_meeting(input: &MeetingInput, by: &tandem_domain::UserId) -> Result<NewMeeting, InvalidInput> {
    let held_on = held_on(&input.held_on)?;
    let agenda = some(&input.agenda).map(|t| text::multiline("agenda", t, 1, 2_000)).transpose()?;
    let minutes = some(&input.minutes).map(|t| text::multiline("minutes", t, 1, 50_000)).transpose()?;
    let mut lines = Vec::with_capacity(input.participants.len());
    for p in &input.participants {
        let count = u32::try_from(p.count).map_err(|_| {
            InvalidInput::new("participants", format!("each count is from 1 to {}", forum::MAX_PER_LINE))
        })?;
        lines.push(Participants {
            org_kind: p.org_kind.trim().parse::<OrgKind>().map_err(|_| {
                InvalidInput::new("participants", format!("{} is not a kind of organisation", p.org_kind))
            })?,
            gender: p.gender.parse::<Gender>().map_err(|e| InvalidInput::new("participants", e.message))?,
            age_band: p
                .age_band
                .parse::<AgeBand>()
                .map_err(|e| InvalidInput::new("participants", e.message))?,
            count,
        });
    }
    let participants = forum::attendance(&lines)?;
    Ok(NewMeeting { id: new_id(), held_on, agenda, minutes, participants, by: by.clone() })
}

pub async fn record_meeting(
    state: &AppState,
    actor: &Actor,
    forum: &str,
    input: &MeetingInput,
) -> Result<Meeting, AppError> {
    // 404 before any 422: a stranger learns nothing of the forum from the form's errors.
    state.store.get_forum(&actor.org_id, forum).await?;
    let new = parse_meeting(input, &actor.user_id)?;
    let ev = NewAuditEvent::new("forum.meeting").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    Ok(state.store.add_meeting(&actor.org_id, forum, &new, ev).await?)
}

pub async fn meetings(state: &AppState, actor: &Actor, forum: &str) -> Result<Vec<Meeting>, AppError> {
    Ok(state.store.list_meetings(&actor.org_id, forum).await?)
}

/// Longest a commitment may have been due already when it is recorded (a meeting written up
/// late), and how far ahead it may be due.
const PAST_DUE_DAYS: i64 = 366;

pub fn parse_commitment(
    input: &CommitmentInput,
    by: &tandem_domain::UserId,
) -> Result<NewCommitment, InvalidInput> {
    let owner = org_id("owner_org", &input.owner_org)?;
    let text = text::multiline("text", &input.text, 3, 1_000)?;
    let due_on = date("due_on", &input.due_on)?;
    let today = Utc::now().date_naive();
    if due_on > today + Duration::days(forum::MAX_DUE_DAYS) {
        return Err(InvalidInput::new("due_on", "is more than two years ahead")
            .because(Problem::TooFarAhead { months: 24 }));
    }
    if due_on < today - Duration::days(PAST_DUE_DAYS) {
        return Err(InvalidInput::new("due_on", "is more than a year ago").because(Problem::InPast));
    }
    let meeting = some(&input.meeting).map(str::to_owned);
    Ok(NewCommitment {
        id: new_id(),
        forum: input.forum.trim().to_owned(),
        meeting,
        owner,
        text,
        due_on,
        by: by.clone(),
    })
}

pub async fn commit(
    state: &AppState,
    actor: &Actor,
    input: &CommitmentInput,
) -> Result<Commitment, AppError> {
    state.store.get_forum(&actor.org_id, input.forum.trim()).await?;
    let new = parse_commitment(input, &actor.user_id)?;
    let ev =
        NewAuditEvent::new("commitment.create").org(&actor.org_id).actor(&actor.user_id).subject(&new.id);
    match state.store.create_commitment(&actor.org_id, &new, ev).await {
        Err(StoreError::Conflict(field)) if field == "meeting" => {
            Err(InvalidInput::new("meeting", "is not a meeting of this forum")
                .because(Problem::Unknown)
                .into())
        }
        Err(StoreError::Conflict(_)) => {
            Err(InvalidInput::new("owner_org", "is not a member organisation of this forum")
                .because(Problem::Unknown)
                .into())
        }
        other => Ok(other?),
    }
}

pub async fn commitments(
    state: &AppState,
    actor: &Actor,
    filter: &CommitmentFilter,
) -> Result<Vec<Commitment>, AppError> {
    Ok(state.store.list_commitments(&actor.org_id, filter).await?)
}

pub async fn commitment(state: &AppState, actor: &Actor, id: &str) -> Result<Commitment, AppError> {
    Ok(state.store.get_commitment(&actor.org_id, id).await?)
}

/// A step by the owner organisation's coordinators. Another member gets 403 (it sees the
/// commitment, so it is not hidden from it); anyone else 404.
pub async fn step(
    state: &AppState,
    actor: &Actor,
    id: &str,
    status: &str,
    evidence: Option<&str>,
    link: Option<&str>,
) -> Result<Commitment, AppError> {
    let c = state.store.get_commitment(&actor.org_id, id).await?;
    let to: CommitmentStatus = status.parse()?;
    let evidence = forum::step_evidence(to, evidence)?;
    if c.owner_org != actor.org_id.as_str() {
        return Err(AppError::Forbidden);
    }
    let link = match link.map(EvidenceLink::parse).transpose()?.flatten() {
        Some(l) => Some(linked_path(state, actor, &l).await?),
        None => None,
    };
    if !c.status.may_become(to) {
        return Err(AppError::Conflict(format!(
            "the commitment is {} and cannot become {}",
            c.status.as_str(),
            to.as_str()
        )));
    }
    let step = CommitmentStep { to, evidence, link, by: actor.user_id.clone(), at: Utc::now() };
    let ev = NewAuditEvent::new("commitment.step")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(serde_json::json!({ "to": to.as_str() }));
    Ok(state.store.step_commitment(&actor.org_id, id, &step, ev).await?)
}

/// Where the owner opens the record its evidence links to: 422 on the link unless the owner's
/// organisation can open it (its own report, alert or violation, an alert assigned to it, a
/// violation referred to it), so that a link never points at what the owner could not show.
async fn linked_path(state: &AppState, actor: &Actor, l: &EvidenceLink) -> Result<String, AppError> {
    let org = &actor.org_id;
    let store = state.store.as_ref();
    let (opens, referral) = match l.kind {
        LinkedKind::Report => (store.get_report(org, &l.id).await.is_ok(), false),
        LinkedKind::Alert if l.shared => {
            (crate::protection::shared::alert(state, org, &l.id).await.is_ok(), false)
        }
        LinkedKind::Alert => (store.get_alert(org, &l.id).await.is_ok(), false),
        LinkedKind::Violation => match store.get_violation(org, &l.id).await {
            Ok(_) => (true, false),
            Err(_) => (store.referral_owner(org, &l.id).await.is_ok(), true),
        },
    };
    if !opens {
        return Err(InvalidInput::new("evidence_link", "is not a record your organisation can open")
            .because(Problem::CannotOpen)
            .into());
    }
    Ok(l.path(referral))
}

/// The second key, by a coordinator of another member organisation: its owner gets 409.
pub async fn confirm(state: &AppState, actor: &Actor, id: &str) -> Result<Commitment, AppError> {
    let c = state.store.get_commitment(&actor.org_id, id).await?;
    if c.owner_org == actor.org_id.as_str() {
        return Err(AppError::Conflict(
            "another member organisation confirms a commitment, never its owner".into(),
        ));
    }
    let ev = NewAuditEvent::new("commitment.confirm").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.confirm_commitment(&actor.org_id, id, &actor.user_id, Utc::now(), ev).await?)
}

/// An organisation's keeping, with its name.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KeepingView {
    pub org_id: String,
    pub org_name: String,
    pub due: u32,
    pub kept_on_time: u32,
    pub overdue: u32,
    /// kept on time ÷ due; absent when nothing was due yet.
    pub rate: Option<f64>,
}

/// The keeping of every organisation owning commitments in the caller's forums (of one forum,
/// if given), on `today`.
pub async fn keeping(
    state: &AppState,
    actor: &Actor,
    forum: Option<&str>,
    today: NaiveDate,
) -> Result<Vec<KeepingView>, AppError> {
    let filter = CommitmentFilter { forum: forum.map(str::to_owned), limit: 2_000, ..Default::default() };
    let all = state.store.list_commitments(&actor.org_id, &filter).await?;
    Ok(keeping_of(&all, today))
}

/// Each owner's keeping among `all` on `today`, with its name.
pub fn keeping_of(all: &[Commitment], today: NaiveDate) -> Vec<KeepingView> {
    let names: std::collections::BTreeMap<&str, &str> =
        all.iter().map(|c| (c.owner_org.as_str(), c.owner_name.as_str())).collect();
    let kept: Vec<Kept> = all
        .iter()
        .map(|c| Kept {
            owner: c.owner_org.clone(),
            due_on: c.due_on,
            status: c.status,
            done_on: c.done_on,
            confirmed: c.confirmed_org.is_some(),
        })
        .collect();
    forum::keeping(&kept, today)
        .into_iter()
        .map(|k: Keeping| KeepingView {
            org_name: names.get(k.org.as_str()).map(|s| (*s).to_owned()).unwrap_or_default(),
            rate: k.rate(),
            org_id: k.org,
            due: k.due,
            kept_on_time: k.kept_on_time,
            overdue: k.overdue,
        })
        .collect()
}
