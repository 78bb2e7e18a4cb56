//! Alert pages: the open alerts, one alert with the reports behind it and its responses, and the
//! forms to assign it to a partner and to respond.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::DateTime;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::access::Action;
use tandem_domain::alert_engine::{AlertMethod, AlertSource};
use tandem_domain::episodes::{group, usual_range, AlertKey};
use tandem_domain::sharing::RecordKind;
use tandem_domain::violation_signal;
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::AlertFilter;

use super::ctx::PageCtx;
use super::dates::{day, moment, week_dates};
use super::error::PageError;
use super::forms::{self, FormResult, RespondForm, Shown};
use super::report_form::{area_label, notice, DoneQuery};
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::ew::responses;
use crate::extract::{perm, Can};
use crate::i18n::{self, Lang};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(alerts))
        .route("/alerts/{id}", get(alert))
        .route("/alerts/{id}/assign", post(assign))
        .route("/alerts/{id}/respond", post(respond))
        .route("/alerts/{id}/acknowledge", post(acknowledge))
        .route("/alerts/{id}/close", post(close))
}

/// An episode as the list shows it: a sentence in plain words first, the alerts folded inside.
#[derive(Serialize)]
pub(super) struct EpisodeView {
    id: String,
    title: String,
    sentence: String,
    /// The episode's run of weeks, when it has more than one.
    span: Option<String>,
    usual: Option<String>,
    due_at: Option<String>,
    overdue: bool,
    assigned: bool,
    acknowledged: bool,
    others: Vec<FoldedView>,
}

#[derive(Serialize)]
struct FoldedView {
    id: String,
    text: String,
}

#[derive(Deserialize, Default)]
struct SourceQuery {
    source: Option<String>,
}

/// The open alerts of the organisation's own reports, or (`?source=event_data`) those raised by
/// imported event data alone: a few years of ACLED must not bury what its monitors saw.
async fn alerts(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    q: Result<Query<SourceQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    // An address edited by hand lists the organisation's own alerts, the page's default.
    let source = q.source.as_deref().and_then(|s| AlertSource::parse(s).ok()).unwrap_or(AlertSource::Reports);
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let filter = AlertFilter {
        status: Some("open".into()),
        from_event_data: Some(source.from_event_data()),
        limit: 500,
        ..Default::default()
    };
    let list = state.store.list_alerts(who.org_id(), &filter).await?;
    let episodes = episodes(&cfg, ctx.lang, &list, Utc::now());
    Ok(ctx.render(StatusCode::OK, "alerts.html", minijinja::context! { episodes, source => source.as_str() }))
}

/// The open alerts grouped into episodes, each told in plain words.
pub(super) fn episodes(
    cfg: &EwConfig,
    lang: Lang,
    list: &[tandem_store::Alert],
    now: DateTime<Utc>,
) -> Vec<EpisodeView> {
    let keys: Vec<AlertKey<'_>> = list.iter().map(tandem_store::Alert::episode_key).collect();
    let words = Words { cfg, lang };
    group(&keys, &cfg.tree)
        .into_iter()
        .map(|e| {
            let lead = &list[e.lead];
            let dues = e.members.iter().filter_map(|&i| list[i].due_at);
            let due = dues.min();
            let others = e
                .members
                .iter()
                .filter(|&&i| i != e.lead)
                .map(|&i| {
                    let a = &list[i];
                    let args = [
                        ("method", words.text(&format!("method-{}", a.method.as_str()))),
                        ("area", words.area(&a.area)),
                        ("count", a.observed.to_string()),
                        ("dates", week_dates(lang, a.week, a.week)),
                    ];
                    FoldedView { id: a.id.clone(), text: words.text_with("episode-folded-item", &args) }
                })
                .collect();
            EpisodeView {
                id: lead.id.clone(),
                title: format!("{} · {}", words.category(&lead.category), words.area(&lead.area)),
                // The count is the lead alert's own week's; the run of weeks is said apart, so
                // that a sentence never pairs one week's count with several weeks' dates.
                sentence: words.sentence(lead, lead.week, lead.week),
                span: (e.first_week != e.last_week).then(|| {
                    words.text_with("episode-span", &[("dates", week_dates(lang, e.first_week, e.last_week))])
                }),
                usual: words.usual(lead),
                due_at: due.map(|d| day(lang, d.date_naive())),
                overdue: due.is_some_and(|d| d < now),
                assigned: e.members.iter().any(|&i| list[i].assigned_org_id.is_some()),
                acknowledged: e.members.iter().any(|&i| list[i].acknowledged_at.is_some()),
                others,
            }
        })
        .collect()
}

/// The most reports an alert page lists; the rest are a link to the reports list.
const REPORT_LINES: usize = 20;

