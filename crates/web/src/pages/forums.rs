//! The forums' pages: the organisation's forums with a form to convene one, and one forum with
//! its members, meetings (attendance as counts), commitments (overdue ones marked, each moved on
//! by its owner and confirmed by another member) and each owner's keeping. Plain forms, no
//! JavaScript; a refused form comes back with its errors beside their fields.
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{Datelike, Utc};
use serde::Deserialize;
use tandem_domain::access::Action;
use tandem_domain::forum::{self, AgeBand, Cadence, ForumKind, Gender};
use tandem_domain::OrgKind;
use tandem_store::{CommitmentFilter, Forum};

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use super::forms::{self, FormResult, Refused};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::extract::{perm, Can, Member};
use crate::wheel::forums::{self as svc, CommitmentInput, ForumInput, MeetingInput, ParticipantsInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forums", get(list).post(create))
        .route("/forums/{id}", get(show))
        .route("/forums/{id}/members", post(add_member))
        .route("/forums/{id}/meetings", post(record_meeting))
        .route("/forums/{id}/commitments", post(commit))
        .route("/forums/{id}/trainings", post(record_training))
        .route("/commitments/{id}/status", post(step))
        .route("/commitments/{id}/confirm", post(confirm))
}

/// The lines of attendance the meeting form offers (blank ones are skipped), each set to the
/// group a forum most often counts there, so that a coordinator mostly types numbers.
const ROW_DEFAULTS: [(&str, &str, &str); 6] = [
    ("civil_society", "female", "18_24"),
    ("civil_society", "female", "35_49"),
    ("civil_society", "male", "18_24"),
    ("security", "male", "35_49"),
    ("government", "male", "35_49"),
    ("government", "female", "35_49"),
];
const ATTENDANCE_ROWS: usize = ROW_DEFAULTS.len();

type Errors = BTreeMap<&'static str, String>;

fn choices() -> minijinja::Value {
    minijinja::context! {
        kinds => ForumKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        cadences => Cadence::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        org_kinds => OrgKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        genders => Gender::ALL.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        age_bands => AgeBand::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        statuses => ["in_progress", "done", "dropped"],
        rows => ROW_DEFAULTS
            .iter()
            .enumerate()
            .map(|(i, (kind, gender, band))| minijinja::context! { i, kind, gender, band })
            .collect::<Vec<_>>(),
    }
}

fn area_name(cfg: &crate::ew::config::EwConfig, code: &str) -> String {
    cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.to_owned())
}

async fn render_list(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    status: StatusCode,
    note: Option<&str>,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let cards: Vec<minijinja::Value> = svc::forums(state, &who.actor())
        .await?
        .iter()
        .map(|f| {
            minijinja::context! {
                id => f.id, name => f.name, kind => f.kind, area => area_name(&cfg, &f.area),
                members => f.members.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
            }
        })
        .collect();
    let areas = super::forms::area_choices(&cfg);
    let orgs: Vec<minijinja::Value> = state
        .store
        .list_orgs()
        .await?
        .into_iter()
        .filter(|o| o.id != *who.org_id())
        .map(|o| minijinja::context! { id => o.id.to_string(), name => o.name, kind => o.kind })
        .collect();
    let may_manage = who.actor().may(Action::ManageForums).is_ok();
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (Errors::new(), None),
    };
    Ok(ctx.render(
        status,
        "forums.html",
        minijinja::context! { cards, areas, orgs, may_manage, errors, typed, notice => note, choices => choices() },
    ))
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    ctx: PageCtx,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_list(&state, &who, &ctx, StatusCode::OK, notice(&q), None).await
}

#[derive(Deserialize, serde::Serialize, Default)]
struct ConveneForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    cadence: String,
    #[serde(default)]
    terms: String,
    /// Checkboxes named `members`: several values.
    #[serde(default)]
    members: Vec<String>,
}

