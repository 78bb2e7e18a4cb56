//! Early warning over the API: areas, reports and their workflow, alerts (a severity-4 report
//! opens one at once), responses, and the incremental engine agreeing with the full run.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(areas_reports_alerts_responses, incremental_alerts_equal_the_full_run, an_episode_closes_as_one);

/// A platform admin's token, with Marenia's areas MR > MR01 > MR0101, MR0102 created over the API.
pub async fn setup_areas(app: &TestApp) -> String {
    let hub = app.create_org("Platform Host", OrgKind::International).await;
    app.create_user(&hub, "platform@host.example", Role::Admin, true).await;
    let t = app.login("platform@host.example").await;
    for (code, level, parent) in [
        ("MR", "country", None),
        ("MR01", "admin1", Some("MR")),
        ("MR0101", "admin2", Some("MR01")),
        ("MR0102", "admin2", Some("MR01")),
    ] {
        let (s, v) = app.send("POST", "/api/v1/areas", Some(&t), Some(json!({"code": code, "name": format!("Area {code}"), "level": level, "parent_code": parent}))).await;
        assert_eq!(s, 201, "{v}");
    }
    t
}

async fn areas_reports_alerts_responses(b: Backend) {
    let app = spawn_app(b).await;
    let admin = setup_areas(&app).await;
    for (body, status, field) in [
        (json!({"code": "MR02", "name": "X", "level": "district", "parent_code": "MR"}), 422, "level"),
        (json!({"code": "MR02", "name": "X", "level": "admin1", "parent_code": "ZZ"}), 422, "parent_code"),
        (json!({"code": "MR0201", "name": "X", "level": "admin2", "parent_code": "MR"}), 422, "parent_code"),
        (json!({"code": "MR02", "name": "X", "level": "admin1"}), 422, "parent_code"),
        (json!({"code": "M R", "name": "X", "level": "admin1", "parent_code": "MR"}), 422, "code"),
        (json!({"code": "MR01", "name": "X", "level": "admin1", "parent_code": "MR"}), 409, ""),
    ] {
        let (s, v) = app.send("POST", "/api/v1/areas", Some(&admin), Some(body.clone())).await;
        assert_eq!(s, status, "{body}: {v}");
        if !field.is_empty() {
            assert_eq!(v["error"]["field"], field, "{body}: {v}");
        }
    }
    let (_, v) = app.send("GET", "/api/v1/areas", Some(&admin), None).await;
    assert_eq!(v["areas"].as_array().unwrap().len(), 4);
    let (_, v) = app.send("GET", "/api/v1/categories", Some(&admin), None).await;
    let slugs: Vec<&str> =
        v["categories"].as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect();
    assert_eq!(
        slugs,
        [
            "hate_speech",
            "repression",
            "intercommunal_tension",
            "recruitment_activity",
            "gbv",
            "crime",
            "service_grievance",
            "displacement",
            "peace_initiative"
        ]
    );

    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let other = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&cso, "member@kwpn.example", Role::Member, false).await;
    app.create_user(&cso, "coordinator@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&other, "officer@police.example", Role::Coordinator, false).await;
    let member = app.login("member@kwpn.example").await;
    let coord = app.login("coordinator@kwpn.example").await;
    let police = app.login("officer@police.example").await;

    let report = |sev: i64| {
        json!({"area": "MR0101", "category": "hate_speech", "severity": sev, "occurred_at": "2026-03-02T10:00:00Z",
        "description": "Fliers calling to burn the market", "reporter_contact": "+237 600 000 000"})
    };
    let (s, r) = app.send("POST", "/api/v1/reports", Some(&member), Some(report(4))).await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (r["status"].as_str(), r["area"].as_str(), r["week"].as_str(), r["channel"].as_str()),
        (Some("new"), Some("MR0101"), Some("2026-W10"), Some("api"))
    );
    assert_eq!(r["has_reporter_contact"], true);
    assert!(r.get("reporter_contact").is_none(), "the contact never comes back in a report");

    // The severity-4 report opened a threshold alert at once.
    let (_, v) = app.send("GET", "/api/v1/alerts", Some(&member), None).await;
    let alerts = v["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{v}");
    let alert = &alerts[0];
    assert_eq!(
        (
            alert["method"].as_str(),
            alert["area"].as_str(),
            alert["category"].as_str(),
            alert["week"].as_str()
        ),
        (Some("threshold"), Some("MR0101"), Some("hate_speech"), Some("2026-W10"))
    );
    assert_eq!((alert["observed"].as_u64(), alert["status"].as_str()), (Some(1), Some("open")));
    assert_eq!(alert["from_event_data"], false, "a report of the organisation's own");
    for (source, n) in [("reports", 1), ("event_data", 0)] {
        let (_, v) = app.send("GET", &format!("/api/v1/alerts?source={source}"), Some(&member), None).await;
        assert_eq!(v["alerts"].as_array().map(Vec::len), Some(n), "{source}: {v}");
    }
    let (s, e) = app.send("GET", "/api/v1/alerts?source=acled", Some(&member), None).await;
    assert_eq!((s, e["error"]["code"].as_str()), (422, Some("invalid_input")), "{e}");
    let alert_id = alert["id"].as_str().unwrap().to_owned();

    // Bad input: 422 naming the field, nothing written.
    for (patch, field) in [
        (json!({"area": "ZZ01"}), "area"),
        (json!({"category": "weather"}), "category"),
        (json!({"severity": 5}), "severity"),
        (json!({"occurred_at": "last tuesday"}), "occurred_at"),
        (json!({"occurred_at": "2999-01-01"}), "occurred_at"),
        (json!({"description": "   "}), "description"),
        (json!({"description": "x".repeat(4001)}), "description"),
    ] {
        let mut body = report(2);
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&member), Some(body)).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field)), "{v}");
    }
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/reports",
            Some(&member),
            Some(json!({"area": "MR0101", "person_of_interest": "X"})),
        )
        .await;
    assert_eq!(s, 422, "no field for persons: {v}");
    let (_, v) = app.send("GET", "/api/v1/reports", Some(&member), None).await;
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);

    // Reading and scoping.
    let (s, _) = app.send("GET", &format!("/api/v1/reports/{id}"), Some(&member), None).await;
    assert_eq!(s, 200);
    for path in [format!("/api/v1/reports/{id}"), format!("/api/v1/alerts/{alert_id}")] {
        let (s, _) = app.send("GET", &path, Some(&police), None).await;
        assert_eq!(s, 404, "another organisation gets 404 for {path}");
    }
    let (_, v) = app.send("GET", "/api/v1/reports", Some(&police), None).await;
    assert!(v["reports"].as_array().unwrap().is_empty());
    let (_, v) = app
        .send(
            "GET",
            "/api/v1/reports?category=hate_speech&area=mr0101&status=new&from=2026-03-01&to=2026-03-03",
            Some(&member),
            None,
        )
        .await;
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);
    let (_, v) = app.send("GET", "/api/v1/reports?status=new&from=2026-03-03", Some(&member), None).await;
    assert!(v["reports"].as_array().unwrap().is_empty());
    let (s, v) = app.send("GET", "/api/v1/reports?status=pending", Some(&member), None).await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("status")));

    // The workflow: coordinators only, and only along new → verified | dismissed → closed.
    let (s, _) = app.send("POST", &format!("/api/v1/reports/{id}/verify"), Some(&member), None).await;
    assert_eq!(s, 403);
    let (s, v) = app.send("POST", &format!("/api/v1/reports/{id}/verify"), Some(&coord), None).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("verified")), "{v}");
    assert!(v["status_by"].is_string() && v["status_at"].is_string());
    let (s, _) = app.send("POST", &format!("/api/v1/reports/{id}/dismiss"), Some(&coord), None).await;
    assert_eq!(s, 409);
    let (s, _) = app.send("POST", &format!("/api/v1/reports/{id}/verify"), Some(&police), None).await;
    assert_eq!(s, 404);

    // Responses: assign with a due time, see it overdue, answer it.
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert_id}/assign"),
            Some(&coord),
            Some(json!({"due_at": "2026-03-04T00:00:00Z"})),
        )
        .await;
    assert_eq!((s, v["assigned_org_id"].as_str()), (200, Some(cso.id.as_str())), "{v}");
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert_id}/assign"),
            Some(&coord),
            Some(json!({"org": other.id, "due_in_hours": 24})),
        )
        .await;
    assert_eq!(
        (s, v["error"]["field"].as_str()),
        (422, Some("org")),
        "another organisation needs a sharing agreement: {v}"
    );
    let (_, v) = app.send("GET", "/api/v1/alerts?overdue=true", Some(&member), None).await;
    assert_eq!(v["alerts"].as_array().unwrap().len(), 1);
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert_id}/responses"),
            Some(&member),
            Some(
                json!({"action": "Mediation team met the market associations", "outcome": "Fliers removed"}),
            ),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, _) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert_id}/responses"),
            Some(&police),
            Some(json!({"action": "x", "outcome": "y"})),
        )
        .await;
    assert_eq!(s, 404);
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert_id}/responses"),
            Some(&member),
            Some(json!({"action": "", "outcome": "y"})),
        )
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("action")));
    let (_, v) = app.send("GET", &format!("/api/v1/alerts/{alert_id}"), Some(&member), None).await;
    assert_eq!(v["reports"], json!([id]));
    assert_eq!(v["responses"].as_array().unwrap().len(), 1);
    assert!(v["alert"]["first_response_at"].is_string());
    let (_, v) = app.send("GET", "/api/v1/alerts/responsiveness", Some(&member), None).await;
    assert_eq!((v["alerts"].as_u64(), v["answered"].as_u64()), (Some(1), Some(1)), "{v}");
    assert!(v["median_hours_to_first_response"].as_f64().unwrap() >= 0.0);

    // Every sensitive act was audited.
    let actions: Vec<String> =
        app.store.audit_page(0, 1000).await.unwrap().into_iter().map(|e| e.action).collect();
    for a in ["report.verified", "alert.assign", "alert.respond"] {
        assert!(actions.contains(&a.to_owned()), "{a} missing from {actions:?}");
    }
}

