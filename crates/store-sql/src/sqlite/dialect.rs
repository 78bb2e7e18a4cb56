//! What is SQLite's own: times as fixed-width RFC 3339 text (UTC, microseconds, so that text
//! comparison orders them), one writer at a time (queued here rather than in the busy handler),
//! the WAL checkpoint after deletions, and how a row is read.
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row as _, SqlitePool};
use tandem_domain::OrgId;
use tandem_store::{Result, StoreError};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::errors::other;

pub type Db = sqlx::Sqlite;
pub type Row = SqliteRow;
pub type Tx = sqlx::Transaction<'static, Db>;
pub type Conn = <Db as sqlx::Database>::Connection;
/// The store the shared queries implement the traits for.
pub type Backend = super::SqliteStore;

pub const NAME: &str = "sqlite";

/// A row when the migrations' table exists.
pub const HAS_MIGRATIONS: &str =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'";

/// A consistent copy of the live database into a new file: `VACUUM INTO` reads one snapshot
/// (every commit acknowledged before it began, none after) while writers go on.
pub async fn snapshot(pool: &SqlitePool, path: &str) -> Result<()> {
    sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await.map_err(other)?;
    Ok(())
}
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// A time as SQLite stores it: fixed-width RFC 3339 text in UTC with microseconds (the on-disk
/// format since the first migration), so that comparing the text compares the times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time(DateTime<Utc>);

pub fn ts(t: DateTime<Utc>) -> Time {
    Time(t)
}

impl sqlx::Type<Db> for Time {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <String as sqlx::Type<Db>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, Db> for Time {
    fn encode_by_ref(
        &self,
        buf: &mut Vec<sqlx::sqlite::SqliteArgumentValue<'q>>,
    ) -> std::result::Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, Db>>::encode(self.0.to_rfc3339_opts(SecondsFormat::Micros, true), buf)
    }
}

impl<'r> sqlx::Decode<'r, Db> for Time {
    fn decode(
        value: sqlx::sqlite::SqliteValueRef<'r>,
    ) -> std::result::Result<Self, sqlx::error::BoxDynError> {
        let text = <&str as sqlx::Decode<'r, Db>>::decode(value)?;
        Ok(Time(DateTime::parse_from_rfc3339(text)?.with_timezone(&Utc)))
    }
}

/// Held for as long as a write transaction: this process's writers queue on it.
pub type WriteGuard = OwnedMutexGuard<()>;

/// The pool and the process-wide write lock. SQLite has one writer at a time; letting several
/// connections race for it makes the losers sleep in the busy handler, so writers queue here
/// instead, without sleeping. (Another process writing the same file still meets busy_timeout.)
#[derive(Clone)]
pub struct Pool {
    pub pool: SqlitePool,
    write: Arc<Mutex<()>>,
}

