//! The wheel's scores against examples worked by hand (the arithmetic is in the comments and in
//! docs/ownership.md).
use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

fn ago(days: i64) -> NaiveDate {
    today() - Duration::days(days)
}

fn rec(kind: &str, id: &str, on: NaiveDate) -> Record {
    Record::new(kind, id, on, id)
}

fn meeting(id: &str, forum: &str, on: NaiveDate, lines: &[(OrgKind, Gender, AgeBand, u32)]) -> MeetingFacts {
    MeetingFacts {
        record: rec("meeting", id, on),
        forum: forum.into(),
        participants: lines
            .iter()
            .map(|(org_kind, gender, age_band, count)| Participants {
                org_kind: *org_kind,
                gender: *gender,
                age_band: *age_band,
                count: *count,
            })
            .collect(),
    }
}

fn commitment(
    id: &str,
    owner_kind: OrgKind,
    due: i64,
    status: CommitmentStatus,
    done: Option<i64>,
    confirmed: Option<i64>,
) -> CommitmentFacts {
    CommitmentFacts {
        record: rec("commitment", id, ago(due)),
        owner: format!("{owner_kind:?}"),
        owner_kind,
        status,
        done_on: done.map(ago),
        has_evidence: done.is_some(),
        confirmed_on: confirmed.map(ago),
    }
}

fn conditions(id: &str, org: &str, on: i64, s: [i64; 5]) -> ConditionsFacts {
    ConditionsFacts {
        record: rec("self_assessment", id, ago(on)),
        org: org.into(),
        conditions: Conditions::new(s).unwrap(),
    }
}

fn ids(v: &[Record]) -> Vec<&str> {
    v.iter().map(|r| r.id.as_str()).collect()
}

fn value(s: &Score, name: &str) -> f64 {
    s.parts.iter().find(|p| p.name == name).unwrap().value
}

use AgeBand::*;
use Gender::*;
use OrgKind::*;

#[test]
fn wide_is_the_mean_of_gender_balance_youth_age_spread_and_sectors() {
    let facts = Facts {
        meetings: vec![
            meeting(
                "m1",
                "f",
                ago(30),
                &[
                    (CivilSociety, Female, From18To24, 6),
                    (Security, Male, From35To49, 3),
                    (Government, Female, From25To34, 1),
                ],
            ),
            // Older than twelve months: its hundred men count for nothing.
            meeting("old", "f", ago(400), &[(Security, Male, Over50, 100)]),
        ],
        trainings: vec![TrainingFacts {
            record: rec("training", "t1", ago(10)),
            participants: vec![
                Trainees { org_kind: Security, gender: Male, count: 4 },
                Trainees { org_kind: CivilSociety, gender: Female, count: 2 },
            ],
        }],
        ..Default::default()
    };
    let w = wide(&facts, today());
    // Women 6 + 1 + 2 = 9, men 3 + 4 = 7: 2 × 7 ÷ 16 = 0.875.
    assert!((value(&w, "gender_balance") - 0.875).abs() < 1e-9);
    // 6 of the 10 with an age band are 18–24: 0.6 ÷ 0.25, full.
    assert_eq!(value(&w, "youth"), 1.0);
    // Bands 0.6, 0.1, 0.3: −Σ p ln p = 0.897946; ÷ ln 5 = 0.557925.
    assert!((value(&w, "age_spread") - 0.557925).abs() < 1e-6);
    assert_eq!(value(&w, "sectors"), 1.0);
    // (0.875 + 1 + 0.557925 + 1) ÷ 4 = 0.858 → 86.
    assert_eq!(w.score, 86);
    assert_eq!(ids(&w.evidence), ["t1", "m1"], "the records it came from, newest first");
}

#[test]
fn wide_is_nothing_without_anyone_counted_and_one_sided_rooms_score_low() {
    assert_eq!(wide(&Facts::default(), today()).score, 0);
    let facts = Facts {
        meetings: vec![meeting("m", "f", ago(5), &[(Security, Male, From35To49, 20)])],
        ..Default::default()
    };
    let w = wide(&facts, today());
    // No women (0), no youth (0), one band (0), one kind of three (1/3): 0.0833 → 8.
    assert_eq!(w.score, 8);
    assert_eq!(gender_balance(5, 5), 1.0);
    assert!((age_spread(&[2, 2, 2, 2, 2]) - 1.0).abs() < 1e-12);
}