async fn incremental_alerts_equal_the_full_run(b: Backend) {
    let app = spawn_app(b).await;
    setup_areas(&app).await;
    let cso = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    app.create_user(&cso, "coordinator@youth.example", Role::Coordinator, false).await;
    let t = app.login("coordinator@youth.example").await;

    // Reports one by one through the API, as they arrive in life: a background, a surge in one
    // district, late reports about earlier weeks, and some dismissals along the way.
    let mut x: u64 = 42;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (x >> 33) as usize
    };
    let mut ids = Vec::new();
    for i in 0..140 {
        let week = if i < 100 { next() % 26 } else { 20 + next() % 3 };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
            + chrono::Duration::days(week as i64 * 7 + (next() % 7) as i64);
        let area = if i >= 100 { "MR0102" } else { ["MR0101", "MR0102", "MR01"][next() % 3] };
        let category = ["intercommunal_tension", "crime"][next() % 2];
        let body = json!({"area": area, "category": category, "severity": 1 + next() % 4, "occurred_at": day.to_string(), "description": format!("report {i}")});
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&t), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        ids.push(v["id"].as_str().unwrap().to_owned());
        if i % 17 == 5 {
            let (s, _) =
                app.send("POST", &format!("/api/v1/reports/{}/dismiss", ids[i / 2]), Some(&t), None).await;
            assert!(s == 200 || s == 409);
        }
    }
    app.state.alert_worker.flush().await;
    let incremental = snapshot(&app, &cso.id).await;
    assert!(
        incremental.iter().any(|r| r[3] != "threshold" && r[6] == "open"),
        "the surge raised EARS alerts"
    );
    assert!(incremental.iter().any(|r| r[3] == "threshold"));
    assert!(
        incremental
            .iter()
            // Open ones: a withdrawn alert keeps the figures it had when last raised.
            .filter(|r| r[3] != "threshold" && r[6] == "open")
            .all(|r| r[7].as_array().is_some_and(|a| a.len() as u64 == r[4].as_u64().unwrap_or(0))),
        "an open EARS alert's reports are its cell's counting reports, as many as it observed"
    );

    full_run_changes_nothing(&app);
    assert_eq!(snapshot(&app, &cso.id).await, incremental);

    // The reports page pages through them, 50 at a time, every report once.
    let page = |n: u32| {
        let (app, t) = (&app, t.clone());
        async move {
            let r = app.http.get(app.url(&format!("/reports?page={n}"))).bearer_auth(t).send().await.unwrap();
            r.text().await.unwrap()
        }
    };
    let mut seen = std::collections::HashSet::new();
    for n in 1..=3 {
        let html = page(n).await;
        let rows: Vec<&str> =
            html.split("\"><a href=\"/reports/").skip(1).map(|r| r.split('"').next().unwrap()).collect();
        assert_eq!(rows.len(), if n < 3 { 50 } else { 40 }, "page {n}");
        seen.extend(rows.iter().map(|r| r.to_string()));
        assert_eq!(html.contains("rel=\"next\""), n < 3, "page {n}");
        assert_eq!(html.contains("rel=\"prev\""), n > 1, "page {n}");
    }
    assert_eq!(seen.len(), 140);
}

