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

async fn commit_batch(db: &Db, batch: Vec<Request>) {
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
