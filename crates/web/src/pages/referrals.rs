//! Referrals received, as pages: the violations observatories referred to the reader's
//! organisation (a police station, a brigade), unanswered first, and one with its answer form.
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use super::ctx::PageCtx;
use super::dates::day;
use super::dates::when_words;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::i18n::Lang;
use crate::observatory::referrals::{self, Referral};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/referrals", get(list))
        .route("/referrals/{id}", get(show))
        .route("/referrals/{id}/answer", post(answer))
}

/// A referral in words.
fn words(lang: Lang, cfg: &crate::ew::config::EwConfig, r: &Referral) -> minijinja::Value {
    let area = cfg.areas.get(&r.area).map(|a| a.name.clone()).unwrap_or_else(|| r.area.clone());
    minijinja::context! {
        r, area, when => when_words(lang, r.occurred_on, r.date_precision),
        due => r.due_on.map(|d| day(lang, d)),
        answered_on => r.responded_at.map(|t| day(lang, t.date_naive())),
    }
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let all = referrals::list(&state, &who.actor()).await?;
    let waiting = all.iter().filter(|r| r.response.is_none()).count();
    let items: Vec<minijinja::Value> = all.iter().map(|r| words(ctx.lang, &cfg, r)).collect();
    Ok(ctx.render(StatusCode::OK, "referrals.html", minijinja::context! { items, waiting }))
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

#[derive(Deserialize, serde::Serialize, Default)]
struct AnswerForm {
    #[serde(default)]
    response: String,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    who: &Can<perm::AnswerReferral>,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    notice: bool,
    form: AnswerForm,
    errors: Option<std::collections::BTreeMap<&'static str, String>>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let r = referrals::get(state, &who.actor(), id).await?;
    let item = words(ctx.lang, &cfg, &r);
    // The page's notice is shown by the base template, from its message key.
    let notice = notice.then_some("referral-done");
    Ok(ctx.render(status, "referral.html", minijinja::context! { item, notice, form, errors }))
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let notice = q.ok().and_then(|q| q.0.done).as_deref() == Some("answered");
    render(&state, &who, &ctx, &id, StatusCode::OK, notice, AnswerForm::default(), None).await
}

async fn answer(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<AnswerForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match referrals::answer(&state, &who.actor(), &id, &f.response).await {
        Ok(_) => Ok(Redirect::to(&format!("/referrals/{id}?done=answered")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = forms::field_errors(ctx.lang, &e);
            render(&state, &who, &ctx, &id, StatusCode::UNPROCESSABLE_ENTITY, false, f, Some(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