/// One report behind an alert, in words: when, where, how serious, where it stands.
#[derive(Serialize)]
struct ReportLine {
    /// The list it belongs to: `reports` or `violations`.
    list: &'static str,
    id: String,
    text: String,
}

async fn report_lines(
    state: &AppState,
    cfg: &EwConfig,
    lang: Lang,
    org: &OrgId,
    category: &str,
    ids: &[String],
) -> Result<Vec<ReportLine>, AppError> {
    let words = Words { cfg, lang };
    if violation_signal::act_of(category).is_some() {
        return violation_lines(state, &words, org, ids).await;
    }
    let mut found = Vec::new();
    // Read a bounded number, then list them by date (ids are random, so their order is none).
    for id in ids.iter().take(REPORT_LINES * 10) {
        match state.store.get_report(org, id).await {
            Ok(r) => found.push(r),
            // Erased meanwhile: it simply is not listed.
            Err(tandem_store::StoreError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    found.sort_by_key(|r| r.occurred_at);
    Ok(found
        .into_iter()
        .take(REPORT_LINES)
        .map(|r| {
            let text = format!(
                "{} · {} · {} · {}",
                day(lang, r.occurred_at.date_naive()),
                words.area(&r.area),
                words.text(&format!("severity-{}", r.severity)),
                words.text(&format!("status-{}", r.status.as_str())),
            );
            ReportLine { list: "reports", id: r.id, text }
        })
        .collect())
}

/// The verified violations behind an alert on a violation series, in words like reports'.
async fn violation_lines(
    state: &AppState,
    words: &Words<'_>,
    org: &OrgId,
    ids: &[String],
) -> Result<Vec<ReportLine>, AppError> {
    let mut found = Vec::new();
    for id in ids.iter().take(REPORT_LINES * 10) {
        match state.store.get_violation(org, id).await {
            Ok(v) => found.push(v),
            Err(tandem_store::StoreError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    found.sort_by_key(|v| v.occurred_on);
    Ok(found
        .into_iter()
        .take(REPORT_LINES)
        .map(|v| {
            let text = format!(
                "{} · {} · {} · {}",
                day(words.lang, v.occurred_on),
                words.area(&v.area),
                v.institution,
                words.text(&format!("vstatus-{}", v.status.as_str())),
            );
            ReportLine { list: "violations", id: v.id, text }
        })
        .collect())
}

/// Responses as the page shows them: when, in words, and who.
pub(super) fn responses_view(lang: Lang, list: Vec<responses::Authored>) -> Vec<minijinja::Value> {
    list.into_iter()
        .map(|r| {
            let who = match &r.person {
                Some(p) => format!("{p}, {}", r.org_name),
                None => r.org_name.clone(),
            };
            minijinja::context! { when => moment(lang, r.response.responded_at), iso => r.response.responded_at.to_rfc3339(), who, action => r.response.action, outcome => r.response.outcome }
        })
        .collect()
}

/// Names instead of codes, in the page's language.
struct Words<'a> {
    cfg: &'a EwConfig,
    lang: Lang,
}

impl Words<'_> {
    fn text(&self, key: &str) -> String {
        i18n::global().text(self.lang, key, &[])
    }

    fn text_with(&self, key: &str, args: &[(&str, String)]) -> String {
        i18n::global().text(self.lang, key, args)
    }

    fn area(&self, code: &str) -> String {
        self.cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.to_owned())
    }

    /// A category's translated name, or the name it was configured with; for a violation
    /// series, its act kind's.
    fn category(&self, slug: &str) -> String {
        if let Some(act) = violation_signal::act_of(slug) {
            return self.text_with("alert-violations-of", &[("act", self.act(act))]);
        }
        let key = format!("cat-{slug}");
        let text = self.text(&key);
        if text != key {
            return text;
        }
        self.cfg.category(slug).map(|c| c.name.clone()).unwrap_or_else(|| slug.to_owned())
    }

    /// An act kind's translated name; a kind added locally shows its handle in words.
    fn act(&self, slug: &str) -> String {
        i18n::global().name(self.lang, "act", slug)
    }

    /// "Usually 0 to 1 a week.", from the alert's baseline; `None` for a threshold alert.
    fn usual(&self, a: &tandem_store::Alert) -> Option<String> {
        usual_range(a.baseline_mean, a.baseline_sd).map(|(lo, hi)| {
            let key = if lo == hi { "episode-usual-one" } else { "episode-usual" };
            self.text_with(key, &[("lo", lo.to_string()), ("hi", hi.to_string())])
        })
    }

    fn sentence(&self, a: &tandem_store::Alert, first: Week, last: Week) -> String {
        let violations = violation_signal::act_of(&a.category).is_some();
        let key = match (a.method, violations) {
            (AlertMethod::Threshold, false) => "episode-severe",
            (_, false) => "episode-reports",
            (AlertMethod::Threshold, true) => "episode-violation-severe",
            (_, true) => "episode-violations",
        };
        let args = [
            ("count", a.observed.to_string()),
            (
                "category",
                match violation_signal::act_of(&a.category) {
                    Some(act) => self.act(act).to_lowercase(),
                    None => self.category(&a.category).to_lowercase(),
                },
            ),
            ("area", self.area(&a.area)),
            ("dates", week_dates(self.lang, first, last)),
        ];
        self.text_with(key, &args)
    }
}

async fn render_alert(
    state: &AppState,
    who: &crate::extract::Member,
    ctx: &PageCtx,
    id: &str,
    shown: Shown<'_, RespondForm>,
) -> Result<Response, PageError> {
    let Shown { status, errors, notice, typed } = shown;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let (a, linked) = state.store.get_alert(who.org_id(), id).await?;
    let reports = crate::ew::alerts::reports_of(state.store.as_ref(), &cfg, who.org_id(), &a, linked).await?;
    let report_count = reports.len();
    let responses = state.store.list_responses(who.org_id(), id).await?;
    let responses =
        responses_view(ctx.lang, responses::authored(state.store.as_ref(), who.org_id(), responses).await?);
    let reports = report_lines(state, &cfg, ctx.lang, who.org_id(), &a.category, &reports).await?;
    let assignee = match a.assigned_org_id.as_deref().map(OrgId::parse) {
        Some(Ok(id)) => state.store.get_org(&id).await.map(|o| o.name).unwrap_or_default(),
        _ => String::new(),
    };
    let overdue = a.status == "open" && a.due_at.is_some_and(|d| d < Utc::now());
    let may_triage = who.actor().may(Action::TriageReports).is_ok();
    let area_label = area_label(&cfg, &a.area);
    let words = Words { cfg: &cfg, lang: ctx.lang };
    let title = format!("{} · {}", words.category(&a.category), words.area(&a.area));
    let sentence = words.sentence(&a, a.week, a.week);
    let usual = words.usual(&a);
    let acknowledged_by = match a.acknowledged_by.as_deref() {
        Some(id) => state
            .store
            .list_members(who.org_id())
            .await?
            .into_iter()
            .find(|m| m.user_id.as_str() == id)
            .map(|m| m.display_name),
        None => None,
    };
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
    let linked_violations = super::violation_links::violations_of(
        state,
        who,
        &cfg,
        ctx.lang,
        tandem_domain::violation::LinkKind::Alert,
        &a.id,
    )
    .await?;
    Ok(ctx.render(
        status,
        "alert.html",
        minijinja::context! {
            violations => violation_signal::act_of(&a.category).is_some(), linked_violations,
            a, reports, report_count, responses, assignee, overdue, may_triage, area_label, partners, errors, notice,
            title, sentence, usual, due => a.due_at.map(|d| moment(ctx.lang, d)),
            acknowledged => a.acknowledged_at.map(|d| moment(ctx.lang, d)),
            acknowledged_by, week_dates => week_dates(ctx.lang, a.week, a.week),
            closed => a.closed_at.map(|d| moment(ctx.lang, d)),
            outcomes => tandem_domain::alert_engine::AlertOutcome::ALL.map(|o| o.as_str()),
            typed => typed.map(|f| minijinja::context! { action => f.action, outcome => f.outcome }),
        },
    ))
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_alert(&state, &who, &ctx, &id, Shown::visit(notice(&q))).await
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

async fn acknowledge(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let step = tandem_store::AlertStep::Acknowledge;
    crate::ew::alerts::step_episode(state.store.as_ref(), &cfg, &who.actor(), &id, step).await?;
    Ok(Redirect::to(&format!("/alerts/{id}?done=alert-acknowledged")).into_response())
}

#[derive(Deserialize)]
struct CloseForm {
    #[serde(default)]
    outcome: String,
}

async fn close(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<CloseForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let outcome = match tandem_domain::alert_engine::AlertOutcome::parse(&f.outcome) {
        Ok(o) => o,
        Err(_) => {
            let none = tandem_domain::InvalidInput::new("close_outcome", "choose how it ended")
                .because(tandem_domain::Problem::NoneChosen);
            let shown = Shown {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                errors: Some(forms::field_errors(ctx.lang, &none)),
                notice: None,
                typed: None,
            };
            return render_alert(&state, &who, &ctx, &id, shown).await;
        }
    };
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let step = tandem_store::AlertStep::Close(outcome);
    crate::ew::alerts::step_episode(state.store.as_ref(), &cfg, &who.actor(), &id, step).await?;
    Ok(Redirect::to(&format!("/alerts/{id}?done=alert-closed")).into_response())
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
            render_alert(&state, &who, &ctx, &id, Shown::refused(ctx.lang, e, &f)).await
        }
        Err(e) => Err(e.into()),
    }
}
