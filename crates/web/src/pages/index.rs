//! The published prevention index as pages anyone can read without signing in: the ranked table
//! with a map and the rank intervals of the sensitivity analysis, and a page per country with its
//! pillars, every indicator with the inputs behind it, and its trend across editions.
use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use tandem_domain::index::methodology::Methodology;
use tandem_domain::index::Iso3;

use super::ctx::PageCtx;
use super::dates::day;
use super::error::PageError;
use crate::app_error::AppError;
use crate::charts;
use crate::i18n::Lang;
use crate::index::edition::{self, countries, published, rows};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/index", get(latest))
        .route("/index/{edition}", get(show))
        .route("/index/{edition}/{iso3}", get(country))
}

/// The newest published edition, or a page saying there is none yet.
async fn latest(State(state): State<AppState>, ctx: PageCtx) -> Result<Response, PageError> {
    let list = state.store.list_editions().await?;
    Ok(match list.into_iter().find(|e| e.published_at.is_some()) {
        Some(e) => Redirect::to(&format!("/index/{}", e.name)).into_response(),
        None => ctx.render(StatusCode::OK, "index_edition.html", minijinja::context! { e => None::<()> }),
    })
}

#[derive(Serialize)]
struct PillarView {
    id: String,
    name: String,
    weight: f64,
}

async fn show(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(name): Path<String>,
) -> Result<Response, PageError> {
    {
        let e = published(state.store.as_ref(), &name).await?;
        let results = state.store.edition_results(&e.name).await?;
        let m = edition::methodology(&e).map_err(AppError::internal)?;
        let all = countries(state.store.as_ref()).await?;
        let rows = rows(&results, &all);
        let lang = ctx.lang.code();
        let pillars: Vec<PillarView> = m
            .top_pillars()
            .map(|p| PillarView {
                id: p.id.clone(),
                name: m.text(lang, &format!("pillar.{}", p.id), &p.name).to_owned(),
                weight: p.weight,
            })
            .collect();
        let bands = band_names(&m, lang);
        let title = edition_title(ctx.lang, &e.name);
        let geo: Vec<(String, String, String)> = state
            .store
            .list_index_countries(true)
            .await?
            .into_iter()
            .filter_map(|c| Some((c.iso3, c.name, c.geometry?)))
            .collect();
        let scores: HashMap<String, f64> =
            rows.iter().filter_map(|r| Some((r.iso3.clone(), r.score?))).collect();
        let ranks: HashMap<String, u32> =
            rows.iter().filter_map(|r| Some((r.iso3.clone(), r.rank?))).collect();
        let text = |k: &str| crate::i18n::global().text(ctx.lang, k, &[]);
        let map = (!geo.is_empty()).then(|| {
            charts::score_map(&geo, &scores, &ranks, &text("index-map-title"), &text("index-no-score"))
        });
        let (map, legend, unscored) = match map {
            Some(m) => (m.svg, m.legend, m.unscored),
            None => Default::default(),
        };
        let ranked: Vec<charts::RankRow> = rows
            .iter()
            .filter_map(|r| {
                Some(charts::RankRow { name: &r.name, rank: r.rank?, p5: r.rank_p5?, p95: r.rank_p95? })
            })
            .collect();
        let n = ranked.len() as u32;
        let ranks = if ranked.is_empty() {
            String::new()
        } else {
            charts::rank_intervals(&ranked, n, &text("index-uncertainty"))
        };
        let others: Vec<(String, String)> = state
            .store
            .list_editions()
            .await?
            .into_iter()
            .filter(|o| o.published_at.is_some() && o.name != e.name)
            .map(|o| (edition_title(ctx.lang, &o.name), o.name))
            .collect();
        let published = e.published_at.map(|t| day(ctx.lang, t.date_naive()));
        Ok(ctx.render(
            StatusCode::OK,
            "index_edition.html",
            minijinja::context! { e, title, published, rows, pillars, bands, map, legend, unscored, ranks, others },
        ))
    }
}

