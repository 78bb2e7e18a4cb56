//! Settings the web layer needs, filled by the CLI from defaults, file, environment and flags.
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure`. On by default; only a plain-HTTP local setup (the demo, tests) turns
    /// it off, since browsers drop Secure cookies over http:// except on localhost.
    pub secure_cookies: bool,
    /// Send HSTS: only when Tandem is reached over TLS.
    pub hsts: bool,
    pub web_session_ttl: Duration,
    pub api_token_ttl: Duration,
    /// Failed sign-ins allowed per account from one address, and per address, within
    /// `throttle_window`. (An account is never locked: failures from everywhere slow its
    /// sign-ins down once they pass twice the first figure.)
    pub max_failures_per_account: usize,
    pub max_failures_per_address: usize,
    pub throttle_window: Duration,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub trust_forwarded_for: bool,
    /// Reports accepted per hour from one address on the public intake pages.
    pub intake_per_hour: usize,
    /// How long after a week closes its aggregates are released to partners: time for
    /// coordinators to verify that week's reports, since a released week never changes.
    pub sharing_grace: Duration,
    /// The bearer token `/metrics` asks for on the main address. None: `/metrics` is not served
    /// there (serve it on an address of its own, `serve_metrics`, as Prometheus usually scrapes).
    pub metrics_token: Option<secrecy::SecretString>,
    /// The address people and phones reach Tandem at, without a trailing slash: invitation links
    /// and the forms' `downloadUrl` are built from it, never from a request's Host header (which
    /// the sender chooses). `serve` fills it with the listening address when it is not set.
    pub public_url: Option<String>,
    /// The largest OpenRosa submission read, photos included.
    pub max_submission_bytes: usize,
    /// The channels whose reports count towards EARS before they are verified.
    pub trusted_channels: tandem_domain::report::TrustedChannels,
    /// The storage folder of the observatory's evidence files (age files, one folder per
    /// organisation). Back it up with the database; without the key file it opens nothing.
    pub evidence_dir: std::path::PathBuf,
    /// The largest evidence file accepted, in bytes.
    pub max_evidence_bytes: u64,
}

/// 256 MB: a few minutes of phone video. Files are streamed to disk, never held in memory.
pub const DEFAULT_MAX_EVIDENCE_BYTES: u64 = 256 * 1024 * 1024;

/// 25 MB, as ODK Central: room for a few phone photos.
pub const DEFAULT_MAX_SUBMISSION_BYTES: usize = 25 * 1024 * 1024;

impl WebConfig {
    /// `path` (starting with `/`) on the public address; the bare path when none is known.
    pub fn public(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.as_deref().unwrap_or_default())
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: true,
            hsts: false,
            web_session_ttl: Duration::from_secs(12 * 3600),
            api_token_ttl: Duration::from_secs(30 * 24 * 3600),
            max_failures_per_account: 5,
            max_failures_per_address: 20,
            throttle_window: Duration::from_secs(15 * 60),
            trust_forwarded_for: false,
            intake_per_hour: 10,
            sharing_grace: Duration::from_secs(7 * 24 * 3600),
            metrics_token: None,
            public_url: None,
            max_submission_bytes: DEFAULT_MAX_SUBMISSION_BYTES,
            trusted_channels: Default::default(),
            evidence_dir: "evidence".into(),
            max_evidence_bytes: DEFAULT_MAX_EVIDENCE_BYTES,
        }
    }
}
