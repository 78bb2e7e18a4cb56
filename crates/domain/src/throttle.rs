//! Throttling of failed sign-ins: after too many failures for one key (an account tried from one
//! address, or an address) within a window, further attempts are refused until the oldest failure
//! leaves the window; failures against an account from everywhere only slow its sign-ins down
//! ([`slow_down`]), so that nobody can lock an owner out of their account (OWASP's advice).
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

    /// How many failures `key` has within the window (at most the throttle's maximum).
    pub fn failures(&mut self, key: &str, now: Instant) -> usize {
        self.prune(key, now);
        self.failures.get(key).map_or(0, VecDeque::len)
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

/// The wait before checking a password for an account that failed `failures` times within the
/// window, from any address: none for the first `free`, then 250 ms more for each, up to 2 s.
/// It slows a guesser spread over many addresses without ever refusing the owner.
pub fn slow_down(failures: usize, free: usize) -> Duration {
    let over = failures.saturating_sub(free) as u64;
    Duration::from_millis((over * 250).min(2_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_failures_slow_an_account_down_but_never_lock_it() {
        assert_eq!(slow_down(0, 10), Duration::ZERO);
        assert_eq!(slow_down(10, 10), Duration::ZERO);
        assert_eq!(slow_down(11, 10), Duration::from_millis(250));
        assert_eq!(slow_down(1_000, 10), Duration::from_secs(2), "capped");
        let t0 = Instant::now();
        let mut th = Throttle::new(50, Duration::from_secs(60));
        for i in 0..70 {
            th.record_failure("a@x.org", t0 + Duration::from_millis(i));
        }
        assert_eq!(th.failures("a@x.org", t0 + Duration::from_secs(1)), 50, "counted up to the maximum");
        assert_eq!(th.failures("a@x.org", t0 + Duration::from_secs(61)), 0, "and forgotten after the window");
    }

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
