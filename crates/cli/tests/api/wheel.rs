//! The wheel through the API: an area's ownership level rises as a CSO convenes the police,
//! records a dialogue, the police keep a commitment with evidence and the CSO confirms it; the
//! scores match the hand-worked figures in the comments; strangers see nothing of it.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(the_wheel_of_an_area_rises_as_its_members_act_together, joint_analyses_plans_and_conditions_have_pages);

fn ids(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

fn part(v: &Value, name: &str) -> f64 {
    v["parts"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap()["value"].as_f64().unwrap()
}

async fn the_wheel_of_an_area_rises_as_its_members_act_together(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let stranger = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    app.create_user(&stranger, "bello@north.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let chief = app.login("chief@police.example").await;
    let bello = app.login("bello@north.example").await;
    let wheel = |token: String| {
        let app = &app;
        async move {
            let (s, v) = app.send("GET", "/api/v1/wheel?area=MR", Some(&token), None).await;
            assert_eq!(s, 200, "{v}");
            v
        }
    };

    let v = wheel(amina.clone()).await;
    assert_eq!(v["area"], "MR");
    assert!(v["ownership_level"].is_null(), "nothing recorded: no level");
    for a in ["capacity_building", "assessment", "planning", "implementation", "monitoring"] {
        assert_eq!(v["activities"][a]["done"], false, "{a}");
    }
    assert_eq!((v["wide"]["score"].as_u64(), v["systematic"]["score"].as_u64()), (Some(0), Some(0)));
    let (s, e) = app.send("GET", "/api/v1/wheel?area=XX99", Some(&amina), None).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("area")), "{e}");

    // The CSO convenes the police in a district of MR and records a dialogue.
    let (s, f) = app
        .send(
            "POST",
            "/api/v1/forums",
            Some(&amina),
            Some(
                json!({"name": "Kumba community–police forum", "area": "MR0101", "kind": "community_police",
                "cadence": "monthly", "terms": "Meets monthly.", "members": [police.id]}),
            ),
        )
        .await;
    assert_eq!(s, 201, "{f}");
    let path = format!("/api/v1/forums/{}", f["id"].as_str().unwrap());
    let today = chrono::Utc::now().date_naive();
    let held_on = (today - chrono::Duration::days(2)).to_string();
    let (s, m) = app
        .send(
            "POST",
            &format!("{path}/meetings"),
            Some(&amina),
            Some(json!({"held_on": held_on, "participants": [
                {"org_kind": "civil_society", "gender": "female", "age_band": "18_24", "count": 6},
                {"org_kind": "security", "gender": "male", "age_band": "35_49", "count": 3}]})),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let v = wheel(amina.clone()).await;
    assert_eq!(v["ownership_level"], "dialogue_consultation", "{v}");
    assert_eq!(ids(&v["level_evidence"]), [m["id"].as_str().unwrap()]);
    // Women 6, men 3: 2 × 3 ÷ 9 = 0.667; youth 6 of 9, full; bands 2/3 and 1/3: 0.395;
    // two kinds of three: 0.667. Mean 0.682 → 68.
    assert!((part(&v["wide"], "gender_balance") - 2.0 / 3.0).abs() < 1e-9);
    assert!((part(&v["wide"], "age_spread") - 0.395488).abs() < 1e-6);
    assert_eq!(v["wide"]["score"], 68);
    assert_eq!(ids(&v["wide"]["evidence"]), [m["id"].as_str().unwrap()], "the score lists its records");

    // The police commit, do it with evidence, and the CSO confirms: joint implementation.
    let due_on = (today + chrono::Duration::days(20)).to_string();
    let (s, c) = app
        .send(
            "POST",
            "/api/v1/commitments",
            Some(&amina),
            Some(json!({"forum": f["id"], "owner_org": police.id, "text": "Post a patrol at the bus park", "due_on": due_on})),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    let cpath = format!("/api/v1/commitments/{}", c["id"].as_str().unwrap());
    let (s, d) = app
        .send(
            "POST",
            &format!("{cpath}/status"),
            Some(&chief),
            Some(json!({"status": "done", "evidence": "Patrol posted on market nights since Monday; rota attached."})),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    let v = wheel(amina.clone()).await;
    assert_eq!(v["ownership_level"], "joint_implementation");
    assert_eq!(ids(&v["level_evidence"]), [c["id"].as_str().unwrap()]);
    assert_eq!(
        (
            v["activities"]["implementation"]["done"].as_bool(),
            v["activities"]["monitoring"]["done"].as_bool()
        ),
        (Some(true), Some(false))
    );
    assert_eq!(app.send("POST", &format!("{cpath}/confirm"), Some(&amina), None).await.0, 200);

    // A joint assessment and a joint plan carrying the commitment; the CSO's self-assessment.
    let (s, e) = app
        .send(
            "POST",
            &format!("{path}/assessments"),
            Some(&amina),
            Some(json!({"title": "Market analysis", "held_on": held_on, "drivers": "Harassment at night",
                "police_ethos": "mixed", "cso_role": "collaborator", "took_part": [stranger.id]})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("took_part")), "{e}");
    let (s, e) = app
        .send(
            "POST",
            &format!("{path}/assessments"),
            Some(&amina),
            Some(json!({"title": "Market analysis", "held_on": held_on, "drivers": "Harassment at night",
                "police_ethos": "protects_everyone"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("police_ethos")), "{e}");
    let (s, a) = app
        .send(
            "POST",
            &format!("{path}/assessments"),
            Some(&chief),
            Some(json!({"title": "Market analysis", "held_on": held_on, "drivers": "Harassment at night",
                "police_ethos": "mixed", "baseline": "14 reports a month", "cso_role": "collaborator",
                "took_part": [cso.id, police.id]})),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    let (s, e) = app
        .send(
            "POST",
            &format!("{path}/plans"),
            Some(&amina),
            Some(json!({"title": "Safer nights", "adopted_on": held_on, "goals": "Halve harassment",
                "theory_of_change": "Patrols and answers bring reports", "commitments": ["nope"]})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("commitments")), "{e}");
    let (s, p) = app
        .send(
            "POST",
            &format!("{path}/plans"),
            Some(&amina),
            Some(json!({"title": "Safer nights", "adopted_on": held_on, "goals": "Halve harassment",
                "theory_of_change": "Patrols and answers bring reports", "commitments": [c["id"]]})),
        )
        .await;
    assert_eq!((s, p["commitments"][0].as_str()), (201, c["id"].as_str()), "{p}");
    let scores = json!({"assessed_on": held_on, "empowered": 5, "independent": 5, "distinct": 5, "accepted": 5, "free": 5});
    assert_eq!(
        app.send("POST", "/api/v1/self-assessments", Some(&chief), Some(scores.clone())).await.0,
        403,
        "a CSO's own"
    );
    let mut bad = scores.clone();
    bad["free"] = json!(6);
    let (s, e) = app.send("POST", "/api/v1/self-assessments", Some(&amina), Some(bad)).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("free")), "{e}");
    assert_eq!(app.send("POST", "/api/v1/self-assessments", Some(&amina), Some(scores)).await.0, 201);
    // Bello's organisation sits in no forum with the CSO: its self-assessment never counts here.
    let low = json!({"assessed_on": held_on, "empowered": 1, "independent": 1, "distinct": 1, "accepted": 1, "free": 1});
    assert_eq!(app.send("POST", "/api/v1/self-assessments", Some(&bello), Some(low)).await.0, 201);

    let v = wheel(chief.clone()).await;
    assert_eq!(v["ownership_level"], "joint_implementation", "the police see the same wheel");
    for a in ["assessment", "planning", "implementation", "monitoring"] {
        assert_eq!(v["activities"][a]["done"], true, "{a}: {v}");
    }
    assert_eq!(v["activities"]["capacity_building"]["done"], false);
    assert_eq!(v["systematic"]["score"], 80, "four of five activities");
    // Monthly forum with terms, one meeting: ½ + ½ × 1/12 = 0.542; the one commitment due
    // (done) was kept on time and confirmed: 1; the CSO's conditions all at 5: 1. Mean → 85.
    assert!((part(&v["deep"], "mechanisms") - (0.5 + 0.5 / 12.0)).abs() < 1e-9);
    assert_eq!(part(&v["deep"], "commitments_kept"), 1.0);
    assert_eq!(part(&v["deep"], "cso_conditions"), 1.0);
    assert_eq!(v["deep"]["score"], 85);
    assert_eq!(v["trend"].as_array().unwrap().len(), 4, "three quarter ends and today");
    assert_eq!(v["trend"][3]["ownership_level"], "joint_implementation");

    // A stranger sees no wheel of the forum, and nothing of it in the area's.
    assert_eq!(app.send("GET", &format!("{path}/wheel"), Some(&bello), None).await.0, 404);
    let v = wheel(bello.clone()).await;
    assert!(v["ownership_level"].is_null() && v["forums"].as_array().unwrap().is_empty(), "{v}");
    let (s, v) = app.send("GET", &format!("{path}/wheel"), Some(&amina), None).await;
    assert_eq!((s, v["forum"].as_str()), (200, f["id"].as_str()));
    assert_eq!(v["systematic"]["score"], 80);
}

/// The joint page and the conditions page without JavaScript: a refused form comes back with the
/// error beside its field and what was typed kept; a recorded analysis and plan are listed where
/// the wheel links them; the police may not score a CSO's conditions; a stranger gets 404.
async fn joint_analyses_plans_and_conditions_have_pages(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let stranger = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    app.create_user(&stranger, "bello@north.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let chief = app.login("chief@police.example").await;
    let bello = app.login("bello@north.example").await;
    let post = |token: &str, path: &str, form: Vec<(&str, String)>| {
        let rb = app.http.post(app.url(path)).bearer_auth(token).form(&form);
        async move { rb.send().await.unwrap() }
    };
    let get = |token: &str, path: &str| {
        let rb = app.http.get(app.url(path)).bearer_auth(token);
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (cso_id, police_id) = (cso.id.to_string(), police.id.to_string());
    let body =
        json!({"name": "Kumba forum", "kind": "community_police", "area": "MR0101", "members": [police_id]});
    let (_, forum) = app.send("POST", "/api/v1/forums", Some(&amina), Some(body)).await;
    let id = forum["id"].as_str().unwrap().to_owned();
    let due = (chrono::Utc::now() + chrono::Duration::days(30)).date_naive().to_string();
    let body = json!({"forum": id, "owner_org": police_id, "text": "Light the market road", "due_on": due});
    let (_, c) = app.send("POST", "/api/v1/commitments", Some(&amina), Some(body)).await;
    let cid = c["id"].as_str().unwrap().to_owned();
    let today = chrono::Utc::now().date_naive().to_string();
    let page = format!("/forums/{id}/joint");

    let analysis = |drivers: &str| {
        vec![
            ("title", "Market district analysis".to_owned()),
            ("held_on", today.clone()),
            ("drivers", drivers.to_owned()),
            ("police_ethos", "mixed".to_owned()),
            ("cso_role", "collaborator".to_owned()),
            ("baseline", "14 harassment reports a month".to_owned()),
            ("took_part", cso_id.clone()),
            ("took_part", police_id.clone()),
        ]
    };
    let r = post(&chief, &format!("/forums/{id}/assessments"), analysis("")).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-assessment-drivers\""), "the error beside its field: {html}");
    assert!(html.contains("Market district analysis"), "the title typed is kept");
    assert_eq!(html.matches("name=\"took_part\" value=\"").count(), 2, "a box per member");
    assert_eq!(html.matches(" checked> <span><bdi>").count(), 2, "both boxes ticked stay ticked: {html}");
    let mut outsider = analysis("Harassment at night");
    outsider.push(("took_part", stranger.id.to_string()));
    let r = post(&chief, &format!("/forums/{id}/assessments"), outsider).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-assessment-took_part\""), "only members took part");
    let r = post(&chief, &format!("/forums/{id}/assessments"), analysis("Harassment at night")).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], format!("{page}?done=assessment-recorded"));

    let plan = |title: &str| {
        vec![
            ("title", title.to_owned()),
            ("adopted_on", today.clone()),
            ("goals", "Halve harassment reports".to_owned()),
            ("theory_of_change", "If the road is lit, women trade at night".to_owned()),
            ("commitments", cid.clone()),
        ]
    };
    let r = post(&amina, &format!("/forums/{id}/plans"), plan("")).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-plan-title\""));
    assert_eq!(post(&amina, &format!("/forums/{id}/plans"), plan("Safer market nights")).await.status(), 303);

    let (status, html) = get(&chief, &format!("{page}?done=plan-adopted")).await;
    assert_eq!(status, 200);
    assert!(html.contains("The joint plan is recorded."), "the notice");
    assert!(html.contains("Harassment at night") && html.contains("Both, depending on the unit"), "{html}");
    assert!(html.contains("Collaborator: works alongside") && html.contains("14 harassment reports"));
    assert!(html.contains("Safer market nights") && html.contains(&format!("#commitment-{cid}")), "{html}");
    // (The template escapes the slashes of a link it is given: `&#x2f;`, which browsers read as `/`.)
    let wheel = get(&amina, &format!("/forums/{id}/wheel")).await.1.replace("&#x2f;", "/");
    assert!(
        wheel.contains(&format!("/forums/{id}/joint#assessment-")),
        "the wheel links the analysis: {wheel}"
    );
    assert!(wheel.contains(&format!("/forums/{id}/joint#plan-")), "and the plan");
    let (status, _) = get(&bello, &page).await;
    assert_eq!(status, 404, "a stranger learns nothing of the forum");
    let r = post(&bello, &format!("/forums/{id}/plans"), plan("Safer market nights")).await;
    assert_eq!(r.status(), 404);

    // The conditions: the CSO scores itself; a missing score is refused beside its scale.
    let mut scores: Vec<(&str, String)> =
        vec![("assessed_on", today.clone()), ("note", "Funding renewed".into())];
    for (c, s) in [("empowered", "4"), ("independent", "4"), ("distinct", "5"), ("accepted", "3")] {
        scores.push((c, s.to_owned()));
    }
    let r = post(&amina, "/conditions", scores.clone()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-free\"") && html.contains("Funding renewed"), "{html}");
    assert!(html.contains("name=\"distinct\" value=\"5\" checked"), "the scores chosen stay chosen");
    scores.push(("free", "2".to_owned()));
    let r = post(&amina, "/conditions", scores.clone()).await;
    assert_eq!(r.status(), 303);
    let (_, html) = get(&amina, "/conditions").await;
    // (4 + 4 + 5 + 3 + 2 - 5) / 20 = 13 / 20 = 65%.
    assert!(html.contains("65%") && html.contains(">2/5<"), "{html}");
    let (status, html) = get(&chief, "/conditions").await;
    assert_eq!(status, 200);
    assert!(html.contains("Only civil-society organisations") && !html.contains("action=\"/conditions\""));
    assert_eq!(post(&chief, "/conditions", scores).await.status(), 403, "the police do not score a CSO");
}
