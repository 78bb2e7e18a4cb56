//! How the driver's errors become [`StoreError`], the same for both backends.
use chrono::{DateTime, SubsecRound, Utc};
use tandem_store::StoreError;

/// A failure with no better name: the cause is kept as the error's source.
pub fn other(e: impl Into<tandem_store::BoxError>) -> StoreError {
    StoreError::other(e)
}

/// Unique-key clashes become Conflict with `what`; a missing foreign row becomes NotFound.
pub fn conflict(e: sqlx::Error, what: &str) -> StoreError {
    if let sqlx::Error::Database(db) = &e {
        match db.kind() {
            sqlx::error::ErrorKind::UniqueViolation => return StoreError::Conflict(what.to_owned()),
            sqlx::error::ErrorKind::ForeignKeyViolation => return StoreError::NotFound,
            _ => {}
        }
    }
    other(e)
}

/// Now, truncated to what both backends store (microseconds), so a value reads back equal to
/// what was written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}
