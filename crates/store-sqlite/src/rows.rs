//! How SQLite rows are read ([`RowRead`]) and how sqlx errors become StoreError.
use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sqlx::sqlite::SqliteRow;
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

/// Fixed-width text, so that SQLite's text comparison orders times correctly.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub struct Sq<'a>(pub &'a SqliteRow);

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
        self.0.try_get(col).map_err(other)
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn opt_float(&self, col: &str) -> Result<Option<f64>, StoreError> {
        self.0.try_get(col).map_err(other)
    }
    fn opt_time(&self, col: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let s: Option<String> = self.0.try_get(col).map_err(other)?;
        s.map(|s| DateTime::parse_from_rfc3339(&s).map(|t| t.with_timezone(&Utc)).map_err(other)).transpose()
    }
    fn time(&self, col: &str) -> Result<DateTime<Utc>, StoreError> {
        let s: String = self.0.try_get(col).map_err(other)?;
        DateTime::parse_from_rfc3339(&s).map(|t| t.with_timezone(&Utc)).map_err(other)
    }
}
