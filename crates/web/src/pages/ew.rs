//! Early-warning pages: reports (list, file, read, triage), alerts (list, read, assign, respond)
//! and the dashboard. All work without JavaScript; forms post and redirect.
use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::report::{Channel, ReportStatus};
use tandem_domain::week::Week;
use tandem_store::{AlertFilter, ReportFilter};

use super::{error_page, malformed_form, FormResult, PageCtx, RespondForm};
use crate::api::reports::change_status;
use crate::charts;
use crate::error::ApiError;
use crate::ew::config::EwConfig;
use crate::ew::reports::{self, RawReport};
use crate::ew::responses;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports", get(list).post(create))
        .route("/reports/new", get(new_form))
        .route("/reports/{id}", get(show))
        .route("/reports/{id}/status", post(status))
        .route("/alerts", get(alerts))
        .route("/alerts/{id}", get(alert))
        .route("/alerts/{id}/assign", post(assign))
        .route("/alerts/{id}/respond", post(respond))
        .route("/dashboard", get(dashboard))
}

#[derive(Serialize)]
pub struct AreaOption {
    pub code: String,
    pub label: String,
}

/// Areas for a select, in P-code order (which is hierarchical), indented by level.
pub fn area_options(cfg: &EwConfig) -> Vec<AreaOption> {
    let mut v: Vec<_> = cfg.areas.values().collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v.iter()
        .map(|a| AreaOption {
            code: a.code.clone(),
            label: format!("{}{} ({})", "\u{2003}".repeat(a.level as usize), a.name, a.code),
        })
        .collect()
}

pub fn category_options(cfg: &EwConfig) -> Vec<String> {
    cfg.categories.iter().map(|c| c.slug.clone()).collect()
}

fn area_label(cfg: &EwConfig, code: &str) -> String {
    cfg.areas.get(code).map(|a| format!("{} ({})", a.name, a.code)).unwrap_or_else(|| code.to_owned())
}

#[derive(Deserialize, Serialize, Default)]
struct ListQuery {
    #[serde(default)]
    area: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    done: String,
}

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let f = q.map(|q| q.0).unwrap_or_default();
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return error_page(ctx.lang, e),
    };
    let time = |s: &str| (!s.is_empty()).then(|| reports::parse_time(s).ok()).flatten();
    let filter = ReportFilter {
        area: (!f.area.is_empty()).then(|| f.area.clone()),
        category: (!f.category.is_empty()).then(|| f.category.clone()),
        status: f.status.parse().ok(),
        from: time(&f.from),
        to: time(&f.to).map(|t| t + chrono::Duration::hours(12)),
        limit: 500,
    };
    let reports = match state.store.list_reports(who.org_id(), &filter).await {
        Ok(r) => r,
        Err(e) => return error_page(ctx.lang, e.into()),
    };
    let statuses: Vec<&str> = ReportStatus::ALL.iter().map(|s| s.as_str()).collect();
    ctx.render(
        StatusCode::OK,
        "reports.html",
        minijinja::context! { reports, notice => (f.done == "report-erased").then_some("report-erased"), f, areas => area_options(&cfg), categories => category_options(&cfg), statuses },
    )
}

#[derive(Deserialize, Serialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub reporter_contact: String,
    pub hotline: Option<String>,
}

impl ReportForm {
    pub fn raw(&self) -> RawReport {
        RawReport {
            area: self.area.clone(),
            category: self.category.clone(),
            // A missing or garbled severity becomes 0, which the domain refuses with its message.
            severity: self.severity.trim().parse().unwrap_or(0),
            occurred_at: self.occurred_at.clone(),
            description: self.description.clone(),
            reporter_contact: Some(self.reporter_contact.clone()),
        }
    }
}

pub fn render_report_form(
    ctx: &PageCtx,
    cfg: &EwConfig,
    template: &str,
    status: StatusCode,
    form: &ReportForm,
    errors: Option<BTreeMap<&str, String>>,
    extra: minijinja::Value,
) -> Response {
    let today = Utc::now().date_naive().to_string();
    ctx.render(
        status,
        template,
        minijinja::context! { form, errors, today, areas => area_options(cfg), categories => category_options(cfg), ..extra },
    )
}

