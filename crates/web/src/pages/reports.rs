//! Report pages: the list with filters, the form to file one, one report with its workflow.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::report::{Channel, ReportStatus};
use tandem_store::ReportFilter;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use super::report_form::{
    area_label, area_options, category_options, notice, render_report_form, DoneQuery, ReportForm,
};
use crate::ew::reports::{self, change_status};
use crate::extract::{perm, Can, Member};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports", get(list).post(create))
        .route("/reports/new", get(new_form))
        .route("/reports/{id}", get(show))
        .route("/reports/{id}/status", post(status))
        .route("/reports/{id}/files/{file_id}", post(download))
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
    /// The page, from 1.
    #[serde(default)]
    page: String,
}

/// Reports on one page of the list: a phone scrolls through 50 cards, not 500.
const PAGE: i64 = 50;

async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let f = q.map(|q| q.0).unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let time = |s: &str| (!s.is_empty()).then(|| reports::parse_time(s).ok()).flatten();
    let filter = ReportFilter {
        area: (!f.area.is_empty()).then(|| f.area.clone()),
        category: (!f.category.is_empty()).then(|| f.category.clone()),
        status: f.status.parse().ok(),
        from: time(&f.from),
        to: time(&f.to).map(|t| t + chrono::Duration::hours(12)),
        // One more than a page: whether a next page exists, without counting them all.
        limit: PAGE + 1,
        offset: 0,
    };
    let page: i64 = f.page.trim().parse().unwrap_or(1).clamp(1, 10_000);
    let filter = ReportFilter { offset: (page - 1) * PAGE, ..filter };
    let mut found = state.store.list_reports(who.org_id(), &filter).await?;
    let more = found.len() as i64 > PAGE;
    found.truncate(PAGE as usize);
    let reports: Vec<minijinja::Value> = found
        .iter()
        .map(|r| {
            let area = cfg.areas.get(&r.area).map(|a| a.name.clone()).unwrap_or_else(|| r.area.clone());
            minijinja::context! {
                id => r.id, occurred_at => r.occurred_at, day => super::dates::day(ctx.lang, r.occurred_at.date_naive()),
                area, area_code => r.area, category => r.category, severity => r.severity, status => r.status.as_str(),
            }
        })
        .collect();
    // The same filters on the neighbouring pages.
    let link = |n: i64| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("area", &f.area),
            ("category", &f.category),
            ("status", &f.status),
            ("from", &f.from),
            ("to", &f.to),
        ] {
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        q.append_pair("page", &n.to_string());
        format!("/reports?{}", q.finish())
    };
    let pager = minijinja::context! {
        page, previous => (page > 1).then(|| link(page - 1)), next => more.then(|| link(page + 1)),
    };
    let statuses: Vec<&str> = ReportStatus::ALL.iter().map(|s| s.as_str()).collect();
    Ok(ctx.render(
        StatusCode::OK,
        "reports.html",
        minijinja::context! { reports, pager, notice => (f.done == "report-erased").then_some("report-erased"), f, areas => area_options(&cfg), categories => category_options(&cfg), statuses },
    ))
}

async fn new_form(
    State(state): State<AppState>,
    _who: Can<perm::FileReport>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let form = ReportForm::blank();
    Ok(render_report_form(&ctx, &cfg, "report_new.html", StatusCode::OK, &form, None, minijinja::context! {}))
}

async fn create(
    State(state): State<AppState>,
    who: Can<perm::FileReport>,
    ctx: PageCtx,
    form: FormResult<ReportForm>,
) -> Result<Response, PageError> {
    let mut f = forms::read(form)?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    // A hotline operator records for a caller who stays anonymous: no contact is kept.
    let channel = if f.hotline.is_some() {
        f.reporter_contact.clear();
        Channel::Hotline
    } else {
        Channel::Web
    };
    let sealer = reports::Sealer { keys: &state.keys, org: who.org_id() };
    let new = match reports::parse(&cfg, &f.raw(), channel, Some(&who.0.user.id), Utc::now(), sealer) {
        Ok(n) => n,
        Err(e) => {
            let errors = super::forms::field_errors(ctx.lang, &e);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(render_report_form(
                &ctx,
                &cfg,
                "report_new.html",
                status,
                &f,
                Some(errors),
                minijinja::context! {},
            ));
        }
    };
    let r = reports::file_queued(&state, &cfg, who.org_id(), &[new]).await?;
    let id = r.first().map(|r| r.id.as_str()).unwrap_or("");
    Ok(Redirect::to(&format!("/reports/{id}?done=report-filed")).into_response())
}

async fn show(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_report(&state, &who, &ctx, &id, notice(&q), None).await
}

/// The report page; `contact` when a coordinator just asked to see the reporter's contact.
pub async fn render_report(
    state: &AppState,
    who: &Member,
    ctx: &PageCtx,
    id: &str,
    notice: Option<&str>,
    contact: Option<String>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let r = state.store.get_report(who.org_id(), id).await?;
    let transitions: Vec<&str> = [
        (ReportStatus::Verified, "verify"),
        (ReportStatus::Dismissed, "dismiss"),
        (ReportStatus::Closed, "close"),
    ]
    .into_iter()
    .filter(|(to, _)| r.status.can_become(*to))
    .map(|(_, name)| name)
    .collect();
    let may = |a: Action| who.actor().may(a).is_ok();
    let (may_triage, may_contact, may_erase) =
        (may(Action::TriageReports), may(Action::ReadContact), may(Action::EraseReport));
    let area_label = area_label(&cfg, &r.area);
    let files = crate::ew::field::files(state, &who.actor(), &r.id).await?;
    let violations = super::violation_links::violations_of(
        state,
        who,
        &cfg,
        ctx.lang,
        tandem_domain::violation::LinkKind::Report,
        &r.id,
    )
    .await?;
    Ok(ctx.render(
        StatusCode::OK,
        "report.html",
        minijinja::context! {
            r, area_label, transitions, may_triage, may_contact, may_erase, contact, notice, files, violations,
        },
    ))
}

/// A file that came with the report, opened for a coordinator (audited) and sent as a download.
/// A form's POST, like showing the contact, so that no link prefetch opens it.
async fn download(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    Path((id, file_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (meta, bytes) = crate::ew::field::open_file(&state, &who.actor(), &id, &file_id).await?;
    let shown = crate::ew::field::served_type(&meta.content_type).to_owned();
    Ok((
        crate::headers::NoStore,
        crate::headers::Attachment(meta.name),
        [
            (axum::http::header::CONTENT_TYPE, shown),
            (axum::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
struct StatusForm {
    to: String,
}

async fn status(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
    form: FormResult<StatusForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let to = ReportStatus::from_transition(&f.to).ok_or_else(PageError::bad_request)?;
    change_status(&state, who.org_id(), &who.0.user.id, &id, to).await?;
    Ok(Redirect::to(&format!("/reports/{id}?done=report-updated")).into_response())
}
