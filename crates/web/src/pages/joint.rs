//! The joint work of a forum that is not a meeting: its joint conflict analyses (drivers, actors,
//! risks, the police's ethos and conduct with a baseline, the CSO's role, the context, who took
//! part) and its joint plans (goals, theory of change, the commitments they carry out), each
//! with a form; and a civil-society organisation's self-assessment of its five operating
//! conditions. Plain forms, no JavaScript; a refused form comes back with its error beside it.
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use tandem_domain::access::Action;
use tandem_domain::joint::{CsoRole, PoliceEthos, CONDITIONS};
use tandem_domain::OrgKind;
use tandem_store::CommitmentFilter;

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use super::forms::{Posted, Refused};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::extract::{perm, Can, Member};
use crate::wheel::joint::{self as svc, AssessmentInput, PlanInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forums/{id}/joint", get(show))
        .route("/forums/{id}/assessments", post(assess))
        .route("/forums/{id}/plans", post(plan))
        .route("/conditions", get(conditions).post(self_assess))
}

/// Blank when the text is empty, so the page leaves the line out.
fn text(t: &Option<String>) -> Option<&str> {
    t.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

async fn render(
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
    let f = crate::wheel::forums::get(state, &actor, id).await?;
    let name_of = |org: &str| {
        f.members.iter().find(|m| m.org_id == org).map(|m| m.name.clone()).unwrap_or_else(|| org.to_owned())
    };
    let assessments: Vec<minijinja::Value> = svc::assessments(state, &actor, id)
        .await?
        .iter()
        .map(|a| {
            minijinja::context! {
                id => a.id, title => a.title, held_on => day(lang, a.held_on), drivers => a.drivers,
                actors => text(&a.actors), risks => text(&a.risks), police_ethos => a.police_ethos.map(|e| e.as_str()),
                police_conduct => text(&a.police_conduct), baseline => text(&a.baseline),
                cso_role => a.cso_role.map(|r| r.as_str()), context => text(&a.context),
                took_part => a.took_part.iter().map(|o| name_of(o)).collect::<Vec<_>>(),
                recorded_by => name_of(&a.recorded_org),
            }
        })
        .collect();
    let filter = CommitmentFilter { forum: Some(id.to_owned()), limit: 2_000, ..Default::default() };
    let commitments = crate::wheel::forums::commitments(state, &actor, &filter).await?;
    let plans: Vec<minijinja::Value> = svc::plans(state, &actor, id)
        .await?
        .iter()
        .map(|p| {
            let carried: Vec<minijinja::Value> = p
                .commitments
                .iter()
                .filter_map(|cid| commitments.iter().find(|c| c.id == *cid))
                .map(|c| minijinja::context! { id => c.id, text => c.text, owner => c.owner_name, status => c.status })
                .collect();
            minijinja::context! {
                id => p.id, title => p.title, adopted_on => day(lang, p.adopted_on), goals => p.goals,
                theory_of_change => p.theory_of_change, commitments => carried, recorded_by => name_of(&p.recorded_org),
            }
        })
        .collect();
    let open: Vec<minijinja::Value> = commitments
        .iter()
        .filter(|c| c.status != tandem_domain::forum::CommitmentStatus::Dropped)
        .map(|c| minijinja::context! { id => c.id, text => c.text, owner => c.owner_name })
        .collect();
    let members: Vec<minijinja::Value> = f
        .members
        .iter()
        .map(|m| minijinja::context! { id => m.org_id, name => m.name, kind => m.kind })
        .collect();
    let (failed, errors, typed) = match refused {
        Some(r) => (Some(r.form), r.errors, Some(r.typed)),
        None => (None, BTreeMap::new(), None),
    };
    Ok(ctx.render(
        status,
        "joint.html",
        minijinja::context! {
            f, assessments, plans, open, members, own_org => actor.org_id.to_string(),
            may_manage => actor.may(Action::ManageForums).is_ok(),
            ethos => PoliceEthos::ALL.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
            roles => CsoRole::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            failed, errors, typed, notice => note, today => Utc::now().date_naive().to_string(),
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
    render(&state, &who, &ctx, &id, StatusCode::OK, notice(&q), None).await
}

/// On to the joint page with a notice, or the page again with the refused form's error.
async fn after<T>(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    forum: &str,
    done: Result<T, AppError>,
    (key, form): (&'static str, &'static str),
    typed: minijinja::Value,
) -> Result<Response, PageError> {
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/forums/{forum}/joint?done={key}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, form, &e, typed);
            render(state, who, ctx, forum, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn assess(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = AssessmentInput {
        title: p.one("title"),
        held_on: p.one("held_on"),
        drivers: p.one("drivers"),
        actors: Some(p.one("actors")),
        risks: Some(p.one("risks")),
        police_ethos: Some(p.one("police_ethos")),
        police_conduct: Some(p.one("police_conduct")),
        baseline: Some(p.one("baseline")),
        cso_role: Some(p.one("cso_role")),
        context: Some(p.one("context")),
        took_part: p.all("took_part"),
    };
    let done = svc::assess(&state, &who.actor(), &id, &input).await;
    after(&state, &who, &ctx, &id, done, ("assessment-recorded", "assessment"), p.typed(&["took_part"])).await
}

async fn plan(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = PlanInput {
        title: p.one("title"),
        adopted_on: p.one("adopted_on"),
        goals: p.one("goals"),
        theory_of_change: p.one("theory_of_change"),
        commitments: p.all("commitments"),
    };
    let done = svc::plan(&state, &who.actor(), &id, &input).await;
    after(&state, &who, &ctx, &id, done, ("plan-adopted", "plan"), p.typed(&["commitments"])).await
}

async fn render_conditions(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    status: StatusCode,
    note: Option<&str>,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let org = state.store.get_org(&actor.org_id).await?;
    let cso = org.kind == OrgKind::CivilSociety;
    let past: Vec<minijinja::Value> = if cso {
        svc::self_assessments(state, &actor)
            .await?
            .iter()
            .map(|s| {
                minijinja::context! {
                    id => s.id, assessed_on => day(ctx.lang, s.assessed_on), scores => s.conditions.scores(),
                    percent => (s.conditions.share() * 100.0).round() as u32, note => text(&s.note),
                }
            })
            .collect()
    } else {
        vec![]
    };
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    Ok(ctx.render(
        status,
        "conditions.html",
        minijinja::context! {
            org_name => org.name, cso, past, conditions => CONDITIONS,
            may_manage => actor.may(Action::ManageForums).is_ok(),
            errors, typed, notice => note, today => Utc::now().date_naive().to_string(),
        },
    ))
}

async fn conditions(
    State(state): State<AppState>,
    who: Can<perm::ViewForums>,
    ctx: PageCtx,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_conditions(&state, &who, &ctx, StatusCode::OK, notice(&q), None).await
}

/// A score as typed: a radio left unchosen reads as 0, which the scores' own check refuses.
fn score(p: &Posted, name: &str) -> i64 {
    p.one(name).trim().parse().unwrap_or(0)
}

async fn self_assess(
    State(state): State<AppState>,
    who: Can<perm::ManageForums>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let scores = CONDITIONS.map(|c| score(&p, c));
    let note = Some(p.one("note"));
    match svc::self_assess(&state, &who.actor(), &p.one("assessed_on"), scores, &note).await {
        Ok(_) => Ok(Redirect::to("/conditions?done=conditions-recorded").into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "conditions", &e, p.typed(&[]));
            render_conditions(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}
