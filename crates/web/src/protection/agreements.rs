//! Creating, revoking and showing sharing agreements. Only the owner's coordinators create and
//! revoke; both parties see them; every change is audited on the owner's side.
use chrono::{DateTime, Utc};
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::area::AreaLevel;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::CategorySlug;
use tandem_domain::sharing::{check_window, RecordKind, ShareMode, K};
use tandem_domain::{InvalidInput, OrgId};
use tandem_store::{Agreement, NewAgreement};

use crate::app_error::AppError;
use crate::ew::reports::parse_time;
use crate::AppState;

/// An agreement as it arrives, before parsing.
#[derive(Debug, Default, Clone)]
pub struct AgreementInput {
    pub partner_org: String,
    pub mode: String,
    pub area_level: String,
    pub k: Option<i64>,
    pub categories: Vec<String>,
    pub kinds: Vec<String>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
}

fn time(field: &'static str, raw: Option<&str>) -> Result<Option<DateTime<Utc>>, InvalidInput> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| parse_time(s).map_err(|e| InvalidInput::new(field, e.message)))
        .transpose()
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn create(state: &AppState, actor: &Actor, input: AgreementInput) -> Result<Agreement, AppError> {
    let new = check(state, actor, input).await?;
    let ev = NewAuditEvent::new("sharing.create").org(&actor.org_id).actor(&actor.user_id).detail(json!({
        "partner": new.partner, "mode": new.mode, "area_level": new.area_level, "k": new.k.get(),
        "categories": new.categories, "kinds": new.kinds, "valid_from": new.valid_from, "valid_to": new.valid_to,
    }));
    Ok(state.store.create_agreement(&actor.org_id, &new, ev).await?)
}

/// The agreement `input` describes, checked as `create` checks it, but not made: what the
/// preview shows before the coordinator commits to it.
pub async fn check(state: &AppState, actor: &Actor, input: AgreementInput) -> Result<NewAgreement, AppError> {
    let partner = OrgId::parse(input.partner_org.trim())
        .map_err(|_| InvalidInput::new("partner_org", "is not an organisation id"))?;
    if partner == actor.org_id {
        return Err(InvalidInput::new("partner_org", "must be another organisation").into());
    }
    match state.store.get_org(&partner).await {
        Err(tandem_store::StoreError::NotFound) => {
            return Err(InvalidInput::new("partner_org", "no such organisation").into())
        }
        other => other?,
    };
    let mode: ShareMode = input.mode.trim().parse()?;
    let area_level: AreaLevel = input
        .area_level
        .trim()
        .parse()
        .map_err(|e: InvalidInput| InvalidInput::new("area_level", e.message))?;
    let k = input.k.map(K::new).transpose()?.unwrap_or_default();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let mut categories = Vec::new();
    for raw in input.categories.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let slug = CategorySlug::parse(raw).map_err(|e| InvalidInput::new("categories", e.message))?;
        if cfg.category(slug.as_str()).is_none() {
            return Err(InvalidInput::new("categories", format!("unknown category {raw}")).into());
        }
        if !categories.contains(&slug) {
            categories.push(slug);
        }
    }
    let mut kinds: Vec<RecordKind> = Vec::new();
    for raw in input.kinds.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        let kind: RecordKind = raw.parse()?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds = RecordKind::DEFAULT.to_vec();
    }
    kinds.sort();
    let now = Utc::now();
    let valid_from = time("valid_from", input.valid_from.as_deref())?.unwrap_or(now);
    let valid_to = time("valid_to", input.valid_to.as_deref())?;
    check_window(valid_from, valid_to)?;
    if valid_to.is_some_and(|t| t <= now) {
        return Err(InvalidInput::new("valid_to", "is in the past")
            .because(tandem_domain::Problem::InPast)
            .into());
    }
    Ok(NewAgreement {
        partner,
        mode,
        area_level,
        k,
        categories,
        kinds,
        valid_from,
        valid_to,
        created_by: actor.user_id.clone(),
    })
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn revoke(state: &AppState, actor: &Actor, id: &str) -> Result<Agreement, AppError> {
    let current = state.store.get_agreement(&actor.org_id, id).await?;
    // A partner cannot revoke: to it, the agreement is not its to change (404, as for strangers).
    if current.owner_org != actor.org_id.as_str() {
        return Err(AppError::NotFound);
    }
    let ev = NewAuditEvent::new("sharing.revoke")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(id)
        .detail(json!({ "partner": current.partner_org }));
    Ok(state.store.revoke_agreement(&actor.org_id, id, &actor.user_id, Utc::now(), ev).await?)
}

/// Where an agreement stands at `now`.
/// Where an agreement stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    InForce,
    Revoked,
    Expired,
    Pending,
}

pub fn status(a: &Agreement, now: DateTime<Utc>) -> AgreementStatus {
    if a.revoked_at.is_some() {
        AgreementStatus::Revoked
    } else if a.valid_to.is_some_and(|t| t <= now) {
        AgreementStatus::Expired
    } else if a.valid_from > now {
        AgreementStatus::Pending
    } else {
        AgreementStatus::InForce
    }
}

/// An agreement as shown to one of its parties: which side `me` is on, and its status.
pub fn view(a: &Agreement, me: &OrgId, now: DateTime<Utc>) -> AgreementView {
    AgreementView {
        agreement: a.clone(),
        role: if a.owner_org == me.as_str() { Party::Owner } else { Party::Partner },
        status: status(a, now),
    }
}

/// An agreement as one of its parties sees it: which side it is on, and where the agreement
/// stands now.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementView {
    #[serde(flatten)]
    pub agreement: Agreement,
    pub role: Party,
    pub status: AgreementStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Owner,
    Partner,
}

/// The agreement in force between `owner` and `partner` covering `kind`, if any.
pub async fn in_force_with(
    state: &AppState,
    owner: &OrgId,
    partner: &OrgId,
    kind: RecordKind,
) -> Result<Option<Agreement>, AppError> {
    let now = Utc::now();
    Ok(state
        .store
        .agreements_for_partner(partner, now)
        .await?
        .into_iter()
        .find(|a| a.owner_org == owner.as_str() && a.covers(kind) && a.in_force(now)))
}
