//! Unit scorecards: per security unit (a police station, a brigade), indicators with a
//! direction, a baseline and a target, their measurements (recorded by the organisation that
//! keeps the scorecard, or computed by Tandem from its own records), each indicator's status, and
//! what of it may be shown in public. No I/O here; the records arrive read.
//!
//! The computed series are quarterly, from the keeping organisation's records about the unit:
//! alert response time (from the alert being raised to the unit's first response; median and
//! 90th percentile, R's default quantile), the share of alerts the unit answered before their
//! due time, commitments kept on time (the forums' keeping rule: done by the due day and
//! confirmed by another member), verified violations involving the unit, and the share of
//! referrals to the unit it answered.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::forum::{keeping, Kept};
use crate::violation_stats::{Quarter, PUBLIC_K};
use crate::{InvalidInput, Problem};

word_list!(
    /// What an indicator's numbers are.
    Measure, "measure", "must be percent, hours, days, count or score", {
        Percent => "percent",
        Hours => "hours",
        Days => "days",
        Count => "count",
        Score => "score",
    }
);

word_list!(
    /// Which way is better.
    Direction, "direction", "must be up (higher is better) or down (lower is better)", {
        Up => "up",
        Down => "down",
    }
);

word_list!(
    Frequency, "frequency", "must be monthly, quarterly, twice_a_year or yearly", {
        Monthly => "monthly",
        Quarterly => "quarterly",
        TwiceAYear => "twice_a_year",
        Yearly => "yearly",
    }
);

impl Frequency {
    /// Days after which a measurement is stale: twice the interval.
    pub fn stale_after_days(self) -> i64 {
        2 * match self {
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
            Frequency::TwiceAYear => 183,
            Frequency::Yearly => 366,
        }
    }
}

word_list!(
    /// What Tandem computes from its own records.
    Computed, "computed", "is not an indicator Tandem computes", {
        AlertResponseMedianHours => "alert_response_median_hours",
        AlertResponseP90Hours => "alert_response_p90_hours",
        AlertsAnsweredBeforeDue => "alerts_answered_before_due",
        CommitmentsKeptOnTime => "commitments_kept_on_time",
        VerifiedViolations => "verified_violations",
        ReferralsAnswered => "referrals_answered",
    }
);

impl Computed {
    /// How it is measured and which way is better.
    pub fn shape(self) -> (Measure, Direction) {
        match self {
            Computed::AlertResponseMedianHours | Computed::AlertResponseP90Hours => {
                (Measure::Hours, Direction::Down)
            }
            Computed::AlertsAnsweredBeforeDue
            | Computed::CommitmentsKeptOnTime
            | Computed::ReferralsAnswered => (Measure::Percent, Direction::Up),
            Computed::VerifiedViolations => (Measure::Count, Direction::Down),
        }
    }
}

word_list!(
    Status, "status", "must be on_track, off_track or no_data", {
        OnTrack => "on_track",
        OffTrack => "off_track",
        NoData => "no_data",
    }
);

/// One point of an indicator's trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Point {
    /// The day it stands for: a measurement's day, or the last day of a computed quarter.
    pub on: NaiveDate,
    /// `2026Q1` for a computed quarter, else the day.
    pub period: String,
    pub value: f64,
    /// A survey estimate's 95% interval.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// How many records a computed value stands on (alerts, commitments, referrals,
    /// violations).
    pub n: Option<u32>,
}

/// Whether the latest point is where it should be. No data: nothing measured, or the last
/// measurement older than twice the indicator's interval. On track: the target is met (in the
/// indicator's direction), or, short of it, the latest value is better than the baseline (or,
/// without a baseline, than the point before). Off track otherwise, and when there is nothing
/// to compare with.
pub fn status(
    direction: Direction,
    baseline: Option<f64>,
    target: Option<f64>,
    frequency: Frequency,
    points: &[Point],
    today: NaiveDate,
) -> Status {
    let Some(last) = points.iter().max_by_key(|p| p.on) else { return Status::NoData };
    if (today - last.on).num_days() > frequency.stale_after_days() {
        return Status::NoData;
    }
    let better = |a: f64, b: f64| match direction {
        Direction::Up => a > b,
        Direction::Down => a < b,
    };
    let at_least = |a: f64, b: f64| a == b || better(a, b);
    if target.is_some_and(|t| at_least(last.value, t)) {
        return Status::OnTrack;
    }
    let before = points.iter().filter(|p| p.on < last.on).max_by_key(|p| p.on).map(|p| p.value);
    match baseline.or(before) {
        Some(b) if better(last.value, b) => Status::OnTrack,
        _ => Status::OffTrack,
    }
}

