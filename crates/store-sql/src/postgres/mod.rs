//! The scale-path backend: PostgreSQL, and PostgreSQL-compatible distributed engines such as Citus
//! (see docs/scaling.md). Its queries are the shared ones (`queries/`), compiled against
//! `dialect`; the conformance story proves it behaves as the SQLite backend does.
mod dialect;
#[path = "../queries/mod.rs"]
mod queries;
pub mod testing;

use tandem_domain::OrgId;
use tandem_store::{NewReport, Report, Result};

use crate::errors::other;

pub struct PgStore {
    db: dialect::Pool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:pass@host:port/db`).
    pub async fn connect(url: &str) -> Result<Self> {
        Ok(Self { db: dialect::Pool::connect(url).await? })
    }

    /// The pool, for tests that must reach under the trait (e.g. to tamper with the audit log).
    pub fn pool(&self) -> &sqlx::PgPool {
        &self.db.pool
    }

    /// Reports go in with one transaction per request: PostgreSQL takes concurrent writers.
    async fn file_reports(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        let made = queries::insert_reports(&mut tx, org, reports).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tandem_store::Store;

    /// A fresh database on the test server, dropped when the test ends.
    async fn open() -> (Arc<dyn Store>, super::testing::TestDatabase) {
        let db = super::testing::TestDatabase::create().await.unwrap();
        (Arc::new(super::PgStore::connect(db.url()).await.unwrap()), db)
    }

    tandem_store::conformance_tests!(open);
}
