//! The cache of each owner's scrubber (see `secrets::scrubber`, which fills it).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tandem_domain::scrub::Scrubber;
use tandem_domain::OrgId;

/// Each owner's scrubber. Rebuilt when the list changes in this process, and at least every
/// minute (another process's change).
#[derive(Default)]
pub struct ScrubberCache(Mutex<HashMap<OrgId, (Instant, Arc<Scrubber>)>>);

const SCRUBBER_TTL: Duration = Duration::from_secs(60);

impl ScrubberCache {
    /// The cached scrubber, unless it is older than a minute.
    pub fn fresh(&self, org: &OrgId) -> Option<Arc<Scrubber>> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.get(org).filter(|(at, _)| at.elapsed() < SCRUBBER_TTL).map(|(_, s)| s.clone())
    }

    pub fn put(&self, org: &OrgId, s: Arc<Scrubber>) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert(org.clone(), (Instant::now(), s));
    }

    pub fn forget(&self, org: &OrgId) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).remove(org);
    }
}
