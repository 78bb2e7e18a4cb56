//! Alert pages: the open alerts, one alert with the reports behind it and its responses, and the
//! forms to assign it to a partner and to respond.
use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::sharing::RecordKind;
use tandem_domain::OrgId;
use tandem_store::AlertFilter;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult, RespondForm};
use super::report_form::{area_label, notice, DoneQuery};
use crate::app_error::AppError;
use crate::ew::responses;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(alerts))
        .route("/alerts/{id}", get(alert))
        .route("/alerts/{id}/assign", post(assign))
        .route("/alerts/{id}/respond", post(respond))
}

#[derive(Serialize)]
struct AlertRow {
    #[serde(flatten)]
    alert: tandem_store::Alert,
    overdue: bool,
}

async fn alerts(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let filter = AlertFilter { status: Some("open".into()), limit: 500, ..Default::default() };
    let now = Utc::now();
    let alerts: Vec<AlertRow> = state
        .store
        .list_alerts(who.org_id(), &filter)
        .await?
        .into_iter()
        .map(|a| AlertRow { overdue: a.due_at.is_some_and(|d| d < now), alert: a })
        .collect();
    Ok(ctx.render(StatusCode::OK, "alerts.html", minijinja::context! { alerts }))
}

async fn render_alert(
    state: &AppState,
    who: &Can<perm::ViewReports>,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let (a, linked) = state.store.get_alert(who.org_id(), id).await?;
    let reports = crate::ew::alerts::reports_of(state.store.as_ref(), &cfg, who.org_id(), &a, linked).await?;
    let responses = state.store.list_responses(who.org_id(), id).await.unwrap_or_default();
    let assignee = match a.assigned_org_id.as_deref().map(OrgId::parse) {
        Some(Ok(id)) => state.store.get_org(&id).await.map(|o| o.name).unwrap_or_default(),
        _ => String::new(),
    };
    let overdue = a.status == "open" && a.due_at.is_some_and(|d| d < Utc::now());
    let may_triage = who.actor().may(Action::TriageReports).is_ok();
    let area_label = area_label(&cfg, &a.area);
    // Organisations the alert may be assigned to: those with an agreement covering alerts.
    let now = Utc::now();
    let partners: Vec<minijinja::Value> = state
        .store
        .list_agreements(who.org_id())
        .await
        .unwrap_or_default()
        .iter()
        .filter(|g| g.owner_org == who.org_id().as_str() && g.in_force(now))
        .filter(|g| g.covers(RecordKind::Alerts))
        .map(|g| minijinja::context! { id => g.partner_org, name => g.partner_name })
        .collect();
    Ok(ctx.render(
        status,
        "alert.html",
        minijinja::context! { a, reports, responses, assignee, overdue, may_triage, area_label, partners, errors, notice },
    ))
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_alert(&state, &who, &ctx, &id, StatusCode::OK, None, notice(&q)).await
}

#[derive(Deserialize)]
struct AssignForm {
    due_in_hours: Option<String>,
    org: Option<String>,
}

async fn assign(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
    form: FormResult<AssignForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let hours = f.due_in_hours.as_deref().and_then(|h| h.trim().parse::<i64>().ok());
    let due = responses::due_time(None, hours.or(Some(0)), Utc::now())?;
    responses::assign(&state, who.org_id(), &who.0.user.id, &id, f.org.as_deref(), due).await?;
    Ok(Redirect::to(&format!("/alerts/{id}?done=alert-assigned-ok")).into_response())
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<RespondForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let store = state.store.as_ref();
    match responses::respond_as(store, who.org_id(), &who.actor(), &id, &f.action, &f.outcome, Utc::now())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/alerts/{id}?done=alert-responded")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Some(BTreeMap::from([(e.field, e.message)]));
            render_alert(&state, &who, &ctx, &id, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}