async fn new_form(State(state): State<AppState>, _who: Can<perm::FileReport>, ctx: PageCtx) -> Response {
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return error_page(ctx.lang, e),
    };
    let form = ReportForm {
        occurred_at: Utc::now().date_naive().to_string(),
        severity: "2".into(),
        ..Default::default()
    };
    render_report_form(&ctx, &cfg, "report_new.html", StatusCode::OK, &form, None, minijinja::context! {})
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::FileReport>,
    ctx: PageCtx,
    form: FormResult<ReportForm>,
) -> Response {
    let Ok(Form(mut f)) = form else {
        return malformed_form(ctx.lang);
    };
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return error_page(ctx.lang, e),
    };
    // A hotline operator records for a caller who stays anonymous: no contact is kept.
    let channel = if f.hotline.is_some() {
        f.reporter_contact.clear();
        Channel::Hotline
    } else {
        Channel::Web
    };
    let sealer = reports::Sealer { keys: &state.keys, org: who.org_id() };
    let parsed = reports::parse(&cfg, &f.raw(), channel, Some(&who.0.user.id), Utc::now(), sealer);
    let new = match parsed {
        Ok(n) => n,
        Err(e) => {
            let errors = BTreeMap::from([(e.field, e.message)]);
            return render_report_form(
                &ctx,
                &cfg,
                "report_new.html",
                StatusCode::UNPROCESSABLE_ENTITY,
                &f,
                Some(errors),
                minijinja::context! {},
            );
        }
    };
    match reports::file_queued(&state, &cfg, who.org_id(), &[new]).await {
        Ok(r) => Redirect::to(&format!(
            "/reports/{}?done=report-filed",
            r.first().map(|r| r.id.as_str()).unwrap_or("")
        ))
        .into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

pub fn notice(q: &Result<Query<Done>, axum::extract::rejection::QueryRejection>) -> Option<&'static str> {
    let key = q.as_ref().ok()?.done.as_deref()?;
    ["report-filed", "report-updated", "alert-assigned-ok", "alert-responded", "report-erased"]
        .into_iter()
        .find(|k| *k == key)
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Response {
    render_report(&state, &who, &ctx, &id, notice(&q), None).await
}

/// The report page; `contact` when a coordinator just asked to see the reporter's contact.
pub async fn render_report(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    id: &str,
    notice: Option<&str>,
    contact: Option<String>,
) -> Response {
    let (cfg, r) = match (
        state.ew_config.get(state.store.as_ref()).await,
        state.store.get_report(who.org_id(), id).await,
    ) {
        (Ok(c), Ok(r)) => (c, r),
        (Err(e), _) => return error_page(ctx.lang, e),
        (_, Err(e)) => return error_page(ctx.lang, e.into()),
    };
    let transitions: Vec<&str> = [
        (ReportStatus::Verified, "verify"),
        (ReportStatus::Dismissed, "dismiss"),
        (ReportStatus::Closed, "close"),
    ]
    .into_iter()
    .filter(|(to, _)| r.status.can_become(*to))
    .map(|(_, name)| name)
    .collect();
    use tandem_domain::access::Action;
    let may = |a: Action| who.actor().may(a).is_ok();
    let (may_triage, may_contact, may_erase) =
        (may(Action::TriageReports), may(Action::ReadContact), may(Action::EraseReport));
    let area_label = area_label(&cfg, &r.area);
    ctx.render(
        StatusCode::OK,
        "report.html",
        minijinja::context! { r, area_label, transitions, may_triage, may_contact, may_erase, contact, notice },
    )
}

#[derive(Deserialize)]
struct StatusForm {
    to: String,
}

async fn status(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<StatusForm>,
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    let to = match f.to.as_str() {
        "verify" => ReportStatus::Verified,
        "dismiss" => ReportStatus::Dismissed,
        "close" => ReportStatus::Closed,
        _ => return error_page(ctx.lang, ApiError::BadRequest("unknown transition".into())),
    };
    match change_status(&state, who.org_id(), &who.0.user.id, &id, to).await {
        Ok(_) => Redirect::to(&format!("/reports/{id}?done=report-updated")).into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

#[derive(Serialize)]
struct AlertRow {
    #[serde(flatten)]
    alert: tandem_store::Alert,
    overdue: bool,
}

async fn alerts(State(state): State<AppState>, who: Can<perm::ViewReports>, ctx: PageCtx) -> Response {
    let filter = AlertFilter { status: Some("open".into()), limit: 500, ..Default::default() };
    let now = Utc::now();
    match state.store.list_alerts(who.org_id(), &filter).await {
        Ok(list) => {
            let alerts: Vec<AlertRow> = list
                .into_iter()
                .map(|a| AlertRow { overdue: a.due_at.is_some_and(|d| d < now), alert: a })
                .collect();
            ctx.render(StatusCode::OK, "alerts.html", minijinja::context! { alerts })
        }
        Err(e) => error_page(ctx.lang, e.into()),
    }
}

async fn render_alert(
    state: &AppState,
    who: &Can<perm::ViewReports>,
    ctx: &PageCtx,
    id: &str,
    status: StatusCode,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
) -> Response {
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return error_page(ctx.lang, e),
    };
    let (a, linked) = match state.store.get_alert(who.org_id(), id).await {
        Ok(x) => x,
        Err(e) => return error_page(ctx.lang, e.into()),
    };
    let reports =
        match crate::ew::alerts::reports_of(state.store.as_ref(), &cfg, who.org_id(), &a, linked).await {
            Ok(r) => r,
            Err(e) => return error_page(ctx.lang, e),
        };
    let responses = state.store.list_responses(who.org_id(), id).await.unwrap_or_default();
    let assignee = match &a.assigned_org_id {
        Some(o) => match tandem_domain::OrgId::parse(o) {
            Ok(id) => state.store.get_org(&id).await.map(|o| o.name).unwrap_or_default(),
            Err(_) => String::new(),
        },
        None => String::new(),
    };
    let overdue = a.status == "open" && a.due_at.is_some_and(|d| d < Utc::now());
    let may_triage = who.actor().may(tandem_domain::access::Action::TriageReports).is_ok();
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
        .filter(|g| g.covers(tandem_domain::sharing::RecordKind::Alerts))
        .map(|g| minijinja::context! { id => g.partner_org, name => g.partner_name })
        .collect();
    ctx.render(status, "alert.html", minijinja::context! { a, reports, responses, assignee, overdue, may_triage, area_label, partners, errors, notice })
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Response {
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
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<AssignForm>,
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    let hours = f.due_in_hours.as_deref().and_then(|h| h.trim().parse::<i64>().ok());
    let due = match responses::due_time(None, hours.or(Some(0)), Utc::now()) {
        Ok(d) => d,
        Err(e) => return error_page(ctx.lang, e.into()),
    };
    match responses::assign(&state, who.org_id(), &who.0.user.id, &id, f.org.as_deref(), due).await {
        Ok(_) => Redirect::to(&format!("/alerts/{id}?done=alert-assigned-ok")).into_response(),
        Err(e) => error_page(ctx.lang, e),
    }
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<RespondForm>,
) -> Response {
    let Ok(Form(f)) = form else {
        return malformed_form(ctx.lang);
    };
    match responses::respond_as(
        state.store.as_ref(),
        who.org_id(),
        &who.actor(),
        &id,
        &f.action,
        &f.outcome,
        Utc::now(),
    )
    .await
    {
        Ok(_) => Redirect::to(&format!("/alerts/{id}?done=alert-responded")).into_response(),
        Err(ApiError::Invalid(e)) => {
            render_alert(
                &state,
                &who,
                &ctx,
                &id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(BTreeMap::from([(e.field, e.message)])),
                None,
            )
            .await
        }
        Err(e) => error_page(ctx.lang, e),
    }
}

#[derive(Serialize)]
struct Series {
    category: String,
    total: u32,
    svg: String,
}

/// The figures behind one organisation's dashboard, computed at most every [`DASHBOARD_TTL`]:
/// a page many people keep open must not run its aggregates for each of them.
pub struct DashboardData {
    per_area: HashMap<String, u32>,
    overdue: Vec<tandem_store::Alert>,
    by_cat: BTreeMap<String, Vec<u32>>,
}

pub const DASHBOARD_TTL: std::time::Duration = std::time::Duration::from_secs(10);

async fn dashboard_data(
    state: &AppState,
    org: &tandem_domain::OrgId,
) -> Result<std::sync::Arc<DashboardData>, ApiError> {
    {
        let mut cache = state.dashboards.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, d)) = cache.get(org).cloned() {
            if at.elapsed() >= DASHBOARD_TTL {
                // Stale: serve it, and refresh once in the background (the new time stamp keeps
                // other requests from starting refreshes of their own).
                cache.insert(org.clone(), (std::time::Instant::now(), d.clone()));
                let (st, o) = (state.clone(), org.clone());
                tokio::spawn(async move {
                    if let Err(e) = compute_dashboard(&st, &o).await {
                        tracing::warn!(error = %e, "dashboard refresh failed");
                    }
                });
            }
            return Ok(d);
        }
    }
    compute_dashboard(state, org).await
}

async fn compute_dashboard(
    state: &AppState,
    org: &tandem_domain::OrgId,
) -> Result<std::sync::Arc<DashboardData>, ApiError> {
    let per_area: HashMap<String, u32> = state.store.open_alert_counts(org).await?.into_iter().collect();
    let overdue = state
        .store
        .list_alerts(org, &AlertFilter { overdue_at: Some(Utc::now()), limit: 50, ..Default::default() })
        .await?;
    let now = Week::of(Utc::now());
    let from = Week(now.0 - 25);
    // Counted in the database: cheap however many reports there are.
    let mut by_cat: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (category, week, n) in state.store.weekly_counts(org, (from, now)).await? {
        if let Some(slot) =
            by_cat.entry(category).or_insert_with(|| vec![0; 26]).get_mut((week.0 - from.0) as usize)
        {
            *slot = n;
        }
    }
    let d = std::sync::Arc::new(DashboardData { per_area, overdue, by_cat });
    let mut cache = state.dashboards.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() > 10_000 {
        cache.clear();
    }
    cache.insert(org.clone(), (std::time::Instant::now(), d.clone()));
    Ok(d)
}

/// The dashboard: a choropleth of open alerts at the finest level that has drawn areas, weekly
/// series per category over the last 26 weeks, and overdue responses.
async fn dashboard(State(state): State<AppState>, who: Can<perm::ViewReports>, ctx: PageCtx) -> Response {
    let result: Result<Response, ApiError> = async {
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let data = dashboard_data(&state, who.org_id()).await?;
        let (per_area, overdue) = (data.per_area.clone(), data.overdue.clone());
        let areas = state.store.list_areas(true).await?;
        let level = areas.iter().filter(|a| a.geometry.is_some()).map(|a| a.level).max();
        let drawn: Vec<(String, String, String)> = areas
            .iter()
            .filter(|a| Some(a.level) == level)
            .filter_map(|a| Some((a.code.clone(), a.name.clone(), a.geometry.clone()?)))
            .collect();
        // Open alerts of the drawn level; alerts above it are not spread down.
        let counts: HashMap<String, u32> =
            per_area.into_iter().filter(|(area, _)| drawn.iter().any(|d| &d.0 == area)).collect();
        let title = crate::i18n::global().text(ctx.lang, "dashboard-map", &[]);
        let map = if drawn.is_empty() { String::new() } else { charts::choropleth(&drawn, &counts, &title) };

        let by_cat = &data.by_cat;
        let series: Vec<Series> = cfg
            .categories
            .iter()
            .filter_map(|c| {
                let values = by_cat.get(&c.slug)?;
                let name = crate::i18n::global().text(ctx.lang, &format!("cat-{}", c.slug), &[]);
                Some(Series {
                    category: c.slug.clone(),
                    total: values.iter().sum(),
                    svg: charts::sparkline(values, &name),
                })
            })
            .collect();
        Ok(ctx.render(StatusCode::OK, "dashboard.html", minijinja::context! { map, series, overdue }))
    }
    .await;
    result.unwrap_or_else(|e| error_page(ctx.lang, e))
}