/// "2026, second half": an edition's name (`2026H2`) in words.
fn edition_title(lang: Lang, name: &str) -> String {
    match name.split_once('H') {
        Some((year, half)) => crate::i18n::global().text(
            lang,
            "index-edition-name",
            &[("year", year.into()), ("half", half.into())],
        ),
        None => name.to_owned(),
    }
}

/// Each band's label in the reader's language, by the label results carry.
fn band_names(m: &Methodology, lang: &str) -> HashMap<String, String> {
    m.bands
        .iter()
        .map(|b| (b.label.clone(), m.text(lang, &format!("band.{}", b.label), &b.label).to_owned()))
        .collect()
}

#[derive(Serialize)]
struct IndicatorView {
    id: String,
    name: String,
    pillar_name: String,
    source: String,
    weight: f64,
    transform: String,
    normalise: String,
    direction: String,
    /// Scorecard items' names, by id.
    items: HashMap<String, String>,
    r: tandem_domain::index::compute::IndicatorResult,
}

fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(o)) => {
            o.get("kind").and_then(|k| k.as_str()).unwrap_or_default().to_owned()
        }
        _ => String::new(),
    }
}

async fn country(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((name, iso3)): Path<(String, String)>,
) -> Result<Response, PageError> {
    {
        let e = published(state.store.as_ref(), &name).await?;
        let iso3 = Iso3::parse(&iso3).map_err(|_| PageError::not_found())?;
        let results = state.store.edition_results(&e.name).await?;
        let ranked = results.iter().filter(|r| r.rank.is_some()).count();
        let r = results.into_iter().find(|r| r.iso3 == iso3.as_str()).ok_or_else(PageError::not_found)?;
        let m = edition::methodology(&e).map_err(AppError::internal)?;
        let country =
            countries(state.store.as_ref()).await?.remove(iso3.as_str()).ok_or_else(PageError::not_found)?;
        let lang = ctx.lang.code();
        let pillars: Vec<PillarView> = m
            .pillars
            .iter()
            .map(|p| PillarView {
                id: p.id.clone(),
                name: m.text(lang, &format!("pillar.{}", p.id), &p.name).to_owned(),
                weight: p.weight,
            })
            .collect();
        let indicators: Vec<IndicatorView> = m
            .indicators
            .iter()
            .filter_map(|i| {
                let res = r.indicators.iter().find(|x| x.id == i.id)?.clone();
                Some(IndicatorView {
                    id: i.id.clone(),
                    name: m.text(lang, &format!("indicator.{}", i.id), &i.name).to_owned(),
                    pillar_name: pillars
                        .iter()
                        .find(|p| p.id == i.pillar)
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                    source: m.text(lang, &format!("indicator.{}.source", i.id), &i.source).to_owned(),
                    items: i
                        .items
                        .iter()
                        .map(|it| (it.clone(), m.text(lang, &format!("item.{it}"), it).to_owned()))
                        .collect(),
                    weight: i.weight,
                    transform: word(&i.transform),
                    normalise: word(&i.normalise),
                    direction: word(&i.direction),
                    r: res,
                })
            })
            .collect();
        let history = state.store.country_history(iso3.as_str()).await?;
        let titles: HashMap<String, String> =
            history.iter().map(|h| (h.edition.clone(), edition_title(ctx.lang, &h.edition))).collect();
        let points: Vec<(String, Option<f64>)> =
            history.iter().map(|h| (titles[&h.edition].clone(), h.score)).collect();
        let (title, bands) = (edition_title(ctx.lang, &e.name), band_names(&m, lang));
        let trend = charts::trend(&points, &crate::i18n::global().text(ctx.lang, "index-trend", &[]));
        let row = edition::rows(std::slice::from_ref(&r), &HashMap::new())
            .pop()
            .ok_or_else(PageError::not_found)?;
        Ok(ctx.render(
            StatusCode::OK,
            "index_country.html",
            minijinja::context! { e, title, titles, bands, country, r => row, ranked, pillars, indicators, history, trend },
        ))
    }
}
