//! Where a violation counts in the tables of counts (the public statistics and those shared under
//! agreements): its country and admin1 area, and the admin1 areas every table has rows for.
use tandem_domain::area::AreaLevel;

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
