//! The public statistics of verified violations as a page anyone can read without signing in: a
//! quarter's violations by act as bars with their numbers, a map of admin1 areas (hidden ones
//! grey, never coloured as a count), and a table of areas × acts; the same cells as the API.
use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::{Deserialize, Serialize};
use tandem_domain::area::AreaLevel;
use tandem_domain::violation_stats::{PublicCell, Quarter, PUBLIC_K};

use super::ctx::PageCtx;
use super::error::PageError;
use crate::charts::{self, MapArea};
use crate::i18n::{self, Lang};
use crate::observatory::public;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/public/violations", get(page))
}

#[derive(Deserialize, Default)]
struct PeriodQuery {
    #[serde(default)]
    period: String,
}

/// A quarter in words: "July to September 2026".
fn quarter_words(lang: Lang, q: Quarter) -> String {
    i18n::global().text(lang, &format!("quarter-{}", q.q), &[("year", q.year.to_string())])
}

#[derive(Serialize)]
struct Bar {
    act: String,
    count: Option<u32>,
    /// Per cent of the largest shown count, for the bar's length.
    width: u32,
}

#[derive(Serialize)]
struct Row {
    name: String,
    total: Option<u32>,
    acts: Vec<Option<u32>>,
}

async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let periods = public::quarters(state.store.as_ref()).await?;
    let chosen = match Quarter::parse(&q.period) {
        Some(p) if periods.contains(&p) => Some(p),
        Some(_) => return Err(PageError::not_found()),
        None if !q.period.is_empty() => return Err(PageError::not_found()),
        None => periods.last().copied(),
    };
    let choices: Vec<(String, String)> =
        periods.iter().rev().map(|p| (p.to_string(), quarter_words(ctx.lang, *p))).collect();
    let Some(chosen) = chosen else {
        return Ok(ctx.render(
            StatusCode::OK,
            "public_violations.html",
            minijinja::context! { k => PUBLIC_K },
        ));
    };
    let cells = public::cells(&state, chosen).await?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let name = |code: &str| cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.to_owned());
    let level_of = |code: &str| cfg.areas.get(code).map(|a| a.level);
    // Entries for all institution kinds: by act at the country, and per admin1 area.
    let all_kinds: Vec<&PublicCell> = cells.iter().filter(|c| c.institution.is_none()).collect();
    let country: Vec<&PublicCell> =
        all_kinds.iter().copied().filter(|c| level_of(&c.area) == Some(AreaLevel::Country)).collect();
    let acts: Vec<String> = country
        .iter()
        .filter_map(|c| c.act.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let of = |area_cells: &[&PublicCell], act: Option<&str>| {
        area_cells.iter().find(|c| c.act.as_deref() == act).and_then(|c| c.count)
    };
    // Acts with something to show at the country (a hidden count is something).
    let shown_acts: Vec<String> = acts
        .iter()
        .filter(|a| country.iter().any(|c| c.act.as_deref() == Some(a.as_str()) && c.count != Some(0)))
        .cloned()
        .collect();
    let largest =
        country.iter().filter(|c| c.act.is_some()).filter_map(|c| c.count).max().unwrap_or(0).max(1);
    let mut bars: Vec<Bar> = shown_acts
        .iter()
        .map(|a| {
            let count = of(&country, Some(a));
            Bar { act: a.clone(), count, width: count.map(|n| (n * 100 / largest).max(1)).unwrap_or(0) }
        })
        .collect();
    bars.sort_by(|a, b| b.count.unwrap_or(0).cmp(&a.count.unwrap_or(0)).then_with(|| a.act.cmp(&b.act)));
    let total = of(&country, None);
    let mut by_area: HashMap<String, Vec<&PublicCell>> = HashMap::new();
    for c in all_kinds.iter().copied().filter(|c| level_of(&c.area) == Some(AreaLevel::Admin1)) {
        by_area.entry(c.area.clone()).or_default().push(c);
    }
    let mut rows: Vec<Row> = by_area
        .iter()
        .map(|(code, cs)| Row {
            name: name(code),
            total: of(cs, None),
            acts: shown_acts.iter().map(|a| of(cs, Some(a))).collect(),
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let totals: HashMap<String, Option<u32>> =
        by_area.iter().map(|(code, cs)| (code.clone(), of(cs, None))).collect();
    let hidden_areas = totals.values().filter(|v| v.is_none()).count();
    let drawn: Vec<MapArea> = state
        .store
        .list_areas(true)
        .await?
        .into_iter()
        .filter(|a| a.level == AreaLevel::Admin1)
        .filter_map(|a| Some(MapArea { code: a.code, name: a.name, geometry: a.geometry? }))
        .collect();
    let title = i18n::global().text(ctx.lang, "public-map", &[]);
    let map = (!drawn.is_empty()).then(|| charts::suppressed_map(&drawn, &totals, &title));
    let hidden_cells = cells.iter().filter(|c| c.count.is_none()).count();
    Ok(ctx.render(
        StatusCode::OK,
        "public_violations.html",
        minijinja::context! {
            k => PUBLIC_K, period => chosen.to_string(), period_words => quarter_words(ctx.lang, chosen),
            choices, bars, total, rows, shown_acts, hidden_areas, hidden_cells, cell_count => cells.len(),
            map => map.as_ref().map(|m| m.svg.clone()),
            legend => map.as_ref().map(|m| &m.legend), key => map.as_ref().map(|m| &m.key),
            hidden_fill => charts::HIDDEN_FILL,
        },
    ))
}
