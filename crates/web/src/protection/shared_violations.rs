//! Verified violations under sharing agreements: per quarter, an owner's counts by admin1 area ×
//! institution kind × act, as fixed cells (zeros included), under the linked-table disclosure
//! control of shared aggregates. A quarter is released once it has ended and the sharing grace
//! period has passed, and frozen then; every partner is shown the same table of it. The public
//! statistics of the same quarter (published later) hide whatever that table did not let its
//! partners work out, so that a partner pooling the two with what other organisations know of
//! their own learns nothing it was not shown. Never one by one: a violation's record stays with
//! the organisation that documented it.
use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::disclosure::linked::{Master, View, ViewSpec};
use tandem_domain::sharing::{RecordKind, K};
use tandem_domain::violation_stats::{self, Label, Quarter};
use tandem_domain::OrgId;
use tandem_store::{Agreement, Store};

use super::shared::{audit_use, in_force};
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::observatory::placing::{placed, DATASET as PUBLIC_DATASET};
use crate::AppState;

/// How many quarters a partner may ask for at once.
pub const MAX_QUARTERS: u32 = 12;
pub const DEFAULT_QUARTERS: u32 = 4;

/// One entry of a partner's table: an area (a country, or an admin1 area) with an institution
/// kind (None: all kinds), an act (None: all acts), its count (None: hidden).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SharedViolationCell {
    pub owner_org: String,
    pub agreement: String,
    /// `2026Q3`.
    pub quarter: String,
    pub area: Option<String>,
    pub institution: Option<String>,
    pub act: Option<String>,
    pub count: Option<u32>,
}

/// The newest quarter released at `now`: one that ended at least `grace` ago.
pub fn last_released(now: DateTime<Utc>, grace: Duration) -> Quarter {
    let ended_by: NaiveDate = (now - grace).date_naive();
    let this = Quarter::of(ended_by);
    Quarter::of(this.first_day() - Duration::days(1))
}

fn dataset(owner: &OrgId) -> String {
    format!("shared-violations:{owner}")
}

/// The frozen master of `owner`'s quarter; built from its violations verified by now if it was
/// never built, unless the public statistics of that quarter were published first (they were
/// then protected without regard to this table, so it is never offered: `None`). Its k is the
/// largest of the owner's agreements that share violations at that moment: every partner is
/// shown the same table, and one whose agreement asks for more is not shown that quarter.
async fn master(state: &AppState, owner: &OrgId, q: Quarter) -> Result<Option<Master>, AppError> {
    let period = q.to_string();
    let json = match state.store.public_release(&dataset(owner), &period).await? {
        Some((_, json)) => json,
        None if state.store.public_release(PUBLIC_DATASET, &period).await?.is_some() => return Ok(None),
        None => {
            let cfg = state.ew_config.get(state.store.as_ref()).await?;
            build(state.store.as_ref(), &cfg, owner, q).await?
        }
    };
    Ok(Some(serde_json::from_str(&json).map_err(AppError::internal)?))
}

async fn build(store: &dyn Store, cfg: &EwConfig, owner: &OrgId, q: Quarter) -> Result<String, AppError> {
    let now = Utc::now();
    let k = store
        .list_agreements(owner)
        .await?
        .iter()
        .filter(|a| a.owner_org == owner.as_str() && a.in_force(now) && a.covers(RecordKind::Violations))
        .map(|a| a.k)
        .max()
        .unwrap_or(K::DEFAULT.get());
    let (acts, admin1, placed) = placed(store, cfg, q, Some(owner.as_str())).await?;
    let m = tokio::task::spawn_blocking(move || violation_stats::master(acts, &admin1, &placed, k))
        .await
        .map_err(AppError::internal)?;
    let text = serde_json::to_string(&m).map_err(AppError::internal)?;
    // The first writer wins: a master another request froze meanwhile is the one kept.
    Ok(store.save_public_release(&dataset(owner), &q.to_string(), k, &text).await?.1)
}

/// The one table every partner of the owner is shown for a quarter: the master's leaves (admin1 ×
/// kind, and a country's own kinds) × every act, with row, column and grand totals.
fn view(m: &Master) -> View {
    let spec = ViewSpec { depth: u8::MAX, categories: (0..m.categories.len()).collect(), k: m.k };
    m.view(&spec, &m.hidden())
}

