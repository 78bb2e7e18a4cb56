//! One typed settings struct, filled from built-in defaults < an optional TOML file < `TANDEM_*`
//! environment variables < command-line flags. Secrets never reach logs: URLs are redacted.
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use serde::Deserialize;

/// Options every subcommand takes. Each can also come from its environment variable.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Database: sqlite://PATH (embedded default) or postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "TANDEM_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// A TOML settings file (see docs/configuration.md).
    #[arg(long, global = true, env = "TANDEM_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log format: text or json.
    #[arg(long, global = true, env = "TANDEM_LOG_FORMAT")]
    pub log_format: Option<String>,
    /// The encryption key file (see `tandem admin init-key`); default ./tandem.key.
    #[arg(long, global = true, env = "TANDEM_KEY_FILE")]
    pub key_file: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    /// Whether the database URL was given (file, environment or flag) rather than defaulted.
    pub database_url_explicit: bool,
    pub addr: String,
    pub log_format: LogFormat,
    pub log_level: String,
    /// Mark cookies Secure. Leave on unless serving plain HTTP on localhost.
    pub secure_cookies: bool,
    /// Send HSTS (only behind TLS).
    pub hsts: bool,
    pub trust_forwarded_for: bool,
    /// The key file. Given explicitly it must exist; the default (`tandem.key` beside where
    /// Tandem runs) is created on first use, like the default database.
    pub key_file: PathBuf,
    pub key_file_explicit: bool,
    /// Days after a week ends before its aggregates are released to partners (and frozen).
    pub sharing_grace_days: u32,
    /// The bearer token for `/metrics` on the main address (none: not served there).
    pub metrics_token: Option<secrecy::SecretString>,
    /// An address of its own for `/metrics`, without a token (e.g. 127.0.0.1:9100).
    pub metrics_addr: Option<String>,
    /// The address people and phones reach Tandem at (`https://tandem.example.org`), used in
    /// invitation links and the forms' `downloadUrl`; by default the address Tandem listens on.
    pub public_url: Option<String>,
    /// The largest field submission read, in bytes (photos included).
    pub max_submission_bytes: usize,
    /// The channels whose reports raise statistical alerts before they are verified.
    pub trusted_channels: tandem_domain::report::TrustedChannels,
    /// The storage folder of evidence files (default `evidence` beside where Tandem runs).
    pub evidence_dir: PathBuf,
    /// The largest evidence file accepted, in bytes.
    pub max_evidence_bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: "sqlite://tandem.db".into(),
            database_url_explicit: false,
            addr: "127.0.0.1:8080".into(),
            log_format: LogFormat::Text,
            log_level: "info".into(),
            secure_cookies: true,
            hsts: false,
            trust_forwarded_for: false,
            key_file: PathBuf::from("tandem.key"),
            key_file_explicit: false,
            sharing_grace_days: 7,
            metrics_token: None,
            metrics_addr: None,
            public_url: None,
            max_submission_bytes: tandem_web::DEFAULT_MAX_SUBMISSION_BYTES,
            trusted_channels: Default::default(),
            evidence_dir: PathBuf::from("evidence"),
            max_evidence_bytes: tandem_web::DEFAULT_MAX_EVIDENCE_BYTES,
        }
    }
}

/// The TOML file: every key optional, unknown keys refused so typos are caught.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    addr: Option<String>,
    log_format: Option<String>,
    log_level: Option<String>,
    secure_cookies: Option<bool>,
    hsts: Option<bool>,
    trust_forwarded_for: Option<bool>,
    key_file: Option<PathBuf>,
    sharing_grace_days: Option<u32>,
    metrics_addr: Option<String>,
    public_url: Option<String>,
    max_submission_mb: Option<usize>,
    trusted_channels: Option<Vec<String>>,
    evidence_dir: Option<PathBuf>,
    max_evidence_mb: Option<usize>,
}

