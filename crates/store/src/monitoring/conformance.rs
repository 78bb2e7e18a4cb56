//! The monitoring chapter: a survey is its organisation's alone; a file's responses land all
//! together, a second import of the same export adds only what is new, and the columns asked
//! for come back in the order imported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{Added, NewSurvey, NewSurveyResponse, Store, StoreError};

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
        by: amina.id.clone(),
    };
    let made = s.create_survey(&cso.id, &new, ev("survey.create")).await.unwrap();
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
}
