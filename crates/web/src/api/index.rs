//! The published prevention index, public without sign-in (DESIGN §6): editions, an edition's
//! ranked countries, one country with every input behind its numbers, the CSV export with HXL
//! hashtags, and the methodology file the edition was computed with. Drafts are not shown.
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};
use tandem_domain::index::Iso3;
use tandem_store::{Edition, HistoryPoint, IndexCountry};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::index::edition::{self, export_csv, rows, Row};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(csv))
        .routes(routes!(methodology))
        .routes(routes!(country))
}

fn internal(e: impl Into<tandem_store::BoxError>) -> ApiError {
    ApiError::Internal(e.into())
}

#[derive(Serialize, ToSchema)]
struct EditionSummary {
    #[schema(pattern = "^[0-9]{4}H[12]$")]
    name: String,
    methodology_version: String,
    data_year: i32,
    published_at: Option<DateTime<Utc>>,
    computed_at: DateTime<Utc>,
    /// Countries in the edition.
    countries: Value,
    /// Countries with enough data to be ranked.
    ranked: Value,
}

#[derive(Serialize, ToSchema)]
struct Editions {
    editions: Vec<EditionSummary>,
}

/// Published editions of the prevention index
#[utoipa::path(get, path = "/index/editions", tag = "index", security(()),
    responses((status = 200, description = "Newest first; drafts are not shown", body = Editions)))]
async fn list(State(state): State<AppState>) -> Result<Json<Editions>, ApiError> {
    let editions = state
        .store
        .list_editions()
        .await?
        .into_iter()
        .filter(|e| e.published_at.is_some())
        .map(|e| EditionSummary {
            countries: e.summary["countries"].clone(),
            ranked: e.summary["ranked"].clone(),
            name: e.name,
            methodology_version: e.methodology_version,
            data_year: e.data_year,
            published_at: e.published_at,
            computed_at: e.computed_at,
        })
        .collect();
    Ok(Json(Editions { editions }))
}

#[derive(Serialize, ToSchema)]
struct EditionTable {
    edition: Edition,
    /// The methodology's name, version, aggregation, pillars and bands.
    methodology: Value,
    countries: Vec<Row>,
}

/// An edition's ranked countries
#[utoipa::path(get, path = "/index/editions/{edition}", tag = "index", security(()), params(("edition" = String, Path)),
    responses((status = 200, description = "The ranked table", body = EditionTable)))]
async fn show(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<EditionTable>, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    let results = state.store.edition_results(&e.name).await?;
    let m = edition::methodology(&e).map_err(internal)?;
    let pillars: Vec<Value> = m
        .pillars
        .iter()
        .map(|p| json!({ "id": p.id, "name": p.name, "weight": p.weight, "parent": p.parent }))
        .collect();
    let countries = rows(&results, &edition::countries(state.store.as_ref()).await?);
    let methodology = json!({ "name": m.name, "version": m.version, "aggregation": m.aggregation, "pillars": pillars, "bands": m.bands });
    Ok(Json(EditionTable { edition: e, methodology, countries }))
}

/// The ranked table as CSV with HXL hashtags
#[utoipa::path(get, path = "/index/editions/{edition}/export.csv", tag = "index", security(()), params(("edition" = String, Path)),
    responses((status = 200, description = "Its second row holds HXL hashtags", body = String, content_type = "text/csv")))]
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

/// The methodology file the edition was computed with
#[utoipa::path(get, path = "/index/editions/{edition}/methodology.toml", tag = "index", security(()), params(("edition" = String, Path)),
    responses((status = 200, description = "TOML", body = String, content_type = "text/plain")))]
async fn methodology(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, ApiError> {
    let e = edition::published(state.store.as_ref(), &name).await?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], e.methodology).into_response())
}

#[derive(Serialize, ToSchema)]
struct CountryDetail {
    edition: String,
    country: Option<IndexCountry>,
    /// The country's result: score, rank, pillars and every indicator with its inputs.
    result: Value,
    /// The methodology's indicators: definition, source, direction, transformation and weight.
    indicators: Vec<Value>,
    trend: Vec<HistoryPoint>,
}

/// One country with every input behind its numbers
#[utoipa::path(get, path = "/index/editions/{edition}/countries/{iso3}", tag = "index", security(()),
    params(("edition" = String, Path), ("iso3" = String, Path)),
    responses((status = 200, description = "The country in the edition", body = CountryDetail)))]
async fn country(
    State(state): State<AppState>,
    Path((name, iso3)): Path<(String, String)>,
) -> Result<Json<CountryDetail>, ApiError> {
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
    Ok(Json(CountryDetail {
        edition: e.name,
        country: all.get(iso3.as_str()).cloned(),
        result: serde_json::to_value(&r).map_err(internal)?,
        indicators,
        trend,
    }))
}
