//! Request counts and latencies by route, kept in memory and rendered as Prometheus text.
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Series {
    by_status: BTreeMap<u16, u64>,
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// Request counts and latencies by (method, route template). Route templates, not raw paths, so
/// that ids in URLs cannot blow up the number of series.
#[derive(Default)]
pub struct Metrics(Mutex<BTreeMap<String, Series>>);

impl Metrics {
    /// Records one request under `key`, which is "METHOD route".
    pub fn observe(&self, key: String, status: u16, secs: f64) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let s = map.entry(key).or_default();
        *s.by_status.entry(status).or_default() += 1;
        s.count += 1;
        s.sum += secs;
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                s.buckets[i] += 1;
            }
        }
    }

    pub fn render(&self) -> String {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = String::new();
        out.push_str("# HELP tandem_http_requests_total HTTP requests by method, route and status.\n");
        out.push_str("# TYPE tandem_http_requests_total counter\n");
        for (key, s) in map.iter() {
            let (m, r) = key.split_once(' ').unwrap_or((key.as_str(), ""));
            for (status, n) in &s.by_status {
                let _ = writeln!(
                    out,
                    "tandem_http_requests_total{{method=\"{m}\",route=\"{r}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str(
            "# HELP tandem_http_request_duration_seconds HTTP request latency by method and route.\n",
        );
        out.push_str("# TYPE tandem_http_request_duration_seconds histogram\n");
        for (key, s) in map.iter() {
            let (m, r) = key.split_once(' ').unwrap_or((key.as_str(), ""));
            for (i, le) in BUCKETS.iter().enumerate() {
                let _ = writeln!(out, "tandem_http_request_duration_seconds_bucket{{method=\"{m}\",route=\"{r}\",le=\"{le}\"}} {}", s.buckets[i]);
            }
            let _ = writeln!(
                out,
                "tandem_http_request_duration_seconds_bucket{{method=\"{m}\",route=\"{r}\",le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "tandem_http_request_duration_seconds_sum{{method=\"{m}\",route=\"{r}\"}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "tandem_http_request_duration_seconds_count{{method=\"{m}\",route=\"{r}\"}} {}",
                s.count
            );
        }
        out
    }
}
