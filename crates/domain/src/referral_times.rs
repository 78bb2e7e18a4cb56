//! How fast institutions answer the violations referred to them: per institution, how many were
//! referred, answered, overdue, and the median days from referral to answer. It is the
//! observatory's measure of the loop closing, and what the joint monitoring's unit scorecards
//! read. No I/O here.
use chrono::NaiveDate;
use serde::Serialize;

/// One referral as counted: to whom, when, by when, and when it was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub institution: String,
    pub referred_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
}

/// An institution's record.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerTimes {
    pub institution: String,
    pub referred: u32,
    pub answered: u32,
    /// Unanswered past their due day.
    pub overdue: u32,
    /// Median days from referral to answer, over the answered ones.
    pub median_days: Option<f64>,
    /// The longest an unanswered referral has waited, in days.
    pub longest_waiting_days: Option<i64>,
}

fn median(mut xs: Vec<i64>) -> Option<f64> {
    xs.sort_unstable();
    let n = xs.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(xs[n / 2] as f64),
        _ => Some((xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0),
    }
}

/// Per institution (names compared as written, trimmed, case aside), the slowest to answer
/// first: most overdue, then the longest median.
pub fn answer_times(referrals: &[Referral], today: NaiveDate) -> Vec<AnswerTimes> {
    let mut by: std::collections::BTreeMap<String, (String, Vec<&Referral>)> = Default::default();
    for r in referrals {
        let name = r.institution.trim();
        by.entry(name.to_lowercase()).or_insert_with(|| (name.to_owned(), vec![])).1.push(r);
    }
    let mut out: Vec<AnswerTimes> = by
        .into_values()
        .map(|(institution, rs)| {
            let days: Vec<i64> = rs
                .iter()
                .filter_map(|r| r.answered_on.map(|a| (a - r.referred_on).num_days().max(0)))
                .collect();
            let open: Vec<&&Referral> = rs.iter().filter(|r| r.answered_on.is_none()).collect();
            AnswerTimes {
                institution,
                referred: rs.len() as u32,
                answered: days.len() as u32,
                overdue: open.iter().filter(|r| r.due_on.is_some_and(|d| d < today)).count() as u32,
                median_days: median(days),
                longest_waiting_days: open.iter().map(|r| (today - r.referred_on).num_days().max(0)).max(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(b.median_days.unwrap_or(0.0).total_cmp(&a.median_days.unwrap_or(0.0)))
            .then(a.institution.cmp(&b.institution))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn r(who: &str, on: NaiveDate, due: NaiveDate, answered: Option<NaiveDate>) -> Referral {
        Referral { institution: who.into(), referred_on: on, due_on: Some(due), answered_on: answered }
    }

    #[test]
    fn per_institution_the_slowest_first() {
        let today = day(12, 2);
        let list = [
            r("Kumba Central Police Station", day(9, 1), day(9, 15), Some(day(9, 11))),
            r("kumba central police station ", day(10, 1), day(10, 15), Some(day(10, 5))),
            r("Kumba Central Police Station", day(11, 1), day(11, 15), None),
            r("3rd Brigade", day(11, 20), day(12, 10), None),
            r("3rd Brigade", day(8, 1), day(8, 15), Some(day(9, 30))),
        ];
        let t = answer_times(&list, today);
        assert_eq!(t.len(), 2, "names compared as written, case and spaces aside");
        let police = &t[0];
        assert_eq!(police.institution, "Kumba Central Police Station");
        assert_eq!((police.referred, police.answered, police.overdue), (3, 2, 1));
        assert_eq!(police.median_days, Some(7.0), "10 and 4 days");
        assert_eq!(police.longest_waiting_days, Some(31));
        let brigade = &t[1];
        assert_eq!((brigade.answered, brigade.overdue, brigade.median_days), (1, 0, Some(60.0)));
        assert_eq!(brigade.longest_waiting_days, Some(12));
        assert!(answer_times(&[], today).is_empty());
    }
}
