//! Assigning alerts and recording responses, shared by the API and the pages.
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::sharing::RecordKind;
use tandem_domain::{text, InvalidInput, OrgId, UserId};
use tandem_store::{Alert, NewResponse, Response, Store};

use crate::app_error::AppError;

/// The longest deadline `due_in_hours` may set: ninety days.
pub const MAX_DUE_IN_HOURS: i64 = 24 * 90;

/// When an assigned alert is due: `due_at`, or `due_in_hours` from now, or 48 hours by default.
pub fn due_time(
    due_at: Option<DateTime<Utc>>,
    due_in_hours: Option<i64>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, InvalidInput> {
    match (due_at, due_in_hours) {
        (Some(t), None) => Ok(t),
        (None, Some(h)) if (1..=MAX_DUE_IN_HOURS).contains(&h) => Ok(now + Duration::hours(h)),
        (None, Some(_)) => {
            Err(InvalidInput::new("due_in_hours", format!("must be between 1 and {MAX_DUE_IN_HOURS}"))
                .because(tandem_domain::Problem::Range { min: 1, max: MAX_DUE_IN_HOURS }))
        }
        (None, None) => Ok(now + Duration::hours(48)),
        (Some(_), Some(_)) => Err(InvalidInput::new("due_at", "give due_at or due_in_hours, not both")),
    }
}

/// Assigns an alert of `org` to `assignee`: a team of its own (no assignee given), or another
/// organisation with which a sharing agreement covering alerts is in force. The assignee then
/// sees the alert (area at the agreement's level, category, week, count) and answers it.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn assign(
    state: &crate::AppState,
    org: &OrgId,
    user: &UserId,
    alert: &str,
    assignee: Option<&str>,
    due_at: DateTime<Utc>,
) -> Result<Alert, AppError> {
    let assignee = match assignee.map(str::trim).filter(|s| !s.is_empty()) {
        None => org.clone(),
        Some(raw) => {
            let o = OrgId::parse(raw).map_err(|e| InvalidInput::new("org", e.message))?;
            if &o != org
                && crate::protection::agreements::in_force_with(state, org, &o, RecordKind::Alerts)
                    .await?
                    .is_none()
            {
                return Err(InvalidInput::new(
                    "org",
                    "no sharing agreement covering alerts is in force with this organisation",
                )
                .into());
            }
            o
        }
    };
    let ev = NewAuditEvent::new("alert.assign")
        .org(org)
        .actor(user)
        .subject(alert)
        .detail(json!({ "assignee": assignee, "due_at": due_at }));
    Ok(state.store.assign_alert(org, alert, &assignee, due_at, ev).await?)
}

/// Records `actor`'s response to an alert owned by `owner` (the actor's own organisation, or
/// the owner that assigned the alert to it); the response joins the owner's trail.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
pub async fn respond_as(
    store: &dyn Store,
    owner: &OrgId,
    actor: &Actor,
    alert: &str,
    action: &str,
    outcome: &str,
    responded_at: DateTime<Utc>,
) -> Result<Response, AppError> {
    let new = NewResponse {
        responder_org: actor.org_id.clone(),
        responder_user: actor.user_id.clone(),
        action: text::bounded("action", action, 1, 2000)?,
        outcome: text::bounded("outcome", outcome, 1, 2000)?,
        responded_at,
    };
    let ev = NewAuditEvent::new("alert.respond")
        .org(owner)
        .actor(&actor.user_id)
        .subject(alert)
        .detail(json!({ "responder_org": actor.org_id }));
    Ok(store.add_response(owner, alert, &new, ev).await?)
}

/// A response with who gave it: the responding organisation's name, and the person's name when
/// they belong to the organisation reading (a partner's staff are the partner's to name).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Authored {
    #[serde(flatten)]
    pub response: Response,
    pub org_name: String,
    pub person: Option<String>,
}

pub async fn authored(
    store: &dyn Store,
    reader: &OrgId,
    responses: Vec<Response>,
) -> Result<Vec<Authored>, AppError> {
    let people: std::collections::HashMap<String, String> = store
        .list_members(reader)
        .await?
        .into_iter()
        .map(|m| (m.user_id.to_string(), m.display_name))
        .collect();
    let mut orgs: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(responses.len());
    for r in responses {
        if !orgs.contains_key(&r.responder_org_id) {
            let name = match OrgId::parse(&r.responder_org_id) {
                Ok(id) => store.get_org(&id).await.map(|o| o.name).unwrap_or_default(),
                Err(_) => String::new(),
            };
            orgs.insert(r.responder_org_id.clone(), name);
        }
        let org_name = orgs.get(&r.responder_org_id).cloned().unwrap_or_default();
        let person = (r.responder_org_id == reader.as_str())
            .then(|| people.get(&r.responder_user_id).cloned())
            .flatten();
        out.push(Authored { response: r, org_name, person });
    }
    Ok(out)
}
