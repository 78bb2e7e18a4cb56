//! `tandem alerts run`: the alert engine in full, for one organisation or all. The same function
//! the server runs incrementally on each report, so the results agree.
use clap::Subcommand;
use tandem_domain::OrgId;

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum AlertsCommand {
    /// Re-evaluate every alert (EARS C1/C2/C3 and thresholds) from the stored reports.
    Run {
        /// Only this organisation (default: all).
        #[arg(long)]
        org: Option<String>,
    },
}

pub async fn run(cmd: AlertsCommand, settings: &Settings) -> anyhow::Result<()> {
    let AlertsCommand::Run { org } = cmd;
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    let orgs: Vec<OrgId> = match org {
        Some(o) => {
            vec![OrgId::parse(&o).map_err(|_| anyhow::anyhow!("--org: {o:?} is not an organisation id"))?]
        }
        None => store.list_orgs().await?.into_iter().map(|o| o.id).collect(),
    };
    let cfg = tandem_web::ew::config::load(store.as_ref(), &settings.trusted_channels)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let bar = crate::progress::bar(orgs.len() as u64, "evaluating");
    let (mut opened, mut updated, mut withdrawn) = (0, 0, 0);
    for o in &orgs {
        let r = tandem_web::ew::alerts::run_full(store.as_ref(), &cfg, o)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        opened += r.opened.len();
        updated += r.updated;
        withdrawn += r.withdrawn;
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "alerts run over {} organisations: {opened} opened, {updated} confirmed, {withdrawn} withdrawn",
        orgs.len()
    );
    Ok(())
}
