//! What is PostgreSQL's own: times as `timestamptz`, writers serialised by a row lock rather than
//! a process lock (several servers may share the database), an advisory lock per organisation for
//! alert reconciliation, and how a row is read (INTEGER columns decode as i32).
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPoolOptions, PgRow};
use sqlx::{PgPool, Row as _};
use tandem_domain::OrgId;
use tandem_store::Result;

use crate::errors::other;

pub type Db = sqlx::Postgres;
pub type Row = PgRow;
pub type Tx = sqlx::Transaction<'static, Db>;
pub type Conn = <Db as sqlx::Database>::Connection;
/// The store the shared queries implement the traits for.
pub type Backend = super::PgStore;

pub const NAME: &str = "postgres";

/// A row when the migrations' table exists.
pub const HAS_MIGRATIONS: &str = "SELECT tablename FROM pg_tables WHERE tablename = '_sqlx_migrations'";

/// PostgreSQL is copied by `pg_dump`, outside the connection (see `tandem backup`).
pub async fn snapshot(_: &PgPool, _: &str) -> Result<()> {
    Err(tandem_store::StoreError::other(
        "a PostgreSQL database is copied with pg_dump (tandem backup runs it)",
    ))
}
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How a time is bound: as itself, into `timestamptz` columns.
pub type Time = DateTime<Utc>;

pub fn ts(t: DateTime<Utc>) -> Time {
    t
}

/// Nothing to hold in the process: the lock lives in the database.
pub type WriteGuard = ();

pub struct Pool {
    pub pool: PgPool,
}

impl Pool {
    /// Connects to `url` (`postgres://user:pass@host:port/db`).
    pub async fn connect(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(other)?;
        Ok(Self { pool })
    }

    /// A write transaction, serialised with every other one by the audit chain's head row,
    /// locked until commit: checks such as "no overlapping agreement" cannot race, even between
    /// servers sharing the database.
    pub async fn write(&self) -> Result<(WriteGuard, Tx)> {
        let mut tx = self.pool.begin().await.map_err(other)?;
        sqlx::query("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        Ok(((), tx))
    }

    /// A write transaction for reconciling one organisation's alerts: one at a time per
    /// organisation, while other organisations and intake go on.
    pub async fn write_alerts(&self, org: &OrgId) -> Result<(WriteGuard, Tx)> {
        let mut tx = self.pool.begin().await.map_err(other)?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind(org.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        Ok(((), tx))
    }

    /// Deleted rows are gone from queries at once; the space is reclaimed by vacuum.
    pub async fn after_delete(&self) {}
}

/// The instant a stored time names.
pub fn utc(t: Time) -> DateTime<Utc> {
    t
}

/// An integer column: INTEGER decodes as i32 in PostgreSQL, BIGINT as i64.
pub fn int(r: &Row, col: &str) -> Result<i64> {
    r.try_get::<i64, _>(col).or_else(|_| r.try_get::<i32, _>(col).map(i64::from)).map_err(other)
}

pub fn opt_int(r: &Row, col: &str) -> Result<Option<i64>> {
    r.try_get::<Option<i64>, _>(col)
        .or_else(|_| r.try_get::<Option<i32>, _>(col).map(|v| v.map(i64::from)))
        .map_err(other)
}

/// The aggregate joining `expr` of a group with commas.
pub fn concat(expr: &str) -> String {
    format!("string_agg({expr}, ',')")
}

/// A nullable double precision as text that parses back to the very same number ('' for NULL):
/// PostgreSQL writes the shortest exact form (`extra_float_digits` 1, the default since 12).
pub fn float_text(expr: &str) -> String {
    format!("COALESCE(CAST({expr} AS TEXT), '')")
}

/// A bulk write needs nothing of the connection here: the server's shared buffers serve it.
pub async fn bulk_write(_conn: &mut Conn, _on: bool) -> Result<()> {
    Ok(())
}

/// Rows go in with `COPY ... FROM STDIN` where there are many (see `copy_in`).
pub const COPY: bool = true;

/// Writes `rows` (each field as text, `None` for NULL) into `into` ("table (columns)") with one
/// `COPY ... FROM STDIN` in the text format: PostgreSQL's own bulk path, several times faster
/// than multi-row INSERTs. A refused row (a duplicate key) fails the whole statement.
pub async fn copy_in(
    conn: &mut Conn,
    into: &str,
    rows: &[Vec<Option<String>>],
) -> std::result::Result<(), sqlx::Error> {
    let mut buf = Vec::with_capacity(rows.len() * 256);
    for r in rows {
        copy_line(&mut buf, r);
    }
    let mut copy = conn.copy_in_raw(&format!("COPY {into} FROM STDIN")).await?;
    copy.send(buf).await?;
    copy.finish().await?;
    Ok(())
}

/// One row of COPY's text format: fields split by tabs, `\N` for NULL, and the backslash, tab,
/// newline and carriage return of a value escaped.
pub fn copy_line(buf: &mut Vec<u8>, fields: &[Option<String>]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            buf.push(b'\t');
        }
        match f {
            None => buf.extend_from_slice(b"\\N"),
            Some(v) => {
                for b in v.bytes() {
                    match b {
                        b'\\' => buf.extend_from_slice(b"\\\\"),
                        b'\t' => buf.extend_from_slice(b"\\t"),
                        b'\n' => buf.extend_from_slice(b"\\n"),
                        b'\r' => buf.extend_from_slice(b"\\r"),
                        b => buf.push(b),
                    }
                }
            }
        }
    }
    buf.push(b'\n');
}

