//! What a partner organisation sees under the agreements in force with it: fixed aggregate cells
//! (area at the agreed level × ISO week × category, verified reports only) with small cells and
//! their complements suppressed; de-identified records where the agreement allows; and the alerts
//! owners assigned to it. Nothing else crosses, and every use is audited on the owner's side.
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::disclosure::linked::ViewSpec;
use tandem_domain::sharing::{coarsen, record_ref, RecordKind, ShareMode};
use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::{Agreement, Alert};

use super::caches::Released;
use super::releases::last_releasable;
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// How many weeks a partner may ask for at once.
pub const MAX_WEEKS: u32 = 104;
pub const DEFAULT_WEEKS: u32 = 12;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharedCell {
    pub owner_org: String,
    pub agreement: String,
    pub area: String,
    pub week: Week,
    pub category: String,
    /// None: suppressed.
    pub count: Option<u32>,
}

/// A row total (`area` set), a column total (`category` set) or a week's total (neither).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharedTotal {
    pub owner_org: String,
    pub agreement: String,
    pub week: Week,
    pub area: Option<String>,
    pub category: Option<String>,
    pub count: Option<u32>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Aggregates {
    /// The newest week released: weeks are shown once closed and a grace period for
    /// verification has passed, and never change afterwards.
    pub released_until: Week,
    pub agreements: Vec<AgreementBrief>,
    pub cells: Vec<SharedCell>,
    pub totals: Vec<SharedTotal>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgreementBrief {
    pub id: String,
    pub owner_org: String,
    pub owner_name: String,
    pub mode: ShareMode,
    pub area_level: tandem_domain::area::AreaLevel,
    pub k: u32,
    pub categories: Vec<String>,
}

impl From<&Agreement> for AgreementBrief {
    fn from(a: &Agreement) -> Self {
        Self {
            id: a.id.clone(),
            owner_org: a.owner_org.clone(),
            owner_name: a.owner_name.clone(),
            mode: a.mode,
            area_level: a.area_level,
            k: a.k,
            categories: a.categories.clone(),
        }
    }
}

/// The weeks a request covers: the last `weeks` ISO weeks up to this one.
pub fn week_range(weeks: u32, now: DateTime<Utc>) -> (Week, Week) {
    weeks_up_to(weeks, Week::of(now))
}

/// `weeks` ISO weeks ending with `last`. Aggregates count back from the newest *released* week,
/// so that "the last 4 weeks" shows four tables, not two and two weeks still held back.
pub fn weeks_up_to(weeks: u32, last: Week) -> (Week, Week) {
    (Week(last.0 - weeks.clamp(1, MAX_WEEKS) as i64 + 1), last)
}

/// The area a partner sees for `area` under `a`.
pub fn shared_area(cfg: &EwConfig, area: &str, a: &Agreement) -> String {
    let lineage: Vec<(&str, tandem_domain::area::AreaLevel)> = cfg
        .tree
        .lineage(area)
        .iter()
        .filter_map(|code| cfg.areas.get(code).map(|x| (x.code.as_str(), x.level)))
        .collect();
    // An area missing from the configuration is shown as the country (nothing finer leaks).
    coarsen(&lineage, a.area_level).map(str::to_owned).unwrap_or_else(|| "?".into())
}

/// The categories an agreement's tables have as columns: its own list, or every category.
fn columns(cfg: &EwConfig, a: &Agreement) -> Vec<String> {
    if a.categories.is_empty() {
        cfg.categories.iter().map(|c| c.slug.clone()).collect()
    } else {
        a.categories.clone()
    }
}

pub(crate) async fn audit_use(
    state: &AppState,
    actor: &Actor,
    a: &Agreement,
    what: &str,
    detail: serde_json::Value,
) -> Result<(), AppError> {
    let ev = NewAuditEvent::new(what).org(&a.owner_org).actor(&actor.user_id).subject(&a.id).detail(detail);
    state.store.append_audit(ev).await?;
    Ok(())
}

pub(crate) async fn in_force(
    state: &AppState,
    partner: &OrgId,
    kind: RecordKind,
) -> Result<Vec<Agreement>, AppError> {
    let now = Utc::now();
    Ok(state
        .store
        .agreements_for_partner(partner, now)
        .await?
        .into_iter()
        .filter(|a| a.covers(kind))
        .collect())
}

/// The aggregate tables of every agreement in force with the caller's organisation: for each
/// released week in the range, the agreement's cut of the owner's frozen master.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn aggregates(state: &AppState, actor: &Actor, weeks: u32) -> Result<Aggregates, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let now = Utc::now();
    let grace = chrono::Duration::from_std(state.config.sharing_grace).unwrap_or(chrono::Duration::days(7));
    let range = weeks_up_to(weeks, last_releasable(now, grace));
    let mut out = Aggregates {
        released_until: last_releasable(now, grace),
        agreements: vec![],
        cells: vec![],
        totals: vec![],
    };
    for a in in_force(state, &actor.org_id, RecordKind::Reports).await? {
        let owner = OrgId::from_trusted(a.owner_org.clone());
        for r in super::releases::released(state, &cfg, &owner, range).await? {
            publish_week(&mut out, &a, &r);
        }
        audit_use(state, actor, &a, "sharing.aggregates.read", json!({ "from": range.0, "to": range.1 }))
            .await?;
        out.agreements.push((&a).into());
    }
    Ok(out)
}

