//! The registry on the pages: the organisations listed (anyone; more for people of an
//! organisation on the platform), each one's profile with its Better Peace self-assessment and
//! who endorses it; a coordinator's form for the organisation's own profile, endorsing and
//! withdrawing an endorsement; the capacity map (a map of how many organisations work in each
//! area, what each area lacks, and who does what where); and the funding register with its
//! IATI file in and out.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use tandem_domain::access::Action;
use tandem_domain::funding::{AmountBand, GrantInput};
use tandem_domain::registry::{Competency, Constituency, CoreValue, ProfileInput, Source, Visibility};
use tandem_domain::wheel::Activity;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, Posted, Refused};
use crate::app_error::AppError;
use crate::charts::{self, MapArea};
use crate::extract::{perm, Can, Viewer};
use crate::registry::{self as svc, capacity, funding};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/registry", get(list))
        .route("/registry/profile", get(profile_form).post(save_profile))
        .route("/registry/capacity", get(capacity_page))
        .route("/registry/{org}", get(one))
        .route("/registry/{org}/endorse", post(endorse))
        .route("/registry/endorsements/{id}/revoke", post(revoke))
        .route("/funding", get(grants).post(add_grant))
        .route(
            "/funding/import",
            post(import).layer(axum::extract::DefaultBodyLimit::max(crate::registry::iati::MAX_BYTES)),
        )
        .route("/funding/{id}/remove", post(remove_grant))
}

fn words<T: Copy>(all: &[T], s: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| s(*v)).collect()
}

/// Whether the signed-in person may act for the organisation in the registry.
fn may_manage(ctx: &PageCtx) -> bool {
    ctx.auth
        .principal
        .as_ref()
        .is_some_and(|p| crate::extract::Member(p.clone()).actor().may(Action::ManageRegistry).is_ok())
}

/// The first `max` characters of a text, cut at a word, with an ellipsis when cut.
fn short_text(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn area_names(cfg: &crate::ew::config::EwConfig, codes: &[String]) -> Vec<String> {
    codes.iter().map(|a| cfg.areas.get(a).map_or_else(|| a.clone(), |x| x.name.clone())).collect()
}

#[derive(Debug, Default, Deserialize)]
struct Done {
    #[serde(default)]
    done: Option<String>,
}

fn notice(d: &Done) -> Option<&str> {
    d.done.as_deref().filter(|d| {
        matches!(
            *d,
            "profile-saved"
                | "endorsed"
                | "endorsement-withdrawn"
                | "grant-recorded"
                | "grant-removed"
                | "grants-imported"
        )
    })
}

async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    viewer: Viewer,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let entries = svc::list(&state, viewer.org()).await?;
    let own_listed = viewer.org().is_some_and(|o| entries.iter().any(|e| e.profile.org_id == o.as_str()));
    let orgs: Vec<minijinja::Value> = entries
        .into_iter()
        .map(|e| {
            minijinja::context! {
                id => e.profile.org_id, name => e.profile.org_name, kind => e.profile.org_kind.as_str(),
                women_led => e.profile.women_led, youth_led => e.profile.youth_led, mission => short_text(&e.profile.mission, 220),
                areas => area_names(&cfg, &e.profile.areas), meets => e.meets_criteria,
                endorsed => e.endorsed_by.len(), visibility => e.profile.visibility.as_str(),
            }
        })
        .collect();
    Ok(ctx.render(
        StatusCode::OK,
        "registry.html",
        minijinja::context! { orgs, may_manage => may_manage(&ctx), own_listed, signed_in => viewer.org().is_some(), notice => notice(&q) },
    ))
}

async fn one(
    State(state): State<AppState>,
    ctx: PageCtx,
    viewer: Viewer,
    Path(org): Path<String>,
) -> Result<Response, PageError> {
    render_one(&state, &ctx, &viewer, &org, StatusCode::OK, BTreeMap::new(), None).await
}

