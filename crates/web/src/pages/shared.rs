//! What partners share with an organisation: aggregate tables, de-identified records and the
//! alerts assigned to it, which it answers here.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::area::AreaLevel;
use tandem_domain::week::Week;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult, RespondForm, Shown};
use super::report_form::{notice, DoneQuery};
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::protection::shared::{self, Aggregates};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/shared", get(overview))
        .route("/shared/records", get(records))
        .route("/shared/alerts/{id}", get(alert))
        .route("/shared/alerts/{id}/respond", post(respond))
}

#[derive(Serialize)]
struct RowView {
    label: String,
    cells: Vec<Option<u32>>,
    total: Option<u32>,
}

#[derive(Serialize)]
struct TableView {
    week: Week,
    cols: Vec<String>,
    rows: Vec<RowView>,
    col_totals: Vec<Option<u32>>,
    /// Whether the table has row totals and the week's total (only when it has every category).
    full: bool,
    total: Option<u32>,
    /// How many of its numbers are hidden, for the sentence that says so.
    hidden: usize,
}

#[derive(Serialize)]
pub(super) struct AgreementTables {
    owner_name: String,
    mode: tandem_domain::sharing::ShareMode,
    area_level: AreaLevel,
    k: u32,
    tables: Vec<TableView>,
}

/// An area as a partner reads it: its name (the code only when the name is unknown).
pub(super) fn area_name(cfg: &crate::ew::config::EwConfig, code: &str) -> String {
    cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.to_owned())
}

/// Lays the published cells and totals out as one table per agreement and week, newest first.
/// A cell not listed is zero (only non-zero and suppressed cells are listed).
pub(super) fn tables(
    agg: &Aggregates,
    cfg: &crate::ew::config::EwConfig,
    label: impl Fn(&str) -> String,
) -> Vec<AgreementTables> {
    agg.agreements
        .iter()
        .map(|a| {
            let full = a.categories.is_empty();
            let cols: Vec<String> = if full {
                cfg.categories.iter().map(|c| c.slug.clone()).collect()
            } else {
                a.categories.clone()
            };
            let mut weeks: BTreeMap<Week, (BTreeMap<String, RowView>, TableView)> = BTreeMap::new();
            let table = |week: Week| TableView {
                week,
                cols: cols.clone(),
                rows: vec![],
                col_totals: vec![Some(0); cols.len()],
                full,
                total: Some(0),
                hidden: 0,
            };
            let blank_row =
                |area: &str| RowView { label: label(area), cells: vec![Some(0); cols.len()], total: None };
            for x in agg.cells.iter().filter(|x| x.agreement == a.id) {
                let (rows, _) = weeks.entry(x.week).or_insert_with(|| (BTreeMap::new(), table(x.week)));
                let row = rows.entry(x.area.clone()).or_insert_with(|| blank_row(&x.area));
                if let Some(i) = cols.iter().position(|c| *c == x.category) {
                    row.cells[i] = x.count;
                }
            }
            for t in agg.totals.iter().filter(|t| t.agreement == a.id) {
                let (rows, tv) = weeks.entry(t.week).or_insert_with(|| (BTreeMap::new(), table(t.week)));
                match (&t.area, &t.category) {
                    (Some(area), None) => {
                        rows.entry(area.clone()).or_insert_with(|| blank_row(area)).total = t.count
                    }
                    (None, Some(c)) => {
                        if let Some(i) = cols.iter().position(|x| x == c) {
                            tv.col_totals[i] = t.count;
                        }
                    }
                    _ => tv.total = t.count,
                }
            }
            let tables = weeks
                .into_values()
                .rev()
                .map(|(rows, mut tv)| {
                    tv.rows = rows.into_values().collect();
                    // Row totals and the week's total are shown only in a table of every category.
                    let totals = tv.rows.iter().map(|r| r.total).chain([tv.total]).filter(|_| full);
                    tv.hidden = tv
                        .rows
                        .iter()
                        .flat_map(|r| r.cells.iter().copied())
                        .chain(tv.col_totals.iter().copied())
                        .chain(totals)
                        .filter(Option::is_none)
                        .count();
                    tv
                })
                .collect();
            AgreementTables {
                owner_name: a.owner_name.clone(),
                mode: a.mode,
                area_level: a.area_level,
                k: a.k,
                tables,
            }
        })
        .collect()
}

