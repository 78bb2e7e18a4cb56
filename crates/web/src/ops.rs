//! Operations: `/healthz`, Prometheus `/metrics` (request counts and latencies by route), the
//! stylesheet, and the middleware that measures every request and sets security headers.
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/static/style.css", get(stylesheet))
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=86400")],
        include_str!("../static/style.css"),
    )
        .into_response()
}

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
    fn observe(&self, key: String, status: u16, secs: f64) {
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

async fn metrics(State(state): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}

/// Measures each request, logs server errors and sets the security headers. Added with `Router::layer`, so it runs after routing
/// and sees the matched route template.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str()).unwrap_or("unmatched");
    let key = format!("{} {route}", req.method());
    let resp = next.run(req).await;
    let status = resp.status().as_u16();
    let secs = start.elapsed().as_secs_f64();
    if status >= 500 {
        tracing::error!(request = %key, status, "request failed");
    } else {
        tracing::debug!(request = %key, status, ms = secs * 1000.0, "request");
    }
    state.metrics.observe(key, status, secs);
    set_security_headers(&state, resp)
}

/// Headers that keep pages from being framed, sniffed or leaking where users came from, and a
/// content security policy that allows no inline script and nothing from other hosts.
/// (Set in the same middleware as the measurements: one layer fewer on every request.)
fn set_security_headers(state: &AppState, mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if state.config.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    resp
}
