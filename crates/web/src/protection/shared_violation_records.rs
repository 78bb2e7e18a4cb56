//! Verified violations one by one, de-identified, under an agreement in `records` mode that
//! names violations (an owner's deliberate choice: the tables of counts are the default). What
//! crosses is what a partner needs to act and to compare, and no more: the area at the agreed
//! level, the month at most, the act, the kind of institution (never the unit, whose name can
//! place the act in a town), the victims' number, group and state (never their sex and age,
//! which with the rest can point at a person), and the description scrubbed of the
//! organisation's protected names, this violation's victims and source, the organisation a
//! civic-space incident targeted, and phone numbers, addresses and ID numbers. Never the
//! victims' names, the source, evidence, the referral or who documented it. Each reading is
//! audited on the owner's side.
use chrono::{Duration, Utc};
use serde::Serialize;
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::scrub::Scrubber;
use tandem_domain::sharing::{record_ref, RecordKind, ShareMode};
use tandem_domain::violation::{InstitutionKind, Involvement, VictimGroup, VictimsState, ViolationStatus};
use tandem_domain::violation_stats::Quarter;
use tandem_domain::OrgId;
use tandem_store::{Agreement, ViolationFilter};

use super::secrets::{list_names, violation_names};
use super::shared::{audit_use, in_force, shared_area};
use crate::app_error::AppError;
use crate::AppState;

/// Most records one request returns per agreement: each one opens the violation's sealed names
/// for the scrubber, an audited reading.
pub const MAX_RECORDS: i64 = 200;

/// A violation as a partner sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharedViolationRecord {
    /// A reference only this agreement knows: two partners cannot match their records by it.
    #[serde(rename = "ref")]
    pub reference: String,
    pub owner_org: String,
    pub agreement: String,
    pub area: String,
    /// `2026-03`, or `2026` when only the year is known; absent when the date is unknown.
    pub when: Option<String>,
    pub act: String,
    pub institution_kind: InstitutionKind,
    pub involvement: Involvement,
    pub victims: u32,
    pub victims_group: VictimGroup,
    pub victims_status: Option<VictimsState>,
    pub status: ViolationStatus,
    pub description: String,
}

/// The first day of the quarter `quarters − 1` before this one: records cover this quarter and
/// the ones before it, by when the act happened.
fn window_start(quarters: u32) -> chrono::NaiveDate {
    let mut q = Quarter::of(Utc::now().date_naive());
    for _ in 1..quarters.max(1) {
        q = Quarter::of(q.first_day() - Duration::days(1));
    }
    q.first_day()
}

/// The de-identified violations of every records agreement in force with the caller's
/// organisation that names violations, newest first, at most `limit` (up to [`MAX_RECORDS`]) per
/// agreement.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn records(
    state: &AppState,
    actor: &Actor,
    quarters: u32,
    limit: i64,
) -> Result<Vec<SharedViolationRecord>, AppError> {
    let from = window_start(quarters);
    let limit = limit.clamp(1, MAX_RECORDS);
    let mut out = vec![];
    for a in in_force(state, &actor.org_id, RecordKind::Violations)
        .await?
        .into_iter()
        .filter(|a| a.mode == ShareMode::Records)
    {
        let shared = records_of(state, actor, &a, from, limit).await?;
        let detail = json!({ "from": from, "records": shared.len() });
        audit_use(state, actor, &a, "violations.records.read", detail).await?;
        out.extend(shared);
    }
    Ok(out)
}

async fn records_of(
    state: &AppState,
    actor: &Actor,
    a: &Agreement,
    from: chrono::NaiveDate,
    limit: i64,
) -> Result<Vec<SharedViolationRecord>, AppError> {
    let owner = OrgId::from_trusted(a.owner_org.clone());
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let filter = ViolationFilter { verified_from: Some(from), limit, ..Default::default() };
    let violations = state.store.list_violations(&owner, &filter).await?;
    let protected: Vec<String> = list_names(state, &owner).await?.into_iter().map(|n| n.name).collect();
    let codes: Vec<String> = cfg.areas.keys().cloned().collect();
    let mut out = Vec::with_capacity(violations.len());
    for v in violations {
        let mut names = protected.clone();
        names.extend(violation_names(state, actor, &owner, &v).await?);
        let scrubber = Scrubber::new(&names, &codes);
        out.push(SharedViolationRecord {
            reference: record_ref(&a.id, &v.id),
            owner_org: a.owner_org.clone(),
            agreement: a.id.clone(),
            area: shared_area(&cfg, &v.area, a),
            when: v.date_precision.shared(v.occurred_on),
            act: v.act,
            institution_kind: v.institution_kind,
            involvement: v.involvement,
            victims: v.victims.total,
            victims_group: v.victims.group,
            victims_status: v.victims.status,
            status: v.status,
            description: scrubber.scrub(&v.description).text,
        });
    }
    Ok(out)
}
