//! The figures behind an organisation's dashboard: open episodes per area, overdue alerts and the
//! weekly series per category, computed in the database and kept for [`DASHBOARD_TTL`], so that a
//! page many people keep open does not run its aggregates for each of them.
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use tandem_domain::alert_engine::AreaTree;
use tandem_domain::episodes::group;
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::{Alert, AlertFilter, Store};

use super::config::EwConfig;
use crate::charts::MapArea;
use tandem_domain::area::AreaLevel;

use crate::app_error::AppError;

/// Weeks in each series, the current one last.
pub const SERIES_WEEKS: i64 = 26;

pub const DASHBOARD_TTL: Duration = Duration::from_secs(10);

pub struct DashboardData {
    /// Open episodes per area: each counted once in every area its alerts are about, as the
    /// alerts page groups them (not one per test and area level).
    pub per_area: HashMap<String, u32>,
    /// Open episodes in or within each area (its own and its districts'), each counted once:
    /// what the map colours, so that a district's episode shows when the map is drawn a level
    /// up.
    pub within: HashMap<String, u32>,
    pub overdue: Vec<Alert>,
    /// Whether imported event data alone raised open alerts (listed apart, not on the map).
    pub event_data_alerts: bool,
    /// Reports per category in each of the last [`SERIES_WEEKS`] weeks.
    pub by_cat: BTreeMap<String, Vec<u32>>,
    /// The first and last week of the series.
    pub weeks: (Week, Week),
}

/// Areas a phone's map can draw and a reader tell apart: beyond this the map is drawn a level up.
const MAP_AREAS_AT_MOST: usize = 300;

/// The level the map draws: the finest with geometry that has at most [`MAP_AREAS_AT_MOST`]
/// areas (5,000 districts of 50 countries are a megabyte of outlines no one can read on a phone;
/// their regions or countries are not), else the coarsest with geometry.
fn map_level(areas: &[tandem_store::Area]) -> Option<AreaLevel> {
    let mut levels: BTreeMap<AreaLevel, usize> = BTreeMap::new();
    for a in areas.iter().filter(|a| a.geometry.is_some()) {
        *levels.entry(a.level).or_default() += 1;
    }
    levels.iter().rev().find(|(_, n)| **n <= MAP_AREAS_AT_MOST).or(levels.iter().next()).map(|(l, _)| *l)
}

/// What the dashboard's map draws: its level and the outlines of that level's areas.
pub struct Outlines {
    pub level: Option<AreaLevel>,
    pub drawn: Vec<MapArea>,
}

#[derive(Default)]
pub struct DashboardCache(
    Mutex<HashMap<OrgId, (Instant, Arc<DashboardData>)>>,
    /// The outlines, the same for every organisation, read again when the configuration is
    /// (`config::TTL`): thousands of areas' geometry are not worth reading for each request.
    Mutex<Option<(Instant, Arc<Outlines>)>>,
);

impl DashboardCache {
    pub async fn outlines(&self, store: &dyn Store) -> Result<Arc<Outlines>, AppError> {
        if let Some((at, o)) = self.1.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            if at.elapsed() < super::config::TTL {
                return Ok(o);
            }
        }
        let areas = store.list_areas(true).await?;
        let level = map_level(&areas);
        let drawn = areas
            .into_iter()
            .filter(|a| Some(a.level) == level)
            .filter_map(|a| Some(MapArea { code: a.code, name: a.name, geometry: a.geometry? }))
            .collect();
        let o = Arc::new(Outlines { level, drawn });
        *self.1.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), o.clone()));
        Ok(o)
    }

    /// The organisation's figures: fresh ones are served as they are; stale ones are served too,
    /// and refreshed once in the background (the new time stamp keeps other requests from
    /// starting refreshes of their own).
    pub async fn get(
        self: &Arc<Self>,
        store: &Arc<dyn Store>,
        cfg: &Arc<EwConfig>,
        org: &OrgId,
    ) -> Result<Arc<DashboardData>, AppError> {
        {
            let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((at, d)) = cache.get(org).cloned() {
                if at.elapsed() >= DASHBOARD_TTL {
                    cache.insert(org.clone(), (Instant::now(), d.clone()));
                    let (me, store, cfg, org) = (self.clone(), store.clone(), cfg.clone(), org.clone());
                    tokio::spawn(async move {
                        if let Err(e) = me.compute(store.as_ref(), &cfg.tree, &org).await {
                            tracing::warn!(error = %e, "dashboard refresh failed");
                        }
                    });
                }
                return Ok(d);
            }
        }
        self.compute(store.as_ref(), &cfg.tree, org).await
    }

    async fn compute(
        &self,
        store: &dyn Store,
        tree: &AreaTree,
        org: &OrgId,
    ) -> Result<Arc<DashboardData>, AppError> {
        // The map is of what the organisation's own reports raised; alerts of imported event
        // data alone are listed apart (/alerts?source=event_data).
        let own = AlertFilter {
            status: Some("open".into()),
            from_event_data: Some(false),
            limit: 500,
            ..Default::default()
        };
        let open = store.list_alerts(org, &own).await?;
        let (per_area, within) = episodes_per_area(&open, tree);
        let context = AlertFilter { from_event_data: Some(true), limit: 1, ..own };
        let event_data_alerts = !store.list_alerts(org, &context).await?.is_empty();
        let overdue = store
            .list_alerts(org, &AlertFilter { overdue_at: Some(Utc::now()), limit: 50, ..Default::default() })
            .await?;
        let now = Week::of(Utc::now());
        let from = Week(now.0 - (SERIES_WEEKS - 1));
        // Counted in the database: cheap however many reports there are.
        let mut by_cat: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (category, week, n) in store.weekly_counts(org, (from, now)).await? {
            let series = by_cat.entry(category).or_insert_with(|| vec![0; SERIES_WEEKS as usize]);
            if let Some(slot) = series.get_mut((week.0 - from.0) as usize) {
                *slot = n;
            }
        }
        let d = Arc::new(DashboardData {
            per_area,
            within,
            overdue,
            event_data_alerts,
            by_cat,
            weeks: (from, now),
        });
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() > 10_000 {
            cache.clear();
        }
        cache.insert(org.clone(), (Instant::now(), d.clone()));
        Ok(d)
    }
}

