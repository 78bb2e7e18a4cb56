//! Dates as people write them: a week is "24–30 Nov 2026", not `2026-W48`.
use chrono::{Datelike, Duration, NaiveDate};
use tandem_domain::violation::DatePrecision;
use tandem_domain::week::Week;

use crate::i18n::{self, Lang};

/// The days from the Monday of `first` to the Sunday of `last`, with month names in `lang`:
/// "24–30 Nov 2026", "30 Nov – 6 Dec 2026", "29 Dec 2025 – 4 Jan 2026".
pub fn week_dates(lang: Lang, first: Week, last: Week) -> String {
    let (from, to) = (first.monday(), last.monday() + Duration::days(6));
    let month = |d: NaiveDate| i18n::global().text(lang, &format!("month-{}", d.month()), &[]);
    // Ranges are messages, not a dash between numbers: in Arabic "9–15" reads reversed, so the
    // Arabic catalogue says "from 9 to 15".
    let (key, args) = if from.year() != to.year() {
        ("date-range-years", vec![("from", day(lang, from)), ("to", day(lang, to))])
    } else if from.month() != to.month() {
        let (a, b) = (format!("{} {}", from.day(), month(from)), format!("{} {}", to.day(), month(to)));
        ("date-range-months", vec![("from", a), ("to", b), ("year", to.year().to_string())])
    } else {
        let (a, b) = (from.day().to_string(), to.day().to_string());
        (
            "date-range-days",
            vec![("from", a), ("to", b), ("month", month(to)), ("year", to.year().to_string())],
        )
    };
    i18n::global().text(lang, key, &args)
}

/// A day as people write it: "3 Dec 2026".
pub fn day(lang: Lang, d: NaiveDate) -> String {
    let month = i18n::global().text(lang, &format!("month-{}", d.month()), &[]);
    format!("{} {} {}", d.day(), month, d.year())
}

/// A moment: "3 Dec 2026, 21:30 UTC" (times are kept in UTC; the deployment has no zone of its own).
pub fn moment(lang: Lang, t: chrono::DateTime<chrono::Utc>) -> String {
    let args = [("day", day(lang, t.date_naive())), ("time", t.format("%H:%M").to_string())];
    i18n::global().text(lang, "date-moment", &args)
}

/// When an act happened, at the precision it is known: "19 Jul 2026", "July 2026", "2026".
pub fn when_words(lang: Lang, on: NaiveDate, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Exact => day(lang, on),
        DatePrecision::Month => {
            format!("{} {}", i18n::global().text(lang, &format!("month-{}", on.month()), &[]), on.year())
        }
        DatePrecision::Year => on.year().to_string(),
        DatePrecision::Unknown => i18n::global().text(lang, "violation-date-unknown", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(y: i32, m: u32, d: u32) -> Week {
        Week::of_date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn weeks_read_as_days_and_months() {
        assert_eq!(week_dates(Lang::En, week(2026, 11, 25), week(2026, 11, 25)), "23–29 Nov 2026");
        assert_eq!(week_dates(Lang::Fr, week(2026, 11, 30), week(2026, 11, 30)), "30 nov. – 6 déc. 2026");
        assert_eq!(week_dates(Lang::En, week(2025, 12, 29), week(2025, 12, 29)), "29 Dec 2025 – 4 Jan 2026");
        let ar = week_dates(Lang::Ar, week(2026, 11, 16), week(2026, 11, 25));
        assert_eq!(ar.replace(['\u{2068}', '\u{2069}'], ""), "من 16 إلى 29 نوفمبر 2026");
        assert_eq!(day(Lang::Fr, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()), "3 déc. 2026");
        let t = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 3, 21, 30, 0).unwrap();
        assert_eq!(moment(Lang::En, t), "3 Dec 2026, 21:30 UTC");
    }
}
