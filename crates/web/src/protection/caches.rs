//! What protection keeps in memory: each owner's scrubber (filled by `secrets::scrubber`) and
//! the released weeks (filled by `releases::released`).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tandem_domain::disclosure::linked::{EntryId, Master};
use tandem_domain::scrub::Scrubber;
use tandem_domain::week::Week;
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

/// A released week: its frozen master and the entries the master hides.
pub struct Released {
    pub week: Week,
    pub master: Master,
    pub hidden: BTreeSet<EntryId>,
    pub released_at: DateTime<Utc>,
}

/// Released weeks, kept once computed: they never change, and a busy partner page must not
/// rebuild each week's suppression pattern on every view.
#[derive(Default)]
pub struct ReleaseCache(Mutex<BTreeMap<(OrgId, Week), Arc<Released>>>);

impl ReleaseCache {
    pub fn get(&self, owner: &OrgId, week: Week) -> Option<Arc<Released>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&(owner.clone(), week)).cloned()
    }

    pub fn put(&self, owner: &OrgId, r: Arc<Released>) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= 20_000 {
            map.clear();
        }
        map.insert((owner.clone(), r.week), r);
    }
}
