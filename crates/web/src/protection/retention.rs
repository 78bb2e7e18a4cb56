//! Retention and erasure: each organisation's periods for reporter contacts and dismissed
//! reports, the purge that applies them (on demand, by `tandem admin purge`, and daily while
//! serving), and the erasure of one report at its reporter's request, which leaves an audit
//! event and nothing of the report's content.
use chrono::{DateTime, Utc};
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::retention::Retention;
use tandem_domain::OrgId;
use tandem_store::{Org, Purged, Store};

use crate::app_error::AppError;
use crate::AppState;

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn set(
    state: &AppState,
    actor: &Actor,
    contact_days: i64,
    dismissed_days: i64,
) -> Result<Retention, AppError> {
    let r = Retention::new(contact_days, dismissed_days)?;
    let ev = NewAuditEvent::new("retention.set").org(&actor.org_id).actor(&actor.user_id).detail(json!(r));
    state.store.set_retention(&actor.org_id, r, ev).await?;
    Ok(r)
}

/// Applies `org`'s retention periods as of `now`. `by` is the member who asked, if any (None:
/// the schedule or the command line).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn purge_org(
    store: &dyn Store,
    org: &OrgId,
    by: Option<&tandem_domain::UserId>,
    now: DateTime<Utc>,
) -> Result<Purged, AppError> {
    let r = store.get_retention(org).await?;
    let mut ev = NewAuditEvent::new("retention.purge").org(org);
    if let Some(u) = by {
        ev = ev.actor(u);
    }
    Ok(store.purge(org, r.contacts_before(now), r.dismissed_before(now), ev).await?)
}

/// Applies every organisation's retention periods.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn purge_all(store: &dyn Store, now: DateTime<Utc>) -> Result<Vec<(Org, Purged)>, AppError> {
    let mut out = Vec::new();
    for org in store.list_orgs().await? {
        let p = purge_org(store, &org.id, None, now).await?;
        out.push((org, p));
    }
    Ok(out)
}

/// Erases one report of the actor's organisation, then lets the alert engine look at its cell
/// again (an alert it alone raised is withdrawn).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn erase(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    // The event says who erased which record, and nothing of what it said.
    let ev = NewAuditEvent::new("report.erase").org(&actor.org_id).actor(&actor.user_id).subject(id);
    let gone = state.store.erase_report(&actor.org_id, id, ev).await?;
    if gone.status.counts() {
        state.alert_worker.submit(&actor.org_id, vec![crate::ew::reports::change_of(&gone)]);
    }
    Ok(())
}

/// How often a serving process applies retention.
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Runs [`purge_all`] every [`PURGE_EVERY`], the first time shortly after start.
pub fn schedule(store: std::sync::Arc<dyn Store>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        loop {
            match purge_all(store.as_ref(), Utc::now()).await {
                Ok(done) => {
                    let (c, d) = done.iter().fold((0, 0), |(c, d), (_, p)| {
                        (c + p.contacts + p.sms_senders, d + p.dismissed_reports)
                    });
                    tracing::info!(contacts = c, dismissed_reports = d, "retention applied");
                }
                Err(e) => tracing::warn!(error = %e, "retention purge failed; retrying at the next run"),
            }
            tokio::time::sleep(PURGE_EVERY).await;
        }
    })
}
