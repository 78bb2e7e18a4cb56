//! Forums end to end on the API, both backends: a CSO convenes a forum with the police and the
//! municipality; a meeting's attendance is kept as counts; commitments are owned by members,
//! moved on by their owner only and confirmed by another member only; an overdue commitment is
//! listed as overdue to every member; the keeping rate per organisation matches a hand count;
//! and to an organisation outside the forum, all of it is 404.
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(forums_meetings_and_commitments_kept_by_their_members, the_forum_pages_work_without_javascript);

async fn forums_meetings_and_commitments_kept_by_their_members(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let town = app.create_org("Kumba Municipality", OrgKind::Government).await;
    let stranger = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    for (org, email, role) in [
        (&cso, "amina@kwpn.example", Role::Coordinator),
        (&cso, "member@kwpn.example", Role::Member),
        (&police, "chief@police.example", Role::Coordinator),
        (&town, "clerk@town.example", Role::Coordinator),
        (&stranger, "bello@north.example", Role::Coordinator),
    ] {
        app.create_user(org, email, role, false).await;
    }
    let amina = app.login("amina@kwpn.example").await;
    let member = app.login("member@kwpn.example").await;
    let chief = app.login("chief@police.example").await;
    let clerk = app.login("clerk@town.example").await;
    let bello = app.login("bello@north.example").await;

    let body = json!({"name": "Kumba community–police forum", "area": "MR0101", "kind": "community_police",
        "cadence": "monthly", "terms": "Meets monthly at the town hall.", "members": [police.id]});
    let (s, v) = app.send("POST", "/api/v1/forums", Some(&member), Some(body.clone())).await;
    assert_eq!(s, 403, "coordinators convene: {v}");
    for (field, bad) in [
        ("kind", json!({"kind": "tea_party"})),
        ("area", json!({"area": "XX99"})),
        ("members", json!({"members": ["not-an-id"]})),
        ("name", json!({"name": " "})),
    ] {
        let mut b = body.clone();
        b.as_object_mut().unwrap().extend(bad.as_object().unwrap().clone());
        let (s, e) = app.send("POST", "/api/v1/forums", Some(&amina), Some(b)).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{e}");
    }
    let (s, f) = app.send("POST", "/api/v1/forums", Some(&amina), Some(body)).await;
    assert_eq!(s, 201, "{f}");
    let forum = f["id"].as_str().unwrap().to_owned();
    assert_eq!(f["members"].as_array().unwrap().len(), 2);
    let path = format!("/api/v1/forums/{forum}");
    assert_eq!(
        app.send("POST", &format!("{path}/members"), Some(&chief), Some(json!({"org": town.id}))).await.0,
        404,
        "only the convener adds"
    );
    let (s, f) =
        app.send("POST", &format!("{path}/members"), Some(&amina), Some(json!({"org": town.id}))).await;
    assert_eq!((s, f["members"].as_array().unwrap().len()), (200, 3), "{f}");

    // Attendance as counts; a bad line names the field.
    let held_on = (Utc::now() - Duration::days(40)).date_naive().to_string();
    let meeting = json!({"held_on": held_on, "agenda": "Street lighting", "minutes": "Agreed: lights on the market road.",
        "participants": [
            {"org_kind": "civil_society", "gender": "female", "age_band": "18_24", "count": 9},
            {"org_kind": "civil_society", "gender": "male", "age_band": "25_34", "count": 3},
            {"org_kind": "security", "gender": "male", "age_band": "35_49", "count": 4},
            {"org_kind": "government", "gender": "female", "age_band": "50_plus", "count": 1}]});
    let (s, m) = app.send("POST", &format!("{path}/meetings"), Some(&chief), Some(meeting.clone())).await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(m["participants"].as_array().unwrap().len(), 4);
    assert!(m.to_string().contains("\"age_band\":\"18_24\""), "the contract's band names: {m}");
    let meeting_id = m["id"].as_str().unwrap().to_owned();
    let future = (Utc::now() + Duration::days(2)).date_naive().to_string();
    for (field, bad) in [
        ("participants", json!({"participants": []})),
        (
            "participants",
            json!({"participants": [{"org_kind": "civil_society", "gender": "female", "age_band": "12_15", "count": 2}]}),
        ),
        (
            "participants",
            json!({"participants": [{"org_kind": "civil_society", "gender": "female", "age_band": "18_24", "count": 0}]}),
        ),
        ("held_on", json!({"held_on": future})),
    ] {
        let mut b = meeting.clone();
        b.as_object_mut().unwrap().extend(bad.as_object().unwrap().clone());
        let (s, e) = app.send("POST", &format!("{path}/meetings"), Some(&amina), Some(b)).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some(field)), "{e}");
    }

    // Commitments: three owned by the police, one by the municipality.
    let today = Utc::now().date_naive();
    let commit = |owner: &str, days: i64| {
        json!({"forum": forum, "owner_org": owner, "text": "Fix the lights", "meeting": meeting_id,
            "due_on": (today + Duration::days(days)).to_string()})
    };
    let mut ids = vec![];
    for (owner, days) in [(&police.id, -10), (&police.id, -3), (&police.id, 30), (&town.id, 20)] {
        let (s, c) =
            app.send("POST", "/api/v1/commitments", Some(&amina), Some(commit(owner.as_str(), days))).await;
        assert_eq!((s, c["status"].as_str()), (201, Some("open")), "{c}");
        ids.push(c["id"].as_str().unwrap().to_owned());
    }
    let (s, e) =
        app.send("POST", "/api/v1/commitments", Some(&amina), Some(commit(stranger.id.as_str(), 5))).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("owner_org")), "the owner is a member");
    let status = |id: &str| format!("/api/v1/commitments/{id}/status");
    let done = json!({"status": "done", "evidence": "Twelve lights replaced; photos in the minutes"});
    assert_eq!(
        app.send("POST", &status(&ids[2]), Some(&amina), Some(done.clone())).await.0,
        403,
        "only its owner moves it on"
    );
    let (s, e) = app.send("POST", &status(&ids[2]), Some(&chief), Some(json!({"status": "done"}))).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("evidence")), "done says what was done");
    // The evidence may link the record that shows it: one the owner can open, never another's.
    let body = json!({"area": "MR0101", "category": "hate_speech", "severity": 2,
        "occurred_at": "2026-03-02T10:00:00Z", "description": "Lights out on the market road"});
    let theirs = app.send("POST", "/api/v1/reports", Some(&amina), Some(body.clone())).await.1["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let own = app.send("POST", "/api/v1/reports", Some(&chief), Some(body)).await.1["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let linked = |link: String| {
        let mut b = done.clone();
        b["evidence_link"] = json!(link);
        b
    };
    for (link, why) in [
        (
            format!("https://tandem.example/reports/{theirs}"),
            "the CSO's report, which the police cannot open",
        ),
        ("https://evil.example/x".to_owned(), "not a record on Tandem"),
        (format!("/forums/{forum}"), "not a record that shows a commitment kept"),
    ] {
        let (s, e) = app.send("POST", &status(&ids[2]), Some(&chief), Some(linked(link))).await;
        assert_eq!((s, e["error"]["field"].as_str()), (422, Some("evidence_link")), "{why}: {e}");
    }
    let (s, c) = app
        .send(
            "POST",
            &status(&ids[2]),
            Some(&chief),
            Some(linked(format!("https://tandem.example/reports/{own}?x=1"))),
        )
        .await;
    assert_eq!((s, c["status"].as_str()), (200, Some("done")), "{c}");
    assert_eq!(
        c["evidence_link"].as_str(),
        Some(format!("/reports/{own}").as_str()),
        "kept as the owner's page names it"
    );
    let confirm = |id: &str| format!("/api/v1/commitments/{id}/confirm");
    assert_eq!(app.send("POST", &confirm(&ids[2]), Some(&chief), None).await.0, 409, "never by its owner");
    assert_eq!(app.send("POST", &confirm(&ids[2]), Some(&bello), None).await.0, 404);
    let (s, c) = app.send("POST", &confirm(&ids[2]), Some(&clerk), None).await;
    assert_eq!((s, c["confirmed_org"].as_str()), (200, Some(town.id.as_str())), "{c}");
    assert_eq!(app.send("POST", &confirm(&ids[2]), Some(&amina), None).await.0, 409, "once");
    let (s, _) =
        app.send("POST", &status(&ids[1]), Some(&chief), Some(json!({"status": "in_progress"}))).await;
    assert_eq!(s, 200);
    let (s, _) = app
        .send(
            "POST",
            &status(&ids[3]),
            Some(&clerk),
            Some(json!({"status": "dropped", "evidence": "No budget this year"})),
        )
        .await;
    assert_eq!(s, 200);

    // Overdue for every member, nothing for anyone else.
    for t in [&amina, &chief, &clerk, &member] {
        let (s, v) = app.send("GET", "/api/v1/commitments?overdue=true", Some(t), None).await;
        assert_eq!(s, 200);
        let mut got: Vec<&str> =
            v["commitments"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        got.sort();
        let mut want = vec![ids[0].as_str(), ids[1].as_str()];
        want.sort();
        assert_eq!(got, want, "overdue: the two police commitments past their day");
    }
    let (_, v) = app.send("GET", "/api/v1/commitments?overdue=true", Some(&bello), None).await;
    assert!(v["commitments"].as_array().unwrap().is_empty());

    // By hand: the police had 3 due (two past their day, one done early), kept 1 on time and
    // confirmed: 1/3, 2 overdue. The municipality dropped its one: 0/1.
    let (s, v) = app.send("GET", "/api/v1/commitments/keeping", Some(&member), None).await;
    assert_eq!(s, 200, "{v}");
    let of = |org: &str| -> Value {
        v["organisations"].as_array().unwrap().iter().find(|k| k["org_id"] == org).unwrap().clone()
    };
    let p = of(police.id.as_str());
    assert_eq!(
        (p["due"].as_u64(), p["kept_on_time"].as_u64(), p["overdue"].as_u64()),
        (Some(3), Some(1), Some(2)),
        "{p}"
    );
    assert!((p["rate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    let t = of(town.id.as_str());
    assert_eq!(
        (t["due"].as_u64(), t["kept_on_time"].as_u64(), t["rate"].as_f64()),
        (Some(1), Some(0), Some(0.0))
    );
    assert_eq!(t["org_name"], "Kumba Municipality");

    // A joint training, given by the network to the police: what changed, with its spread.
    let training = json!({"topic": "Receiving reports from women survivors", "held_on": held_on,
        "trainer_org": cso.id, "participants": [{"org_kind": "security", "gender": "male", "count": 14},
            {"org_kind": "security", "gender": "female", "count": 3}],
        "scores": [{"before": 4, "after": 6}, {"before": 3, "after": 6}, {"before": 5, "after": 6}, {"before": 6, "after": 8}]});
    let (s, t) = app.send("POST", &format!("{path}/trainings"), Some(&chief), Some(training.clone())).await;
    assert_eq!(s, 201, "{t}");
    assert_eq!((t["change"]["n"].as_u64(), t["change"]["mean_change"].as_f64()), (Some(4), Some(2.0)));
    assert!((t["change"]["sd_change"].as_f64().unwrap() - (2.0f64 / 3.0).sqrt()).abs() < 1e-12);
    let mut bad = training.clone();
    bad["scores"][1]["after"] = json!(11);
    let (s, e) = app.send("POST", &format!("{path}/trainings"), Some(&chief), Some(bad)).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("scores")), "{e}");
    let (_, v) = app.send("GET", &format!("{path}/trainings"), Some(&clerk), None).await;
    assert_eq!(v["trainings"].as_array().unwrap().len(), 1);
    assert_eq!(app.send("GET", &format!("{path}/trainings"), Some(&bello), None).await.0, 404);
    assert_eq!(app.send("POST", &format!("{path}/trainings"), Some(&bello), Some(training)).await.0, 404);

    // Outside the forum, none of it exists.
    for p in [path.clone(), format!("{path}/meetings"), format!("/api/v1/commitments/{}", ids[0])] {
        assert_eq!(app.send("GET", &p, Some(&bello), None).await.0, 404, "{p}");
    }
    assert_eq!(app.send("POST", &format!("{path}/meetings"), Some(&bello), Some(meeting)).await.0, 404);
    let (_, v) = app.send("GET", "/api/v1/forums", Some(&bello), None).await;
    assert!(v["forums"].as_array().unwrap().is_empty());
    let trail = app.store.org_audit(&cso.id, 100).await.unwrap();
    assert!(
        trail.iter().any(|e| e.action == "forum.create")
            && trail.iter().any(|e| e.action == "commitment.create")
    );
    let trail = app.store.org_audit(&town.id, 100).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "commitment.confirm"), "each step audited where it was taken");
}

