//! `tandem import …`: areas from GeoJSON and reports from CSV/HXL. All-or-nothing: on any error
//! nothing is written and the message names the line (or feature) and the column (or property).
use std::path::PathBuf;

use anyhow::{bail, Context};
use chrono::Utc;
use clap::Subcommand;
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;
use tandem_web::ew::geojson_import::{parse_areas, GeoJsonOptions};
use tandem_web::ew::stream::{self, Progress};

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import areas from a GeoJSON FeatureCollection (Polygon/MultiPolygon features), e.g.
    /// `tandem import areas admin1.geojson --level admin1 --code-property ADM1_PCODE
    /// --name-property ADM1_EN --parent MR`.
    Areas {
        file: PathBuf,
        /// country, admin1, admin2 or locality.
        #[arg(long)]
        level: String,
        /// Property holding each feature's P-code.
        #[arg(long)]
        code_property: String,
        /// Property holding each feature's name.
        #[arg(long)]
        name_property: String,
        /// Property holding each feature's parent P-code.
        #[arg(long)]
        parent_property: Option<String>,
        /// One parent P-code for every feature (instead of --parent-property).
        #[arg(long)]
        parent: Option<String>,
        /// Simplification tolerance in degrees (0.001 is about 100 m).
        #[arg(long, default_value_t = 0.001)]
        tolerance: f64,
    },
    /// Import reports for an organisation from CSV; HXL hashtag rows (#date, #adm1+code,
    /// #adm2+code, #category, #severity, #description) are recognised.
    Reports {
        /// The owning organisation's id.
        #[arg(long)]
        org: String,
        file: PathBuf,
    },
    /// Import violations for an organisation from CSV: the HXL CSV of a violation export, or a
    /// header row of the API's field names. They come in documented, to be verified.
    Violations {
        /// The owning organisation's id.
        #[arg(long)]
        org: String,
        file: PathBuf,
    },
    /// Import ACLED- or UCDP GED-style event data as context for the alert engine (column
    /// mapping: docs/event-data.md).
    Events {
        /// The importing organisation's id.
        #[arg(long)]
        org: String,
        /// acled or ucdp.
        #[arg(long)]
        format: String,
        file: PathBuf,
    },
}

/// What an import's alert run changed, in one line: the alerts opened by each method, those
/// updated and those withdrawn.
fn alerts_summary(r: &tandem_store::Reconciled) -> String {
    if r.opened.is_empty() && r.updated == 0 && r.withdrawn == 0 {
        return "alerts: none opened, updated or withdrawn".to_owned();
    }
    let by: Vec<String> = r.opened_by_method.iter().map(|(m, n)| format!("{m} {n}")).collect();
    let by = if by.is_empty() { String::new() } else { format!(" ({})", by.join(", ")) };
    format!("alerts: {} opened{by}, {} updated, {} withdrawn", r.opened.len(), r.updated, r.withdrawn)
}

/// The `--org` argument: an organisation that exists.
pub(crate) async fn org_arg(store: &dyn tandem_store::Store, raw: &str) -> anyhow::Result<OrgId> {
    let org = OrgId::parse(raw).map_err(|_| anyhow::anyhow!("--org: {raw:?} is not an organisation id"))?;
    if store.get_org(&org).await.is_err() {
        bail!("--org: no organisation has id {org}");
    }
    Ok(org)
}

