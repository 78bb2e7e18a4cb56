//! The funding register as the API and pages use it: a coordinator records a grant (given or
//! received) or imports an IATI activity file, all or nothing; anyone reads the grants of the
//! organisations they may see, with six-month grants flagged, and takes them as an IATI file.
use chrono::Utc;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::funding::GrantInput;
use tandem_domain::{InvalidInput, OrgId};
use tandem_store::{Grant, NewGrant};

use super::iati;
use crate::app_error::AppError;
use crate::AppState;

/// Grants to record, or the first input (by its index) that is not one. A recipient's name is
/// matched to an organisation on Tandem, case and spacing aside.
type Prepared = Result<Vec<NewGrant>, (usize, InvalidInput)>;

async fn prepare(state: &AppState, inputs: &[GrantInput]) -> Result<Prepared, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let orgs = state.store.list_orgs().await?;
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    Ok(inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let text = input.parse(|a| cfg.areas.contains_key(a)).map_err(|e| (i, e))?;
            let recipient_org =
                orgs.iter().find(|o| key(&o.name) == key(&text.recipient)).map(|o| o.id.clone());
            Ok(NewGrant { id: OrgId::new().to_string(), text, recipient_org })
        })
        .collect())
}

pub async fn add(state: &AppState, actor: &Actor, input: &GrantInput) -> Result<Grant, AppError> {
    let grants = prepare(state, std::slice::from_ref(input)).await?.map_err(|(_, e)| e)?;
    let ev =
        NewAuditEvent::new("funding.add").org(&actor.org_id).actor(&actor.user_id).subject(&grants[0].id);
    state.store.add_grants(&actor.org_id, &grants, ev).await?;
    state
        .store
        .grants(Some(&actor.org_id))
        .await?
        .into_iter()
        .find(|g| g.id == grants[0].id)
        .ok_or(AppError::NotFound)
}

/// Imports every activity of an IATI file, or none: the first that does not make a grant is
/// named with its line and field.
pub async fn import(state: &AppState, actor: &Actor, xml: &[u8]) -> Result<usize, AppError> {
    let read = iati::read(xml).map_err(|u| {
        AppError::Invalid(InvalidInput::new("file", format!("line {}: {}", u.line, u.message)))
    })?;
    let inputs: Vec<GrantInput> = read.iter().map(|r| r.input.clone()).collect();
    let grants = prepare(state, &inputs).await?.map_err(|(i, e)| {
        let r = &read[i];
        let what = if r.input.iati_id.is_empty() { String::new() } else { format!(" ({})", r.input.iati_id) };
        AppError::Invalid(InvalidInput::new(
            "file",
            format!("line {}, activity {}{what}: {} {}", r.line, i + 1, e.field, e.message),
        ))
    })?;
    let ev = NewAuditEvent::new("funding.import").org(&actor.org_id).actor(&actor.user_id);
    Ok(state.store.add_grants(&actor.org_id, &grants, ev).await?)
}

pub async fn list(state: &AppState, viewer: Option<&OrgId>) -> Result<Vec<Grant>, AppError> {
    Ok(state.store.grants(viewer).await?)
}

pub async fn remove(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("funding.remove").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.remove_grant(&actor.org_id, id, ev).await?)
}

/// The grants the viewer may see, as an IATI 2.03 activity file.
pub async fn export(state: &AppState, viewer: Option<&OrgId>) -> Result<String, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let grants = list(state, viewer).await?;
    let named: Vec<iati::Named> = grants
        .iter()
        .map(|g| iati::Named {
            grant: g,
            area_names: g
                .areas
                .iter()
                .map(|a| cfg.areas.get(a).map_or_else(|| a.clone(), |x| x.name.clone()))
                .collect(),
        })
        .collect();
    let now = Utc::now();
    Ok(iati::write(&named, now, now.date_naive()))
}
