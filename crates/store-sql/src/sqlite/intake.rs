//! Group commit for report intake. SQLite has one writer and every durable commit waits for the
//! disk; committing each report alone caps intake at the commit rate. Requests that arrive while
//! a commit is under way queue here and go into the next transaction together, each inside its
//! own savepoint, so one request's bad row (an unknown area, say) rolls back only that request.
//! Every caller is answered only after the commit that holds its reports: an acknowledged
//! report is on disk.
use tandem_domain::OrgId;
use tandem_store::{NewReport, Report, Result, StoreError};
use tokio::sync::{mpsc, oneshot};

use super::dialect::Pool;
use super::queries::{insert_report_rows, insert_reports};
use crate::errors::{now, other};

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
    pub fn start(db: Pool) -> Self {
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
            .map_err(|_| StoreError::other("the intake writer has stopped"))?;
        answer.await.map_err(|_| StoreError::other("the intake writer dropped a request"))?
    }
}

async fn commit_batch(db: &Pool, batch: Vec<Request>) {
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

async fn insert_all(db: &Pool, batch: &[Request]) -> Result<Vec<Vec<Report>>> {
    let created_at = now();
    let results: Vec<Vec<Report>> = batch
        .iter()
        .map(|r| r.reports.iter().map(|n| Report::new_from(&r.org, n, created_at)).collect())
        .collect();
    let rows: Vec<(&Report, &NewReport)> =
        results.iter().zip(batch).flat_map(|(done, req)| done.iter().zip(req.reports.iter())).collect();
    let (_write, mut tx) = db.write().await?;
    if let Err(e) = insert_report_rows(&mut tx, &rows).await {
        // Roll back now, on this connection, before the slow path takes the write lock: a
        // rollback left to the transaction's drop could still hold SQLite's lock.
        tx.rollback().await.map_err(other)?;
        return Err(e);
    }
    tx.commit().await.map_err(other)?;
    Ok(results)
}

async fn commit_one_by_one(db: &Pool, batch: Vec<Request>) {
    let (_write, mut tx) = match db.write().await {
        Ok(x) => x,
        Err(e) => {
            let msg = e.to_string();
            for r in batch {
                let _ = r.reply.send(Err(StoreError::other(msg.clone())));
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
                let _ = r.reply.send(Err(StoreError::other(format!("commit failed: {msg}"))));
            }
        }
    }
}