/// A public address: http(s), a host, no query; kept without its trailing slash.
fn parse_public_url(s: &str) -> anyhow::Result<String> {
    let t = s.trim().trim_end_matches('/');
    let rest = t.strip_prefix("https://").or_else(|| t.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['?', '#', ' ']) => Ok(t.to_owned()),
        _ => anyhow::bail!("the public address must look like https://tandem.example.org, not {s:?}"),
    }
}

fn parse_megabytes(name: &str, s: &str) -> anyhow::Result<usize> {
    match s.trim().parse::<usize>() {
        Ok(mb) if (1..=1024).contains(&mb) => Ok(mb * 1024 * 1024),
        _ => anyhow::bail!("{name} must be a whole number of megabytes from 1 to 1024, not {s:?}"),
    }
}

fn parse_channels(s: &str) -> anyhow::Result<tandem_domain::report::TrustedChannels> {
    tandem_domain::report::TrustedChannels::parse(s)
        .map_err(|e| anyhow::anyhow!("trusted_channels: {}", e.message))
}

fn parse_log_format(s: &str) -> anyhow::Result<LogFormat> {
    match s {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        other => anyhow::bail!("log format must be text or json, not {other:?}"),
    }
}

fn parse_bool(name: &str, s: &str) -> anyhow::Result<bool> {
    match s.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => anyhow::bail!("{name} must be true or false, not {s:?}"),
    }
}

impl Settings {
    /// Builds the settings; `env` is the process environment (a parameter so tests can pass one).
    pub fn resolve(args: &GlobalArgs, env: &dyn Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let mut s = Settings::default();
        if let Some(path) = &args.config {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read settings file {}", path.display()))?;
            let f: FileSettings =
                toml::from_str(&text).with_context(|| format!("settings file {}", path.display()))?;
            if let Some(v) = f.database_url {
                s.database_url = v;
                s.database_url_explicit = true;
            }
            if let Some(v) = f.addr {
                s.addr = v;
            }
            if let Some(v) = f.log_format {
                s.log_format = parse_log_format(&v)
                    .with_context(|| format!("settings file {}: log_format", path.display()))?;
            }
            if let Some(v) = f.log_level {
                s.log_level = v;
            }
            if let Some(v) = f.secure_cookies {
                s.secure_cookies = v;
            }
            if let Some(v) = f.hsts {
                s.hsts = v;
            }
            if let Some(v) = f.trust_forwarded_for {
                s.trust_forwarded_for = v;
            }
            if let Some(v) = f.key_file {
                s.key_file = v;
                s.key_file_explicit = true;
            }
            if let Some(v) = f.sharing_grace_days {
                s.sharing_grace_days = v;
            }
            if let Some(v) = f.metrics_addr {
                s.metrics_addr = Some(v);
            }
            if let Some(v) = f.public_url {
                s.public_url = Some(
                    parse_public_url(&v)
                        .with_context(|| format!("settings file {}: public_url", path.display()))?,
                );
            }
            if let Some(v) = f.trusted_channels {
                s.trusted_channels = parse_channels(&v.join(","))
                    .with_context(|| format!("settings file {}", path.display()))?;
            }
            if let Some(v) = f.max_submission_mb {
                s.max_submission_bytes = parse_megabytes("max_submission_mb", &v.to_string())
                    .with_context(|| format!("settings file {}", path.display()))?;
            }
            if let Some(v) = f.evidence_dir {
                s.evidence_dir = v;
            }
            if let Some(v) = f.max_evidence_mb {
                s.max_evidence_bytes = parse_megabytes("max_evidence_mb", &v.to_string())
                    .with_context(|| format!("settings file {}", path.display()))?
                    as u64;
            }
        }
        // TANDEM_DATABASE_URL, TANDEM_LOG_FORMAT and TANDEM_ADDR reach us through clap (flag or
        // environment, the flag winning); the rest are read here.
        if let Some(v) = env("TANDEM_LOG_LEVEL") {
            s.log_level = v;
        }
        for (name, slot) in [
            ("TANDEM_SECURE_COOKIES", &mut s.secure_cookies),
            ("TANDEM_HSTS", &mut s.hsts),
            ("TANDEM_TRUST_FORWARDED_FOR", &mut s.trust_forwarded_for),
        ] {
            if let Some(v) = env(name) {
                *slot = parse_bool(name, &v)?;
            }
        }
        // A secret: from the environment only, never from a settings file that may be copied.
        if let Some(v) = env("TANDEM_METRICS_TOKEN").filter(|v| !v.is_empty()) {
            s.metrics_token = Some(secrecy::SecretString::from(v));
        }
        if let Some(v) = env("TANDEM_METRICS_ADDR").filter(|v| !v.is_empty()) {
            s.metrics_addr = Some(v);
        }
        if let Some(v) = env("TANDEM_PUBLIC_URL").filter(|v| !v.is_empty()) {
            s.public_url = Some(parse_public_url(&v).context("TANDEM_PUBLIC_URL")?);
        }
        if let Some(v) = env("TANDEM_MAX_SUBMISSION_MB") {
            s.max_submission_bytes = parse_megabytes("TANDEM_MAX_SUBMISSION_MB", &v)?;
        }
        if let Some(v) = env("TANDEM_EVIDENCE_DIR").filter(|v| !v.is_empty()) {
            s.evidence_dir = PathBuf::from(v);
        }
        if let Some(v) = env("TANDEM_MAX_EVIDENCE_MB") {
            s.max_evidence_bytes = parse_megabytes("TANDEM_MAX_EVIDENCE_MB", &v)? as u64;
        }
        if let Some(v) = env("TANDEM_TRUSTED_CHANNELS") {
            s.trusted_channels = parse_channels(&v).context("TANDEM_TRUSTED_CHANNELS")?;
        }
        if let Some(v) = env("TANDEM_SHARING_GRACE_DAYS") {
            s.sharing_grace_days = v.trim().parse().map_err(|_| {
                anyhow::anyhow!("TANDEM_SHARING_GRACE_DAYS must be a whole number of days, not {v:?}")
            })?;
        }
        if let Some(v) = &args.database_url {
            s.database_url = v.clone();
            s.database_url_explicit = true;
        }
        if let Some(v) = &args.log_format {
            s.log_format = parse_log_format(v)?;
        }
        if let Some(v) = &args.key_file {
            s.key_file = v.clone();
            s.key_file_explicit = true;
        }
        if let Some(v) = env("TANDEM_ADDR") {
            s.addr = v;
        }
        Ok(s)
    }

