//! `tandem export --org ID --out DIR`: everything an organisation owns, as `tandem-export.jsonl`
//! and one CSV file per kind, with a progress bar (see `tandem_web::protection::export`).
use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};
use tandem_domain::OrgId;
use tandem_web::protection::export::{self, Cursor, Kind};

use crate::settings::Settings;

pub async fn run(settings: &Settings, org: &str, out: &Path) -> anyhow::Result<()> {
    let org = OrgId::parse(org).map_err(|_| anyhow::anyhow!("--org: {org:?} is not an organisation id"))?;
    let store = crate::open_store(&settings.database_url).await?;
    store.migrate().await?;
    if store.get_org(&org).await.is_err() {
        bail!("--org: no organisation has id {org}");
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let create = |name: &str| {
        let path = out.join(name);
        std::fs::File::create(&path)
            .map(std::io::BufWriter::new)
            .with_context(|| format!("cannot write {}", path.display()))
    };
    let mut jsonl = create("tandem-export.jsonl")?;
    let bar = crate::progress::bar(Kind::ALL.len() as u64, "exporting");
    let mut counts = Vec::new();
    for kind in Kind::ALL {
        let mut csv = create(&format!("{}.csv", kind.file()))?;
        let (mut cur, mut first, mut n) = (Cursor::default(), true, 0usize);
        loop {
            let rows = export::page(store.as_ref(), &org, kind, &mut cur)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            if rows.is_empty() && !first {
                break;
            }
            csv.write_all(&export::csv_rows(kind, &rows, first).map_err(|e| anyhow::anyhow!("{e}"))?)?;
            for r in &rows {
                jsonl.write_all(export::json_line(kind, r.clone()).as_bytes())?;
            }
            n += rows.len();
            first = false;
        }
        csv.flush()?;
        counts.push(format!("{n} {}", kind.file()));
        bar.inc(1);
    }
    jsonl.flush()?;
    bar.finish_and_clear();
    store
        .append_audit(
            tandem_domain::audit::NewAuditEvent::new("org.export")
                .org(&org)
                .detail(serde_json::json!({ "what": "all", "via": "cli" })),
        )
        .await?;
    println!("exported {} to {}", counts.join(", "), out.display());
    Ok(())
}