/// Adds the agreement's cut of one released week: non-zero and suppressed cells (a cell not
/// listed is zero) and the totals the cut has (row totals and the week's total only when the
/// agreement covers every category).
fn publish_week(out: &mut Aggregates, a: &Agreement, r: &Released) {
    let m = &r.master;
    if m.leaves().is_empty() {
        // No verified report that week: no table (and no row of zeros either).
        return;
    }
    let cats = m.categories.len();
    let categories: Vec<usize> = if a.categories.is_empty() {
        (0..cats).collect()
    } else {
        (0..cats).filter(|&c| a.categories.contains(&m.categories[c])).collect()
    };
    if categories.is_empty() {
        return;
    }
    let spec = ViewSpec { depth: super::releases::depth(a.area_level), categories, k: a.k };
    let view = m.view(&spec, &r.hidden);
    let area = |node: usize| m.nodes[node].area.clone();
    for &((node, c), count) in &view.cells {
        if count != Some(0) {
            out.cells.push(SharedCell {
                owner_org: a.owner_org.clone(),
                agreement: a.id.clone(),
                area: area(node),
                week: r.week,
                category: m.categories[c].clone(),
                count,
            });
        }
    }
    for &((node, col), count) in &view.totals {
        out.totals.push(SharedTotal {
            owner_org: a.owner_org.clone(),
            agreement: a.id.clone(),
            week: r.week,
            area: (node != 0).then(|| area(node)),
            category: (col != cats).then(|| m.categories[col].clone()),
            count,
        });
    }
}

/// A report as a partner sees it: no id (a reference that only this agreement knows), no
/// reporter or channel, area coarsened, day only, description scrubbed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharedRecord {
    #[serde(rename = "ref")]
    pub reference: String,
    pub owner_org: String,
    pub agreement: String,
    pub area: String,
    pub date: chrono::NaiveDate,
    pub week: Week,
    pub category: String,
    pub severity: u8,
    pub status: tandem_domain::report::ReportStatus,
    pub description: String,
}

/// Most records one request returns per agreement.
pub const MAX_RECORDS: i64 = 500;

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn records(state: &AppState, actor: &Actor, weeks: u32) -> Result<Vec<SharedRecord>, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let range = week_range(weeks, Utc::now());
    let mut out = Vec::new();
    for a in in_force(state, &actor.org_id, RecordKind::Reports)
        .await?
        .into_iter()
        .filter(|a| a.mode == ShareMode::Records)
    {
        let shared = records_of(state, &cfg, &a, range, MAX_RECORDS).await?;
        let detail = json!({ "from": range.0, "to": range.1, "records": shared.len() });
        audit_use(state, actor, &a, "sharing.records.read", detail).await?;
        out.extend(shared);
    }
    Ok(out)
}

/// The owner's verified reports in `range` as the agreement shares them, at most `limit`.
async fn records_of(
    state: &AppState,
    cfg: &EwConfig,
    a: &Agreement,
    range: (Week, Week),
    limit: i64,
) -> Result<Vec<SharedRecord>, AppError> {
    let owner = OrgId::from_trusted(a.owner_org.clone());
    let cats = columns(cfg, a);
    let reports = state.store.verified_reports(&owner, Some(&cats), range, limit).await?;
    let scrubber = super::secrets::scrubber(state, &owner).await?;
    Ok(reports
        .iter()
        .map(|r| SharedRecord {
            reference: record_ref(&a.id, &r.id),
            owner_org: a.owner_org.clone(),
            agreement: a.id.clone(),
            area: shared_area(cfg, &r.area, a),
            date: r.occurred_at.date_naive(),
            week: r.week,
            category: r.category.clone(),
            severity: r.severity,
            status: r.status,
            description: scrubber.scrub(&r.description).text,
        })
        .collect())
}

/// Most records a preview shows.
pub const PREVIEW_RECORDS: i64 = 5;

