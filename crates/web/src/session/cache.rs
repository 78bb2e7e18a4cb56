//! The cache of resolved sessions the middleware keeps (see [`SessionCache`]).
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use tandem_store::Principal;

/// A short-lived cache of resolved sessions, so that a busy API client does not cost a database
/// round trip per request. Entries live at most [`CACHE_TTL`]; sign-out and membership changes in
/// this process clear them at once (another process sees the change within the TTL).
#[derive(Default)]
pub struct SessionCache(Mutex<HashMap<String, (Arc<Principal>, Instant)>>);
const CACHE_TTL: Duration = Duration::from_secs(2);
const CACHE_MAX: usize = 50_000;

impl SessionCache {
    pub fn get(&self, hash: &str) -> Option<Arc<Principal>> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let (p, at) = map.get(hash)?;
        (at.elapsed() < CACHE_TTL && p.expires_at > Utc::now()).then(|| p.clone())
    }
    pub fn put(&self, hash: String, p: Arc<Principal>) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= CACHE_MAX {
            map.clear();
        }
        map.insert(hash, (p, Instant::now()));
    }
    pub fn forget(&self, hash: &str) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).remove(hash);
    }
    pub fn forget_all(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
