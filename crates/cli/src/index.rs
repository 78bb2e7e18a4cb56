//! `tandem index …`: the prevention index. Check a methodology file; import countries (GeoJSON),
//! indicator values, scorecard answers and incident events (CSV with HXL); compute an edition,
//! keeping every intermediate value; publish it. Imports are all-or-nothing, and every error
//! names the file, the line and the field.
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::methodology::Methodology;
use tandem_domain::index::EditionName;
use tandem_store::Store;
use tandem_web::index::edition::{compute_edition, IndexError, Request};
use tandem_web::index::import;

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum IndexCommand {
    /// Check a methodology file (docs/index-methodology.md): prints its pillars and indicators,
    /// or the line and field at fault.
    Validate { file: PathBuf },
    /// Import or update countries from a GeoJSON FeatureCollection (geometry may be null).
    ImportCountries {
        file: PathBuf,
        #[arg(long, default_value = "ISO_A3")]
        iso3_property: String,
        #[arg(long, default_value = "NAME")]
        name_property: String,
        #[arg(long)]
        region_property: Option<String>,
    },
    /// Import indicator values per (country, year, indicator): `#country+code`, `#date+year`,
    /// `#indicator+code`, `#indicator+value`, optional `#meta+source`, `#meta+note`.
    ImportValues { file: PathBuf },
    /// Import scorecard answers: `#country+code`, `#date+year`, `#item+code`, `#status`
    /// (yes, partial, no), `#meta+url` (evidence links, space-separated), optional `#meta+note`.
    ImportScorecard { file: PathBuf },
    /// Import incident events, one per row: `#country+code`, `#date`, `#affected+killed`,
    /// `#affected+injured`, `#impact+damage` (0–3 or none, minor, major, catastrophic). Figures
    /// are summed per country and year; the years in the file replace those stored.
    ImportIncidents { file: PathBuf },
    /// Feed the civic-space pillar from this deployment's observatory: the verified threats and
    /// attacks against civil society in a country area, per year, summed from the published
    /// public statistics (part-years annualised), stored as values of an index country.
    CivicSpace {
        /// The country area, by P-code (`MR`).
        #[arg(long)]
        area: String,
        /// The index country it is (`XMR`).
        #[arg(long)]
        country: String,
        #[arg(long, default_value = tandem_web::index::civic_space::INDICATOR)]
        indicator: String,
    },
    /// Compute an edition (a draft until published) with every intermediate value and the
    /// sensitivity analysis.
    Compute {
        /// 2026H1 or 2026H2.
        #[arg(long)]
        edition: String,
        #[arg(long)]
        methodology: PathBuf,
        /// The year whose data to use (default: the previous year for H1, the same for H2).
        #[arg(long)]
        data_year: Option<i32>,
        /// Monte-Carlo draws of the sensitivity analysis (1,000 to 100,000).
        #[arg(long, default_value_t = 1000)]
        draws: u32,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Publish a computed edition: it becomes public and can never change.
    Publish {
        #[arg(long)]
        edition: String,
    },
    /// List editions.
    List,
}

fn nothing(file: &Path, e: tandem_web::index::table::CsvError) -> anyhow::Error {
    anyhow::anyhow!("{}: {e}; nothing was imported", file.display())
}

fn read(file: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))
}

async fn known_countries(store: &dyn Store) -> anyhow::Result<HashSet<String>> {
    Ok(store.list_index_countries(false).await?.into_iter().map(|c| c.iso3).collect())
}

