//! The published prevention index, public without sign-in (DESIGN §6): editions, an edition's
//! ranked countries, one country with every input behind its numbers, the CSV export with HXL
//! hashtags, and the methodology file the edition was computed with. Drafts are not shown.
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tandem_domain::index::Iso3;

use crate::error::ApiError;
use crate::index::edition::{self, export_csv, rows};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/index/editions", get(list))
        .route("/index/editions/{edition}", get(show))
        .route("/index/editions/{edition}/export.csv", get(csv))
        .route("/index/editions/{edition}/methodology.toml", get(methodology))
        .route("/index/editions/{edition}/countries/{iso3}", get(country))
}

fn internal(e: impl Into<tandem_store::BoxError>) -> ApiError {
    ApiError::Internal(e.into())
}

async fn list(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let editions: Vec<Value> = state
        .store
        .list_editions()
        .await?
        .into_iter()
        .filter(|e| e.published_at.is_some())
        .map(|e| {
            json!({
                "name": e.name, "methodology_version": e.methodology_version, "data_year": e.data_year,
                "published_at": e.published_at, "computed_at": e.computed_at,
                "countries": e.summary["countries"], "ranked": e.summary["ranked"],
            })
        })
        .collect();
    Ok(Json(json!({ "editions": editions })))
}

async fn show(State(state): State<AppState>, Path(name): Path<String>) -> Result<Json<Value>, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    let results = state.store.edition_results(&e.name).await?;
    let m = edition::methodology(&e).map_err(internal)?;
    let pillars: Vec<Value> = m
        .pillars
        .iter()
        .map(|p| json!({ "id": p.id, "name": p.name, "weight": p.weight, "parent": p.parent }))
        .collect();
    Ok(Json(json!({
        "edition": e,
        "methodology": { "name": m.name, "version": m.version, "aggregation": m.aggregation, "pillars": pillars, "bands": m.bands },
        "countries": rows(&results, &edition::countries(state.store.as_ref()).await?),
    })))
}

async fn csv(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    let results = state.store.edition_results(&e.name).await?;
    let m = edition::methodology(&e).map_err(internal)?;
    let body =
        export_csv(&e, &m, &rows(&results, &edition::countries(state.store.as_ref()).await?), &results)
            .map_err(internal)?;
    let disposition = format!("attachment; filename=\"tandem-index-{}.csv\"", e.name);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

async fn methodology(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], e.methodology).into_response())
}

async fn country(
    State(state): State<AppState>,
    Path((name, iso3)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    let iso3 = Iso3::parse(&iso3).map_err(|_| ApiError::NotFound)?;
    let results = state.store.edition_results(&e.name).await?;
    let r = results.into_iter().find(|r| r.iso3 == iso3.as_str()).ok_or(ApiError::NotFound)?;
    let m = edition::methodology(&e).map_err(internal)?;
    let all = edition::countries(state.store.as_ref()).await?;
    let trend = state.store.country_history(iso3.as_str()).await?;
    let indicators: Vec<Value> = m
        .indicators
        .iter()
        .map(|i| json!({ "id": i.id, "name": i.name, "pillar": i.pillar, "input": i.input, "source": i.source,
            "direction": i.direction, "transform": i.transform, "normalise": i.normalise, "missing": i.missing, "weight": i.weight }))
        .collect();
    Ok(Json(json!({
        "edition": e.name,
        "country": all.get(iso3.as_str()),
        "result": r,
        "indicators": indicators,
        "trend": trend,
    })))
}
