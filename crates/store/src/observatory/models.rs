//! Violations and their act kinds, as stored.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::area::PCode;
use tandem_domain::evidence::EvidenceKind;
use tandem_domain::seal::Sealed;
use tandem_domain::violation::{
    ActSlug, DatePrecision, InstitutionKind, Involvement, LinkKind, SourceInfo, Victims, ViolationStatus,
};
use tandem_domain::UserId;

/// An act kind of the controlled list, with the rights it affects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActKind {
    pub slug: String,
    pub name: String,
    pub rights: String,
}

#[derive(Debug, Clone)]
pub struct NewViolation {
    /// Chosen before storing, because the sealed values are bound to it.
    pub id: String,
    pub area: PCode,
    pub occurred_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub act: ActSlug,
    pub institution: String,
    pub institution_kind: InstitutionKind,
    pub unit: Option<String>,
    /// How far the institution or unit was involved.
    pub involvement: Involvement,
    /// How the act was carried out, in a line.
    pub method: Option<String>,
    /// For a civic-space incident, the organisation targeted.
    pub targeted_org: Option<String>,
    pub victims: Victims,
    pub description: String,
    /// None when imported.
    pub documented_by: Option<UserId>,
    /// Sealed (`Purpose::VictimNames`, bound to `id`); only with the victims' consent.
    pub victim_names: Option<Sealed>,
    pub source: SourceInfo,
    /// Sealed (`Purpose::SourceIdentity`, bound to `id`).
    pub source_identity: Option<Sealed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Violation {
    pub id: String,
    pub org_id: String,
    pub area: String,
    pub occurred_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub act: String,
    pub institution: String,
    pub institution_kind: InstitutionKind,
    pub unit: Option<String>,
    pub involvement: Involvement,
    pub method: Option<String>,
    /// For a civic-space incident, the organisation targeted.
    pub targeted_org: Option<String>,
    pub victims: Victims,
    pub description: String,
    pub status: ViolationStatus,
    pub documented_by: Option<String>,
    pub verified_by: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    /// The organisation on Tandem it was referred to, if it is one.
    pub referred_to_org: Option<String>,
    /// Whom it was referred to, by name (an institution or organisation).
    pub referred_to: Option<String>,
    pub referral_ask: Option<String>,
    pub referral_due_on: Option<NaiveDate>,
    pub referred_at: Option<DateTime<Utc>>,
    /// The answer, as recorded.
    pub response: Option<String>,
    pub responded_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Whether victims' names are kept (sealed: read them through the audited opening).
    pub has_victim_names: bool,
    pub source: SourceInfo,
    /// Whether the source's identity is kept (sealed, as the names).
    pub has_source_identity: bool,
}

/// An evidence file's custody record: what it is, its SHA-256 at upload, who brought it and
/// when. The bytes are an age file in the storage folder, encrypted to the organisation's
/// evidence identity under key `key_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub id: String,
    pub org_id: String,
    pub violation_id: String,
    pub kind: EvidenceKind,
    pub content_type: String,
    pub ext: String,
    /// Bytes of the original.
    pub size: u64,
    /// Hex SHA-256 of the original, as uploaded.
    pub sha256: String,
    #[serde(skip)]
    pub key_id: String,
    pub uploaded_by: Option<String>,
    pub uploaded_at: DateTime<Utc>,
}

/// A referral of a verified violation to those concerned.
#[derive(Debug, Clone)]
pub struct NewReferral {
    pub to_org: Option<tandem_domain::OrgId>,
    pub to: String,
    pub ask: String,
    pub due_on: NaiveDate,
    pub by: UserId,
}

/// Which of an organisation's violations to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct ViolationFilter {
    pub status: Option<ViolationStatus>,
    /// Only referrals still unanswered whose due day is before this one.
    pub overdue_on: Option<NaiveDate>,
    /// Only violations past the second key (verified, whatever came after) that happened on or
    /// after this day: what a records agreement may share.
    pub verified_from: Option<NaiveDate>,
    pub limit: i64,
    pub offset: i64,
}

/// The other end of a link between a violation and another record of the same organisation,
/// as seen from either end: from a violation, what it links to and what links to it; from a
/// report or an alert, the violations linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedRecord {
    pub kind: LinkKind,
    pub id: String,
    pub linked_at: DateTime<Utc>,
    /// Whether the record asked about holds the link (else the other end does, and removing it
    /// is done there).
    pub held: bool,
}
