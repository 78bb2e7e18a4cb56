//! The knowledge bank on the pages, open to anyone: a search (a plain GET form: words, a
//! language, a wheel activity) answered best match first with the matched words marked; a case
//! study's page (its markdown shown safely); and, for a coordinator, a form to add one in the
//! organisation's name.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use tandem_domain::knowledge::{CaseStudyInput, Language};
use tandem_domain::wheel::Activity;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, Posted, Refused};
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::knowledge::{self as svc, markdown};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/knowledge", get(search))
        .route("/knowledge/new", get(new_form).post(create))
        .route("/knowledge/{id}", get(show))
        .route("/knowledge/{id}/withdraw", axum::routing::post(withdraw))
}

#[derive(Debug, Default, Deserialize)]
struct Search {
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    q: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    activity: String,
}

fn languages() -> Vec<&'static str> {
    Language::ALL.iter().map(|l| l.as_str()).collect()
}

fn activities() -> Vec<&'static str> {
    Activity::ALL.iter().map(|a| a.as_str()).collect()
}

async fn search(
    State(state): State<AppState>,
    ctx: PageCtx,
    q: Result<Query<Search>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let mut errors = BTreeMap::new();
    let mut status = StatusCode::OK;
    let found = match svc::filter(Some(&q.language), Some(&q.activity)) {
        Ok(filter) => match svc::search(state.store.as_ref(), &q.q, filter, Some(ctx.lang.code())).await {
            Ok(found) => found,
            Err(AppError::Invalid(e)) => {
                errors.extend(forms::field_errors(ctx.lang, &e));
                status = StatusCode::UNPROCESSABLE_ENTITY;
                vec![]
            }
            Err(e) => return Err(e.into()),
        },
        Err(e) => {
            errors.extend(forms::field_errors(ctx.lang, &e));
            status = StatusCode::UNPROCESSABLE_ENTITY;
            vec![]
        }
    };
    let results: Vec<minijinja::Value> = found
        .into_iter()
        .map(|f| {
            minijinja::context! {
                id => f.id, title => f.title, snippet => f.snippet, language => f.language,
                region => f.region, activities => f.activities, org => f.org_name,
            }
        })
        .collect();
    let searched = !q.q.trim().is_empty();
    let may_write =
        ctx.auth.principal.as_ref().is_some_and(|p| p.role.at_least(tandem_domain::Role::Coordinator));
    Ok(ctx.render(
        status,
        "knowledge.html",
        minijinja::context! {
            q => q.q, language => q.language, activity => q.activity, results, searched, errors,
            languages => languages(), activities => activities(), may_write,
            withdrawn => q.done.as_deref() == Some("case-study-withdrawn"),
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
struct Done {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let c = svc::get(state.store.as_ref(), &id).await?;
    let added = q.ok().and_then(|q| q.0.done).is_some_and(|d| d == "case-study-added");
    let body = markdown::to_html(&c.body);
    // Its own organisation's coordinators may take it back.
    let may_withdraw = ctx.auth.principal.as_ref().is_some_and(|p| {
        c.org_id.as_deref() == Some(p.org.id.as_str()) && p.role.at_least(tandem_domain::Role::Coordinator)
    });
    Ok(ctx.render(
        StatusCode::OK,
        "case_study.html",
        minijinja::context! {
            c => minijinja::context! {
                id => c.id, title => c.title, summary => c.summary, language => c.language,
                region => c.region, actors => c.actors, activities => c.activities, tags => c.tags,
                org => c.org_name, created_on => c.created_at.format("%Y-%m-%d").to_string(),
            },
            body, added, may_withdraw,
        },
    ))
}

fn render_form(ctx: &PageCtx, status: StatusCode, refused: Option<Refused>) -> Response {
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    ctx.render(
        status,
        "case_study_new.html",
        minijinja::context! { errors, typed, languages => languages(), activities => activities() },
    )
}

async fn new_form(_who: Can<perm::WriteKnowledge>, ctx: PageCtx) -> Response {
    render_form(&ctx, StatusCode::OK, None)
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::WriteKnowledge>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let list =
        |name: &str| p.one(name).split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    let input = CaseStudyInput {
        title: p.one("title"),
        summary: p.one("summary"),
        body: p.one("body"),
        language: p.one("language"),
        region: p.one("region"),
        actors: list("actors"),
        activities: p.all("activities"),
        tags: list("tags"),
    };
    match svc::create(state.store.as_ref(), &who.actor(), &input).await {
        Ok(c) => Ok(Redirect::to(&format!("/knowledge/{}?done=case-study-added", c.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "case-study", &e, p.typed(&["activities"]));
            Ok(render_form(&ctx, StatusCode::UNPROCESSABLE_ENTITY, Some(refused)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(
    State(state): State<AppState>,
    who: Can<perm::WriteKnowledge>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: forms::FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    if !forms::read(form)?.confirmed() {
        let c = svc::get(state.store.as_ref(), &id).await?;
        if c.org_id.as_deref() != Some(actor.org_id.as_str()) {
            return Err(AppError::NotFound.into());
        }
        let back = format!("/knowledge/{id}");
        return Ok(forms::confirm(
            &ctx,
            "case-study-withdraw",
            &[("title", c.title.clone())],
            format!("/knowledge/{id}/withdraw"),
            &back,
        ));
    }
    svc::withdraw(state.store.as_ref(), &actor, &id).await?;
    Ok(Redirect::to("/knowledge?done=case-study-withdrawn").into_response())
}
