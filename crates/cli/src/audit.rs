//! `tandem audit verify`: walks the hash chain and names the first broken event.
use std::process::ExitCode;

use clap::Subcommand;
use tandem_domain::audit::ChainVerifier;

use crate::settings::Settings;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check that no audit event was altered, removed or reordered. Exits 0 when the chain is
    /// intact, 1 naming the first broken event otherwise.
    Verify,
}

const PAGE: i64 = 5_000;

pub async fn run(cmd: AuditCommand, settings: &Settings) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify = cmd;
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    let head = store.audit_head().await?;
    let total = head.as_ref().map(|h| h.0).unwrap_or(0).max(0) as u64;
    let bar = crate::progress::bar(total, "verifying events");
    let mut v = ChainVerifier::new();
    let mut after = 0;
    loop {
        let page = store.audit_page(after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for ev in &page {
            if let Err(brk) = v.push(ev) {
                bar.finish_and_clear();
                eprintln!("audit log BROKEN: {brk}");
                println!("broken at event {}", brk.seq);
                return Ok(ExitCode::FAILURE);
            }
        }
        bar.inc(page.len() as u64);
    }
    bar.finish_and_clear();
    match v.finish(head) {
        Ok(n) => {
            println!("audit log intact: {n} events verified");
            Ok(ExitCode::SUCCESS)
        }
        Err(brk) => {
            eprintln!("audit log BROKEN: {brk}");
            println!("broken at event {}", brk.seq);
            Ok(ExitCode::FAILURE)
        }
    }
}
