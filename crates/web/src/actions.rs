//! What users do to organisations and memberships (joining is by invitation: `invitations`), shared by the JSON API and the pages so that
//! both apply the same rules and write the same audit events. Callers have already passed the
//! access check (the `Can<…>` extractor); every change here is scoped to the actor's organisation.
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::org::OrgFlags;
use tandem_domain::{OrgKind, OrgName, Role, UserId};
use tandem_store::{Member, NewOrg, Org};

use crate::app_error::AppError;
use crate::AppState;

pub struct OrgInput<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub flags: OrgFlags,
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn create_org(state: &AppState, actor: &Actor, input: OrgInput<'_>) -> Result<Org, AppError> {
    let new = NewOrg {
        name: OrgName::parse(input.name)?,
        kind: input.kind.parse::<OrgKind>()?,
        flags: input.flags,
    };
    let ev = NewAuditEvent::new("org.create")
        .actor(&actor.user_id)
        .detail(json!({ "kind": new.kind, "by_org": actor.org_id }));
    Ok(state.store.create_org(&new, ev).await?)
}

/// An organisation must keep an administrator: refuse to demote or remove the last one.
async fn keep_an_admin(state: &AppState, actor: &Actor, target: &UserId) -> Result<(), AppError> {
    let members = state.store.list_members(&actor.org_id).await?;
    let target_is_admin = members.iter().any(|m| &m.user_id == target && m.role == Role::Admin);
    let admins = members.iter().filter(|m| m.role == Role::Admin).count();
    if target_is_admin && admins <= 1 {
        return Err(AppError::Conflict("an organisation must keep at least one administrator".into()));
    }
    Ok(())
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn set_role(state: &AppState, actor: &Actor, user: &str, role: &str) -> Result<Member, AppError> {
    // A malformed id cannot name a member: same answer as a member of another organisation.
    let user = UserId::parse(user).map_err(|_| AppError::NotFound)?;
    let role: Role = role.parse()?;
    let current = state.store.get_member(&actor.org_id, &user).await?;
    if current.role == role {
        return Ok(current);
    }
    if role != Role::Admin {
        keep_an_admin(state, actor, &user).await?;
    }
    let ev = NewAuditEvent::new("member.role")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .subject(&user)
        .detail(json!({ "from": current.role, "to": role }));
    let m = state.store.set_role(&actor.org_id, &user, role, ev).await?;
    state.sessions.forget_all();
    Ok(m)
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn remove_member(state: &AppState, actor: &Actor, user: &str) -> Result<(), AppError> {
    let user = UserId::parse(user).map_err(|_| AppError::NotFound)?;
    state.store.get_member(&actor.org_id, &user).await?;
    keep_an_admin(state, actor, &user).await?;
    let ev = NewAuditEvent::new("member.remove").org(&actor.org_id).actor(&actor.user_id).subject(&user);
    state.store.remove_member(&actor.org_id, &user, ev).await?;
    state.sessions.forget_all();
    Ok(())
}
