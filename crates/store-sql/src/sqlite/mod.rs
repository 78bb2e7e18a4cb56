//! The embedded backend: one SQLite file in WAL mode with full-sync commits, so an acknowledged
//! write survives a crash. Its queries are the shared ones (`queries/`), compiled against
//! `dialect`; what is SQLite's alone is there and in the intake batcher.
mod dialect;
mod intake;
#[path = "../queries/mod.rs"]
mod queries;

use tandem_domain::OrgId;
use tandem_store::{NewReport, Report, Result};

pub struct SqliteStore {
    db: dialect::Pool,
    intake: intake::Batcher,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` (`sqlite://PATH` or `sqlite::memory:`).
    pub async fn connect(url: &str) -> Result<Self> {
        let db = dialect::Pool::connect(url).await?;
        Ok(Self { intake: intake::Batcher::start(db.clone()), db })
    }

    /// The pool, for tests that must reach under the trait (e.g. to tamper with the audit log).
    pub fn pool(&self) -> &sqlx::SqlitePool {
        &self.db.pool
    }

    /// Reports go through the group-commit batcher: SQLite has one writer, and each durable commit
    /// waits for the disk.
    async fn file_reports(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>> {
        self.intake.submit(org, reports).await
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tandem_store::Store;

    /// A fresh store in its own directory, removed when the test ends.
    async fn open() -> (Arc<dyn Store>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        (Arc::new(super::SqliteStore::connect(&url).await.unwrap()), dir)
    }

    tandem_store::conformance_tests!(open);
}