/// Shared violation cells as the page shows them: per owner and quarter, newest first, a card per
/// area and institution kind with any violation (or a hidden count), its acts named.
async fn violation_tables(
    state: &AppState,
    cfg: &crate::ew::config::EwConfig,
    lang: crate::i18n::Lang,
    cells: &[crate::protection::shared_violations::SharedViolationCell],
) -> Result<Vec<minijinja::Value>, AppError> {
    use std::collections::BTreeMap;
    let name = |prefix: &str, slug: &str| crate::i18n::global().name(lang, prefix, slug);
    // (owner, quarter) → (area, kind) → [(act, count)], with the row total under act None.
    type Row = Vec<(Option<String>, Option<u32>)>;
    let mut tables: BTreeMap<(String, String), BTreeMap<(String, String), Row>> = BTreeMap::new();
    let mut grand: BTreeMap<(String, String), Option<u32>> = BTreeMap::new();
    for c in cells {
        let key = (c.owner_org.clone(), c.quarter.clone());
        match (&c.area, &c.institution) {
            (Some(area), Some(kind)) => tables
                .entry(key)
                .or_default()
                .entry((area.clone(), kind.clone()))
                .or_default()
                .push((c.act.clone(), c.count)),
            (None, None) if c.act.is_none() => {
                grand.insert(key, c.count);
            }
            _ => {}
        }
    }
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut out = vec![];
    for ((owner, quarter), rows) in tables.into_iter().rev() {
        if !names.contains_key(&owner) {
            let name = match tandem_domain::OrgId::parse(&owner) {
                Ok(id) => state.store.get_org(&id).await.map(|o| o.name).unwrap_or_default(),
                Err(_) => String::new(),
            };
            names.insert(owner.clone(), name);
        }
        let cards: Vec<minijinja::Value> = rows
            .into_iter()
            .filter_map(|((area, kind), entries)| {
                let total = entries.iter().find(|(a, _)| a.is_none()).map(|(_, n)| *n)?;
                let acts: Vec<minijinja::Value> = entries
                    .iter()
                    .filter(|(a, n)| a.is_some() && *n != Some(0))
                    .map(|(a, n)| {
                        let slug = a.clone().unwrap_or_default();
                        minijinja::context! { name => name("act", &slug), count => n }
                    })
                    .collect();
                // A row of zeros says nothing the legend does not.
                (total != Some(0)).then(|| {
                    minijinja::context! {
                        place => format!("{} · {}", area_name(cfg, &area), name("ikind", &kind)),
                        total, acts,
                    }
                })
            })
            .collect();
        out.push(minijinja::context! {
            owner_name => names[&owner].clone(),
            quarter => tandem_domain::violation_stats::Quarter::parse(&quarter)
                .map(|q| crate::i18n::global().text(lang, &format!("quarter-{}", q.q), &[("year", q.year.to_string())]))
                .unwrap_or(quarter.clone()),
            total => grand.get(&(owner.clone(), quarter.clone())).copied().flatten(),
            cards,
        });
    }
    Ok(out)
}

#[derive(Deserialize, Default)]
struct WeeksQuery {
    weeks: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    q: Result<Query<WeeksQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let weeks = q
        .ok()
        .and_then(|q| q.0.weeks)
        .and_then(|w| w.trim().parse::<u32>().ok())
        .unwrap_or(4)
        .clamp(1, shared::MAX_WEEKS);
    {
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let agg = shared::aggregates(&state, &who.actor(), weeks).await?;
        let label = |code: &str| area_name(&cfg, code);
        let agreements = tables(&agg, &cfg, label);
        let alerts: Vec<minijinja::Value> = shared::alerts(&state, who.org_id())
            .await?
            .into_iter()
            .map(|a| {
                let area_label = label(&a.area);
                minijinja::context! { area_label, ..minijinja::Value::from_serialize(&a) }
            })
            .collect();
        let released_until = agg.released_until;
        let grace_days = state.config.sharing_grace.as_secs() / 86_400;
        let cells = crate::protection::shared_violations::tables(&state, &who.actor(), 2).await?;
        let violations = violation_tables(&state, &cfg, ctx.lang, &cells).await?;
        Ok(ctx.render(
            StatusCode::OK,
            "shared.html",
            minijinja::context! { agreements, alerts, weeks, released_until, grace_days, violations },
        ))
    }
}

