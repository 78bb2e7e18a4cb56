//! Areas and categories, cached: every report is checked against them and the alert engine needs
//! the area tree, so reading them from the database per request would be waste. The cache is
//! dropped whenever areas change in this process.
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tandem_domain::alert_engine::{AreaTree, EngineConfig};
use tandem_domain::report::TrustedChannels;
use tandem_domain::sms::SmsVocabulary;
use tandem_store::{Area, Category, Store};

use crate::app_error::AppError;

pub struct EwConfig {
    pub areas: HashMap<String, Area>,
    pub categories: Vec<Category>,
    pub tree: AreaTree,
    pub engine: EngineConfig,
    /// Words that name categories and areas in text messages.
    pub sms: SmsVocabulary,
}

impl EwConfig {
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }
}

/// Configuration changed by another process (`tandem import areas`, `tandem admin
/// add-category`) is picked up within this long.
pub const TTL: std::time::Duration = std::time::Duration::from_secs(60);

/// The cached configuration, and the operator's trusted channels it is loaded with.
#[derive(Default)]
pub struct ConfigCache {
    cached: RwLock<Option<(Arc<EwConfig>, std::time::Instant)>>,
    trusted: TrustedChannels,
}

impl ConfigCache {
    pub fn new(trusted: TrustedChannels) -> Self {
        Self { cached: RwLock::default(), trusted }
    }

    pub async fn get(&self, store: &dyn Store) -> Result<Arc<EwConfig>, AppError> {
        if let Some((c, at)) = self.cached.read().unwrap_or_else(|p| p.into_inner()).as_ref() {
            if at.elapsed() < TTL {
                return Ok(c.clone());
            }
        }
        let c = Arc::new(load(store, &self.trusted).await?);
        *self.cached.write().unwrap_or_else(|p| p.into_inner()) =
            Some((c.clone(), std::time::Instant::now()));
        Ok(c)
    }

    pub fn invalidate(&self) {
        *self.cached.write().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

/// Areas, categories and the engine's settings; `trusted` is the operator's setting (the server
/// and `tandem alerts run` must load the same one, or they would disagree on alerts).
pub async fn load(store: &dyn Store, trusted: &TrustedChannels) -> Result<EwConfig, AppError> {
    let areas = store.list_areas(false).await?;
    let categories = store.list_categories().await?;
    let tree = AreaTree::new(areas.iter().map(|a| (a.code.clone(), a.parent_code.clone())));
    let engine = EngineConfig {
        threshold: categories.iter().map(|c| (c.slug.clone(), c.threshold_severity)).collect(),
        trusted: trusted.clone(),
        ..Default::default()
    };
    let mut sms = SmsVocabulary::default();
    for c in &categories {
        for k in c.keywords.split_whitespace() {
            sms.add_category(k, &c.slug);
        }
    }
    for a in &areas {
        sms.add_area(&a.name, &a.code);
        sms.add_area(&a.code, &a.code);
    }
    Ok(EwConfig {
        areas: areas.into_iter().map(|a| (a.code.clone(), a)).collect(),
        categories,
        tree,
        engine,
        sms,
    })
}
