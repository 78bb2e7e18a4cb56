//! Appending to the hash-chained audit log inside a caller's transaction, so that no change is
//! written without its event and no event without its change.
use chrono::Utc;
use sqlx::Row as _;
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_store::Result;

use super::d::{self, ts};
use crate::errors::other;

pub(super) async fn append_audit_tx(tx: &mut d::Tx, new: NewAuditEvent) -> Result<AuditEvent> {
    // The first statement writes the head row, which locks it until commit (SQLite's write lock,
    // PostgreSQL's row lock): two appenders cannot both read the same head and fork the chain.
    let head = sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut **tx)
        .await
        .map_err(other)?;
    let seq: i64 = head.try_get("seq").map_err(other)?;
    let hash: String = head.try_get("hash").map_err(other)?;
    let prev = (seq > 0).then_some((seq, hash.as_str()));
    let ev = AuditEvent::chain(new, prev, Utc::now());
    sqlx::query(
        "INSERT INTO audit_events (seq, at, org_id, actor_id, action, subject, detail, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(ev.seq)
    .bind(ts(ev.at))
    .bind(&ev.org_id)
    .bind(&ev.actor_id)
    .bind(&ev.action)
    .bind(&ev.subject)
    .bind(&ev.detail)
    .bind(&ev.prev_hash)
    .bind(&ev.hash)
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(ev.seq)
        .bind(&ev.hash)
        .execute(&mut **tx)
        .await
        .map_err(other)?;
    Ok(ev)
}