#[test]
fn systematic_is_a_fifth_per_activity_in_the_last_twelve_months() {
    let facts = Facts {
        trainings: vec![TrainingFacts { record: rec("training", "t", ago(100)), participants: vec![] }],
        assessments: vec![rec("assessment", "a", ago(364))],
        plans: vec![rec("plan", "p-old", ago(365))],
        commitments: vec![commitment("c-csos", CivilSociety, 40, CommitmentStatus::Done, Some(50), None)],
        ..Default::default()
    };
    let a = activities(&facts, today());
    assert!(a.capacity_building.done && a.assessment.done && a.implementation.done);
    assert!(!a.planning.done, "a plan adopted 365 days ago has aged out");
    assert!(!a.monitoring.done, "a commitment nobody confirmed is not monitored");
    let s = systematic(&a);
    assert_eq!(s.score, 60);
    assert_eq!(ids(&s.evidence), ["c-csos", "t", "a"], "newest first");
    let confirmed = Facts {
        commitments: vec![commitment("c", Security, 40, CommitmentStatus::Done, Some(50), Some(45))],
        ..facts
    };
    assert!(activities(&confirmed, today()).monitoring.done);
}

#[test]
fn deep_is_the_mean_of_standing_mechanisms_commitments_kept_and_cso_conditions() {
    let forum =
        |id: &str, cadence, has_terms| ForumFacts { record: rec("forum", id, ago(700)), cadence, has_terms };
    let mut meetings: Vec<MeetingFacts> =
        (0..6).map(|i| meeting(&format!("a{i}"), "A", ago(20 + 30 * i), &[])).collect();
    meetings.extend((0..4).map(|i| meeting(&format!("b{i}"), "B", ago(10 + 80 * i), &[])));
    meetings.push(meeting("b-old", "B", ago(500), &[]));
    let facts = Facts {
        forums: vec![forum("A", Cadence::Monthly, true), forum("B", Cadence::Quarterly, false)],
        meetings,
        commitments: vec![
            // Due 60 days ago, done 70 days ago, confirmed: kept.
            commitment("c1", Security, 60, CommitmentStatus::Done, Some(70), Some(65)),
            // Due 30 days ago and still open: due, not kept.
            commitment("c2", Government, 30, CommitmentStatus::Open, None, None),
            // Not due yet.
            commitment("c3", Security, -30, CommitmentStatus::Open, None, None),
            // Due and done before the window: not this year's.
            commitment("c4", Security, 500, CommitmentStatus::Done, Some(480), Some(470)),
            // Due 20 days ago, done 10 days ago: late, so not kept on time.
            commitment("c5", CivilSociety, 20, CommitmentStatus::Done, Some(10), Some(5)),
        ],
        conditions: vec![
            conditions("x-old", "X", 400, [5; 5]),
            conditions("x1", "X", 100, [3; 5]),
            conditions("x2", "X", 50, [4; 5]),
            conditions("y1", "Y", 80, [1; 5]),
        ],
        ..Default::default()
    };
    let d = deep(&facts, today());
    // A: ½ (terms) + ½ × 6/12 = 0.75; B: 0 + ½ × min(1, 4/4) = 0.5; mean 0.625.
    assert!((value(&d, "mechanisms") - 0.625).abs() < 1e-9);
    // Due c1, c2, c5; kept on time c1: 1/3.
    assert!((value(&d, "commitments_kept") - 1.0 / 3.0).abs() < 1e-9);
    // X's latest (all 4) is 0.75, Y's (all 1) is 0: mean 0.375.
    assert!((value(&d, "cso_conditions") - 0.375).abs() < 1e-9);
    // (0.625 + 0.3333 + 0.375) ÷ 3 = 0.444 → 44.
    assert_eq!(d.score, 44);
    let listed = ids(&d.evidence);
    for id in ["A", "B", "c1", "c2", "c5", "x2", "y1"] {
        assert!(listed.contains(&id), "{id} is listed");
    }
    for id in ["c3", "c4", "x1", "x-old"] {
        assert!(!listed.contains(&id), "{id} is not");
    }
}

