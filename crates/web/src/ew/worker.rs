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

const GATHER: std::time::Duration = std::time::Duration::from_millis(1000);

struct Job {
    org: OrgId,
    changes: Vec<Change>,
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
            let mut grids: HashMap<OrgId, Week> = HashMap::new();
            while let Some(first) = rx.recv().await {
                // A pause lets a burst of reports gather, so that one evaluation serves them all.
                // EARS alerts are weekly statistics: trailing their reports by a second under
                // load costs nothing (threshold alerts open at once, before the worker runs).
                if !rx.is_empty() {
                    tokio::time::sleep(GATHER).await;
                }
                let mut jobs = vec![first];
                while let Ok(more) = rx.try_recv() {
                    jobs.push(more);
                }
                let n = jobs.len();
                let mut by_org: HashMap<OrgId, Vec<Change>> = HashMap::new();
                for j in jobs {
                    by_org.entry(j.org).or_default().extend(j.changes);
                }
                for (org, changes) in by_org {
                    // The grid start this worker last evaluated against: if the changes moved
                    // it (or this is the organisation's first batch since start-up),
                    // `run_incremental` runs in full.
                    let grid_before = grids.get(&org).copied();
                    // Read before evaluating: a report landing during the evaluation then shows
                    // as a change of grid next time (a full run), never the other way round.
                    let grid_now = store.week_bounds(&org).await.ok().flatten().map(|b| b.0);
                    let result = match config.get(store.as_ref()).await {
                        Ok(cfg) => {
                            match run_incremental(store.as_ref(), &cfg, &org, &changes, grid_before).await {
                                Ok(_) => Ok(()),
                                // One more try in full: a failure must not leave alerts stale.
                                Err(_) => run_full(store.as_ref(), &cfg, &org).await.map(|_| ()),
                            }
                        }
                        Err(e) => Err(e),
                    };
                    match (grid_now, &result) {
                        (Some(start), Ok(())) => {
                            grids.insert(org.clone(), start);
                        }
                        _ => {
                            grids.remove(&org);
                        }
                    }
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
    pub fn submit(&self, org: &OrgId, changes: Vec<Change>) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.tx.send(Job { org: org.clone(), changes }).is_err() {
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