/// Open episodes per area: an episode counts once in each area its alerts are about (first),
/// and once in each area that is or contains one of those (second).
fn episodes_per_area(open: &[Alert], tree: &AreaTree) -> (HashMap<String, u32>, HashMap<String, u32>) {
    let keys: Vec<_> = open.iter().map(Alert::episode_key).collect();
    let (mut about, mut within): (HashMap<String, u32>, HashMap<String, u32>) = Default::default();
    for e in group(&keys, tree) {
        let areas: std::collections::BTreeSet<&str> =
            e.members.iter().map(|&i| open[i].area.as_str()).collect();
        let mut holding = std::collections::BTreeSet::new();
        for a in areas {
            *about.entry(a.to_owned()).or_default() += 1;
            holding.extend(tree.lineage(a));
        }
        for a in holding {
            *within.entry(a).or_default() += 1;
        }
    }
    (about, within)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_domain::alert_engine::AlertMethod;
    use tandem_domain::week::Week;

    fn alert(area: &str, method: AlertMethod, week: i64) -> Alert {
        let now = Utc::now();
        Alert {
            id: format!("{area}-{method:?}-{week}"),
            org_id: "o".into(),
            area: area.into(),
            category: "crime".into(),
            week: Week(week),
            method,
            version: "v".into(),
            observed: 5,
            baseline_mean: Some(0.5),
            baseline_sd: Some(0.5),
            statistic: Some(4.0),
            status: "open".into(),
            assigned_org_id: None,
            due_at: None,
            created_at: now,
            updated_at: now,
            first_response_at: None,
            shared_count: None,
            acknowledged_at: None,
            acknowledged_by: None,
            closed_at: None,
            outcome: None,
            from_event_data: false,
        }
    }

    #[test]
    fn the_map_counts_episodes_not_tests() {
        let tree = AreaTree::new([("MR".to_owned(), None), ("MR01".to_owned(), Some("MR".to_owned()))]);
        // One rise seen by three tests, in a district and in its region, over two weeks.
        let open = vec![
            alert("MR01", AlertMethod::C1, 10),
            alert("MR01", AlertMethod::C2, 10),
            alert("MR01", AlertMethod::C3, 11),
            alert("MR", AlertMethod::C1, 10),
        ];
        let (per_area, within) = episodes_per_area(&open, &tree);
        assert_eq!(per_area.get("MR01"), Some(&1), "{per_area:?}");
        assert_eq!(per_area.get("MR"), Some(&1), "the region is touched by the same episode");
        assert_eq!(within.get("MR"), Some(&1), "once, though two of its areas are about it");
        // A rise months later is an episode of its own; one in the district alone still counts
        // in the region when the map is drawn at the region's level.
        let mut more = open.clone();
        more.push(alert("MR01", AlertMethod::C1, 30));
        let (per_area, within) = episodes_per_area(&more, &tree);
        assert_eq!((per_area.get("MR01"), per_area.get("MR")), (Some(&2), Some(&1)));
        assert_eq!(within.get("MR"), Some(&2));
    }

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