impl ConveneForm {
    /// Read by hand: a form decoder keeps one value per name, and `members` has several.
    fn parse(body: &[u8]) -> Self {
        let mut f = ConveneForm::default();
        for (k, v) in form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "name" => f.name = v,
                "area" => f.area = v,
                "kind" => f.kind = v,
                "cadence" => f.cadence = v,
                "terms" => f.terms = v,
                "members" => f.members.push(v),
                _ => {}
            }
        }
        f
    }
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = ConveneForm::parse(&body);
    let input = ForumInput {
        name: f.name.clone(),
        area: f.area.clone(),
        kind: f.kind.clone(),
        cadence: Some(f.cadence.clone()),
        terms: Some(f.terms.clone()),
        members: f.members.clone(),
    };
    match svc::create_forum(&state, &who.actor(), &input).await {
        Ok(made) => Ok(Redirect::to(&format!("/forums/{}?done=forum-convened", made.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "convene", &e, minijinja::Value::from_serialize(&f));
            render_list(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn render_forum(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    note: Option<&str>,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let actor = who.actor();
    let f: Forum = svc::get(state, &actor, id).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let today = Utc::now().date_naive();
    let found_meetings = svc::meetings(state, &actor, id).await?;
    let meetings: Vec<minijinja::Value> = found_meetings
        .iter()
        .map(|m| {
            let total: u32 = m.participants.iter().map(|p| p.count).sum();
            let women: u32 =
                m.participants.iter().filter(|p| p.gender == Gender::Female).map(|p| p.count).sum();
            let youth: u32 = m.participants.iter().filter(|p| p.age_band.is_youth()).map(|p| p.count).sum();
            let mut by_kind: BTreeMap<&str, u32> = BTreeMap::new();
            for p in &m.participants {
                *by_kind.entry(p.org_kind.as_str()).or_default() += p.count;
            }
            let by_kind: Vec<minijinja::Value> =
                by_kind.into_iter().map(|(kind, count)| minijinja::context! { kind, count }).collect();
            minijinja::context! {
                id => m.id, held_on => day(lang, m.held_on), agenda => m.agenda, minutes => m.minutes,
                total, women, youth, by_kind, dialogue => forum::is_dialogue(&m.participants),
            }
        })
        .collect();
    let filter = CommitmentFilter { forum: Some(id.to_owned()), limit: 2_000, ..Default::default() };
    let may_manage = actor.may(Action::ManageForums).is_ok();
    let mut found = svc::commitments(state, &actor, &filter).await?;
    // What still needs doing first, overdue at the top; what is done or dropped after, newest first.
    found.sort_by_key(|c| {
        let late = forum::overdue(c.status, c.due_on, today);
        (
            c.status.is_final(),
            !late,
            if c.status.is_final() { -c.due_on.num_days_from_ce() } else { c.due_on.num_days_from_ce() },
        )
    });
    let commitments: Vec<minijinja::Value> = found
        .iter()
        .map(|c| {
            let mine = c.owner_org == actor.org_id.as_str();
            let confirmed_by = c
                .confirmed_org
                .as_deref()
                .and_then(|o| f.members.iter().find(|m| m.org_id == o))
                .map(|m| m.name.clone());
            minijinja::context! {
                id => c.id, text => c.text, owner => c.owner_name, status => c.status,
                due_on => day(lang, c.due_on), evidence => c.evidence, confirmed_by,
                link => c.evidence_link.as_deref().map(|l| {
                    let href = if mine { l.to_owned() } else { forum::EvidenceLink::other_side(l) };
                    let kind = href.rsplit('/').nth(1).unwrap_or_default().to_owned();
                    minijinja::context! { href, kind }
                }),
                overdue => forum::overdue(c.status, c.due_on, today), final => c.status.is_final(),
                may_step => may_manage && mine && !c.status.is_final(),
                may_confirm => may_manage && !mine && c.status == forum::CommitmentStatus::Done && c.confirmed_org.is_none(),
            }
        })
        .collect();
    let keeping: Vec<minijinja::Value> = svc::keeping_of(&found, today)
        .into_iter()
        .map(|k| {
            let percent = k.rate.map(|r| (r * 100.0).round() as i64);
            minijinja::context! { name => k.org_name, due => k.due, kept => k.kept_on_time, overdue => k.overdue, percent }
        })
        .collect();
    let trainings: Vec<minijinja::Value> = crate::wheel::trainings::list(state, &actor, id)
        .await?
        .iter()
        .map(|t| {
            let total: u32 = t.training.participants.iter().map(|p| p.count).sum();
            let women: u32 =
                t.training.participants.iter().filter(|p| p.gender == Gender::Female).map(|p| p.count).sum();
            let change = t.change.map(|c| {
                minijinja::context! {
                    n => c.n, before => format!("{:.1}", c.mean_before), after => format!("{:.1}", c.mean_after),
                    change => format!("\u{2066}{:+.1}\u{2069}", c.mean_change), sd => c.sd_change.map(|s| format!("{s:.1}")),
                }
            });
            minijinja::context! {
                id => t.training.id, topic => t.training.topic, trainer => t.training.trainer_name,
                held_on => day(lang, t.training.held_on), total, women, change,
            }
        })
        .collect();
    let all_orgs: Vec<minijinja::Value> = state
        .store
        .list_orgs()
        .await?
        .into_iter()
        .map(|o| minijinja::context! { id => o.id.to_string(), name => o.name })
        .collect();
    let convener = f.convener_org == actor.org_id.as_str();
    let others: Vec<minijinja::Value> = if convener && may_manage {
        state
            .store
            .list_orgs()
            .await?
            .into_iter()
            .filter(|o| !f.members.iter().any(|m| m.org_id == o.id.as_str()))
            .map(|o| minijinja::context! { id => o.id.to_string(), name => o.name })
            .collect()
    } else {
        vec![]
    };
    let meeting_choices: Vec<minijinja::Value> = found_meetings
        .iter()
        .map(|m| minijinja::context! { id => m.id, label => day(lang, m.held_on) })
        .collect();
    let (failed, errors, typed) = match refused {
        Some(r) => (Some(r.form), r.errors, Some(r.typed)),
        None => (None, Errors::new(), None),
    };
    Ok(ctx.render(
        status,
        "forum.html",
        minijinja::context! {
            f, area => area_name(&cfg, &f.area), meetings, commitments, keeping, others, meeting_choices,
            trainings, all_orgs, own_org => actor.org_id.to_string(),
            may_manage, convener, failed, errors, typed, notice => note, choices => choices(),
            today => today.to_string(),
        },
    ))
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_forum(&state, &who, &ctx, &id, StatusCode::OK, notice(&q), None).await
}

/// The forum page again after a refused form, or on to where it was going.
async fn after(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    forum: &str,
    done: Result<&'static str, AppError>,
    form: &'static str,
    typed: minijinja::Value,
) -> Result<Response, PageError> {
    match done {
        Ok(key) => Ok(Redirect::to(&format!("/forums/{forum}?done={key}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, form, &e, typed);
            render_forum(state, who, ctx, forum, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, serde::Serialize)]
struct MemberForm {
    #[serde(default)]
    org: String,
}

async fn add_member(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<MemberForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let done = svc::add_member(&state, &who.actor(), &id, &f.org).await.map(|_| "forum-member-added");
    after(&state, &who, &ctx, &id, done, "member", minijinja::Value::from_serialize(&f)).await
}

/// The meeting form: its fields, and six lines of attendance named `kind_0`, `gender_0`,
/// `band_0`, `count_0` and so on (a line left without a count is skipped).
#[derive(Deserialize, serde::Serialize)]
struct MeetingForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    agenda: String,
    #[serde(default)]
    minutes: String,
    #[serde(flatten)]
    lines: BTreeMap<String, String>,
}

/// One row of a form's counting rows (`kind_3`, `count_3`... on row 3) that has a count.
struct Counted<'a> {
    lines: &'a BTreeMap<String, String>,
    row: usize,
    count: i64,
}

impl Counted<'_> {
    /// The row's field `k`, trimmed (empty when absent).
    fn get(&self, k: &str) -> String {
        self.lines.get(&format!("{k}_{}", self.row)).map(|s| s.trim().to_owned()).unwrap_or_default()
    }
}

/// The rows of a form's `rows` counting rows that have a count in their field `count`: a row left
/// without one is skipped, one that is not a whole number refused.
fn counted_rows<'a>(
    lines: &'a BTreeMap<String, String>,
    rows: usize,
    count: &str,
) -> Result<Vec<Counted<'a>>, tandem_domain::InvalidInput> {
    let mut out = vec![];
    for row in 0..rows {
        let raw = Counted { lines, row, count: 0 }.get(count);
        if raw.is_empty() {
            continue;
        }
        let count: i64 = raw.parse().map_err(|_| {
            tandem_domain::InvalidInput::new("participants", "each count is a whole number of people")
        })?;
        out.push(Counted { lines, row, count });
    }
    Ok(out)
}

impl MeetingForm {
    fn input(&self) -> Result<MeetingInput, tandem_domain::InvalidInput> {
        let participants = counted_rows(&self.lines, ATTENDANCE_ROWS, "count")?
            .into_iter()
            .map(|r| ParticipantsInput {
                org_kind: r.get("kind"),
                gender: r.get("gender"),
                age_band: r.get("band"),
                count: r.count,
            })
            .collect();
        Ok(MeetingInput {
            held_on: self.held_on.clone(),
            agenda: Some(self.agenda.clone()),
            minutes: Some(self.minutes.clone()),
            participants,
        })
    }
}

async fn record_meeting(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<MeetingForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let done = match f.input() {
        Ok(input) => svc::record_meeting(&state, &who.actor(), &id, &input).await.map(|_| "meeting-recorded"),
        Err(e) => Err(e.into()),
    };
    after(&state, &who, &ctx, &id, done, "meeting", minijinja::Value::from_serialize(&f)).await
}

#[derive(Deserialize, serde::Serialize)]
struct CommitForm {
    #[serde(default)]
    owner_org: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    meeting: String,
}

async fn commit(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<CommitForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let input = CommitmentInput {
        forum: id.clone(),
        owner_org: f.owner_org.clone(),
        text: f.text.clone(),
        due_on: f.due_on.clone(),
        meeting: Some(f.meeting.clone()),
    };
    let done = svc::commit(&state, &who.actor(), &input).await.map(|_| "commitment-agreed");
    after(&state, &who, &ctx, &id, done, "commit", minijinja::Value::from_serialize(&f)).await
}

#[derive(Deserialize, serde::Serialize)]
struct StepForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    evidence_link: String,
}

async fn step(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<StepForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let c = svc::commitment(&state, &who.actor(), &id).await?;
    let done = svc::step(&state, &who.actor(), &id, &f.status, Some(&f.evidence), Some(&f.evidence_link))
        .await
        .map(|_| "commitment-moved");
    let typed = minijinja::context! {
        commitment => id, status => f.status, evidence => f.evidence, evidence_link => f.evidence_link,
    };
    after(&state, &who, &ctx, &c.forum_id, done, "step", typed).await
}

async fn confirm(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let c = svc::confirm(&state, &who.actor(), &id).await?;
    Ok(Redirect::to(&format!("/forums/{}?done=commitment-confirmed", c.forum_id)).into_response())
}

/// How many groups of trainees the training form offers.
const TRAINEE_ROWS: usize = 4;

/// The training form: topic, day, trainer, four groups of trainees (`tkind_0`, `tgender_0`,
/// `tcount_0`...) and the self-assessments, a line per person: "before, after".
#[derive(Deserialize, serde::Serialize)]
struct TrainingForm {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    trainer_org: String,
    #[serde(default)]
    scores: String,
    #[serde(flatten)]
    lines: BTreeMap<String, String>,
}

/// A line per person: "4, 7", "4 7" or, with decimal commas, "4,5; 7,5". Arabic-Indic digits,
/// the Arabic comma and the Arabic decimal separator read as their Latin forms. Blank lines are
/// skipped.
fn score_lines(text: &str) -> Result<Vec<tandem_domain::training::ScorePair>, tandem_domain::InvalidInput> {
    let latin: String = text
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{060C}' => ',',
            '\u{066B}' => '.',
            c => c,
        })
        .collect();
    let mut out = vec![];
    for (i, line) in latin.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let nums: Option<Vec<f64>> = if line.contains(';') {
            line.split(';').map(|p| p.trim().replace(',', ".").parse().ok()).collect()
        } else {
            line.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().ok())
                .collect()
        };
        match nums.as_deref() {
            Some([before, after]) => {
                out.push(tandem_domain::training::ScorePair { before: *before, after: *after })
            }
            _ => {
                return Err(tandem_domain::InvalidInput::new(
                    "scores",
                    format!("line {}: write the score before, then after, such as 4, 7", i + 1),
                ))
            }
        }
    }
    Ok(out)
}