    pub fn load(args: &GlobalArgs) -> anyhow::Result<Self> {
        Self::resolve(args, &|k| std::env::var(k).ok())
    }

    pub fn web_config(&self) -> tandem_web::WebConfig {
        tandem_web::WebConfig {
            secure_cookies: self.secure_cookies,
            hsts: self.hsts,
            trust_forwarded_for: self.trust_forwarded_for,
            sharing_grace: std::time::Duration::from_secs(u64::from(self.sharing_grace_days) * 86_400),
            metrics_token: self.metrics_token.clone(),
            public_url: self.public_url.clone(),
            max_submission_bytes: self.max_submission_bytes,
            trusted_channels: self.trusted_channels.clone(),
            evidence_dir: self.evidence_dir.clone(),
            max_evidence_bytes: self.max_evidence_bytes,
            ..Default::default()
        }
    }
}

/// Hides the password in a database URL, for messages and logs.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    match (rest.find('@'), rest.find(':')) {
        (Some(at), Some(colon)) if colon < at => {
            format!("{}{}:***{}", &url[..scheme_end + 3], &rest[..colon], &rest[at..])
        }
        _ => url.to_owned(),
    }
}

pub fn init_logging(s: &Settings) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{},sqlx=warn", s.log_level)));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match s.log_format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn args(db: Option<&str>, config: Option<PathBuf>) -> GlobalArgs {
        GlobalArgs { database_url: db.map(str::to_owned), config, log_format: None, key_file: None }
    }

    #[test]
    fn precedence_defaults_file_env_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tandem.toml");
        std::fs::write(&file, "database_url = \"sqlite://from-file.db\"\naddr = \"0.0.0.0:9\"\nhsts = true\nlog_level = \"debug\"\n").unwrap();
        let none = |_: &str| None;
        assert_eq!(Settings::resolve(&args(None, None), &none).unwrap().database_url, "sqlite://tandem.db");

        let s = Settings::resolve(&args(None, Some(file.clone())), &none).unwrap();
        assert_eq!(
            (s.database_url.as_str(), s.addr.as_str(), s.hsts),
            ("sqlite://from-file.db", "0.0.0.0:9", true)
        );

        let env: HashMap<&str, &str> = HashMap::from([
            ("TANDEM_HSTS", "false"),
            ("TANDEM_LOG_LEVEL", "warn"),
            ("TANDEM_ADDR", "127.0.0.1:1"),
        ]);
        let env = |k: &str| env.get(k).map(|v| v.to_string());
        let s = Settings::resolve(&args(None, Some(file.clone())), &env).unwrap();
        assert!(!s.hsts, "environment beats file");
        assert_eq!((s.log_level.as_str(), s.addr.as_str()), ("warn", "127.0.0.1:1"));

        let s = Settings::resolve(&args(Some("postgres://x@h/db"), Some(file)), &env).unwrap();
        assert_eq!(s.database_url, "postgres://x@h/db", "flag beats file");
    }

    #[test]
    fn bad_files_and_values_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "databse_url = \"x\"\n").unwrap();
        let err = format!("{:#}", Settings::resolve(&args(None, Some(file)), &|_| None).unwrap_err());
        assert!(err.contains("bad.toml") && err.contains("databse_url"), "{err}");
        let env = |k: &str| (k == "TANDEM_HSTS").then(|| "maybe".to_owned());
        let err = Settings::resolve(&args(None, None), &env).unwrap_err().to_string();
        assert!(err.contains("TANDEM_HSTS"), "{err}");
        let env = |k: &str| (k == "TANDEM_TRUSTED_CHANNELS").then(|| "web, whatsapp".to_owned());
        let err = format!("{:#}", Settings::resolve(&args(None, None), &env).unwrap_err());
        assert!(err.contains("TANDEM_TRUSTED_CHANNELS") && err.contains("\"whatsapp\""), "{err}");
    }

    #[test]
    fn trusted_channels_from_file_and_environment() {
        use tandem_domain::report::{Channel, TrustedChannels};
        let none = |_: &str| None;
        let s = Settings::resolve(&args(None, None), &none).unwrap();
        assert_eq!(s.trusted_channels, TrustedChannels::default());
        assert!(
            !s.trusted_channels.contains(Channel::Intake) && s.trusted_channels.contains(Channel::Hotline)
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tandem.toml");
        std::fs::write(&file, "trusted_channels = [\"web\", \"openrosa\"]\n").unwrap();
        let s = Settings::resolve(&args(None, Some(file.clone())), &none).unwrap();
        assert_eq!(s.trusted_channels.as_slice(), [Channel::Web, Channel::Openrosa]);
        assert_eq!(s.web_config().trusted_channels, s.trusted_channels, "the server gets the same list");
        let env = |k: &str| (k == "TANDEM_TRUSTED_CHANNELS").then(|| "none".to_owned());
        let s = Settings::resolve(&args(None, Some(file)), &env).unwrap();
        assert!(s.trusted_channels.as_slice().is_empty(), "environment beats file; none: verified only");
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://tandem:s3cret@db:5432/t"), "postgres://tandem:***@db:5432/t");
        assert_eq!(redact("postgres://tandem@db/t"), "postgres://tandem@db/t");
        assert_eq!(redact("sqlite://tandem.db"), "sqlite://tandem.db");
    }
}
