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
use crate::charts::{self, MapArea};
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

/// Areas a phone's map can draw and a reader tell apart: beyond this the map is drawn a level up.
const MAP_AREAS_AT_MOST: usize = 300;

/// The level the map draws: the finest with geometry that has at most [`MAP_AREAS_AT_MOST`]
/// areas (5,000 districts of 50 countries are a megabyte of outlines no one can read on a phone;
/// their regions or countries are not), else the coarsest with geometry.
fn map_level(areas: &[tandem_store::Area]) -> Option<tandem_domain::area::AreaLevel> {
    let mut levels: std::collections::BTreeMap<tandem_domain::area::AreaLevel, usize> = Default::default();
    for a in areas.iter().filter(|a| a.geometry.is_some()) {
        *levels.entry(a.level).or_default() += 1;
    }
    levels.iter().rev().find(|(_, n)| **n <= MAP_AREAS_AT_MOST).or(levels.iter().next()).map(|(l, _)| *l)
}

async fn dashboard(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    ctx: PageCtx,
) -> Result<Response, PageError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let data = state.dashboards.get(&state.store, &cfg, who.org_id()).await?;
    let areas = state.store.list_areas(true).await?;
    let level = map_level(&areas);
    let drawn: Vec<MapArea> = areas
        .iter()
        .filter(|a| Some(a.level) == level)
        .filter_map(|a| {
            Some(MapArea { code: a.code.clone(), name: a.name.clone(), geometry: a.geometry.clone()? })
        })
        .collect();
    let text = |k: &str| crate::i18n::global().text(ctx.lang, k, &[]);
    let per_area = &data.per_area;
    let map = (!drawn.is_empty()).then(|| charts::choropleth(&drawn, per_area, &text("dashboard-map")));
    // Alerts of areas not drawn: larger areas above the map's level, or every area when
    // nothing is drawn. (Finer areas' alerts are not summed up: the engine already raises its
    // own alert for the larger area when the finer ones add up.)
    let mut larger: Vec<Larger> = per_area
        .iter()
        .filter(|(code, _)| !drawn.iter().any(|d| &d.code == *code))
        .filter(|(code, _)| match (level, areas.iter().find(|a| &a.code == *code)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_domain::area::AreaLevel;

    fn areas(level: AreaLevel, n: usize, drawn: bool) -> Vec<tandem_store::Area> {
        (0..n)
            .map(|i| tandem_store::Area {
                code: format!("{level:?}{i}"),
                name: format!("{i}"),
                level,
                parent_code: None,
                geometry: drawn.then(|| "{}".to_owned()),
            })
            .collect()
    }

    #[test]
    fn the_map_is_drawn_a_level_up_when_the_finest_has_too_many_areas() {
        let mut a = areas(AreaLevel::Country, 50, true);
        a.extend(areas(AreaLevel::Admin1, 500, true));
        assert_eq!(map_level(&a), Some(AreaLevel::Country), "500 regions are too many");
        a.extend(areas(AreaLevel::Admin2, 5000, false));
        assert_eq!(map_level(&a), Some(AreaLevel::Country), "districts without outlines are not drawn");
        let mut b = areas(AreaLevel::Admin1, 10, true);
        b.extend(areas(AreaLevel::Admin2, 120, true));
        assert_eq!(map_level(&b), Some(AreaLevel::Admin2), "a country's districts are");
        assert_eq!(
            map_level(&areas(AreaLevel::Admin2, 900, true)),
            Some(AreaLevel::Admin2),
            "else the coarsest"
        );
        assert_eq!(map_level(&areas(AreaLevel::Admin2, 9, false)), None);
    }
}
