//! Sealed values: reading a reporter's contact or an SMS sender (coordinators, each reading
//! audited), the protected-names list and the scrubber built from it, and the passes that seal
//! values written before encryption existed and re-encrypt under a new key.
use std::sync::Arc;

use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::scrub::Scrubber;
use tandem_domain::seal::{Binding, Keyring, Purpose, SealError};
use tandem_domain::{text, OrgId};
use tandem_store::{Store, StoredSecret};

use crate::app_error::AppError;
use crate::AppState;

/// Opens a stored value; a value from before encryption existed is still plain text.
pub fn open(keys: &Keyring, purpose: Purpose, s: &StoredSecret) -> Result<String, SealError> {
    match s.sealed() {
        None => Ok(s.value.clone()),
        Some(sealed) => keys.open(&sealed, &Binding { purpose, org: &s.org_id, record: &s.id }),
    }
}

fn unreadable(e: SealError) -> AppError {
    // Not the caller's fault, and not a crash: the server lacks the key (or the row was damaged).
    AppError::Conflict(format!("cannot be read on this server: {e}"))
}

/// Reads the sealed value `purpose` of record `id` for a coordinator, writing an audit event that
/// names who read what. None: the record has no such value (or it was purged).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn read(
    state: &AppState,
    actor: &Actor,
    purpose: Purpose,
    id: &str,
) -> Result<Option<String>, AppError> {
    let action = match purpose {
        Purpose::ReporterContact => "report.contact.read",
        Purpose::SmsSender => "sms.sender.read",
        Purpose::ProtectedName => "protected_name.read",
        Purpose::VictimNames => "violation.names.read",
        Purpose::SourceIdentity => "violation.source.read",
        // Files are opened by `ew::field::open_file`, never as a text secret.
        Purpose::Attachment => return Err(AppError::NotFound),
    };
    let ev = NewAuditEvent::new(action).org(&actor.org_id).actor(&actor.user_id).subject(id);
    let found = state.store.read_secret(&actor.org_id, purpose, id, ev).await?;
    found.map(|s| open(&state.keys, purpose, &s).map_err(unreadable)).transpose()
}

