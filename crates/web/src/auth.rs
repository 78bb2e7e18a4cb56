//! Sign-in: password hashing (Argon2id, off the async runtime), session tokens (random, stored only
//! as their SHA-256), throttling of failed attempts, and the sign-in flow shared by the API and the
//! sign-in page.
use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Instant;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Utc;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use sha2::{Digest, Sha256};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{Email, OrgId};
use tandem_store::{NewSession, Principal, SessionKind};

use crate::error::ApiError;
use crate::AppState;

/// Hashes a password with Argon2id on the blocking pool: hashing takes tens of milliseconds of CPU
/// and must not stall the async workers.
pub async fn hash_password(password: SecretString) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_password_blocking(&password))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
}

pub fn hash_password_blocking(password: &SecretString) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
}

/// Verifies on the blocking pool. An unparsable stored hash counts as a mismatch.
pub async fn verify_password(password: SecretString, hash: String) -> Result<bool, ApiError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default().verify_password(password.expose_secret().as_bytes(), &parsed).is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))
}

/// A hash of a random password, verified against when the e-mail is unknown, so that a wrong
/// address takes as long to refuse as a wrong password and timing does not reveal accounts.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let pw = SecretString::from(new_secret());
        hash_password_blocking(&pw).unwrap_or_default()
    })
}

/// Computes the dummy hash now, so the first sign-in with an unknown address is not the one
/// request that takes twice as long.
pub fn warm_up() {
    let _ = dummy_hash();
}

/// 32 random bytes, hex-encoded.
pub fn new_secret() -> String {
    let mut b = [0u8; 32];
    OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// What the database stores for a token: its SHA-256, so a leaked database yields no live token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub struct SignIn<'a> {
    pub email: &'a str,
    pub password: SecretString,
    /// The organisation to act for; the oldest membership when None.
    pub org: Option<&'a str>,
    pub addr: IpAddr,
    pub kind: SessionKind,
}

/// Checks the credentials and opens a session, returning the new token (shown once) and who it is.
pub async fn sign_in(state: &AppState, req: SignIn<'_>) -> Result<(String, Principal), ApiError> {
    let email = Email::parse(req.email)?;
    let account_key = email.as_str().to_owned();
    let addr_key = req.addr.to_string();
    let now = Instant::now();
    {
        let wait_account = lock(&state.throttle_accounts).blocked_for(&account_key, now);
        let wait_addr = lock(&state.throttle_addresses).blocked_for(&addr_key, now);
        if let Some(wait) = wait_account.max(wait_addr) {
            state
                .store
                .append_audit(
                    NewAuditEvent::new("auth.sign_in_throttled").detail(json!({ "kind": req.kind.as_str() })),
                )
                .await?;
            return Err(ApiError::Throttled(wait.as_secs().max(1)));
        }
    }

    let creds = state.store.find_credentials(&email).await?;
    let hash = creds.as_ref().map(|c| c.password_hash.clone()).unwrap_or_else(|| dummy_hash().to_owned());
    let ok = verify_password(req.password, hash).await?;
    let creds = match creds {
        Some(c) if ok => c,
        known => {
            let now = Instant::now();
            lock(&state.throttle_accounts).record_failure(&account_key, now);
            lock(&state.throttle_addresses).record_failure(&addr_key, now);
            let ev = match known {
                Some(c) => NewAuditEvent::new("auth.sign_in_failed")
                    .actor(&c.user.id)
                    .detail(json!({ "reason": "wrong_password" })),
                None => {
                    NewAuditEvent::new("auth.sign_in_failed").detail(json!({ "reason": "unknown_account" }))
                }
            };
            state.store.append_audit(ev).await?;
            return Err(ApiError::BadCredentials);
        }
    };
    lock(&state.throttle_accounts).clear(&account_key);

    let memberships = state.store.memberships(&creds.user.id).await?;
    let chosen = match req.org {
        Some(raw) => {
            let id = OrgId::parse(raw)?;
            memberships.iter().find(|(o, _)| o.id == id)
        }
        None => memberships.first(),
    };
    let Some((org, _)) = chosen else {
        return Err(ApiError::Forbidden);
    };

    let token = format!("tdm_{}", new_secret());
    let ttl = match req.kind {
        SessionKind::Web => state.config.web_session_ttl,
        SessionKind::Api => state.config.api_token_ttl,
    };
    let created = Utc::now();
    let session = NewSession {
        token_hash: token_hash(&token),
        user_id: creds.user.id.clone(),
        org_id: org.id.clone(),
        kind: req.kind,
        csrf_token: new_secret(),
        created_at: created,
        expires_at: created + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::hours(12)),
    };
    state.store.create_session(&session).await?;
    state
        .store
        .append_audit(
            NewAuditEvent::new("auth.sign_in")
                .org(&org.id)
                .actor(&creds.user.id)
                .detail(json!({ "kind": req.kind.as_str() })),
        )
        .await?;
    let principal = state
        .store
        .find_session(&session.token_hash, Utc::now())
        .await?
        .ok_or_else(|| ApiError::Internal("new session not found".into()))?;
    Ok((token, principal))
}

/// Ends the session carrying `token`.
pub async fn sign_out(state: &AppState, token: &str, principal: &Principal) -> Result<(), ApiError> {
    let hash = token_hash(token);
    if state.store.revoke_session(&hash, Utc::now()).await? {
        crate::session::forget(state, &hash);
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