fn table(m: &Master, a: &Agreement, quarter: &str) -> Vec<SharedViolationCell> {
    let v = view(m);
    let cats = m.categories.len();
    let place = |node: usize| -> (Option<String>, Option<String>) {
        if node == 0 {
            return (None, None);
        }
        match m.nodes[node].area.split_once('|') {
            Some((area, kind)) => (Some(area.to_owned()), Some(kind.to_owned())),
            None => (Some(m.nodes[node].area.clone()), None),
        }
    };
    v.cells
        .iter()
        .chain(&v.totals)
        .map(|&((node, col), count)| {
            let (area, institution) = place(node);
            SharedViolationCell {
                owner_org: a.owner_org.clone(),
                agreement: a.id.clone(),
                quarter: quarter.to_owned(),
                area,
                institution,
                act: (col < cats).then(|| m.categories[col].clone()),
                count,
            }
        })
        .collect()
}

/// What the public statistics of `q` must hide on account of shared tables: every entry some
/// owner's shared table of that quarter does not let its partners work out. The shared tables
/// of every owner that ever agreed to share violations are frozen first, so that none is built
/// after the public statistics it must agree with.
pub async fn unknown_for_public(
    store: &dyn Store,
    cfg: &EwConfig,
    q: Quarter,
) -> Result<BTreeSet<Label>, AppError> {
    let mut out = BTreeSet::new();
    for org in store.list_orgs().await? {
        let shares = store
            .list_agreements(&org.id)
            .await?
            .iter()
            .any(|a| a.owner_org == org.id.as_str() && a.covers(RecordKind::Violations));
        if !shares {
            continue;
        }
        let period = q.to_string();
        let json = match store.public_release(&dataset(&org.id), &period).await? {
            Some((_, json)) => json,
            None => build(store, cfg, &org.id, q).await?,
        };
        let m: Master = serde_json::from_str(&json).map_err(AppError::internal)?;
        let labels = tokio::task::spawn_blocking(move || {
            let v = view(&m);
            let shown: Vec<_> = v.cells.iter().chain(&v.totals).copied().collect();
            violation_stats::shared_unknown(&m, &shown)
        })
        .await
        .map_err(AppError::internal)?;
        out.extend(labels);
    }
    Ok(out)
}

/// The tables of the last `quarters` released quarters under every agreement in force with the
/// caller's organisation that shares violations; each use is audited on the owner's side.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn tables(
    state: &AppState,
    actor: &Actor,
    quarters: u32,
) -> Result<Vec<SharedViolationCell>, AppError> {
    let grace = Duration::from_std(state.config.sharing_grace).unwrap_or(Duration::days(7));
    let last = last_released(Utc::now(), grace);
    let mut first = last;
    for _ in 1..quarters.clamp(1, MAX_QUARTERS) {
        first = Quarter::of(first.first_day() - Duration::days(1));
    }
    let mut out = vec![];
    for a in in_force(state, &actor.org_id, RecordKind::Violations).await? {
        let owner = OrgId::from_trusted(a.owner_org.clone());
        let mut q = first;
        while q <= last {
            match master(state, &owner, q).await? {
                // A table frozen for a smaller k than this agreement asks is not its to see.
                Some(m) if a.k <= m.k => out.extend(table(&m, &a, &q.to_string())),
                _ => {}
            }
            q = q.next();
        }
        let span = json!({ "quarters": [first.to_string(), last.to_string()] });
        audit_use(state, actor, &a, "violations.shared", span).await?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_quarter_is_released_once_ended_and_the_grace_period_over() {
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap();
        let q = |s: &str| Quarter::parse(s).unwrap();
        assert_eq!(last_released(at(2026, 12, 2), Duration::days(7)), q("2026Q3"));
        assert_eq!(last_released(at(2027, 1, 3), Duration::days(7)), q("2026Q3"));
        assert_eq!(last_released(at(2027, 1, 8), Duration::days(7)), q("2026Q4"));
    }
}
