//! Passwords and secrets, with no state of their own: Argon2id hashing (off the async runtime),
//! random secrets for tokens, and the SHA-256 under which a token is stored.
use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

use crate::app_error::AppError;

/// Hashes a password with Argon2id on the blocking pool: hashing takes tens of milliseconds of CPU
/// and must not stall the async workers.
pub async fn hash_password(password: SecretString) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_password_blocking(&password))
        .await
        .map_err(AppError::internal)?
}

pub fn hash_password_blocking(password: &SecretString) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(format!("hashing failed: {e}")))
}

/// Verifies on the blocking pool. An unparsable stored hash counts as a mismatch.
pub async fn verify_password(password: SecretString, hash: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default().verify_password(password.expose_secret().as_bytes(), &parsed).is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(AppError::internal)
}

/// A hash of a random password, verified against when the e-mail is unknown, so that a wrong
/// address takes as long to refuse as a wrong password and timing does not reveal accounts.
pub(crate) fn dummy_hash() -> &'static str {
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

/// Compares two secrets in time that does not depend on where they first differ.
pub fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