pub async fn run(cmd: ImportCommand, settings: &Settings) -> anyhow::Result<()> {
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    match cmd {
        ImportCommand::Areas {
            file,
            level,
            code_property,
            name_property,
            parent_property,
            parent,
            tolerance,
        } => {
            let data = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let level = level
                .parse()
                .map_err(|e: tandem_domain::InvalidInput| anyhow::anyhow!("--level: {}", e.message))?;
            let opts = GeoJsonOptions {
                level,
                code_property: &code_property,
                name_property: &name_property,
                parent_property: parent_property.as_deref(),
                parent: parent.as_deref(),
                tolerance,
            };
            let areas = parse_areas(&data, &opts).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let ev = NewAuditEvent::new("areas.import")
                .detail(json!({ "file": file.display().to_string(), "count": areas.len() }));
            let n = store.create_areas(&areas, ev).await.map_err(|e| match e {
                tandem_store::StoreError::NotFound => anyhow::anyhow!(
                    "{}: a parent area does not exist; import the level above first",
                    file.display()
                ),
                tandem_store::StoreError::Conflict(m) => {
                    anyhow::anyhow!("{}: {m}; nothing was imported", file.display())
                }
                e => e.into(),
            })?;
            println!("imported {n} areas ({level}) from {}", file.display());
        }
        ImportCommand::Reports { org, file } => {
            let org = org_arg(store.as_ref(), &org).await?;
            let data = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let cfg = tandem_web::ew::config::load(store.as_ref(), &settings.trusted_channels)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let keys = crate::keys::load(settings)?;
            let sealer = tandem_web::ew::reports::Sealer { keys: &keys, org: &org };
            let reports = tandem_web::ew::csv_import::parse_reports(&data, &cfg, None, Utc::now(), sealer)
                .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
            // One transaction for all: a failure half-way leaves nothing behind.
            let (stored, changed) =
                tandem_web::ew::reports::file_counted(store.as_ref(), &cfg, &org, &reports)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            let stored = stored.len();
            store
                .append_audit(NewAuditEvent::new("reports.import").org(&org).detail(json!({
                    "count": stored, "alerts_opened": changed.opened_by_method,
                })))
                .await?;
            println!("imported {stored} reports from {}", file.display());
            println!("{}", alerts_summary(&changed));
        }
        ImportCommand::Violations { org, file } => {
            let org = org_arg(store.as_ref(), &org).await?;
            let data = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let cfg = tandem_web::ew::config::load(store.as_ref(), &settings.trusted_channels)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let acts: Vec<String> = store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
            let keys = crate::keys::load(settings)?;
            let list =
                tandem_web::observatory::import::parse_violations(&data, &cfg, &acts, &org, None, &keys)
                    .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
            let ev = NewAuditEvent::new("violations.import").org(&org).detail(json!({ "count": list.len() }));
            let n = store.create_violations(&org, &list, ev).await?;
            println!(
                "imported {n} violations from {} (documented: a coordinator verifies each)",
                file.display()
            );
        }
        ImportCommand::Events { org, format, file } => {
            let org = org_arg(store.as_ref(), &org).await?;
            let format = format.parse().map_err(|e| anyhow::anyhow!("--format: {e}"))?;
            let input =
                std::fs::File::open(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let size = input.metadata().map(|m| m.len()).unwrap_or(0);
            let cfg = tandem_web::ew::config::load(store.as_ref(), &settings.trusted_channels)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let parser = tandem_web::ew::events::EventParser::new(format, &cfg, Utc::now());
            let progress = std::sync::Arc::<Progress>::default();
            let (bar, tick) = crate::progress::reading(size, progress.clone());
            let input = std::io::BufReader::with_capacity(1 << 20, input);
            let done = stream::import(store.as_ref(), &cfg, &org, input, parser, progress).await;
            tick.abort();
            bar.finish_and_clear();
            let done = done.map_err(|e| match e {
                stream::StreamError::Bad(e) => {
                    anyhow::anyhow!("{}: {e}; nothing was imported", file.display())
                }
                stream::StreamError::App(e) => anyhow::anyhow!("{e}; nothing was imported"),
            })?;
            store
                .append_audit(NewAuditEvent::new("events.import").org(&org).detail(json!({
                    "count": done.stored, "skipped": done.skipped, "alerts_opened": done.alerts.opened_by_method,
                })))
                .await?;
            println!(
                "imported {} events from {} ({} skipped: event types that are not violence or tension)",
                done.stored,
                file.display(),
                done.skipped
            );
            println!("{}", alerts_summary(&done.alerts));
        }
    }
    Ok(())
}
