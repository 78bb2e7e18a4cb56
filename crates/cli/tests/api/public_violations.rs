//! Public statistics of verified violations: anyone may read them; only verified violations
//! count, from every organisation; fixed cells with no count from 1 to k − 1; a released quarter
//! is frozen (a violation verified later changes nothing, so no two downloads differ by one
//! case); quarters not yet released are not served.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(public_statistics_are_fixed_suppressed_and_frozen);

async fn documented(app: &TestApp, token: &str, area: &str, act: &str, kind: &str, on: &str) -> String {
    let body = json!({"area": area, "occurred_on": on, "act": act, "institution": "Kumba Central Police Station",
        "institution_kind": kind, "victims": {"total": 1}, "description": "Held overnight without charge"});
    let (s, v) = app.send("POST", "/api/v1/violations", Some(token), Some(body)).await;
    assert_eq!(s, 201, "{v}");
    v["id"].as_str().unwrap().to_owned()
}

fn cell<'a>(v: &'a Value, area: &str, act: Option<&str>, kind: Option<&str>) -> &'a Value {
    v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["area"] == area && c["act"].as_str() == act && c["institution"].as_str() == kind)
        .unwrap_or_else(|| panic!("no cell {area} {act:?} {kind:?}"))
}

async fn public_statistics_are_fixed_suppressed_and_frozen(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let (s, v) = app.send("GET", "/api/v1/public/violations", None, None).await;
    assert_eq!(
        (s, v["periods"].clone(), v["cells"].clone()),
        (200, json!([]), json!([])),
        "nothing yet: {v}"
    );
    let mut keys = vec![];
    for (org, who) in
        [("Lakeside Human Rights Observatory", "lakeside"), ("Kumba Women's Peace Network", "kwpn")]
    {
        let o = app.create_org(org, OrgKind::CivilSociety).await;
        for n in ["one", "two"] {
            app.create_user(&o, &format!("{n}@{who}.example"), Role::Coordinator, false).await;
        }
        keys.push((
            app.login(&format!("one@{who}.example")).await,
            app.login(&format!("two@{who}.example")).await,
        ));
    }
    let verify = |id: String, token: String| {
        let app = &app;
        async move {
            let (s, v) =
                app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&token), None).await;
            assert_eq!(s, 200, "{v}");
        }
    };
    // Thirteen arrests by the police in MR01's districts, from two observatories (seven and six:
    // neither can work out the other's by taking its own away); two extortions by the military;
    // one arrest left unverified; all in February 2026 (published since the end of June).
    for i in 0..13 {
        let (doc, second) = &keys[usize::from(i >= 7)];
        let area = if i % 3 == 0 { "MR01" } else { "MR0101" };
        let id = documented(&app, doc, area, "arbitrary_arrest", "police", "2026-02-10").await;
        verify(id, second.clone()).await;
    }
    for _ in 0..2 {
        let id = documented(&app, &keys[0].0, "MR0102", "extortion", "military", "2026-02-20").await;
        verify(id, keys[0].1.clone()).await;
    }
    documented(&app, &keys[1].0, "MR0101", "arbitrary_arrest", "police", "2026-02-11").await;
    // The police station documents its own (it may); they never count in the public statistics,
    // so the monitored cannot pad or probe them.
    let station = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&station, "one@police.example", Role::Coordinator, false).await;
    app.create_user(&station, "two@police.example", Role::Coordinator, false).await;
    let (p1, p2) = (app.login("one@police.example").await, app.login("two@police.example").await);
    for _ in 0..5 {
        let id = documented(&app, &p1, "MR0101", "arbitrary_arrest", "police", "2026-02-12").await;
        verify(id, p2.clone()).await;
    }
    // One in the current quarter: not published yet, whatever is verified.
    let today = chrono::Utc::now().date_naive().to_string();
    let id = documented(&app, &keys[1].0, "MR0101", "arbitrary_arrest", "police", &today).await;
    verify(id, keys[1].1.clone()).await;

    let (s, v) = app.send("GET", "/api/v1/public/violations", None, None).await;
    assert_eq!(s, 200, "{v}");
    let periods: Vec<&str> = v["periods"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(periods.first(), Some(&"2026Q1"), "from the first verified violation's quarter: {periods:?}");
    let current = chrono::Utc::now().date_naive();
    let this_quarter = tandem_domain::violation_stats::Quarter::of(current).to_string();
    assert!(!periods.contains(&this_quarter.as_str()), "the current quarter is not out yet");
    assert_eq!(v["k"], 5);
    let q1: Vec<&Value> = v["cells"].as_array().unwrap().iter().filter(|c| c["period"] == "2026Q1").collect();
    assert!(!q1.is_empty());
    for c in v["cells"].as_array().unwrap() {
        if let Some(n) = c["count"].as_u64() {
            assert!(n == 0 || n >= 5, "a count under k is published: {c}");
        }
    }
    let police = cell(&v, "MR01", Some("arbitrary_arrest"), Some("police"));
    assert!(
        police["count"] == 13 && police["period"] == "2026Q1",
        "verified only, both organisations: {police}"
    );
    assert_eq!(cell(&v, "MR01", Some("extortion"), Some("military"))["count"], Value::Null, "2 < k");
    assert_eq!(
        cell(&v, "MR01", Some("sexual_violence"), Some("prison"))["count"],
        0,
        "fixed cells: zeros too"
    );
    // The map's entry: MR01, every act and kind (13 + 2 = 15, hidden or shown, never wrong).
    assert!(matches!(cell(&v, "MR01", None, None)["count"].as_u64(), Some(15) | None));

    // A violation of that quarter verified now changes nothing published.
    let late = documented(&app, &keys[0].0, "MR0101", "extortion", "military", "2026-03-01").await;
    verify(late, keys[0].1.clone()).await;
    let (_, again) = app.send("GET", "/api/v1/public/violations?period=2026Q1", None, None).await;
    assert_eq!(again["cells"], json!(q1), "a released quarter is frozen");

    assert_eq!(
        app.send("GET", &format!("/api/v1/public/violations?period={this_quarter}"), None, None).await.0,
        404
    );
    let (s, e) = app.send("GET", "/api/v1/public/violations?period=spring", None, None).await;
    assert_eq!((s, e["error"]["code"].as_str()), (422, Some("invalid_input")), "{e}");

    // The page, for anyone, in the reader's language.
    let r = app.http.get(app.url("/public/violations")).header("accept-language", "fr").send().await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("statistiques publiques") && html.contains("Aucune ce trimestre"),
        "the newest quarter, empty: {html}"
    );
    let r = app
        .http
        .get(app.url("/public/violations?period=2026Q1"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("Arrestation ou détention arbitraire") && html.contains("masqué"), "{html}");
    let r = app.http.get(app.url("/public/violations?period=2026Q1")).send().await.unwrap();
    let html = r.text().await.unwrap();
    assert!(html.contains("January to March 2026") && html.contains("hidden"), "{html}");
    assert_eq!(app.http.get(app.url("/public/violations?period=2031Q1")).send().await.unwrap().status(), 404);
}