/// Every alert of `org` with its figures and reports, in a stable order.
/// `tandem alerts run` over the whole database finds nothing to open or withdraw: the
/// incremental runs already did what a full run would.
pub fn full_run_changes_nothing(app: &TestApp) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["alerts", "run", "--database-url", &app.db.url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(" 0 opened") && text.contains(" 0 withdrawn"),
        "the full run found nothing to change: {text}"
    );
}

pub async fn snapshot(app: &TestApp, org: &tandem_domain::OrgId) -> Vec<Value> {
    let alerts = app
        .store
        .list_alerts(org, &tandem_store::AlertFilter { limit: 10_000, ..Default::default() })
        .await
        .unwrap();
    let mut rows = Vec::new();
    for a in alerts {
        let (alert, linked) = app.store.get_alert(org, &a.id).await.unwrap();
        let cfg = app.state.ew_config.get(app.store.as_ref()).await.unwrap();
        let reports =
            tandem_web::ew::alerts::reports_of(app.store.as_ref(), &cfg, org, &alert, linked).await.unwrap();
        rows.push(json!([
            a.area,
            a.category,
            a.week,
            a.method,
            a.observed,
            a.statistic.map(|s| (s * 1e9).round()),
            a.status,
            reports
        ]));
    }
    rows.sort_by_key(|r| r.to_string());
    rows
}

