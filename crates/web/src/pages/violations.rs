//! The observatory's pages: the organisation's violations as a list of cards, and one
//! violation with the step its workflow allows next (the second key, the referral, the answer,
//! the ending), each a plain form that works without JavaScript.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::violation::{DatePrecision, ViolationStatus};
use tandem_store::{Violation, ViolationFilter};

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::extract::{perm, Can, Member};
use crate::i18n::{self, Lang};
use crate::observatory::violations::{self, ReferralInput, ViolationInput};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/violations", get(list).post(create))
        .route("/violations/new", get(new_form))
        .route("/violations/{id}", get(show))
        .route("/violations/{id}/verify", post(verify))
        .route("/violations/{id}/refer", post(refer))
        .route("/violations/{id}/response", post(respond))
        .route("/violations/{id}/end/{ending}", post(end))
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    overdue: String,
}

/// A violation in words, for a card or the page's facts.
fn words(lang: Lang, state_cfg: &crate::ew::config::EwConfig, v: &Violation) -> minijinja::Value {
    let t = |k: &str| i18n::global().text(lang, k, &[]);
    let area = state_cfg.areas.get(&v.area).map(|a| a.name.clone()).unwrap_or_else(|| v.area.clone());
    let when = match v.date_precision {
        DatePrecision::Exact => day(lang, v.occurred_on),
        DatePrecision::Month => {
            use chrono::Datelike;
            format!("{} {}", t(&format!("month-{}", v.occurred_on.month())), v.occurred_on.year())
        }
        DatePrecision::Year => {
            use chrono::Datelike;
            v.occurred_on.year().to_string()
        }
        DatePrecision::Unknown => t("violation-date-unknown"),
    };
    let victims = i18n::global().text(lang, "violation-victims", &[("count", v.victims.total.to_string())]);
    minijinja::context! {
        id => v.id, act => v.act, area, when, victims, institution => v.institution,
        institution_kind => v.institution_kind, unit => v.unit, status => v.status,
        due => v.referral_due_on.map(|d| day(lang, d)),
        overdue => v.status == ViolationStatus::Referred && v.referral_due_on.is_some_and(|d| d < Utc::now().date_naive()),
    }
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|q| q.0).unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let filter = ViolationFilter {
        status: q.status.parse().ok(),
        overdue_on: (q.overdue == "1").then(|| Utc::now().date_naive()),
        limit: 100,
        offset: 0,
    };
    let found = violations::list(&state, &who.actor(), &filter).await?;
    let cards: Vec<minijinja::Value> = found.iter().map(|v| words(ctx.lang, &cfg, v)).collect();
    let waiting = violations::list(
        &state,
        &who.actor(),
        &ViolationFilter { status: Some(ViolationStatus::Documented), limit: 500, ..Default::default() },
    )
    .await?
    .len();
    let overdue = violations::list(
        &state,
        &who.actor(),
        &ViolationFilter { overdue_on: Some(Utc::now().date_naive()), limit: 500, ..Default::default() },
    )
    .await?
    .len();
    let statuses: Vec<&str> = ViolationStatus::ALL.iter().map(|s| s.as_str()).collect();
    Ok(ctx.render(
        StatusCode::OK,
        "violations.html",
        minijinja::context! { cards, waiting, overdue, statuses, status => q.status, filtered => !q.status.is_empty() || q.overdue == "1" },
    ))
}

#[derive(Deserialize, Serialize, Default)]
struct ReferForm {
    #[serde(default)]
    to_org: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    ask: String,
    #[serde(default)]
    due_on: String,
}

