//! The registry: organisations' profiles with their Better Peace self-assessment, endorsements
//! between organisations, the funding register, and the presences the capacity map draws.
//!
//! Who may see an organisation is decided here, in every query that reads one: a profile set
//! `public` is seen by anyone, `members` by people of any organisation on the platform, `hidden`
//! by its own people alone, and an organisation with no profile is hidden. An endorsement, a
//! grant or a presence shows only where every organisation it names may be seen, so that no
//! combination of registry answers reveals a hidden organisation.
pub mod conformance;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::funding::GrantText;
use tandem_domain::registry::{BetterPeace, Presence, ProfileText, Visibility};
use tandem_domain::wheel::Activity;
use tandem_domain::{OrgId, OrgKind, UserId};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub org_id: String,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub women_led: bool,
    pub youth_led: bool,
    pub minority_led: bool,
    pub mission: String,
    pub areas: Vec<String>,
    pub activities: Vec<Activity>,
    pub constituencies: Vec<String>,
    pub languages: Vec<String>,
    pub contact: String,
    pub visibility: Visibility,
    pub assessment: BetterPeace,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Endorsement {
    pub id: String,
    pub endorser_org: String,
    pub endorser_name: String,
    pub endorsed_org: String,
    pub endorsed_name: String,
    pub note: String,
    pub given_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grant {
    pub id: String,
    /// The organisation that recorded it.
    pub org_id: String,
    pub org_name: String,
    pub funder: String,
    pub recipient: String,
    /// The recipient on Tandem, where one has its name.
    pub recipient_org: Option<String>,
    pub title: String,
    /// `under_10k`, `10k_50k`, `50k_250k`, `250k_1m`, `over_1m` (US dollars) or `not_given`.
    pub band: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Six months or less.
    pub short: bool,
    pub areas: Vec<String>,
    pub activities: Vec<Activity>,
    pub iati_id: String,
    pub created_at: DateTime<Utc>,
}

/// A grant to record, with its id and the recipient organisation it was matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGrant {
    pub id: String,
    pub text: GrantText,
    pub recipient_org: Option<OrgId>,
}

#[async_trait]
pub trait RegistryStore: Send + Sync {
    /// Writes the organisation's profile, replacing the one before.
    async fn save_profile(&self, org: &OrgId, text: &ProfileText, audit: NewAuditEvent) -> Result<Profile>;
    /// The profiles `viewer` may see (`None`: anyone), by organisation name.
    async fn profiles(&self, viewer: Option<&OrgId>) -> Result<Vec<Profile>>;
    /// Endorsement of `of` by `by`: NotFound unless `by` may see `of` (and `of` is not `by`);
    /// Conflict while `by` already endorses it.
    async fn endorse(
        &self,
        by: &OrgId,
        user: &UserId,
        of: &OrgId,
        id: &str,
        note: &str,
        audit: NewAuditEvent,
    ) -> Result<Endorsement>;
    /// NotFound unless `by` gave it and has not revoked it yet.
    async fn revoke_endorsement(&self, by: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Endorsement>;
    /// Standing endorsements between organisations `viewer` may both see, newest first.
    async fn endorsements(&self, viewer: Option<&OrgId>) -> Result<Vec<Endorsement>>;
    /// Where the organisations `viewer` may see are present, from their profiles, the forums
    /// they sit in, the trainings they gave and the grants they recorded as their own
    /// (recipient and recorder the same: no one is placed on the map by another's record).
    async fn presences(&self, viewer: Option<&OrgId>) -> Result<Vec<Presence>>;
    /// Records grants in `org`'s name, all or none; a grant with an IATI identifier the
    /// organisation recorded before replaces it (an IATI file imported again).
    async fn add_grants(&self, org: &OrgId, grants: &[NewGrant], audit: NewAuditEvent) -> Result<usize>;
    /// Grants whose recording and receiving organisations `viewer` may see, newest start first.
    async fn grants(&self, viewer: Option<&OrgId>) -> Result<Vec<Grant>>;
    /// NotFound unless `org` recorded it or is its recipient.
    async fn remove_grant(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()>;
}