/// A surge in one district raises alerts by several methods at the district, the region and the
/// country; the coordinator closes them as one episode, and later reports do not reopen it.
async fn an_episode_closes_as_one(b: Backend) {
    let app = spawn_app(b).await;
    setup_areas(&app).await;
    let cso = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    app.create_user(&cso, "coordinator@youth.example", Role::Coordinator, false).await;
    app.create_user(&cso, "member@youth.example", Role::Member, false).await;
    let t = app.login("coordinator@youth.example").await;
    let member = app.login("member@youth.example").await;
    let file = |week: i64, area: &'static str, severity: u8| {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + chrono::Duration::days(week * 7 + 2);
        json!({"area": area, "category": "crime", "severity": severity, "occurred_at": day.to_string(), "description": "x"})
    };
    for week in 0..20 {
        if week % 4 == 0 {
            let (s, v) = app.send("POST", "/api/v1/reports", Some(&t), Some(file(week, "MR0101", 1))).await;
            assert_eq!(s, 201, "{v}");
        }
    }
    for _ in 0..6 {
        let (s, _) = app.send("POST", "/api/v1/reports", Some(&t), Some(file(20, "MR0102", 2))).await;
        assert_eq!(s, 201);
    }
    app.state.alert_worker.flush().await;
    let open = || {
        let filter =
            tandem_store::AlertFilter { status: Some("open".into()), limit: 500, ..Default::default() };
        let (store, org) = (app.store.clone(), cso.id.clone());
        async move { store.list_alerts(&org, &filter).await.unwrap() }
    };
    let before = open().await;
    let surge: Vec<_> =
        before.iter().filter(|a| a.week.0 == before.iter().map(|a| a.week.0).max().unwrap()).collect();
    assert!(surge.len() >= 3, "several methods and levels: {surge:?}");
    let lead = surge.iter().find(|a| a.area == "MR0102").expect("an alert in the district");

    let path = format!("/api/v1/alerts/{}", lead.id);
    let (s, _) =
        app.send("POST", &format!("{path}/close"), Some(&member), Some(json!({"outcome": "resolved"}))).await;
    assert_eq!(s, 403, "members do not close alerts");
    let (s, v) =
        app.send("POST", &format!("{path}/close"), Some(&t), Some(json!({"outcome": "maybe"}))).await;
    assert_eq!((s, v["error"]["code"].as_str()), (422, Some("invalid_input")), "{v}");
    let (s, v) = app.send("POST", &format!("{path}/acknowledge"), Some(&t), None).await;
    assert_eq!(s, 200, "{v}");
    assert!(v["alerts"].as_array().unwrap().iter().all(|a| !a["acknowledged_at"].is_null()));
    let (s, v) =
        app.send("POST", &format!("{path}/close"), Some(&t), Some(json!({"outcome": "resolved"}))).await;
    assert_eq!(s, 200, "{v}");
    let closed: Vec<&str> =
        v["alerts"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(closed[0], lead.id, "the one asked for first");
    assert_eq!(closed.len(), surge.len(), "the whole episode closes: {v}");
    assert!(v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["status"] == "closed" && a["outcome"] == "resolved"));
    let (s, _) =
        app.send("POST", &format!("{path}/close"), Some(&t), Some(json!({"outcome": "resolved"}))).await;
    assert_eq!(s, 409);
    assert_eq!(open().await.len(), before.len() - surge.len());

    // A later report in the same week changes the figures, not the outcome.
    let (s, _) = app.send("POST", "/api/v1/reports", Some(&t), Some(file(20, "MR0102", 2))).await;
    assert_eq!(s, 201);
    app.state.alert_worker.flush().await;
    let (_, v) = app.send("GET", &path, Some(&t), None).await;
    assert_eq!(
        (v["alert"]["status"].as_str(), v["alert"]["observed"].as_u64()),
        (Some("closed"), Some(lead.observed as u64 + 1)),
        "{v}"
    );
    let actions: Vec<String> =
        app.store.audit_page(0, 1000).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"alert.close".to_owned()) && actions.contains(&"alert.acknowledge".to_owned()));
}
