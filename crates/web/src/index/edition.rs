//! Computing an edition from what the store holds, and publishing it: the JSON views, the CSV
//! export with HXL hashtags, and the figures behind every number.
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::compute::{compute, CountryResult, Inputs, Treatment};
use tandem_domain::index::methodology::{Methodology, MethodologyError};
use tandem_domain::index::sensitivity::{analyse, Options};
use tandem_domain::index::EditionName;
use tandem_domain::text::spreadsheet_safe;
use tandem_store::{Edition, IndexCountry, NewEdition, Store, StoreError};

use crate::app_error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{0}")]
    Methodology(MethodologyError),
    #[error("{0}")]
    Compute(#[from] tandem_domain::index::compute::ComputeError),
    #[error("edition {0} is published: published editions never change (a new methodology version makes a new edition)")]
    Published(String),
    #[error("no countries: import them first (tandem index import-countries)")]
    NoCountries,
    #[error("draws must be between 1,000 and 100,000")]
    Draws,
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// A published edition by name, for the public: a draft or a malformed name is NotFound.
pub async fn published(store: &dyn Store, name: &str) -> Result<Edition, AppError> {
    let name = EditionName::parse(name).map_err(|_| AppError::NotFound)?;
    match store.get_edition(name.as_str()).await? {
        e if e.published_at.is_some() => Ok(e),
        _ => Err(AppError::NotFound),
    }
}

/// The index's countries by ISO3.
pub async fn countries(store: &dyn Store) -> Result<HashMap<String, IndexCountry>, AppError> {
    Ok(store.list_index_countries(false).await?.into_iter().map(|c| (c.iso3.clone(), c)).collect())
}

pub struct Request<'a> {
    pub edition: EditionName,
    pub methodology: &'a str,
    /// None: the edition's default (the previous year for H1, the same year for H2).
    pub data_year: Option<i32>,
    pub draws: u32,
    pub seed: u64,
}

/// Computes an edition and stores it as a draft (replacing a draft of the same name).
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn compute_edition(
    store: &dyn Store,
    req: Request<'_>,
) -> Result<(NewEdition, Vec<CountryResult>), IndexError> {
    let m = Methodology::parse(req.methodology).map_err(IndexError::Methodology)?;
    if !(1000..=100_000).contains(&req.draws) {
        return Err(IndexError::Draws);
    }
    match store.get_edition(req.edition.as_str()).await {
        Ok(e) if e.published_at.is_some() => return Err(IndexError::Published(e.name)),
        Ok(_) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    let countries: Vec<String> = {
        let mut c: Vec<String> =
            store.list_index_countries(false).await?.into_iter().map(|c| c.iso3).collect();
        c.sort();
        c
    };
    if countries.is_empty() {
        return Err(IndexError::NoCountries);
    }
    let data_year = req.data_year.unwrap_or_else(|| req.edition.default_data_year());
    let data = store.index_values(data_year).await?;
    let scorecard = store.scorecard(data_year).await?;
    let incidents = store.incidents((data_year - 4, data_year)).await?;
    let inputs = Inputs {
        countries: &countries,
        data_year,
        data: &data,
        scorecard: &scorecard,
        incidents: &incidents,
    };
    let (mut results, prepared) = compute(&m, &inputs)?;
    let opts = Options { draws: req.draws, seed: req.seed, ..Default::default() };
    for (r, s) in results.iter_mut().zip(analyse(&m, &prepared, &opts)) {
        if let Some(s) = s {
            r.median_rank = Some(s.median);
            r.rank_p5 = Some(s.p5);
            r.rank_p95 = Some(s.p95);
        }
    }
    let mut treatments: BTreeMap<String, usize> = BTreeMap::new();
    for r in &results {
        for i in &r.indicators {
            if i.treatment != Treatment::Observed {
                *treatments
                    .entry(
                        serde_json::to_value(i.treatment)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                    )
                    .or_default() += 1;
            }
        }
    }
    let edition = NewEdition {
        name: req.edition.to_string(),
        methodology_version: m.version.clone(),
        methodology: req.methodology.to_owned(),
        methodology_sha256: hex::encode(Sha256::digest(req.methodology.as_bytes())),
        data_year,
        draws: req.draws,
        seed: req.seed,
        summary: json!({
            "methodology_name": m.name,
            "countries": results.len(),
            "ranked": results.iter().filter(|r| r.rank.is_some()).count(),
            "indicators": m.indicators.len(),
            "values_not_observed": treatments,
            "sensitivity": { "draws": req.draws, "seed": req.seed, "weight_spread": opts.weight_spread, "swap_normalisation": opts.swap_normalisation },
        }),
    };
    let ev = NewAuditEvent::new("index.compute").subject(req.edition.as_str()).detail(json!({
        "methodology_version": m.version, "methodology_sha256": edition.methodology_sha256, "data_year": data_year,
    }));
    store.save_edition(&edition, &results, ev).await?;
    Ok((edition, results))
}

/// A country row of the ranked table.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Row {
    pub iso3: String,
    pub name: String,
    pub score: Option<f64>,
    pub rank: Option<u32>,
    pub band: Option<String>,
    pub median_rank: Option<f64>,
    pub rank_p5: Option<u32>,
    pub rank_p95: Option<u32>,
    pub pillars: BTreeMap<String, Option<f64>>,
}

