//! The key file that seals reporter contacts and protected names: created by `tandem admin
//! init-key`, read by every command that handles them, rotated by `tandem admin rotate-key`.
//! It never goes into the database; it is written with owner-only permissions, and replaced
//! atomically (a crash mid-rotation leaves the old file or the new one, never half of one).
use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context};
use tandem_domain::seal::Keyring;

use crate::settings::Settings;

/// A key id prefix: the day the key was made.
pub fn today() -> String {
    chrono::Utc::now().format("%Y%m%d").to_string()
}

pub fn read(path: &Path) -> anyhow::Result<Keyring> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read key file {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                tracing::warn!(path = %path.display(), "the key file is readable by other users; chmod 600 it");
            }
        }
    }
    Keyring::parse(&text).with_context(|| format!("key file {}", path.display()))
}

/// Writes `ring` to `path` through a temporary file and a rename, owner-only.
pub fn write(path: &Path, ring: &Keyring) -> anyhow::Result<()> {
    let tmp = path.with_extension("key.tmp");
    {
        use std::io::Write;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        f.write_all(ring.to_file_text().as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Creates a key file with one new key; refuses to overwrite one (that would lose every
/// contact sealed under it).
pub fn init(path: &Path) -> anyhow::Result<Keyring> {
    if path.exists() {
        bail!(
            "{} already exists: a new key there would make every contact sealed under it unreadable \
             (to change keys, use `tandem admin rotate-key`)",
            path.display()
        );
    }
    let ring = Keyring::generate(&today());
    write(path, &ring)?;
    Ok(ring)
}

/// The keys for this run. An explicit key file must exist; the default one is created when
/// missing, with a warning to back it up.
pub fn load(settings: &Settings) -> anyhow::Result<Arc<Keyring>> {
    let path = &settings.key_file;
    if path.exists() {
        return Ok(Arc::new(read(path)?));
    }
    if settings.key_file_explicit {
        bail!(
            "the key file {} does not exist; create it with `tandem admin init-key --key-file {}`",
            path.display(),
            path.display()
        );
    }
    let ring = init(path)?;
    eprintln!(
        "created a new encryption key file at {}: back it up apart from the database; without it \
         reporter contacts cannot be read (set TANDEM_KEY_FILE to keep it elsewhere)",
        path.display()
    );
    Ok(Arc::new(ring))
}
