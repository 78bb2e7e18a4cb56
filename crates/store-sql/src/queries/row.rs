//! How the shared row mappers (`tandem_store::row`) read this backend's rows.
use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tandem_store::row::RowRead;
use tandem_store::Result;

use super::d;
use crate::errors::other;

pub struct Sq<'a>(pub &'a d::Row);

impl RowRead for Sq<'_> {
    fn text(&self, col: &str) -> Result<String> {
        self.0.try_get(col).map_err(other)
    }
    fn opt_text(&self, col: &str) -> Result<Option<String>> {
        self.0.try_get(col).map_err(other)
    }
    fn flag(&self, col: &str) -> Result<bool> {
        self.0.try_get(col).map_err(other)
    }
    fn int(&self, col: &str) -> Result<i64> {
        d::int(self.0, col)
    }
    fn opt_int(&self, col: &str) -> Result<Option<i64>> {
        d::opt_int(self.0, col)
    }
    fn opt_float(&self, col: &str) -> Result<Option<f64>> {
        self.0.try_get(col).map_err(other)
    }
    fn time(&self, col: &str) -> Result<DateTime<Utc>> {
        self.0.try_get::<d::Time, _>(col).map(d::utc).map_err(other)
    }
    fn opt_time(&self, col: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self.0.try_get::<Option<d::Time>, _>(col).map_err(other)?.map(d::utc))
    }
}
