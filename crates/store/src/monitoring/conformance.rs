//! The monitoring chapter: a survey is its organisation's alone; a file's responses land all
//! together, a second import of the same export adds only what is new, and the columns asked
//! for come back in the order imported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{
    Added, NewIndicator, NewMeasurement, NewScorecard, NewSurvey, NewSurveyResponse, Store, StoreError,
};
use tandem_domain::scorecard::{Computed, Direction, Frequency, Measure};

fn response(key: Option<&str>, answers: &[(&str, &str)]) -> NewSurveyResponse {
    NewSurveyResponse {
        submission: key.map(str::to_owned),
        answers: answers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
    }
}

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    s.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
    let cso = s
        .create_org(&new_org("Kumba Women's Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let other = s
        .create_org(&new_org("Northern Observatory", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    let amina = s.create_user(&new_user("amina@kwpn.example", false), ev("user.create")).await.unwrap();
    s.add_member(&cso.id, &amina.id, Role::Coordinator, ev("member.add")).await.unwrap();

    let new = NewSurvey {
        id: OrgId::new().to_string(),
        title: "Trust in the police, round 1".into(),
        weight: "weight".into(),
        strata: Some("district".into()),
        cluster: Some("group_a/village".into()),
        fielded_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 15),
        questionnaire: None,
        by: amina.id.clone(),
    };
    let made = s.create_survey(&cso.id, &new, ev("survey.create")).await.unwrap();
    assert_eq!(made.questionnaire, None);
    // A questionnaire is set, kept as written, and only by the keeping organisation.
    let text = "trust | Do you trust the police? | yes=Yes, no=No";
    assert!(matches!(
        s.set_questionnaire(&other.id, &made.id, Some(text), ev("survey.questionnaire")).await,
        Err(StoreError::NotFound)
    ));
    let set = s.set_questionnaire(&cso.id, &made.id, Some(text), ev("survey.questionnaire")).await.unwrap();
    assert_eq!(set.questionnaire.as_deref(), Some(text));
    let v1 = tandem_domain::questionnaire::version(&made.title, text);
    let text2 = "trust | Do you trust the police? | yes=Yes, no=No, dk=Do not know";
    s.set_questionnaire(&cso.id, &made.id, Some(text2), ev("survey.questionnaire")).await.unwrap();
    // Every version served is kept, for forms filled against it; only for the keeper.
    assert_eq!(s.served_questionnaire(&cso.id, &made.id, &v1).await.unwrap().as_deref(), Some(text));
    let v2 = tandem_domain::questionnaire::version(&made.title, text2);
    assert_eq!(s.served_questionnaire(&cso.id, &made.id, &v2).await.unwrap().as_deref(), Some(text2));
    assert_eq!(s.served_questionnaire(&other.id, &made.id, &v1).await.unwrap(), None);
    assert_eq!(s.served_questionnaire(&cso.id, &made.id, "1.000000000000").await.unwrap(), None);
    let made = s.set_questionnaire(&cso.id, &made.id, None, ev("survey.questionnaire")).await.unwrap();
    assert_eq!(made.questionnaire, None);
    assert_eq!((made.title.as_str(), made.responses, made.columns.len()), (new.title.as_str(), 0, 0));
    assert_eq!(made.cluster.as_deref(), Some("group_a/village"));
    assert!(matches!(s.get_survey(&other.id, &made.id).await, Err(StoreError::NotFound)));
    assert!(s.list_surveys(&other.id).await.unwrap().is_empty());
    assert_eq!(s.list_surveys(&cso.id).await.unwrap(), vec![made.clone()]);

    let columns: Vec<String> =
        ["_uuid", "weight", "district", "group_a/village", "trust"].map(String::from).into();
    let file = vec![
        response(Some("u1"), &[("weight", "1.5"), ("district", "north"), ("trust", "yes")]),
        response(Some("u2"), &[("weight", "2"), ("district", "south"), ("trust", "no")]),
        response(None, &[("weight", "1"), ("district", "south")]),
    ];
    let added = s.add_responses(&cso.id, &made.id, &columns, &file, ev("survey.import")).await.unwrap();
    assert_eq!(added, Added { imported: 3, already_present: 0 });
    assert!(matches!(
        s.add_responses(&other.id, &made.id, &columns, &file, ev("survey.import")).await,
        Err(StoreError::NotFound)
    ));
    // The same export again, with one new submission and a new column: only the new one lands.
    let mut again = file.clone();
    again.push(response(
        Some("u3"),
        &[("weight", "3"), ("district", "north"), ("trust", "yes"), ("age", "25_34")],
    ));
    let more: Vec<String> = columns.iter().cloned().chain(["age".to_owned()]).collect();
    let added = s.add_responses(&cso.id, &made.id, &more, &again, ev("survey.import")).await.unwrap();
    assert_eq!(
        added,
        Added { imported: 2, already_present: 2 },
        "u1 and u2 were there; the keyless row is new"
    );
    let got = s.get_survey(&cso.id, &made.id).await.unwrap();
    assert_eq!((got.responses, got.columns), (5, more.clone()));

    let want: Vec<String> = ["trust", "weight", "trust"].map(String::from).into();
    let cols = s.response_columns(&cso.id, &made.id, &want).await.unwrap();
    let text = |v: &[&str]| v.iter().map(|x| (!x.is_empty()).then(|| (*x).to_owned())).collect::<Vec<_>>();
    assert_eq!(
        cols,
        vec![
            text(&["yes", "1.5", "yes"]),
            text(&["no", "2", "no"]),
            text(&["", "1", ""]),
            text(&["", "1", ""]),
            text(&["yes", "3", "yes"]),
        ]
    );
    assert!(matches!(s.response_columns(&other.id, &made.id, &want).await, Err(StoreError::NotFound)));

    scorecards(s, &cso.id, &other.id, &amina.id, &made.id).await;
}

/// A scorecard is its keeper's: the unit it watches reads nothing of it until it is published,
/// and then only as the public does; a computed indicator takes no typed measurement.
async fn scorecards(s: &dyn Store, cso: &OrgId, other: &OrgId, by: &tandem_domain::UserId, survey: &str) {
    let police = s
        .create_org(&new_org("Kumba Central Police Station", OrgKind::Security, false), ev("org.create"))
        .await
        .unwrap();
    let new = NewScorecard {
        id: OrgId::new().to_string(),
        unit_org: police.id.clone(),
        area: "MR".into(),
        by: by.clone(),
    };
    let card = s.create_scorecard(cso, &new, ev("scorecard.create")).await.unwrap();
    assert_eq!(
        (card.unit_name.as_str(), card.area_name.as_str(), card.published_at),
        ("Kumba Central Police Station", "Marenia", None)
    );
    let again = NewScorecard { id: OrgId::new().to_string(), ..new.clone() };
    assert!(
        matches!(s.create_scorecard(cso, &again, ev("scorecard.create")).await, Err(StoreError::Conflict(f)) if f == "unit_org")
    );
    let nowhere = NewScorecard { id: OrgId::new().to_string(), area: "XX".into(), ..new.clone() };
    assert!(
        matches!(s.create_scorecard(other, &nowhere, ev("scorecard.create")).await, Err(StoreError::Conflict(f)) if f == "area")
    );
    assert!(matches!(s.unit_scorecard(other, &card.id).await, Err(StoreError::NotFound)));
    assert!(matches!(s.unit_scorecard(&police.id, &card.id).await, Err(StoreError::NotFound)));
    assert!(matches!(s.published_scorecard(&card.id).await, Err(StoreError::NotFound)));

    let trust = NewIndicator {
        id: OrgId::new().to_string(),
        name: "Women who trust the police".into(),
        definition: "Share of women answering yes to: do you trust the police to protect you?".into(),
        measure: Measure::Percent,
        direction: Direction::Up,
        disaggregation: Some("gender".into()),
        baseline: Some(36.0),
        target: Some(50.0),
        frequency: Frequency::TwiceAYear,
        computed: None,
    };
    let ind = s.add_indicator(cso, &card.id, &trust, ev("indicator.create")).await.unwrap();
    assert_eq!((ind.baseline, ind.target, ind.computed), (Some(36.0), Some(50.0), None));
    assert!(matches!(
        s.add_indicator(other, &card.id, &trust, ev("indicator.create")).await,
        Err(StoreError::NotFound)
    ));
    let computed = NewIndicator {
        id: OrgId::new().to_string(),
        computed: Some(Computed::AlertResponseMedianHours),
        measure: Measure::Hours,
        direction: Direction::Down,
        ..trust.clone()
    };
    let computed = s.add_indicator(cso, &card.id, &computed, ev("indicator.create")).await.unwrap();
    let m = NewMeasurement {
        id: OrgId::new().to_string(),
        measured_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        value: 41.5,
        ci_low: Some(35.2),
        ci_high: Some(48.1),
        source: "Perception survey, round 1".into(),
        evidence: Some("The survey's estimate by gender".into()),
        survey_id: Some(survey.to_owned()),
        by: by.clone(),
    };
    let got = s.add_measurement(cso, &ind.id, &m, ev("measurement.add")).await.unwrap();
    assert_eq!((got.value, got.ci_low, got.survey_id.as_deref()), (41.5, Some(35.2), Some(survey)));
    let computed_m = NewMeasurement { id: OrgId::new().to_string(), ..m.clone() };
    assert!(
        matches!(s.add_measurement(cso, &computed.id, &computed_m, ev("measurement.add")).await, Err(StoreError::Conflict(f)) if f == "indicator")
    );
    assert!(matches!(
        s.add_measurement(other, &ind.id, &computed_m, ev("measurement.add")).await,
        Err(StoreError::NotFound)
    ));
    let foreign = NewMeasurement { survey_id: Some("no-such-survey".into()), ..computed_m.clone() };
    assert!(
        matches!(s.add_measurement(cso, &ind.id, &foreign, ev("measurement.add")).await, Err(StoreError::Conflict(f)) if f == "survey")
    );

    assert_eq!(s.get_indicator(cso, &ind.id).await.unwrap(), ind);
    assert!(matches!(s.get_indicator(other, &ind.id).await, Err(StoreError::NotFound)));
    let wrong = NewMeasurement { id: OrgId::new().to_string(), value: 0.0, survey_id: None, ..m.clone() };
    let wrong = s.add_measurement(cso, &ind.id, &wrong, ev("measurement.add")).await.unwrap();
    assert!(matches!(
        s.remove_measurement(other, &wrong.id, ev("measurement.remove")).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(s.remove_measurement(cso, &wrong.id, ev("measurement.remove")).await.unwrap(), wrong);
    assert!(matches!(
        s.remove_measurement(cso, &wrong.id, ev("measurement.remove")).await,
        Err(StoreError::NotFound)
    ));
    let read = s.unit_scorecard(cso, &card.id).await.unwrap();
    assert_eq!((read.indicators.len(), read.measurements.len()), (2, 1));
    assert!(matches!(
        s.publish_scorecard(other, &card.id, true, ev("scorecard.publish")).await,
        Err(StoreError::NotFound)
    ));
    let published = s.publish_scorecard(cso, &card.id, true, ev("scorecard.publish")).await.unwrap();
    assert!(published.published_at.is_some());
    assert_eq!(s.published_scorecard(&card.id).await.unwrap(), read_with(&read, &published));
    assert_eq!(s.published_scorecards().await.unwrap().len(), 1);
    s.publish_scorecard(cso, &card.id, false, ev("scorecard.unpublish")).await.unwrap();
    assert!(matches!(s.published_scorecard(&card.id).await, Err(StoreError::NotFound)), "taken back");
    assert!(s.published_scorecards().await.unwrap().is_empty());
    assert_eq!(s.list_scorecards(cso).await.unwrap().len(), 1);
    assert!(s.list_scorecards(other).await.unwrap().is_empty());
    let nothing = s.unit_records(cso, &police.id).await.unwrap();
    assert_eq!(nothing, tandem_domain::scorecard::UnitRecords::default());
}

fn read_with(r: &crate::ScorecardRecords, card: &crate::Scorecard) -> crate::ScorecardRecords {
    crate::ScorecardRecords { scorecard: card.clone(), ..r.clone() }
}
