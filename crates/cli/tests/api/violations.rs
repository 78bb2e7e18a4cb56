//! The observatory's violations through the API: documented by a member, verified by a second
//! coordinator and never by the one who documented it, scoped by organisation, bad input named.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(
    document_and_verify_with_two_keys,
    the_institution_on_tandem_answers_its_referral,
    verified_violations_are_a_warning_sign,
    civic_space_names_the_target_and_protocols_are_reviewed,
    exports_in_the_formats_documenters_use,
    links_to_reports_alerts_and_violations
);

/// A referral to an organisation on Tandem reaches it without names, source or evidence, and
/// with the observatory's protected names scrubbed; its coordinators answer there, once; no one
/// else sees it.
async fn the_institution_on_tandem_answers_its_referral(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let brigade = app.create_org("3rd Brigade", OrgKind::Security).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "bello@obs.example", Role::Coordinator, false).await;
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    app.create_user(&police, "desk@police.example", Role::Member, false).await;
    app.create_user(&brigade, "major@brigade.example", Role::Coordinator, false).await;
    let [amina, bello, chief, desk, major] = [
        "amina@obs.example",
        "bello@obs.example",
        "chief@police.example",
        "desk@police.example",
        "major@brigade.example",
    ]
    .map(|e| e.to_owned());
    let (amina, bello, chief, desk, major) = (
        app.login(&amina).await,
        app.login(&bello).await,
        app.login(&chief).await,
        app.login(&desk).await,
        app.login(&major).await,
    );
    let (s, _) = app
        .send("POST", "/api/v1/protected-names", Some(&amina), Some(json!({"name": "Halima Okafor"})))
        .await;
    assert_eq!(s, 201);
    let body = json!({"area": "MR0101", "occurred_on": "2026-07-19", "act": "arbitrary_arrest",
        "institution": "Kumba Central Police Station", "institution_kind": "police", "victims": {"total": 2},
        "description": "Halima Okafor and Idris Okafor held overnight at the station; their neighbour saw it",
        "victim_names": "Halima Okafor; Idris Okafor", "victim_names_consent": true, "source_identity": "their neighbour"});
    let (_, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body)).await;
    let id = v["id"].as_str().unwrap().to_owned();
    app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&bello), None).await;
    let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(14)).to_string();
    let (s, r) = app
        .send(
            "POST",
            &format!("/api/v1/violations/{id}/refer"),
            Some(&bello),
            Some(
                json!({"to_org": police.id, "ask": "Say why they were held and release them", "due_on": due}),
            ),
        )
        .await;
    assert_eq!(s, 200, "{r}");

    let (s, list) = app.send("GET", "/api/v1/referrals", Some(&chief), None).await;
    assert_eq!(s, 200, "{list}");
    let got = &list["referrals"][0];
    assert_eq!(
        (got["id"].as_str(), got["from"].as_str()),
        (Some(id.as_str()), Some("Lakeside Human Rights Observatory"))
    );
    let text = list.to_string();
    assert!(!text.contains("Halima") && !text.contains("Idris") && !text.contains("neighbour"), "{text}");
    assert!(got["description"].as_str().unwrap().contains("held overnight at the station"), "{got}");
    assert!(got.get("victim_names").is_none() && got.get("has_source_identity").is_none());
    assert_eq!(app.send("GET", "/api/v1/referrals", Some(&desk), None).await.0, 403, "coordinators answer");
    let (_, none) = app.send("GET", "/api/v1/referrals", Some(&major), None).await;
    assert_eq!(none["referrals"], json!([]), "referred to the police, not the brigade");
    let one = format!("/api/v1/referrals/{id}");
    assert_eq!(app.send("GET", &one, Some(&major), None).await.0, 404);
    assert_eq!(
        app.send("GET", &one, Some(&amina), None).await.0,
        404,
        "the observatory reads its own violation, not this"
    );
    assert_eq!(app.send("GET", &format!("/api/v1/violations/{id}"), Some(&chief), None).await.0, 404);
    assert_eq!(app.send("GET", &format!("/api/v1/violations/{id}/sealed"), Some(&chief), None).await.0, 404);
    let answer = format!("{one}/answer");
    let (s, e) = app.send("POST", &answer, Some(&chief), Some(json!({"response": " "}))).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("response")));
    assert_eq!(app.send("POST", &answer, Some(&major), Some(json!({"response": "Not us"}))).await.0, 404);
    let (s, done) = app
        .send(
            "POST",
            &answer,
            Some(&chief),
            Some(json!({"response": "Both released; the officer is suspended"})),
        )
        .await;
    assert_eq!((s, done["status"].as_str()), (200, Some("responded")), "{done}");
    assert_eq!(
        app.send("POST", &answer, Some(&chief), Some(json!({"response": "Again"}))).await.0,
        409,
        "answered once"
    );
    let (_, seen) = app.send("GET", &format!("/api/v1/violations/{id}"), Some(&amina), None).await;
    assert_eq!(
        (seen["status"].as_str(), seen["response"].as_str()),
        (Some("responded"), Some("Both released; the officer is suspended")),
        "the observatory sees the answer"
    );
    // The answer counts in the institution's answer times; another organisation sees none.
    let (s, times) = app.send("GET", "/api/v1/referral-times", Some(&amina), None).await;
    assert_eq!(s, 200, "{times}");
    let police_times = &times["institutions"][0];
    assert_eq!(police_times["institution"], "Kumba Central Police Station", "{times}");
    assert_eq!((police_times["referred"].as_u64(), police_times["answered"].as_u64()), (Some(1), Some(1)));
    assert_eq!(police_times["median_days"].as_f64(), Some(0.0), "answered the day it was referred");
    assert!(police_times["longest_waiting_days"].is_null());
    let (_, theirs) = app.send("GET", "/api/v1/referral-times", Some(&major), None).await;
    assert_eq!(theirs["institutions"].as_array().map(Vec::len), Some(0));
    let r = app.http.get(app.url("/violations")).bearer_auth(&amina).send().await.unwrap();
    let html = r.text().await.unwrap();
    assert!(
        html.contains("How fast institutions answer") && html.contains("Usually answers the same day."),
        "{html}"
    );
    let trail = app.store.org_audit(&obs.id, 100).await.unwrap();
    assert!(
        trail.iter().any(|e| e.action == "violation.respond" && e.detail.contains(police.id.as_str())),
        "in the observatory's trail"
    );

    // On the pages, in the reader's language.
    let r = app
        .http
        .get(app.url(&format!("/referrals/{id}")))
        .bearer_auth(&chief)
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Transmis par") && html.contains("officer is suspended") && !html.contains("Halima"),
        "{html}"
    );
    let r = app.http.get(app.url("/referrals")).bearer_auth(&chief).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("Every referral is answered"));
}

