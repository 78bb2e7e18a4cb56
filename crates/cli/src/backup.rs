//! `tandem backup` and `tandem restore` (docs/operations.md). A backup is taken while the server
//! runs: SQLite's `VACUUM INTO` copies one consistent snapshot, every report acknowledged before
//! it began and none half-written; PostgreSQL's `pg_dump` does the same for its database. The
//! key file is never in a backup (it would put the reporters' contacts and the key that opens
//! them in one place): the command says where it is and that it must be kept elsewhere. A
//! restore refuses a backup written by a newer Tandem, and migrates an older one forward.
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};
use tandem_store::Database;

use crate::settings::{self, Settings};

/// The file of a `sqlite://PATH[?…]` URL.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// A PostgreSQL client program (`pg_dump`, `pg_restore`): on the PATH, or Debian's own.
fn pg_tool(name: &str) -> anyhow::Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    let debian = || {
        let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("bin").join(name))
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        found.pop()
    };
    on_path.or_else(debian).with_context(|| {
        format!("{name} is not installed: it comes with PostgreSQL's client (Debian: apt install postgresql-client)")
    })
}

fn key_warning(settings: &Settings) {
    eprintln!(
        "note: the key file {} is not in the backup. Keep a copy of it somewhere else (not beside the backup): \
         without it the reporters' contacts in the backup cannot be read, and with both together anyone can.",
        settings.key_file.display()
    );
}

/// Writes a backup of the configured database to `out` (which must not exist yet).
pub async fn backup(settings: &Settings, out: &Path) -> anyhow::Result<()> {
    if out.exists() {
        bail!("{} already exists: choose a new file for the backup", out.display());
    }
    let url = &settings.database_url;
    let store = crate::open_store(url).await?;
    let version = store.schema_version().await?;
    if is_postgres(url) {
        let status = Command::new(pg_tool("pg_dump")?)
            .args(["--format=custom", "--no-owner", "--file"])
            .arg(out)
            .arg(url)
            .status()
            .context("cannot run pg_dump")?;
        if !status.success() {
            let _ = std::fs::remove_file(out);
            bail!("pg_dump failed ({status}) for {}", settings::redact(url));
        }
    } else {
        let path = out.to_str().context("the backup's path must be valid UTF-8")?;
        store.snapshot_into(path).await.context("cannot write the backup")?;
    }
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!("backup written to {} ({} bytes, schema {version}, {})", out.display(), size, store.backend());
    key_warning(settings);
    Ok(())
}

/// Whether the configured database already holds an organisation.
async fn holds_data(url: &str) -> anyhow::Result<bool> {
    let store = crate::open_store(url).await?;
    if store.schema_version().await? == 0 {
        return Ok(false);
    }
    Ok(!store.list_orgs().await?.is_empty())
}

/// Restores `from` into the configured database, then migrates it to this build's schema.
/// Refuses a database that already holds data unless `force`, and a backup of a newer schema.
pub async fn restore(settings: &Settings, from: &Path, force: bool) -> anyhow::Result<()> {
    if !from.is_file() {
        bail!("{} is not a file", from.display());
    }
    let url = &settings.database_url;
    if !force && holds_data(url).await? {
        bail!(
            "{} already holds organisations: restoring would replace them. Point TANDEM_DATABASE_URL at a new \
             database, or pass --force",
            settings::redact(url)
        );
    }
    let known = {
        let store = crate::open_store(url).await?;
        store.known_schema_version()
    };
    let before = if is_postgres(url) {
        let status = Command::new(pg_tool("pg_restore")?)
            .args([
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
            ])
            .arg(url)
            .arg(from)
            .status()
            .context("cannot run pg_restore")?;
        if !status.success() {
            bail!(
                "pg_restore failed ({status}): {} is not a backup of a Tandem PostgreSQL database",
                from.display()
            );
        }
        let version = crate::open_store(url).await?.schema_version().await?;
        if version > known {
            bail!(
                "the backup was written by a newer Tandem (schema {version}; this one knows up to {known}); \
                 it is restored but not migrated: run the newer Tandem on it"
            );
        }
        version
    } else {
        let target =
            sqlite_file(url).context("restore needs a database file: TANDEM_DATABASE_URL=sqlite://PATH")?;
        // Copied to a temporary file beside the target and checked there, then renamed over it:
        // a restore refused or cut short leaves the old database, never half of each.
        let tmp = target.with_extension("restoring");
        let sidecars = |p: &Path| {
            for side in ["-wal", "-shm"] {
                let mut s = p.to_path_buf().into_os_string();
                s.push(side);
                let _ = std::fs::remove_file(PathBuf::from(s));
            }
        };
        std::fs::copy(from, &tmp)
            .with_context(|| format!("cannot copy {} to {}", from.display(), tmp.display()))?;
        let checked = async {
            let copy = tandem_store_sql::SqliteStore::connect(&format!("sqlite://{}", tmp.display()))
                .await
                .with_context(|| format!("{} is not an SQLite database", from.display()))?;
            let version = copy
                .schema_version()
                .await
                .with_context(|| format!("{} is not a Tandem backup", from.display()))?;
            copy.pool().close().await;
            anyhow::Ok(version)
        }
        .await;
        let version = match checked {
            Ok(0) => Err(anyhow::anyhow!("{} is not a Tandem backup (it has no schema)", from.display())),
            Ok(v) if v > known => Err(anyhow::anyhow!(
                "the backup was written by a newer Tandem (schema {v}; this one knows up to {known}): restore it \
                 with that version"
            )),
            other => other,
        };
        let version = match version {
            Ok(v) => v,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                sidecars(&tmp);
                return Err(e);
            }
        };
        sidecars(&tmp);
        sidecars(&target);
        std::fs::rename(&tmp, &target).with_context(|| format!("cannot replace {}", target.display()))?;
        version
    };
    let store = crate::open_store(url).await?;
    store.migrate().await?;
    let after = store.schema_version().await?;
    println!("restored {} into {} (schema {before} → {after})", from.display(), settings::redact(url));
    key_warning(settings);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sqlite_url_names_its_file() {
        assert_eq!(sqlite_file("sqlite://tandem.db"), Some(PathBuf::from("tandem.db")));
        assert_eq!(sqlite_file("sqlite:///var/lib/t.db?mode=rwc"), Some(PathBuf::from("/var/lib/t.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x/y"), None);
    }
}