async fn render_one(
    state: &AppState,
    ctx: &PageCtx,
    viewer: &Viewer,
    org: &str,
    status: StatusCode,
    errors: BTreeMap<&'static str, String>,
    done: Option<&str>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let e = svc::one(state, viewer.org(), org).await?;
    let own = viewer.org().map(|o| o.as_str().to_owned());
    let mine = e.endorsed_by.iter().find(|x| Some(&x.endorser_org) == own.as_ref()).map(|x| x.id.clone());
    let p = &e.profile;
    let endorsements: Vec<minijinja::Value> = e
        .endorsed_by
        .iter()
        .map(|x| minijinja::context! { id => x.id, by => x.endorser_name, by_id => x.endorser_org, note => x.note, on => x.given_at.date_naive().to_string() })
        .collect();
    let is_self = own.as_deref() == Some(p.org_id.as_str());
    Ok(ctx.render(
        status,
        "registry_org.html",
        minijinja::context! {
            id => p.org_id, name => p.org_name, kind => p.org_kind.as_str(), women_led => p.women_led,
            youth_led => p.youth_led, minority_led => p.minority_led, mission => p.mission,
            areas => area_names(&cfg, &p.areas), activities => words(&p.activities, Activity::as_str),
            constituencies => p.constituencies, languages => p.languages.join(", "), contact => p.contact,
            visibility => p.visibility.as_str(), updated => p.updated_at.date_naive().to_string(),
            values => words(&p.assessment.values, CoreValue::as_str),
            competencies => words(&p.assessment.competencies, Competency::as_str),
            constituency => words(&p.assessment.constituency, Constituency::as_str),
            all_values => words(CoreValue::ALL, CoreValue::as_str),
            meets => e.meets_criteria, endorsements, mine,
            may_endorse => may_manage(ctx) && !is_self && mine.is_none(),
            may_revoke => may_manage(ctx), is_self, errors, notice => done,
        },
    ))
}

#[derive(Debug, Deserialize)]
struct EndorseForm {
    #[serde(default)]
    note: String,
}