/// Holds off every other writer of `report_counts` until the transaction ends (readers go on):
/// a recount deletes and rewrites an organisation's counts, and intake committing a count in
/// between would be lost, or collide with the rewrite.
pub async fn lock_counts(tx: &mut Tx) -> Result<()> {
    sqlx::query("LOCK TABLE report_counts IN EXCLUSIVE MODE").execute(&mut **tx).await.map_err(other)?;
    Ok(())
}

/// Drops nothing: on PostgreSQL dropping an index locks its table against every reader until the
/// transaction ends, and an import runs for a minute while the server answers.
pub async fn drop_indexes(_conn: &mut Conn, _table: &str) -> Result<Vec<String>> {
    Ok(vec![])
}

/// `table`, which the planner reads as its statistics say.
pub fn scan(table: &str) -> String {
    table.to_owned()
}

/// How many rows `table` holds, as the planner last estimated (0 before its first analysis).
pub async fn rows_about(conn: &mut Conn, table: &str) -> Result<i64> {
    let n: Option<f32> = sqlx::query_scalar("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
        .bind(table)
        .fetch_optional(&mut *conn)
        .await
        .map_err(other)?;
    Ok(n.unwrap_or(0.0).max(0.0) as i64)
}

/// Full-text search of case studies: a `tsvector` of their folded words in the `simple`
/// configuration (no stemming: the words were folded already), weighted title A, summary B,
/// body C, under a GIN index. It finds; relevance is Tandem's one formula on both backends.
pub mod fts {
    use tandem_domain::knowledge::{SearchQuery, Tier};

    pub const FROM: &str = "case_studies c";
    pub const MATCH: &str = "c.search @@ to_tsquery('simple', $1)";
    pub const INDEX: &str = "UPDATE case_studies SET search =
           setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B')
           || setweight(to_tsvector('simple', $4), 'C') WHERE id = $1";
    /// The vector lives in the row: deleting the row takes it.
    pub const UNINDEX: &str = "UPDATE case_studies SET search = NULL WHERE id = $1";

    pub fn query(q: &SearchQuery, tier: Tier) -> String {
        q.tsquery(tier)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_copy_line_escapes_what_the_text_format_reserves() {
        let mut buf = vec![];
        let fields = [Some("a\tb\\c\nd\re".to_owned()), None, Some(String::new()), Some("السوق".to_owned())];
        super::copy_line(&mut buf, &fields);
        assert_eq!(String::from_utf8(buf).unwrap(), "a\\tb\\\\c\\nd\\re\t\\N\t\tالسوق\n");
    }
}
