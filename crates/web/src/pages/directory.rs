//! The referral directory on the pages, open to anyone: services that need no police for an
//! area (a plain GET form: area, kind, language), each with who may use it and how to reach
//! it; a one-page leaflet of an area's services to print and hand out; and, for a coordinator,
//! a form to list a service in the organisation's name and a way to remove its own.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use tandem_domain::access::Action;
use tandem_domain::directory::{ServiceInput, ServiceKind};

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, Posted, Refused};
use crate::app_error::AppError;
use crate::directory::{self as svc, Wanted};
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/services", get(find).post(add))
        .route("/services/leaflet", get(leaflet))
        .route("/services/{id}/remove", post(remove))
}

#[derive(Debug, Default, Deserialize)]
struct Find {
    #[serde(default)]
    area: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    done: Option<String>,
}

fn kinds() -> Vec<&'static str> {
    ServiceKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// A listing for the page: its areas by name.
fn shown(
    s: tandem_store::Service,
    cfg: &crate::ew::config::EwConfig,
    mine: Option<&str>,
) -> minijinja::Value {
    let areas: Vec<String> =
        s.areas.iter().map(|a| cfg.areas.get(a).map_or_else(|| a.clone(), |x| x.name.clone())).collect();
    minijinja::context! {
        id => s.id, name => s.name, kind => s.kind, description => s.description, org => s.org_name,
        areas, languages => s.languages.join(", "), eligibility => s.eligibility, contact => s.contact,
        hours => s.hours, mine => mine == Some(s.org_id.as_str()),
    }
}

async fn render(
    state: &AppState,
    ctx: &PageCtx,
    q: &Find,
    status: StatusCode,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let mut errors = BTreeMap::new();
    let mut status = status;
    let w =
        Wanted { area: Some(q.area.clone()), kind: Some(q.kind.clone()), language: Some(q.language.clone()) };
    let mine = ctx.auth.principal.as_ref().map(|p| p.org.id.as_str().to_owned());
    let services: Vec<minijinja::Value> = match svc::find(state, &w).await {
        Ok(found) => found.into_iter().map(|s| shown(s, &cfg, mine.as_deref())).collect(),
        Err(AppError::Invalid(e)) => {
            errors.extend(forms::field_errors(ctx.lang, &e));
            status = StatusCode::UNPROCESSABLE_ENTITY;
            vec![]
        }
        Err(e) => return Err(e.into()),
    };
    let (form_errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    let may_list = ctx
        .auth
        .principal
        .as_ref()
        .is_some_and(|p| crate::extract::Member(p.clone()).actor().may(Action::ListServices).is_ok());
    let area_name = cfg.areas.get(q.area.trim()).map(|a| a.name.clone());
    Ok(ctx.render(
        status,
        "services.html",
        minijinja::context! {
            services, errors, form_errors, typed, may_list, kinds => kinds(), areas => forms::area_choices(&cfg),
            area => q.area, kind => q.kind, language => q.language, area_name,
            notice => q.done.as_deref().filter(|d| matches!(*d, "service-listed" | "service-removed")),
        },
    ))
}

async fn find(
    State(state): State<AppState>,
    ctx: PageCtx,
    q: Result<Query<Find>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    render(&state, &ctx, &q, StatusCode::OK, None).await
}

async fn leaflet(
    State(state): State<AppState>,
    ctx: PageCtx,
    q: Result<Query<Find>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let area = cfg.areas.get(q.area.trim()).ok_or(AppError::NotFound)?;
    let w = Wanted { area: Some(area.code.clone()), kind: None, language: Some(q.language.clone()) };
    let services: Vec<minijinja::Value> =
        svc::find(&state, &w).await?.into_iter().map(|s| shown(s, &cfg, None)).collect();
    Ok(ctx.render(
        StatusCode::OK,
        "services_leaflet.html",
        minijinja::context! { services, area_name => area.name, area => area.code },
    ))
}

async fn add(
    State(state): State<AppState>,
    who: Can<perm::ListServices>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = ServiceInput {
        name: p.one("name"),
        kind: p.one("kind"),
        description: p.one("description"),
        areas: p.all("areas"),
        languages: vec![p.one("languages")],
        eligibility: p.one("eligibility"),
        contact: p.one("contact"),
        hours: p.one("hours"),
    };
    match svc::add(&state, &who.actor(), &input).await {
        Ok(_) => Ok(Redirect::to("/services?done=service-listed").into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "service", &e, p.typed(&["areas"]));
            render(&state, &ctx, &Find::default(), StatusCode::UNPROCESSABLE_ENTITY, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove(
    State(state): State<AppState>,
    who: Can<perm::ListServices>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: forms::FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    if !forms::read(form)?.confirmed() {
        let all =
            state.store.services(&tandem_store::ServiceFilter::default()).await.map_err(AppError::from)?;
        let s = all
            .into_iter()
            .find(|s| s.id == id && s.org_id == actor.org_id.as_str())
            .ok_or(AppError::NotFound)?;
        return Ok(forms::confirm(
            &ctx,
            "service-remove",
            &[("name", s.name.clone())],
            format!("/services/{id}/remove"),
            "/services",
        ));
    }
    svc::remove(&state, &actor, &id).await?;
    Ok(Redirect::to("/services?done=service-removed").into_response())
}
