//! The dashboard: a choropleth of open alerts at the finest level that has drawn areas, weekly
//! series per category over the last 26 weeks, and overdue responses.
use std::collections::HashMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Serialize;

use super::ctx::PageCtx;
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
    svg: String,
}

async fn dashboard(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let data = state.dashboards.get(&state.store, who.org_id()).await?;
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

    let series: Vec<Series> = cfg
        .categories
        .iter()
        .filter_map(|c| {
            let values = data.by_cat.get(&c.slug)?;
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
