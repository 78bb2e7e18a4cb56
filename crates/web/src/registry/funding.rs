//! The funding register as the API and pages use it: a coordinator records a grant (given or
//! received) or imports an IATI activity file, all or nothing; anyone reads the grants of the
//! organisations they may see, with six-month grants flagged, and takes them as an IATI file.
use chrono::Utc;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::funding::{GrantInput, IatiFault};
use tandem_domain::{InvalidInput, OrgId, Problem};
use tandem_store::{Grant, NewGrant};

use super::iati;
use crate::app_error::AppError;
use crate::AppState;

/// Grants to record, or the first input (by its index) that is not one. A recipient's name is
/// matched, case and spacing aside, to an organisation the recorder may see in the registry
/// (or to the recorder itself): matching every organisation on Tandem would tell the recorder
/// that a hidden one exists.
type Prepared = Result<Vec<NewGrant>, (usize, InvalidInput)>;

async fn prepare(state: &AppState, actor: &Actor, inputs: &[GrantInput]) -> Result<Prepared, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let mut known: Vec<(String, OrgId)> = state
        .store
        .profiles(Some(&actor.org_id))
        .await?
        .into_iter()
        .map(|p| (p.org_name, OrgId::from_trusted(p.org_id)))
        .collect();
    if let Some(own) = state.store.list_orgs().await?.into_iter().find(|o| o.id == actor.org_id) {
        known.push((own.name, own.id));
    }
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    Ok(inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let text = input.parse(|a| cfg.areas.contains_key(a)).map_err(|e| (i, e))?;
            let recipient_org =
                known.iter().find(|(n, _)| key(n) == key(&text.recipient)).map(|(_, id)| id.clone());
            Ok(NewGrant { id: OrgId::new().to_string(), text, recipient_org })
        })
        .collect())
}

pub async fn add(state: &AppState, actor: &Actor, input: &GrantInput) -> Result<Grant, AppError> {
    let grants = prepare(state, actor, std::slice::from_ref(input)).await?.map_err(|(_, e)| e)?;
    let ev =
        NewAuditEvent::new("funding.add").org(&actor.org_id).actor(&actor.user_id).subject(&grants[0].id);
    state.store.add_grants(&actor.org_id, &grants, ev).await?;
    let recorded = state.store.grants(Some(&actor.org_id)).await?.into_iter().find(|g| g.id == grants[0].id);
    // Recorded to an organisation the recorder sees, it is seen; the lookup cannot miss.
    recorded.ok_or_else(|| AppError::internal("a grant just recorded is not found"))
}

fn in_file(line: usize, fault: IatiFault, message: String) -> AppError {
    AppError::Invalid(
        InvalidInput::new("file", format!("line {line}: {message}"))
            .because(Problem::InIati { line: line as u64, fault }),
    )
}

/// Imports every activity of an IATI file, or none: the first that does not make a grant is
/// named with its line and field; an identifier given twice in one file is refused (the second
/// would silently replace the first).
pub async fn import(state: &AppState, actor: &Actor, xml: &[u8]) -> Result<usize, AppError> {
    let read = iati::read(xml).map_err(|u| in_file(u.line, u.fault, u.message))?;
    let mut seen = std::collections::HashSet::new();
    for (i, r) in read.iter().enumerate() {
        let activity = i as u64 + 1;
        let id = r.input.iati_id.trim();
        if id.is_empty() {
            let fault = IatiFault::Field { activity, field: "iati_id" };
            return Err(in_file(r.line, fault, format!("activity {activity} has no iati-identifier")));
        }
        if !seen.insert(id.to_owned()) {
            let fault = IatiFault::RepeatedId { activity };
            return Err(in_file(r.line, fault, format!("activity {activity} repeats the identifier {id}")));
        }
    }
    let inputs: Vec<GrantInput> = read.iter().map(|r| r.input.clone()).collect();
    let grants = prepare(state, actor, &inputs).await?.map_err(|(i, e)| {
        let r = &read[i];
        let activity = i as u64 + 1;
        let fault = IatiFault::Field { activity, field: e.field };
        in_file(
            r.line,
            fault,
            format!("activity {activity} ({}): {} {}", r.input.iati_id, e.field, e.message),
        )
    })?;
    let ev = NewAuditEvent::new("funding.import").org(&actor.org_id).actor(&actor.user_id);
    Ok(state.store.add_grants(&actor.org_id, &grants, ev).await?)
}

pub async fn list(state: &AppState, viewer: Option<&OrgId>) -> Result<Vec<Grant>, AppError> {
    Ok(state.store.grants(viewer).await?)
}

/// Removes a grant the organisation recorded, or one that names it as the recipient: a
/// partner's record of a grant to it is its to dispute.
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
