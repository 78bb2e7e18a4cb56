//! Throttling of failed sign-ins: after too many failures for one key (an account or an address)
//! within a window, further attempts are refused until the oldest failure leaves the window.
//! Pure: the caller passes the clock, so tests need not sleep.
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Throttle {
    max_failures: usize,
    window: Duration,
    failures: HashMap<String, VecDeque<Instant>>,
}

impl Throttle {
    const SWEEP_AT: usize = 10_000;

    pub fn new(max_failures: usize, window: Duration) -> Self {
        Self { max_failures, window, failures: HashMap::new() }
    }

    fn prune(&mut self, key: &str, now: Instant) {
        let window = self.window;
        if let Some(q) = self.failures.get_mut(key) {
            while q.front().is_some_and(|t| now.saturating_duration_since(*t) >= window) {
                q.pop_front();
            }
            if q.is_empty() {
                self.failures.remove(key);
            }
        }
    }

    /// How long the caller must wait before trying `key` again; None when allowed now.
    pub fn blocked_for(&mut self, key: &str, now: Instant) -> Option<Duration> {
        self.prune(key, now);
        let q = self.failures.get(key)?;
        if q.len() < self.max_failures {
            return None;
        }
        let oldest = *q.front()?;
        Some(self.window.saturating_sub(now.saturating_duration_since(oldest)))
    }

    pub fn record_failure(&mut self, key: &str, now: Instant) {
        // Many distinct keys (an attacker cycling addresses or e-mails) must not grow memory
        // without bound: drop the expired ones once the map is large.
        if self.failures.len() >= Self::SWEEP_AT {
            self.sweep(now);
        }
        self.prune(key, now);
        let q = self.failures.entry(key.to_owned()).or_default();
        q.push_back(now);
        // Keep memory bounded however hard someone hammers one key.
        while q.len() > self.max_failures {
            q.pop_front();
        }
    }

    pub fn clear(&mut self, key: &str) {
        self.failures.remove(key);
    }

    /// Drops keys whose failures have all expired; call now and then to bound memory.
    pub fn sweep(&mut self, now: Instant) {
        let window = self.window;
        self.failures.retain(|_, q| q.back().is_some_and(|t| now.saturating_duration_since(*t) < window));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_max_failures_then_releases() {
        let t0 = Instant::now();
        let mut th = Throttle::new(3, Duration::from_secs(60));
        for i in 0..3 {
            assert!(th.blocked_for("a@x.org", t0).is_none(), "attempt {i}");
            th.record_failure("a@x.org", t0 + Duration::from_secs(i));
        }
        let wait = th.blocked_for("a@x.org", t0 + Duration::from_secs(10)).unwrap();
        assert_eq!(wait, Duration::from_secs(50));
        assert!(th.blocked_for("b@x.org", t0).is_none(), "other keys are not affected");
        assert!(th.blocked_for("a@x.org", t0 + Duration::from_secs(61)).is_none());
    }

    #[test]
    fn clear_and_sweep() {
        let t0 = Instant::now();
        let mut th = Throttle::new(1, Duration::from_secs(60));
        th.record_failure("k", t0);
        assert!(th.blocked_for("k", t0).is_some());
        th.clear("k");
        assert!(th.blocked_for("k", t0).is_none());
        th.record_failure("k", t0);
        th.sweep(t0 + Duration::from_secs(120));
        assert!(th.failures.is_empty());
    }
}
