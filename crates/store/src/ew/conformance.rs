//! The early-warning chapter of the conformance story: areas, categories, reports, alerts and
//! responses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Duration, SubsecRound, Utc};
use tandem_domain::alert_engine::{AlertMethod, Candidate, Cell};
use tandem_domain::area::{AreaLevel, PCode};
use tandem_domain::report::{CategorySlug, Channel, ReportStatus, Severity};
use tandem_domain::week::Week;
use tandem_domain::{OrgId, OrgKind, Role};

use crate::conformance::{ev, hex_of, new_org, new_user};
use crate::{AlertFilter, AlertPlan, NewArea, NewReport, NewResponse, ReportFilter, Store, StoreError};

/// Runs the chapter against `store`, which must be freshly created and empty.
pub async fn chapter(store: Arc<dyn Store>) {
    let s = store.as_ref();
    s.migrate().await.unwrap();
    let area = |code: &str, level: AreaLevel, parent: Option<&str>| NewArea {
        code: PCode::parse(code).unwrap(),
        name: format!("Area {code}"),
        level,
        parent: parent.map(|p| PCode::parse(p).unwrap()),
        geometry: (level == AreaLevel::Admin1)
            .then(|| r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#.to_owned()),
    };
    let n = s
        .create_areas(
            &[
                area("MR", AreaLevel::Country, None),
                area("MR01", AreaLevel::Admin1, Some("MR")),
                area("MR0101", AreaLevel::Admin2, Some("MR01")),
            ],
            ev("areas.import"),
        )
        .await
        .unwrap();
    assert_eq!(n, 3);
    // All or nothing: one bad area (unknown parent) and none of the batch is written.
    let bad = s
        .create_areas(
            &[area("MR02", AreaLevel::Admin1, Some("MR")), area("MR0299", AreaLevel::Admin2, Some("XX99"))],
            ev("areas.import"),
        )
        .await;
    assert!(matches!(bad, Err(StoreError::NotFound)), "{bad:?}");
    assert!(matches!(
        s.create_areas(&[area("MR01", AreaLevel::Admin1, Some("MR"))], ev("areas.import")).await,
        Err(StoreError::Conflict(_))
    ));
    let areas = s.list_areas(true).await.unwrap();
    assert_eq!(areas.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), vec!["MR", "MR01", "MR0101"]);
    assert!(areas[1].geometry.is_some() && s.list_areas(false).await.unwrap()[1].geometry.is_none());
    assert_eq!(areas[2].parent_code.as_deref(), Some("MR01"));

    let cats = s.list_categories().await.unwrap();
    assert_eq!(cats.len(), 9);
    let local = crate::Category {
        slug: "land_dispute".into(),
        name: "Land dispute".into(),
        reference: "intercommunal_tension".into(),
        threshold_severity: 4,
        keywords: "LAND TERRE".into(),
    };
    s.create_category(&local, ev("category.create")).await.unwrap();
    assert!(matches!(s.create_category(&local, ev("category.create")).await, Err(StoreError::Conflict(_))));
    let all = s.list_categories().await.unwrap();
    assert_eq!(all.last(), Some(&local), "a local category comes after the defaults");
    let cats = all[..9].to_vec();
    assert_eq!(cats[0].slug, "hate_speech");
    assert_eq!(cats.iter().find(|c| c.slug == "peace_initiative").unwrap().threshold_severity, 5);

    let a =
        s.create_org(&new_org("Kumba Watch", OrgKind::CivilSociety, true), ev("org.create")).await.unwrap();
    let b =
        s.create_org(&new_org("Other Watch", OrgKind::CivilSociety, false), ev("org.create")).await.unwrap();
    let u = s.create_user(&new_user("watch@kumba.example", false), ev("user.create")).await.unwrap();
    s.add_member(&a.id, &u.id, Role::Coordinator, ev("member.add")).await.unwrap();

    let t0 = chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00Z").unwrap().with_timezone(&Utc);
    let report = |days: i64, sev: i64, cat: &str, contact: Option<&str>| NewReport {
        id: OrgId::new().to_string(),
        area: PCode::parse("MR0101").unwrap(),
        category: CategorySlug::parse(cat).unwrap(),
        severity: Severity::new(sev).unwrap(),
        occurred_at: t0 + Duration::days(days),
        description: format!("fliers calling to burn the market, day {days}"),
        channel: Channel::Api,
        // The store keeps whatever sealed value it is given; sealing is the caller's.
        reporter_contact: contact
            .map(|c| tandem_domain::seal::Sealed { key_id: "k-test".into(), data: hex_of(c) }),
        created_by: Some(u.id.clone()),
    };
    let made = s
        .create_reports(
            &a.id,
            &[
                report(0, 2, "hate_speech", Some("+237 600 000 000")),
                report(7, 4, "hate_speech", None),
                report(8, 1, "crime", None),
            ],
        )
        .await
        .unwrap();
    assert_eq!(made.len(), 3);
    assert!(made[0].has_reporter_contact && !made[1].has_reporter_contact);
    assert_eq!(made[0].week, Week::of(t0));
    assert_eq!(made[1].week.0, made[0].week.0 + 1);
    // Unknown area: the whole batch fails.
    let mut unknown = report(1, 1, "crime", None);
    unknown.area = PCode::parse("ZZ01").unwrap();
    assert!(s.create_reports(&a.id, &[report(1, 1, "crime", None), unknown]).await.is_err());
    assert_eq!(
        s.list_reports(&a.id, &ReportFilter { limit: 100, ..Default::default() }).await.unwrap().len(),
        3
    );

    let got = s.get_report(&a.id, &made[0].id).await.unwrap();
    assert_eq!(got, made[0]);
    assert!(
        matches!(s.get_report(&b.id, &made[0].id).await, Err(StoreError::NotFound)),
        "other organisations get NotFound"
    );
    assert!(s
        .list_reports(&b.id, &ReportFilter { limit: 100, ..Default::default() })
        .await
        .unwrap()
        .is_empty());
    let hate = s
        .list_reports(
            &a.id,
            &ReportFilter { category: Some("hate_speech".into()), limit: 100, ..Default::default() },
        )
        .await
        .unwrap();
    assert_eq!(hate.len(), 2);
    assert!(hate[0].occurred_at > hate[1].occurred_at, "newest first");
    let period = ReportFilter {
        from: Some(t0 + Duration::days(5)),
        to: Some(t0 + Duration::days(8)),
        limit: 100,
        ..Default::default()
    };
    assert_eq!(s.list_reports(&a.id, &period).await.unwrap().len(), 1);
    // Pages follow one another without gaps or repeats, newest first.
    let all = s.list_reports(&a.id, &ReportFilter { limit: 100, ..Default::default() }).await.unwrap();
    let page = |offset| ReportFilter { limit: 1, offset, ..Default::default() };
    for (i, r) in all.iter().enumerate() {
        assert_eq!(s.list_reports(&a.id, &page(i as i64)).await.unwrap()[0].id, r.id);
    }
    assert!(s.list_reports(&a.id, &page(all.len() as i64)).await.unwrap().is_empty());

    // Status workflow: compare-and-set, audited, scoped.
    let v = s
        .set_report_status(
            &a.id,
            &made[0].id,
            ReportStatus::New,
            ReportStatus::Verified,
            &u.id,
            ev("report.verify").org(&a.id),
        )
        .await
        .unwrap();
    assert_eq!((v.status, v.status_by.as_deref()), (ReportStatus::Verified, Some(u.id.as_str())));
    assert!(v.status_at.is_some());
    assert!(matches!(
        s.set_report_status(&a.id, &made[0].id, ReportStatus::New, ReportStatus::Dismissed, &u.id, ev("x"))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.set_report_status(&b.id, &made[1].id, ReportStatus::New, ReportStatus::Verified, &u.id, ev("x"))
            .await,
        Err(StoreError::NotFound)
    ));
    s.set_report_status(
        &a.id,
        &made[2].id,
        ReportStatus::New,
        ReportStatus::Dismissed,
        &u.id,
        ev("report.dismiss"),
    )
    .await
    .unwrap();

    // Engine input: dismissed reports do not count.
    let obs = s.alert_obs(&a.id, None, None).await.unwrap();
    assert_eq!(s.alert_obs(&a.id, None, Some("crime")).await.unwrap().len(), 0);
    assert_eq!(s.alert_obs(&a.id, None, Some("hate_speech")).await.unwrap().len(), 2);
    assert_eq!(obs.len(), 2);
    // A streamed import is all or nothing: finished, it stores every batch and counts them;
    // stopped, or abandoned by its producer, it stores none.
    let every = ReportFilter { limit: 1000, ..Default::default() };
    let before = s.list_reports(&a.id, &every).await.unwrap().len();
    for (end, stored) in [(Some(crate::FINISHED), Some(3)), (Some(Err(crate::Stopped)), None), (None, None)] {
        let (tx, mut rx) = tokio::sync::mpsc::channel(4);
        tx.send(Ok(vec![report(9, 2, "crime", None), report(9, 1, "crime", None)])).await.unwrap();
        tx.send(Ok(vec![report(10, 3, "crime", None)])).await.unwrap();
        if let Some(end) = end {
            tx.send(end).await.unwrap();
        }
        drop(tx);
        assert_eq!(s.import_reports(&a.id, &mut rx).await.unwrap(), stored);
    }
    assert_eq!(s.list_reports(&a.id, &every).await.unwrap().len(), before + 3);
    let crime = s.alert_obs(&a.id, None, Some("crime")).await.unwrap();
    assert_eq!(crime.len(), 3);
    counts_agree(s, &a.id).await;
    bulk_import(s, &report).await;
    // Leave the account as it was for what follows: the three imported reports dismissed.
    for o in &crime {
        s.set_report_status(&a.id, &o.report_id, ReportStatus::New, ReportStatus::Dismissed, &u.id, ev("x"))
            .await
            .unwrap();
    }

    // The kept counts follow inserts, verification and dismissal; the threshold rule's read
    // finds only the reports at or above a severity.
    counts_agree(s, &a.id).await;
    assert!(s.alert_counts(&b.id, None, None).await.unwrap().is_empty());
    let severe = s.severe_obs(&a.id, None, None, 3).await.unwrap();
    assert!(!severe.is_empty() && severe.iter().all(|o| o.severity >= 3));
    assert_eq!(severe.len(), obs.iter().filter(|o| o.severity >= 3).count());
    // Whether a report is verified, and its channel, reach the engine, which decides with the
    // operator's trusted channels; the reports behind an alert follow the same rule.
    let of = |id: &str| obs.iter().find(|o| o.report_id == id).unwrap();
    assert!(of(&made[0].id).verified && !of(&made[1].id).verified);
    assert_eq!(of(&made[1].id).channel.as_str(), made[1].channel);
    let r = &made[1];
    let cell = std::slice::from_ref(&r.area);
    let none = tandem_domain::report::TrustedChannels::parse("none").unwrap();
    let own = tandem_domain::report::TrustedChannels::parse(&r.channel).unwrap();
    let behind = s.cell_reports(&a.id, cell, &r.category, r.week, &none).await.unwrap();
    assert!(!behind.contains(&r.id), "unverified, untrusted: not counted");
    let behind = s.cell_reports(&a.id, cell, &r.category, r.week, &own).await.unwrap();
    assert!(behind.contains(&r.id), "unverified from a trusted channel: counted");
    let (lo, hi) = s.week_bounds(&a.id).await.unwrap().unwrap();
    assert_eq!((lo, hi), (made[0].week, made[1].week));
    assert_eq!(s.alert_obs(&a.id, Some((hi, hi)), None).await.unwrap().len(), 1);
    assert!(s.week_bounds(&b.id).await.unwrap().is_none());
    let mut counts = s.weekly_counts(&a.id, (lo, hi)).await.unwrap();
    counts.sort();
    assert_eq!(
        counts,
        vec![("hate_speech".to_owned(), lo, 1), ("hate_speech".to_owned(), hi, 1)],
        "the dismissed crime report is left out"
    );

    // Reconciliation: insert, update, withdraw, reopen. The statistic needs 17 digits to come
    // back as itself, and a reading that rounded it to fewer than 12 would rewrite every alert
    // on every run.
    const STATISTIC: f64 = 4.0 / 3.0 + 1.0 / 7.0;
    let cand = |method: AlertMethod, observed: u32| Candidate {
        area: "MR0101".into(),
        category: "hate_speech".into(),
        week: hi,
        method,
        observed,
        baseline_mean: (method != AlertMethod::Threshold).then_some(0.5),
        baseline_sd: (method != AlertMethod::Threshold).then_some(0.25),
        statistic: (method != AlertMethod::Threshold).then_some(STATISTIC),
        reports: vec![made[1].id.clone()],
        from_event_data: false,
    };
    let cands = vec![cand(AlertMethod::Threshold, 1), cand(AlertMethod::C1, 1)];
    let r = s
        .reconcile_alerts(&a.id, AlertPlan { scope: None, candidates: &cands, only: None, category: None })
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (2, 0, 0));
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: None, candidates: &cands[..1], only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (0, 0, 1), "unchanged figures are not rewritten");
    let all = s.list_alerts(&a.id, &AlertFilter { limit: 100, ..Default::default() }).await.unwrap();
    assert_eq!(all.len(), 2);
    let c1 = all.iter().find(|x| x.method == AlertMethod::C1).unwrap();
    assert_eq!(c1.status, "withdrawn");
    assert_eq!((c1.baseline_mean, c1.statistic), (Some(0.5), Some(STATISTIC)));
    // A scope that does not cover the C1 cell leaves it alone; one that does reopens it.
    let other_cell: BTreeSet<Cell> =
        [Cell { area: "MR01".into(), category: "hate_speech".into(), week: hi }].into();
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&other_cell), candidates: &[], only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (0, 0, 0));
    let cell: BTreeSet<Cell> =
        [Cell { area: "MR0101".into(), category: "hate_speech".into(), week: hi }].into();
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &cands, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (0, 1, 0));
    let mut bigger = cands.clone();
    bigger[0].observed = 2;
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &bigger, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (0, 1, 0), "changed figures are");
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &cands, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!(r.updated, 1);
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &cands, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!(
        (r.opened.len(), r.updated, r.withdrawn),
        (0, 0, 0),
        "read back as itself, nothing to rewrite"
    );
    let mut moved = cands.clone();
    moved[1].statistic = Some(STATISTIC * (1.0 + 1e-9));
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &moved, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!(r.updated, 1, "a statistic moved in its ninth digit is rewritten");
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: Some(&cell), candidates: &cands, only: None, category: None },
        )
        .await
        .unwrap();
    assert_eq!(r.updated, 1, "and moved back");
    let open = s
        .list_alerts(&a.id, &AlertFilter { status: Some("open".into()), limit: 100, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(open.len(), 2, "the withdrawn alert reopened");
    // A run of one category leaves the others' alerts alone, and the categories to visit name
    // those of stored alerts too (so that a full run can withdraw them).
    let r = s
        .reconcile_alerts(
            &a.id,
            AlertPlan { scope: None, candidates: &[], only: None, category: Some("crime") },
        )
        .await
        .unwrap();
    assert_eq!((r.opened.len(), r.updated, r.withdrawn), (0, 0, 0));
    assert!(s.alert_categories(&a.id).await.unwrap().contains(&"hate_speech".to_owned()));
    assert!(s
        .list_alerts(&b.id, &AlertFilter { limit: 100, ..Default::default() })
        .await
        .unwrap()
        .is_empty());

    let thr = open.iter().find(|x| x.method == AlertMethod::Threshold).unwrap();
    let (got, reports) = s.get_alert(&a.id, &thr.id).await.unwrap();
    assert_eq!((got.observed, got.version.as_str()), (1, "threshold-1"));
    assert_eq!(reports, vec![made[1].id.clone()]);
    assert!(matches!(s.get_alert(&b.id, &thr.id).await, Err(StoreError::NotFound)));

    // Assignment, overdue, responses and time to first response.
    let due = Utc::now() - Duration::hours(1);
    let assigned = s.assign_alert(&a.id, &thr.id, &a.id, due, ev("alert.assign").org(&a.id)).await.unwrap();
    assert_eq!(assigned.shared_count, Some(assigned.observed), "the count at the first assignment is kept");
    assert_eq!(assigned.assigned_org_id.as_deref(), Some(a.id.as_str()));
    assert!(matches!(s.assign_alert(&b.id, &thr.id, &b.id, due, ev("x")).await, Err(StoreError::NotFound)));
    let overdue = s
        .list_alerts(&a.id, &AlertFilter { overdue_at: Some(Utc::now()), limit: 100, ..Default::default() })
        .await
        .unwrap();
    assert_eq!(overdue.iter().map(|x| x.id.clone()).collect::<Vec<_>>(), vec![thr.id.clone()]);
    let at = Utc::now().trunc_subsecs(6);
    let resp = NewResponse {
        responder_org: a.id.clone(),
        responder_user: u.id.clone(),
        action: "Mediation team met both market associations".into(),
        outcome: "Fliers removed; joint patrol agreed".into(),
        responded_at: at,
    };
    let r = s.add_response(&a.id, &thr.id, &resp, ev("alert.respond").org(&a.id)).await.unwrap();
    assert_eq!(r.action, resp.action);
    assert!(matches!(s.add_response(&b.id, &thr.id, &resp, ev("x")).await, Err(StoreError::NotFound)));
    let list = s.list_responses(&a.id, &thr.id).await.unwrap();
    assert_eq!(list, vec![r]);
    let (got, _) = s.get_alert(&a.id, &thr.id).await.unwrap();
    assert_eq!(got.first_response_at, Some(at));

    // Acknowledged (still open), then closed with an outcome; each step once, and only by the owner.
    use crate::AlertStep;
    use tandem_domain::alert_engine::AlertOutcome;
    let step = |org: &OrgId, st: AlertStep| {
        let store = store.clone();
        let (org, id, user) = (org.clone(), thr.id.clone(), u.id.clone());
        async move { store.step_alert(&org, &id, &user, st, ev("alert.step")).await }
    };
    assert!(matches!(step(&b.id, AlertStep::Acknowledge).await, Err(StoreError::NotFound)));
    let acked = step(&a.id, AlertStep::Acknowledge).await.unwrap();
    assert!(acked.acknowledged_at.is_some() && acked.status == "open" && acked.outcome.is_none());
    assert!(matches!(step(&a.id, AlertStep::Acknowledge).await, Err(StoreError::Conflict(_))));
    let closed = step(&a.id, AlertStep::Close(AlertOutcome::Resolved)).await.unwrap();
    assert_eq!((closed.status.as_str(), closed.outcome.as_deref()), ("closed", Some("resolved")));
    assert!(closed.closed_at.is_some());
    assert!(matches!(
        step(&a.id, AlertStep::Close(AlertOutcome::FalseAlarm)).await,
        Err(StoreError::Conflict(_))
    ));
    let still_open = s
        .list_alerts(&a.id, &AlertFilter { status: Some("open".into()), limit: 100, ..Default::default() })
        .await
        .unwrap();
    assert!(still_open.iter().all(|x| x.id != thr.id), "a closed alert leaves the open list");

    // SMS gateways and the inbox of unparsed messages, scoped by organisation.
    let gw = s.create_sms_gateway(&a.id, "hash-of-secret", ev("sms.gateway").org(&a.id)).await.unwrap();
    assert!(!gw.is_empty());
    assert_eq!(s.find_sms_gateway("hash-of-secret").await.unwrap(), Some(a.id.clone()));
    assert_eq!(s.find_sms_gateway("other").await.unwrap(), None);
    assert!(matches!(
        s.create_sms_gateway(&b.id, "hash-of-secret", ev("x")).await,
        Err(StoreError::Conflict(_))
    ));
    let held = crate::NewSmsMessage {
        id: OrgId::new().to_string(),
        sender: Some(tandem_domain::seal::Sealed { key_id: "k-test".into(), data: hex_of("+237600000001") }),
        body: "HELLO there".into(),
        reason: "unknown category keyword".into(),
    };
    s.add_sms_inbox(&a.id, &held).await.unwrap();
    let inbox = s.list_sms_inbox(&a.id, 10).await.unwrap();
    assert_eq!(
        (inbox.len(), inbox[0].reason.as_str(), inbox[0].has_sender, inbox[0].id.as_str()),
        (1, "unknown category keyword", true, held.id.as_str())
    );
    assert!(s.list_sms_inbox(&b.id, 10).await.unwrap().is_empty());
    assert!(s.list_categories().await.unwrap()[0].keywords.contains("HATE"), "default SMS keywords");
}

/// A report of (days after the first week, severity, category, contact).
type MakeReport<'a> = dyn Fn(i64, i64, &str, Option<&str>) -> NewReport + 'a;

/// A large import (more rows than any backend's bulk path waits for, 50,000 in SQL) is all or
/// nothing too, and leaves reports, counts and every read of them as the batch-by-batch path
/// would: an organisation that already has reports, one of them dismissed and one verified,
/// imports 60,000 more, first abandoned and then whole.
async fn bulk_import(s: &dyn Store, report: &MakeReport<'_>) {
    let c = s
        .create_org(&new_org("Regional Network", OrgKind::International, false), ev("org.create"))
        .await
        .unwrap();
    let org = &c.id;
    let u = s.create_user(&new_user("bulk@kumba.example", false), ev("user.create")).await.unwrap();
    s.add_member(org, &u.id, Role::Coordinator, ev("member.add")).await.unwrap();
    let early =
        s.create_reports(org, &[report(0, 2, "crime", None), report(1, 3, "crime", None)]).await.unwrap();
    s.set_report_status(org, &early[0].id, ReportStatus::New, ReportStatus::Dismissed, &u.id, ev("x"))
        .await
        .unwrap();
    s.set_report_status(org, &early[1].id, ReportStatus::New, ReportStatus::Verified, &u.id, ev("x"))
        .await
        .unwrap();
    const ROWS: i64 = 60_000;
    let batches = || {
        (0..ROWS)
            .collect::<Vec<_>>()
            .chunks(5_000)
            .map(|c| {
                c.iter()
                    .map(|i| {
                        report(
                            i % 700,
                            1 + i % 4,
                            ["crime", "hate_speech", "displacement"][*i as usize % 3],
                            None,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let every = ReportFilter { limit: 100_000, ..Default::default() };
    // Refused (an id of the first batch repeated in a last one of 200, which PostgreSQL copies,
    // long after the bulk path began), abandoned, then whole.
    for end in ["repeated", "stopped", "finished"] {
        let (tx, mut rx) = tokio::sync::mpsc::channel(2);
        let send = async move {
            let all = batches();
            let again = all[0][0].id.clone();
            for b in all {
                tx.send(Ok(b)).await.unwrap();
            }
            if end == "repeated" {
                let last = (0..200).map(|i| NewReport {
                    id: if i == 100 { again.clone() } else { OrgId::new().to_string() },
                    ..report(5, 1, "crime", None)
                });
                tx.send(Ok(last.collect())).await.unwrap();
            }
            tx.send(if end == "stopped" { Err(crate::Stopped) } else { crate::FINISHED }).await.unwrap();
        };
        let (stored, ()) = tokio::join!(s.import_reports(org, &mut rx), send);
        match end {
            "repeated" => assert!(matches!(stored, Err(StoreError::Conflict(_))), "{stored:?}"),
            "stopped" => assert_eq!(stored.unwrap(), None),
            _ => assert_eq!(stored.unwrap(), Some(ROWS as usize)),
        }
        let kept = s.list_reports(org, &every).await.unwrap();
        assert_eq!(kept.len() as i64, 2 + if end == "finished" { ROWS } else { 0 }, "{end}");
        counts_agree(s, org).await;
    }
    // The reads an alert run makes agree with the reports themselves.
    let obs = s.alert_obs(org, None, None).await.unwrap();
    assert_eq!(obs.len() as i64, 1 + ROWS, "the dismissed report does not count");
    assert!(obs.iter().any(|o| o.report_id == early[1].id && o.verified));
    let severe = s.severe_obs(org, None, Some("crime"), 3).await.unwrap();
    let want = obs.iter().filter(|o| o.category == "crime" && o.severity >= 3).count();
    assert_eq!(severe.len(), want);
    let newest = s.list_reports(org, &ReportFilter { limit: 1, ..Default::default() }).await.unwrap();
    let all = s.list_reports(org, &every).await.unwrap();
    assert_eq!(Some(newest[0].occurred_at), all.iter().map(|r| r.occurred_at).max());
    assert!(
        matches!(
            s.create_reports(org, &[NewReport { id: early[1].id.clone(), ..report(3, 1, "crime", None) }])
                .await,
            Err(StoreError::Conflict(_))
        ),
        "the primary key still refuses a second report of one id"
    );
    assert_eq!(s.alert_categories(org).await.unwrap(), vec!["crime", "displacement", "hate_speech"]);
}

/// The counts the store keeps equal the organisation's counting reports regrouped: called after
/// every kind of change to reports (insert, status, erasure).
pub async fn counts_agree(s: &dyn Store, org: &tandem_domain::OrgId) {
    use tandem_domain::alert_engine::{counts_of, Count};
    let key = |c: &Count| (c.area.clone(), c.category.clone(), c.week, c.channel.as_str(), c.verified, c.n);
    let mut kept: Vec<_> = s.alert_counts(org, None, None).await.unwrap().iter().map(key).collect();
    let mut want: Vec<_> = counts_of(&s.alert_obs(org, None, None).await.unwrap()).iter().map(key).collect();
    kept.sort();
    want.sort();
    assert_eq!(kept, want);
}
