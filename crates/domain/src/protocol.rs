//! Protection protocols and their reviews (context 002: civil-society actors face threats,
//! including from state actors, and should "review protocols regularly"). Tandem keeps when an
//! organisation last reviewed its protocol and when it will review it next, never the protocol
//! itself: a plan of safe places and emergency contacts is safer on paper than on any server.
use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::{InvalidInput, Problem};

/// The next review, unless said otherwise: six months on.
pub const DEFAULT_MONTHS: u32 = 6;
/// A next review more than two years on is no regular review.
pub const MAX_MONTHS: u32 = 24;
/// How long before the next review the organisation's admins are told it is coming.
pub const SOON_DAYS: i64 = 30;

/// A review: the day it was done and the day the next one is due.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Review {
    pub reviewed_on: NaiveDate,
    pub next_review_on: NaiveDate,
}

impl Review {
    /// A review done on `reviewed_on` (not after `today`), with the next one on `next` or, if
    /// not given, [`DEFAULT_MONTHS`] later.
    pub fn new(
        reviewed_on: NaiveDate,
        next: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Self, InvalidInput> {
        if reviewed_on > today {
            return Err(InvalidInput::new("reviewed_on", "is in the future").because(Problem::InFuture));
        }
        let latest = reviewed_on + Months::new(MAX_MONTHS);
        let next_review_on = next.unwrap_or(reviewed_on + Months::new(DEFAULT_MONTHS));
        // After today, so after the review too.
        if next_review_on <= today {
            return Err(InvalidInput::new("next_review_on", "must be after today").because(Problem::InPast));
        }
        if next_review_on > latest {
            return Err(InvalidInput::new(
                "next_review_on",
                format!("must be within {MAX_MONTHS} months of the review"),
            )
            .because(Problem::TooFarAhead { months: MAX_MONTHS }));
        }
        Ok(Self { reviewed_on, next_review_on })
    }
}

/// Where an organisation stands with its review, as its admins are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Standing {
    /// No review on record.
    Never,
    Current {
        next_review_on: NaiveDate,
    },
    /// Due within [`SOON_DAYS`].
    DueSoon {
        next_review_on: NaiveDate,
        days: i64,
    },
    /// The next review's day has passed.
    Overdue {
        next_review_on: NaiveDate,
        days: i64,
    },
}

impl Standing {
    pub fn of(review: Option<&Review>, today: NaiveDate) -> Self {
        let Some(r) = review else { return Standing::Never };
        let days = (r.next_review_on - today).num_days();
        match days {
            d if d < 0 => Standing::Overdue { next_review_on: r.next_review_on, days: -d },
            d if d <= SOON_DAYS => Standing::DueSoon { next_review_on: r.next_review_on, days: d },
            _ => Standing::Current { next_review_on: r.next_review_on },
        }
    }

    /// Whether the admins' home page should say so.
    pub fn needs_attention(self) -> bool {
        !matches!(self, Standing::Current { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_review_sets_the_next_six_months_on_unless_told() {
        let today = day(2026, 12, 2);
        let r = Review::new(day(2026, 11, 20), None, today).unwrap();
        assert_eq!(r.next_review_on, day(2027, 5, 20));
        let r = Review::new(today, Some(day(2027, 3, 1)), today).unwrap();
        assert_eq!(r.next_review_on, day(2027, 3, 1));
        assert_eq!(Review::new(day(2026, 12, 3), None, today).unwrap_err().field, "reviewed_on");
        assert_eq!(Review::new(today, Some(today), today).unwrap_err().field, "next_review_on");
        assert_eq!(Review::new(today, Some(day(2029, 1, 1)), today).unwrap_err().field, "next_review_on");
        // A review long ago whose next day has passed is no review to record as current.
        assert_eq!(Review::new(day(2025, 1, 1), None, today).unwrap_err().field, "next_review_on");
    }

    #[test]
    fn admins_hear_of_a_review_that_is_missing_near_or_late() {
        let r = Review { reviewed_on: day(2026, 6, 1), next_review_on: day(2026, 12, 1) };
        assert_eq!(Standing::of(None, day(2026, 12, 2)), Standing::Never);
        assert_eq!(
            Standing::of(Some(&r), day(2026, 12, 2)),
            Standing::Overdue { next_review_on: r.next_review_on, days: 1 }
        );
        assert_eq!(
            Standing::of(Some(&r), day(2026, 11, 21)),
            Standing::DueSoon { next_review_on: r.next_review_on, days: 10 }
        );
        assert_eq!(
            Standing::of(Some(&r), day(2026, 7, 1)),
            Standing::Current { next_review_on: r.next_review_on }
        );
        assert!(!Standing::of(Some(&r), day(2026, 7, 1)).needs_attention());
        assert!(Standing::Never.needs_attention());
    }
}