async fn document_and_verify_with_two_keys(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let other = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    for (email, role) in [
        ("amina@obs.example", Role::Coordinator),
        ("bello@obs.example", Role::Coordinator),
        ("field@obs.example", Role::Member),
    ] {
        app.create_user(&obs, email, role, false).await;
    }
    app.create_user(&other, "chief@police.example", Role::Admin, false).await;
    let (amina, bello, field, chief) = (
        app.login("amina@obs.example").await,
        app.login("bello@obs.example").await,
        app.login("field@obs.example").await,
        app.login("chief@police.example").await,
    );
    let (s, v) = app.send("GET", "/api/v1/violation-acts", Some(&field), None).await;
    assert_eq!(s, 200);
    assert_eq!(v["acts"][0]["slug"], "arbitrary_arrest", "{v}");
    let body = json!({
        "area": "MR0101", "occurred_on": "2026-07-19", "date_precision": "month", "act": "arbitrary_arrest",
        "institution": "Kumba Central Police Station", "institution_kind": "police", "unit": "Night patrol",
        "victims": {"total": 3, "women": 1, "men": 2}, "description": "Three traders held overnight without charge"
    });
    // A plain member documents; the date is kept at its precision.
    let (s, made) = app.send("POST", "/api/v1/violations", Some(&field), Some(body.clone())).await;
    assert_eq!(s, 201, "{made}");
    assert_eq!(
        (made["status"].as_str(), made["occurred_on"].as_str()),
        (Some("documented"), Some("2026-07-01"))
    );
    assert_eq!(
        made["victims"],
        json!({"total": 3, "women": 1, "men": 2, "girls": null, "boys": null, "group": "individuals", "status": null})
    );
    let id = made["id"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/violations/{id}");
    let verify = format!("{one}/verify");
    assert_eq!(app.send("GET", &one, Some(&bello), None).await.0, 200);
    assert_eq!(app.send("GET", &one, Some(&chief), None).await.0, 404, "another organisation's is not found");
    assert_eq!(app.send("POST", &verify, Some(&chief), None).await.0, 404);
    assert_eq!(app.send("POST", &verify, Some(&field), None).await.0, 403, "a member cannot verify");
    // The one who documented it cannot be its second key.
    let (_, mine) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body.clone())).await;
    let (s, e) = app
        .send(
            "POST",
            &format!("/api/v1/violations/{}/verify", mine["id"].as_str().unwrap()),
            Some(&amina),
            None,
        )
        .await;
    assert_eq!(s, 409, "{e}");
    assert!(e["error"]["message"].as_str().unwrap().contains("cannot verify"), "{e}");
    // The pages: the documenter is told a second coordinator must verify, and is offered no
    // button; a second coordinator verifies with a plain form; another organisation gets 404.
    let page = |path: String, token: String| {
        let app = &app;
        async move {
            let r = app.http.get(app.url(&path)).bearer_auth(token).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let mine_page = format!("/violations/{}", mine["id"].as_str().unwrap());
    let (s, html) = page(mine_page.clone(), amina.clone()).await;
    assert_eq!(s, 200);
    assert!(
        html.contains("the person who documented it cannot verify it") && !html.contains("/verify\""),
        "{html}"
    );
    let (s, html) = page(mine_page.clone(), bello.clone()).await;
    assert!(
        s == 200 && html.contains(&format!("action=\"{mine_page}/verify\"")),
        "the second key is offered: {html}"
    );
    assert_eq!(page(mine_page.clone(), chief.clone()).await.0, 404);
    let (s, html) = page("/violations".into(), field.clone()).await;
    assert!(
        s == 200
            && html.contains("Arbitrary arrest or detention")
            && html.contains("2 violations wait for a second coordinator"),
        "{html}"
    );
    let r = app.http.post(app.url(&format!("{mine_page}/verify"))).bearer_auth(&bello).send().await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
        (303, format!("{mine_page}?done=violation-done-verified").as_str())
    );
    // Documenting on a page: a refused form keeps what was typed and names the field in the
    // page's language; an accepted one goes to the new violation.
    let (s, html) = page("/violations/new".into(), field.clone()).await;
    assert!(s == 200 && html.contains("name=\"victims_total\""), "{html}");
    let typed = [
        ("area", "MR0101"),
        ("occurred_on", "2026-07-19"),
        ("date_precision", "exact"),
        ("act", ""),
        ("institution", "Kumba Central Police Station"),
        ("institution_kind", "police"),
        ("victims_total", "2"),
        ("victims_women", "3"),
        ("description", "Two traders held overnight"),
    ];
    let post_form = |form: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let token = field.clone();
        async move {
            app.http
                .post(app.url("/violations"))
                .bearer_auth(token)
                .header("accept-language", "fr")
                .form(&form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = post_form(typed.to_vec()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-act\"") && html.contains("Two traders held overnight"), "{html}");
    let mut fixed = typed.to_vec();
    fixed[3] = ("act", "arbitrary_arrest");
    let r = post_form(fixed.clone()).await;
    assert_eq!(r.status(), 422, "three women among two victims");
    assert!(r.text().await.unwrap().contains("id=\"err-victims\""));
    fixed[7] = ("victims_women", "1");
    let r = post_form(fixed).await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().ends_with("?done=violation-done-documented"));
    let (s, done) = app.send("POST", &verify, Some(&amina), None).await;
    assert_eq!(
        (s, done["status"].as_str(), done["verified_by"].is_string()),
        (200, Some("verified"), true),
        "{done}"
    );
    assert_eq!(app.send("POST", &verify, Some(&bello), None).await.0, 409, "verified once");
    let (_, list) = app.send("GET", "/api/v1/violations?status=verified", Some(&field), None).await;
    assert_eq!(list["violations"].as_array().unwrap().len(), 2, "one by the API, one by the page");
    // Referred to the police station on Tandem, answered, remedied: coordinators only.
    let today = chrono::Utc::now().date_naive();
    let refer = format!("{one}/refer");
    let ask = json!({"to_org": other.id, "ask": "Release them and say why they were held", "due_on": today.to_string()});
    assert_eq!(app.send("POST", &refer, Some(&field), Some(ask.clone())).await.0, 403);
    for (bad, name) in [
        (json!({"to_org": other.id, "ask": "Release them", "due_on": "2020-01-01"}), "due_on"),
        (json!({"ask": "Release them", "due_on": today.to_string()}), "to"),
        (
            json!({"to_org": tandem_domain::OrgId::new(), "ask": "Release them", "due_on": today.to_string()}),
            "to_org",
        ),
    ] {
        let (s, e) = app.send("POST", &refer, Some(&bello), Some(bad)).await;
        assert_eq!(s, 422, "{name}: {e}");
        assert!(e["error"]["message"].as_str().unwrap().contains(name), "{e}");
    }
    let (s, referred) = app.send("POST", &refer, Some(&bello), Some(ask.clone())).await;
    assert_eq!(
        (s, referred["status"].as_str(), referred["referred_to"].as_str()),
        (200, Some("referred"), Some("Kumba Central Police Station")),
        "{referred}"
    );
    assert_eq!(app.send("POST", &refer, Some(&bello), Some(ask)).await.0, 409, "referred once");
    let (_, late) = app.send("GET", "/api/v1/violations?overdue=true", Some(&bello), None).await;
    assert_eq!(late["violations"], json!([]), "due today: not yet overdue");
    let end = format!("{one}/end");
    assert_eq!(
        app.send("POST", &end, Some(&bello), Some(json!({"ending": "remedied"}))).await.0,
        409,
        "remedied only once answered"
    );
    let (s, answered) = app
        .send(
            "POST",
            &format!("{one}/response"),
            Some(&bello),
            Some(json!({"response": "Released the next morning"})),
        )
        .await;
    assert_eq!((s, answered["status"].as_str()), (200, Some("responded")), "{answered}");
    assert_eq!(app.send("POST", &end, Some(&bello), Some(json!({"ending": "solved"}))).await.0, 422);
    let (s, ended) = app.send("POST", &end, Some(&bello), Some(json!({"ending": "remedied"}))).await;
    assert_eq!((s, ended["status"].as_str()), (200, Some("remedied")), "{ended}");
    let (_, list) = app.send("GET", "/api/v1/violations", Some(&chief), None).await;
    assert_eq!(list["violations"], json!([]), "scoped by organisation");
    // Bad input: 422 naming the field, nothing written.
    let bad = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut b = body.clone();
        f(&mut b);
        b
    };
    for (b, field_name) in [
        (bad(&|b| b["area"] = json!("XX9999")), "area"),
        (bad(&|b| b["act"] = json!("gossip")), "act"),
        (bad(&|b| b["victims"] = json!({"total": 1, "women": 2})), "victims"),
        (bad(&|b| b["occurred_on"] = json!("2999-01-01")), "occurred_on"),
        (bad(&|b| b["institution_kind"] = json!("neighbour")), "institution_kind"),
        (bad(&|b| b["perpetrator_name"] = json!("John")), "body"),
    ] {
        let (s, e) = app.send("POST", "/api/v1/violations", Some(&field), Some(b)).await;
        assert_eq!(s, 422, "{field_name}: {e}");
        assert!(e["error"]["message"].as_str().unwrap().contains(field_name), "{field_name}: {e}");
    }
    let (_, list) = app.send("GET", "/api/v1/violations", Some(&field), None).await;
    assert_eq!(list["violations"].as_array().unwrap().len(), 3, "refused ones write nothing");
    // Ending a file cannot be undone: the page asks first, and only the confirmed post acts.
    let close = format!("{mine_page}/end/closed");
    let nothing: [(&str, &str); 0] = [];
    for (who, want) in [(&field, 403), (&chief, 404)] {
        let r =
            app.http.post(app.url(&close)).bearer_auth(who).form(&[("confirm", "yes")]).send().await.unwrap();
        assert_eq!(r.status(), want, "a member may not end a file; another organisation does not see it");
    }
    let r = app.http.post(app.url(&close)).bearer_auth(&bello).form(&nothing).send().await.unwrap();
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Close this violation’s file?") && html.contains("name=\"confirm\" value=\"yes\""),
        "{html}"
    );
    let (_, still) = app.send("GET", &format!("/api/v1{mine_page}"), Some(&bello), None).await;
    assert_eq!(still["status"], "verified", "not closed before it is confirmed");
    let r =
        app.http.post(app.url(&close)).bearer_auth(&bello).form(&[("confirm", "yes")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let (_, closed) = app.send("GET", &format!("/api/v1{mine_page}"), Some(&bello), None).await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(
        app.http
            .post(app.url(&format!("{mine_page}/end/forgotten")))
            .bearer_auth(&bello)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    for q in ["?status=maybe", "?limit=0", "?offset=-1", "?sort=name"] {
        assert_eq!(
            app.send("GET", &format!("/api/v1/violations{q}"), Some(&field), None).await.0,
            422,
            "{q}"
        );
    }
}

/// "Identify increasing repression and human rights abuses as warning signs" (context 002): a
/// rise in verified arbitrary arrests in a district opens an alert of its own for the
/// observatory, one verified killing opens one at once, and violations not yet verified count
/// for nothing. The incremental runs after each verification agree with a full run.
async fn verified_violations_are_a_warning_sign(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let other = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "bello@obs.example", Role::Coordinator, false).await;
    app.create_user(&other, "coordinator@youth.example", Role::Coordinator, false).await;
    let amina = app.login("amina@obs.example").await;
    let bello = app.login("bello@obs.example").await;
    let outsider = app.login("coordinator@youth.example").await;
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let document = |area: &str, act: &str, week: i64, n: i64| {
        let (app, amina, area, act) = (&app, amina.clone(), area.to_owned(), act.to_owned());
        async move {
            let mut ids = vec![];
            for i in 0..n {
                let day = monday + chrono::Duration::days(week * 7 + i % 5);
                let body = json!({"area": area, "occurred_on": day.to_string(), "act": act,
                    "institution": "Kumba Central Police Station", "institution_kind": "police",
                    "victims": {"total": 1}, "description": format!("held at the station, week {week}")});
                let (s, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body)).await;
                assert_eq!(s, 201, "{v}");
                ids.push(v["id"].as_str().unwrap().to_owned());
            }
            ids
        }
    };
    // A quiet background of about one arrest a week across the two districts, then six in one
    // week in MR0102; six more in MR0101 that week stay documented, never verified.
    let mut verify = vec![];
    for w in 0..12 {
        verify.extend(document(["MR0101", "MR0102"][w as usize % 2], "arbitrary_arrest", w, 1).await);
    }
    verify.extend(document("MR0102", "arbitrary_arrest", 12, 6).await);
    verify.extend(document("MR0101", "extrajudicial_killing", 3, 1).await);
    let unverified = document("MR0101", "arbitrary_arrest", 12, 6).await;
    for id in &verify {
        let (s, v) = app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&bello), None).await;
        assert_eq!(s, 200, "{v}");
    }
    app.state.alert_worker.flush().await;
    let alerts = crate::ew::snapshot(&app, &obs.id).await;
    let week = |w: i64| {
        serde_json::to_value(tandem_domain::week::Week::of_date(monday + chrono::Duration::days(w * 7)))
            .unwrap()
    };
    let rise: Vec<_> = alerts
        .iter()
        .filter(|r| {
            r[0] == "MR0102"
                && r[1] == "violation:arbitrary_arrest"
                && r[2] == week(12)
                && r[3] != "threshold"
        })
        .collect();
    assert!(!rise.is_empty(), "the rise in arrests opened an EARS alert: {alerts:?}");
    assert!(rise.iter().all(|r| r[4] == 6 && r[7].as_array().unwrap().len() == 6), "{rise:?}");
    let behind: Vec<&str> = rise[0][7].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(
        behind.iter().all(|id| verify.contains(&id.to_string())),
        "only verified violations are behind it"
    );
    assert!(
        !alerts.iter().any(|r| r[0] == "MR0101" && r[2] == week(12) && r[1] == "violation:arbitrary_arrest"),
        "six documented, unverified arrests count for nothing: {alerts:?}"
    );
    assert!(unverified.iter().all(|id| !alerts.iter().any(|r| r[7]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == id))));
    let killing: Vec<_> = alerts.iter().filter(|r| r[1] == "violation:extrajudicial_killing").collect();
    assert!(
        killing.iter().any(|r| r[0] == "MR0101" && r[3] == "threshold" && r[2] == week(3) && r[4] == 1),
        "one verified killing opens an alert at once: {killing:?}"
    );
    assert!(
        crate::ew::snapshot(&app, &other.id).await.is_empty(),
        "another organisation's violations never reach it"
    );

    crate::ew::full_run_changes_nothing(&app);
    assert_eq!(crate::ew::snapshot(&app, &obs.id).await, alerts);

    // The alert page says it in words and lists the violations, linked; the other
    // organisation's coordinator gets 404.
    let (_, list) = app.send("GET", "/api/v1/alerts?status=open", Some(&amina), None).await;
    let id = list["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["category"] == "violation:arbitrary_arrest" && a["area"] == "MR0102")
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("{list}"));
    let page = |t: String| {
        let (app, id) = (&app, id.clone());
        async move {
            let r = app.http.get(app.url(&format!("/alerts/{id}"))).bearer_auth(t).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (s, html) = page(amina.clone()).await;
    assert_eq!(s, 200);
    assert!(html.contains("Violations: Arbitrary arrest or detention"), "{html}");
    assert!(html.contains("6 verified violations (arbitrary arrest or detention) in Area MR0102"), "{html}");
    assert_eq!(html.matches("href=\"/violations/").count(), 6, "{html}");
    assert_eq!(page(outsider).await.0, 404);
}

/// A threat against a defender names the organisation targeted (required there, refused for an
/// arrest), and a referral of it never names that organisation to the institution. Each
/// organisation's admins record their protection protocol's review; the home page tells them
/// when none is on record (civil society) or it is late; a French admin's mistake is named in
/// French beside the field.
async fn civic_space_names_the_target_and_protocols_are_reviewed(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "bello@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "director@obs.example", Role::Admin, false).await;
    app.create_user(&obs, "field@obs.example", Role::Member, false).await;
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    app.create_user(&police, "head@police.example", Role::Admin, false).await;
    let amina = app.login("amina@obs.example").await;
    let bello = app.login("bello@obs.example").await;
    let director = app.login("director@obs.example").await;
    let field = app.login("field@obs.example").await;
    let chief = app.login("chief@police.example").await;
    let body = |act: &str, target: Option<&str>| {
        let mut b = json!({"area": "MR0101", "occurred_on": "2026-09-02", "act": act,
            "institution": "Kumba Central Police Station", "institution_kind": "police", "victims": {"total": 1},
            "description": "A monitor of Kumba Women's Peace Network was told by phone to stop documenting arrests"});
        if let Some(t) = target {
            b["targeted_org"] = json!(t);
        }
        b
    };
    for (act, target, field_named) in [
        ("threat_to_defender", None, "targeted_org"),
        ("arbitrary_arrest", Some("Kumba Women's Peace Network"), "targeted_org"),
    ] {
        let (s, v) = app.send("POST", "/api/v1/violations", Some(&field), Some(body(act, target))).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field_named)), "{act}: {v}");
    }
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/violations",
            Some(&field),
            Some(body("threat_to_defender", Some("Kumba Women's Peace Network"))),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["targeted_org"], "Kumba Women's Peace Network");
    let id = v["id"].as_str().unwrap().to_owned();
    app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&amina), None).await;
    let due = (chrono::Utc::now().date_naive() + chrono::Duration::days(14)).to_string();
    let (s, r) = app
        .send(
            "POST",
            &format!("/api/v1/violations/{id}/refer"),
            Some(&bello),
            Some(json!({"to_org": police.id, "ask": "Find who made the call", "due_on": due})),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let (_, list) = app.send("GET", "/api/v1/referrals", Some(&chief), None).await;
    let seen = list.to_string();
    assert!(seen.contains("told by phone") && !seen.contains("Peace Network"), "{seen}");

    // Protocol reviews.
    let (s, v) = app.send("GET", "/api/v1/protocol-review", Some(&field), None).await;
    assert_eq!(
        (s, v["standing"]["state"].as_str(), v["review"].is_null()),
        (200, Some("never"), true),
        "{v}"
    );
    let home = |email: &'static str| {
        let app = &app;
        async move {
            let cookie = super::attacks::browser_session(app, email).await;
            let r = app.http.get(app.url("/")).header("cookie", &cookie).send().await.unwrap();
            r.text().await.unwrap()
        }
    };
    const NEVER: &str = "Record when your protection protocol was last reviewed";
    assert!(home("director@obs.example").await.contains(NEVER), "civil-society admins are asked");
    assert!(!home("amina@obs.example").await.contains(NEVER), "only admins");
    assert!(!home("head@police.example").await.contains(NEVER), "not the police's admins");
    let today = chrono::Utc::now().date_naive();
    let put = |t: &String, b: serde_json::Value| {
        let (app, t) = (&app, t.clone());
        async move { app.send("PUT", "/api/v1/protocol-review", Some(&t), Some(b)).await }
    };
    let reviewed = (today - chrono::Duration::days(10)).to_string();
    assert_eq!(put(&amina, json!({"reviewed_on": reviewed})).await.0, 403, "admins record reviews");
    for (b, field_named) in [
        (json!({"reviewed_on": (today + chrono::Duration::days(1)).to_string()}), "reviewed_on"),
        (json!({"reviewed_on": reviewed, "next_review_on": reviewed}), "next_review_on"),
        (json!({"reviewed_on": reviewed, "next_review_on": "2031-01-01"}), "next_review_on"),
        (json!({"reviewed_on": "2026-13-01"}), "reviewed_on"),
    ] {
        let (s, v) = put(&director, b.clone()).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field_named)), "{b}: {v}");
    }
    let (s, v) = put(&director, json!({"reviewed_on": reviewed})).await;
    assert_eq!(s, 200, "{v}");
    let six_months = (today - chrono::Duration::days(10)).checked_add_months(chrono::Months::new(6)).unwrap();
    assert_eq!(v["review"]["next_review_on"], six_months.to_string());
    assert_eq!(v["standing"]["state"], "current");
    assert!(!home("director@obs.example").await.contains(NEVER));
    let soon = (today + chrono::Duration::days(5)).to_string();
    let (_, v) = put(&director, json!({"reviewed_on": today.to_string(), "next_review_on": soon})).await;
    assert_eq!(
        (v["standing"]["state"].as_str(), v["standing"]["days"].as_i64()),
        (Some("due_soon"), Some(5))
    );
    assert!(home("director@obs.example").await.contains("due for review in 5 days"));
    let trail = app.store.org_audit(&obs.id, 100).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "protocol.review").count(), 2);

    // The page form: a French admin's late date is refused beside its field, in French.
    let cookie = super::attacks::browser_session(&app, "director@obs.example").await;
    let get = |path: &'static str| {
        let (app, cookie) = (&app, cookie.clone());
        async move {
            let r = app
                .http
                .get(app.url(path))
                .header("cookie", cookie)
                .header("accept-language", "fr")
                .send()
                .await
                .unwrap();
            r.text().await.unwrap()
        }
    };
    let html = get("/protection").await;
    assert!(html.contains("Protocole de protection") && html.contains("Prévue dans 5 jours"), "{html}");
    let csrf = crate::browser::hidden_csrf(&html);
    let r = app
        .http
        .post(app.url("/protection/protocol"))
        .header("cookie", &cookie)
        .header("accept-language", "fr")
        .form(&[
            ("_csrf", csrf.as_str()),
            ("reviewed_on", &today.to_string()),
            ("next_review_on", "2031-01-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-next_review_on\"") && html.contains("La date doit être dans les 24 mois."),
        "{html}"
    );
    assert!(html.contains("value=\"2031-01-01\""), "what was typed stays");
}

