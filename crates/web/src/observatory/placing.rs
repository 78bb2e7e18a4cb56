//! Where a violation counts in the tables of counts (the public statistics and those shared under
//! agreements): its country and admin1 area, and the admin1 areas every table has rows for.
use chrono::Utc;
use tandem_domain::area::AreaLevel;
use tandem_domain::violation::InstitutionKind;
use tandem_domain::violation_stats::{Placed, Quarter};

use tandem_store::Store;

use crate::app_error::AppError;
use crate::ew::config::EwConfig;

/// The public statistics' name among the frozen releases.
pub const DATASET: &str = "violations";

/// The country and admin1 area an area belongs to (None for the admin1 when it is a country).
pub fn placed_at(cfg: &EwConfig, code: &str) -> Option<(String, Option<String>)> {
    let mut country = None;
    let mut admin1 = None;
    for c in cfg.tree.lineage(code) {
        match cfg.areas.get(&c).map(|a| a.level) {
            Some(AreaLevel::Country) => country = Some(c),
            Some(AreaLevel::Admin1) => admin1 = Some(c),
            _ => {}
        }
    }
    country.map(|c| (c, admin1))
}

/// Every admin1 area with its country, sorted: the rows every table has, violations or not.
pub fn admin1_areas(cfg: &EwConfig) -> Vec<(String, String)> {
    let mut admin1: Vec<(String, String)> = cfg
        .areas
        .values()
        .filter(|a| a.level == AreaLevel::Admin1)
        .filter_map(|a| placed_at(cfg, &a.code).map(|(country, _)| (country, a.code.clone())))
        .collect();
    admin1.sort();
    admin1
}

/// What a table of a quarter is built from: the act kinds (its columns), every admin1 area (its
/// rows), and the verified violations of civil-society organisations (of `only`, if given)
/// placed in them.
pub async fn placed(
    store: &dyn Store,
    cfg: &EwConfig,
    q: Quarter,
    only: Option<&str>,
) -> Result<(Vec<String>, Vec<(String, String)>, Vec<Placed>), AppError> {
    let acts: Vec<String> = store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
    let counts = store.verified_violation_counts(q.first_day(), q.end(), Utc::now()).await?;
    let placed: Vec<Placed> = counts
        .into_iter()
        .filter(|(org, ..)| only.is_none_or(|o| o == org))
        .filter_map(|(org, area, kind, act, count)| {
            let (country, admin1) = placed_at(cfg, &area)?;
            let kind: InstitutionKind = kind.parse().ok()?;
            let act = acts.iter().position(|a| *a == act)?;
            Some(Placed { org, country, admin1, kind, act, count })
        })
        .collect();
    Ok((acts, admin1_areas(cfg), placed))
}
