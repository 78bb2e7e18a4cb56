//! ISO weeks (Monday to Sunday), the time unit of the alert engine. A week is kept as a dense
//! index (weeks since the Monday 1970-01-05) so that series can be laid on a grid without gaps.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::{Serialize, Serializer};
use std::fmt;

use crate::InvalidInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week(pub i64);

const EPOCH_MONDAY: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 5) {
    Some(d) => d,
    None => panic!("valid date"),
};

impl Week {
    pub fn of_date(d: NaiveDate) -> Week {
        let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
        Week((monday - EPOCH_MONDAY).num_days().div_euclid(7))
    }

    pub fn of(t: DateTime<Utc>) -> Week {
        Week::of_date(t.date_naive())
    }

    pub fn monday(self) -> NaiveDate {
        EPOCH_MONDAY + Duration::days(self.0 * 7)
    }

    /// The ISO label, e.g. `2026-W47`.
    pub fn label(self) -> String {
        let iso = self.monday().iso_week();
        format!("{}-W{:02}", iso.year(), iso.week())
    }

    /// Parses `2026-W47`.
    pub fn parse(s: &str) -> Result<Week, InvalidInput> {
        let bad = || InvalidInput::new("week", "must look like 2026-W47");
        let (y, w) = s.split_once("-W").ok_or_else(bad)?;
        let (y, w): (i32, u32) = (y.parse().map_err(|_| bad())?, w.parse().map_err(|_| bad())?);
        NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).map(Week::of_date).ok_or_else(bad)
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

/// On the wire a week is its ISO label, e.g. `2026-W46`.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Week {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[0-9]{4}-W[0-9]{2}$"))
            .examples([serde_json::json!("2026-W46")])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Week {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(Week::of_date(d(1970, 1, 5)), Week(0));
        assert_eq!(Week::of_date(d(1970, 1, 11)), Week(0));
        assert_eq!(Week::of_date(d(1970, 1, 4)), Week(-1));
        // 2026-01-01 is a Thursday in ISO week 2026-W01; 2024-12-30 (Monday) is in 2025-W01.
        assert_eq!(Week::of_date(d(2026, 1, 1)).label(), "2026-W01");
        assert_eq!(Week::of_date(d(2024, 12, 30)).label(), "2025-W01");
        assert_eq!(Week::of_date(d(2021, 1, 3)).label(), "2020-W53");
        assert_eq!(Week::parse("2026-W47").unwrap().monday(), d(2026, 11, 16));
        assert_eq!(Week::parse("2020-W53").unwrap().label(), "2020-W53");
        for bad in ["2026-47", "2026-W54", "x-W01", ""] {
            assert!(Week::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Week::of_date(d(2026, 11, 22)).0 + 1, Week::of_date(d(2026, 11, 23)).0);
    }
}
