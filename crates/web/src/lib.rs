//! Tandem's HTTP layer: the JSON API under `/api/v1`, the server-rendered pages, sign-in, and the
//! access layer every request passes through. `build_router` and `serve` are separate so that
//! tests can bind port 0 and drive the real router.
#![forbid(unsafe_code)]

mod actions;
pub mod api;
pub mod app_error;
pub mod auth;
pub mod charts;
mod config;
pub mod cookies;
pub mod directory;
pub mod error;
pub mod ew;
pub mod extract;
pub mod headers;
pub mod i18n;
pub mod index;
pub mod invitations;
pub mod knowledge;
pub mod letters;
mod metrics;
#[cfg(test)]
mod module_graph;
pub mod monitoring;
pub mod next;
pub mod observatory;
mod ops;
pub mod pages;
pub mod password;
pub mod protection;
pub mod registry;
pub mod session;
mod state;
mod templates;
pub mod wheel;

pub use config::{WebConfig, DEFAULT_MAX_EVIDENCE_BYTES, DEFAULT_MAX_SUBMISSION_BYTES};
pub use state::AppState;

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::response::IntoResponse;
use axum::Router;
use tokio::net::TcpListener;

/// The whole application: API, pages, operations endpoints and the middleware they share.
pub fn build_router(state: AppState) -> Router {
    Router::new()
        .nest("/api/v1", api::router())
        .merge(pages::router())
        .merge(ops::router())
        .merge(api::openrosa::router(state.config.max_submission_bytes))
        .fallback(pages::error::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ops::track))
        .layer(DefaultBodyLimit::max(1024 * 1024))
        .layer(catch_panics())
        .with_state(state)
}

/// A panic is a bug, but the caller still gets an answer (a JSON 500, logged) rather than a
/// dropped connection, and the other requests on the connection are unaffected.
fn catch_panics() -> tower_http::catch_panic::CatchPanicLayer<
    impl Fn(Box<dyn std::any::Any + Send>) -> axum::response::Response + Clone,
> {
    tower_http::catch_panic::CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
        error::ApiError::Internal("a request handler panicked".into()).into_response()
    })
}

/// `/metrics` alone, to serve on an address of its own (`TANDEM_METRICS_ADDR`).
pub fn metrics_router(state: AppState) -> Router {
    ops::metrics_only(state)
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on SIGTERM or Ctrl-C, for graceful shutdown in production.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
    // Give the sweep a bound: a hung client must not hold the process forever.
    tokio::spawn(async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        tracing::warn!("in-flight requests did not finish within 30 s; exiting");
        std::process::exit(0);
    });
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panicking_handler_answers_a_json_500() {
        async fn boom() -> &'static str {
            panic!("a bug")
        }
        let app = axum::Router::new().route("/boom", axum::routing::get(boom)).layer(super::catch_panics());
        let r = app.oneshot(Request::get("/boom").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(r.status(), 500);
        let body = axum::body::to_bytes(r.into_body(), 4096).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["error"]["code"], "internal");
        assert!(!v["error"]["message"].as_str().unwrap().contains("a bug"), "panic text stays in the log");
    }

    /// In process, so that the server's early answer cannot race the client still sending (over
    /// a socket the client may see the connection closed before it reads the 413).
    #[tokio::test]
    async fn a_raw_body_over_its_limit_is_refused_as_json() {
        async fn take(crate::error::ApiBody(b): crate::error::ApiBody) -> String {
            b.len().to_string()
        }
        let app = axum::Router::new()
            .route("/file", axum::routing::post(take))
            .layer(axum::extract::DefaultBodyLimit::max(1024));
        let r = app
            .clone()
            .oneshot(Request::post("/file").body(Body::from(vec![b'x'; 1000])).unwrap())
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r =
            app.oneshot(Request::post("/file").body(Body::from(vec![b'x'; 2000])).unwrap()).await.unwrap();
        assert_eq!(r.status(), 413);
        let body = axum::body::to_bytes(r.into_body(), 4096).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["error"]["code"], "payload_too_large");
    }
}