/// The organisation's violations leave it in the formats documenters already use: HURIDOCS-style
/// events as JSON, and HXL CSV that the reference library (libhxl) validates; neither holds what
/// is sealed, and a description that looks like a formula stays text.
async fn exports_in_the_formats_documenters_use(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "director@obs.example", Role::Admin, false).await;
    let amina = app.login("amina@obs.example").await;
    let director = app.login("director@obs.example").await;
    let bodies = [
        json!({"area": "MR0101", "occurred_on": "2026-07-19", "act": "arbitrary_arrest",
            "institution": "Kumba Central Police Station", "institution_kind": "police", "unit": "Night patrol",
            "victims": {"total": 3, "women": 1, "men": 2, "group": "family", "status": "still_detained"},
            "involvement": "ordered", "method": "held without charge",
            "description": "=HYPERLINK(\"http://evil.example\") three traders held",
            "victim_names": "Halima Okafor; Idris Okafor", "victim_names_consent": true,
            "source_kind": "witness", "source_knowledge": "direct", "source_identity": "the baker next door"}),
        json!({"area": "MR0102", "occurred_on": "2026-08-03", "date_precision": "month", "act": "threat_to_defender",
            "institution": "3rd Brigade", "institution_kind": "military", "victims": {"total": 1},
            "description": "A monitor warned by phone", "targeted_org": "Kumba Women's Peace Network"}),
    ];
    for body in bodies {
        let (s, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body)).await;
        assert_eq!(s, 201, "{v}");
    }
    assert_eq!(
        app.send("GET", "/api/v1/violation-export.json", Some(&amina), None).await.0,
        403,
        "admins only"
    );
    let (s, v) = app.send("GET", "/api/v1/violation-export.json", Some(&director), None).await;
    assert_eq!(s, 200, "{v}");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    let arrest = &events[0];
    assert_eq!(arrest["initial_date"], "2026-07-19");
    assert_eq!(arrest["acts"][0]["involvement"][0]["perpetrator"], "Kumba Central Police Station");
    assert_eq!(arrest["acts"][0]["involvement"][0]["unit"], "Night patrol");
    assert_eq!(arrest["acts"][0]["victims"]["total"], 3);
    assert_eq!(arrest["acts"][0]["victims"]["group_kind"], "family");
    assert_eq!(arrest["acts"][0]["victims"]["status_at_end"], "still_detained");
    assert_eq!(arrest["acts"][0]["involvement"][0]["degree_of_involvement"], "ordered");
    assert_eq!(arrest["acts"][0]["method_of_violence"], "held without charge");
    assert_eq!(arrest["acts"][0]["victims"]["names_kept_sealed"], true);
    assert_eq!(arrest["acts"][0]["rights_affected"], "liberty and security of person");
    assert_eq!(arrest["information"][0]["source_type"], "witness");
    assert_eq!(events[1]["initial_date_type"], "month");
    assert_eq!(events[1]["acts"][0]["targeted_organisation"], "Kumba Women's Peace Network");
    let text = v.to_string();
    for sealed in ["Halima", "Idris", "baker"] {
        assert!(!text.contains(sealed), "{sealed} is sealed: {text}");
    }

    let r =
        app.http.get(app.url("/api/v1/violation-export.csv")).bearer_auth(&director).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[1].starts_with("#event+id,#date+occurred,"), "{csv}");
    assert!(csv.contains("\"'=HYPERLINK("), "a formula stays text: {csv}");
    assert!(!csv.contains("Halima") && !csv.contains("baker"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("violations.csv");
    std::fs::write(&path, &csv).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/hxl_check.py");
    let out = std::process::Command::new("python3")
        .args([script, path.to_str().unwrap(), "violations"])
        .output()
        .expect("python3 runs (scripts/test installs libhxl)");
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.contains("2 rows"), "libhxl refuses the export: {said}");
    // The check is real: an act that is no slug fails it.
    std::fs::write(&path, csv.replace(",arbitrary_arrest,", ",Arbitrary Arrest,")).unwrap();
    let out = std::process::Command::new("python3")
        .args([script, path.to_str().unwrap(), "violations"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let trail = app.store.org_audit(&obs.id, 100).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "violation.export").count(), 2);

    // The export imports again, into another observatory: all of it, documented, to be verified
    // there; a bad cell names its line and column and writes nothing.
    let other = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&other, "bello@north.example", Role::Member, false).await;
    let bello = app.login("bello@north.example").await;
    let import = |body: String| {
        app.http
            .post(app.url("/api/v1/violations/import"))
            .bearer_auth(&bello)
            .header("content-type", "text/csv")
            .body(body)
            .send()
    };
    let r = import(csv.replace(",MR0102,", ",MR0199,")).await.unwrap();
    assert_eq!(r.status(), 422);
    let said: serde_json::Value = r.json().await.unwrap();
    let message = said["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("line 4, column #loc+code") && message.contains("nothing was imported"),
        "{said}"
    );
    let none = app.send("GET", "/api/v1/violations", Some(&bello), None).await.1;
    assert_eq!(none["violations"].as_array().unwrap().len(), 0, "the good first row is not kept either");
    let r = import(csv.clone()).await.unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["imported"], 2);
    let (_, got) = app.send("GET", "/api/v1/violations", Some(&bello), None).await;
    let got = got["violations"].as_array().unwrap().clone();
    let arrest = got.iter().find(|v| v["act"] == "arbitrary_arrest").unwrap();
    assert_eq!(
        (&arrest["status"], &arrest["involvement"], &arrest["victims"]["group"], &arrest["method"]),
        (&json!("documented"), &json!("ordered"), &json!("family"), &json!("held without charge"))
    );
    assert_eq!(arrest["victims"]["status"], "still_detained");
    assert_eq!(
        arrest["description"], "'=HYPERLINK(\"http://evil.example\") three traders held",
        "as exported"
    );
    assert_eq!(arrest["has_victim_names"], false, "no names come from a file");
    let threat = got.iter().find(|v| v["act"] == "threat_to_defender").unwrap();
    assert_eq!(
        (&threat["date_precision"], &threat["targeted_org"]),
        (&json!("month"), &json!("Kumba Women's Peace Network"))
    );
    // The importer documented them: the second key is someone else's.
    let (s, _) = app
        .send(
            "POST",
            &format!("/api/v1/violations/{}/verify", arrest["id"].as_str().unwrap()),
            Some(&bello),
            None,
        )
        .await;
    assert_eq!(s, 403, "a member does not verify");
    assert!(!arrest["documented_by"].as_str().unwrap().is_empty());
}

