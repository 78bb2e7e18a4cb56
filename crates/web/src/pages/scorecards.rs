//! Unit scorecards on the pages: the organisation's scorecards and a form to start one; a
//! scorecard's page with each indicator's trend (a chart with its intervals and target, and
//! the table of every point with the evidence behind it), its status, the comparison with the
//! other units of the same kind, and the forms to add an indicator, record a measurement (or
//! take it from a survey) and publish; and the public page of a published scorecard, which
//! shows only what disclosure control lets through. Plain forms, no JavaScript.
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use tandem_domain::access::Action;
use tandem_domain::scorecard::{Computed, Direction, Frequency, Measure};
use tandem_domain::OrgKind;

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use super::forms::{Posted, Refused};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::charts::{fmt_num, indicator_trend, TrendPoint};
use crate::extract::{perm, Can, Member};
use crate::i18n;
use crate::monitoring::scorecards::{self as svc, IndicatorInput, MeasurementInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/scorecards", get(list).post(create))
        .route("/scorecards/{id}", get(show))
        .route("/scorecards/{id}/indicators", post(add_indicator))
        .route("/scorecards/{id}/measurements", post(add_measurement))
        .route("/scorecards/{id}/publish", post(publish))
        .route("/scorecards/{id}/measurements/{m}/remove", post(remove_measurement))
        .route("/public/scorecards", get(public_list))
        .route("/public/scorecards/{id}", get(public_one))
}

fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| f(*v)).collect()
}

