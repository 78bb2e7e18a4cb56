//! Signing in and out, shared by the API and the sign-in page: throttling of failed attempts,
//! opening a session (its token random, stored only as its SHA-256), ending it.
use std::net::IpAddr;
use std::time::Instant;

use chrono::Utc;
use secrecy::SecretString;
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::throttle::slow_down;
use tandem_domain::{Email, OrgId, UserId};
use tandem_store::{NewSession, Principal, SessionKind};

use crate::app_error::AppError;
use crate::password::{dummy_hash, new_secret, token_hash, verify_password};
use crate::AppState;

pub struct SignIn<'a> {
    pub email: &'a str,
    pub password: SecretString,
    /// The organisation to act for; the oldest membership when None.
    pub org: Option<&'a str>,
    pub addr: IpAddr,
    pub kind: SessionKind,
}

/// Checks the credentials and opens a session, returning the new token (shown once) and who it is.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn sign_in(state: &AppState, req: SignIn<'_>) -> Result<(String, Principal), AppError> {
    let email = Email::parse(req.email)?;
    let account_key = email.as_str().to_owned();
    let addr_key = req.addr.to_string();
    // One address trying one account: refused after a few failures. Failures against an
    // account from everywhere never lock it; they only slow its sign-ins down (below).
    let pair_key = format!("{account_key} {addr_key}");
    let now = Instant::now();
    let (wait, delay) = {
        let wait_pair = lock(&state.throttle_pairs).blocked_for(&pair_key, now);
        let wait_addr = lock(&state.throttle_addresses).blocked_for(&addr_key, now);
        let failures = lock(&state.throttle_accounts).failures(&account_key, now);
        (wait_pair.max(wait_addr), slow_down(failures, state.config.max_failures_per_account * 2))
    };
    if let Some(wait) = wait {
        state
            .store
            .append_audit(
                NewAuditEvent::new("auth.sign_in_throttled").detail(json!({ "kind": req.kind.as_str() })),
            )
            .await?;
        return Err(AppError::Throttled(wait.as_secs().max(1)));
    }
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }

    let creds = state.store.find_credentials(&email).await?;
    let hash = creds.as_ref().map(|c| c.password_hash.clone()).unwrap_or_else(|| dummy_hash().to_owned());
    let ok = verify_password(req.password, hash).await?;
    let creds = match creds {
        Some(c) if ok => c,
        known => {
            let now = Instant::now();
            lock(&state.throttle_pairs).record_failure(&pair_key, now);
            lock(&state.throttle_addresses).record_failure(&addr_key, now);
            lock(&state.throttle_accounts).record_failure(&account_key, now);
            let ev = match known {
                Some(c) => NewAuditEvent::new("auth.sign_in_failed")
                    .actor(&c.user.id)
                    .detail(json!({ "reason": "wrong_password" })),
                None => {
                    NewAuditEvent::new("auth.sign_in_failed").detail(json!({ "reason": "unknown_account" }))
                }
            };
            state.store.append_audit(ev).await?;
            return Err(AppError::BadCredentials);
        }
    };
    lock(&state.throttle_pairs).clear(&pair_key);

    let memberships = state.store.memberships(&creds.user.id).await?;
    let chosen = match req.org {
        Some(raw) => {
            let id = OrgId::parse(raw)?;
            memberships.iter().find(|(o, _)| o.id == id)
        }
        None => memberships.first(),
    };
    let Some((org, _)) = chosen else {
        return Err(AppError::Forbidden);
    };
    open_session(state, &creds.user.id, &org.id, req.kind).await
}

/// A new session for `user` acting for `org` (a member of it), with its token.
async fn open_session(
    state: &AppState,
    user: &UserId,
    org: &OrgId,
    kind: SessionKind,
) -> Result<(String, Principal), AppError> {
    let token = format!("tdm_{}", new_secret());
    let ttl = match kind {
        SessionKind::Web => state.config.web_session_ttl,
        SessionKind::Api => state.config.api_token_ttl,
    };
    let created = Utc::now();
    let session = NewSession {
        token_hash: token_hash(&token),
        user_id: user.clone(),
        org_id: org.clone(),
        kind,
        csrf_token: new_secret(),
        created_at: created,
        expires_at: created + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::hours(12)),
    };
    state.store.create_session(&session).await?;
    state
        .store
        .append_audit(
            NewAuditEvent::new("auth.sign_in").org(org).actor(user).detail(json!({ "kind": kind.as_str() })),
        )
        .await?;
    let principal = state
        .store
        .find_session(&session.token_hash, Utc::now())
        .await?
        .ok_or_else(|| AppError::internal("new session not found"))?;
    Ok((token, principal))
}

/// Acts for another of the signed-in person's organisations: a new session bound to it replaces
/// the current one. Not a member of `org`: NotFound.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn switch_org(
    state: &AppState,
    token: &str,
    principal: &Principal,
    org: &str,
) -> Result<(String, Principal), AppError> {
    let org = OrgId::parse(org).map_err(|_| AppError::NotFound)?;
    let memberships = state.store.memberships(&principal.user.id).await?;
    if !memberships.iter().any(|(o, _)| o.id == org) {
        return Err(AppError::NotFound);
    }
    let opened = open_session(state, &principal.user.id, &org, principal.kind).await?;
    sign_out(state, token, principal).await?;
    Ok(opened)
}

/// Ends the session carrying `token`.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn sign_out(state: &AppState, token: &str, principal: &Principal) -> Result<(), AppError> {
    let hash = token_hash(token);
    if state.store.revoke_session(&hash, Utc::now()).await? {
        state.sessions.forget(&hash);
        state
            .store
            .append_audit(
                NewAuditEvent::new("auth.sign_out").org(&principal.org.id).actor(&principal.user.id),
            )
            .await?;
    }
    Ok(())
}

/// A poisoned throttle lock only means another request panicked mid-update; the counts are still
/// usable, so carry on rather than fail every later sign-in.
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
