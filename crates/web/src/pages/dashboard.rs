//! The dashboard: a map of open alerts at the finest level that has drawn areas, numbered and
//! keyed so that it reads without hovering, the alerts of larger areas beside it, weekly series
//! per category over the last 26 weeks, and overdue responses.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use chrono::{Duration, Utc};
use serde::Serialize;

use super::alerts::episodes;
use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use crate::charts;
use crate::extract::{perm, Can};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/dashboard", get(dashboard))
}

#[derive(Serialize)]
struct Series {
    category: String,
    total: u32,
    most: u32,
    svg: String,
}

/// Open alerts of an area the map does not draw (a region above the drawn districts).
#[derive(Serialize)]
struct Larger {
    name: String,
    count: u32,
}

async fn dashboard(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let data = state.dashboards.get(&state.store, &cfg, who.org_id()).await?;
    // Outlines are read once in a while, not with every request.
    let outlines = state.dashboards.outlines(state.store.as_ref()).await?;
    let (level, drawn) = (outlines.level, &outlines.drawn);
    let text = |k: &str| crate::i18n::global().text(ctx.lang, k, &[]);
    let per_area = &data.per_area;
    // Coloured by the episodes in or within each drawn area: drawn a level up, a district's
    // episode still shows in its region.
    let map = (!drawn.is_empty()).then(|| charts::choropleth(drawn, &data.within, &text("dashboard-map")));
    // Alerts of areas not drawn: larger areas above the map's level, or every area when
    // nothing is drawn. (Finer areas' alerts are not summed up: the engine already raises its
    // own alert for the larger area when the finer ones add up.)
    let mut larger: Vec<Larger> = per_area
        .iter()
        .filter(|(code, _)| !drawn.iter().any(|d| &d.code == *code))
        .filter(|(code, _)| match (level, cfg.areas.get(code.as_str())) {
            (Some(l), Some(a)) => a.level < l,
            _ => true,
        })
        .map(|(code, &count)| Larger {
            name: cfg.areas.get(code).map(|a| a.name.clone()).unwrap_or_else(|| code.clone()),
            count,
        })
        .collect();
    larger.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let (first, last) = data.weeks;
    let span = (day(ctx.lang, first.monday()), day(ctx.lang, last.monday() + Duration::days(6)));
    let series: Vec<Series> = cfg
        .categories
        .iter()
        .filter_map(|c| {
            let values = data.by_cat.get(&c.slug)?;
            let name = text(&format!("cat-{}", c.slug));
            Some(Series {
                category: c.slug.clone(),
                total: values.iter().sum(),
                most: values.iter().copied().max().unwrap_or(0),
                svg: charts::sparkline(values, &name),
            })
        })
        .collect();
    let overdue = episodes(&cfg, ctx.lang, &data.overdue, Utc::now());
    let (svg, key, legend) = match map {
        Some(m) => (m.svg, m.key, m.legend),
        None => Default::default(),
    };
    Ok(ctx.render(
        StatusCode::OK,
        "dashboard.html",
        minijinja::context! {
            map => svg, key, legend, larger, series, span, overdue,
            event_data_alerts => data.event_data_alerts,
        },
    ))
}