pub async fn run(cmd: IndexCommand, settings: &Settings) -> anyhow::Result<()> {
    if let IndexCommand::Validate { file } = &cmd {
        let text = String::from_utf8(read(file)?)
            .with_context(|| format!("{} is not UTF-8 text", file.display()))?;
        let m = Methodology::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        println!(
            "{} {}: {} pillars, {} indicators, {} bands",
            m.name,
            m.version,
            m.pillars.len(),
            m.indicators.len(),
            m.bands.len()
        );
        for p in &m.pillars {
            println!("  pillar {} ({}, weight {}, {:?})", p.id, p.name, p.weight, p.aggregation);
            for i in m.indicators.iter().filter(|i| i.pillar == p.id) {
                println!("    {} (weight {}, {:?}, {:?})", i.id, i.weight, i.input, i.direction);
            }
        }
        return Ok(());
    }
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    match cmd {
        IndexCommand::Validate { .. } => {}
        IndexCommand::ImportCountries { file, iso3_property, name_property, region_property } => {
            let rows =
                import::countries(&read(&file)?, &iso3_property, &name_property, region_property.as_deref())
                    .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
            let n = store
                .upsert_index_countries(
                    &rows,
                    NewAuditEvent::new("index.countries").detail(json!({ "count": rows.len() })),
                )
                .await?;
            println!("imported {n} countries from {}", file.display());
        }
        IndexCommand::ImportValues { file } => {
            let rows = import::values(&read(&file)?, &known_countries(store.as_ref()).await?)
                .map_err(|e| nothing(&file, e))?;
            let n = store
                .import_index_values(
                    &rows,
                    NewAuditEvent::new("index.values").detail(json!({ "count": rows.len() })),
                )
                .await?;
            println!("imported {n} indicator values from {}", file.display());
        }
        IndexCommand::ImportScorecard { file } => {
            let rows = import::scorecard(&read(&file)?, &known_countries(store.as_ref()).await?)
                .map_err(|e| nothing(&file, e))?;
            let n = store
                .import_scorecard(
                    &rows,
                    NewAuditEvent::new("index.scorecard").detail(json!({ "count": rows.len() })),
                )
                .await?;
            println!("imported {n} scorecard answers from {}", file.display());
        }
        IndexCommand::ImportIncidents { file } => {
            let rows = import::incidents(&read(&file)?, &known_countries(store.as_ref()).await?)
                .map_err(|e| nothing(&file, e))?;
            let events: u32 = rows.iter().map(|r| r.counts.incidents).sum();
            let n = store
                .import_incidents(
                    &rows,
                    NewAuditEvent::new("index.incidents").detail(json!({ "events": events })),
                )
                .await?;
            println!("imported {events} incidents ({n} country-years) from {}", file.display());
        }
        IndexCommand::CivicSpace { area, country, indicator } => {
            let cfg = tandem_web::ew::config::load(store.as_ref(), &Default::default())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let f =
                tandem_web::index::civic_space::Feed { area: &area, iso3: &country, indicator: &indicator };
            let years = tandem_web::index::civic_space::feed(store.as_ref(), &cfg, &f)
                .await
                .map_err(|e| anyhow::anyhow!("{e}; nothing was stored"))?;
            if years.is_empty() {
                println!("no quarter of violation statistics is published yet: nothing to feed");
            }
            for y in years {
                let n = y.quarters.len();
                match (y.count, y.value) {
                    (_, Some(v)) => {
                        println!("{}: {v} {indicator} for {country} ({n} quarters published)", y.year)
                    }
                    (None, _) => println!("{}: no value, an entry of its quarters is hidden", y.year),
                    (Some(_), None) => println!("{}: no value, only {n} quarter published", y.year),
                }
            }
        }
        IndexCommand::Compute { edition, methodology, data_year, draws, seed } => {
            let edition = EditionName::parse(&edition).map_err(|e| anyhow::anyhow!("--{e}"))?;
            let text = String::from_utf8(read(&methodology)?)
                .with_context(|| format!("{} is not UTF-8 text", methodology.display()))?;
            let bar = crate::progress::bar(1, "computing");
            let req = Request { edition: edition.clone(), methodology: &text, data_year, draws, seed };
            let (e, results) = compute_edition(store.as_ref(), req).await.map_err(|err| match err {
                IndexError::Methodology(m) => anyhow::anyhow!("{}: {m}", methodology.display()),
                other => anyhow::anyhow!("{other}"),
            })?;
            bar.finish_and_clear();
            let ranked = results.iter().filter(|r| r.rank.is_some()).count();
            println!(
                "computed {} with methodology {} (data of {}): {} countries, {ranked} ranked; {draws} draws; not yet published",
                e.name,
                e.methodology_version,
                e.data_year,
                results.len()
            );
            let mut top: Vec<_> = results.iter().filter(|r| r.rank.is_some()).collect();
            top.sort_by_key(|r| r.rank);
            for r in top.iter().take(5) {
                println!(
                    "  {:>3}  {}  {:6.2}  ranks {}–{}",
                    r.rank.unwrap_or(0),
                    r.iso3,
                    r.score.unwrap_or(0.0),
                    r.rank_p5.unwrap_or(0),
                    r.rank_p95.unwrap_or(0)
                );
            }
        }
        IndexCommand::Publish { edition } => {
            let edition = EditionName::parse(&edition).map_err(|e| anyhow::anyhow!("--{e}"))?;
            let e = store
                .publish_edition(
                    edition.as_str(),
                    chrono::Utc::now(),
                    NewAuditEvent::new("index.publish").subject(edition.as_str()),
                )
                .await
                .map_err(|e| match e {
                    tandem_store::StoreError::NotFound => {
                        anyhow::anyhow!("--edition: no edition {edition} (compute it first)")
                    }
                    tandem_store::StoreError::Conflict(m) => anyhow::anyhow!("--edition: {m}"),
                    e => e.into(),
                })?;
            println!("published {} (methodology {}); it can no longer change", e.name, e.methodology_version);
        }
        IndexCommand::List => {
            for e in store.list_editions().await? {
                let state = if e.published_at.is_some() { "published" } else { "draft" };
                println!(
                    "{}\t{}\tmethodology {}\tdata {}\t{} countries",
                    e.name, state, e.methodology_version, e.data_year, e.summary["countries"]
                );
            }
        }
    }
    Ok(())
}