/// A protected name, opened.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct NameView {
    pub id: String,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub async fn list_names(state: &AppState, org: &OrgId) -> Result<Vec<NameView>, AppError> {
    let names = state.store.list_protected_names(org).await?;
    names
        .into_iter()
        .map(|n| {
            let binding = Binding { purpose: Purpose::ProtectedName, org: org.as_str(), record: &n.id };
            let name = state.keys.open(&n.name, &binding).map_err(unreadable)?;
            Ok(NameView { id: n.id, name, created_at: n.created_at })
        })
        .collect()
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn add_name(state: &AppState, actor: &Actor, raw: &str) -> Result<String, AppError> {
    let name = text::bounded("name", raw, 2, 120)?;
    let id = OrgId::new().to_string();
    let binding = Binding { purpose: Purpose::ProtectedName, org: actor.org_id.as_str(), record: &id };
    let sealed = state.keys.seal(&name, &binding);
    // The audit event names the entry, never the name.
    let ev = NewAuditEvent::new("protected_name.add").org(&actor.org_id).actor(&actor.user_id).subject(&id);
    state.store.add_protected_name(&actor.org_id, &id, &sealed, ev).await?;
    state.scrubbers.forget(&actor.org_id);
    Ok(id)
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn remove_name(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("protected_name.remove").org(&actor.org_id).actor(&actor.user_id).subject(id);
    state.store.remove_protected_name(&actor.org_id, id, ev).await?;
    state.scrubbers.forget(&actor.org_id);
    Ok(())
}

/// The scrubber for records `org` shares: from the cache, or built from its protected names and
/// the deployment's P-codes.
pub async fn scrubber(state: &AppState, org: &OrgId) -> Result<Arc<Scrubber>, AppError> {
    if let Some(s) = state.scrubbers.fresh(org) {
        return Ok(s);
    }
    let names: Vec<String> = list_names(state, org).await?.into_iter().map(|n| n.name).collect();
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let codes: Vec<String> = cfg.areas.keys().cloned().collect();
    let s = Arc::new(Scrubber::new(&names, &codes));
    state.scrubbers.put(org, s.clone());
    Ok(s)
}

/// The scrubber for one violation shown outside its organisation (a referral): the
/// organisation's protected names and [`violation_names`].
pub async fn violation_scrubber(
    state: &AppState,
    viewer: &Actor,
    owner: &OrgId,
    v: &tandem_store::Violation,
) -> Result<Scrubber, AppError> {
    let mut names: Vec<String> = list_names(state, owner).await?.into_iter().map(|n| n.name).collect();
    names.extend(violation_names(state, viewer, owner, v).await?);
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let codes: Vec<String> = cfg.areas.keys().cloned().collect();
    Ok(Scrubber::new(&names, &codes))
}

/// The names one violation must not show outside its organisation: its victims' names and its
/// source (opened for the machine, never shown; each reading audited as such, naming the
/// organisation it was for), and the organisation a civic-space incident targeted. Names are
/// split at `;`, `,` and line ends, as people list them.
pub async fn violation_names(
    state: &AppState,
    viewer: &Actor,
    owner: &OrgId,
    v: &tandem_store::Violation,
) -> Result<Vec<String>, AppError> {
    let violation = v.id.as_str();
    // The organisation a threat targeted is its victim: named no more than a person would be.
    let mut names: Vec<String> = v.targeted_org.iter().cloned().collect();
    let kept = [(Purpose::VictimNames, v.has_victim_names), (Purpose::SourceIdentity, v.has_source_identity)];
    for purpose in kept.into_iter().filter(|&(_, kept)| kept).map(|(p, _)| p) {
        let ev = NewAuditEvent::new("violation.scrub")
            .org(owner)
            .actor(&viewer.user_id)
            .subject(violation)
            .detail(json!({ "purpose": purpose.as_str(), "for_org": viewer.org_id }));
        if let Some(found) = state.store.read_secret(owner, purpose, violation, ev).await? {
            let text = open(&state.keys, purpose, &found).map_err(unreadable)?;
            names.extend(
                text.split([';', ',', '\n']).map(str::trim).filter(|n| n.len() >= 2).map(str::to_owned),
            );
        }
    }
    Ok(names)
}

/// Files are large: a few at a time, so that re-encryption stays within a small server's memory.
const FILE_PAGE: i64 = 4;

/// Re-encrypts the files not under the current key (files were never stored in plain text).
async fn reseal_files(
    store: &dyn Store,
    keys: &Keyring,
    pass: &mut Pass,
    seen: &mut u64,
    progress: &mut impl FnMut(u64),
) -> Result<(), AppError> {
    let mut after = None;
    loop {
        let page = store.attachment_seals(after.clone(), FILE_PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = Some((last.org_id.to_string(), last.id.clone()));
        *seen += page.len() as u64;
        let mut changes = Vec::new();
        for (a, sealed) in page {
            if sealed.key_id == keys.current_id() {
                continue;
            }
            let binding = Binding { purpose: Purpose::Attachment, org: a.org_id.as_str(), record: &a.id };
            match keys.open_bytes(&sealed, &binding) {
                Ok(plain) => {
                    let resealed = keys.seal_bytes(&plain, &binding);
                    changes.push((a, resealed));
                }
                Err(e) => {
                    tracing::warn!(record = %a.id, error = %e, "file left as it is");
                    pass.unreadable += 1;
                }
            }
        }
        pass.sealed += store.replace_attachment_seals(&changes).await?;
        progress(*seen);
    }
    Ok(())
}

/// What a sealing or re-encryption pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Pass {
    pub sealed: u64,
    /// Values that would not open (their key is not in the key file): left as they are.
    pub unreadable: u64,
}

const PAGE: i64 = 500;

/// Seals every value that is not under the current key: values written before encryption
/// existed (plain text) always; with `rotate`, also values under older keys. `progress` hears
/// how many values were looked at so far.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn reseal(
    store: &dyn Store,
    keys: &Keyring,
    rotate: bool,
    mut progress: impl FnMut(u64),
) -> Result<Pass, AppError> {
    let mut pass = Pass::default();
    let mut seen = 0;
    for purpose in Purpose::ALL {
        let mut after: Option<(String, String)> = None;
        loop {
            let page = store.secrets_page(purpose, after.clone(), PAGE).await?;
            let Some(last) = page.last() else { break };
            after = Some((last.org_id.clone(), last.id.clone()));
            seen += page.len() as u64;
            let mut changes = Vec::new();
            for s in page {
                let due = match &s.key_id {
                    None => true,
                    Some(k) => rotate && k != keys.current_id(),
                };
                if !due {
                    continue;
                }
                match open(keys, purpose, &s) {
                    Ok(plain) => {
                        let sealed = keys.seal(&plain, &Binding { purpose, org: &s.org_id, record: &s.id });
                        changes.push((s, sealed));
                    }
                    Err(e) => {
                        tracing::warn!(purpose = purpose.as_str(), record = %s.id, error = %e, "value left as it is");
                        pass.unreadable += 1;
                    }
                }
            }
            pass.sealed += store.replace_secrets(purpose, &changes).await?;
            progress(seen);
        }
    }
    if rotate {
        reseal_files(store, keys, &mut pass, &mut seen, &mut progress).await?;
    }
    if pass.sealed > 0 {
        let ev = NewAuditEvent::new(if rotate { "keys.rotate" } else { "keys.seal_plaintext" }).detail(
            json!({ "sealed": pass.sealed, "unreadable": pass.unreadable, "key": keys.current_id() }),
        );
        store.append_audit(ev).await?;
    }
    Ok(pass)
}
