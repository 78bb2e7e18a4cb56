//! The referral directory: services that need no police, listed by the organisations that run
//! them (or know them), public to read. An organisation removes only its own listings.
pub mod conformance;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::directory::{ServiceKind, ServiceText};
use tandem_domain::OrgId;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub id: String,
    /// The organisation that listed it.
    pub org_id: String,
    pub org_name: String,
    pub name: String,
    /// `psychosocial_support`, `family_counselling`, `legal_aid`, `gbv_shelter`,
    /// `exit_reintegration` or `hotline`.
    pub kind: String,
    pub description: String,
    /// Area codes it serves (each with every area within it).
    pub areas: Vec<String>,
    pub languages: Vec<String>,
    pub eligibility: String,
    pub contact: String,
    pub hours: String,
    pub created_at: DateTime<Utc>,
}

/// Which listings a search keeps: those serving any of `areas` (an area and the areas it lies
/// in), of `kind`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFilter {
    pub areas: Vec<String>,
    pub kind: Option<ServiceKind>,
}

#[async_trait]
pub trait DirectoryStore: Send + Sync {
    async fn add_service(
        &self,
        org: &OrgId,
        id: &str,
        text: &ServiceText,
        audit: NewAuditEvent,
    ) -> Result<Service>;
    /// Listings the filter keeps, by kind then name (at most 500).
    async fn services(&self, filter: &ServiceFilter) -> Result<Vec<Service>>;
    /// NotFound unless `org` listed it.
    async fn remove_service(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;
}
