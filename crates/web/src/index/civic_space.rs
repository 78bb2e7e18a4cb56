//! Feeding the index's civic-space pillar from this deployment's observatory: the verified
//! threats and attacks against civil society in one country area, per year, from the published
//! public statistics only ([`tandem_domain::index::civic_space`]), stored as index values of one
//! index country, so that an edition computed afterwards uses them and shows where they came from.
use serde_json::json;
use tandem_domain::area::AreaLevel;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::civic_space::{self, CivicYear};
use tandem_domain::index::compute::DataPoint;
use tandem_domain::violation::ActSlug;
use tandem_domain::InvalidInput;
use tandem_store::Store;

use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::observatory::public;

/// The indicator the example methodology gives these counts.
pub const INDICATOR: &str = "civic_space_incidents";

/// What to feed: the country area (`MR`), the index country it is (`XMR`), the indicator.
pub struct Feed<'a> {
    pub area: &'a str,
    pub iso3: &'a str,
    pub indicator: &'a str,
}

/// Reads every published quarter (freezing those nobody asked for yet, exactly as a reader of
/// the public statistics would), folds them into years and stores a value for each year that
/// has one, replacing an earlier feed's; all-or-nothing. Returns every year, valued or not, so
/// the caller can say why a year has none.
pub async fn feed(store: &dyn Store, cfg: &EwConfig, f: &Feed<'_>) -> Result<Vec<CivicYear>, AppError> {
    match cfg.areas.get(f.area) {
        Some(a) if a.level == AreaLevel::Country => {}
        _ => return Err(InvalidInput::new("area", format!("{} is not a country area", f.area)).into()),
    }
    if !store.list_index_countries(false).await?.iter().any(|c| c.iso3 == f.iso3) {
        let why = format!("unknown country {}: import it first (tandem index import-countries)", f.iso3);
        return Err(InvalidInput::new("country", why).into());
    }
    let acts: Vec<String> = store
        .act_kinds()
        .await?
        .into_iter()
        .map(|k| k.slug)
        .filter(|s| ActSlug::parse(s).is_ok_and(|a| a.is_civic_space()))
        .collect();
    let acts: Vec<&str> = acts.iter().map(String::as_str).collect();
    let mut published = vec![];
    for q in public::quarters(store).await? {
        published.push((q, public::released(store, cfg, q).await?));
    }
    let by_quarter: Vec<_> = published.iter().map(|(q, cells)| (*q, &cells[..])).collect();
    let years = civic_space::yearly(&by_quarter, f.area, &acts);
    let points: Vec<DataPoint> = years
        .iter()
        .filter_map(|y| {
            let value = y.value?;
            let (first, last) = (y.quarters.first()?, y.quarters.last()?);
            let note = match y.quarters.len() {
                4 => format!("{first}–{last}"),
                n => format!("{first}–{last}, annualised from {n} quarters"),
            };
            Some(DataPoint {
                indicator: f.indicator.to_owned(),
                iso3: f.iso3.to_owned(),
                year: y.year,
                value,
                source: "Tandem public violation statistics (verified, suppressed)".into(),
                note,
            })
        })
        .collect();
    if !points.is_empty() {
        let detail = json!({ "via": "civic-space", "area": f.area, "years": points.len() });
        store.import_index_values(&points, NewAuditEvent::new("index.values").detail(detail)).await?;
    }
    Ok(years)
}
