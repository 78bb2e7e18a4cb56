//! The figures behind an organisation's dashboard: open alerts per area, overdue alerts and the
//! weekly series per category, computed in the database and kept for [`DASHBOARD_TTL`], so that a
//! page many people keep open does not run its aggregates for each of them.
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::{Alert, AlertFilter, Store};

use crate::app_error::AppError;

/// Weeks in each series, the current one last.
pub const SERIES_WEEKS: i64 = 26;

pub const DASHBOARD_TTL: Duration = Duration::from_secs(10);

pub struct DashboardData {
    pub per_area: HashMap<String, u32>,
    pub overdue: Vec<Alert>,
    /// Reports per category in each of the last [`SERIES_WEEKS`] weeks.
    pub by_cat: BTreeMap<String, Vec<u32>>,
    /// The first and last week of the series.
    pub weeks: (Week, Week),
}

#[derive(Default)]
pub struct DashboardCache(Mutex<HashMap<OrgId, (Instant, Arc<DashboardData>)>>);

impl DashboardCache {
    /// The organisation's figures: fresh ones are served as they are; stale ones are served too,
    /// and refreshed once in the background (the new time stamp keeps other requests from
    /// starting refreshes of their own).
    pub async fn get(
        self: &Arc<Self>,
        store: &Arc<dyn Store>,
        org: &OrgId,
    ) -> Result<Arc<DashboardData>, AppError> {
        {
            let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((at, d)) = cache.get(org).cloned() {
                if at.elapsed() >= DASHBOARD_TTL {
                    cache.insert(org.clone(), (Instant::now(), d.clone()));
                    let (me, store, org) = (self.clone(), store.clone(), org.clone());
                    tokio::spawn(async move {
                        if let Err(e) = me.compute(store.as_ref(), &org).await {
                            tracing::warn!(error = %e, "dashboard refresh failed");
                        }
                    });
                }
                return Ok(d);
            }
        }
        self.compute(store.as_ref(), org).await
    }

    async fn compute(&self, store: &dyn Store, org: &OrgId) -> Result<Arc<DashboardData>, AppError> {
        let per_area: HashMap<String, u32> = store.open_alert_counts(org).await?.into_iter().collect();
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
        let d = Arc::new(DashboardData { per_area, overdue, by_cat, weeks: (from, now) });
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() > 10_000 {
            cache.clear();
        }
        cache.insert(org.clone(), (Instant::now(), d.clone()));
        Ok(d)
    }
}
