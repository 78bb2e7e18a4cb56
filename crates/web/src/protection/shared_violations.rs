//! Verified violations under sharing agreements: per month, an owner's counts by admin1 area ×
//! institution kind × act, as fixed cells (zeros included), under the linked-table disclosure
//! control of shared aggregates. A month is released once it has ended and the sharing grace
//! period has passed; its master is frozen then, with k the smallest of the owner's agreements
//! that share violations, and each partner's table is a cut of it hiding more where its own k
//! asks. Pooled, partners' tables hold only entries the master publishes. Never one by one:
//! a violation's record stays with the organisation that documented it.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::disclosure::linked::{Master, ViewSpec};
use tandem_domain::sharing::{RecordKind, K};
use tandem_domain::violation::InstitutionKind;
use tandem_domain::violation_stats::{self, Placed};
use tandem_domain::OrgId;
use tandem_store::Agreement;

use super::shared::{audit_use, in_force};
use crate::app_error::AppError;
use crate::observatory::public::{admin1_areas, placed_at};
use crate::AppState;

/// How many months a partner may ask for at once.
pub const MAX_MONTHS: u32 = 24;
pub const DEFAULT_MONTHS: u32 = 6;

/// One entry of a partner's table: an area (a country, or an admin1 area) with an institution
/// kind (None: all kinds), an act (None: all acts), its count (None: hidden).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SharedViolationCell {
    pub owner_org: String,
    pub agreement: String,
    /// `2026-07`.
    pub month: String,
    pub area: Option<String>,
    pub institution: Option<String>,
    pub act: Option<String>,
    pub count: Option<u32>,
}

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn next_month(m: NaiveDate) -> NaiveDate {
    first_of(m + Duration::days(32))
}

/// The newest month released at `now`: one that ended at least `grace` ago.
pub fn last_released(now: DateTime<Utc>, grace: Duration) -> NaiveDate {
    let ended_by = (now - grace).date_naive();
    first_of(first_of(ended_by) - Duration::days(1))
}

fn label(m: NaiveDate) -> String {
    format!("{:04}-{:02}", m.year(), m.month())
}

fn dataset(owner: &OrgId) -> String {
    format!("shared-violations:{owner}")
}

/// The frozen master of `owner`'s month, built from its violations verified by now if it was
/// never built.
async fn master(state: &AppState, owner: &OrgId, month: NaiveDate) -> Result<Master, AppError> {
    let period = label(month);
    let (_, json) = match state.store.public_release(&dataset(owner), &period).await? {
        Some(found) => found,
        None => {
            let cfg = state.ew_config.get(state.store.as_ref()).await?;
            let acts: Vec<String> = state.store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
            let admin1 = admin1_areas(&cfg);
            let now = Utc::now();
            let k = state
                .store
                .list_agreements(owner)
                .await?
                .iter()
                .filter(|a| {
                    a.owner_org == owner.as_str() && a.in_force(now) && a.covers(RecordKind::Violations)
                })
                .map(|a| a.k)
                .min()
                .unwrap_or(K::DEFAULT.get());
            let counts = state.store.verified_violation_counts(month, next_month(month), now).await?;
            let placed: Vec<Placed> = counts
                .into_iter()
                .filter(|(org, ..)| org == owner.as_str())
                .filter_map(|(org, area, kind, act, count)| {
                    let (country, admin1) = placed_at(&cfg, &area)?;
                    let kind: InstitutionKind = kind.parse().ok()?;
                    let act = acts.iter().position(|a| *a == act)?;
                    Some(Placed { org, country, admin1, kind, act, count })
                })
                .collect();
            let m = tokio::task::spawn_blocking(move || violation_stats::master(acts, &admin1, &placed, k))
                .await
                .map_err(AppError::internal)?;
            let text = serde_json::to_string(&m).map_err(AppError::internal)?;
            // The first writer wins: a master another request froze meanwhile is the one kept.
            state.store.save_public_release(&dataset(owner), &period, k, &text).await?
        }
    };
    serde_json::from_str(&json).map_err(AppError::internal)
}

/// One partner's table of one month: the master's leaves (admin1 × kind, and a country's own
/// kinds) × every act, with row, column and grand totals, hidden below the agreement's k.
fn table(m: &Master, a: &Agreement, month: &str) -> Vec<SharedViolationCell> {
    let spec = ViewSpec { depth: u8::MAX, categories: (0..m.categories.len()).collect(), k: a.k.max(m.k) };
    let view = m.view(&spec, &m.hidden());
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
    view.cells
        .iter()
        .chain(&view.totals)
        .map(|&((node, col), count)| {
            let (area, institution) = place(node);
            SharedViolationCell {
                owner_org: a.owner_org.clone(),
                agreement: a.id.clone(),
                month: month.to_owned(),
                area,
                institution,
                act: (col < cats).then(|| m.categories[col].clone()),
                count,
            }
        })
        .collect()
}

/// The tables of the last `months` released months under every agreement in force with the
/// caller's organisation that shares violations; each use is audited on the owner's side.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn tables(
    state: &AppState,
    actor: &Actor,
    months: u32,
) -> Result<Vec<SharedViolationCell>, AppError> {
    let grace = Duration::from_std(state.config.sharing_grace).unwrap_or(Duration::days(7));
    let last = last_released(Utc::now(), grace);
    let mut first = last;
    for _ in 1..months.clamp(1, MAX_MONTHS) {
        first = first_of(first - Duration::days(1));
    }
    let mut out = vec![];
    for a in in_force(state, &actor.org_id, RecordKind::Violations).await? {
        let owner = OrgId::from_trusted(a.owner_org.clone());
        let mut m = first;
        while m <= last {
            let master = master(state, &owner, m).await?;
            out.extend(table(&master, &a, &label(m)));
            m = next_month(m);
        }
        audit_use(state, actor, &a, "violations.shared", json!({ "months": [label(first), label(last)] }))
            .await?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_month_is_released_once_ended_and_the_grace_period_over() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap();
        assert_eq!(last_released(at(2026, 12, 2), Duration::zero()), day(2026, 11, 1));
        assert_eq!(last_released(at(2026, 12, 2), Duration::days(7)), day(2026, 10, 1));
        assert_eq!(last_released(at(2026, 12, 8), Duration::days(7)), day(2026, 11, 1));
        assert_eq!(next_month(day(2026, 12, 1)), day(2027, 1, 1));
        assert_eq!(label(day(2026, 7, 1)), "2026-07");
    }
}
