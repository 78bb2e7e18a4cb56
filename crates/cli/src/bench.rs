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
    /// From an event-data CSV to the full set of weekly EARS alarms per area and category, in
    /// memory, timed: the analytics benchmark (bench/analytics.sh). Areas come from the database
    /// given by --database-url.
    Analytics {
        file: std::path::PathBuf,
        /// acled or ucdp.
        #[arg(long, default_value = "acled")]
        format: String,
        /// Parse and count on both cores, straight into the weekly count cube (the bulk path);
        /// without it, through the importer's per-row parser and the general engine.
        #[arg(long)]
        fast: bool,
    },
}

pub async fn run(cmd: BenchCommand, settings: &crate::settings::Settings) -> anyhow::Result<()> {
    let addr = match cmd {
        BenchCommand::Ceiling { addr } => addr,
        BenchCommand::Analytics { file, format, fast: false } => {
            return analytics(&file, &format, settings).await
        }
        BenchCommand::Analytics { file, fast: true, .. } => return crate::scan::run(&file, settings).await,
    };
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

/// Reads, parses and evaluates; prints the seconds of each phase and the alarm counts, so the
/// script can compare them with DuckDB's.
async fn analytics(
    file: &std::path::Path,
    format: &str,
    settings: &crate::settings::Settings,
) -> anyhow::Result<()> {
    use std::time::Instant;
    use tandem_domain::alert_engine::{evaluate, AlertMethod, AreaTree, Obs, Scope};
    use tandem_domain::week::Week;

    let store = crate::open_store(&settings.database_url).await?;
    let cfg = tandem_web::ew::config::load(store.as_ref(), &settings.trusted_channels)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let t0 = Instant::now();
    let data = std::fs::read(file)?;
    let t1 = Instant::now();
    let format = format.parse().map_err(|e| anyhow::anyhow!("--format: {e}"))?;
    let events = tandem_web::ew::events::parse_events(&data, format, &cfg, chrono::Utc::now())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let obs: Vec<Obs> = events
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| Obs {
            report_id: i.to_string(),
            area: r.area.to_string(),
            category: r.category.as_str().to_owned(),
            week: Week::of(r.occurred_at),
            severity: r.severity.get(),
            verified: true,
            channel: tandem_domain::report::Channel::Web,
        })
        .collect();
    let t2 = Instant::now();
    // Per area as recorded, without roll-up: the same series the DuckDB query computes.
    let flat = AreaTree::new(cfg.areas.keys().map(|k| (k.clone(), None)));
    let start = obs.iter().map(|o| o.week).min().unwrap_or(Week(0));
    let mut engine = cfg.engine.clone();
    engine.threshold.clear();
    for c in &cfg.categories {
        engine.threshold.insert(c.slug.clone(), 5);
    }
    let candidates = evaluate(&flat, &obs, start, Scope::All, &engine);
    let t3 = Instant::now();
    let count = |m| candidates.iter().filter(|c| c.method == m).count();
    println!(
        "tandem seconds {:.3} (read {:.3}, parse {:.3}, evaluate {:.3}) events {} c1 {} c2 {} c3 {}",
        (t3 - t0).as_secs_f64(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t3 - t2).as_secs_f64(),
        obs.len(),
        count(AlertMethod::C1),
        count(AlertMethod::C2),
        count(AlertMethod::C3)
    );
    Ok(())
}
