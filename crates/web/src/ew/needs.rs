//! What needs the signed-in person now: the home page leads with it. Reports waiting to be
//! verified (for those who may verify), alert episodes that are due, overdue or not yet handed to
//! anyone, partners' answers, and alerts other organisations have handed to this one.
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use tandem_domain::access::{Action, Actor};
use tandem_domain::episodes::{group, AlertKey};
use tandem_domain::report::ReportStatus;
use tandem_domain::OrgId;
use tandem_store::{AlertFilter, ReportFilter};

use crate::app_error::AppError;
use crate::protection::shared;
use crate::AppState;

/// The lists are read with this cap; the page says "100 or more" beyond it.
pub const CAP: usize = 100;

/// How soon a due alert counts as due now.
const SOON: i64 = 24;

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Needs {
    /// `None` for someone who may not verify reports.
    pub to_verify: Option<usize>,
    pub episodes: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub unassigned: usize,
    /// Open episodes handed to a partner with an answer recorded since.
    pub answered: usize,
    /// Alerts other organisations handed to this one, and how many of them wait for its answer.
    pub handed_to_us: usize,
    pub handed_waiting: usize,
    /// For admins: the protection protocol's review when it is near, late, or (for civil
    /// society, whom the protocols are for) never recorded.
    pub protocol: Option<tandem_domain::protocol::Standing>,
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn of(state: &AppState, actor: &Actor, now: DateTime<Utc>) -> Result<Needs, AppError> {
    let mut needs = Needs::default();
    let org = &actor.org_id;
    if actor.may(Action::TriageReports).is_ok() {
        let filter =
            ReportFilter { status: Some(ReportStatus::New), limit: CAP as i64, ..Default::default() };
        needs.to_verify = Some(state.store.list_reports(org, &filter).await?.len());
    }
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    // What the organisation's own reports raised; alerts of imported event data are listed apart.
    let open = AlertFilter {
        status: Some("open".into()),
        from_event_data: Some(false),
        limit: 500,
        ..Default::default()
    };
    let alerts = state.store.list_alerts(org, &open).await?;
    let keys: Vec<AlertKey<'_>> = alerts.iter().map(tandem_store::Alert::episode_key).collect();
    for e in group(&keys, &cfg.tree) {
        needs.episodes += 1;
        let members = || e.members.iter().map(|&i| &alerts[i]);
        match members().filter_map(|a| a.due_at).min() {
            Some(due) if due < now => needs.overdue += 1,
            Some(due) if due < now + Duration::hours(SOON) => needs.due_soon += 1,
            Some(_) => {}
            None => needs.unassigned += 1,
        }
        for a in members().filter(|a| a.first_response_at.is_some()) {
            let Some(partner) = a.assigned_org_id.as_deref().filter(|p| *p != org.as_str()) else { continue };
            if answered_by(state, org, &a.id, partner).await? {
                needs.answered += 1;
                break;
            }
        }
    }
    if actor.may(Action::ReviewProtocol).is_ok() {
        use tandem_domain::protocol::Standing;
        let (_, standing) = crate::protection::protocol::standing(state, org).await?;
        let civil_society = || async {
            state.store.get_org(org).await.map(|o| o.kind == tandem_domain::OrgKind::CivilSociety)
        };
        needs.protocol = match standing {
            Standing::Current { .. } => None,
            Standing::Never if !civil_society().await? => None,
            s => Some(s),
        };
    }
    let handed = shared::alerts(state, org).await?;
    needs.handed_to_us = handed.len();
    for a in handed.iter().filter(|a| a.status == "open").take(CAP) {
        let owner = OrgId::from_trusted(a.owner_org.clone());
        if !answered_by(state, &owner, &a.id, org.as_str()).await? {
            needs.handed_waiting += 1;
        }
    }
    Ok(needs)
}

/// Whether `responder` has recorded a response to `owner`'s alert.
async fn answered_by(
    state: &AppState,
    owner: &OrgId,
    alert: &str,
    responder: &str,
) -> Result<bool, AppError> {
    let responses = state.store.list_responses(owner, alert).await?;
    Ok(responses.iter().any(|r| r.responder_org_id == responder))
}