/// How many shared violations of each organisation the page lists (the API gives more).
const PAGE_VIOLATIONS: i64 = 25;

/// A shared violation's month (`2026-03`) or year in words; "date unknown" without either.
fn shared_when(lang: crate::i18n::Lang, when: Option<&str>) -> String {
    use tandem_domain::violation::DatePrecision;
    let month = when.and_then(|w| chrono::NaiveDate::parse_from_str(&format!("{w}-01"), "%Y-%m-%d").ok());
    match (when, month) {
        (_, Some(d)) => super::dates::when_words(lang, d, DatePrecision::Month),
        (Some(year), None) => year.to_owned(),
        (None, _) => super::dates::when_words(lang, chrono::NaiveDate::MIN, DatePrecision::Unknown),
    }
}

async fn records(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    {
        let cfg = state.ew_config.get(state.store.as_ref()).await?;
        let names: BTreeMap<String, String> = state
            .store
            .agreements_for_partner(who.org_id(), Utc::now())
            .await?
            .into_iter()
            .map(|a| (a.owner_org, a.owner_name))
            .collect();
        let records: Vec<minijinja::Value> = shared::records(&state, &who.actor(), shared::DEFAULT_WEEKS)
            .await?
            .into_iter()
            .map(|r| {
                let area_label = area_name(&cfg, &r.area);
                let owner_name = names.get(&r.owner_org).cloned().unwrap_or_default();
                minijinja::context! { area_label, owner_name, ..minijinja::Value::from_serialize(&r) }
            })
            .collect();
        let violations: Vec<minijinja::Value> = crate::protection::shared_violation_records::records(
            &state,
            &who.actor(),
            4,
            PAGE_VIOLATIONS,
        )
        .await?
        .into_iter()
        .map(|r| {
            let area_label = area_name(&cfg, &r.area);
            let owner_name = names.get(&r.owner_org).cloned().unwrap_or_default();
            let when_label = shared_when(ctx.lang, r.when.as_deref());
            minijinja::context! { area_label, owner_name, when_label, ..minijinja::Value::from_serialize(&r) }
        })
        .collect();
        Ok(ctx.render(
            StatusCode::OK,
            "shared_records.html",
            minijinja::context! { records, violations, page_violations => PAGE_VIOLATIONS },
        ))
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
    let (a, _) = shared::alert(state, who.org_id(), id).await?;
    let responses = shared::responses(state, who.org_id(), &a).await?;
    let responses = super::alerts::responses_view(
        ctx.lang,
        crate::ew::responses::authored(state.store.as_ref(), who.org_id(), responses).await?,
    );
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let area_label = cfg.areas.get(&a.area).map(|x| x.name.clone()).unwrap_or_else(|| a.area.clone());
    let dates = super::dates::week_dates(ctx.lang, a.week, a.week);
    let due = a.due_at.map(|d| super::dates::moment(ctx.lang, d));
    let typed = typed.map(|f| minijinja::context! { action => f.action, outcome => f.outcome });
    Ok(ctx.render(
        status,
        "shared_alert.html",
        minijinja::context! { a, responses, area_label, errors, notice, dates, due, typed },
    ))
}

async fn alert(
    State(state): State<AppState>,
    who: Can<perm::ViewSharing>,
    ctx: PageCtx,
    Path(id): Path<String>,
    q: DoneQuery,
) -> Result<Response, PageError> {
    render_alert(&state, &who, &ctx, &id, Shown::visit(notice(&q))).await
}

async fn respond(
    State(state): State<AppState>,
    who: Can<perm::RespondToAlert>,
    ctx: PageCtx,
    Path(id): Path<String>,
    form: FormResult<RespondForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match shared::respond(&state, &who.actor(), &id, &f.action, &f.outcome, Utc::now()).await {
        Ok(_) => Ok(Redirect::to(&format!("/shared/alerts/{id}?done=alert-responded")).into_response()),
        Err(AppError::Invalid(e)) => {
            render_alert(&state, &who, &ctx, &id, Shown::refused(ctx.lang, e, &f)).await
        }
        Err(e) => Err(e.into()),
    }
}
