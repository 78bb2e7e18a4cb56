//! Running the alert engine against the store. The full run evaluates every cell of an
//! organisation; the incremental run, after new reports or a status change, evaluates only the
//! cells those reports can affect, reading only the weeks those cells need. Both call the same
//! pure `evaluate`, so they agree (tested in `tests/api/alerts.rs`).
use std::collections::BTreeSet;

use tandem_domain::alert_engine::{cells_affected_by, evaluate, weeks_needed, Cell, Scope};
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::{AlertPlan, Reconciled, Store};

use super::config::EwConfig;
use crate::app_error::AppError;

/// Re-evaluates all of an organisation's alerts.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn run_full(store: &dyn Store, cfg: &EwConfig, org: &OrgId) -> Result<Reconciled, AppError> {
    let Some((start, _)) = store.week_bounds(org).await? else {
        return Ok(store
            .reconcile_alerts(org, AlertPlan { scope: None, candidates: &[], only: None })
            .await?);
    };
    let obs = store.alert_obs(org, None, None).await?;
    let candidates = evaluate(&cfg.tree, &obs, start, Scope::All, &cfg.engine);
    Ok(store.reconcile_alerts(org, AlertPlan { scope: None, candidates: &candidates, only: None }).await?)
}

/// Changes beyond which an incremental run gives way to a full one.
const FULL_RUN_ABOVE: usize = 2_000;

/// A report's place in the cube, for incremental runs.
#[derive(Debug, Clone)]
pub struct Change {
    pub area: String,
    pub category: String,
    pub week: Week,
}

/// Re-evaluates the cells `changes` can affect. `grid_before` is the organisation's earliest
/// counting week before the change: if the change moved it, every statistic's baseline moved
/// with it, and the full run is the only correct answer.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn run_incremental(
    store: &dyn Store,
    cfg: &EwConfig,
    org: &OrgId,
    changes: &[Change],
    grid_before: Option<Week>,
) -> Result<Reconciled, AppError> {
    // A large batch (an import) touches so many cells that one full run is cheaper.
    if changes.len() > FULL_RUN_ABOVE {
        return run_full(store, cfg, org).await;
    }
    let bounds = store.week_bounds(org).await?;
    let start = match bounds {
        Some((start, _)) if Some(start) == grid_before => start,
        _ => return run_full(store, cfg, org).await,
    };
    let mut by_category: std::collections::BTreeMap<&str, BTreeSet<Cell>> = Default::default();
    for c in changes {
        by_category.entry(c.category.as_str()).or_default().extend(cells_affected_by(
            &cfg.tree,
            &c.area,
            &c.category,
            c.week,
        ));
    }
    let mut total = Reconciled::default();
    for (category, cells) in by_category {
        let (lo, hi) = match (cells.first(), cells.iter().map(|c| c.week).max()) {
            (Some(first), Some(hi)) => (cells.iter().map(|c| c.week).min().unwrap_or(first.week), hi),
            _ => continue,
        };
        let (lo, hi) = weeks_needed(lo, hi);
        let obs = store.alert_obs(org, Some((lo, hi)), Some(category)).await?;
        let candidates = evaluate(&cfg.tree, &obs, start, Scope::Cells(&cells), &cfg.engine);
        let r = store
            .reconcile_alerts(org, AlertPlan { scope: Some(&cells), candidates: &candidates, only: None })
            .await?;
        total.opened.extend(r.opened);
        total.updated += r.updated;
        total.withdrawn += r.withdrawn;
    }
    Ok(total)
}

/// The reports behind an alert: a threshold alert's own list; for an EARS alert, the counting
/// reports of its cell (its area and the areas below it, its category, its week).
pub async fn reports_of(
    store: &dyn Store,
    cfg: &EwConfig,
    org: &OrgId,
    alert: &tandem_store::Alert,
    linked: Vec<String>,
) -> Result<Vec<String>, AppError> {
    if alert.method == tandem_domain::alert_engine::AlertMethod::Threshold {
        return Ok(linked);
    }
    Ok(store.cell_reports(org, &cfg.tree.subtree(&alert.area), &alert.category, alert.week).await?)
}