#[derive(Deserialize, Serialize, Default)]
struct ResponseForm {
    #[serde(default)]
    response: String,
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let done = q.ok().and_then(|q| q.0.done);
    let notice = [
        "violation-done-verified",
        "violation-done-referred",
        "violation-done-answered",
        "violation-done-ended",
    ]
    .into_iter()
    .find(|k| done.as_deref() == Some(*k));
    render(
        &state,
        &who,
        &ctx,
        &id,
        StatusCode::OK,
        notice,
        None,
        ReferForm::default(),
        ResponseForm::default(),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    notice: Option<&str>,
    errors: Option<std::collections::BTreeMap<&'static str, String>>,
    refer_form: ReferForm,
    response_form: ResponseForm,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let v = violations::get(state, &who.actor(), id).await?;
    let coordinator = who.actor().may(Action::VerifyViolation).is_ok();
    // The second key is someone else's: the documenter is told so instead of offered a button.
    let own = v.documented_by.as_deref() == Some(who.actor().user_id.as_str());
    // Who documented and who verified it, by name: one read of the members for both.
    let members = state.store.list_members(who.org_id()).await?;
    let name_of = |user: &Option<String>| {
        let user = user.as_deref()?;
        members.iter().find(|m| m.user_id.as_str() == user).map(|m| m.display_name.clone())
    };
    let (documented_by, verified_by) = (name_of(&v.documented_by), name_of(&v.verified_by));
    let partners: Vec<tandem_store::Org> = if coordinator && v.status == ViolationStatus::Verified {
        state.store.list_orgs().await?.into_iter().filter(|o| &o.id != who.org_id()).collect()
    } else {
        vec![]
    };
    let may_remedy = v.status.may_become(ViolationStatus::Remedied);
    let may_close = v.status.may_become(ViolationStatus::Closed);
    let facts = words(ctx.lang, &cfg, &v);
    Ok(ctx.render(
        status,
        "violation.html",
        minijinja::context! {
            v, facts, coordinator, own, documented_by, verified_by, partners, may_remedy, may_close, notice, errors,
            refer_form, response_form,
            verified_on => v.verified_at.map(|t| day(ctx.lang, t.date_naive())),
            referred_on => v.referred_at.map(|t| day(ctx.lang, t.date_naive())),
        },
    ))
}

async fn verify(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    violations::verify(&state, &who.actor(), &id).await?;
    Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-verified")).into_response())
}

async fn refer(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<ReferForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let input = ReferralInput {
        to_org: Some(f.to_org.clone()),
        to: Some(f.to.clone()),
        ask: f.ask.clone(),
        due_on: f.due_on.clone(),
    };
    match violations::refer(&state, &who.actor(), &id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-referred")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &who, &ctx, &id, status, None, Some(errors), f, ResponseForm::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<ResponseForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match violations::record_response(&state, &who.actor(), &id, &f.response).await {
        Ok(_) => Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-answered")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &who, &ctx, &id, status, None, Some(errors), ReferForm::default(), f).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Remedied or closed cannot be undone: the first post asks, on a page naming what happens.
async fn end(
    State(state): State<AppState>,
    who: Can<perm::VerifyViolation>,
    ctx: PageCtx,
    Path((id, ending)): Path<(String, String)>,
    form: FormResult<forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !matches!(ending.as_str(), "remedied" | "closed") {
        return Err(PageError::not_found());
    }
    if !forms::read(form)?.confirmed() {
        violations::get(&state, &who.actor(), &id).await?;
        let t = |key: &str| i18n::global().text(ctx.lang, key, &[]);
        let (question, explain, button) = if ending == "remedied" {
            (t("violation-remedied-question"), t("violation-end-explain"), t("violation-remedied"))
        } else {
            (t("violation-close-question"), t("violation-end-explain"), t("violation-close"))
        };
        let back = format!("/violations/{id}");
        return Ok(forms::confirm_page(
            &ctx,
            forms::Confirm {
                question,
                explain,
                button,
                action: format!("/violations/{id}/end/{ending}"),
                back: &back,
            },
        ));
    }
    violations::end(&state, &who.actor(), &id, &ending).await?;
    Ok(Redirect::to(&format!("/violations/{id}?done=violation-done-ended")).into_response())
}

/// The documentation form as posted: every field text, so that what was typed comes back.
#[derive(Deserialize, Serialize, Default)]
struct ViolationForm {
    #[serde(default)]
    area: String,
    #[serde(default)]
    occurred_on: String,
    #[serde(default)]
    date_precision: String,
    #[serde(default)]
    act: String,
    #[serde(default)]
    institution: String,
    #[serde(default)]
    institution_kind: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    victims_total: String,
    #[serde(default)]
    victims_women: String,
    #[serde(default)]
    victims_men: String,
    #[serde(default)]
    victims_girls: String,
    #[serde(default)]
    victims_boys: String,
    #[serde(default)]
    description: String,
}

async fn render_form(
    state: &AppState,
    ctx: &PageCtx,
    status: StatusCode,
    form: &ViolationForm,
    errors: Option<std::collections::BTreeMap<&'static str, String>>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let acts: Vec<String> = state.store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
    let kinds: Vec<&str> =
        tandem_domain::violation::InstitutionKind::ALL.iter().map(|k| k.as_str()).collect();
    let precisions: Vec<&str> = DatePrecision::ALL.iter().map(|p| p.as_str()).collect();
    Ok(ctx.render(
        status,
        "violation_new.html",
        minijinja::context! { form, errors, acts, kinds, precisions, areas => super::report_form::area_options(&cfg) },
    ))
}

async fn new_form(
    State(state): State<AppState>,
    _who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let form = ViolationForm {
        occurred_on: Utc::now().date_naive().to_string(),
        date_precision: "exact".into(),
        ..Default::default()
    };
    render_form(&state, &ctx, StatusCode::OK, &form, None).await
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    ctx: PageCtx,
    form: FormResult<ViolationForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let count = |field: &'static str, raw: &str| -> Result<Option<u32>, tandem_domain::InvalidInput> {
        match raw.trim() {
            "" => Ok(None),
            n => n.parse::<u32>().map(Some).map_err(|_| {
                tandem_domain::InvalidInput::new(field, "must be a whole number").because(
                    tandem_domain::Problem::Range {
                        min: 0,
                        max: tandem_domain::violation::Victims::MAX as i64,
                    },
                )
            }),
        }
    };
    let victims = (|| {
        Ok::<_, tandem_domain::InvalidInput>(tandem_domain::violation::Victims {
            total: count("victims_total", &f.victims_total)?.unwrap_or(0),
            women: count("victims_women", &f.victims_women)?,
            men: count("victims_men", &f.victims_men)?,
            girls: count("victims_girls", &f.victims_girls)?,
            boys: count("victims_boys", &f.victims_boys)?,
        })
    })();
    let victims = match victims {
        Ok(v) => v,
        Err(e) => {
            let errors = forms::field_errors(ctx.lang, &e);
            return render_form(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, &f, Some(errors)).await;
        }
    };
    let input = ViolationInput {
        area: f.area.clone(),
        occurred_on: f.occurred_on.clone(),
        date_precision: Some(f.date_precision.clone()),
        act: f.act.clone(),
        institution: f.institution.clone(),
        institution_kind: Some(f.institution_kind.clone()),
        unit: Some(f.unit.clone()),
        victims,
        description: f.description.clone(),
    };
    match violations::document(&state, &who.actor(), &input).await {
        Ok(v) => {
            Ok(Redirect::to(&format!("/violations/{}?done=violation-done-documented", v.id)).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            render_form(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, &f, Some(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
