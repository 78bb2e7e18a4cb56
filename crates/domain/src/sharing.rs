//! Sharing agreements: the only way anything leaves its owning organisation. An owner's
//! coordinators agree with one partner organisation what it may see (categories, record kinds),
//! how (aggregate cells only, or de-identified records), at which area level and with which
//! smallest publishable count k, for how long. Revocation takes effect at once.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::area::AreaLevel;
use crate::InvalidInput;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareMode {
    /// Fixed aggregate cells only, small cells suppressed.
    Aggregates,
    /// De-identified records (and the aggregates).
    Records,
}

impl ShareMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ShareMode::Aggregates => "aggregates",
            ShareMode::Records => "records",
        }
    }
}

impl FromStr for ShareMode {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, InvalidInput> {
        match s {
            "aggregates" => Ok(ShareMode::Aggregates),
            "records" => Ok(ShareMode::Records),
            _ => Err(InvalidInput::new("mode", "must be aggregates or records")),
        }
    }
}

impl fmt::Display for ShareMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of record an agreement covers.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Reports: as aggregate cells, or as de-identified records.
    Reports,
    /// Alerts: the owner may assign them to the partner, which then sees and answers them.
    Alerts,
    /// Verified violations, as monthly aggregate cells (admin1 × institution kind × act) under the
    /// same linked-table disclosure control; never one by one.
    Violations,
}

impl RecordKind {
    pub const ALL: [RecordKind; 3] = [RecordKind::Reports, RecordKind::Alerts, RecordKind::Violations];
    /// What an agreement covers when it names no kinds. Violations are shared only when named:
    /// they are the most dangerous numbers an observatory holds.
    pub const DEFAULT: [RecordKind; 2] = [RecordKind::Reports, RecordKind::Alerts];
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Reports => "reports",
            RecordKind::Alerts => "alerts",
            RecordKind::Violations => "violations",
        }
    }
}

impl FromStr for RecordKind {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, InvalidInput> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| InvalidInput::new("kinds", "each kind must be reports, alerts or violations"))
    }
}

/// The smallest count an agreement publishes: cells below it are suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct K(u32);

impl K {
    pub const DEFAULT: K = K(5);
    /// Below 3 a published count points at one or two people; above 100 nothing useful remains.
    pub fn new(n: i64) -> Result<Self, InvalidInput> {
        match n {
            3..=100 => Ok(K(n as u32)),
            _ => Err(InvalidInput::new("k", "must be between 3 and 100")
                .because(crate::Problem::Range { min: 3, max: 100 })),
        }
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for K {
    fn default() -> Self {
        K::DEFAULT
    }
}

/// Whether an agreement is in force at `now`: not revoked, and `now` within its validity.
pub fn in_force(
    revoked_at: Option<DateTime<Utc>>,
    valid_from: DateTime<Utc>,
    valid_to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    revoked_at.is_none_or(|r| r > now) && valid_from <= now && valid_to.is_none_or(|t| now < t)
}

/// Checks a validity window: it must end after it starts.
pub fn check_window(from: DateTime<Utc>, to: Option<DateTime<Utc>>) -> Result<(), InvalidInput> {
    match to {
        Some(t) if t <= from => {
            Err(InvalidInput::new("valid_to", "must be after valid_from")
                .because(crate::Problem::EndBeforeStart))
        }
        _ => Ok(()),
    }
}

/// Whether two validity windows overlap (an open end runs forever). Two agreements between the
/// same pair may not overlap: tables cut differently from the same data could be subtracted from
/// each other to recover a suppressed cell.
pub fn windows_overlap(
    a: (DateTime<Utc>, Option<DateTime<Utc>>),
    b: (DateTime<Utc>, Option<DateTime<Utc>>),
) -> bool {
    let a_before_b_ends = b.1.is_none_or(|b_end| a.0 < b_end);
    let b_before_a_ends = a.1.is_none_or(|a_end| b.0 < a_end);
    a_before_b_ends && b_before_a_ends
}

/// A stable pseudonym for a record shown to a partner: the same record under the same agreement
/// always has the same reference, but references cannot be linked across agreements or back to
/// the owner's ids.
pub fn record_ref(agreement_id: &str, record_id: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("tandem/ref/{agreement_id}/{record_id}").as_bytes());
    hex::encode(&digest[..8])
}

/// The area a partner sees for a record placed in an area: the nearest of the area and its
/// ancestors that is at `level` or coarser (never finer: that would place people more precisely
/// than agreed). `lineage` is the area and its ancestors, nearest first, each with its level.
pub fn coarsen<'a>(lineage: &[(&'a str, AreaLevel)], level: AreaLevel) -> Option<&'a str> {
    lineage.iter().find(|(_, l)| *l <= level).map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap()
    }

    #[test]
    fn k_bounds_and_default() {
        assert_eq!(K::default().get(), 5);
        assert!(K::new(2).is_err() && K::new(101).is_err() && K::new(-5).is_err());
        assert_eq!(K::new(3).unwrap().get(), 3);
    }

    #[test]
    fn force_and_windows() {
        assert!(in_force(None, t(1), None, t(2)));
        assert!(!in_force(None, t(3), None, t(2)), "not yet valid");
        assert!(!in_force(None, t(1), Some(t(2)), t(2)), "expired at its end");
        assert!(!in_force(Some(t(2)), t(1), None, t(2)), "revoked: at once");
        assert!(check_window(t(2), Some(t(2))).is_err() && check_window(t(2), None).is_ok());
        assert!(windows_overlap((t(1), None), (t(5), Some(t(6)))));
        assert!(!windows_overlap((t(1), Some(t(5))), (t(5), None)), "back to back is fine");
        assert!(windows_overlap((t(1), Some(t(6))), (t(5), None)));
        assert!(!windows_overlap((t(7), None), (t(1), Some(t(6)))));
    }

    #[test]
    fn references_are_stable_and_unlinkable() {
        assert_eq!(record_ref("a1", "r1"), record_ref("a1", "r1"));
        assert_ne!(record_ref("a1", "r1"), record_ref("a2", "r1"));
        assert_eq!(record_ref("a1", "r1").len(), 16);
        assert!(!record_ref("a1", "r1").contains("r1"));
    }

    #[test]
    fn coarsening() {
        use AreaLevel::*;
        let lineage = [("MR0101", Admin2), ("MR01", Admin1), ("MR", Country)];
        assert_eq!(coarsen(&lineage, Admin1), Some("MR01"));
        assert_eq!(coarsen(&lineage, Country), Some("MR"));
        assert_eq!(coarsen(&lineage, Admin2), Some("MR0101"));
        // Already coarser than the agreement's level: shown as it is.
        assert_eq!(coarsen(&lineage[1..], Admin2), Some("MR01"));
        assert_eq!(coarsen(&[], Admin1), None);
        let shallow = [("MR01L7", Locality), ("MR01", Admin1)];
        assert_eq!(coarsen(&shallow, Admin2), Some("MR01"), "no admin2 above: the next coarser level");
    }
}
