//! Referrals received: an institution on Tandem (a police station, a brigade) sees the violations
//! an observatory referred to it — the act, where and when, its own unit, how many victims, what
//! happened in words scrubbed of the names the observatory protects, what is asked and by when —
//! never the victims' names, the source or the evidence; and it answers there, which closes the
//! loop on the observatory's page. Coordinators of the receiving organisation only.
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::access::{Action, Actor};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::violation::{DatePrecision, InstitutionKind, ViolationStatus};
use tandem_domain::{text, OrgId};
use tandem_store::Violation;

use crate::app_error::AppError;
use crate::AppState;

/// A violation as the institution it was referred to sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Referral {
    pub id: String,
    /// The organisation that documented and referred it, by name.
    pub from: String,
    pub act: String,
    pub area: String,
    pub occurred_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub institution: String,
    pub institution_kind: InstitutionKind,
    pub unit: Option<String>,
    pub victims: u32,
    /// What happened, with the names and contacts the observatory protects taken out.
    pub description: String,
    pub ask: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: ViolationStatus,
    pub response: Option<String>,
    pub responded_at: Option<chrono::DateTime<Utc>>,
    /// Unanswered after its due day.
    pub overdue: bool,
}

async fn view(
    state: &AppState,
    viewer: &Actor,
    v: Violation,
    names: &mut std::collections::HashMap<String, String>,
) -> Result<Referral, AppError> {
    let owner = OrgId::from_trusted(v.org_id.clone());
    let from = match names.get(&v.org_id) {
        Some(n) => n.clone(),
        None => {
            let n = state.store.get_org(&owner).await?.name;
            names.insert(v.org_id.clone(), n.clone());
            n
        }
    };
    // The observatory's protected names, and this violation's own victims and source.
    let scrubber = crate::protection::secrets::violation_scrubber(state, viewer, &owner, &v).await?;
    let today = Utc::now().date_naive();
    Ok(Referral {
        overdue: v.status == ViolationStatus::Referred && v.referral_due_on.is_some_and(|d| d < today),
        description: scrubber.scrub(&v.description).text,
        id: v.id,
        from,
        act: v.act,
        area: v.area,
        occurred_on: v.occurred_on,
        date_precision: v.date_precision,
        institution: v.institution,
        institution_kind: v.institution_kind,
        unit: v.unit,
        victims: v.victims.total,
        ask: v.referral_ask,
        due_on: v.referral_due_on,
        status: v.status,
        response: v.response,
        responded_at: v.responded_at,
    })
}

/// The referrals the caller's organisation received, unanswered first.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Referral>, AppError> {
    actor.may(Action::AnswerReferral)?;
    let mut names = Default::default();
    let mut out = vec![];
    for v in state.store.referrals_to(&actor.org_id, 500).await? {
        out.push(view(state, actor, v, &mut names).await?);
    }
    Ok(out)
}

/// One referral received. NotFound unless it was referred to the caller's organisation.
pub async fn get(state: &AppState, actor: &Actor, id: &str) -> Result<Referral, AppError> {
    actor.may(Action::AnswerReferral)?;
    let owner = state.store.referral_owner(&actor.org_id, id).await?;
    let v = state.store.get_violation(&owner, id).await?;
    view(state, actor, v, &mut Default::default()).await
}

/// The institution's own answer, recorded on the observatory's violation (referred → responded);
/// the event is in the observatory's audit trail, naming who answered and for which organisation.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn answer(state: &AppState, actor: &Actor, id: &str, response: &str) -> Result<Referral, AppError> {
    actor.may(Action::AnswerReferral)?;
    let owner = state.store.referral_owner(&actor.org_id, id).await?;
    let text = text::bounded("response", response, 1, 10_000)?;
    let ev = NewAuditEvent::new("violation.respond")
        .org(&owner)
        .actor(&actor.user_id)
        .subject(id)
        .detail(serde_json::json!({ "answered_by_org": actor.org_id }));
    let v = state.store.record_violation_response(&owner, id, &text, &actor.user_id, Utc::now(), ev).await?;
    view(state, actor, v, &mut Default::default()).await
}
