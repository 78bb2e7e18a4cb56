//! The `tandem` command line: settings, choice of storage backend, and the subcommands. Kept in a
//! library so that tests can call the same code the binary runs.
#![forbid(unsafe_code)]

mod admin;
mod alerts;
mod audit;
mod backup;
mod bench;
pub mod demo;
mod demo_ew;
mod demo_forums;
mod demo_index;
mod demo_observatory;
mod demo_protection;
mod demo_registry;
mod demo_surveys;
mod export;
mod import;
mod index;
mod keys;
mod progress;
mod scan;
pub mod settings;
mod survey;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use tandem_store::Store;

use settings::{GlobalArgs, Settings};

#[derive(Parser)]
#[command(
    name = "tandem",
    version,
    about = "Tandem: civil society, communities, police and local government working on human security together.",
    long_about = "Tandem: civil society, communities, police and local government working on human \
security together, each keeping its independence.\n\n\
Start with `tandem demo` to try it with sample data. For a real deployment: `tandem migrate`, \
`tandem admin create-org`, `tandem admin create-user`, then `tandem serve`.\n\n\
Settings come from (lowest to highest): built-in defaults, a TOML file (--config), TANDEM_* \
environment variables, then flags."
)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface and JSON API (runs pending migrations first).
    Serve {
        /// Address to listen on, e.g. 0.0.0.0:8080.
        #[arg(long, env = "TANDEM_ADDR")]
        addr: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a fresh database with a realistic, fictional demo dataset and serve it.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Create the demo data and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Administer organisations and accounts.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Import areas (GeoJSON) or reports (CSV/HXL).
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Run the alert engine.
    #[command(subcommand)]
    Alerts(alerts::AlertsCommand),
    /// Export all of an organisation's own data: JSON lines and one CSV file per kind. Reporter
    /// contacts and the protected-names list stay in Tandem (see docs/protection.md).
    Export {
        /// The organisation's id.
        #[arg(long)]
        org: String,
        /// Directory to write into (created if missing).
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// The prevention index: methodology, inputs, editions.
    #[command(subcommand)]
    Index(index::IndexCommand),
    /// Perception surveys: import an export, print estimates.
    #[command(subcommand)]
    Survey(survey::SurveyCommand),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Benchmark helpers (see docs/benchmarks.md).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Copy the database while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump) to a
    /// new file. The key file is not included: keep it elsewhere (docs/operations.md).
    Backup {
        /// The file to write (must not exist).
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Restore a backup into the configured database and migrate it forward; refuses a backup
    /// of a newer Tandem, and a database that already holds data unless --force.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Replace a database that already holds organisations.
        #[arg(long)]
        force: bool,
    },
}

/// Runs the command line in this process and turns errors into a message and exit code 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(&cli.global) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    settings::init_logging(&settings);
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli.command, settings)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, mut settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { addr } => {
            if let Some(a) = addr {
                settings.addr = a;
            }
            let store = open_store(&settings.database_url).await?;
            store.migrate().await?;
            serve(store, &settings).await?;
        }
        Command::Migrate => {
            let store = open_store(&settings.database_url).await?;
            store.migrate().await?;
            println!("migrations applied ({})", store.backend());
        }
        Command::Demo { addr, no_serve } => {
            settings.addr = addr;
            demo::run(&mut settings, !no_serve).await?;
        }
        Command::Admin(cmd) => admin::run(cmd, &settings).await?,
        Command::Audit(cmd) => return audit::run(cmd, &settings).await,
        Command::Import(cmd) => import::run(cmd, &settings).await?,
        Command::Index(cmd) => index::run(cmd, &settings).await?,
        Command::Survey(cmd) => survey::run(cmd, &settings).await?,
        Command::Alerts(cmd) => alerts::run(cmd, &settings).await?,
        Command::Export { org, out } => export::run(&settings, &org, &out).await?,
        Command::Bench(cmd) => bench::run(cmd, &settings).await?,
        Command::Backup { out } => backup::backup(&settings, &out).await?,
        Command::Restore { from, force } => backup::restore(&settings, &from, force).await?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the backend named by the URL's scheme; anything else is refused with a clear message.
pub async fn open_store(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    let scheme = url.split(':').next().unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Arc::new(
            tandem_store_sql::SqliteStore::connect(url)
                .await
                .with_context(|| format!("cannot open SQLite database {}", settings::redact(url)))?,
        )),
        "postgres" | "postgresql" => Ok(Arc::new(
            tandem_store_sql::PgStore::connect(url)
                .await
                .with_context(|| format!("cannot connect to PostgreSQL at {}", settings::redact(url)))?,
        )),
        _ => bail!(
            "unsupported database URL scheme {scheme:?}: TANDEM_DATABASE_URL must start with \
             sqlite:// (e.g. sqlite://tandem.db) or postgres:// (e.g. postgres://user@host/tandem)"
        ),
    }
}

/// Serves until SIGTERM or Ctrl-C. Before listening, seals any reporter contact still in plain
/// text (written before encryption existed); while serving, applies retention once a day.
pub async fn serve(store: Arc<dyn Store>, settings: &Settings) -> anyhow::Result<()> {
    let keys = keys::load(settings)?;
    let pass = tandem_web::protection::secrets::reseal(store.as_ref(), &keys, false, |_| {})
        .await
        .map_err(|e| anyhow::anyhow!("sealing stored contacts: {e}"))?;
    if pass.sealed > 0 {
        tracing::info!(sealed = pass.sealed, "sealed contacts stored before encryption existed");
    }
    // The case studies Tandem ships, into a database that lacks them (a new one, or after an
    // upgrade that ships more).
    let seeded = tandem_web::knowledge::seed(store.as_ref())
        .await
        .map_err(|e| anyhow::anyhow!("knowledge bank: {e}"))?;
    if seeded > 0 {
        tracing::info!(seeded, "case studies added to the knowledge bank");
    }
    let purger = tandem_web::protection::retention::schedule(store.clone());
    let listener = tokio::net::TcpListener::bind(&settings.addr)
        .await
        .with_context(|| format!("cannot listen on {}", settings.addr))?;
    let local = listener.local_addr()?;
    let mut config = settings.web_config();
    config.public_url.get_or_insert_with(|| format!("http://{local}"));
    let state = tandem_web::AppState::new(store, config, keys).map_err(anyhow::Error::msg)?;
    tracing::info!(addr = %local, "Tandem is listening");
    println!("Tandem is listening on http://{local}");
    let metrics = match &settings.metrics_addr {
        Some(addr) => {
            let l = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("cannot listen on {addr} for metrics"))?;
            // Logged, not printed: scripts read the first line of standard output for the URL and
            // may close it.
            tracing::info!(addr = %l.local_addr()?, "metrics are served at /metrics");
            let router = tandem_web::metrics_router(state.clone());
            Some(tokio::spawn(async move { tandem_web::serve(l, router, std::future::pending()).await }))
        }
        None => None,
    };
    tandem_web::serve(listener, tandem_web::build_router(state.clone()), tandem_web::shutdown_signal())
        .await?;
    // Let the alert worker finish what was queued before the process ends (bounded: a full
    // `tandem alerts run` repairs anything cut short).
    let _ = tokio::time::timeout(std::time::Duration::from_secs(20), state.alert_worker.flush()).await;
    purger.abort();
    if let Some(m) = metrics {
        m.abort();
    }
    Ok(())
}
