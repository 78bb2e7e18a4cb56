//! The observatory's violations: documented by any member, read by the organisation's members,
//! verified by a second coordinator (the one who documented it gets 409). Another
//! organisation's violation is 404.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::violation::{LinkKind, Victims, ViolationStatus};
use tandem_store::{ActKind, Violation, ViolationFilter};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::headers::{Attachment, NoStore};
use crate::observatory::violations::{self, ReferralInput, ViolationInput};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(one))
        .routes(routes!(verify))
        .routes(routes!(refer))
        .routes(routes!(respond))
        .routes(routes!(end))
        .routes(routes!(acts))
        .routes(routes!(export_json))
        .routes(routes!(referral_times))
        .routes(routes!(export_hxl))
        .routes(routes!(links, link))
        .routes(routes!(unlink))
        .routes(routes!(import))
}

#[derive(Serialize, ToSchema)]
struct Links {
    /// What the violation links to and what links to it.
    links: Vec<tandem_store::LinkedRecord>,
}

/// What a violation is linked with, both ways: other violations, the reports and alerts behind it
#[utoipa::path(get, path = "/violations/{id}/links", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "Oldest link first", body = Links)))]
async fn links(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    Path(id): Path<String>,
) -> Result<Json<Links>, ApiError> {
    let links = violations::links(&state, &who.actor(), LinkKind::Violation, &id).await?;
    Ok(Json(Links { links }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    /// violation, report or alert.
    #[schema(value_type = LinkKind)]
    kind: String,
    /// The id of the organisation's own record.
    target: String,
}

/// Link a violation to another violation, a report or an alert of the organisation (any member)
#[utoipa::path(post, path = "/violations/{id}/links", tag = "observatory", params(("id" = String, Path)),
    request_body = LinkBody, responses((status = 201, description = "Linked (again: no change)", body = Links)))]
async fn link(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<LinkBody>,
) -> Result<(StatusCode, Json<Links>), ApiError> {
    let actor = who.actor();
    violations::link(&state, &actor, &id, &b.kind, &b.target).await?;
    let links = violations::links(&state, &actor, LinkKind::Violation, &id).await?;
    Ok((StatusCode::CREATED, Json(Links { links })))
}

/// Remove a link (coordinators)
#[utoipa::path(delete, path = "/violations/{id}/links/{kind}/{target}", tag = "observatory",
    params(("id" = String, Path), ("kind" = LinkKind, Path), ("target" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn unlink(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path((id, kind, target)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    violations::unlink(&state, &who.actor(), &id, &kind, &target).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
struct Imported {
    /// How many violations were documented, all of the file's rows.
    imported: usize,
}

/// Import violations from CSV (any member; all or nothing): the HXL CSV of
/// `/violation-export.csv`, or a header row of this API's field names. An error names the line
/// and column, and nothing is written. They come in documented by the caller, to be verified by
/// another coordinator; no names are read from a file
#[utoipa::path(post, path = "/violations/import", tag = "observatory",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, description = "Imported", body = Imported)))]
async fn import(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Imported>), ApiError> {
    let imported = crate::observatory::import::import(&state, &who.actor(), &body).await?;
    Ok((StatusCode::CREATED, Json(Imported { imported })))
}

#[derive(Serialize, ToSchema)]
struct ReferralTimes {
    institutions: Vec<tandem_domain::referral_times::AnswerTimes>,
}

/// How fast each institution answered the organisation's referrals: referred, answered, overdue,
/// median days to an answer, the longest wait; the slowest first
#[utoipa::path(get, path = "/referral-times", tag = "observatory",
    responses((status = 200, description = "One line per institution referred to", body = ReferralTimes)))]
async fn referral_times(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
) -> Result<Json<ReferralTimes>, ApiError> {
    Ok(Json(ReferralTimes { institutions: violations::answer_times(&state, &who.actor()).await? }))
}

/// All of the organisation's violations as HURIDOCS-style events (admins; audited): event, act,
/// victims as counts, involvement, information and intervention; nothing sealed
#[utoipa::path(get, path = "/violation-export.json", tag = "observatory",
    responses((status = 200, description = "`{format, events:[…]}`", body = Object)))]
