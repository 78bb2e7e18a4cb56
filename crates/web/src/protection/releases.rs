//! Releasing an owner's weeks of aggregates (docs/disclosure-control.md). A week is released once
//! it has closed and the grace period for verification has passed: its master table is built from
//! the verified reports of that moment, frozen in the store, and every partner's table of that
//! week is a cut of it, now and for good. Two downloads of one week made months apart are the
//! same, so no change between them tells of a report.
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tandem_domain::disclosure::linked::{Counted, Master};
use tandem_domain::sharing::{RecordKind, K};
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::Release;

pub use super::caches::Released;
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// The newest week that may be released at `now`: one that closed (Monday 00:00 UTC after it)
/// at least `grace` ago.
pub fn last_releasable(now: DateTime<Utc>, grace: Duration) -> Week {
    Week(Week::of(now - grace).0 - 1)
}

/// The owner's released weeks within `range` (up to the last releasable one), releasing those
/// that are due and were not released before. Oldest first.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
pub async fn released(
    state: &AppState,
    cfg: &EwConfig,
    owner: &OrgId,
    range: (Week, Week),
) -> Result<Vec<Arc<Released>>, AppError> {
    let now = Utc::now();
    let grace = Duration::from_std(state.config.sharing_grace).unwrap_or(Duration::days(7));
    let hi = Week(range.1 .0.min(last_releasable(now, grace).0));
    if hi < range.0 {
        return Ok(vec![]);
    }
    let mut out: BTreeMap<Week, Arc<Released>> = BTreeMap::new();
    let mut missing: Vec<Week> = vec![];
    for w in range.0 .0..=hi.0 {
        match state.releases.get(owner, Week(w)) {
            Some(r) => {
                out.insert(Week(w), r);
            }
            None => missing.push(Week(w)),
        }
    }
    if let (Some(&lo), Some(&top)) = (missing.first(), missing.last()) {
        let stored: BTreeMap<Week, Release> =
            state.store.releases(owner, (lo, top)).await?.into_iter().map(|r| (r.week, r)).collect();
        let due: Vec<Week> = missing.iter().copied().filter(|w| !stored.contains_key(w)).collect();
        let mut made = BTreeMap::new();
        if !due.is_empty() {
            let k = release_k(state, owner, now).await?;
            for r in build(state, cfg, owner, &due, k, now).await? {
                // The first writer wins: a release another request made meanwhile is kept.
                let kept = state.store.release(owner, &r).await?;
                made.insert(kept.week, kept);
            }
        }
        for r in stored.into_values().chain(made.into_values()) {
            let master: Master = serde_json::from_str(&r.master).map_err(AppError::internal)?;
            let hidden = master.hidden();
            let r = Arc::new(Released { week: r.week, master, hidden, released_at: r.released_at });
            state.releases.put(owner, r.clone());
            out.insert(r.week, r);
        }
    }
    Ok(out.into_values().collect())
}

/// The smallest k among the owner's agreements in force that share reports: a release publishes
/// nothing below it to anyone.
async fn release_k(state: &AppState, owner: &OrgId, now: DateTime<Utc>) -> Result<u32, AppError> {
    Ok(state
        .store
        .list_agreements(owner)
        .await?
        .iter()
        .filter(|a| a.owner_org == owner.as_str() && a.in_force(now) && a.covers(RecordKind::Reports))
        .map(|a| a.k)
        .min()
        .unwrap_or(K::DEFAULT.get()))
}

/// The masters of `weeks`, from the verified reports as they stand.
async fn build(
    state: &AppState,
    cfg: &EwConfig,
    owner: &OrgId,
    weeks: &[Week],
    k: u32,
    now: DateTime<Utc>,
) -> Result<Vec<Release>, AppError> {
    let (Some(&lo), Some(&hi)) = (weeks.first(), weeks.last()) else { return Ok(vec![]) };
    let categories: Vec<String> = cfg.categories.iter().map(|c| c.slug.clone()).collect();
    let mut by_week: BTreeMap<Week, Vec<Counted>> = BTreeMap::new();
    for (area, category, week, n) in state.store.verified_counts(owner, None, (lo, hi)).await? {
        let Some(c) = categories.iter().position(|x| *x == category) else { continue };
        by_week.entry(week).or_default().push((lineage(cfg, &area), c, n));
    }
    weeks
        .iter()
        .map(|&w| {
            let reports = by_week.remove(&w).unwrap_or_default();
            let master = Master::build(categories.clone(), &reports, k);
            Ok(Release {
                week: w,
                k,
                master: serde_json::to_string(&master).map_err(AppError::internal)?,
                released_at: now,
            })
        })
        .collect()
}

/// An area's chain from its country down to itself, each with its depth (1 for a country).
fn lineage(cfg: &EwConfig, area: &str) -> Vec<(String, u8)> {
    // The tree gives the area first, then its parents.
    let mut chain: Vec<(String, u8)> = cfg
        .tree
        .lineage(area)
        .iter()
        .filter_map(|code| cfg.areas.get(code).map(|a| (a.code.clone(), depth(a.level))))
        .collect();
    chain.reverse();
    chain
}

/// The depth of an area level in the tree of a master (the root, all areas, is 0).
pub fn depth(level: tandem_domain::area::AreaLevel) -> u8 {
    level as u8 + 1
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_week_is_released_once_closed_and_the_grace_period_over() {
        // Monday 30 November 2026 opens week 49; week 48 closed at its start.
        let monday = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
        let w48 = Week::of(monday - Duration::days(1));
        assert_eq!(last_releasable(monday, Duration::zero()), w48);
        assert_eq!(last_releasable(monday + Duration::days(6), Duration::days(7)), Week(w48.0 - 1));
        assert_eq!(last_releasable(monday + Duration::days(7), Duration::days(7)), w48);
    }
}
