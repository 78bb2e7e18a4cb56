//! Public statistics of verified violations (no sign-in): per quarter, once it is released
//! ([`Quarter::released_by`]), its cells are computed once from the civil-society organisations'
//! verified violations, frozen in the store (hidden ones and all) and
//! never recomputed (`violation_stats`).
use std::sync::Arc;

use chrono::Utc;
use tandem_domain::violation_stats::{self, PublicCell, Quarter, PUBLIC_K};

use tandem_store::Store;

use super::placing::DATASET;
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::AppState;

/// The quarters published so far, oldest first: from the first verified violation's quarter to
/// the last one released by today.
pub async fn quarters(store: &dyn Store) -> Result<Vec<Quarter>, AppError> {
    let today = Utc::now().date_naive();
    let Some(first) = store.earliest_verified_violation().await? else { return Ok(vec![]) };
    let mut out = vec![];
    let mut q = Quarter::of(first);
    while q.released_by(today) {
        out.push(q);
        q = q.next();
    }
    Ok(out)
}

/// The quarter's cells, from the violations verified until now (it is frozen once built: a later
/// verification never changes what was published). Violations an organisation adds to learn the
/// others' counts are its own share, which the dominance rule takes into account.
async fn build(store: &dyn Store, cfg: &EwConfig, q: Quarter) -> Result<Vec<PublicCell>, AppError> {
    let (acts, admin1, placed) = super::placing::placed(store, cfg, q, None).await?;
    let period = q.to_string();
    // What partners were shown of the quarter under sharing agreements bounds what is published.
    let also = crate::protection::shared_violations::unknown_for_public(store, cfg, q).await?;
    // Suppression is computed on a blocking thread: a large tree takes a moment.
    tokio::task::spawn_blocking(move || {
        violation_stats::cells(acts, &admin1, &placed, PUBLIC_K, &period, &also)
    })
    .await
    .map_err(AppError::internal)
}

/// A released quarter's cells, from the cache. NotFound for a quarter not (yet) released.
pub async fn cells(state: &AppState, q: Quarter) -> Result<Arc<Vec<PublicCell>>, AppError> {
    if let Some(c) = state.public.lock().map_err(|_| AppError::internal("poisoned cache"))?.get(&q) {
        return Ok(c.clone());
    }
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let cells = Arc::new(released(state.store.as_ref(), &cfg, q).await?);
    state.public.lock().map_err(|_| AppError::internal("poisoned cache"))?.insert(q, cells.clone());
    Ok(cells)
}

/// A released quarter's cells as frozen in the store, built and frozen first if nobody asked for
/// them before. NotFound for a quarter not (yet) released.
pub async fn released(store: &dyn Store, cfg: &EwConfig, q: Quarter) -> Result<Vec<PublicCell>, AppError> {
    if !q.released_by(Utc::now().date_naive()) {
        return Err(AppError::NotFound);
    }
    let period = q.to_string();
    // The published cells themselves are frozen, hidden ones and all: a later version of the
    // suppression never publishes the same quarter with another pattern.
    let stored = match store.public_release(DATASET, &period).await? {
        Some((_, json)) => json,
        None => {
            let cells = build(store, cfg, q).await?;
            let json = serde_json::to_string(&cells).map_err(AppError::internal)?;
            store.save_public_release(DATASET, &period, PUBLIC_K, &json).await?.1
        }
    };
    serde_json::from_str(&stored).map_err(AppError::internal)
}
