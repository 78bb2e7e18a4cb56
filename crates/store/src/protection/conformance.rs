//! The protection chapter of the conformance story: sharing agreements, what owners share,
//! sealed secrets, protected names, retention, erasure and export.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::sync::Arc;

use chrono::{Duration, Utc};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::report::{CategorySlug, Channel, ReportStatus, Severity};
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::sharing::{RecordKind, ShareMode, K};
use tandem_domain::week::Week;
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, hex_of, new_org, new_user};
use crate::{AlertPlan, NewAgreement, NewArea, NewReport, ReportFilter, Store, StoreError};

fn sealed(text: &str, key: &str) -> Sealed {
    Sealed { key_id: key.into(), data: hex_of(text) }
}

/// Runs the chapter against `store`, which must be freshly created and empty.
pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let area = |code: &str, level, parent: Option<&str>| NewArea {
        code: PCode::parse(code).unwrap(),
        name: code.into(),
        level,
        parent: parent.map(|p| PCode::parse(p).unwrap()),
        geometry: None,
    };
    s.create_areas(
        &[
            area("MR", AreaLevel::Country, None),
            area("MR01", AreaLevel::Admin1, Some("MR")),
            area("MR0101", AreaLevel::Admin2, Some("MR01")),
            area("MR0102", AreaLevel::Admin2, Some("MR01")),
        ],
        ev("areas"),
    )
    .await
    .unwrap();
    let owner =
        s.create_org(&new_org("Owner Network", OrgKind::CivilSociety, true), ev("org")).await.unwrap();
    let partner =
        s.create_org(&new_org("Partner Station", OrgKind::Security, false), ev("org")).await.unwrap();
    let stranger =
        s.create_org(&new_org("Unrelated Group", OrgKind::CivilSociety, false), ev("org")).await.unwrap();
    let coord = s.create_user(&new_user("coord@owner.example", false), ev("user")).await.unwrap();
    s.add_member(&owner.id, &coord.id, Role::Coordinator, ev("member")).await.unwrap();

    // Reports: two with contacts, sealed by the caller.
    let t0 = Utc::now() - Duration::days(20);
    let report = |area: &str, cat: &str, days: i64, contact: Option<&str>| NewReport {
        id: OrgId::new().to_string(),
        area: PCode::parse(area).unwrap(),
        category: CategorySlug::parse(cat).unwrap(),
        severity: Severity::new(2).unwrap(),
        occurred_at: t0 + Duration::days(days),
        description: format!("tension near the market, day {days}"),
        channel: Channel::Api,
        reporter_contact: contact.map(|c| sealed(c, "k-one")),
        created_by: Some(coord.id.clone()),
    };
    let made = s
        .create_reports(
            &owner.id,
            &[
                report("MR0101", "hate_speech", 0, Some("+237 600 000 001")),
                report("MR0101", "hate_speech", 1, None),
                report("MR0102", "gbv", 1, Some("amina@example.org")),
                report("MR0102", "crime", 2, None),
            ],
        )
        .await
        .unwrap();
    assert!(made.iter().all(|r| r.verified_at.is_none()));
    for r in &made[..3] {
        let v = s
            .set_report_status(
                &owner.id,
                &r.id,
                ReportStatus::New,
                ReportStatus::Verified,
                &coord.id,
                ev("verify"),
            )
            .await
            .unwrap();
        assert!(v.verified_at.is_some(), "verification is dated");
    }
    let closed = s
        .set_report_status(
            &owner.id,
            &made[0].id,
            ReportStatus::Verified,
            ReportStatus::Closed,
            &coord.id,
            ev("close"),
        )
        .await
        .unwrap();
    assert!(closed.verified_at.is_some(), "a closed report stays verified");
    s.set_report_status(
        &owner.id,
        &made[3].id,
        ReportStatus::New,
        ReportStatus::Dismissed,
        &coord.id,
        ev("dismiss"),
    )
    .await
    .unwrap();

    // Agreements.
    let now = Utc::now();
    let terms = |partner: &OrgId, from| NewAgreement {
        partner: partner.clone(),
        mode: ShareMode::Aggregates,
        area_level: AreaLevel::Admin1,
        k: K::default(),
        categories: vec![CategorySlug::parse("hate_speech").unwrap(), CategorySlug::parse("gbv").unwrap()],
        kinds: vec![RecordKind::Reports, RecordKind::Alerts],
        valid_from: from,
        valid_to: None,
        created_by: coord.id.clone(),
    };
    let a1 = s
        .create_agreement(&owner.id, &terms(&partner.id, now - Duration::hours(1)), ev("share"))
        .await
        .unwrap();
    assert_eq!(
        (a1.owner_name.as_str(), a1.partner_name.as_str(), a1.k),
        ("Owner Network", "Partner Station", 5)
    );
    assert_eq!(a1.categories, vec!["hate_speech", "gbv"]);
    assert_eq!(a1.kinds, vec![RecordKind::Reports, RecordKind::Alerts]);
    assert!(a1.in_force(now) && a1.revoked_at.is_none());
    let overlap =
        s.create_agreement(&owner.id, &terms(&partner.id, now + Duration::days(3)), ev("share")).await;
    assert!(matches!(overlap, Err(StoreError::Conflict(_))), "{overlap:?}");
    let ghost = s.create_agreement(&owner.id, &terms(&OrgId::new(), now), ev("share")).await;
    assert!(matches!(ghost, Err(StoreError::NotFound)), "{ghost:?}");
    assert_eq!(s.list_agreements(&owner.id).await.unwrap(), vec![a1.clone()]);
    assert_eq!(s.list_agreements(&partner.id).await.unwrap(), vec![a1.clone()], "both parties see it");
    assert!(s.list_agreements(&stranger.id).await.unwrap().is_empty());
    assert_eq!(s.get_agreement(&partner.id, &a1.id).await.unwrap(), a1);
    assert!(matches!(s.get_agreement(&stranger.id, &a1.id).await, Err(StoreError::NotFound)));
    assert_eq!(s.agreements_for_partner(&partner.id, now).await.unwrap(), vec![a1.clone()]);
    assert!(s.agreements_for_partner(&owner.id, now).await.unwrap().is_empty(), "owners receive nothing");
    assert!(s.agreements_for_partner(&partner.id, now - Duration::days(1)).await.unwrap().is_empty());

    // What the owner shares: verified reports only, never the dismissed one.
    let wk = Week::of(t0);
    let weeks = (Week(wk.0 - 1), Week(wk.0 + 5));
    let mut counts = s.verified_counts(&owner.id, None, weeks).await.unwrap();
    counts.sort();
    let expect_hate = (String::from("MR0101"), String::from("hate_speech"));
    let total: u32 = counts.iter().map(|c| c.3).sum();
    assert_eq!(total, 3, "{counts:?}");
    assert!(counts.iter().all(|c| c.1 != "crime"));
    assert_eq!(
        counts.iter().filter(|c| (c.0.clone(), c.1.clone()) == expect_hate).map(|c| c.3).sum::<u32>(),
        2
    );
    let only_gbv = s.verified_counts(&owner.id, Some(&["gbv".to_owned()]), weeks).await.unwrap();
    assert_eq!(only_gbv.len(), 1);
    assert!(s.verified_counts(&owner.id, Some(&[]), weeks).await.unwrap().is_empty());
    let shared = s.verified_reports(&owner.id, Some(&["hate_speech".to_owned()]), weeks, 10).await.unwrap();
    assert_eq!(shared.len(), 2);
    assert!(shared[0].occurred_at >= shared[1].occurred_at);

    // Alerts assigned to the partner: it finds them, nobody else does.
    let cell =
        tandem_domain::alert_engine::Cell { area: "MR01".into(), category: "hate_speech".into(), week: wk };
    let cand = tandem_domain::alert_engine::Candidate {
        area: cell.area.clone(),
        category: cell.category.clone(),
        week: wk,
        method: tandem_domain::alert_engine::AlertMethod::Threshold,
        observed: 1,
        baseline_mean: None,
        baseline_sd: None,
        statistic: None,
        reports: vec![made[0].id.clone()],
        from_event_data: false,
    };
    let scope = std::collections::BTreeSet::from([cell]);
    let opened = s
        .reconcile_alerts(
            &owner.id,
            AlertPlan { scope: Some(&scope), candidates: &[cand], only: None, category: None },
        )
        .await
        .unwrap()
        .opened;
    let alert_id = opened[0].clone();
    assert!(s.assigned_alerts(&partner.id, 10).await.unwrap().is_empty());
    s.assign_alert(&owner.id, &alert_id, &partner.id, now + Duration::hours(48), ev("assign")).await.unwrap();
    assert_eq!(s.assigned_alerts(&partner.id, 10).await.unwrap().len(), 1);
    assert_eq!(s.find_assigned_alert(&partner.id, &alert_id).await.unwrap().id, alert_id);
    assert!(matches!(s.find_assigned_alert(&stranger.id, &alert_id).await, Err(StoreError::NotFound)));
    assert!(s.assigned_alerts(&stranger.id, 10).await.unwrap().is_empty());

    // Revocation: at once, owner only, once.
    let by_partner = s.revoke_agreement(&partner.id, &a1.id, &coord.id, now, ev("revoke")).await;
    assert!(matches!(by_partner, Err(StoreError::NotFound)), "{by_partner:?}");
    let revoked = s.revoke_agreement(&owner.id, &a1.id, &coord.id, Utc::now(), ev("revoke")).await.unwrap();
    assert!(revoked.revoked_at.is_some() && !revoked.in_force(Utc::now()));
    assert!(matches!(
        s.revoke_agreement(&owner.id, &a1.id, &coord.id, Utc::now(), ev("revoke")).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(s.agreements_for_partner(&partner.id, Utc::now()).await.unwrap().is_empty());
    let a2 = s.create_agreement(&owner.id, &terms(&partner.id, Utc::now()), ev("share")).await.unwrap();
    assert_eq!(s.list_agreements(&partner.id).await.unwrap().len(), 2, "a new agreement after revocation");
    assert_ne!(a2.id, a1.id);

    // Sealed secrets: each reading is audited in the same transaction.
    let head = s.audit_head().await.unwrap().unwrap().0;
    let read = s
        .read_secret(&owner.id, Purpose::ReporterContact, &made[0].id, ev("contact.read").org(&owner.id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.sealed(), Some(sealed("+237 600 000 001", "k-one")));
    assert_eq!(s.audit_head().await.unwrap().unwrap().0, head + 1, "the reading is in the audit log");
    assert_eq!(
        s.read_secret(&owner.id, Purpose::ReporterContact, &made[1].id, ev("contact.read")).await.unwrap(),
        None
    );
    assert!(matches!(
        s.read_secret(&stranger.id, Purpose::ReporterContact, &made[0].id, ev("contact.read")).await,
        Err(StoreError::NotFound)
    ));

    // Rotation's view: every sealed value, paged, replaced only if unchanged since read.
    let page = s.secrets_page(Purpose::ReporterContact, None, 1).await.unwrap();
    let rest = s
        .secrets_page(Purpose::ReporterContact, Some((page[0].org_id.clone(), page[0].id.clone())), 10)
        .await
        .unwrap();
    assert_eq!(page.len() + rest.len(), 2);
    let all: Vec<_> = page.into_iter().chain(rest).collect();
    let changes: Vec<_> = all.iter().map(|old| (old.clone(), sealed(&old.id, "k-two"))).collect();
    assert_eq!(s.replace_secrets(Purpose::ReporterContact, &changes).await.unwrap(), 2);
    assert_eq!(
        s.replace_secrets(Purpose::ReporterContact, &changes).await.unwrap(),
        0,
        "stale changes do nothing"
    );
    let uses = s.key_use().await.unwrap();
    let contact_keys: Vec<_> = uses.iter().filter(|u| u.purpose == "reporter_contact").collect();
    assert_eq!(contact_keys.len(), 1);
    assert_eq!((contact_keys[0].key_id.as_deref(), contact_keys[0].count), (Some("k-two"), 2));

    // Protected names.
    let name_id = OrgId::new().to_string();
    s.add_protected_name(&owner.id, &name_id, &sealed("Amina Diallo", "k-two"), ev("name.add"))
        .await
        .unwrap();
    let names = s.list_protected_names(&owner.id).await.unwrap();
    assert_eq!((names.len(), names[0].name.clone()), (1, sealed("Amina Diallo", "k-two")));
    assert!(s.list_protected_names(&stranger.id).await.unwrap().is_empty());
    assert!(matches!(
        s.remove_protected_name(&stranger.id, &name_id, ev("x")).await,
        Err(StoreError::NotFound)
    ));
    s.remove_protected_name(&owner.id, &name_id, ev("name.remove")).await.unwrap();
    assert!(s.list_protected_names(&owner.id).await.unwrap().is_empty());

    // Retention and purge.
    assert_eq!(s.get_retention(&owner.id).await.unwrap(), Retention::default());
    let ret = Retention::new(30, 60).unwrap();
    s.set_retention(&owner.id, ret, ev("retention")).await.unwrap();
    s.set_retention(&owner.id, ret, ev("retention")).await.unwrap();
    assert_eq!(s.get_retention(&owner.id).await.unwrap(), ret);
    let nothing = s
        .purge(&owner.id, Utc::now() - Duration::days(1), Utc::now() - Duration::days(1), ev("purge"))
        .await
        .unwrap();
    assert_eq!(nothing, crate::Purged::default(), "everything is younger than the cut-offs");
    let head = s.audit_head().await.unwrap().unwrap().0;
    let purged = s
        .purge(
            &owner.id,
            Utc::now() + Duration::seconds(1),
            Utc::now() + Duration::seconds(1),
            ev("purge").org(&owner.id),
        )
        .await
        .unwrap();
    assert_eq!((purged.contacts, purged.dismissed_reports), (2, 1));
    assert_eq!(s.audit_head().await.unwrap().unwrap().0, head + 1);
    let left = s.list_reports(&owner.id, &ReportFilter { limit: 10, ..Default::default() }).await.unwrap();
    assert_eq!(left.len(), 3);
    assert!(left.iter().all(|r| !r.has_reporter_contact && r.status != ReportStatus::Dismissed));

    // Erasure: gone, scoped, audited.
    assert!(matches!(
        s.erase_report(&stranger.id, &made[1].id, ev("erase")).await,
        Err(StoreError::NotFound)
    ));
    let erased = s.erase_report(&owner.id, &made[1].id, ev("report.erase").org(&owner.id)).await.unwrap();
    crate::ew::conformance::counts_agree(s, &owner.id).await;
    assert_eq!(erased.id, made[1].id);
    assert!(matches!(s.get_report(&owner.id, &made[1].id).await, Err(StoreError::NotFound)));
    assert!(matches!(s.erase_report(&owner.id, &made[1].id, ev("erase")).await, Err(StoreError::NotFound)));

    // Export: all reports page by page, and the responses.
    let first = s.export_reports(&owner.id, None, 1).await.unwrap();
    let next = s.export_reports(&owner.id, Some(&first[0].id), 10).await.unwrap();
    assert_eq!(first.len() + next.len(), 2);
    assert!(first[0].id < next[0].id);
    assert!(s.export_reports(&stranger.id, None, 10).await.unwrap().is_empty());
    assert!(s.org_responses(&owner.id).await.unwrap().is_empty());

    // Releases: the first one of a week stays, whatever is written later; scoped by owner.
    let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
    let first = crate::Release {
        week: Week(2900),
        k: 4,
        master: "{\"v\":1}".into(),
        released_at: t("2026-11-30T10:00:00.123456Z"),
    };
    assert_eq!(s.release(&owner.id, &first).await.unwrap(), first);
    let later = crate::Release { k: 3, master: "{\"v\":2}".into(), released_at: Utc::now(), ..first.clone() };
    assert_eq!(s.release(&owner.id, &later).await.unwrap(), first, "a released week never changes");
    let other = crate::Release { week: Week(2902), ..later.clone() };
    s.release(&owner.id, &other).await.unwrap();
    let got = s.releases(&owner.id, (Week(2899), Week(2902))).await.unwrap();
    assert_eq!(got.iter().map(|r| r.week).collect::<Vec<_>>(), vec![Week(2900), Week(2902)], "oldest first");
    assert_eq!(s.releases(&owner.id, (Week(2901), Week(2901))).await.unwrap(), vec![]);
    assert_eq!(s.releases(&stranger.id, (Week(2899), Week(2902))).await.unwrap(), vec![], "scoped by owner");
}
