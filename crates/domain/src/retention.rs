//! How long an organisation keeps what could identify people: reporter contacts, and reports it
//! dismissed. Shorter is safer; the defaults are what a CSO needs to call someone back and to
//! answer questions about a dismissal, and no longer.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::InvalidInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Retention {
    /// Days a reporter's contact (and an SMS sender's number) is kept after the report arrived.
    pub contact_days: u32,
    /// Days a dismissed report is kept after its dismissal.
    pub dismissed_days: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self { contact_days: 90, dismissed_days: 180 }
    }
}

/// Bounds for either period: at least a week (time to call back), at most ten years.
pub const MIN_DAYS: i64 = 7;
pub const MAX_DAYS: i64 = 3650;

impl Retention {
    pub fn new(contact_days: i64, dismissed_days: i64) -> Result<Self, InvalidInput> {
        let check = |field: &'static str, n: i64| {
            if (MIN_DAYS..=MAX_DAYS).contains(&n) {
                Ok(n as u32)
            } else {
                Err(InvalidInput::new(field, format!("must be between {MIN_DAYS} and {MAX_DAYS} days"))
                    .because(crate::Problem::Range { min: MIN_DAYS, max: MAX_DAYS }))
            }
        };
        Ok(Self {
            contact_days: check("contact_days", contact_days)?,
            dismissed_days: check("dismissed_days", dismissed_days)?,
        })
    }

    /// Contacts of reports that arrived before this instant are due for deletion.
    pub fn contacts_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::days(self.contact_days as i64)
    }

    /// Reports dismissed before this instant are due for deletion.
    pub fn dismissed_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::days(self.dismissed_days as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn bounds_and_cutoffs() {
        assert!(Retention::new(6, 30).is_err());
        assert_eq!(Retention::new(30, 3651).unwrap_err().field, "dismissed_days");
        let r = Retention::new(30, 365).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        assert_eq!(r.contacts_before(now), Utc.with_ymd_and_hms(2026, 10, 24, 0, 0, 0).unwrap());
        assert_eq!(r.dismissed_before(now), Utc.with_ymd_and_hms(2025, 11, 23, 0, 0, 0).unwrap());
        assert_eq!(Retention::default(), Retention { contact_days: 90, dismissed_days: 180 });
    }
}
