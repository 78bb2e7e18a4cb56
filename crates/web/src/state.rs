//! The state every handler shares: the store, settings, metrics, the session cache and the
//! sign-in throttles. (Translations and templates are compiled in and global.)
use std::sync::{Arc, Mutex};

use tandem_domain::throttle::Throttle;
use tandem_store::Store;

use crate::config::WebConfig;
use crate::ew::config::ConfigCache;
use crate::ew::dashboard::DashboardCache;
use crate::ew::worker::AlertWorker;
use crate::metrics::Metrics;
use crate::protection::caches::{ReleaseCache, ScrubberCache};
use crate::session::SessionCache;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Arc<dyn Store>,
    /// The keys that seal reporter contacts and protected names; read from the key file at start.
    pub keys: Arc<tandem_domain::seal::Keyring>,
    /// Each organisation's scrubber (its protected names), for records shared with partners.
    pub scrubbers: ScrubberCache,
    /// The weeks of aggregates released to partners, once computed.
    pub releases: ReleaseCache,
    pub config: WebConfig,
    pub metrics: Metrics,
    pub sessions: SessionCache,
    pub ew_config: Arc<ConfigCache>,
    pub alert_worker: AlertWorker,
    pub dashboards: Arc<DashboardCache>,
    /// The public violation statistics of released quarters, once read.
    pub public: crate::observatory::cache::PublicCache,
    /// Failed sign-ins per (account, address): the one that refuses.
    pub throttle_pairs: Mutex<Throttle>,
    /// Failed sign-ins per account from anywhere: they slow its sign-ins down, never refuse them.
    pub throttle_accounts: Mutex<Throttle>,
    pub throttle_addresses: Mutex<Throttle>,
    /// Public intake submissions per client address (the address is used here and never stored).
    pub throttle_intake: Mutex<Throttle>,
    /// Field submissions read at once: each may hold up to `max_submission_bytes` in memory
    /// (photos), so a small server serves a few at a time and the rest wait their turn.
    pub uploads: tokio::sync::Semaphore,
    /// Evidence streams (uploads, downloads) and clean copies at once: each holds a blocking
    /// thread (and a clean copy up to 64 MB), so that a few slow ones cannot stop sign-ins,
    /// which hash passwords on the same threads.
    pub evidence_turns: Arc<tokio::sync::Semaphore>,
}

/// Field submissions read at the same time (see [`Inner::uploads`]).
pub const CONCURRENT_UPLOADS: usize = 4;

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(
        store: Arc<dyn Store>,
        config: WebConfig,
        keys: Arc<tandem_domain::seal::Keyring>,
    ) -> Result<Self, String> {
        // Load the compiled-in text and templates now, so a broken build fails at start, not on
        // the first page view.
        crate::i18n::I18n::load()?;
        crate::templates::Templates::load()?;
        crate::password::warm_up();
        let ew_config = Arc::new(ConfigCache::new(config.trusted_channels.clone()));
        let alert_worker = AlertWorker::start(store.clone(), ew_config.clone());
        Ok(Self(Arc::new(Inner {
            throttle_pairs: Mutex::new(Throttle::new(
                config.max_failures_per_account,
                config.throttle_window,
            )),
            throttle_accounts: Mutex::new(Throttle::new(
                config.max_failures_per_account * 20,
                config.throttle_window,
            )),
            throttle_addresses: Mutex::new(Throttle::new(
                config.max_failures_per_address,
                config.throttle_window,
            )),
            throttle_intake: Mutex::new(Throttle::new(
                config.intake_per_hour,
                std::time::Duration::from_secs(3600),
            )),
            store,
            keys,
            scrubbers: Default::default(),
            releases: Default::default(),
            config,
            metrics: Metrics::default(),
            sessions: Default::default(),
            ew_config,
            alert_worker,
            dashboards: Default::default(),
            public: Default::default(),
            uploads: tokio::sync::Semaphore::new(CONCURRENT_UPLOADS),
            evidence_turns: Arc::new(tokio::sync::Semaphore::new(CONCURRENT_UPLOADS)),
        })))
    }
}
