//! Group commit for report intake. SQLite has one writer and every durable commit waits for the
//! disk; committing each report alone caps intake at the commit rate. Requests that arrive while
//! a commit is under way queue here and go into the next transaction together, each inside its
//! own savepoint, so one request's bad row (an unknown area, say) rolls back only that request.
//! Every caller is answered only after the commit that holds its reports: an acknowledged
//! report is on disk.
use tandem_domain::OrgId;
use tandem_store::{NewReport, Report, Result, StoreError};
use tokio::sync::{mpsc, oneshot};

use crate::ew::insert_reports;
use crate::rows::other;
use crate::Db;

/// Most requests in one transaction: bounds the latency of the first in the batch.
const MAX_BATCH: usize = 512;

struct Request {
    org: OrgId,
    reports: Vec<NewReport>,
    reply: oneshot::Sender<Result<Vec<Report>>>,
}

#[derive(Clone)]
pub(crate) struct Batcher {
    tx: mpsc::UnboundedSender<Request>,
}

impl Batcher {
    pub fn start(db: Db) -> Self {
        let (tx, mut rx) = mpsc::unbounded_channel::<Request>();
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match rx.try_recv() {
                        Ok(r) => batch.push(r),
                        Err(_) => break,
                    }
                }
                commit_batch(&db, batch).await;
            }
        });
        Self { tx }
    }

    pub async fn submit(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>> {
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(Request { org: org.clone(), reports: reports.to_vec(), reply })
            .map_err(|_| StoreError::Other("the intake writer has stopped".into()))?;
        answer.await.map_err(|_| StoreError::Other("the intake writer dropped a request".into()))?
    }
}

/// Rows per INSERT statement (SQLite allows 32,766 bound values; a row binds 14).
const ROWS_PER_STATEMENT: usize = 1000;

async fn commit_batch(db: &Db, batch: Vec<Request>) {
    // The common case: every request valid, so all rows go in with a few multi-row statements
    // and one commit. Should any row fail (a reference gone since validation), the batch is
    // rolled back whole and redone request by request, each in its own savepoint.
    match insert_all(db, &batch).await {
        Ok(results) => {
            for (r, res) in batch.into_iter().zip(results) {
                let _ = r.reply.send(Ok(res));
            }
        }
        Err(_) => commit_one_by_one(db, batch).await,
    }
}

async fn insert_all(db: &Db, batch: &[Request]) -> Result<Vec<Vec<Report>>> {
    let created_at = crate::rows::now();
    let created = crate::rows::ts(created_at);
    let results: Vec<Vec<Report>> = batch
        .iter()
        .map(|r| r.reports.iter().map(|n| Report::new_from(&r.org, n, created_at)).collect())
        .collect();
    let rows: Vec<(&Report, &NewReport)> =
        results.iter().zip(batch).flat_map(|(done, req)| done.iter().zip(req.reports.iter())).collect();
    let (_write, mut tx) = db.write().await?;
    let inserted: Result<()> = async {
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO reports (org_id, id, area_code, category, severity, occurred_at, week, description, channel, \
                 reporter_contact, contact_key, status, created_by, created_at) ",
            );
            qb.push_values(chunk, |mut b, (rep, new)| {
                b.push_bind(rep.org_id.as_str())
                    .push_bind(rep.id.as_str())
                    .push_bind(rep.area.as_str())
                    .push_bind(rep.category.as_str())
                    .push_bind(rep.severity as i64)
                    .push_bind(crate::rows::ts(rep.occurred_at))
                    .push_bind(rep.week.0)
                    .push_bind(rep.description.as_str())
                    .push_bind(rep.channel.as_str())
                    .push_bind(new.reporter_contact.as_ref().map(|c| c.data.as_str()))
                    .push_bind(new.reporter_contact.as_ref().map(|c| c.key_id.as_str()))
                    .push_bind("new")
                    .push_bind(rep.created_by.as_deref())
                    .push_bind(created.as_str());
            });
            qb.build().execute(&mut *tx).await.map_err(other)?;
        }
        Ok(())
    }
    .await;
    if let Err(e) = inserted {
        // Roll back now, on this connection, before the slow path takes the write lock: a
        // rollback left to the transaction's drop could still hold SQLite's lock.
        tx.rollback().await.map_err(other)?;
        return Err(e);
    }
    tx.commit().await.map_err(other)?;
    Ok(results)
}

async fn commit_one_by_one(db: &Db, batch: Vec<Request>) {
    let (_write, mut tx) = match db.write().await {
        Ok(x) => x,
        Err(e) => {
            let msg = e.to_string();
            for r in batch {
                let _ = r.reply.send(Err(StoreError::Other(msg.clone())));
            }
            return;
        }
    };
    let mut results = Vec::with_capacity(batch.len());
    for r in &batch {
        let outcome = async {
            sqlx::query("SAVEPOINT intake").execute(&mut *tx).await.map_err(other)?;
            match insert_reports(&mut tx, &r.org, &r.reports).await {
                Ok(v) => {
                    sqlx::query("RELEASE intake").execute(&mut *tx).await.map_err(other)?;
                    Ok(v)
                }
                Err(e) => {
                    sqlx::query("ROLLBACK TO intake").execute(&mut *tx).await.map_err(other)?;
                    sqlx::query("RELEASE intake").execute(&mut *tx).await.map_err(other)?;
                    Err(e)
                }
            }
        }
        .await;
        results.push(outcome);
    }
    match tx.commit().await {
        Ok(()) => {
            for (r, res) in batch.into_iter().zip(results) {
                let _ = r.reply.send(res);
            }
        }
        Err(e) => {
            let msg = e.to_string();
            for r in batch {
                let _ = r.reply.send(Err(StoreError::Other(format!("commit failed: {msg}"))));
            }
        }
    }
}
