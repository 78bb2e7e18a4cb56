//! Operations: `/healthz`, Prometheus `/metrics` (request counts and latencies by route), the
//! stylesheet, and the middleware that measures every request and sets security headers.
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

/// `/metrics` on the main address: only with the configured bearer token, and not at all
/// without one (request counts by route tell an onlooker who is busy with what).
async fn metrics(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let Some(token) = &state.config.metrics_token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let expected = secrecy::ExposeSecret::expose_secret(token);
    if !crate::password::constant_eq(given, expected) {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    prometheus_text(&state)
}

fn prometheus_text(state: &AppState) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}

/// `/metrics` alone, for an address of its own (a private interface, or localhost beside the
/// Prometheus that scrapes it): no token.
pub fn metrics_only(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(|State(state): State<AppState>| async move { prometheus_text(&state) }))
        .with_state(state)
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
