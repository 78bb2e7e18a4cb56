//! Violations and their act kinds, as stored.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::area::PCode;
use tandem_domain::violation::{ActSlug, DatePrecision, InstitutionKind, Victims, ViolationStatus};
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
    pub area: PCode,
    pub occurred_on: NaiveDate,
    pub date_precision: DatePrecision,
    pub act: ActSlug,
    pub institution: String,
    pub institution_kind: InstitutionKind,
    pub unit: Option<String>,
    pub victims: Victims,
    pub description: String,
    /// None when imported.
    pub documented_by: Option<UserId>,
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
    pub limit: i64,
    pub offset: i64,
}
