//! The observatory chapter: violations are scoped by organisation, verified once and only by a
//! second hand, and refer to known areas and act kinds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use tandem_domain::area::PCode;
use tandem_domain::violation::{
    ActSlug, DatePrecision, Ending, InstitutionKind, Involvement, LinkKind, Reliability, SourceInfo,
    SourceKind, VictimGroup, Victims, VictimsState, ViolationStatus, DEFAULT_ACTS,
};
use tandem_domain::{OrgKind, Role};

use crate::conformance::{ev, marenia, new_org, new_user};
use crate::{Evidence, NewReferral, NewViolation, Store, StoreError, ViolationFilter};

pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    s.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
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
        id: tandem_domain::OrgId::new().to_string(),
        area: PCode::parse(area).unwrap(),
        occurred_on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        date_precision: DatePrecision::Month,
        act: ActSlug::parse(act).unwrap(),
        institution: "Kumba Central Police Station".into(),
        institution_kind: InstitutionKind::Police,
        unit: Some("Night patrol".into()),
        involvement: Involvement::Perpetrator,
        method: None,
        targeted_org: None,
        victims: Victims { total: 3, women: Some(1), men: Some(2), ..Default::default() },
        description: "Three traders held overnight without charge".into(),
        documented_by: Some(amina.id.clone()),
        victim_names: None,
        source: SourceInfo::default(),
        source_identity: None,
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
    let verified =
        ViolationFilter { status: Some(ViolationStatus::Verified), limit: 10, ..Default::default() };
    assert_eq!(s.list_violations(&a.id, &verified).await.unwrap().len(), 1);
    let documented =
        ViolationFilter { status: Some(ViolationStatus::Documented), limit: 10, ..Default::default() };
    assert!(s.list_violations(&a.id, &documented).await.unwrap().is_empty());
    // Referred to those concerned, answered, remedied: each step once, in order, and only here.
    let referral = NewReferral {
        to_org: Some(b.id.clone()),
        to: "Other Observatory".into(),
        ask: "Release the three traders and say why they were held".into(),
        due_on: NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        by: bello.id.clone(),
    };
    let undone = s.create_violation(&a.id, &new("extortion", "MR"), ev("violation.create")).await.unwrap();
    let early = s.refer_violation(&a.id, &undone.id, &referral, now, ev("violation.refer")).await;
    assert!(matches!(early, Err(StoreError::Conflict(_))), "not before verification: {early:?}");
    assert!(matches!(
        s.refer_violation(&b.id, &v.id, &referral, now, ev("violation.refer")).await,
        Err(StoreError::NotFound)
    ));
    let stranger = NewReferral { to_org: Some(tandem_domain::OrgId::new()), ..referral.clone() };
    assert!(
        matches!(
            s.refer_violation(&a.id, &v.id, &stranger, now, ev("violation.refer")).await,
            Err(StoreError::NotFound)
        ),
        "an unknown organisation"
    );
    assert!(
        matches!(
            s.record_violation_response(&a.id, &v.id, "x", &bello.id, now, ev("violation.respond")).await,
            Err(StoreError::Conflict(_))
        ),
        "no answer before a referral"
    );
    let referred = s.refer_violation(&a.id, &v.id, &referral, now, ev("violation.refer")).await.unwrap();
    assert_eq!(
        (referred.status, referred.referred_to_org.as_deref(), referred.referral_due_on),
        (ViolationStatus::Referred, Some(b.id.as_str()), Some(referral.due_on))
    );
    assert!(
        matches!(
            s.refer_violation(&a.id, &v.id, &referral, now, ev("violation.refer")).await,
            Err(StoreError::Conflict(_))
        ),
        "referred once"
    );
    let overdue = |day: (i32, u32, u32)| ViolationFilter {
        overdue_on: NaiveDate::from_ymd_opt(day.0, day.1, day.2),
        limit: 10,
        ..Default::default()
    };
    assert!(
        s.list_violations(&a.id, &overdue((2026, 8, 1))).await.unwrap().is_empty(),
        "due that day: not yet overdue"
    );
    assert_eq!(s.list_violations(&a.id, &overdue((2026, 8, 2))).await.unwrap().len(), 1);
    assert!(
        matches!(
            s.end_violation(&a.id, &v.id, Ending::Remedied, &bello.id, now, ev("violation.end")).await,
            Err(StoreError::Conflict(_))
        ),
        "remedied only once answered"
    );
    let answered = s
        .record_violation_response(
            &a.id,
            &v.id,
            "Released; the officer is suspended",
            &bello.id,
            now,
            ev("violation.respond"),
        )
        .await
        .unwrap();
    assert_eq!(
        (answered.status, answered.response.as_deref()),
        (ViolationStatus::Responded, Some("Released; the officer is suspended"))
    );
    assert!(
        s.list_violations(&a.id, &overdue((2026, 9, 1))).await.unwrap().is_empty(),
        "an answered referral is not overdue"
    );
    let ended =
        s.end_violation(&a.id, &v.id, Ending::Remedied, &bello.id, now, ev("violation.end")).await.unwrap();
    assert_eq!(ended.status, ViolationStatus::Remedied);
    assert!(ended.ended_at.is_some());
    assert!(
        matches!(
            s.end_violation(&a.id, &v.id, Ending::Closed, &bello.id, now, ev("violation.end")).await,
            Err(StoreError::Conflict(_))
        ),
        "a remedied violation stays remedied"
    );
    let closed = s
        .end_violation(&a.id, &undone.id, Ending::Closed, &amina.id, now, ev("violation.end"))
        .await
        .unwrap();
    assert_eq!(closed.status, ViolationStatus::Closed, "closed from documented");
    // Every step is in the organisation's audit trail.
    let trail: Vec<String> = s.org_audit(&a.id, 100).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(
        trail.iter().any(|x| x == "violation.create") && trail.iter().any(|x| x == "violation.verify"),
        "{trail:?}"
    );

    // What identifies people is stored sealed, read only through the audited opening.
    let sealed = |text: &str| tandem_domain::seal::Sealed { key_id: "k-test".into(), data: text.into() };
    let mut named = new("torture_ill_treatment", "MR");
    named.victim_names = Some(sealed("c1pher-names"));
    named.source = SourceInfo {
        kind: Some(SourceKind::Witness),
        knowledge: None,
        reliability: Some(Reliability::UsuallyReliable),
    };
    named.source_identity = Some(sealed("c1pher-source"));
    let w = s.create_violation(&a.id, &named, ev("violation.create")).await.unwrap();
    assert!(w.has_victim_names && w.has_source_identity);
    assert_eq!(w.source, named.source);
    assert!(!v.has_victim_names && !v.has_source_identity && v.source == SourceInfo::default());
    use tandem_domain::seal::Purpose;
    for (p, text) in [(Purpose::VictimNames, "c1pher-names"), (Purpose::SourceIdentity, "c1pher-source")] {
        let got = s.read_secret(&a.id, p, &w.id, ev("violation.secret.read")).await.unwrap().unwrap();
        assert_eq!((got.value.as_str(), got.key_id.as_deref()), (text, Some("k-test")));
        assert!(matches!(
            s.read_secret(&b.id, p, &w.id, ev("violation.secret.read")).await,
            Err(StoreError::NotFound)
        ));
    }
    assert!(s.read_secret(&a.id, Purpose::VictimNames, &v.id, ev("x")).await.unwrap().is_none());

    // Evidence: a custody record per file, every opening in its trail, scoped by organisation.
    let file = |violation: &str| Evidence {
        id: tandem_domain::OrgId::new().to_string(),
        org_id: a.id.to_string(),
        violation_id: violation.to_owned(),
        kind: tandem_domain::evidence::EvidenceKind::Photo,
        content_type: "image/jpeg".into(),
        ext: "jpg".into(),
        size: 3_000_000_000,
        sha256: "ab".repeat(32),
        key_id: "k-test".into(),
        uploaded_by: Some(amina.id.to_string()),
        uploaded_at: Utc::now(),
    };
    let photo = s.add_evidence(&a.id, &file(&w.id), ev("evidence.upload")).await.unwrap();
    assert_eq!((photo.size, photo.sha256.len()), (3_000_000_000, 64), "sizes beyond 4 GB fit");
    assert!(
        matches!(s.add_evidence(&b.id, &file(&w.id), ev("evidence.upload")).await, Err(StoreError::NotFound)),
        "evidence only on one's own violation"
    );
    assert_eq!(s.list_evidence(&a.id, &w.id).await.unwrap(), vec![photo.clone()]);
    assert!(s.list_evidence(&b.id, &w.id).await.unwrap().is_empty());
    let opened =
        s.open_evidence(&a.id, &w.id, &photo.id, ev("evidence.open").actor(&bello.id)).await.unwrap();
    assert_eq!(opened, photo);
    assert!(matches!(
        s.open_evidence(&b.id, &w.id, &photo.id, ev("evidence.open")).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            s.open_evidence(&a.id, &v.id, &photo.id, ev("evidence.open")).await,
            Err(StoreError::NotFound)
        ),
        "a file is found only under its own violation"
    );
    let custody: Vec<String> =
        s.custody(&a.id, &photo.id).await.unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(custody, ["evidence.upload", "evidence.open"]);
    assert!(s.custody(&b.id, &photo.id).await.unwrap().is_empty());
    let uses = s.key_use().await.unwrap();
    assert!(uses
        .iter()
        .any(|u| u.purpose == "evidence" && u.key_id.as_deref() == Some("k-test") && u.count == 1));

    // Public statistics read verified violations of every organisation, and a release is frozen
    // by its first writer.
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let later = Utc::now() + chrono::Duration::days(1);
    let counts = s.verified_violation_counts(day(7, 1), day(10, 1), later).await.unwrap();
    let key = |o: &tandem_domain::OrgId| {
        (o.to_string(), "MR".to_owned(), "police".to_owned(), "arbitrary_arrest".to_owned(), 1)
    };
    assert_eq!(counts, vec![key(&a.id)], "verified only, by organisation");
    assert!(s.verified_violation_counts(day(10, 1), day(12, 31), later).await.unwrap().is_empty());
    let before = Utc::now() - chrono::Duration::days(1);
    assert!(
        s.verified_violation_counts(day(7, 1), day(10, 1), before).await.unwrap().is_empty(),
        "verified after the cut-off: not counted"
    );
    assert_eq!(s.earliest_verified_violation().await.unwrap(), Some(day(7, 1)));
    assert_eq!(s.public_release("violations", "2026Q3").await.unwrap(), None);
    let first = s.save_public_release("violations", "2026Q3", 5, "{\"a\":1}").await.unwrap();
    assert_eq!(first, (5, "{\"a\":1}".to_owned()));
    let second = s.save_public_release("violations", "2026Q3", 3, "{\"b\":2}").await.unwrap();
    assert_eq!(second, first, "the first release stands");
    assert_eq!(s.public_release("violations", "2026Q3").await.unwrap(), Some(first));

    // A referral to an organisation on Tandem is seen by it, and by no one else.
    let police = s
        .create_org(&new_org("Kumba Central Police Station", OrgKind::Security, false), ev("org.create"))
        .await
        .unwrap();
    let x = s.create_violation(&a.id, &new("extortion", "MR"), ev("violation.create")).await.unwrap();
    s.verify_violation(&a.id, &x.id, &bello.id, now, ev("violation.verify")).await.unwrap();
    let to_police = NewReferral {
        to_org: Some(police.id.clone()),
        to: "Kumba Central Police Station".into(),
        ask: "Say what was done".into(),
        due_on: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        by: bello.id.clone(),
    };
    s.refer_violation(&a.id, &x.id, &to_police, now, ev("violation.refer")).await.unwrap();
    let theirs = s.referrals_to(&police.id, 50).await.unwrap();
    assert_eq!(theirs.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), [x.id.as_str()]);
    let to_b: Vec<String> = s.referrals_to(&b.id, 50).await.unwrap().into_iter().map(|v| v.id).collect();
    assert_eq!(to_b, std::slice::from_ref(&v.id), "each sees only what was referred to it");
    assert_eq!(s.referral_owner(&police.id, &x.id).await.unwrap(), a.id);
    assert!(matches!(s.referral_owner(&b.id, &x.id).await, Err(StoreError::NotFound)));
    assert!(
        matches!(s.referral_owner(&police.id, &v.id).await, Err(StoreError::NotFound)),
        "not referred to them"
    );

    // The rest of the act: the victims' group and state at the end, the method, the degree of
    // involvement, as written.
    let mut detailed = new("excessive_force", "MR");
    detailed.victims.group = VictimGroup::Community;
    detailed.victims.status = Some(VictimsState::Injured);
    detailed.method = Some("tear gas fired into the market".into());
    detailed.involvement = Involvement::FailedToProtect;
    let d = s.create_violation(&a.id, &detailed, ev("violation.create")).await.unwrap();
    assert_eq!(
        (d.victims.group, d.victims.status, d.method.as_deref(), d.involvement),
        (
            VictimGroup::Community,
            Some(VictimsState::Injured),
            Some("tear gas fired into the market"),
            Involvement::FailedToProtect
        )
    );
    assert_eq!(
        (v.victims.group, v.victims.status, v.involvement),
        (VictimGroup::Individuals, None, Involvement::Perpetrator)
    );

    // An import: all of the file, or nothing of it.
    let before =
        s.list_violations(&a.id, &ViolationFilter { limit: 100, ..Default::default() }).await.unwrap().len();
    let batch = [new("extortion", "MR"), new("arbitrary_arrest", "MR"), new("arbitrary_arrest", "XX01")];
    assert!(matches!(
        s.create_violations(&a.id, &batch, ev("violations.import")).await,
        Err(StoreError::Conflict(_))
    ));
    let count = || async {
        s.list_violations(&a.id, &ViolationFilter { limit: 100, ..Default::default() }).await.unwrap().len()
    };
    assert_eq!(count().await, before, "a bad last row writes nothing");
    assert_eq!(s.create_violations(&a.id, &batch[..2], ev("violations.import")).await.unwrap(), 2);
    assert_eq!(count().await, before + 2);

    // Links: to the organisation's own records only, read from both ends.
    let report = crate::NewReport {
        id: tandem_domain::OrgId::new().to_string(),
        area: PCode::parse("MR").unwrap(),
        category: tandem_domain::report::CategorySlug::parse("displacement").unwrap(),
        severity: tandem_domain::report::Severity::new(3).unwrap(),
        occurred_at: Utc::now(),
        description: "Families fleeing after the raid".into(),
        channel: tandem_domain::report::Channel::Web,
        reporter_contact: None,
        created_by: None,
    };
    let r = s.create_reports(&a.id, std::slice::from_ref(&report)).await.unwrap().remove(0);
    let theirs = s
        .create_reports(
            &b.id,
            &[crate::NewReport { id: tandem_domain::OrgId::new().to_string(), ..report.clone() }],
        )
        .await
        .unwrap()
        .remove(0);
    s.link_violation(&a.id, &d.id, LinkKind::Report, &r.id, &amina.id, ev("violation.link")).await.unwrap();
    s.link_violation(&a.id, &d.id, LinkKind::Report, &r.id, &amina.id, ev("violation.link")).await.unwrap();
    s.link_violation(&a.id, &d.id, LinkKind::Violation, &w.id, &amina.id, ev("violation.link"))
        .await
        .unwrap();
    for (org, id, kind, target) in [
        (&a.id, &d.id, LinkKind::Report, &theirs.id),
        (&a.id, &d.id, LinkKind::Violation, &d.id),
        (&a.id, &d.id, LinkKind::Alert, &r.id),
    ] {
        assert!(
            matches!(
                s.link_violation(org, id, kind, target, &amina.id, ev("violation.link")).await,
                Err(StoreError::Conflict(_))
            ),
            "{kind:?} {target} is not this organisation's to link"
        );
    }
    assert!(matches!(
        s.link_violation(&b.id, &d.id, LinkKind::Report, &theirs.id, &amina.id, ev("violation.link")).await,
        Err(StoreError::NotFound)
    ));
    let ends = |v: Vec<crate::LinkedRecord>| v.into_iter().map(|l| (l.kind, l.id)).collect::<Vec<_>>();
    let from_d = ends(s.links_of(&a.id, LinkKind::Violation, &d.id).await.unwrap());
    assert_eq!(from_d.len(), 2, "a second link is no change: {from_d:?}");
    assert!(
        from_d.contains(&(LinkKind::Report, r.id.clone()))
            && from_d.contains(&(LinkKind::Violation, w.id.clone()))
    );
    assert_eq!(
        ends(s.links_of(&a.id, LinkKind::Violation, &w.id).await.unwrap()),
        [(LinkKind::Violation, d.id.clone())],
        "read both ways"
    );
    assert_eq!(
        ends(s.links_of(&a.id, LinkKind::Report, &r.id).await.unwrap()),
        [(LinkKind::Violation, d.id.clone())]
    );
    assert!(s.links_of(&b.id, LinkKind::Report, &r.id).await.unwrap().is_empty());
    assert!(matches!(
        s.unlink_violation(&b.id, &d.id, LinkKind::Report, &r.id, ev("violation.unlink")).await,
        Err(StoreError::NotFound)
    ));
    s.unlink_violation(&a.id, &d.id, LinkKind::Report, &r.id, ev("violation.unlink")).await.unwrap();
    assert!(s.links_of(&a.id, LinkKind::Report, &r.id).await.unwrap().is_empty());
    assert!(matches!(
        s.unlink_violation(&a.id, &d.id, LinkKind::Report, &r.id, ev("violation.unlink")).await,
        Err(StoreError::NotFound)
    ));
}
