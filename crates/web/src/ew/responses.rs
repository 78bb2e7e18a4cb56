//! Assigning alerts and recording responses, shared by the API and the pages.
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{text, InvalidInput, OrgId, UserId};
use tandem_store::{Alert, NewResponse, Response, Store};

use crate::error::ApiError;

/// When an assigned alert is due: `due_at`, or `due_in_hours` from now, or 48 hours by default.
pub fn due_time(
    due_at: Option<DateTime<Utc>>,
    due_in_hours: Option<i64>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, InvalidInput> {
    match (due_at, due_in_hours) {
        (Some(t), None) => Ok(t),
        (None, Some(h)) if (1..=24 * 90).contains(&h) => Ok(now + Duration::hours(h)),
        (None, Some(_)) => Err(InvalidInput::new("due_in_hours", "must be between 1 and 2160")),
        (None, None) => Ok(now + Duration::hours(48)),
        (Some(_), Some(_)) => Err(InvalidInput::new("due_at", "give due_at or due_in_hours, not both")),
    }
}

/// Assigns an alert of `org` to `assignee`. Until sharing agreements exist, only the owner itself
/// (a team within it) can be assigned: another organisation may see an alert only under an
/// agreement in force.
pub async fn assign(
    store: &dyn Store,
    org: &OrgId,
    user: &UserId,
    alert: &str,
    assignee: Option<&str>,
    due_at: DateTime<Utc>,
) -> Result<Alert, ApiError> {
    let assignee = match assignee {
        None => org.clone(),
        Some(raw) => {
            let o = OrgId::parse(raw).map_err(|e| InvalidInput::new("org", e.message))?;
            if &o != org {
                return Err(InvalidInput::new(
                    "org",
                    "no sharing agreement with this organisation is in force",
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
    Ok(store.assign_alert(org, alert, &assignee, due_at, ev).await?)
}

pub async fn respond(
    store: &dyn Store,
    org: &OrgId,
    user: &UserId,
    alert: &str,
    action: &str,
    outcome: &str,
    responded_at: DateTime<Utc>,
) -> Result<Response, ApiError> {
    let new = NewResponse {
        responder_org: org.clone(),
        responder_user: user.clone(),
        action: text::bounded("action", action, 1, 2000)?,
        outcome: text::bounded("outcome", outcome, 1, 2000)?,
        responded_at,
    };
    let ev = NewAuditEvent::new("alert.respond").org(org).actor(user).subject(alert);
    Ok(store.add_response(org, alert, &new, ev).await?)
}