/// An alert of the keeping organisation assigned to the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertTiming {
    pub raised: DateTime<Utc>,
    pub due: Option<DateTime<Utc>>,
    /// The unit's first response.
    pub answered: Option<DateTime<Utc>>,
}

/// A violation of the keeping organisation that involves the unit, verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViolationTiming {
    pub occurred_on: NaiveDate,
    pub verified_on: NaiveDate,
}

/// A commitment of the unit's, with the day another member confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentTiming {
    pub kept: Kept,
    pub confirmed_on: Option<NaiveDate>,
}

/// Everything the computed indicators read about one unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitRecords {
    pub alerts: Vec<AlertTiming>,
    /// The unit's commitments in the keeping organisation's forums.
    pub commitments: Vec<CommitmentTiming>,
    pub violations: Vec<ViolationTiming>,
    /// Referrals to the unit: referred, due, answered.
    pub referrals: Vec<crate::referral_times::Referral>,
}

/// R's default quantile (type 7): linear between the order statistics.
pub fn quantile(xs: &[f64], q: f64) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let h = (v.len() - 1) as f64 * q;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    Some(v[lo] + (h - h.floor()) * (v[hi] - v[lo]))
}

fn share(yes: usize, of: usize) -> Option<f64> {
    (of > 0).then(|| 100.0 * yes as f64 / of as f64)
}

/// One quarter's value of a computed indicator, and how many records it stands on; None when no
/// record falls in it. A quarter is that of the alert being raised, of the commitment's due day,
/// of the violation, of the referral.
pub fn compute(kind: Computed, r: &UnitRecords, quarter: Quarter, today: NaiveDate) -> Option<(f64, u32)> {
    let inside = |d: NaiveDate| Quarter::of(d) == quarter;
    match kind {
        Computed::AlertResponseMedianHours | Computed::AlertResponseP90Hours => {
            let hours: Vec<f64> = r
                .alerts
                .iter()
                .filter(|a| inside(a.raised.date_naive()))
                .filter_map(|a| a.answered.map(|t| (t - a.raised).num_seconds().max(0) as f64 / 3600.0))
                .collect();
            let q = if kind == Computed::AlertResponseMedianHours { 0.5 } else { 0.9 };
            quantile(&hours, q).map(|v| (v, hours.len() as u32))
        }
        Computed::AlertsAnsweredBeforeDue => {
            let due: Vec<&AlertTiming> =
                r.alerts.iter().filter(|a| inside(a.raised.date_naive()) && a.due.is_some()).collect();
            let kept = due.iter().filter(|a| a.answered.zip(a.due).is_some_and(|(t, d)| t <= d)).count();
            share(kept, due.len()).map(|v| (v, due.len() as u32))
        }
        Computed::CommitmentsKeptOnTime => {
            let these: Vec<Kept> =
                r.commitments.iter().map(|c| c.kept.clone()).filter(|c| inside(c.due_on)).collect();
            let k = keeping(&these, today).into_iter().next()?;
            k.rate().map(|rate| (100.0 * rate, k.due))
        }
        Computed::VerifiedViolations => {
            let n = r.violations.iter().filter(|v| inside(v.occurred_on)).count() as u32;
            // A quarter with nothing is a zero once it has begun, not a gap.
            (quarter.first_day() <= today).then_some((f64::from(n), n))
        }
        Computed::ReferralsAnswered => {
            let these: Vec<_> = r.referrals.iter().filter(|x| inside(x.referred_on)).collect();
            let answered = these.iter().filter(|x| x.answered_on.is_some()).count();
            share(answered, these.len()).map(|v| (v, these.len() as u32))
        }
    }
}

/// The last `n` quarters up to the one `today` is in, oldest first.
pub fn quarters(today: NaiveDate, n: usize) -> Vec<Quarter> {
    let mut q = Quarter::of(today);
    let mut out = vec![q];
    while out.len() < n {
        q = if q.q == 1 { Quarter { year: q.year - 1, q: 4 } } else { Quarter { year: q.year, q: q.q - 1 } };
        out.push(q);
    }
    out.reverse();
    out
}