/// A violation links to the reports and alerts behind it and to other violations of the same
/// event, of its own organisation only; the links read both ways, on the API and the page.
async fn links_to_reports_alerts_and_violations(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let far = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&obs, "member@obs.example", Role::Member, false).await;
    app.create_user(&far, "bello@north.example", Role::Coordinator, false).await;
    let amina = app.login("amina@obs.example").await;
    let member = app.login("member@obs.example").await;
    let bello = app.login("bello@north.example").await;
    let report = json!({"area": "MR0101", "category": "displacement", "severity": 3,
        "occurred_at": "2026-07-18T10:00:00Z", "description": "Families leaving after the sweep"});
    let (s, r) = app.send("POST", "/api/v1/reports", Some(&member), Some(report.clone())).await;
    assert_eq!(s, 201, "{r}");
    let theirs = app.send("POST", "/api/v1/reports", Some(&bello), Some(report)).await.1;
    let body = |act: &str| {
        json!({"area": "MR0101", "occurred_on": "2026-07-19", "act": act,
        "institution": "Kumba Central Police Station", "victims": {"total": 2}, "description": "Held overnight"})
    };
    let v = app.send("POST", "/api/v1/violations", Some(&member), Some(body("arbitrary_arrest"))).await.1;
    let w =
        app.send("POST", "/api/v1/violations", Some(&member), Some(body("torture_ill_treatment"))).await.1;
    let links = format!("/api/v1/violations/{}/links", v["id"].as_str().unwrap());
    let (s, got) =
        app.send("POST", &links, Some(&member), Some(json!({"kind": "report", "target": r["id"]}))).await;
    assert_eq!(s, 201, "{got}");
    let (s, got) =
        app.send("POST", &links, Some(&member), Some(json!({"kind": "violation", "target": w["id"]}))).await;
    assert_eq!((s, got["links"].as_array().unwrap().len()), (201, 2), "{got}");
    let (s, e) = app
        .send("POST", &links, Some(&member), Some(json!({"kind": "report", "target": theirs["id"]})))
        .await;
    assert_eq!(
        (s, e["error"]["field"].as_str()),
        (422, Some("target")),
        "another's report is unknown here: {e}"
    );
    let (s, e) =
        app.send("POST", &links, Some(&member), Some(json!({"kind": "person", "target": "x"}))).await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(app.send("GET", &links, Some(&bello), None).await.0, 404);
    let back = app
        .send("GET", &format!("/api/v1/violations/{}/links", w["id"].as_str().unwrap()), Some(&member), None)
        .await
        .1;
    assert_eq!(back["links"][0]["id"], v["id"], "read both ways: {back}");
    assert_eq!(back["links"][0]["held"], false);
    // The page shows them by name, with links, and offers what is near in place and time.
    let page_path = links.replace("/api/v1", "").replace("/links", "");
    let page =
        app.http.get(app.url(&page_path)).bearer_auth(&amina).send().await.unwrap().text().await.unwrap();
    let page = page.replace("&#x2f;", "/");
    assert!(page.contains(&format!("href=\"/reports/{}\"", r["id"].as_str().unwrap())), "{page}");
    assert!(page.contains(&format!("href=\"/violations/{}\"", w["id"].as_str().unwrap())));
    assert!(page.contains("Report: <bdi>Displacement · Area MR0101 · 18 Jul 2026</bdi>"), "by name: {page}");
    // And the report's page names the violation documented from it, linked.
    let report_page = format!("/reports/{}", r["id"].as_str().unwrap());
    let page =
        app.http.get(app.url(&report_page)).bearer_auth(&member).send().await.unwrap().text().await.unwrap();
    let page = page.replace("&#x2f;", "/");
    assert!(page.contains(&format!("href=\"/violations/{}\"", v["id"].as_str().unwrap())), "{page}");
    assert!(page.contains("Arbitrary arrest or detention · Area MR0101 · 19 Jul 2026"), "by name: {page}");
    let remove = format!("{links}/report/{}", r["id"].as_str().unwrap());
    assert_eq!(app.send("DELETE", &remove, Some(&member), None).await.0, 403, "coordinators remove links");
    assert_eq!(app.send("DELETE", &remove, Some(&bello), None).await.0, 404);
    assert_eq!(app.send("DELETE", &remove, Some(&amina), None).await.0, 204);
    assert_eq!(app.send("DELETE", &remove, Some(&amina), None).await.0, 404, "gone");
    let trail = app.store.org_audit(&obs.id, 100).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "violation.link").count(), 2);
    assert_eq!(trail.iter().filter(|e| e.action == "violation.unlink").count(), 1);
}
