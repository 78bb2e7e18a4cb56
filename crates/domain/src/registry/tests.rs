use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn input() -> ProfileInput {
    ProfileInput {
        mission: "Women mediating between communities and the police.".into(),
        areas: vec!["XE01, XE0102".into()],
        activities: vec!["monitoring".into(), "capacity_building".into()],
        constituencies: vec!["young women، displaced families".into()],
        languages: vec!["en".into(), "fr".into()],
        contact: String::new(),
        visibility: "members".into(),
        values: CoreValue::ALL.iter().map(|v| v.as_str().to_owned()).collect(),
        competencies: vec!["mediation".into()],
        constituency: vec!["on_the_ground".into()],
    }
}

#[test]
fn a_profile_is_checked_and_kept_in_the_lists_order() {
    let known = |a: &str| a.starts_with("XE");
    let p = input().parse(known).unwrap();
    assert_eq!(p.areas, ["XE01", "XE0102"]);
    assert_eq!(p.activities, [Activity::CapacityBuilding, Activity::Monitoring], "the wheel's order");
    assert_eq!(p.constituencies, ["young women", "displaced families"]);
    assert_eq!(p.visibility, Visibility::Members);
    assert!(p.assessment.meets_criteria());
    let mut short = input();
    short.values.pop();
    assert!(!short.parse(known).unwrap().assessment.meets_criteria(), "every core value is asked");
    let mut none = input();
    none.competencies.clear();
    assert!(!none.parse(known).unwrap().assessment.meets_criteria(), "one competency at least");
    for (field, bad) in [
        ("areas", ProfileInput { areas: vec!["ZZ9".into()], ..input() }),
        ("areas", ProfileInput { areas: vec![], ..input() }),
        ("visibility", ProfileInput { visibility: "secret".into(), ..input() }),
        ("competencies", ProfileInput { competencies: vec!["spying".into()], ..input() }),
        ("activities", ProfileInput { activities: vec!["patrols".into()], ..input() }),
        ("mission", ProfileInput { mission: "short".into(), ..input() }),
        ("contact", ProfileInput { contact: "x".into(), ..input() }),
    ] {
        assert_eq!(bad.parse(known).unwrap_err().field, field);
    }
}

fn place(code: &str, parent: Option<&str>) -> Place {
    Place { code: code.into(), parent: parent.map(Into::into) }
}

fn at(org: &str, activity: Activity, area: &str, to: Option<&str>) -> Presence {
    Presence {
        org: org.into(),
        activity: Some(activity),
        area: area.into(),
        from: None,
        to: to.map(day),
        source: Source::Profile,
    }
}

#[test]
fn gaps_are_the_finest_areas_nobody_covers() {
    // XE ⊃ XE01 ⊃ {XE0101, XE0102}; XE ⊃ XE02 (no districts).
    let places = [
        place("XE", None),
        place("XE01", Some("XE")),
        place("XE0101", Some("XE01")),
        place("XE0102", Some("XE01")),
        place("XE02", Some("XE")),
    ];
    let actors = [
        Actor { id: "women".into(), women_led: true, youth_led: false },
        Actor { id: "youth".into(), women_led: false, youth_led: true },
        Actor { id: "police".into(), women_led: false, youth_led: false },
    ];
    let today = day("2026-06-01");
    let presences = [
        at("women", Activity::Monitoring, "XE01", None),
        at("youth", Activity::CapacityBuilding, "XE0102", None),
        // Ended more than a year ago: no longer counts.
        at("youth", Activity::Planning, "XE", Some("2025-01-01")),
        at("police", Activity::Planning, "XE02", Some("2026-03-01")),
        // Someone the viewer may not see is not an actor of the analysis.
        at("hidden", Activity::Assessment, "XE", None),
    ];
    let g = gaps(&places, &actors, &presences, today, None);
    assert_eq!(g.areas_without_women_led, ["XE02"], "the region's network covers both districts");
    assert_eq!(g.areas_without_youth_led, ["XE0101", "XE02"]);
    assert_eq!(g.activities_without_actor, [Activity::Assessment, Activity::Implementation]);
    assert_eq!(
        g.activities_without_actor_by_area["XE0101"],
        [Activity::CapacityBuilding, Activity::Assessment, Activity::Planning, Activity::Implementation]
    );
    let region = gaps(&places, &actors, &presences, today, Some("XE01"));
    assert_eq!(
        region.activities_without_actor,
        [Activity::Assessment, Activity::Planning, Activity::Implementation],
        "a district's training counts for its region"
    );
    let present = present_in(&places, &presences, today);
    assert_eq!(present["XE0102"].iter().collect::<Vec<_>>(), ["hidden", "women", "youth"]);
    assert_eq!(present["XE02"].iter().collect::<Vec<_>>(), ["hidden", "police"]);
    // A loop in the tree does not hang the walk.
    let looped = [place("A", Some("B")), place("B", Some("A"))];
    assert!(gaps(&looped, &actors, &presences, today, None).areas_without_women_led.is_empty());
}
