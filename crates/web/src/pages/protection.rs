//! Protection pages: showing a reporter's contact (coordinators, audited), erasing a report at
//! its reporter's request, and the organisation's protection settings: protected names,
//! retention periods, export.
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Utc;
use serde::Deserialize;
use tandem_domain::access::Action;
use tandem_domain::seal::Purpose;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::headers::NoStore;
use crate::protection::export::Kind;
use crate::protection::{protocol, retention, secrets};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports/{id}/contact", post(contact))
        .route("/reports/{id}/erase", post(erase))
        .route("/protection", get(settings))
        .route("/protection/names", post(add_name))
        .route("/protection/names/{id}/remove", post(remove_name))
        .route("/protection/retention", post(set_retention))
        .route("/protection/protocol", post(review_protocol))
        .route("/protection/purge", post(purge))
}

/// A form post (not a link), so that no prefetch or crawler reads a contact and the reading is
/// a deliberate act; the page then shows it once.
async fn contact(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let contact = secrets::read(&state, &who.actor(), Purpose::ReporterContact, &id).await?;
    let page = super::reports::render_report(&state, &who, &ctx, &id, None, contact).await?;
    Ok((NoStore, page).into_response())
}

#[derive(Deserialize)]
struct EraseForm {
    confirm: Option<String>,
}

async fn erase(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    Path(id): Path<String>,
    form: FormResult<EraseForm>,
) -> Result<Response, PageError> {
    let confirmed = form.is_ok_and(|Form(f)| f.confirm.as_deref() == Some("yes"));
    if !confirmed {
        return Err(PageError::bad_request());
    }
    retention::erase(&state, &who.actor(), &id).await?;
    Ok(Redirect::to("/reports?done=report-erased").into_response())
}

/// What a page shows beyond the organisation's settings: errors beside their fields (with what
/// was typed), a notice, what a purge deleted.
#[derive(Default)]
struct Shown<'a> {
    errors: Option<BTreeMap<&'static str, String>>,
    notice: Option<&'a str>,
    purged: Option<tandem_store::Purged>,
    typed: Option<minijinja::Value>,
}

async fn render(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    status: StatusCode,
    shown: Shown<'_>,
) -> Result<Response, PageError> {
    {
        let Shown { errors, notice, purged, typed } = shown;
        let may = |a: Action| who.actor().may(a).is_ok();
        let (may_names, may_retention, may_export) =
            (may(Action::EraseReport), may(Action::ManageRetention), may(Action::ExportOrgData));
        let names = if may_names { secrets::list_names(state, who.org_id()).await? } else { vec![] };
        let retention = state.store.get_retention(who.org_id()).await?;
        let export_files: Vec<&str> = Kind::ALL.iter().map(|k| k.file()).collect();
        let (review, standing) = protocol::standing(state, who.org_id()).await?;
        let lang = ctx.lang;
        let protocol = minijinja::context! {
            standing, typed, may => may(Action::ReviewProtocol),
            reviewed_on => review.map(|r| super::dates::day(lang, r.reviewed_on)),
            next_review_on => review.map(|r| super::dates::day(lang, r.next_review_on)),
            today => Utc::now().date_naive().to_string(),
        };
        Ok((NoStore, ctx.render(
            status,
            "protection.html",
            minijinja::context! { may_names, may_retention, may_export, names, retention, export_files, errors, notice, purged, protocol },
        ))
            .into_response())
    }
}

async fn settings(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    ctx: PageCtx,
    q: super::report_form::DoneQuery,
) -> Result<Response, PageError> {
    let notice = q.as_ref().ok().and_then(|q| q.done.as_deref()).and_then(|d| {
        ["names-added", "names-removed", "retention-saved", "protocol-saved"].into_iter().find(|k| *k == d)
    });
    render(&state, &who, &ctx, StatusCode::OK, Shown { notice, ..Default::default() }).await
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

async fn add_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ctx: PageCtx,
    form: FormResult<NameForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match secrets::add_name(&state, &who.actor(), &f.name).await {
        Ok(_) => Ok(Redirect::to("/protection?done=names-added").into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Some(super::forms::field_errors(ctx.lang, &e));
            render(
                &state,
                &who,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                Shown { errors, ..Default::default() },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<super::forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !forms::read(form)?.confirmed() {
        let names = secrets::list_names(&state, who.org_id()).await?;
        let name = names.into_iter().find(|n| n.id == id).ok_or(AppError::NotFound)?;
        return Ok(forms::confirm(
            &ctx,
            "names-remove",
            &[("name", name.name.clone())],
            format!("/protection/names/{id}/remove"),
            "/protection",
        ));
    }
    secrets::remove_name(&state, &who.actor(), &id).await?;
    Ok(Redirect::to("/protection?done=names-removed").into_response())
}

#[derive(Deserialize)]
struct ProtocolForm {
    #[serde(default)]
    reviewed_on: String,
    #[serde(default)]
    next_review_on: String,
}

async fn review_protocol(
    State(state): State<AppState>,
    who: Can<perm::ReviewProtocol>,
    ctx: PageCtx,
    form: FormResult<ProtocolForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match protocol::record(&state, &who.actor(), &f.reviewed_on, Some(&f.next_review_on)).await {
        Ok(_) => Ok(Redirect::to("/protection?done=protocol-saved#protocol-h").into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Some(super::forms::field_errors(ctx.lang, &e));
            let typed =
                minijinja::context! { reviewed_on => f.reviewed_on, next_review_on => f.next_review_on };
            let shown = Shown { errors, typed: Some(typed), ..Default::default() };
            render(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct RetentionForm {
    #[serde(default)]
    contact_days: String,
    #[serde(default)]
    dismissed_days: String,
}

async fn set_retention(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
    ctx: PageCtx,
    form: FormResult<RetentionForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    // Unparsable numbers become 0, which the domain refuses with its message for the field.
    let days = |s: &str| s.trim().parse::<i64>().unwrap_or(0);
    match retention::set(&state, &who.actor(), days(&f.contact_days), days(&f.dismissed_days)).await {
        Ok(_) => Ok(Redirect::to("/protection?done=retention-saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Some(super::forms::field_errors(ctx.lang, &e));
            render(
                &state,
                &who,
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                Shown { errors, ..Default::default() },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn purge(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let purged =
        retention::purge_org(state.store.as_ref(), who.org_id(), Some(&who.0.user.id), Utc::now()).await?;
    render(&state, &who, &ctx, StatusCode::OK, Shown { purged: Some(purged), ..Default::default() }).await
}