impl TrainingForm {
    fn input(&self) -> Result<crate::wheel::trainings::TrainingInput, tandem_domain::InvalidInput> {
        let participants = counted_rows(&self.lines, TRAINEE_ROWS, "tcount")?
            .into_iter()
            .map(|r| (r.get("tkind"), r.get("tgender"), r.count))
            .collect();
        Ok(crate::wheel::trainings::TrainingInput {
            topic: self.topic.clone(),
            held_on: self.held_on.clone(),
            trainer_org: self.trainer_org.clone(),
            participants,
            scores: score_lines(&self.scores)?,
        })
    }
}

async fn record_training(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<TrainingForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let done = match f.input() {
        Ok(input) => crate::wheel::trainings::record(&state, &who.actor(), &id, &input)
            .await
            .map(|_| "training-recorded"),
        Err(e) => Err(e.into()),
    };
    after(&state, &who, &ctx, &id, done, "training", minijinja::Value::from_serialize(&f)).await
}

#[cfg(test)]
mod tests {
    use super::score_lines;

    #[test]
    fn scores_are_read_a_line_per_person() {
        let got = score_lines("4, 7\n\n3 6\n5;8\n4,5 ; 7,5\n\u{0664}\u{060C} \u{0667}\n").unwrap();
        let pairs: Vec<(f64, f64)> = got.iter().map(|p| (p.before, p.after)).collect();
        assert_eq!(
            pairs,
            [(4.0, 7.0), (3.0, 6.0), (5.0, 8.0), (4.5, 7.5), (4.0, 7.0)],
            "the last in Arabic digits"
        );
        assert!(score_lines("4\n").unwrap_err().message.starts_with("line 1"));
        assert!(score_lines("4, 7\nfour, 7").unwrap_err().message.starts_with("line 2"));
    }
}
