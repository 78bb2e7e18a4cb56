//! Verified violations as a warning sign for early warning (context 002: "identify increasing
//! repression and human rights abuses as warning signs"): each verified violation is one count in
//! the alert engine, in a series of its own per act kind, so a rise in arbitrary arrests in a
//! district opens an alert just as a rise in reports would. No I/O here: which week a violation
//! counts in, its series name and how grave it is.
use chrono::NaiveDate;

use crate::violation::DatePrecision;
use crate::week::Week;

/// Series names of violations start with this, which no report category can (a category is a
/// slug of letters, digits and `_`), so the two never mix in one series.
pub const PREFIX: &str = "violation:";

/// The alert engine's series for an act kind.
pub fn category(act: &str) -> String {
    format!("{PREFIX}{act}")
}

/// The act kind of a violation series; `None` for a report category.
pub fn act_of(category: &str) -> Option<&str> {
    category.strip_prefix(PREFIX)
}

/// The week a violation counts in, fixed when it is verified (it counts from then on). An exact
/// date (or an unknown one, kept as the day it was verified) is its own week; a date known only
/// to the month or year would pile a month's acts into its first week and raise a false rise
/// there, so those count in the week they were verified.
pub fn week(occurred_on: NaiveDate, precision: DatePrecision, verified_on: NaiveDate) -> Week {
    match precision {
        DatePrecision::Exact | DatePrecision::Unknown => Week::of_date(occurred_on),
        DatePrecision::Month | DatePrecision::Year => Week::of_date(verified_on),
    }
}

/// How grave an act is, on the reports' severity scale (1 to 4). The gravest acts stand at 4, the
/// default threshold, so one verified killing, disappearance, act of torture or sexual violence,
/// or attack on a defender opens an alert at once; the rest count towards EARS only. An act kind
/// added locally counts as 2 until the operator's threshold settings say otherwise.
pub fn severity(act: &str) -> u8 {
    match act {
        "extrajudicial_killing"
        | "enforced_disappearance"
        | "torture_ill_treatment"
        | "sexual_violence"
        | "attack_on_defender" => 4,
        "arbitrary_arrest" | "excessive_force" | "threat_to_defender" => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::violation::ActSlug;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn series_names_never_collide_with_report_categories() {
        let act = ActSlug::parse("arbitrary_arrest").unwrap();
        assert_eq!(category(act.as_str()), "violation:arbitrary_arrest");
        assert_eq!(act_of(&category(act.as_str())), Some("arbitrary_arrest"));
        assert_eq!(act_of("arbitrary_arrest"), None, "a report category of the same word is not one");
        assert!(crate::report::CategorySlug::parse(&category(act.as_str())).is_err());
    }

    #[test]
    fn imprecise_dates_count_when_they_were_verified() {
        let verified = day(9, 16);
        assert_eq!(week(day(7, 3), DatePrecision::Exact, verified), Week::of_date(day(7, 3)));
        assert_eq!(week(day(7, 1), DatePrecision::Month, verified), Week::of_date(verified));
        assert_eq!(week(day(1, 1), DatePrecision::Year, verified), Week::of_date(verified));
        assert_eq!(week(day(9, 2), DatePrecision::Unknown, verified), Week::of_date(day(9, 2)));
    }

    #[test]
    fn the_gravest_acts_reach_the_default_threshold() {
        assert_eq!(severity("extrajudicial_killing"), 4);
        assert_eq!(severity("arbitrary_arrest"), 3);
        assert_eq!(severity("land_grabbing"), 2, "a local act kind");
        assert!(crate::violation::DEFAULT_ACTS.iter().all(|a| (2..=4).contains(&severity(a))));
    }
}
