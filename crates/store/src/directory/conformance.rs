//! The directory chapter: a listing is kept as written, found by the areas it serves and its
//! kind, and removed by its organisation alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use tandem_domain::directory::{ServiceInput, ServiceKind};
use tandem_domain::OrgKind;

use crate::conformance::{ev, new_org};
use crate::{ServiceFilter, Store, StoreError};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let cso = s
        .create_org(&new_org("Kumba Women's Peace Network", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let other = s
        .create_org(&new_org("Northern Observatory", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    let listing = |name: &str, kind: &str, areas: &[&str]| {
        ServiceInput {
            name: name.into(),
            kind: kind.into(),
            description: "A service that needs no police.".into(),
            areas: areas.iter().map(|a| (*a).to_owned()).collect(),
            languages: vec!["en".into(), "fr".into()],
            eligibility: "Anyone".into(),
            contact: "+237 600 000 000".into(),
            hours: "Mon–Fri 9–17".into(),
        }
        .parse(|_| true)
        .unwrap()
    };
    let shelter = s
        .add_service(
            &cso.id,
            "s1",
            &listing("Women's shelter", "gbv_shelter", &["MR0101"]),
            ev("service.add"),
        )
        .await
        .unwrap();
    assert_eq!(
        (shelter.org_name.as_str(), shelter.areas.clone()),
        ("Kumba Women's Peace Network", vec!["MR0101".to_owned()])
    );
    s.add_service(&other.id, "s2", &listing("National hotline", "hotline", &["MR"]), ev("service.add"))
        .await
        .unwrap();
    s.add_service(&other.id, "s3", &listing("Legal clinic", "legal_aid", &["MR02"]), ev("service.add"))
        .await
        .unwrap();
    let names = |v: Vec<crate::Service>| v.into_iter().map(|s| s.name).collect::<Vec<_>>();
    // A district's services: its own, and those serving the areas it lies in.
    let in_district = ServiceFilter { areas: vec!["MR0101".into(), "MR01".into(), "MR".into()], kind: None };
    assert_eq!(
        names(s.services(&in_district).await.unwrap()),
        ["Women's shelter", "National hotline"],
        "by kind, then name"
    );
    let hotlines = ServiceFilter { kind: Some(ServiceKind::Hotline), ..in_district.clone() };
    assert_eq!(names(s.services(&hotlines).await.unwrap()), ["National hotline"]);
    assert_eq!(s.services(&ServiceFilter::default()).await.unwrap().len(), 3, "no area: all");
    // A code inside another is not a match: MR01 is not MR0101's listing.
    let elsewhere = ServiceFilter { areas: vec!["MR01".into()], kind: None };
    assert!(names(s.services(&elsewhere).await.unwrap()).is_empty());
    assert!(matches!(
        s.remove_service(&other.id, "s1", ev("service.remove")).await,
        Err(StoreError::NotFound)
    ));
    s.remove_service(&cso.id, "s1", ev("service.remove")).await.unwrap();
    assert_eq!(s.services(&ServiceFilter::default()).await.unwrap().len(), 2);
}