/// The pages, plain forms and no JavaScript: convene, record a meeting, agree a commitment, the
/// police mark it done with what was done, the network confirms; a refused form says why beside
/// the field.
async fn the_forum_pages_work_without_javascript(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let chief = app.login("chief@police.example").await;
    let post = |token: &str, path: &str, form: Vec<(&str, String)>| {
        let rb = app.http.post(app.url(path)).bearer_auth(token).form(&form);
        async move { rb.send().await.unwrap() }
    };
    let get = |token: &str, path: &str| {
        let rb = app.http.get(app.url(path)).bearer_auth(token);
        async move { rb.send().await.unwrap().text().await.unwrap() }
    };
    let police_id = police.id.to_string();
    let convene = |kind: &str| {
        vec![
            ("name", "Kumba community–police forum".to_owned()),
            ("kind", kind.to_owned()),
            ("area", "MR0101".to_owned()),
            ("cadence", "monthly".to_owned()),
            ("members", police_id.clone()),
        ]
    };
    let r = post(&amina, "/forums", convene("")).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-kind\"") && html.contains("Kumba community–police forum"),
        "kept: {html}"
    );
    let r = post(&amina, "/forums", convene("community_police")).await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("?done=forum-convened"), "{to}");
    let page = to.split('?').next().unwrap().to_owned();
    let id = page.rsplit('/').next().unwrap().to_owned();
    assert!(get(&chief, &page).await.contains("Kumba Central Police Station"), "the police are a member");

    let held_on = (Utc::now() - Duration::days(5)).date_naive().to_string();
    let meeting = |count_0: &str| {
        vec![
            ("held_on", held_on.clone()),
            ("agenda", "Street lighting".to_owned()),
            ("kind_0", "civil_society".to_owned()),
            ("gender_0", "female".to_owned()),
            ("band_0", "18_24".to_owned()),
            ("count_0", count_0.to_owned()),
            ("kind_3", "security".to_owned()),
            ("gender_3", "male".to_owned()),
            ("band_3", "35_49".to_owned()),
            ("count_3", if count_0.is_empty() { String::new() } else { "2".to_owned() }),
        ]
    };
    let r = post(&chief, &format!("/forums/{id}/meetings"), meeting("")).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-meeting-participants\""));
    let r = post(&chief, &format!("/forums/{id}/meetings"), meeting("5")).await;
    assert_eq!(r.status(), 303);
    let html = get(&amina, &page).await;
    assert!(html.contains("7 people") && html.contains("5 women"), "{html}");
    let wheel = get(&amina, "/wheel?area=MR").await;
    assert!(wheel.contains("<svg") && wheel.contains("2/4"), "the wheel is drawn, level in the hub: {wheel}");
    assert!(wheel.contains("Local ownership:</strong> 2. Dialogue and consultation"), "{wheel}");

    let due = (Utc::now() - Duration::days(2)).date_naive().to_string();
    let commit =
        vec![("owner_org", police_id.clone()), ("text", "Fix the lights".to_owned()), ("due_on", due)];
    let r = post(&amina, &format!("/forums/{id}/commitments"), commit).await;
    assert_eq!(r.status(), 303);
    let (_, v) = app.send("GET", "/api/v1/commitments", Some(&amina), None).await;
    let cid = v["commitments"][0]["id"].as_str().unwrap().to_owned();
    assert!(get(&chief, &page).await.contains(">overdue<"), "overdue for the police too");
    let step = |evidence: &str| vec![("status", "done".to_owned()), ("evidence", evidence.to_owned())];
    let r = post(&chief, &format!("/commitments/{cid}/status"), step("")).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-step-evidence\""));
    let mut linked = step("Twelve lights replaced");
    linked.push(("evidence_link", "https://elsewhere.example/photo.jpg".to_owned()));
    let r = post(&chief, &format!("/commitments/{cid}/status"), linked).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-step-evidence_link\"") && html.contains("elsewhere.example"),
        "kept: {html}"
    );
    assert_eq!(
        post(&chief, &format!("/commitments/{cid}/status"), step("Twelve lights replaced")).await.status(),
        303
    );
    assert_eq!(
        post(&chief, &format!("/commitments/{cid}/confirm"), vec![]).await.status(),
        409,
        "not its owner"
    );
    assert_eq!(post(&amina, &format!("/commitments/{cid}/confirm"), vec![]).await.status(), 303);
    let html = get(&chief, &page).await;
    assert!(html.contains("Confirmed by Kumba Women") && html.contains("Twelve lights replaced"), "{html}");
    assert!(html.contains("0 of 1 (0%)"), "done and confirmed, but two days after its day: late: {html}");
    // The police did what they committed to, with evidence: the area's wheel rises a level, and
    // the forum's own wheel says the same.
    for path in ["/wheel?area=MR".to_owned(), format!("/forums/{id}/wheel")] {
        let wheel = get(&chief, &path).await;
        assert!(wheel.contains("Local ownership:</strong> 3. Joint implementation"), "{path}: {wheel}");
        assert!(
            wheel.contains("Twelve lights replaced") || wheel.contains("Fix the lights"),
            "its record is listed"
        );
    }
}
