//! Perception surveys on the pages: the organisation's surveys and a form to start one (its
//! design columns); a survey's page with its design, an upload for a Kobo or ODK export, and a
//! plain GET form that asks a question of it, answered as a table and a chart of shares with
//! their intervals, overall and by a column. A refused form comes back with its error beside
//! the field, in the page's language.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use tandem_domain::access::Action;

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use super::forms::{self, Posted, Refused};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::charts::{share_bars, ShareBar};
use crate::extract::{perm, Can, Member};
use crate::i18n;
use crate::monitoring::surveys::{self as svc, Question, SurveyInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/surveys", get(list).post(create))
        .route("/surveys/{id}", get(show))
        .route("/surveys/{id}/questionnaire", post(save_questionnaire))
        .route(
            "/surveys/{id}/responses",
            post(import).layer(axum::extract::DefaultBodyLimit::max(crate::api::surveys::MAX_EXPORT_BYTES)),
        )
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
    let surveys: Vec<minijinja::Value> = svc::list(state, &actor)
        .await?
        .iter()
        .map(|s| {
            minijinja::context! {
                id => s.id, title => s.title, responses => s.responses,
                fielded_on => s.fielded_on.map(|d| day(ctx.lang, d)),
            }
        })
        .collect();
    let (errors, typed) = match refused {
        Some(r) => (r.errors, Some(r.typed)),
        None => (BTreeMap::new(), None),
    };
    Ok(ctx.render(
        status,
        "surveys.html",
        minijinja::context! {
            surveys, may_manage => actor.may(Action::ManageMonitoring).is_ok(), errors, typed,
            notice => note, today => Utc::now().date_naive().to_string(),
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
    let input = SurveyInput {
        title: p.one("title"),
        weight: p.one("weight"),
        strata: Some(p.one("strata")),
        cluster: Some(p.one("cluster")),
        fielded_on: Some(p.one("fielded_on")),
        questionnaire: None,
    };
    match svc::create(&state, &who.actor(), &input).await {
        Ok(s) => Ok(Redirect::to(&format!("/surveys/{}?done=survey-created", s.id)).into_response()),
        Err(AppError::Invalid(e)) => {
            let refused = Refused::new(ctx.lang, "survey", &e, p.typed(&[]));
            render_list(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, None, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// What the question form sent; all blank on a first visit.
#[derive(Debug, Default, Deserialize)]
struct Ask {
    #[serde(default)]
    question: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    by: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    done: Option<String>,
    /// After an import: how many responses it added, and how many were there already.
    imported: Option<u64>,
    already: Option<u64>,
}

/// What a refused upload or questionnaire brings back to the page: the errors by field, and
/// the questions as typed.
#[derive(Default)]
struct Returned<'a> {
    errors: BTreeMap<&'static str, String>,
    questionnaire: Option<&'a str>,
}

async fn render(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    ask: &Ask,
    status: StatusCode,
    refused: Returned<'_>,
) -> Result<Response, PageError> {
    let Returned { errors: import_errors, questionnaire: typed_questionnaire } = refused;
    let lang = ctx.lang;
    let actor = who.actor();
    let s = svc::get(state, &actor, id).await?;
    let mut errors = import_errors;
    let mut results: Option<minijinja::Value> = None;
    let mut chart = None;
    let mut status = status;
    if ask.question.trim().is_empty() && !(ask.value.trim().is_empty() && ask.by.trim().is_empty()) {
        errors.insert("question", i18n::global().text(lang, "survey-choose-question", &[]));
        status = StatusCode::UNPROCESSABLE_ENTITY;
    } else if !ask.question.trim().is_empty() {
        let q = Question {
            question: ask.question.clone(),
            value: ask.value.clone(),
            by: Some(ask.by.clone()),
            method: Some(ask.method.clone()),
        };
        match svc::estimate(state.store.as_ref(), &actor.org_id, id, &q).await {
            Ok(est) => {
                let everyone = i18n::global().text(lang, "survey-group-all", &[]);
                let label = |g: &str| if g == "all" { everyone.clone() } else { g.to_owned() };
                let bars: Vec<(String, f64, Option<f64>, Option<f64>)> = est
                    .estimates
                    .iter()
                    .map(|e| (label(&e.group), e.proportion, e.ci_low, e.ci_high))
                    .collect();
                let title = i18n::global().text(lang, "survey-chart-title", &[("value", est.value.clone())]);
                chart = Some(share_bars(
                    &bars
                        .iter()
                        .map(|(l, p, lo, hi)| ShareBar { label: l, share: *p, low: *lo, high: *hi })
                        .collect::<Vec<_>>(),
                    &title,
                ));
                let pct = |v: f64| format!("{:.1}", v * 100.0);
                let rows: Vec<minijinja::Value> = est
                    .estimates
                    .iter()
                    .map(|e| {
                        minijinja::context! {
                            group => label(&e.group), share => pct(e.proportion), se => pct(e.se),
                            low => e.ci_low.map(pct), high => e.ci_high.map(pct), n => e.n,
                            effective_n => e.effective_n.map(|v| format!("{v:.0}")),
                            design_effect => e.design_effect.map(|v| format!("{v:.2}")), small => e.small,
                        }
                    })
                    .collect();
                results = Some(minijinja::context! {
                    question => est.question, value => est.value, by => est.by, rows,
                    method => est.estimates.first().map(|e| e.method.clone()),
                });
            }
            Err(AppError::Invalid(e)) => {
                errors.extend(forms::field_errors(lang, &e));
                status = StatusCode::UNPROCESSABLE_ENTITY;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let note = notice(&Ok(axum::extract::Query(super::report_form::Done { done: ask.done.clone() })));
    Ok(ctx.render(
        status,
        "survey.html",
        minijinja::context! {
            s => minijinja::context! {
                id => s.id, title => s.title, weight => s.weight, strata => s.strata, cluster => s.cluster,
                responses => s.responses, columns => s.columns, questions => questions(&s),
                fielded_on => s.fielded_on.map(|d| day(lang, d)),
                questionnaire => typed_questionnaire.map(str::to_owned).or(s.questionnaire.clone()),
                served => s.questionnaire.is_some(),
                example => questionnaire_example(&s),
            },
            ask => minijinja::context! { question => ask.question, value => ask.value, by => ask.by, method => ask.method },
            results, chart, errors, notice => note, imported => ask.imported, already => ask.already,
            may_manage => actor.may(Action::ManageMonitoring).is_ok(),
        },
    ))
}

/// The columns a question can be asked of: the export's own, less the design columns and the
/// tools' bookkeeping (submission keys, times, devices).
fn questions(s: &tandem_store::Survey) -> Vec<String> {
    const BOOKKEEPING: [&str; 19] = [
        "start",
        "end",
        "today",
        "deviceid",
        "_id",
        "_uuid",
        "_submission_time",
        "_index",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "SubmissionDate",
        "KEY",
        "instanceID",
        "meta/instanceID",
        "meta-instanceID",
    ];
    let design: Vec<&String> =
        [Some(&s.weight), s.strata.as_ref(), s.cluster.as_ref()].into_iter().flatten().collect();
    let is_design = |c: &str| {
        design.iter().any(|d| {
            crate::monitoring::survey_csv::find_column(std::slice::from_ref(&c.to_owned()), d).is_ok()
        })
    };
    s.columns
        .iter()
        .filter(|c| !BOOKKEEPING.iter().any(|b| b.eq_ignore_ascii_case(c)) && !is_design(c))
        .cloned()
        .collect()
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    ask: Result<Query<Ask>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let ask = ask.map(|Query(a)| a).unwrap_or_default();
    render(&state, &who, &ctx, &id, &ask, StatusCode::OK, Returned::default()).await
}

/// A start for a survey's questionnaire: its design columns as questions, to be written over.
fn questionnaire_example(s: &tandem_store::Survey) -> String {
    let last = |c: &str| c.rsplit(['/', '-']).next().unwrap_or(c).to_owned();
    let mut lines = vec!["gender | Are you a woman or a man? | female=Woman, male=Man".to_owned()];
    if let Some(st) = &s.strata {
        lines.push(format!("{} | District | north=North, south=South", last(st)));
    }
    if let Some(c) = &s.cluster {
        lines.push(format!("{} | Village number | number", last(c)));
    }
    lines.push(format!("{} | | = 1", last(&s.weight)));
    lines.join("\n")
}

/// The questions served to phones, as the coordinator wrote them (blank: none served).
async fn save_questionnaire(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let p = Posted::parse(&body);
    let text = p.one("questionnaire");
    match svc::set_questionnaire(&state, &who.actor(), &id, Some(&text)).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/surveys/{id}?done=survey-questionnaire-saved#phones-h"))
                .into_response())
        }
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let back = Returned { errors, questionnaire: Some(&text) };
            render(&state, &who, &ctx, &id, &Ask::default(), status, back).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The export from the page's upload (multipart, field `file`; its form token in the address).
async fn import(
    State(state): State<AppState>,
    who: Can<perm::ManageMonitoring>,
    ctx: PageCtx,
    Path(id): Path<String>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let mut multipart = multipart.map_err(crate::api::evidence::not_multipart)?;
    let mut data = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            data = Some(field.bytes().await.map_err(|_| AppError::TooLarge("the file is too large".into()))?);
        }
    }
    let actor = who.actor();
    let done = match data.filter(|d| !d.is_empty()) {
        None => Err(AppError::Invalid(
            tandem_domain::InvalidInput::new("file", "choose the CSV file to import")
                .because(tandem_domain::Problem::Required),
        )),
        Some(d) => svc::import(state.store.as_ref(), &actor.org_id, Some(&actor.user_id), &id, &d).await,
    };
    match done {
        Ok(added) => Ok(Redirect::to(&format!(
            "/surveys/{id}?done=survey-imported&imported={}&already={}",
            added.imported, added.already_present
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            render(
                &state,
                &who,
                &ctx,
                &id,
                &Ask::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
                Returned { errors, questionnaire: None },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