#[test]
fn the_area_climbs_the_four_levels_as_evidence_is_added_and_falls_back_as_it_ages() {
    let mut facts = Facts::default();
    assert_eq!(wheel(&facts, today()).ownership_level, None);
    facts.reports.push(rec("report", "r", ago(200)));
    assert_eq!(wheel(&facts, today()).ownership_level, Some(Level::InformationSharing));
    // A meeting among the police alone is no dialogue.
    facts.meetings.push(meeting("police-only", "f", ago(100), &[(Security, Male, From35To49, 5)]));
    assert_eq!(wheel(&facts, today()).ownership_level, Some(Level::InformationSharing));
    facts.meetings.push(meeting(
        "m",
        "f",
        ago(90),
        &[(CivilSociety, Female, From25To34, 4), (Security, Male, From35To49, 2)],
    ));
    assert_eq!(wheel(&facts, today()).ownership_level, Some(Level::DialogueConsultation));
    // A CSO's own commitment done does not make it joint implementation; the police's does.
    facts.commitments.push(commitment("cso", CivilSociety, 10, CommitmentStatus::Done, Some(20), None));
    assert_eq!(wheel(&facts, today()).ownership_level, Some(Level::DialogueConsultation));
    facts.commitments.push(commitment("police", Security, 10, CommitmentStatus::Done, Some(60), None));
    let w = wheel(&facts, today());
    assert_eq!(w.ownership_level, Some(Level::JointImplementation));
    assert_eq!(ids(&w.level_evidence), ["police"]);
    assert_eq!(w.level_evidence[0].on, ago(60), "dated the day it was done");
    facts.answered_alerts.push(rec("alert", "a", ago(30)));
    assert_eq!(ids(&wheel(&facts, today()).level_evidence), ["a", "police"]);
    facts.scorecards.push(rec("scorecard", "s", ago(5)));
    assert_eq!(wheel(&facts, today()).ownership_level, Some(Level::JointOversight));
    assert_eq!(on_day(&facts, 359), Some(Level::JointOversight));
    assert_eq!(on_day(&facts, 360), None, "everything else was older still");
}

fn on_day(facts: &Facts, later: i64) -> Option<Level> {
    wheel(facts, today() + Duration::days(later)).ownership_level
}

#[test]
fn the_level_falls_back_a_step_as_each_piece_of_evidence_passes_twelve_months() {
    let facts = Facts {
        scorecards: vec![rec("scorecard", "s", ago(300))],
        answered_alerts: vec![rec("alert", "a", ago(200))],
        meetings: vec![meeting(
            "m",
            "f",
            ago(100),
            &[(CivilSociety, Female, From25To34, 4), (Government, Male, Over50, 1)],
        )],
        reports: vec![rec("report", "r", ago(10))],
        ..Default::default()
    };
    assert_eq!(on_day(&facts, 0), Some(Level::JointOversight));
    assert_eq!(on_day(&facts, 64), Some(Level::JointOversight), "the scorecard is 364 days old");
    assert_eq!(on_day(&facts, 65), Some(Level::JointImplementation), "365: gone");
    assert_eq!(on_day(&facts, 164), Some(Level::JointImplementation));
    assert_eq!(on_day(&facts, 165), Some(Level::DialogueConsultation));
    assert_eq!(on_day(&facts, 265), Some(Level::InformationSharing));
    assert_eq!(on_day(&facts, 354), Some(Level::InformationSharing));
    assert_eq!(on_day(&facts, 355), None);
}

#[test]
fn the_trend_is_read_at_each_quarter_end_then_today() {
    let days = trend_days(today(), 3);
    let s: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    assert_eq!(s, ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-02"]);
    assert_eq!(quarter_of(days[0]), "2026Q1");
    assert_eq!(facts_since(today(), 3), NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
    assert_eq!(meetings_per_year(Cadence::AsNeeded), 1);
}
