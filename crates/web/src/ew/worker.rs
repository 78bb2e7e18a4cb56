//! The alert worker: EARS evaluation off the request path. Filing a report answers as soon as the
//! report is stored and its threshold rule applied; the worker then re-evaluates the cells the
//! report affects. Under load it takes every change waiting in the queue at once, so one
//! evaluation serves many reports instead of one per report. Status changes go through it too,
//! so all EARS reconciliation in a process happens in one place, in order.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tandem_domain::week::Week;
use tandem_domain::OrgId;
use tandem_store::Store;
use tokio::sync::{mpsc, Notify};

use super::alerts::{run_full, run_incremental, Change};
use super::config::ConfigCache;

const GATHER: std::time::Duration = std::time::Duration::from_millis(100);

struct Job {
    org: OrgId,
    changes: Vec<Change>,
    /// The organisation's grid start before these changes (see `run_incremental`).
    grid_before: Option<Week>,
}

#[derive(Clone)]
pub struct AlertWorker {
    tx: mpsc::UnboundedSender<Job>,
    pending: Arc<AtomicUsize>,
    idle: Arc<Notify>,
}

impl AlertWorker {
    /// Starts the worker on the current Tokio runtime.
    pub fn start(store: Arc<dyn Store>, config: Arc<ConfigCache>) -> Self {
        let (tx, mut rx) = mpsc::unbounded_channel::<Job>();
        let pending = Arc::new(AtomicUsize::new(0));
        let idle = Arc::new(Notify::new());
        let (p, i) = (pending.clone(), idle.clone());
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                // A short pause lets a burst of reports gather, so that one evaluation serves
                // them all; EARS alerts trail their reports by this much at most under load.
                if !rx.is_empty() {
                    tokio::time::sleep(GATHER).await;
                }
                let mut jobs = vec![first];
                while let Ok(more) = rx.try_recv() {
                    jobs.push(more);
                }
                let n = jobs.len();
                // Per organisation: all changes, and the grid start before the first of them.
                let mut by_org: HashMap<OrgId, (Vec<Change>, Option<Option<Week>>)> = HashMap::new();
                for j in jobs {
                    let e = by_org.entry(j.org).or_default();
                    e.0.extend(j.changes);
                    e.1.get_or_insert(j.grid_before);
                }
                for (org, (changes, grid_before)) in by_org {
                    let result = match config.get(store.as_ref()).await {
                        Ok(cfg) => {
                            let r =
                                run_incremental(store.as_ref(), &cfg, &org, &changes, grid_before.flatten())
                                    .await;
                            match r {
                                Ok(_) => Ok(()),
                                // One more try in full: a failure must not leave alerts stale.
                                Err(_) => run_full(store.as_ref(), &cfg, &org).await.map(|_| ()),
                            }
                        }
                        Err(e) => Err(e),
                    };
                    if let Err(e) = result {
                        tracing::error!(org.id = %org, error = %e, "alert evaluation failed; `tandem alerts run` will repair it");
                    }
                }
                if p.fetch_sub(n, Ordering::SeqCst) == n {
                    i.notify_waiters();
                }
            }
        });
        Self { tx, pending, idle }
    }

    /// Queues changes of `org` for evaluation.
    pub fn submit(&self, org: &OrgId, changes: Vec<Change>, grid_before: Option<Week>) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.tx.send(Job { org: org.clone(), changes, grid_before }).is_err() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Waits until every queued change has been evaluated (tests, and graceful shutdown).
    pub async fn flush(&self) {
        loop {
            let notified = self.idle.notified();
            if self.pending.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}
