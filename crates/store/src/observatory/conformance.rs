//! The observatory chapter: violations are scoped by organisation, verified once and only by a
//! second hand, and refer to known areas and act kinds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::violation::{
    ActSlug, DatePrecision, InstitutionKind, Victims, ViolationStatus, DEFAULT_ACTS,
};
use tandem_domain::{OrgKind, Role};

use crate::conformance::{ev, new_org, new_user};
use crate::{NewArea, NewViolation, Store, StoreError, ViolationFilter};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let area = NewArea {
        code: PCode::parse("MR").unwrap(),
        name: "Marenia".into(),
        level: AreaLevel::Country,
        parent: None,
        geometry: None,
    };
    s.create_areas(&[area], ev("areas.import")).await.unwrap();
    let a = s
        .create_org(&new_org("Lakeside Observatory", OrgKind::CivilSociety, true), ev("org.create"))
        .await
        .unwrap();
    let b = s
        .create_org(&new_org("Other Observatory", OrgKind::CivilSociety, false), ev("org.create"))
        .await
        .unwrap();
    let amina = s.create_user(&new_user("amina@obs.example", false), ev("user.create")).await.unwrap();
    let bello = s.create_user(&new_user("bello@obs.example", false), ev("user.create")).await.unwrap();
    s.add_member(&a.id, &amina.id, Role::Coordinator, ev("member.add")).await.unwrap();
    s.add_member(&a.id, &bello.id, Role::Coordinator, ev("member.add")).await.unwrap();

    let kinds = s.act_kinds().await.unwrap();
    assert_eq!(
        kinds.iter().map(|k| k.slug.as_str()).collect::<Vec<_>>(),
        DEFAULT_ACTS,
        "the default list, in order"
    );
    assert!(kinds.iter().all(|k| !k.rights.is_empty()), "each act names the rights it affects");

    let new = |act: &str, area: &str| NewViolation {
        area: PCode::parse(area).unwrap(),
        occurred_on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        date_precision: DatePrecision::Month,
        act: ActSlug::parse(act).unwrap(),
        institution: "Kumba Central Police Station".into(),
        institution_kind: InstitutionKind::Police,
        unit: Some("Night patrol".into()),
        victims: Victims { total: 3, women: Some(1), men: Some(2), girls: None, boys: None },
        description: "Three traders held overnight without charge".into(),
        documented_by: Some(amina.id.clone()),
    };
    let v = s.create_violation(&a.id, &new("arbitrary_arrest", "MR"), ev("violation.create")).await.unwrap();
    assert_eq!(
        (v.status, v.act.as_str(), v.victims.total, v.victims.men),
        (ViolationStatus::Documented, "arbitrary_arrest", 3, Some(2))
    );
    assert_eq!(
        (v.occurred_on, v.date_precision, v.unit.as_deref()),
        (NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(), DatePrecision::Month, Some("Night patrol"))
    );
    assert_eq!(s.get_violation(&a.id, &v.id).await.unwrap(), v);
    assert!(
        matches!(s.get_violation(&b.id, &v.id).await, Err(StoreError::NotFound)),
        "another organisation's is not found"
    );
    for (act, area) in [("no_such_act", "MR"), ("arbitrary_arrest", "XX01")] {
        assert!(
            matches!(
                s.create_violation(&a.id, &new(act, area), ev("violation.create")).await,
                Err(StoreError::Conflict(_))
            ),
            "{act} in {area} must be refused"
        );
    }
    assert_eq!(
        s.list_violations(&a.id, &ViolationFilter { limit: 10, ..Default::default() }).await.unwrap().len(),
        1,
        "a refused one writes nothing"
    );
    assert!(s
        .list_violations(&b.id, &ViolationFilter { limit: 10, ..Default::default() })
        .await
        .unwrap()
        .is_empty());

    // The second key: not the documenter, not another organisation, once only.
    let now = Utc::now();
    assert!(matches!(
        s.verify_violation(&a.id, &v.id, &amina.id, now, ev("violation.verify")).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.verify_violation(&b.id, &v.id, &bello.id, now, ev("violation.verify")).await,
        Err(StoreError::NotFound)
    ));
    let done = s.verify_violation(&a.id, &v.id, &bello.id, now, ev("violation.verify")).await.unwrap();
    assert_eq!(
        (done.status, done.verified_by.as_deref()),
        (ViolationStatus::Verified, Some(bello.id.as_str()))
    );
    assert!(done.verified_at.is_some());
    assert!(
        matches!(
            s.verify_violation(&a.id, &v.id, &bello.id, now, ev("violation.verify")).await,
            Err(StoreError::Conflict(_))
        ),
        "verified once"
    );
    let verified = ViolationFilter { status: Some(ViolationStatus::Verified), limit: 10, offset: 0 };
    assert_eq!(s.list_violations(&a.id, &verified).await.unwrap().len(), 1);
    let documented = ViolationFilter { status: Some(ViolationStatus::Documented), limit: 10, offset: 0 };
    assert!(s.list_violations(&a.id, &documented).await.unwrap().is_empty());
    // Every step is in the organisation's audit trail.
    let trail: Vec<String> = s.org_audit(&a.id, 100).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(
        trail.iter().any(|x| x == "violation.create") && trail.iter().any(|x| x == "violation.verify"),
        "{trail:?}"
    );
}
