//! The referral directory as the API and the pages use it: services that need no police, found
//! by the area a person lives in (a listing for a region serves its districts), by kind and by
//! language, public; the organisations that run or know a service list it, and remove their
//! own listings.
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::directory::{speaks, ServiceInput, ServiceKind};
use tandem_domain::{InvalidInput, OrgId, Problem};
use tandem_store::{Service, ServiceFilter};

use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// The area and every area it lies in, nearest first; Unknown for a code no area has.
pub fn area_and_above(cfg: &EwConfig, code: &str) -> Result<Vec<String>, InvalidInput> {
    let unknown =
        || InvalidInput::new("area", format!("no area has the code {code}")).because(Problem::Unknown);
    let mut at = cfg.areas.get(code.trim()).ok_or_else(unknown)?;
    let mut out = vec![at.code.clone()];
    while let Some(parent) = at.parent_code.as_ref().and_then(|p| cfg.areas.get(p)) {
        if out.contains(&parent.code) {
            break;
        }
        out.push(parent.code.clone());
        at = parent;
    }
    Ok(out)
}

/// What a search asks.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    pub area: Option<String>,
    pub kind: Option<String>,
    pub language: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The listings serving the area (and the areas it lies in), of the kind and in the language
/// asked; everything asked may be left out.
pub async fn find(state: &AppState, w: &Wanted) -> Result<Vec<Service>, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let areas = match given(&w.area) {
        Some(a) => area_and_above(&cfg, a)?,
        None => vec![],
    };
    let kind = given(&w.kind).map(str::parse::<ServiceKind>).transpose()?;
    let found = state.store.services(&ServiceFilter { areas, kind }).await?;
    Ok(match given(&w.language) {
        Some(l) => found.into_iter().filter(|s| speaks(&s.languages, l)).collect(),
        None => found,
    })
}

pub async fn add(state: &AppState, actor: &Actor, input: &ServiceInput) -> Result<Service, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let text = input.parse(|a| cfg.areas.contains_key(a))?;
    let id = OrgId::new().to_string();
    let ev = NewAuditEvent::new("service.add").org(&actor.org_id).actor(&actor.user_id).subject(&id);
    Ok(state.store.add_service(&actor.org_id, &id, &text, ev).await?)
}

pub async fn remove(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("service.remove").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.remove_service(&actor.org_id, id, ev).await?)
}