async fn render_list(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    status: StatusCode,
    note: Option<&str>,
    refused: Option<Refused>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let cards: Vec<minijinja::Value> = svc::list(state, &actor)
        .await?
        .iter()
        .map(|s| minijinja::context! { id => s.id, unit => s.unit_name, area => s.area_name, published => s.published_at.is_some() })
        .collect();
    let areas = super::forms::area_choices(&cfg);
    let units: Vec<minijinja::Value> = state
        .store
        .list_orgs()
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Security)
        .map(|o| minijinja::context! { id => o.id.to_string(), name => o.name })
        .collect();
    let own = state.store.get_org(&actor.org_id).await?;
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    Ok(ctx.render(
        status,
        "scorecards.html",
        minijinja::context! {
            cards, areas, units, cso => own.kind == OrgKind::CivilSociety,
            may_manage => actor.may(Action::ManageMonitoring).is_ok(), errors, typed, notice => note,
        },
    ))
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    ctx: PageCtx,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_list(&state, &who, &ctx, StatusCode::OK, notice(&q), None).await
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    match svc::create(&state, &who.actor(), &p.one("unit_org"), &p.one("area")).await {
        Ok(s) => Ok(Redirect::to(&format!("/scorecards/{}?done=scorecard-created", s.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "scorecard", &e, p.typed(&[]));
            render_list(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A number with its unit as the page writes it.
fn with_unit(lang: i18n::Lang, measure: Measure, v: f64) -> String {
    let n = fmt_num(v);
    match measure {
        Measure::Percent => format!("{n}%"),
        Measure::Hours => i18n::global().text(lang, "scorecard-hours", &[("n", n)]),
        Measure::Days => i18n::global().text(lang, "scorecard-days", &[("n", n)]),
        Measure::Count | Measure::Score => n,
    }
}

/// A point's time as a reader says it: a computed quarter by its name, a measurement by its day.
fn label(lang: i18n::Lang, computed: bool, p: &tandem_domain::scorecard::Point) -> String {
    if computed {
        p.period.clone()
    } else {
        day(lang, p.on)
    }
}

fn top(measure: Measure) -> f64 {
    if measure == Measure::Percent {
        100.0
    } else {
        1.0
    }
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
    let view = svc::view(state, &actor, id, Utc::now().date_naive()).await?;
    let surveys: Vec<minijinja::Value> = crate::monitoring::surveys::list(state, &actor)
        .await?
        .into_iter()
        .map(|s| minijinja::context! { id => s.id, title => s.title })
        .collect();
    let indicators: Vec<minijinja::Value> = view
        .indicators
        .iter()
        .map(|v| {
            let i = &v.indicator;
            let points: Vec<TrendPoint> =
                v.trend.iter().map(|p| TrendPoint { value: p.point.value, low: p.point.low, high: p.point.high }).collect();
            let title = i18n::global().text(lang, "scorecard-chart-title", &[("name", i.name.clone())]);
            let rows: Vec<minijinja::Value> = v
                .trend
                .iter()
                .rev()
                .map(|p| {
                    minijinja::context! {
                        period => label(lang, i.computed.is_some(), &p.point),
                        value => with_unit(lang, i.measure, p.point.value),
                        interval => p.point.low.zip(p.point.high).map(|(l, h)| format!("{}–{}", fmt_num(l), fmt_num(h))),
                        n => p.point.n, evidence_kind => p.evidence.kind, evidence => p.evidence.text,
                        survey => p.evidence.survey, measurement => p.measurement,
                    }
                })
                .collect();
            minijinja::context! {
                id => i.id, name => i.name, definition => i.definition, computed => i.computed.map(|c| c.as_str()),
                measure => i.measure.as_str(), direction => i.direction.as_str(), status => v.status.as_str(),
                baseline => i.baseline.map(|b| with_unit(lang, i.measure, b)),
                target => i.target.map(|t| with_unit(lang, i.measure, t)),
                disaggregation => i.disaggregation, frequency => i.frequency.as_str(),
                chart => (!points.is_empty()).then(|| indicator_trend(&points, top(i.measure), i.target, &title)),
                first => v.trend.first().map(|p| label(lang, i.computed.is_some(), &p.point)),
                last => v.trend.last().map(|p| label(lang, i.computed.is_some(), &p.point)),
                rows,
            }
        })
        .collect();
    let recorded: Vec<minijinja::Value> = view
        .indicators
        .iter()
        .filter(|v| v.indicator.computed.is_none())
        .map(|v| minijinja::context! { id => v.indicator.id, name => v.indicator.name })
        .collect();
    let comparison: Vec<minijinja::Value> = view
        .comparison
        .iter()
        .map(|c| {
            let measure = view.indicators.iter().find(|v| v.indicator.name == c.indicator).map(|v| v.indicator.measure);
            minijinja::context! {
                indicator => c.indicator,
                values => c.units.iter().map(|(_, v)| v.map(|v| with_unit(lang, measure.unwrap_or(Measure::Count), v))).collect::<Vec<_>>(),
            }
        })
        .collect();
    let units: Vec<String> =
        view.comparison.first().map(|c| c.units.iter().map(|(n, _)| n.clone()).collect()).unwrap_or_default();
    let (failed, errors, typed) = match refused {
        Some(r) => (Some(r.form), r.errors, Some(r.typed)),
        None => (None, BTreeMap::new(), None),
    };
    let s = &view.scorecard;
    Ok(ctx.render(
        status,
        "scorecard.html",
        minijinja::context! {
            s => minijinja::context! {
                id => s.id, unit => s.unit_name, area => s.area_name, kept_by => s.org_name,
                published => s.published_at.map(|t| day(lang, t.date_naive())),
            },
            indicators, recorded, comparison, units, surveys,
            computed => names(Computed::ALL, Computed::as_str),
            measures => names(Measure::ALL, Measure::as_str),
            directions => names(Direction::ALL, Direction::as_str),
            frequencies => names(Frequency::ALL, Frequency::as_str),
            may_manage => actor.may(Action::ManageMonitoring).is_ok(),
            failed, errors, typed, notice => note, today => Utc::now().date_naive().to_string(),
        },
    ))
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render(&state, &who, &ctx, &id, StatusCode::OK, notice(&q), None).await
}

async fn after<T>(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    done: Result<T, AppError>,
    (key, form): (&'static str, &'static str),
    typed: minijinja::Value,
) -> Result<Response, PageError> {
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/scorecards/{id}?done={key}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, form, &e, typed);
            render(state, who, ctx, id, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

fn some(s: String) -> Option<String> {
    Some(s).filter(|s| !s.trim().is_empty())
}

async fn add_indicator(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let input = IndicatorInput {
        name: p.one("name"),
        definition: p.one("definition"),
        measure: p.one("measure"),
        direction: p.one("direction"),
        disaggregation: some(p.one("disaggregation")),
        baseline: some(p.one("baseline")),
        target: some(p.one("target")),
        frequency: p.one("frequency"),
        computed: some(p.one("computed")),
    };
    let done = svc::add_indicator(&state, &who.actor(), &id, &input).await;
    after(&state, &who, &ctx, &id, done, ("indicator-added", "indicator"), p.typed(&[])).await
}

async fn add_measurement(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let actor = who.actor();
    // The indicator must be on this scorecard: another card's is refused as unknown.
    let view = state.store.unit_scorecard(&actor.org_id, &id).await.map_err(AppError::from)?;
    let indicator = p.one("indicator");
    let done = if !view.indicators.iter().any(|i| i.id == indicator) {
        Err(AppError::Invalid(
            tandem_domain::InvalidInput::new("indicator", "choose one of this scorecard's indicators")
                .because(tandem_domain::Problem::Unknown),
        ))
    } else {
        let from_survey = p.one("source_kind") == "survey";
        let input = MeasurementInput {
            measured_on: p.one("measured_on"),
            value: some(p.one("value")),
            ci_low: some(p.one("ci_low")),
            ci_high: some(p.one("ci_high")),
            source: p.one("source"),
            evidence: some(p.one("evidence")),
            survey: if from_survey { some(p.one("survey")) } else { None },
            question: some(p.one("question")),
            answer: some(p.one("answer")),
            by: some(p.one("by")),
            group: some(p.one("group")),
        };
        svc::add_measurement(&state, &actor, &indicator, &input).await
    };
    after(&state, &who, &ctx, &id, done, ("measurement-recorded", "measurement"), p.typed(&[])).await
}

async fn publish(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let on = p.one("published") == "yes";
    svc::publish(&state, &who.actor(), &id, on).await?;
    let key = if on { "scorecard-published" } else { "scorecard-unpublished" };
    Ok(Redirect::to(&format!("/scorecards/{id}?done={key}")).into_response())
}

async fn remove_measurement(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    Path((id, m)): Path<(String, String)>,
    form: super::forms::FormResult<super::forms::ConfirmForm>,
) -> Result<Response, PageError> {
    let actor = who.actor();
    let card = state.store.unit_scorecard(&actor.org_id, &id).await.map_err(AppError::from)?;
    let Some(found) = card.measurements.iter().find(|x| x.id == m) else {
        return Err(AppError::NotFound.into());
    };
    if !super::forms::read(form)?.confirmed() {
        let measure =
            card.indicators.iter().find(|i| i.id == found.indicator_id).map_or(Measure::Count, |i| i.measure);
        let back = format!("/scorecards/{id}");
        return Ok(super::forms::confirm(
            &ctx,
            "scorecard-remove",
            &[
                ("date", day(ctx.lang, found.measured_on)),
                ("value", with_unit(ctx.lang, measure, found.value)),
            ],
            format!("/scorecards/{id}/measurements/{m}/remove"),
            &back,
        ));
    }
    svc::remove_measurement(&state, &actor, &m).await?;
    Ok(Redirect::to(&format!("/scorecards/{id}?done=measurement-removed")).into_response())
}

async fn public_list(State(state): State<AppState>, ctx: PageCtx) -> Result<Response, PageError> {
    let cards: Vec<minijinja::Value> = svc::published(&state)
        .await?
        .iter()
        .map(|s| minijinja::context! { id => s.id, unit => s.unit_name, area => s.area_name, kept_by => s.org_name })
        .collect();
    Ok(ctx.render(StatusCode::OK, "public_scorecards.html", minijinja::context! { cards }))
}

async fn public_one(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let card = svc::public(&state, &id, Utc::now().date_naive()).await?;
    let indicators: Vec<minijinja::Value> = card
        .indicators
        .iter()
        .map(|i| {
            let shown: Vec<TrendPoint> = i
                .trend
                .iter()
                .filter_map(|p| Some(TrendPoint { value: p.value?, low: p.low, high: p.high }))
                .collect();
            let title = i18n::global().text(lang, "scorecard-chart-title", &[("name", i.name.clone())]);
            let rows: Vec<minijinja::Value> = i
                .trend
                .iter()
                .rev()
                .map(|p| {
                    minijinja::context! {
                        period => if i.computed.is_some() { p.period.clone() } else { day(lang, p.on) },
                        value => p.value.map(|v| with_unit(lang, i.measure, v)),
                        interval => p.low.zip(p.high).map(|(l, h)| format!("{}–{}", fmt_num(l), fmt_num(h))),
                        count => p.count.map(|c| (c.low, c.high)), source => p.source,
                    }
                })
                .collect();
            minijinja::context! {
                name => i.name, definition => i.definition, computed => i.computed, status => i.status.as_str(),
                target => i.target.map(|t| with_unit(lang, i.measure, t)),
                baseline => i.baseline.map(|b| with_unit(lang, i.measure, b)),
                chart => (!shown.is_empty()).then(|| indicator_trend(&shown, top(i.measure), i.target, &title)),
                rows,
            }
        })
        .collect();
    Ok(ctx.render(
        StatusCode::OK,
        "public_scorecard.html",
        minijinja::context! {
            s => minijinja::context! {
                unit => card.unit, area => card.area_name, kept_by => card.kept_by,
                published => card.published_at.map(|t| day(lang, t.date_naive())),
            },
            indicators,
        },
    ))
}
