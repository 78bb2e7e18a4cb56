//! `tandem survey …`: perception surveys from the command line. Import a KoboToolbox or ODK
//! Central CSV export into a survey (all or nothing; an error names the line and column), and
//! print a question's estimates overall and by a column, as the API computes them.
use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use tandem_web::app_error::AppError;
use tandem_web::monitoring::surveys::{self, Question};

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum SurveyCommand {
    /// List an organisation's surveys with their design columns and responses.
    List {
        #[arg(long)]
        org: String,
    },
    /// Import the responses of a CSV export (comma or semicolon separated) into a survey.
    Import {
        #[arg(long)]
        org: String,
        /// The survey's id (create it on its page or with POST /api/v1/surveys).
        #[arg(long)]
        survey: String,
        file: PathBuf,
    },
    /// Print the weighted share that gave VALUE to QUESTION, with its 95% interval.
    Estimate {
        #[arg(long)]
        org: String,
        #[arg(long)]
        survey: String,
        #[arg(long)]
        question: String,
        #[arg(long)]
        value: String,
        /// A column to estimate by (gender, age band).
        #[arg(long)]
        by: Option<String>,
        /// logit (the default) or beta.
        #[arg(long)]
        method: Option<String>,
        /// Print JSON, as the API answers, instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// An application error as a command-line message: the field at fault named.
fn said(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(i) => anyhow::anyhow!("{}: {}", i.field, i.message),
        AppError::NotFound => anyhow::anyhow!("--survey: this organisation has no such survey"),
        e => anyhow::anyhow!("{e}"),
    }
}

pub async fn run(cmd: SurveyCommand, settings: &Settings) -> anyhow::Result<()> {
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    match cmd {
        SurveyCommand::List { org } => {
            let org = crate::import::org_arg(store.as_ref(), &org).await?;
            for s in store.list_surveys(&org).await? {
                println!(
                    "{}  {}  weight={} strata={} cluster={}  {} responses",
                    s.id,
                    s.title,
                    s.weight,
                    s.strata.as_deref().unwrap_or("-"),
                    s.cluster.as_deref().unwrap_or("-"),
                    s.responses
                );
            }
        }
        SurveyCommand::Import { org, survey, file } => {
            let org = crate::import::org_arg(store.as_ref(), &org).await?;
            let data = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let added = surveys::import(store.as_ref(), &org, None, &survey, &data)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), said(e)))?;
            println!(
                "imported {} responses from {} ({} imported before, left out)",
                added.imported,
                file.display(),
                added.already_present
            );
        }
        SurveyCommand::Estimate { org, survey, question, value, by, method, json } => {
            let org = crate::import::org_arg(store.as_ref(), &org).await?;
            let q = Question { question, value, by, method };
            let est = surveys::estimate(store.as_ref(), &org, &survey, &q).await.map_err(said)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&est)?);
                return Ok(());
            }
            println!(
                "{} = {} ({}):",
                est.question,
                est.value,
                est.estimates.first().map_or("", |e| e.method.as_str())
            );
            println!(
                "{:<16} {:>10} {:>8} {:>17} {:>7} {:>8} {:>6}",
                "group", "share", "se", "95% interval", "n", "eff. n", "deff"
            );
            let num = |v: Option<f64>, scale: f64, digits: usize| {
                v.map_or_else(|| "-".to_owned(), |v| format!("{:.*}", digits, v * scale))
            };
            for e in &est.estimates {
                let interval = format!("{}% – {}%", num(e.ci_low, 100.0, 1), num(e.ci_high, 100.0, 1));
                println!(
                    "{:<16} {:>9.1}% {:>7.1}% {:>17} {:>7} {:>8} {:>6}{}",
                    e.group,
                    100.0 * e.proportion,
                    100.0 * e.se,
                    interval,
                    e.n,
                    num(e.effective_n, 1.0, 1),
                    num(e.design_effect, 1.0, 2),
                    if e.small { "  (small sample: read with care)" } else { "" }
                );
            }
        }
    }
    Ok(())
}
