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
    pub created_at: DateTime<Utc>,
}

/// Which of an organisation's violations to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct ViolationFilter {
    pub status: Option<ViolationStatus>,
    pub limit: i64,
    pub offset: i64,
}
