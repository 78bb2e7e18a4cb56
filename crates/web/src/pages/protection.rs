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

use super::{error_page, malformed_form, FormResult, PageCtx};
use crate::error::ApiError;
use crate::extract::{perm, Can};
use crate::protection::export::Kind;
use crate::protection::{retention, secrets};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports/{id}/contact", post(contact))
        .route("/reports/{id}/erase", post(erase))
        .route("/protection", get(settings))
        .route("/protection/names", post(add_name))
        .route("/protection/names/{id}/remove", post(remove_name))
        .route("/protection/retention", post(set_retention))
        .route("/protection/purge", post(purge))
}

/// A form post (not a link), so that no prefetch or crawler reads a contact and the reading is
/// a deliberate act; the page then shows it once.
async fn contact(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Response {
    match secrets::read(&state, &who.actor(), Purpose::ReporterContact, &id).await {
        Ok(c) => super::ew::render_report(&state, &who, &ctx, &id, None, c).await,
        Err(e) => error_page(ctx.lang, e),
    }
}

#[derive(Deserialize)]
struct EraseForm {
    confirm: Option<String>,
}

async fn erase(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<EraseForm>,
) -> Response {
    let confirmed = form.is_ok_and(|Form(f)| f.confirm.as_deref() == Some("yes"));
    if !confirmed {
        return error_page(ctx.lang, ApiError::BadRequest("the erasure was not confirmed".into()));
    }
    match retention::erase(&state, &who.actor(), &id).await {
        Ok(()) => Redirect::to("/reports?done=report-erased").into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn render(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    status: StatusCode,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
    purged: Option<tandem_store::Purged>,
) -> Response {
    let result: Result<Response, ApiError> = async {
        let may = |a: Action| who.actor().may(a).is_ok();
        let (may_names, may_retention, may_export) =
            (may(Action::EraseReport), may(Action::ManageRetention), may(Action::ExportOrgData));
        let names = if may_names { secrets::list_names(state, who.org_id()).await? } else { vec![] };
        let retention = state.store.get_retention(who.org_id()).await?;
        let export_files: Vec<&str> = Kind::ALL.iter().map(|k| k.file()).collect();
        Ok(ctx.render(
            status,
            "protection.html",
            minijinja::context! { may_names, may_retention, may_export, names, retention, export_files, errors, notice, purged },
        ))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}

async fn settings(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    ctx: PageCtx,
    q: Result<axum::extract::Query<super::ew::Done>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let notice = q
        .as_ref()
        .ok()
        .and_then(|q| q.done.as_deref())
        .and_then(|d| ["names-added", "names-removed", "retention-saved"].into_iter().find(|k| *k == d));
    render(&state, &who, &ctx, StatusCode::OK, None, notice, None).await
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
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    match secrets::add_name(&state, &who.actor(), &f.name).await {
        Ok(_) => Redirect::to("/protection?done=names-added").into_response(),
        Err(ApiError::Invalid(e)) => {
            let errors = Some(BTreeMap::from([(e.field, e.message)]));
            render(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None, None).await
        }
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn remove_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Response {
    match secrets::remove_name(&state, &who.actor(), &id).await {
        Ok(()) => Redirect::to("/protection?done=names-removed").into_response(),
        Err(e) => error_page(ctx.lang, e),
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
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    // Unparsable numbers become 0, which the domain refuses with its message for the field.
    let days = |s: &str| s.trim().parse::<i64>().unwrap_or(0);
    match retention::set(&state, &who.actor(), days(&f.contact_days), days(&f.dismissed_days)).await {
        Ok(_) => Redirect::to("/protection?done=retention-saved").into_response(),
        Err(ApiError::Invalid(e)) => {
            let errors = Some(BTreeMap::from([(e.field, e.message)]));
            render(&state, &who, &ctx, StatusCode::UNPROCESSABLE_ENTITY, errors, None, None).await
        }
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn purge(State(state): State<AppState>, who: Can<perm::ManageRetention>, ctx: PageCtx) -> Response {
    match retention::purge_org(state.store.as_ref(), who.org_id(), Some(&who.0.user.id), Utc::now()).await {
        Ok(p) => render(&state, &who, &ctx, StatusCode::OK, None, None, Some(p)).await,
        Err(e) => error_page(ctx.lang, e),
    }
}