pub fn rows(results: &[CountryResult], countries: &HashMap<String, IndexCountry>) -> Vec<Row> {
    results
        .iter()
        .map(|r| Row {
            iso3: r.iso3.clone(),
            name: countries.get(&r.iso3).map(|c| c.name.clone()).unwrap_or_else(|| r.iso3.clone()),
            score: r.score.map(round2),
            rank: r.rank,
            band: r.band.clone(),
            median_rank: r.median_rank,
            rank_p5: r.rank_p5,
            rank_p95: r.rank_p95,
            pillars: r.pillars.iter().map(|(k, v)| (k.clone(), v.map(round2))).collect(),
        })
        .collect()
}

/// Two decimals for display and export; the stored results keep full precision.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The published edition's methodology, parsed (published editions always parsed once).
pub fn methodology(e: &Edition) -> Result<Methodology, IndexError> {
    Methodology::parse(&e.methodology).map_err(IndexError::Methodology)
}

/// The ranked table as CSV: a header row, then a row of HXL hashtags, then one row per country.
pub fn export_csv(
    e: &Edition,
    m: &Methodology,
    rows: &[Row],
    results: &[CountryResult],
) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "Rank".to_owned(),
        "Country".into(),
        "ISO3".into(),
        "Score".into(),
        "Band".into(),
        "Median rank".into(),
        "Rank 5%".into(),
        "Rank 95%".into(),
    ];
    let mut tags = vec![
        "#indicator+rank".to_owned(),
        "#country+name".into(),
        "#country+code+v_iso3".into(),
        "#indicator+score+num".into(),
        "#indicator+band".into(),
        "#indicator+rank+median".into(),
        "#indicator+rank+p5".into(),
        "#indicator+rank+p95".into(),
    ];
    for p in &m.pillars {
        header.push(spreadsheet_safe(&format!("Pillar: {}", p.name)).into_owned());
        tags.push(format!("#indicator+pillar+{}+num", p.id));
    }
    for i in &m.indicators {
        header.push(spreadsheet_safe(&format!("Indicator: {}", i.name)).into_owned());
        tags.push(format!("#indicator+{}+num", i.id));
    }
    header.push("Edition".into());
    tags.push("#meta+edition".into());
    w.write_record(&header)?;
    w.write_record(&tags)?;
    let num = |v: Option<f64>| v.map(|v| format!("{:.2}", v)).unwrap_or_default();
    for (row, r) in rows.iter().zip(results) {
        let mut rec = vec![
            row.rank.map(|x| x.to_string()).unwrap_or_default(),
            // Names come from imported files: text, never a formula, in a spreadsheet.
            spreadsheet_safe(&row.name).into_owned(),
            row.iso3.clone(),
            num(row.score),
            spreadsheet_safe(row.band.as_deref().unwrap_or_default()).into_owned(),
            row.median_rank.map(|x| x.to_string()).unwrap_or_default(),
            row.rank_p5.map(|x| x.to_string()).unwrap_or_default(),
            row.rank_p95.map(|x| x.to_string()).unwrap_or_default(),
        ];
        for p in &m.pillars {
            rec.push(num(r.pillars.get(&p.id).copied().flatten()));
        }
        for i in &m.indicators {
            rec.push(num(r.indicators.iter().find(|x| x.id == i.id).and_then(|x| x.score)));
        }
        rec.push(e.name.clone());
        w.write_record(&rec)?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
