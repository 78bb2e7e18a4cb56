//! The demo's scorecard of the police station says what the demo's records imply: its alert
//! response times and answers before the due time, counted here from the alerts and responses
//! themselves, and its commitments kept on time, counted from the forum commitments; its trust
//! indicator is the survey rounds' estimate for women.
use chrono::Utc;
use std::collections::BTreeMap;
use tandem_domain::access::Actor;
use tandem_domain::forum::CommitmentStatus;
use tandem_domain::violation_stats::Quarter;
use tandem_domain::Role;
use tandem_testkit::{fresh_db, Backend};

#[tokio::test]
async fn the_demo_scorecard_shows_what_the_records_imply() {
    let db = fresh_db(Backend::Sqlite).await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["demo", "--no-serve"])
        .env("TANDEM_DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = tandem_testkit::open(Backend::Sqlite, &db.url).await;
    let orgs = store.list_orgs().await.unwrap();
    let kwpn = orgs.iter().find(|o| o.name == "Kumba Women's Peace Network").unwrap();
    let police = orgs.iter().find(|o| o.name == "Kumba Central Police Station").unwrap();
    let coordinator = store
        .list_members(&kwpn.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.role == Role::Coordinator)
        .unwrap();
    let actor = Actor {
        user_id: coordinator.user_id,
        org_id: kwpn.id.clone(),
        role: Role::Coordinator,
        platform_admin: false,
    };
    let keys = std::sync::Arc::new(tandem_domain::seal::Keyring::generate("t"));
    let state = tandem_web::AppState::new(store.clone(), tandem_web::WebConfig::default(), keys).unwrap();
    let card = store
        .list_scorecards(&kwpn.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.unit_org == police.id.as_str())
        .unwrap();
    assert!(card.published_at.is_some(), "the network published it");
    let today = Utc::now().date_naive();
    let view = tandem_web::monitoring::scorecards::view(&state, &actor, &card.id, today).await.unwrap();
    let trend = |kind: &str| -> BTreeMap<String, (f64, u32)> {
        view.indicators
            .iter()
            .find(|i| i.indicator.computed.map(|c| c.as_str()) == Some(kind))
            .unwrap()
            .trend
            .iter()
            .map(|p| (p.point.period.clone(), (p.point.value, p.point.n.unwrap())))
            .collect()
    };

    // Alerts: the network's alerts handed to the station, and the station's own first answer.
    let alerts = store
        .list_alerts(&kwpn.id, &tandem_store::AlertFilter { limit: 10_000, ..Default::default() })
        .await
        .unwrap();
    let mut hours: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut due: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for a in alerts.iter().filter(|a| a.assigned_org_id.as_deref() == Some(police.id.as_str())) {
        let q = Quarter::of(a.created_at.date_naive()).to_string();
        let first = store
            .list_responses(&kwpn.id, &a.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.responder_org_id == police.id.as_str())
            .map(|r| r.responded_at)
            .min();
        if let Some(t) = first {
            hours.entry(q.clone()).or_default().push((t - a.created_at).num_seconds() as f64 / 3600.0);
        }
        if let Some(d) = a.due_at {
            let e = due.entry(q).or_default();
            e.0 += 1;
            e.1 += u32::from(first.is_some_and(|t| t <= d));
        }
    }
    assert!(!hours.is_empty(), "the demo's station answers alerts");
    let medians = trend("alert_response_median_hours");
    for (q, mut hs) in hours {
        hs.sort_by(f64::total_cmp);
        let m = if hs.len() % 2 == 1 {
            hs[hs.len() / 2]
        } else {
            (hs[hs.len() / 2 - 1] + hs[hs.len() / 2]) / 2.0
        };
        let (v, n) = medians[&q];
        assert!(
            (v - m).abs() < 1e-6 && n as usize == hs.len(),
            "{q}: {v} over {n}, counted {m} over {}",
            hs.len()
        );
    }
    let shares = trend("alerts_answered_before_due");
    assert_eq!(shares.len(), due.len());
    for (q, (n, kept)) in due {
        assert_eq!(shares[&q], (100.0 * f64::from(kept) / f64::from(n), n), "{q}");
    }

    // Commitments: the station's, in the network's forums, due (or settled) by today.
    let commitments = store
        .list_commitments(&kwpn.id, &tandem_store::CommitmentFilter { limit: 5_000, ..Default::default() })
        .await
        .unwrap();
    let mut kept: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for c in commitments.iter().filter(|c| c.owner_org == police.id.as_str()) {
        let settled = matches!(c.status, CommitmentStatus::Done | CommitmentStatus::Dropped);
        if !(c.due_on < today || settled) {
            continue;
        }
        let on_time = c.status == CommitmentStatus::Done
            && c.done_on.is_some_and(|d| d <= c.due_on)
            && c.confirmed_at.is_some();
        let e = kept.entry(Quarter::of(c.due_on).to_string()).or_default();
        e.0 += 1;
        e.1 += u32::from(on_time);
    }
    assert!(!kept.is_empty(), "the demo's station has commitments due");
    let rates = trend("commitments_kept_on_time");
    assert_eq!(rates.len(), kept.len(), "{rates:?} {kept:?}");
    for (q, (n, k)) in kept {
        assert_eq!(rates[&q], (100.0 * f64::from(k) / f64::from(n), n), "{q}");
    }

    // Trust among women: both survey rounds, each the estimate for women.
    let trust = view.indicators.iter().find(|i| i.indicator.computed.is_none()).unwrap();
    assert_eq!(trust.trend.len(), 2, "two rounds");
    assert!(trust.trend[1].point.value > trust.trend[0].point.value, "trust rose between the rounds");
    for p in &trust.trend {
        let survey = p.evidence.survey.as_deref().unwrap();
        let q = tandem_web::monitoring::surveys::Question {
            question: "trust_police".into(),
            value: "yes".into(),
            by: Some("gender".into()),
            method: None,
        };
        let est =
            tandem_web::monitoring::surveys::estimate(store.as_ref(), &kwpn.id, survey, &q).await.unwrap();
        let women = est.estimates.iter().find(|e| e.group == "female").unwrap();
        assert!((p.point.value - 100.0 * women.proportion).abs() < 1e-9);
    }
}
