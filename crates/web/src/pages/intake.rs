//! The public intake page of an organisation (`/intake/{org-slug}`): anyone can tell a concern
//! without an account or JavaScript. Rate-limited per client address, and the address is never
//! stored: the report holds only what the person chose to write.
use std::collections::BTreeMap;
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use chrono::Utc;
use tandem_domain::report::Channel;

use super::ew::{render_report_form, ReportForm};
use super::{error_page, malformed_form, FormResult, PageCtx};
use crate::ew::reports;
use crate::extract::ClientAddr;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/intake/{slug}", get(show).post(submit)).route("/intake/{slug}/thanks", get(thanks))
}

async fn show(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<String>) -> Response {
    let (org, cfg) =
        match (state.store.find_org_by_slug(&slug).await, state.ew_config.get(state.store.as_ref()).await) {
            (Ok(o), Ok(c)) => (o, c),
            (Err(e), _) => return error_page(ctx.lang, e.into()),
            (_, Err(e)) => return error_page(ctx.lang, e),
        };
    let form = ReportForm {
        occurred_at: Utc::now().date_naive().to_string(),
        severity: "2".into(),
        ..Default::default()
    };
    render_report_form(
        &ctx,
        &cfg,
        "intake.html",
        StatusCode::OK,
        &form,
        None,
        minijinja::context! { org_name => org.name, slug },
    )
}

async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientAddr(addr): ClientAddr,
    Path(slug): Path<String>,
    form: FormResult<ReportForm>,
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    let (org, cfg) =
        match (state.store.find_org_by_slug(&slug).await, state.ew_config.get(state.store.as_ref()).await) {
            (Ok(o), Ok(c)) => (o, c),
            (Err(e), _) => return error_page(ctx.lang, e.into()),
            (_, Err(e)) => return error_page(ctx.lang, e),
        };
    let extra = minijinja::context! { org_name => org.name.clone(), slug => slug.clone() };
    let key = addr.to_string();
    let now = Instant::now();
    let blocked =
        state.throttle_intake.lock().unwrap_or_else(|p| p.into_inner()).blocked_for(&key, now).is_some();
    if blocked {
        let extra = minijinja::context! { too_many => true, ..extra };
        return render_report_form(&ctx, &cfg, "intake.html", StatusCode::TOO_MANY_REQUESTS, &f, None, extra);
    }
    let sealer = reports::Sealer { keys: &state.keys, org: &org.id };
    let new = match reports::parse(&cfg, &f.raw(), Channel::Intake, None, Utc::now(), sealer) {
        Ok(n) => n,
        Err(e) => {
            let errors = BTreeMap::from([(e.field, e.message)]);
            return render_report_form(
                &ctx,
                &cfg,
                "intake.html",
                StatusCode::UNPROCESSABLE_ENTITY,
                &f,
                Some(errors),
                extra,
            );
        }
    };
    // Counted on acceptance, so a person correcting a typo is not locked out.
    state.throttle_intake.lock().unwrap_or_else(|p| p.into_inner()).record_failure(&key, now);
    match reports::file_queued(&state, &cfg, &org.id, &[new]).await {
        Ok(_) => Redirect::to(&format!("/intake/{slug}/thanks")).into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn thanks(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<String>) -> Response {
    match state.store.find_org_by_slug(&slug).await {
        Ok(org) => ctx.render(
            StatusCode::OK,
            "intake_thanks.html",
            minijinja::context! { org_name => org.name, slug },
        ),
        Err(e) => error_page(ctx.lang, e.into()),
    }
}
