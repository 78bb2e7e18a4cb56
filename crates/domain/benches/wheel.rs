//! The coordination wheel at national scale: a network of 500 forums with a year and a half of
//! monthly meetings (9,000), 20,000 commitments, 1,500 trainings, 60,000 reports, 6,000 answered
//! alerts and 300 self-assessments, scored as the wheel page scores them: today and at the end
//! of each of the three quarters before (four wheels). The baseline, in the same run, is the
//! least any scoring must do: visit every record once and sort them by day. The view must stay
//! within a small multiple of it, so that the page is bound by its queries, not its arithmetic.
//! Run: `cargo bench -p tandem-domain --bench wheel` (see docs/benchmarks.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use tandem_domain::forum::{AgeBand, Cadence, CommitmentStatus, Gender, Participants};
use tandem_domain::joint::Conditions;
use tandem_domain::training::Trainees;
use tandem_domain::wheel::{
    self, CommitmentFacts, ConditionsFacts, Facts, ForumFacts, MeetingFacts, Record, TrainingFacts,
};
use tandem_domain::OrgKind;

const FORUMS: usize = 500;
const MEETINGS_PER_FORUM: usize = 18;
const COMMITMENTS: usize = 20_000;
const TRAININGS: usize = 1_500;
const REPORTS: usize = 60_000;
const ALERTS: usize = 6_000;
const SELF_ASSESSMENTS: usize = 300;

fn facts(today: NaiveDate) -> Facts {
    let day = |i: usize| today - Duration::days((i % 540) as i64);
    let kinds = [OrgKind::CivilSociety, OrgKind::Security, OrgKind::Government];
    let genders = [Gender::Female, Gender::Male];
    let mut f = Facts::default();
    for i in 0..FORUMS {
        f.forums.push(ForumFacts {
            record: Record::new("forum", format!("f{i}"), day(i + 400), format!("Forum {i}")),
            cadence: [Cadence::Monthly, Cadence::Quarterly, Cadence::AsNeeded][i % 3],
            has_terms: i % 4 != 0,
        });
        for m in 0..MEETINGS_PER_FORUM {
            let participants = (0..6)
                .map(|k| Participants {
                    org_kind: kinds[k % 3],
                    gender: genders[k % 2],
                    age_band: AgeBand::ALL[(k + m) % AgeBand::ALL.len()],
                    count: 1 + ((i + k + m) % 9) as u32,
                })
                .collect();
            f.meetings.push(MeetingFacts {
                record: Record::new("meeting", format!("m{i}-{m}"), day(m * 30 + i), format!("Forum {i}")),
                forum: format!("f{i}"),
                participants,
            });
        }
        if i % 5 == 0 {
            f.assessments.push(Record::new("assessment", format!("a{i}"), day(i * 3), "Analysis"));
            f.plans.push(Record::new("plan", format!("p{i}"), day(i * 3 + 20), "Plan"));
        }
    }
    for c in 0..COMMITMENTS {
        let status = [
            CommitmentStatus::Done,
            CommitmentStatus::Open,
            CommitmentStatus::InProgress,
            CommitmentStatus::Dropped,
        ][c % 4];
        let due = day(c);
        f.commitments.push(CommitmentFacts {
            record: Record::new("commitment", format!("c{c}"), due, "Light the market road"),
            owner: format!("o{}", c % 900),
            owner_kind: kinds[c % 3],
            status,
            done_on: (status == CommitmentStatus::Done).then(|| due - Duration::days((c % 7) as i64 - 3)),
            has_evidence: c % 3 != 0,
            confirmed_on: (status == CommitmentStatus::Done && c % 2 == 0).then(|| due + Duration::days(5)),
        });
    }
    for t in 0..TRAININGS {
        f.trainings.push(TrainingFacts {
            record: Record::new("training", format!("t{t}"), day(t * 7), "Receiving reports"),
            participants: (0..4)
                .map(|k| Trainees {
                    org_kind: kinds[(t + k) % 3],
                    gender: genders[k % 2],
                    count: 3 + (k as u32),
                })
                .collect(),
        });
    }
    for r in 0..REPORTS {
        f.reports.push(Record::new("report", format!("r{r}"), day(r), "XE0101"));
    }
    for a in 0..ALERTS {
        f.answered_alerts.push(Record::new("alert", format!("al{a}"), day(a * 3), "XE0101"));
    }
    for s in 0..SELF_ASSESSMENTS {
        let v = |k: usize| 1 + ((s + k) % 5) as i64;
        f.conditions.push(ConditionsFacts {
            record: Record::new("self_assessment", format!("s{s}"), day(s * 11), format!("CSO {}", s % 120)),
            org: format!("o{}", s % 120),
            conditions: Conditions::new([v(0), v(1), v(2), v(3), v(4)]).unwrap(),
        });
    }
    f
}

/// Every record's day, sorted: one look at each record and an order over them.
fn baseline(f: &Facts) -> usize {
    let mut days: Vec<NaiveDate> = f
        .forums
        .iter()
        .map(|x| x.record.on)
        .chain(f.meetings.iter().map(|x| x.record.on))
        .chain(f.trainings.iter().map(|x| x.record.on))
        .chain(f.commitments.iter().map(|x| x.record.on))
        .chain(f.conditions.iter().map(|x| x.record.on))
        .chain(f.assessments.iter().chain(&f.plans).chain(&f.reports).chain(&f.answered_alerts).map(|r| r.on))
        .collect();
    days.sort_unstable();
    days.len()
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(v);
    }
    (best, out.unwrap())
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let f = facts(today);
    let records = baseline(&f);
    let (base, _) = best_of(10, || baseline(&f));
    let days = wheel::trend_days(today, 3);
    let (view, wheels) = best_of(10, || wheel::wheels(&f, &days));
    let (one_by_one, _) = best_of(3, || days.iter().map(|d| wheel::wheel(&f, *d)).collect::<Vec<_>>());
    let now = wheels.last().unwrap();
    for (name, t) in [
        ("wide", best_of(5, || wheel::wide(&f, today)).0),
        ("activities", best_of(5, || wheel::activities(&f, today)).0),
        ("deep", best_of(5, || wheel::deep(&f, today)).0),
    ] {
        println!("  of one wheel, {name}: {:.1} ms", t * 1e3);
    }
    println!(
        "records: {records}; level today: {:?}; wide {}, systematic {}, deep {}",
        now.ownership_level, now.wide.score, now.systematic.score, now.deep.score
    );
    println!("baseline (every record's day, sorted): {:.1} ms", base * 1e3);
    println!("the wheel view (today and three quarter ends): {:.1} ms", view * 1e3);
    println!("the same four wheels one by one: {:.1} ms", one_by_one * 1e3);
    println!("ratio: {:.1}× the baseline", view / base);
}