async fn export_json(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
) -> Result<Response, ApiError> {
    let body = crate::observatory::export::json(&state, &who.actor()).await?;
    Ok((NoStore, Attachment("tandem-violations.json".into()), Json(body)).into_response())
}

/// All of the organisation's violations as HXL CSV (admins; audited): a header row, a row of HXL
/// hashtags, then a row a violation; nothing sealed
#[utoipa::path(get, path = "/violation-export.csv", tag = "observatory",
    responses((status = 200, description = "Its second row holds HXL hashtags", body = String, content_type = "text/csv")))]
async fn export_hxl(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
) -> Result<Response, ApiError> {
    let body = crate::observatory::export::hxl_csv(&state, &who.actor()).await?;
    Ok((
        NoStore,
        Attachment("tandem-violations.csv".into()),
        [(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        body,
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewViolationBody {
    /// The area's P-code.
    area: String,
    /// YYYY-MM-DD; with `date_precision` month or year, any day of that month or year.
    occurred_on: String,
    /// exact (the default), month, year or unknown.
    date_precision: Option<String>,
    /// An act kind's slug (`GET /violation-acts`).
    act: String,
    /// The institution or unit involved, by name: never a private person.
    #[schema(min_length = 2, max_length = 160)]
    institution: String,
    /// police, gendarmerie, military, intelligence, prison, ministry, local_authority,
    /// armed_group or other_public_body (the default).
    institution_kind: Option<String>,
    /// The unit within the institution, when known.
    unit: Option<String>,
    victims: Victims,
    #[schema(min_length = 1, max_length = 10000)]
    description: String,
    /// The victims' names: kept, sealed, only with `victim_names_consent` true.
    victim_names: Option<String>,
    /// That the victims consented to their names being kept.
    #[serde(default)]
    victim_names_consent: bool,
    /// victim, witness, relative, community_member, civil_society, media, official or other.
    source_kind: Option<String>,
    /// direct, hearsay or documents.
    source_knowledge: Option<String>,
    /// reliable, usually_reliable, unknown or doubtful.
    source_reliability: Option<String>,
    /// Who the source is (sealed; coordinators open it, audited).
    source_identity: Option<String>,
    /// For `threat_to_defender` and `attack_on_defender` (required there, refused elsewhere):
    /// the organisation targeted.
    targeted_org: Option<String>,
    /// How the institution was involved: perpetrator (the default), ordered, complicit or
    /// failed_to_protect.
    #[schema(value_type = Option<tandem_domain::violation::Involvement>)]
    involvement: Option<String>,
    /// How the act was carried out, in a line.
    #[schema(max_length = 200)]
    method: Option<String>,
}

/// Document a violation (any member)
#[utoipa::path(post, path = "/violations", tag = "observatory", request_body = NewViolationBody,
    responses((status = 201, description = "Documented; a second coordinator verifies it", body = Violation)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ApiJson(b): ApiJson<NewViolationBody>,
) -> Result<(StatusCode, Json<Violation>), ApiError> {
    let input = ViolationInput {
        area: b.area,
        occurred_on: b.occurred_on,
        date_precision: b.date_precision,
        act: b.act,
        institution: b.institution,
        institution_kind: b.institution_kind,
        unit: b.unit,
        victims: b.victims,
        description: b.description,
        victim_names: b.victim_names,
        victim_names_consent: b.victim_names_consent,
        source_kind: b.source_kind,
        source_knowledge: b.source_knowledge,
        source_reliability: b.source_reliability,
        source_identity: b.source_identity,
        targeted_org: b.targeted_org,
        involvement: b.involvement,
        method: b.method,
    };
    Ok((StatusCode::CREATED, Json(violations::document(&state, &who.actor(), &input).await?)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    #[param(value_type = Option<ViolationStatus>)]
    status: Option<String>,
    /// Only referrals past their due day and still unanswered.
    overdue: Option<bool>,
    /// At most this many (1–1000, default 100), newest first.
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Serialize, ToSchema)]
struct Violations {
    violations: Vec<Violation>,
}

/// The organisation's violations, newest first
#[utoipa::path(get, path = "/violations", tag = "observatory", params(ListQuery),
    responses((status = 200, description = "The violations", body = Violations)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    q: QueryResult<ListQuery>,
) -> Result<Json<Violations>, ApiError> {
    let q = paging::query(q)?;
    let status = q.status.filter(|s| !s.is_empty()).map(|s| s.parse()).transpose()?;
    let offset = q.offset.unwrap_or(0);
    if offset < 0 {
        return Err(tandem_domain::InvalidInput::new("offset", "must not be negative").into());
    }
    let overdue_on = q.overdue.unwrap_or(false).then(|| chrono::Utc::now().date_naive());
    let filter = ViolationFilter {
        status,
        overdue_on,
        limit: paging::limit(q.limit, 100)?,
        offset,
        ..Default::default()
    };
    Ok(Json(Violations { violations: violations::list(&state, &who.actor(), &filter).await? }))
}

/// One violation
#[utoipa::path(get, path = "/violations/{id}", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "The violation", body = Violation)))]
async fn one(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    Path(id): Path<String>,
) -> Result<Json<Violation>, ApiError> {
    Ok(Json(violations::get(&state, &who.actor(), &id).await?))
}

/// Verify a violation: the second key (a coordinator other than the one who documented it)
#[utoipa::path(post, path = "/violations/{id}/verify", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "Verified", body = Violation)))]
async fn verify(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
) -> Result<Json<Violation>, ApiError> {
    Ok(Json(violations::verify(&state, &who.actor(), &id).await?))
}

#[derive(Serialize, ToSchema)]
struct Acts {
    acts: Vec<ActKind>,
}

/// The act kinds violations are documented with, and the rights each affects
#[utoipa::path(get, path = "/violation-acts", tag = "observatory",
    responses((status = 200, description = "The controlled list", body = Acts)))]
async fn acts(
    State(state): State<AppState>,
    _who: Can<perm::DocumentViolation>,
) -> Result<Json<Acts>, ApiError> {
    Ok(Json(Acts { acts: state.store.act_kinds().await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReferralBody {
    /// An organisation on Tandem it goes to (a police station, a ministry's office).
    to_org: Option<String>,
    /// Whom it goes to, by name; the organisation's name when `to_org` is given without it.
    to: Option<String>,
    /// What is asked of them.
    #[schema(min_length = 3, max_length = 2000)]
    ask: String,
    /// YYYY-MM-DD, today or later: after it, the referral is listed as overdue.
    due_on: String,
}

/// Refer a verified violation to those concerned (coordinators)
#[utoipa::path(post, path = "/violations/{id}/refer", tag = "observatory", params(("id" = String, Path)),
    request_body = ReferralBody, responses((status = 200, description = "Referred", body = Violation)))]
async fn refer(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReferralBody>,
) -> Result<Json<Violation>, ApiError> {
    let input = ReferralInput { to_org: b.to_org, to: b.to, ask: b.ask, due_on: b.due_on };
    Ok(Json(violations::refer(&state, &who.actor(), &id, &input).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ResponseBody {
    /// The answer of those it was referred to.
    #[schema(min_length = 1, max_length = 10000)]
    response: String,
}

/// Record the answer to a referral (coordinators)
#[utoipa::path(post, path = "/violations/{id}/response", tag = "observatory", params(("id" = String, Path)),
    request_body = ResponseBody, responses((status = 200, description = "Answered", body = Violation)))]
async fn respond(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ResponseBody>,
) -> Result<Json<Violation>, ApiError> {
    Ok(Json(violations::record_response(&state, &who.actor(), &id, &b.response).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct EndBody {
    /// remedied (after an answer) or closed (from any open step).
    #[schema(value_type = tandem_domain::violation::Ending)]
    ending: String,
}

/// End a violation's file: remedied or closed (coordinators)
#[utoipa::path(post, path = "/violations/{id}/end", tag = "observatory", params(("id" = String, Path)),
    request_body = EndBody, responses((status = 200, description = "Ended", body = Violation)))]
async fn end(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<EndBody>,
) -> Result<Json<Violation>, ApiError> {
    Ok(Json(violations::end(&state, &who.actor(), &id, &b.ending).await?))
}
