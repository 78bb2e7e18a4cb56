//! What the observatory keeps in memory: the public statistics of released quarters, once read
//! (a release never changes, so nothing needs invalidating).
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tandem_domain::violation_stats::{PublicCell, Quarter};

#[derive(Default)]
pub struct PublicCache(Mutex<BTreeMap<Quarter, Arc<Vec<PublicCell>>>>);

type Cells = BTreeMap<Quarter, Arc<Vec<PublicCell>>>;

impl PublicCache {
    pub fn lock(&self) -> Result<MutexGuard<'_, Cells>, PoisonError<MutexGuard<'_, Cells>>> {
        self.0.lock()
    }
}
