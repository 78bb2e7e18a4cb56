//! Running the alert engine against the store. The full run evaluates every cell of an
//! organisation; the incremental run, after new reports or a status change, evaluates only the
//! cells those reports can affect, reading only the weeks those cells need. Both read the kept
//! weekly counts and the severe reports, never every report. Both call the same
//! pure `evaluate`, so they agree (tested in `tests/api/alerts.rs`).
use std::collections::BTreeSet;

use tandem_domain::alert_engine::{cells_affected_by, evaluate_counts, weeks_needed, Cell, Scope};
use tandem_domain::audit::NewAuditEvent;
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
            .reconcile_alerts(org, AlertPlan { scope: None, candidates: &[], only: None, category: None })
            .await?);
    };
    // One category at a time: series of different categories never meet, and memory then holds
    // one category's counts, candidates and stored alerts (a quarter of a national import's).
    let mut out = Reconciled::default();
    for category in store.alert_categories(org).await? {
        let k = Some(category.as_str());
        // Two reads on two connections, so on both cores.
        let (counts, severe) = tokio::try_join!(
            store.alert_counts(org, None, k),
            store.severe_obs(org, None, k, cfg.engine.lowest_threshold())
        )?;
        let candidates = evaluate_counts(&cfg.tree, &counts, &severe, start, Scope::All, &cfg.engine);
        drop((counts, severe));
        let plan = AlertPlan { scope: None, candidates: &candidates, only: None, category: k };
        out.absorb(store.reconcile_alerts(org, plan).await?);
    }
    Ok(out)
}

/// Changes beyond which an incremental run gives way to a full one.
pub const FULL_RUN_ABOVE: usize = 2_000;

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
        let counts = store.alert_counts(org, Some((lo, hi)), Some(category)).await?;
        let severe =
            store.severe_obs(org, Some((lo, hi)), Some(category), cfg.engine.lowest_threshold()).await?;
        let candidates =
            evaluate_counts(&cfg.tree, &counts, &severe, start, Scope::Cells(&cells), &cfg.engine);
        let r = store
            .reconcile_alerts(
                org,
                AlertPlan { scope: Some(&cells), candidates: &candidates, only: None, category: None },
            )
            .await?;
        total.absorb(r);
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
    let areas = cfg.tree.subtree(&alert.area);
    Ok(store.cell_reports(org, &areas, &alert.category, alert.week, &cfg.engine.trusted).await?)
}

/// Acknowledges, or closes with an outcome, the episode an open alert belongs to: the list shows
/// an episode as one thing, so the coordinator acts on all of its alerts at once. Returns the
/// alerts moved on, `id`'s first. NotFound for another organisation's alert; Conflict when `id`
/// is no longer open (or, for an acknowledgement, is acknowledged already).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn step_episode(
    store: &dyn Store,
    cfg: &EwConfig,
    actor: &tandem_domain::access::Actor,
    id: &str,
    step: tandem_store::AlertStep,
) -> Result<Vec<tandem_store::Alert>, AppError> {
    use tandem_domain::episodes::{group, AlertKey};
    use tandem_store::AlertStep;
    let org = &actor.org_id;
    // Episodes are of one source, as the alerts page lists them: the organisation's own alerts,
    // else (when `id` is not among them) those of imported event data.
    let mut open = vec![];
    for from_event_data in [false, true] {
        let filter = tandem_store::AlertFilter {
            status: Some("open".into()),
            from_event_data: Some(from_event_data),
            limit: 500,
            ..Default::default()
        };
        open = store.list_alerts(org, &filter).await?;
        if open.iter().any(|a| a.id == id) {
            break;
        }
    }
    let keys: Vec<AlertKey<'_>> = open.iter().map(tandem_store::Alert::episode_key).collect();
    let members: Vec<&tandem_store::Alert> = match open.iter().position(|a| a.id == id) {
        Some(at) => {
            let episode = group(&keys, &cfg.tree).into_iter().find(|e| e.members.contains(&at));
            let mut ids = episode.map(|e| e.members).unwrap_or_else(|| vec![at]);
            ids.sort_by_key(|&i| i != at);
            ids.into_iter().map(|i| &open[i]).collect()
        }
        // Not open: the store says whether it is missing (404) or done (409).
        None => vec![],
    };
    let (action, detail) = match step {
        AlertStep::Acknowledge => ("alert.acknowledge", serde_json::json!({})),
        AlertStep::Close(o) => ("alert.close", serde_json::json!({ "outcome": o.as_str() })),
    };
    let audit = |subject: &str| {
        NewAuditEvent::new(action).org(org).actor(&actor.user_id).subject(subject).detail(detail.clone())
    };
    if members.is_empty() {
        return Ok(vec![store.step_alert(org, id, &actor.user_id, step, audit(id)).await?]);
    }
    let mut moved = Vec::with_capacity(members.len());
    for a in members {
        if step == AlertStep::Acknowledge && a.acknowledged_at.is_some() && a.id != id {
            continue;
        }
        moved.push(store.step_alert(org, &a.id, &actor.user_id, step, audit(&a.id)).await?);
    }
    Ok(moved)
}
