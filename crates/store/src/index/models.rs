//! Row models for the prevention index: countries, editions (the inputs' own types live in
//! `tandem_domain::index::compute`).
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndexCountry {
    pub iso3: String,
    pub name: String,
    pub region: String,
    /// GeoJSON geometry (simplified for drawing), as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geometry: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewEdition {
    pub name: String,
    pub methodology_version: String,
    /// The methodology file's text, exactly as computed with.
    pub methodology: String,
    pub methodology_sha256: String,
    pub data_year: i32,
    pub draws: u32,
    pub seed: u64,
    /// Figures about the computation (countries, ranked, imputed values...).
    pub summary: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Edition {
    pub name: String,
    pub methodology_version: String,
    #[serde(skip_serializing)]
    pub methodology: String,
    pub methodology_sha256: String,
    pub data_year: i32,
    pub draws: u32,
    pub seed: u64,
    pub computed_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub summary: serde_json::Value,
}

/// One country's place in one published edition, for its trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryPoint {
    pub edition: String,
    pub score: Option<f64>,
    pub rank: Option<u32>,
}
