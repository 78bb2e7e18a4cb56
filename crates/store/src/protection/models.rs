//! Row models for protection: sharing agreements, sealed secrets (reporter contacts, SMS senders,
//! protected names), retention and erasure.
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_domain::area::AreaLevel;
use tandem_domain::report::CategorySlug;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::sharing::{RecordKind, ShareMode, K};
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};

#[derive(Debug, Clone)]
pub struct NewAgreement {
    pub partner: OrgId,
    pub mode: ShareMode,
    pub area_level: AreaLevel,
    pub k: K,
    /// Empty: every category.
    pub categories: Vec<CategorySlug>,
    pub kinds: Vec<RecordKind>,
    pub valid_from: DateTime<Utc>,
    pub valid_to: Option<DateTime<Utc>>,
    pub created_by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    pub id: String,
    pub owner_org: String,
    pub owner_name: String,
    pub partner_org: String,
    pub partner_name: String,
    pub mode: ShareMode,
    pub area_level: AreaLevel,
    pub k: u32,
    /// Empty: every category.
    pub categories: Vec<String>,
    pub kinds: Vec<RecordKind>,
    pub valid_from: DateTime<Utc>,
    pub valid_to: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_by: Option<String>,
}

impl Agreement {
    pub fn in_force(&self, now: DateTime<Utc>) -> bool {
        tandem_domain::sharing::in_force(self.revoked_at, self.valid_from, self.valid_to, now)
    }
    pub fn covers(&self, kind: RecordKind) -> bool {
        self.kinds.contains(&kind)
    }
    pub fn covers_category(&self, slug: &str) -> bool {
        self.categories.is_empty() || self.categories.iter().any(|c| c == slug)
    }
}

/// A sealed value as stored, with the record it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSecret {
    pub org_id: String,
    pub id: String,
    /// None: written before encryption existed, still in plain text (sealed at the next start).
    pub key_id: Option<String>,
    pub value: String,
}

impl StoredSecret {
    pub fn sealed(&self) -> Option<Sealed> {
        self.key_id.as_ref().map(|k| Sealed { key_id: k.clone(), data: self.value.clone() })
    }
}

/// Where each kind of sealed value lives: (table, value column, key-id column).
pub fn secret_columns(p: Purpose) -> (&'static str, &'static str, &'static str) {
    match p {
        Purpose::ReporterContact => ("reports", "reporter_contact", "contact_key"),
        Purpose::SmsSender => ("sms_inbox", "sender", "sender_key"),
        Purpose::ProtectedName => ("protected_names", "name", "name_key"),
        // Bytes, not text: re-encrypted through `FieldStore::attachment_seals`, never paged as a
        // text secret (it is not in `Purpose::ALL`).
        Purpose::Attachment => ("attachments", "data", "key_id"),
        Purpose::VictimNames => ("violations", "victim_names", "victim_names_key"),
        Purpose::SourceIdentity => ("violations", "source_identity", "source_identity_key"),
    }
}

/// How many values of a kind are sealed under each key (None: still plain text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyUse {
    pub purpose: &'static str,
    pub key_id: Option<String>,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectedName {
    pub id: String,
    pub name: Sealed,
    pub created_at: DateTime<Utc>,
}

/// What a purge removed from one organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Purged {
    pub contacts: u64,
    pub sms_senders: u64,
    pub dismissed_reports: u64,
}

/// A week of one owner's aggregates as released to partners: frozen for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub week: Week,
    /// The smallest count the release publishes (the least k among the agreements it was made
    /// for).
    pub k: u32,
    /// The frozen master table (`tandem_domain::disclosure::linked::Master`), as JSON.
    pub master: String,
    pub released_at: DateTime<Utc>,
}