impl Pool {
    /// Opens (creating if needed) the database at `url` (`sqlite://PATH` or `sqlite::memory:`).
    pub async fn connect(url: &str) -> Result<Self> {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::other(format!("bad SQLite URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it is acknowledged (crash safety over speed).
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            // Deleted content (an erased report, a purged contact) is overwritten, not left in
            // free pages where a copy of the file would still hold it.
            .pragma("secure_delete", "ON");
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(opts).await.map_err(other)?;
        Ok(Self { pool, write: Default::default() })
    }

    /// A write transaction, serialised with every other writer of this process. It takes
    /// SQLite's write lock at once (`BEGIN IMMEDIATE`): a deferred transaction that reads before
    /// it writes is refused its upgrade, without waiting, if another writer (another process, or
    /// a single statement run on the pool) committed since its read.
    pub async fn write(&self) -> Result<(WriteGuard, Tx)> {
        let guard = self.write.clone().lock_owned().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(other)?;
        Ok((guard, tx))
    }

    /// A write transaction for reconciling an organisation's alerts: like every write here it
    /// holds SQLite's lock from the start, so a reconciliation in another process (`tandem
    /// alerts run` beside the server) cannot interleave with it.
    pub async fn write_alerts(&self, _org: &OrgId) -> Result<(WriteGuard, Tx)> {
        self.write().await
    }

    /// Copies the write-ahead log into the database and empties it, so that content just deleted
    /// (and overwritten there, see `secure_delete`) does not live on in the log's older page
    /// images. Best effort: a reader holding an old snapshot makes it a partial checkpoint,
    /// finished later.
    pub async fn after_delete(&self) {
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await {
            tracing::warn!(error = %e, "WAL checkpoint after a deletion failed");
        }
    }
}

/// The instant a stored time names.
pub fn utc(t: Time) -> DateTime<Utc> {
    t.0
}

/// An integer column (SQLite has one integer type).
pub fn int(r: &Row, col: &str) -> Result<i64> {
    r.try_get(col).map_err(other)
}

pub fn opt_int(r: &Row, col: &str) -> Result<Option<i64>> {
    r.try_get(col).map_err(other)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Pool;

    /// A write transaction that reads before it writes must not lose its write to a writer that
    /// slipped in between (another process, or a statement run on the pool directly): SQLite
    /// refuses a deferred transaction's upgrade at once (SQLITE_BUSY, no busy handler), so the
    /// request that read first failed with a 500. Found by schemathesis on CI: an invitation
    /// (checks membership, then inserts) beside the SMS webhook's inbox insert.
    #[tokio::test]
    async fn a_write_transaction_holds_the_lock_from_its_first_read() {
        let dir = tempfile::tempdir().unwrap();
        let db = Pool::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.unwrap();
        sqlx::query("CREATE TABLE t (n INTEGER)").execute(&db.pool).await.unwrap();
        let (_guard, mut tx) = db.write().await.unwrap();
        sqlx::query("SELECT count(*) FROM t").fetch_one(&mut *tx).await.unwrap();
        let pool = db.pool.clone();
        let mut other =
            tokio::spawn(
                async move { sqlx::query("INSERT INTO t VALUES (2)").execute(&pool).await.map(|_| ()) },
            );
        // The other writer must wait for this transaction rather than commit first.
        let early = tokio::time::timeout(Duration::from_millis(300), &mut other).await;
        assert!(early.is_err(), "a writer outside the transaction committed in the middle of it");
        sqlx::query("INSERT INTO t VALUES (1)").execute(&mut *tx).await.expect("the transaction's own write");
        tx.commit().await.unwrap();
        other.await.unwrap().expect("the other writer, once the transaction is done");
        let order: Vec<i64> =
            sqlx::query_scalar("SELECT n FROM t ORDER BY rowid").fetch_all(&db.pool).await.unwrap();
        assert_eq!(order, [1, 2]);
    }
}

/// The aggregate joining `expr` of a group with commas.
pub fn concat(expr: &str) -> String {
    format!("group_concat({expr}, ',')")
}

/// A nullable REAL as text that parses back to the very same number ('' for NULL): `quote`
/// gives 15 digits when they round-trip and 20 when they do not, where a cast gives 15.
pub fn float_text(expr: &str) -> String {
    format!("CASE WHEN {expr} IS NULL THEN '' ELSE quote({expr}) END")
}

/// Page cache for one bulk write (an import of a file), in KiB, and the default it returns to.
/// The default (2 MB) makes every index insert of a million-row import a page fetch; 64 MB
/// keeps the hot index pages and is given back when the import ends.
const BULK_CACHE_KIB: i64 = 64 * 1024;
const DEFAULT_CACHE_KIB: i64 = 2000;

/// Gives the transaction's connection a large page cache for a bulk write (`on`), and a second
/// thread for its sorts (building an index afresh, recounting: a national import's are a fifth
/// of its time); or the defaults back (after it).
pub async fn bulk_write(conn: &mut Conn, on: bool) -> Result<()> {
    let kib = if on { BULK_CACHE_KIB } else { DEFAULT_CACHE_KIB };
    sqlx::query(&format!("PRAGMA cache_size = -{kib}")).execute(&mut *conn).await.map_err(other)?;
    let threads = if on { 2 } else { 0 };
    sqlx::query(&format!("PRAGMA threads = {threads}")).execute(conn).await.map_err(other)?;
    Ok(())
}

/// SQLite has no `COPY`: rows go in as multi-row INSERTs.
pub const COPY: bool = false;

/// Never called (`COPY` is false); here so that the shared queries compile for both engines.
pub async fn copy_in(
    _: &mut Conn,
    _: &str,
    _: &[Vec<Option<String>>],
) -> std::result::Result<(), sqlx::Error> {
    Err(sqlx::Error::Protocol("SQLite has no COPY".into()))
}

/// Nothing to do: a write transaction holds SQLite's one write lock from its start.
pub async fn lock_counts(_tx: &mut Tx) -> Result<()> {
    Ok(())
}

/// Drops `table`'s secondary indexes (not the unique ones) inside the caller's transaction and
/// returns the statements that build them again, for a bulk write: appending a million rows and
/// then building each index once, sorted, is several times faster than inserting every row into
/// every index at a random place (most of the pages written, and rewritten, to the log). Readers
/// keep the committed snapshot, indexes included, until the transaction commits; a rollback
/// restores them. The primary key's index is not dropped (SQLite cannot), so duplicates are still
/// refused.
pub async fn drop_indexes(conn: &mut Conn, table: &str) -> Result<Vec<String>> {
    // Not a unique index: it refuses duplicates as the rows arrive.
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list($1) l ON l.name = m.name
         WHERE m.type = 'index' AND m.tbl_name = $1 AND m.sql IS NOT NULL AND l.\"unique\" = 0",
    )
    .bind(table)
    .fetch_all(&mut *conn)
    .await
    .map_err(other)?;
    for (name, _) in &indexes {
        sqlx::query(&format!("DROP INDEX \"{name}\"")).execute(&mut *conn).await.map_err(other)?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// `table` read whole, in the order it is stored: for a query over most of an organisation's
/// rows, the planner would otherwise walk an index and look up every row from it.
pub fn scan(table: &str) -> String {
    format!("{table} NOT INDEXED")
}

/// How many rows `table` holds, near enough to choose a bulk write's path (the largest rowid:
/// counting a million rows would read them).
pub async fn rows_about(conn: &mut Conn, table: &str) -> Result<i64> {
    let n: Option<i64> = sqlx::query_scalar(&format!("SELECT MAX(rowid) FROM {table}"))
        .fetch_one(&mut *conn)
        .await
        .map_err(other)?;
    Ok(n.unwrap_or(0))
}

/// Full-text search of case studies: FTS5 over their folded words. It finds; relevance is
/// Tandem's one formula on both backends.
pub mod fts {
    use tandem_domain::knowledge::{SearchQuery, Tier};

    pub const FROM: &str = "case_studies_fts f JOIN case_studies c ON c.id = f.id";
    pub const MATCH: &str = "case_studies_fts MATCH $1";
    pub const INDEX: &str = "INSERT INTO case_studies_fts (id, title, summary, body) VALUES ($1, $2, $3, $4)";
    pub const UNINDEX: &str = "DELETE FROM case_studies_fts WHERE id = $1";

    pub fn query(q: &SearchQuery, tier: Tier) -> String {
        q.fts5(tier)
    }
}
