//! The registry as the API and the pages use it: organisations' profiles with their Better
//! Peace self-assessment and the endorsements other organisations give them, the capacity map
//! and its gaps ([`capacity`]), and the funding register with IATI files in and out
//! ([`funding`], [`iati`]). What a viewer may see is the store's rule; these functions say who
//! is looking (`None`: anyone).
pub mod capacity;
pub mod funding;
pub mod iati;

use serde::Serialize;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::registry::{endorsement_note, ProfileInput};
use tandem_domain::OrgId;
use tandem_store::{Endorsement, Profile};

use crate::app_error::AppError;
use crate::AppState;

/// A profile with the standing endorsements of it the viewer may see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Entry {
    #[serde(flatten)]
    pub profile: Profile,
    /// Every Better Peace core value, a competency and a constituency criterion claimed.
    pub meets_criteria: bool,
    pub endorsed_by: Vec<Endorsement>,
}

pub async fn save_profile(
    state: &AppState,
    actor: &Actor,
    input: &ProfileInput,
) -> Result<Profile, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let text = input.parse(|a| cfg.areas.contains_key(a))?;
    let ev = NewAuditEvent::new("registry.profile").org(&actor.org_id).actor(&actor.user_id);
    Ok(state.store.save_profile(&actor.org_id, &text, ev).await?)
}

/// Every profile the viewer may see, by name, with its endorsements.
pub async fn list(state: &AppState, viewer: Option<&OrgId>) -> Result<Vec<Entry>, AppError> {
    let profiles = state.store.profiles(viewer).await?;
    let endorsements = state.store.endorsements(viewer).await?;
    Ok(profiles
        .into_iter()
        .map(|p| Entry {
            meets_criteria: p.assessment.meets_criteria(),
            endorsed_by: endorsements.iter().filter(|e| e.endorsed_org == p.org_id).cloned().collect(),
            profile: p,
        })
        .collect())
}

/// One organisation's entry; NotFound where the viewer may not see it.
pub async fn one(state: &AppState, viewer: Option<&OrgId>, org: &str) -> Result<Entry, AppError> {
    list(state, viewer).await?.into_iter().find(|e| e.profile.org_id == org).ok_or(AppError::NotFound)
}

pub async fn endorse(
    state: &AppState,
    actor: &Actor,
    org: &str,
    note: &str,
) -> Result<Endorsement, AppError> {
    let note = endorsement_note(note)?;
    let of = OrgId::parse(org).map_err(|_| AppError::NotFound)?;
    let id = OrgId::new().to_string();
    let ev = NewAuditEvent::new("registry.endorse").org(&actor.org_id).actor(&actor.user_id).subject(&id);
    match state.store.endorse(&actor.org_id, &actor.user_id, &of, &id, &note, ev).await {
        Err(tandem_store::StoreError::Conflict(_)) => {
            Err(AppError::Conflict("your organisation already endorses this organisation".into()))
        }
        done => Ok(done?),
    }
}

pub async fn revoke(state: &AppState, actor: &Actor, id: &str) -> Result<Endorsement, AppError> {
    let ev = NewAuditEvent::new("registry.revoke").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.revoke_endorsement(&actor.org_id, id, ev).await?)
}