async fn endorse(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    viewer: Viewer,
    Path(org): Path<String>,
    form: forms::FormResult<EndorseForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match svc::endorse(&state, &who.actor(), &org, &f.note).await {
        Ok(_) => Ok(Redirect::to(&format!("/registry/{org}?done=endorsed")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            render_one(&state, &ctx, &viewer, &org, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: forms::FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let standing = state.store.endorsements(Some(&actor.org_id)).await.map_err(AppError::from)?;
    let e = standing
        .into_iter()
        .find(|e| e.id == id && e.endorser_org == actor.org_id.as_str())
        .ok_or(AppError::NotFound)?;
    if !forms::read(form)?.confirmed() {
        return Ok(forms::confirm(
            &ctx,
            "endorsement-withdraw",
            &[("name", e.endorsed_name.clone())],
            format!("/registry/endorsements/{id}/revoke"),
            "/registry",
        ));
    }
    svc::revoke(&state, &actor, &id).await?;
    Ok(Redirect::to(&format!("/registry/{}?done=endorsement-withdrawn", e.endorsed_org)).into_response())
}

async fn profile_form(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let own = state
        .store
        .profiles(Some(&actor.org_id))
        .await
        .map_err(AppError::from)?
        .into_iter()
        .find(|p| p.org_id == actor.org_id.as_str());
    let typed = match own {
        Some(p) => minijinja::context! {
            mission => p.mission, areas => p.areas, activities => words(&p.activities, Activity::as_str),
            constituencies => p.constituencies.join(", "), languages => p.languages.join(", "), contact => p.contact,
            visibility => p.visibility.as_str(), values => words(&p.assessment.values, CoreValue::as_str),
            competencies => words(&p.assessment.competencies, Competency::as_str),
            constituency => words(&p.assessment.constituency, Constituency::as_str),
        },
        None => {
            minijinja::context! { visibility => "hidden", areas => Vec::<String>::new(), activities => Vec::<String>::new(),
            values => Vec::<String>::new(), competencies => Vec::<String>::new(), constituency => Vec::<String>::new() }
        }
    };
    render_profile_form(&state, &ctx, StatusCode::OK, BTreeMap::new(), typed).await
}

async fn render_profile_form(
    state: &AppState,
    ctx: &PageCtx,
    status: StatusCode,
    errors: BTreeMap<&'static str, String>,
    typed: minijinja::Value,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    Ok(ctx.render(
        status,
        "registry_profile.html",
        minijinja::context! {
            errors, typed, areas => forms::area_choices(&cfg),
            activities => words(Activity::ALL, Activity::as_str),
            visibilities => words(Visibility::ALL, Visibility::as_str),
            values => words(CoreValue::ALL, CoreValue::as_str),
            competencies => words(Competency::ALL, Competency::as_str),
            constituency => words(Constituency::ALL, Constituency::as_str),
        },
    ))
}

async fn save_profile(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = ProfileInput {
        mission: p.one("mission"),
        areas: p.all("areas"),
        activities: p.all("activities"),
        constituencies: vec![p.one("constituencies")],
        languages: vec![p.one("languages")],
        contact: p.one("contact"),
        visibility: p.one("visibility"),
        values: p.all("values"),
        competencies: p.all("competencies"),
        constituency: p.all("constituency"),
    };
    let actor = who.actor();
    match svc::save_profile(&state, &actor, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/registry/{}?done=profile-saved", actor.org_id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let typed = p.typed(&["areas", "activities", "values", "competencies", "constituency"]);
            render_profile_form(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, typed).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
struct AreaQuery {
    #[serde(default)]
    area: String,
}

async fn capacity_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    viewer: Viewer,
    q: Result<Query<AreaQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let today = Utc::now().date_naive();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let name = |c: &str| cfg.areas.get(c).map_or_else(|| c.to_owned(), |a| a.name.clone());
    // One read of the profiles and presences serves the gaps, the lines and the map.
    let facts = capacity::facts(&state, viewer.org()).await?;
    let gaps = capacity::gaps(&facts, None, today)?;
    let lines = capacity::lines(&cfg, &facts, today);
    let present = capacity::present(&facts, today);
    // The map: the finest areas drawn, each with how many organisations work there.
    let areas = state.store.list_areas(true).await?;
    let level = areas.iter().filter(|a| a.geometry.is_some()).map(|a| a.level).max();
    let drawn: Vec<MapArea> = areas
        .iter()
        .filter(|a| Some(a.level) == level)
        .filter_map(|a| {
            Some(MapArea { code: a.code.clone(), name: a.name.clone(), geometry: a.geometry.clone()? })
        })
        .collect();
    let counts =
        drawn.iter().map(|a| (a.code.clone(), present.get(&a.code).map_or(0, |s| s.len() as u32))).collect();
    let t = |key: &str| crate::i18n::global().text(ctx.lang, key, &[]);
    let map = charts::choropleth(&drawn, &counts, &t("capacity-map-title"));
    // Every district in one line (how many work there, how many activities nobody does), and
    // the chosen area in full: each joint activity with who does it, and its 4W lines. A line
    // covers the chosen area when it is for the area, an area containing it or one within it.
    let up = |c: &str| crate::directory::area_and_above(&cfg, c).unwrap_or_default();
    let chosen = q.area.trim();
    let chosen_up = if chosen.is_empty() { vec![] } else { up(chosen) };
    let covers = |l: &capacity::Line| chosen_up.contains(&l.area) || up(&l.area).iter().any(|a| a == chosen);
    let parents: std::collections::BTreeSet<&str> =
        cfg.areas.values().filter_map(|a| a.parent_code.as_deref()).collect();
    let mut districts: Vec<minijinja::Value> = cfg
        .areas
        .values()
        .filter(|a| !parents.contains(a.code.as_str()))
        .map(|a| {
            let missing = gaps.activities_without_actor_by_area.get(&a.code).map_or(0, Vec::len);
            let n = present.get(&a.code).map_or(0, |s| s.len());
            minijinja::context! { code => a.code, name => a.name, present => n, missing }
        })
        .collect();
    districts.sort_by_key(|d| d.get_attr("name").map(|n| n.to_string()).unwrap_or_default());
    let here: Vec<&capacity::Line> = lines.iter().filter(|l| !chosen.is_empty() && covers(l)).collect();
    let rows: Vec<minijinja::Value> = Activity::ALL
        .iter()
        .map(|a| {
            let mut who: Vec<String> = here
                .iter()
                .filter(|l| l.current && l.activity == Some(*a))
                .map(|l| l.org_name.clone())
                .collect();
            who.sort();
            who.dedup();
            minijinja::context! { activity => a.as_str(), who }
        })
        .collect();
    let when: Vec<minijinja::Value> = here
        .iter()
        .map(|l| minijinja::context! {
            org => l.org_name, activity => l.activity.map(|a| a.as_str()), area => l.area_name, source => source(l.source),
            from => l.from.map(|d| d.to_string()), to => l.to.map(|d| d.to_string()), current => l.current,
        })
        .collect();
    let chosen_name = cfg.areas.get(chosen).map(|a| a.name.clone());
    Ok(ctx.render(
        StatusCode::OK,
        "registry_capacity.html",
        minijinja::context! {
            map => map.svg, key => map.key, legend => map.legend,
            no_women => gaps.areas_without_women_led.iter().map(|c| name(c)).collect::<Vec<_>>(),
            no_youth => gaps.areas_without_youth_led.iter().map(|c| name(c)).collect::<Vec<_>>(),
            nobody => words(&gaps.activities_without_actor, Activity::as_str),
            districts, rows, when, chosen_name, areas => forms::area_choices(&cfg), area => chosen,
        },
    ))
}

fn source(s: Source) -> &'static str {
    match s {
        Source::Profile => "profile",
        Source::Forum => "forum",
        Source::Training => "training",
        Source::Programme => "programme",
    }
}

async fn grants(
    State(state): State<AppState>,
    ctx: PageCtx,
    viewer: Viewer,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    render_grants(&state, &ctx, &viewer, StatusCode::OK, None, notice(&q)).await
}

async fn render_grants(
    state: &AppState,
    ctx: &PageCtx,
    viewer: &Viewer,
    status: StatusCode,
    refused: Option<Refused>,
    done: Option<&str>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let own = viewer.org().map(|o| o.as_str().to_owned());
    let list: Vec<minijinja::Value> = funding::list(state, viewer.org())
        .await?
        .into_iter()
        .map(|g| minijinja::context! {
            id => g.id, title => g.title, funder => g.funder, recipient => g.recipient, band => g.band,
            start => g.start.to_string(), end => g.end.to_string(), short => g.short, areas => area_names(&cfg, &g.areas),
            activities => words(&g.activities, Activity::as_str), by => g.org_name, iati_id => g.iati_id,
            mine => own.as_deref() == Some(g.org_id.as_str()),
        })
        .collect();
    let short = list.iter().filter(|g| g.get_attr("short").is_ok_and(|v| v.is_true())).count();
    let (form_errors, typed, form) = match refused {
        Some(r) => (r.errors, Some(r.typed), Some(r.form)),
        None => (BTreeMap::new(), None, None),
    };
    Ok(ctx.render(
        status,
        "funding.html",
        minijinja::context! {
            // The summary at the top links to each error beside its field, down the page.
            errors => form_errors.clone(), grants => list, short, may_manage => may_manage(ctx), form_errors, typed, form,
            bands => words(AmountBand::ALL, AmountBand::as_str), areas => forms::area_choices(&cfg),
            activities => words(Activity::ALL, Activity::as_str), notice => done,
        },
    ))
}

async fn add_grant(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    viewer: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = GrantInput {
        funder: p.one("funder"),
        recipient: p.one("recipient"),
        title: p.one("title"),
        band: p.one("band"),
        start: p.one("start"),
        end: p.one("end"),
        areas: p.all("areas"),
        activities: p.all("activities"),
        iati_id: p.one("iati_id"),
    };
    match funding::add(&state, &who.actor(), &input).await {
        Ok(_) => Ok(Redirect::to("/funding?done=grant-recorded").into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "grant", &e, p.typed(&["areas", "activities"]));
            render_grants(&state, &ctx, &viewer, StatusCode::UNPROCESSABLE_ENTITY, Some(refused), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// An IATI file from the page's upload (multipart, field `file`; its form token in the address).
async fn import(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    viewer: Viewer,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let mut multipart = multipart.map_err(crate::api::evidence::not_multipart)?;
    let mut data = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            data = Some(field.bytes().await.map_err(|_| AppError::TooLarge("the file is too large".into()))?);
        }
    }
    let done = match data.filter(|d| !d.is_empty()) {
        None => Err(AppError::Invalid(
            tandem_domain::InvalidInput::new("file", "choose the IATI file to import")
                .because(tandem_domain::Problem::Required),
        )),
        Some(d) => funding::import(&state, &who.actor(), &d).await,
    };
    match done {
        Ok(_) => Ok(Redirect::to("/funding?done=grants-imported").into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "import", &e, minijinja::Value::UNDEFINED);
            render_grants(&state, &ctx, &viewer, StatusCode::UNPROCESSABLE_ENTITY, Some(refused), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_grant(
    State(state): State<AppState>,
    who: Can<perm::ManageRegistry>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: forms::FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    if !forms::read(form)?.confirmed() {
        let g = funding::list(&state, Some(&actor.org_id))
            .await?
            .into_iter()
            .find(|g| g.id == id && g.org_id == actor.org_id.as_str())
            .ok_or(AppError::NotFound)?;
        return Ok(forms::confirm(
            &ctx,
            "grant-remove",
            &[("title", g.title.clone())],
            format!("/funding/{id}/remove"),
            "/funding",
        ));
    }
    funding::remove(&state, &actor, &id).await?;
    Ok(Redirect::to("/funding?done=grant-removed").into_response())
}
