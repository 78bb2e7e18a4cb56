//! `tandem bench …`: helpers for the load benchmarks under `bench/`. `ceiling` serves a minimal
//! axum handler that answers like `GET /api/v1/me` without any work, so that a benchmark can
//! report Tandem's throughput as a share of what axum itself does on the same machine and run.
use axum::routing::get;
use axum::{Json, Router};
use clap::Subcommand;
use serde_json::json;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Serve the minimal-handler baseline on ADDR until interrupted.
    Ceiling {
        #[arg(long, default_value = "127.0.0.1:8089")]
        addr: String,
    },
}

pub async fn run(cmd: BenchCommand) -> anyhow::Result<()> {
    let BenchCommand::Ceiling { addr } = cmd;
    let app = Router::new().route(
        "/api/v1/me",
        get(|| async {
            Json(json!({
                "user": { "id": "00000000-0000-4000-8000-000000000000", "email": "ceiling@bench.example" },
                "org": { "id": "00000000-0000-4000-8000-000000000001", "name": "Ceiling", "kind": "civil_society" },
                "role": "member",
            }))
        }),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("ceiling listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).with_graceful_shutdown(tandem_web::shutdown_signal()).await?;
    Ok(())
}
