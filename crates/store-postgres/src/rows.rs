//! How PostgreSQL rows are read ([`RowRead`]) and how sqlx errors become StoreError.
use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::PgRow;
use sqlx::Row;
use tandem_store::row::RowRead;
use tandem_store::StoreError;

pub fn other(e: impl std::fmt::Display) -> StoreError {
    StoreError::Other(e.to_string())
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

/// Now, truncated to what we store, so a value reads back equal to what was written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub struct Sq<'a>(pub &'a PgRow);

impl RowRead for Sq<'_> {
    fn text(&self, col: &str) -> Result<String, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn opt_text(&self, col: &str) -> Result<Option<String>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn flag(&self, col: &str) -> Result<bool, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn int(&self, col: &str) -> Result<i64, StoreError> {
        // INTEGER columns decode as i32 in PostgreSQL, BIGINT as i64.
        self.0.try_get::<i64, _>(col).or_else(|_| self.0.try_get::<i32, _>(col).map(i64::from)).map_err(other)
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>, StoreError> {
        self.0
            .try_get::<Option<i64>, _>(col)
            .or_else(|_| self.0.try_get::<Option<i32>, _>(col).map(|v| v.map(i64::from)))
            .map_err(other)
    }
    fn opt_float(&self, col: &str) -> Result<Option<f64>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn opt_time(&self, col: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn time(&self, col: &str) -> Result<DateTime<Utc>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
}
