//! The public intake page of an organisation (`/intake/{org-slug}`): anyone can tell a concern
//! without an account or JavaScript. Rate-limited per client address, and the address is never
//! stored: the report holds only what the person chose to write.
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use tandem_domain::report::Channel;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use super::report_form::{render_report_form, ReportForm};
use crate::ew::reports;
use crate::extract::ClientAddr;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/intake/{slug}", get(show).post(submit)).route("/intake/{slug}/thanks", get(thanks))
}

async fn show(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let org = state.store.find_org_by_slug(&slug).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let extra = minijinja::context! { org_name => org.name, slug };
    Ok(render_report_form(&ctx, &cfg, "intake.html", StatusCode::OK, &ReportForm::blank(), None, extra))
}

async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientAddr(addr): ClientAddr,
    Path(slug): Path<String>,
    form: FormResult<ReportForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let org = state.store.find_org_by_slug(&slug).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let extra = minijinja::context! { org_name => org.name.clone(), slug => slug.clone() };
    let key = addr.to_string();
    let now = Instant::now();
    let blocked =
        state.throttle_intake.lock().unwrap_or_else(|p| p.into_inner()).blocked_for(&key, now).is_some();
    if blocked {
        let extra = minijinja::context! { too_many => true, ..extra };
        return Ok(render_report_form(
            &ctx,
            &cfg,
            "intake.html",
            StatusCode::TOO_MANY_REQUESTS,
            &f,
            None,
            extra,
        ));
    }
    let sealer = reports::Sealer { keys: &state.keys, org: &org.id };
    let new = match reports::parse(&cfg, &f.raw(), Channel::Intake, None, Utc::now(), sealer) {
        Ok(n) => n,
        Err(e) => {
            let errors = super::forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(render_report_form(&ctx, &cfg, "intake.html", status, &f, Some(errors), extra));
        }
    };
    // Counted on acceptance, so a person correcting a typo is not locked out.
    state.throttle_intake.lock().unwrap_or_else(|p| p.into_inner()).record_failure(&key, now);
    reports::file_queued(&state, &cfg, &org.id, &[new]).await?;
    Ok(Redirect::to(&format!("/intake/{slug}/thanks")).into_response())
}

async fn thanks(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let org = state.store.find_org_by_slug(&slug).await?;
    Ok(ctx.render(StatusCode::OK, "intake_thanks.html", minijinja::context! { org_name => org.name, slug }))
}