/// What the partner would see, were the agreement `new` made now: the same cut of the same
/// frozen weekly masters its pages would show (so nothing here is more than the partner gets),
/// and, for a records agreement, the first few records as they would cross. Nothing is stored
/// and nothing crosses: only the owner's coordinators see a preview.
pub async fn preview(
    state: &AppState,
    owner: &Actor,
    new: &tandem_store::NewAgreement,
    weeks: u32,
) -> Result<(Aggregates, Vec<SharedRecord>), AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let now = Utc::now();
    let own = state.store.get_org(&owner.org_id).await?;
    let partner = state.store.get_org(&new.partner).await?;
    let a = Agreement {
        id: "preview".into(),
        owner_org: owner.org_id.to_string(),
        owner_name: own.name,
        partner_org: new.partner.to_string(),
        partner_name: partner.name,
        mode: new.mode,
        area_level: new.area_level,
        k: new.k.get(),
        categories: new.categories.iter().map(|c| c.as_str().to_owned()).collect(),
        kinds: new.kinds.clone(),
        valid_from: new.valid_from,
        valid_to: new.valid_to,
        created_by: owner.user_id.to_string(),
        created_at: now,
        revoked_at: None,
        revoked_by: None,
    };
    let grace = chrono::Duration::from_std(state.config.sharing_grace).unwrap_or(chrono::Duration::days(7));
    let range = weeks_up_to(weeks, last_releasable(now, grace));
    let mut agg = Aggregates {
        released_until: last_releasable(now, grace),
        agreements: vec![],
        cells: vec![],
        totals: vec![],
    };
    let mut records = vec![];
    if a.covers(RecordKind::Reports) {
        for r in super::releases::released(state, &cfg, &owner.org_id, range).await? {
            publish_week(&mut agg, &a, &r);
        }
        agg.agreements.push((&a).into());
        if a.mode == ShareMode::Records {
            records = records_of(state, &cfg, &a, week_range(weeks, now), PREVIEW_RECORDS).await?;
        }
    }
    Ok((agg, records))
}

/// An alert as the organisation it was assigned to sees it: area at the agreement's level,
/// category, week, and the count only if it is at least k; never the reports behind it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharedAlert {
    pub id: String,
    pub owner_org: String,
    pub owner_name: String,
    pub agreement: String,
    pub area: String,
    pub category: String,
    pub week: Week,
    pub method: tandem_domain::alert_engine::AlertMethod,
    pub count: Option<u32>,
    pub status: String,
    pub due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub first_response_at: Option<DateTime<Utc>>,
}

fn shared_alert(cfg: &EwConfig, a: &Agreement, al: &Alert, now: DateTime<Utc>) -> SharedAlert {
    SharedAlert {
        id: al.id.clone(),
        owner_org: a.owner_org.clone(),
        owner_name: a.owner_name.clone(),
        agreement: a.id.clone(),
        area: shared_area(cfg, &al.area, a),
        category: al.category.clone(),
        week: al.week,
        method: al.method,
        // The count when the alert was assigned, frozen: new reports do not show up in it.
        count: al.shared_count.filter(|&n| n >= a.k),
        status: al.status.clone(),
        due_at: al.due_at,
        overdue: al.status == "open" && al.due_at.is_some_and(|d| d < now),
        first_response_at: al.first_response_at,
    }
}

/// Alerts assigned to the caller's organisation under agreements still in force.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %partner), err(level = "debug"))]
pub async fn alerts(state: &AppState, partner: &OrgId) -> Result<Vec<SharedAlert>, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let agreements = in_force(state, partner, RecordKind::Alerts).await?;
    let owners: BTreeSet<&str> = agreements.iter().map(|a| a.owner_org.as_str()).collect();
    let now = Utc::now();
    Ok(state
        .store
        .assigned_alerts(partner, 500)
        .await?
        .iter()
        .filter(|al| owners.contains(al.org_id.as_str()))
        .filter_map(|al| {
            agreements.iter().find(|a| a.owner_org == al.org_id).map(|a| shared_alert(&cfg, a, al, now))
        })
        .collect())
}

/// One alert assigned to the caller's organisation, with the agreement that lets it see it;
/// NotFound when there is none (never assigned, or the agreement was revoked).
pub async fn alert(
    state: &AppState,
    partner: &OrgId,
    id: &str,
) -> Result<(SharedAlert, Agreement), AppError> {
    let al = state.store.find_assigned_alert(partner, id).await?;
    let owner = OrgId::from_trusted(al.org_id.clone());
    let a = super::agreements::in_force_with(state, &owner, partner, RecordKind::Alerts)
        .await?
        .ok_or(AppError::NotFound)?;
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    Ok((shared_alert(&cfg, &a, &al, Utc::now()), a))
}

/// The responses a partner sees on an alert assigned to it: its own.
pub async fn responses(
    state: &AppState,
    partner: &OrgId,
    a: &SharedAlert,
) -> Result<Vec<tandem_store::Response>, AppError> {
    let owner = OrgId::from_trusted(a.owner_org.clone());
    Ok(state
        .store
        .list_responses(&owner, &a.id)
        .await?
        .into_iter()
        .filter(|r| r.responder_org_id == partner.as_str())
        .collect())
}

/// Records a partner's response to an alert assigned to it, in the owner's trail.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn respond(
    state: &AppState,
    actor: &Actor,
    id: &str,
    action: &str,
    outcome: &str,
    responded_at: DateTime<Utc>,
) -> Result<tandem_store::Response, AppError> {
    let (al, _) = alert(state, &actor.org_id, id).await?;
    let owner = OrgId::from_trusted(al.owner_org.clone());
    crate::ew::responses::respond_as(state.store.as_ref(), &owner, actor, id, action, outcome, responded_at)
        .await
}