/// A computed indicator's trend over `quarters`.
pub fn series(kind: Computed, r: &UnitRecords, quarters: &[Quarter], today: NaiveDate) -> Vec<Point> {
    quarters
        .iter()
        .filter_map(|q| {
            let (value, n) = compute(kind, r, *q, today)?;
            Some(Point {
                on: q.end().pred_opt().unwrap_or(q.first_day()).min(today),
                period: q.to_string(),
                value,
                low: None,
                high: None,
                n: Some(n),
            })
        })
        .collect()
}

/// A count as the public may see it: the band of k it falls in, `0–4` included (so a zero is
/// not told apart from a few, and no difference with another published count, such as the
/// public violation statistics, pins a small number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicCount {
    pub low: u32,
    pub high: u32,
}

pub fn public_count(n: u32) -> PublicCount {
    let low = n / PUBLIC_K * PUBLIC_K;
    PublicCount { low, high: low + PUBLIC_K - 1 }
}

/// Shares and times are shown in public only when they stand on at least this many records.
pub const PUBLIC_MIN_RECORDS: u32 = 2 * PUBLIC_K;

/// Whether a computed point may be shown in public, and how. Only a quarter released to the
/// public is shown (as the public violation statistics), computed from the records as they
/// stood on its release day ([`as_of`]), so that every later download shows the same figure and
/// watching the page reveals no single new record. A count of violations is shown as its band; a
/// share or a time only when it stands on at least [`PUBLIC_MIN_RECORDS`] records, rounded (a
/// share to 5 points, a time to the hour) and without its record count, so that no small number
/// can be worked back from it (a precise 40% of "5 to 9" records is 2 of 5).
pub fn public_point(
    kind: Computed,
    p: &Point,
    today: NaiveDate,
) -> Option<(Option<f64>, Option<PublicCount>)> {
    let q = Quarter::parse(&p.period)?;
    if !q.released_by(today) {
        return None;
    }
    let n = p.n.unwrap_or(0);
    match kind {
        Computed::VerifiedViolations => Some((None, Some(public_count(n)))),
        _ if n < PUBLIC_MIN_RECORDS => None,
        Computed::AlertResponseMedianHours | Computed::AlertResponseP90Hours => {
            Some((Some(p.value.round()), None))
        }
        _ => Some((Some((p.value / 5.0).round() * 5.0), None)),
    }
}

/// The records as they stood at the start of `day`: answers, confirmations and verifications
/// from that day on are not yet there.
pub fn as_of(r: &UnitRecords, day: NaiveDate) -> UnitRecords {
    UnitRecords {
        alerts: r
            .alerts
            .iter()
            .filter(|a| a.raised.date_naive() < day)
            .map(|a| AlertTiming { answered: a.answered.filter(|t| t.date_naive() < day), ..a.clone() })
            .collect(),
        commitments: r
            .commitments
            .iter()
            .map(|c| {
                let mut kept = c.kept.clone();
                let confirmed_on = c.confirmed_on.filter(|d| *d < day);
                if kept.done_on.is_some_and(|d| d >= day) {
                    kept.done_on = None;
                    kept.status = crate::forum::CommitmentStatus::Open;
                }
                kept.confirmed = confirmed_on.is_some();
                CommitmentTiming { kept, confirmed_on }
            })
            .collect(),
        violations: r.violations.iter().filter(|v| v.verified_on < day).cloned().collect(),
        referrals: r
            .referrals
            .iter()
            .filter(|x| x.referred_on < day)
            .map(|x| crate::referral_times::Referral {
                answered_on: x.answered_on.filter(|d| *d < day),
                ..x.clone()
            })
            .collect(),
    }
}

/// The largest number an indicator takes: larger ones are typing slips, and draw off the chart.
pub const MAX_VALUE: f64 = 1e9;

