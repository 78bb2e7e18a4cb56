//! Forums, their meetings and the commitments agreed in them. Any member reads its
//! organisation's forums; coordinators convene forums, record meetings, agree commitments, step
//! their own organisation's commitments and confirm others'. A forum the caller's organisation is
//! not a member of is 404, and so is everything in it.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::OrgId;
use tandem_store::{Commitment, CommitmentFilter, Forum, Meeting};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::wheel::forums::{self, CommitmentInput, ForumInput, KeepingView, MeetingInput, ParticipantsInput};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(add_member))
        .routes(routes!(meetings, record_meeting))
        .routes(routes!(trainings, record_training))
        .routes(routes!(commitments, commit))
        .routes(routes!(keeping))
        .routes(routes!(commitment))
        .routes(routes!(step))
        .routes(routes!(confirm))
}

#[derive(Serialize, ToSchema)]
struct Forums {
    forums: Vec<Forum>,
}

/// The forums the caller's organisation is a member of, newest first
#[utoipa::path(get, path = "/forums", tag = "wheel", responses((status = 200, description = "Forums", body = Forums)))]
async fn list(State(state): State<AppState>, who: Can<perm::ViewForums>) -> Result<Json<Forums>, ApiError> {
    Ok(Json(Forums { forums: forums::forums(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewForumBody {
    name: String,
    /// The area's P-code.
    area: String,
    /// community_police, security_committee, safety_audit, high_level_exchange or oversight.
    kind: String,
    /// monthly, quarterly (the default), twice_a_year or as_needed.
    cadence: Option<String>,
    /// Terms of reference, in markdown.
    terms: Option<String>,
    /// The other member organisations, by id (the caller's organisation convenes and is a member).
    #[serde(default)]
    members: Vec<String>,
}

/// Convene a forum (coordinators): the caller's organisation convenes it
#[utoipa::path(post, path = "/forums", tag = "wheel", request_body = NewForumBody,
    responses((status = 201, description = "Convened", body = Forum)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ApiJson(b): ApiJson<NewForumBody>,
) -> Result<(StatusCode, Json<Forum>), ApiError> {
    let input = ForumInput {
        name: b.name,
        area: b.area,
        kind: b.kind,
        cadence: b.cadence,
        terms: b.terms,
        members: b.members,
    };
    Ok((StatusCode::CREATED, Json(forums::create_forum(&state, &who.actor(), &input).await?)))
}

/// One forum, with its member organisations
#[utoipa::path(get, path = "/forums/{id}", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "The forum", body = Forum)))]
async fn one(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Forum>, ApiError> {
    Ok(Json(forums::get(&state, &who.actor(), &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MemberBody {
    /// The organisation's id.
    org: String,
}

/// Add a member organisation (the convener's coordinators)
#[utoipa::path(post, path = "/forums/{id}/members", tag = "wheel", params(("id" = String, Path)), request_body = MemberBody,
    responses((status = 200, description = "The forum with its members", body = Forum)))]
async fn add_member(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<MemberBody>,
) -> Result<Json<Forum>, ApiError> {
    Ok(Json(forums::add_member(&state, &who.actor(), &id, &b.org).await?))
}

#[derive(Serialize, ToSchema)]
struct Meetings {
    meetings: Vec<Meeting>,
}

/// The forum's meetings, newest first
#[utoipa::path(get, path = "/forums/{id}/meetings", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "Meetings", body = Meetings)))]
async fn meetings(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Meetings>, ApiError> {
    Ok(Json(Meetings { meetings: forums::meetings(&state, &who.actor(), &id).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ParticipantsBody {
    /// civil_society, security, government, international or donor.
    org_kind: String,
    /// female, male or other.
    gender: String,
    /// under_18, 18_24, 25_34, 35_49 or 50_plus.
    age_band: String,
    count: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MeetingBody {
    /// YYYY-MM-DD, not in the future.
    held_on: String,
    agenda: Option<String>,
    /// In markdown.
    minutes: Option<String>,
    /// Who took part, as counts: no names are asked or kept.
    participants: Vec<ParticipantsBody>,
}

/// Record a meeting (coordinators of a member organisation)
#[utoipa::path(post, path = "/forums/{id}/meetings", tag = "wheel", params(("id" = String, Path)), request_body = MeetingBody,
    responses((status = 201, description = "Recorded", body = Meeting)))]
async fn record_meeting(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<MeetingBody>,
) -> Result<(StatusCode, Json<Meeting>), ApiError> {
    let participants = b
        .participants
        .into_iter()
        .map(|p| ParticipantsInput {
            org_kind: p.org_kind,
            gender: p.gender,
            age_band: p.age_band,
            count: p.count,
        })
        .collect();
    let input = MeetingInput { held_on: b.held_on, agenda: b.agenda, minutes: b.minutes, participants };
    Ok((StatusCode::CREATED, Json(forums::record_meeting(&state, &who.actor(), &id, &input).await?)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct CommitmentQuery {
    /// Only this forum's.
    forum: Option<String>,
    /// Only those this organisation owns.
    owner: Option<String>,
    /// Only those past their due day and not done or dropped.
    overdue: Option<bool>,
}

#[derive(Serialize, ToSchema)]
struct Commitments {
    commitments: Vec<Commitment>,
}

/// Commitments of the caller's forums, soonest due first
#[utoipa::path(get, path = "/commitments", tag = "wheel", params(CommitmentQuery),
    responses((status = 200, description = "Commitments", body = Commitments)))]
async fn commitments(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    q: QueryResult<CommitmentQuery>,
) -> Result<Json<Commitments>, ApiError> {
    let q = paging::query(q)?;
    let owner = match q.owner.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(o) => Some(
            OrgId::parse(o)
                .map_err(|_| tandem_domain::InvalidInput::new("owner", "is not an organisation id"))?,
        ),
        None => None,
    };
    let filter = CommitmentFilter {
        forum: q.forum.filter(|f| !f.trim().is_empty()),
        owner,
        overdue_on: q.overdue.unwrap_or(false).then(|| chrono::Utc::now().date_naive()),
        limit: 2_000,
    };
    Ok(Json(Commitments { commitments: forums::commitments(&state, &who.actor(), &filter).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewCommitmentBody {
    forum: String,
    /// The member organisation that owns it.
    owner_org: String,
    text: String,
    /// YYYY-MM-DD.
    due_on: String,
    /// The meeting it was agreed at.
    meeting: Option<String>,
}

/// Record a commitment agreed in a forum (coordinators of a member organisation)
#[utoipa::path(post, path = "/commitments", tag = "wheel", request_body = NewCommitmentBody,
    responses((status = 201, description = "Open", body = Commitment)))]
async fn commit(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ApiJson(b): ApiJson<NewCommitmentBody>,
) -> Result<(StatusCode, Json<Commitment>), ApiError> {
    let input = CommitmentInput {
        forum: b.forum,
        owner_org: b.owner_org,
        text: b.text,
        due_on: b.due_on,
        meeting: b.meeting,
    };
    Ok((StatusCode::CREATED, Json(forums::commit(&state, &who.actor(), &input).await?)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct KeepingQuery {
    /// Only this forum's commitments.
    forum: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct KeepingList {
    organisations: Vec<KeepingView>,
}

/// Each owner organisation's commitment keeping: kept on time (done by the due day and
/// confirmed by another member) ÷ due
#[utoipa::path(get, path = "/commitments/keeping", tag = "wheel", params(KeepingQuery),
    responses((status = 200, description = "Per organisation", body = KeepingList)))]
async fn keeping(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    q: QueryResult<KeepingQuery>,
) -> Result<Json<KeepingList>, ApiError> {
    let q = paging::query(q)?;
    let forum = q.forum.as_deref().map(str::trim).filter(|f| !f.is_empty());
    let today = chrono::Utc::now().date_naive();
    Ok(Json(KeepingList { organisations: forums::keeping(&state, &who.actor(), forum, today).await? }))
}

/// One commitment
#[utoipa::path(get, path = "/commitments/{id}", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "The commitment", body = Commitment)))]
async fn commitment(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Commitment>, ApiError> {
    Ok(Json(forums::commitment(&state, &who.actor(), &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct StepBody {
    /// in_progress, done or dropped.
    status: String,
    /// What was done (or why it was dropped) and where the proof is: required for done and dropped.
    evidence: Option<String>,
    /// The address of the record that shows it was kept, as its page names it: a report, an
    /// alert (or one assigned to the owner, `/shared/alerts/…`), a violation or a referral.
    evidence_link: Option<String>,
}

/// Move a commitment on (coordinators of its owner organisation)
#[utoipa::path(post, path = "/commitments/{id}/status", tag = "wheel", params(("id" = String, Path)), request_body = StepBody,
    responses((status = 200, description = "Moved on", body = Commitment)))]
async fn step(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<StepBody>,
) -> Result<Json<Commitment>, ApiError> {
    Ok(Json(
        forums::step(&state, &who.actor(), &id, &b.status, b.evidence.as_deref(), b.evidence_link.as_deref())
            .await?,
    ))
}

/// Confirm a commitment done: the second key (coordinators of another member organisation; the
/// owner gets 409)
#[utoipa::path(post, path = "/commitments/{id}/confirm", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "Confirmed", body = Commitment)))]
async fn confirm(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
) -> Result<Json<Commitment>, ApiError> {
    Ok(Json(forums::confirm(&state, &who.actor(), &id).await?))
}

#[derive(Serialize, ToSchema)]
struct Trainings {
    trainings: Vec<crate::wheel::trainings::TrainingView>,
}

/// The forum's joint trainings, newest first, each with the change in self-assessment
#[utoipa::path(get, path = "/forums/{id}/trainings", tag = "wheel", params(("id" = String, Path)),
    responses((status = 200, description = "Trainings", body = Trainings)))]
async fn trainings(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    Path(id): Path<String>,
) -> Result<Json<Trainings>, ApiError> {
    Ok(Json(Trainings { trainings: crate::wheel::trainings::list(&state, &who.actor(), &id).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TraineesBody {
    org_kind: String,
    /// female, male or other.
    gender: String,
    count: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TrainingBody {
    topic: String,
    /// YYYY-MM-DD, not in the future.
    held_on: String,
    /// The organisation that gave it, by id.
    trainer_org: String,
    participants: Vec<TraineesBody>,
    /// Each participant's self-assessment before and after, 0 to 10.
    #[serde(default)]
    scores: Vec<tandem_domain::training::ScorePair>,
}

/// Record a joint training (coordinators of a member organisation)
#[utoipa::path(post, path = "/forums/{id}/trainings", tag = "wheel", params(("id" = String, Path)), request_body = TrainingBody,
    responses((status = 201, description = "Recorded", body = crate::wheel::trainings::TrainingView)))]
async fn record_training(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TrainingBody>,
) -> Result<(StatusCode, Json<crate::wheel::trainings::TrainingView>), ApiError> {
    let input = crate::wheel::trainings::TrainingInput {
        topic: b.topic,
        held_on: b.held_on,
        trainer_org: b.trainer_org,
        participants: b.participants.into_iter().map(|p| (p.org_kind, p.gender, p.count)).collect(),
        scores: b.scores,
    };
    Ok((StatusCode::CREATED, Json(crate::wheel::trainings::record(&state, &who.actor(), &id, &input).await?)))
}