/// A recorded measurement's number as typed: finite, and a percent within 0–100.
pub fn value(field: &'static str, measure: Measure, raw: f64) -> Result<f64, InvalidInput> {
    if !raw.is_finite() || raw < 0.0 {
        return Err(InvalidInput::new(field, "must be a number of 0 or more"));
    }
    if measure == Measure::Percent && raw > 100.0 {
        return Err(InvalidInput::new(field, "is a percentage: from 0 to 100")
            .because(Problem::Range { min: 0, max: 100 }));
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forum::CommitmentStatus;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, day, h, 0, 0).unwrap()
    }

    fn point(on: NaiveDate, value: f64) -> Point {
        Point { on, period: on.to_string(), value, low: None, high: None, n: None }
    }

    #[test]
    fn quantiles_are_rs_type_7() {
        // R: quantile(c(1, 2, 4, 10), c(.5, .9)) gives 3 and 8.2.
        assert_eq!(quantile(&[10.0, 1.0, 4.0, 2.0], 0.5), Some(3.0));
        assert!((quantile(&[10.0, 1.0, 4.0, 2.0], 0.9).unwrap() - 8.2).abs() < 1e-12);
        assert_eq!(quantile(&[5.0], 0.9), Some(5.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn response_times_and_answers_before_due_by_quarter() {
        let alert = |raised, due_h: i64, answered_h: Option<i64>| AlertTiming {
            raised,
            due: Some(raised + chrono::Duration::hours(due_h)),
            answered: answered_h.map(|h| raised + chrono::Duration::hours(h)),
        };
        let r = UnitRecords {
            alerts: vec![
                alert(at(2026, 1, 5, 8), 48, Some(6)),
                alert(at(2026, 2, 5, 8), 48, Some(30)),
                alert(at(2026, 3, 5, 8), 48, Some(72)),
                alert(at(2026, 3, 9, 8), 48, None),
                alert(at(2026, 4, 2, 8), 48, Some(1)),
            ],
            ..Default::default()
        };
        let q1 = Quarter { year: 2026, q: 1 };
        let today = d(2026, 6, 1);
        assert_eq!(compute(Computed::AlertResponseMedianHours, &r, q1, today), Some((30.0, 3)));
        let (p90, n) = compute(Computed::AlertResponseP90Hours, &r, q1, today).unwrap();
        assert!((p90 - 63.6).abs() < 1e-9 && n == 3, "{p90}");
        assert_eq!(
            compute(Computed::AlertsAnsweredBeforeDue, &r, q1, today),
            Some((50.0, 4)),
            "2 of 4 by their due time"
        );
        assert_eq!(
            compute(Computed::AlertResponseMedianHours, &r, Quarter { year: 2025, q: 4 }, today),
            None
        );
        let s = series(Computed::AlertResponseMedianHours, &r, &quarters(today, 3), today);
        assert_eq!(s.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(), ["2026Q1", "2026Q2"]);
        assert_eq!(s[1].on, d(2026, 6, 1), "the current quarter stands at today");
    }

    #[test]
    fn commitments_violations_and_referrals() {
        let kept = |due_on, status, done_on, confirmed: bool| CommitmentTiming {
            kept: Kept { owner: "unit".into(), due_on, status, done_on, confirmed },
            confirmed_on: confirmed.then_some(d(2026, 3, 20)),
        };
        let r = UnitRecords {
            commitments: vec![
                kept(d(2026, 2, 1), CommitmentStatus::Done, Some(d(2026, 1, 30)), true),
                kept(d(2026, 2, 10), CommitmentStatus::Done, Some(d(2026, 2, 20)), true),
                kept(d(2026, 3, 1), CommitmentStatus::Open, None, false),
                kept(d(2026, 3, 2), CommitmentStatus::Done, Some(d(2026, 3, 1)), false),
            ],
            violations: vec![
                ViolationTiming { occurred_on: d(2026, 1, 3), verified_on: d(2026, 1, 20) },
                ViolationTiming { occurred_on: d(2026, 2, 3), verified_on: d(2026, 9, 20) },
            ],
            referrals: vec![
                crate::referral_times::Referral {
                    institution: "u".into(),
                    referred_on: d(2026, 1, 4),
                    due_on: None,
                    answered_on: Some(d(2026, 1, 9)),
                },
                crate::referral_times::Referral {
                    institution: "u".into(),
                    referred_on: d(2026, 2, 4),
                    due_on: None,
                    answered_on: None,
                },
            ],
            ..Default::default()
        };
        let q1 = Quarter { year: 2026, q: 1 };
        let today = d(2026, 8, 1);
        assert_eq!(
            compute(Computed::CommitmentsKeptOnTime, &r, q1, today),
            Some((25.0, 4)),
            "one kept on time and confirmed"
        );
        assert_eq!(compute(Computed::VerifiedViolations, &r, q1, today), Some((2.0, 2)));
        assert_eq!(
            compute(Computed::VerifiedViolations, &r, Quarter { year: 2026, q: 2 }, today),
            Some((0.0, 0))
        );
        assert_eq!(compute(Computed::VerifiedViolations, &r, Quarter { year: 2027, q: 1 }, today), None);
        assert_eq!(compute(Computed::ReferralsAnswered, &r, q1, today), Some((50.0, 2)));
        // Released on 29 June: the violation verified in September is not counted in public, the
        // referral answered in January is; confirmations after the day are not yet there.
        let then = as_of(&r, q1.release_day());
        assert_eq!(compute(Computed::VerifiedViolations, &then, q1, today), Some((1.0, 1)));
        assert_eq!(compute(Computed::ReferralsAnswered, &then, q1, today), Some((50.0, 2)));
        let early = as_of(&r, d(2026, 2, 15));
        assert_eq!(
            compute(Computed::CommitmentsKeptOnTime, &early, q1, today),
            Some((0.0, 4)),
            "nothing confirmed yet on 15 Feb"
        );
    }

    #[test]
    fn status_reads_the_latest_point() {
        let today = d(2026, 6, 1);
        let up = |b, t, pts: &[Point]| status(Direction::Up, b, t, Frequency::Quarterly, pts, today);
        assert_eq!(up(None, Some(60.0), &[]), Status::NoData);
        assert_eq!(up(None, Some(60.0), &[point(d(2025, 6, 1), 70.0)]), Status::NoData, "stale");
        assert_eq!(up(Some(40.0), Some(60.0), &[point(d(2026, 5, 1), 60.0)]), Status::OnTrack, "target met");
        assert_eq!(
            up(Some(40.0), Some(60.0), &[point(d(2026, 5, 1), 45.0)]),
            Status::OnTrack,
            "better than the baseline"
        );
        assert_eq!(up(Some(50.0), Some(60.0), &[point(d(2026, 5, 1), 45.0)]), Status::OffTrack);
        let pts = [point(d(2026, 2, 1), 50.0), point(d(2026, 5, 1), 45.0)];
        assert_eq!(up(None, Some(60.0), &pts), Status::OffTrack, "worse than the point before");
        let down = status(
            Direction::Down,
            None,
            Some(24.0),
            Frequency::Quarterly,
            &[point(d(2026, 5, 1), 20.0)],
            today,
        );
        assert_eq!(down, Status::OnTrack, "lower is better");
    }

    #[test]
    fn what_the_public_sees() {
        assert_eq!(public_count(0), PublicCount { low: 0, high: 4 }, "a zero reads as a few");
        assert_eq!(public_count(4), PublicCount { low: 0, high: 4 });
        assert_eq!(public_count(5), PublicCount { low: 5, high: 9 });
        assert_eq!(public_count(14), PublicCount { low: 10, high: 14 });
        let p = |period: &str, n, value| Point {
            on: d(2026, 3, 31),
            period: period.into(),
            value,
            low: None,
            high: None,
            n: Some(n),
        };
        let today = d(2026, 8, 1);
        assert_eq!(
            public_point(Computed::ReferralsAnswered, &p("2026Q1", 9, 44.4), today),
            None,
            "a share of nine"
        );
        assert_eq!(
            public_point(Computed::ReferralsAnswered, &p("2026Q1", 12, 41.7), today),
            Some((Some(40.0), None)),
            "rounded, no count"
        );
        assert_eq!(
            public_point(Computed::AlertResponseMedianHours, &p("2026Q1", 12, 7.6), today),
            Some((Some(8.0), None))
        );
        assert_eq!(
            public_point(Computed::ReferralsAnswered, &p("2026Q2", 30, 80.0), today),
            None,
            "not released yet"
        );
        assert_eq!(
            public_point(Computed::VerifiedViolations, &p("2026Q2", 7, 7.0), today),
            None,
            "not released yet"
        );
        assert_eq!(
            public_point(Computed::VerifiedViolations, &p("2026Q1", 3, 3.0), today),
            Some((None, Some(PublicCount { low: 0, high: 4 })))
        );
    }
}
