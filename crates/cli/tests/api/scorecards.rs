//! Unit scorecards end to end on the API, both backends. The women's network keeps a scorecard
//! for the police station: alert response times, answers before the due time and commitments
//! kept, computed from its records and checked here against a count made independently from
//! the alerts and commitments the API lists; a perception indicator measured from its survey's
//! estimate. Then the attacker: what the public scorecard shows after the network publishes it
//! passes disclosure control (shares on too few records hidden, violation counts banded and
//! frozen at their quarter's release), and the unit itself reads nothing before.
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use tandem_domain::violation_stats::Quarter;
use tandem_domain::Role;
use tandem_testkit::{both, Backend};

both!(
    a_scorecard_computed_from_the_records_and_published_under_disclosure_control,
    the_scorecard_pages_work_without_javascript
);

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap().with_timezone(&Utc)
}

fn trend<'a>(card: &'a Value, computed: &str) -> &'a Vec<Value> {
    card["indicators"].as_array().unwrap().iter().find(|i| i["computed"] == computed).unwrap()["trend"]
        .as_array()
        .unwrap()
}

async fn a_scorecard_computed_from_the_records_and_published_under_disclosure_control(b: Backend) {
    let w = crate::sharing::world(b).await;
    let app = &w.app;
    let coord = w.t("coordinator");
    let (_, me) = app.send("GET", "/api/v1/me", Some(w.t("police")), None).await;
    let police_id = me["org"]["id"].as_str().unwrap().to_owned();
    let police_name = me["org"]["name"].as_str().unwrap().to_owned();
    let police = app.store.get_org(&tandem_domain::OrgId::parse(&police_id).unwrap()).await.unwrap();
    app.create_user(&police, "chief@police.example", Role::Coordinator, false).await;
    let chief = app.login("chief@police.example").await;
    let today = Utc::now().date_naive();

    // Who may start one: a CSO's coordinator, for a security unit.
    let body = json!({"unit_org": police_id, "area": "MR0101"});
    assert_eq!(app.send("POST", "/api/v1/scorecards", Some(w.t("member")), Some(body.clone())).await.0, 403);
    assert_eq!(
        app.send("POST", "/api/v1/scorecards", Some(&chief), Some(body.clone())).await.0,
        403,
        "not the police's own"
    );
    let (s, e) = app
        .send(
            "POST",
            "/api/v1/scorecards",
            Some(coord),
            Some(json!({"unit_org": w.owner.id, "area": "MR0101"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("unit_org")), "a CSO is no security unit: {e}");
    let (s, e) = app
        .send("POST", "/api/v1/scorecards", Some(coord), Some(json!({"unit_org": police_id, "area": "XX"})))
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("area")), "{e}");
    let (s, card) = app.send("POST", "/api/v1/scorecards", Some(coord), Some(body.clone())).await;
    assert_eq!(s, 201, "{card}");
    let id = card["id"].as_str().unwrap().to_owned();
    assert_eq!(app.send("POST", "/api/v1/scorecards", Some(coord), Some(body)).await.0, 422, "one per unit");
    let path = format!("/api/v1/scorecards/{id}");
    for who in ["police", "stranger"] {
        assert_eq!(app.send("GET", &path, Some(w.t(who)), None).await.0, 404, "{who}");
    }
    assert_eq!(app.get(&format!("/api/v1/public/scorecards/{id}"), None).await.0, 404, "not published yet");

    for computed in [
        "alert_response_median_hours",
        "alerts_answered_before_due",
        "commitments_kept_on_time",
        "verified_violations",
    ] {
        let (s, v) = app
            .send("POST", &format!("{path}/indicators"), Some(coord),
                Some(json!({"name": computed, "definition": "Computed by Tandem from the network's records", "computed": computed})))
            .await;
        assert_eq!(s, 201, "{v}");
    }
    let (s, e) = app
        .send(
            "POST",
            &format!("{path}/indicators"),
            Some(coord),
            Some(json!({"name": "x y z", "definition": "abc", "computed": "happiness"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("computed")), "{e}");
    let (s, trust) = app
        .send("POST", &format!("{path}/indicators"), Some(coord), Some(json!({"name": "Women who trust the police",
            "definition": "Share of women answering yes to: do you trust the police?", "measure": "percent",
            "direction": "up", "disaggregation": "gender", "baseline": 36.0, "target": 50.0, "frequency": "twice_a_year"})))
        .await;
    assert_eq!(s, 201, "{trust}");
    let (s, e) = app
        .send(
            "POST",
            &format!("{path}/indicators"),
            Some(coord),
            Some(json!({"name": "Trust", "definition": "abc",
            "measure": "percent", "direction": "up", "target": 150.0, "frequency": "yearly"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("target")), "a percent is at most 100: {e}");

    // The police answer the alert assigned to them; a commitment kept on time and confirmed, one
    // past its day still open.
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/shared/alerts/{}/responses", w.alert),
            Some(w.t("police")),
            Some(json!({"action": "Patrol sent", "outcome": "Calm restored"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, f) = app
        .send(
            "POST",
            "/api/v1/forums",
            Some(coord),
            Some(json!({"name": "Kumba forum", "area": "MR0101",
            "kind": "community_police", "members": [police_id]})),
        )
        .await;
    assert_eq!(s, 201, "{f}");
    let forum = f["id"].as_str().unwrap();
    let mut commitments = vec![];
    for days in [5, -1] {
        let (s, c) = app
            .send(
                "POST",
                "/api/v1/commitments",
                Some(coord),
                Some(json!({"forum": forum, "owner_org": police_id,
                "text": "Patrol the market at night", "due_on": (today + Duration::days(days)).to_string()})),
            )
            .await;
        assert_eq!(s, 201, "{c}");
        commitments.push(c["id"].as_str().unwrap().to_owned());
    }
    let (s, c) = app
        .send(
            "POST",
            &format!("/api/v1/commitments/{}/status", commitments[0]),
            Some(&chief),
            Some(json!({"status": "done", "evidence": "Night patrols logged in the station diary"})),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(
        app.send("POST", &format!("/api/v1/commitments/{}/confirm", commitments[0]), Some(coord), None)
            .await
            .0,
        200
    );

    // A survey round and its estimate for women, as the perception indicator's measurement.
    let (_, survey) = app
        .send(
            "POST",
            "/api/v1/surveys",
            Some(coord),
            Some(json!({"title": "Trust, round 1", "weight": "weight",
            "strata": "district", "cluster": "village"})),
        )
        .await;
    let survey = survey["id"].as_str().unwrap().to_owned();
    assert_eq!(
        crate::surveys::import(app, coord, &survey, crate::surveys::kobo_export(400, 11)).await.0,
        201
    );
    let trust_id = trust["id"].as_str().unwrap();
    let (s, m) = app
        .send("POST", &format!("/api/v1/indicators/{trust_id}/measurements"), Some(coord),
            Some(json!({"measured_on": today.to_string(), "source": "Perception survey, round 1",
                "from_survey": {"survey": survey, "question": "trust", "value": "yes", "by": "gender", "group": "female"}})))
        .await;
    assert_eq!(s, 201, "{m}");
    let est = app
        .send(
            "GET",
            &format!("/api/v1/surveys/{survey}/estimates?question=trust&value=yes&by=gender"),
            Some(coord),
            None,
        )
        .await
        .1;
    let women = est["estimates"].as_array().unwrap().iter().find(|e| e["group"] == "female").unwrap();
    assert!((m["value"].as_f64().unwrap() - 100.0 * women["proportion"].as_f64().unwrap()).abs() < 1e-9);
    assert!((m["ci_low"].as_f64().unwrap() - 100.0 * women["ci_low"].as_f64().unwrap()).abs() < 1e-9);
    let indicators = card_of(app, &path, coord).await["indicators"].clone();
    let median_id = indicators
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["computed"] == "alert_response_median_hours")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, e) = app
        .send(
            "POST",
            &format!("/api/v1/indicators/{median_id}/measurements"),
            Some(coord),
            Some(json!({"measured_on": today.to_string(), "value": 3.0, "source": "typed"})),
        )
        .await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("value")), "Tandem computes it: {e}");
    assert_eq!(
        app.send(
            "POST",
            &format!("/api/v1/indicators/{trust_id}/measurements"),
            Some(w.t("stranger")),
            Some(json!({"measured_on": today.to_string(), "value": 3.0, "source": "typed"}))
        )
        .await
        .0,
        404
    );

    // The wheel's fourth level: a unit's scorecard covering the area, measured by the CSO.
    let (s, wheel) = app.send("GET", "/api/v1/wheel?area=MR0101", Some(coord), None).await;
    assert_eq!((s, wheel["ownership_level"].as_str()), (200, Some("joint_oversight")), "{wheel}");
    assert!(wheel.to_string().contains(&id), "the scorecard is the evidence: {wheel}");
    let (_, wheel) = app.send("GET", "/api/v1/wheel?area=MR0102", Some(coord), None).await;
    assert_ne!(wheel["ownership_level"], "joint_oversight", "a neighbouring area is not covered: {wheel}");

    // Independently: the alert's own times, and the commitments as the API lists them.
    let card = card_of(app, &path, w.t("member")).await;
    let alert =
        app.send("GET", &format!("/api/v1/alerts/{}", w.alert), Some(coord), None).await.1["alert"].clone();
    let raised = time(&alert["created_at"]);
    let answered = time(&alert["first_response_at"]);
    let hours = (answered - raised).num_seconds() as f64 / 3600.0;
    let quarter = Quarter::of(raised.date_naive()).to_string();
    let median = trend(&card, "alert_response_median_hours");
    let point = median.iter().find(|p| p["period"] == quarter).unwrap();
    assert!((point["value"].as_f64().unwrap() - hours).abs() < 1e-6, "{point} vs {hours}");
    assert_eq!(point["n"], 1);
    assert_eq!(point["evidence"]["kind"], "alerts");
    let before = answered <= time(&alert["due_at"]);
    let on_time = trend(&card, "alerts_answered_before_due");
    assert_eq!(
        on_time.iter().find(|p| p["period"] == quarter).unwrap()["value"].as_f64(),
        Some(if before { 100.0 } else { 0.0 })
    );
    let listed = app.send("GET", "/api/v1/commitments", Some(coord), None).await.1;
    let mut by_quarter: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    for c in listed["commitments"].as_array().unwrap().iter().filter(|c| c["owner_org"] == police_id.as_str())
    {
        let due_on = chrono::NaiveDate::parse_from_str(c["due_on"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let status = c["status"].as_str().unwrap();
        if !(due_on < today || status == "done" || status == "dropped") {
            continue;
        }
        let kept = status == "done"
            && c["done_on"].as_str().is_some_and(|d| d <= c["due_on"].as_str().unwrap())
            && !c["confirmed_at"].is_null();
        let e = by_quarter.entry(Quarter::of(due_on).to_string()).or_default();
        e.0 += 1;
        e.1 += u32::from(kept);
    }
    let kept = trend(&card, "commitments_kept_on_time");
    assert_eq!(kept.len(), by_quarter.len(), "{kept:?} {by_quarter:?}");
    for (q, (due, k)) in &by_quarter {
        let p = kept.iter().find(|p| p["period"] == q.as_str()).unwrap();
        assert_eq!(
            (p["n"].as_u64(), p["value"].as_f64()),
            (Some(u64::from(*due)), Some(100.0 * f64::from(*k) / f64::from(*due)))
        );
    }
    let trust_view = card["indicators"].as_array().unwrap().iter().find(|i| i["id"] == trust_id).unwrap();
    assert_eq!(trust_view["trend"][0]["evidence"]["kind"], "survey");
    let status = trust_view["status"].as_str().unwrap();
    assert_eq!(
        status,
        if m["value"].as_f64().unwrap() >= 50.0 || m["value"].as_f64().unwrap() > 36.0 {
            "on_track"
        } else {
            "off_track"
        }
    );

    // The attacker's side. Violations naming the police in a quarter long released: three
    // verified by its release day, then four more, then one verified late.
    let q = Quarter::of(today - Duration::days(200));
    let early = format!("{}T12:00:00.000000Z", q.end());
    document(app, w.t("member"), coord, &police_name, q, 3, &early).await;
    let (s, v) = app
        .send("POST", &format!("{path}/publish"), Some(w.t("member")), Some(json!({"published": true})))
        .await;
    assert_eq!(s, 403, "{v}");
    let (s, v) =
        app.send("POST", &format!("{path}/publish"), Some(coord), Some(json!({"published": true}))).await;
    assert_eq!((s, v["published_at"].is_string()), (200, true), "{v}");
    let first = public(app, &id).await;
    let shown = |v: &Value, computed: &str| -> Vec<Value> {
        v["indicators"].as_array().unwrap().iter().find(|i| i["computed"] == computed).unwrap()["trend"]
            .as_array()
            .unwrap()
            .clone()
    };
    for computed in ["alert_response_median_hours", "alerts_answered_before_due", "commitments_kept_on_time"]
    {
        assert!(shown(&first, computed).is_empty(), "{computed} stands on fewer than five records: {first}");
    }
    let violations = shown(&first, "verified_violations");
    let at_q = |v: &Vec<Value>| v.iter().find(|p| p["period"] == q.to_string().as_str()).cloned().unwrap();
    assert_eq!(at_q(&violations)["count"], json!({"low": 0, "high": 4}), "three is a few, as zero is");
    assert!(at_q(&violations)["value"].is_null(), "no exact count: {violations:?}");
    assert!(
        violations.iter().all(|p| Quarter::parse(p["period"].as_str().unwrap()).unwrap().released_by(today)),
        "released quarters only"
    );
    let exact = trend(&card_of(app, &path, coord).await, "verified_violations").clone();
    assert_eq!(at_q(&exact)["value"].as_f64(), Some(3.0), "the network sees its own count");
    let trust_public = first["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "Women who trust the police")
        .unwrap()
        .clone();
    assert!(
        (trust_public["trend"][0]["value"].as_f64().unwrap() - m["value"].as_f64().unwrap()).abs() < 1e-9,
        "an estimate is shown"
    );

    document(app, w.t("member"), coord, &police_name, q, 4, &early).await;
    assert_eq!(
        at_q(&shown(&public(app, &id).await, "verified_violations"))["count"],
        json!({"low": 5, "high": 9})
    );
    let before_late = public(app, &id).await;
    document(app, w.t("member"), coord, &police_name, q, 1, "").await;
    let after_late = public(app, &id).await;
    assert_eq!(before_late, after_late, "a violation verified after the release changes no public figure");
    assert_eq!(
        at_q(trend(&card_of(app, &path, coord).await, "verified_violations"))["value"].as_f64(),
        Some(8.0)
    );
    let text = after_late.to_string();
    assert!(!text.contains("Held overnight") && !text.contains(&w.alert), "no record leaks: {text}");
    let list = app.get("/api/v1/public/scorecards", None).await.1;
    assert!(list.contains(&id) && list.contains("Kumba Central Police Station"), "{list}");

    // Taken back: gone from the public.
    let (s, _) =
        app.send("POST", &format!("{path}/publish"), Some(coord), Some(json!({"published": false}))).await;
    assert_eq!(s, 200);
    assert_eq!(app.get(&format!("/api/v1/public/scorecards/{id}"), None).await.0, 404);
}

async fn card_of(app: &tandem_testkit::TestApp, path: &str, token: &str) -> Value {
    let (s, v) = app.send("GET", path, Some(token), None).await;
    assert_eq!(s, 200, "{v}");
    v
}

/// `n` violations naming `institution`, documented by one member and verified by another, in
/// quarter `q`; their verification dated `verified` when given (as if done back then).
async fn document(
    app: &tandem_testkit::TestApp,
    member: &str,
    coord: &str,
    institution: &str,
    q: Quarter,
    n: usize,
    verified: &str,
) {
    for i in 0..n {
        let body = json!({"area": "MR0101", "occurred_on": (q.first_day() + Duration::days(10 + i as i64)).to_string(),
            "act": "arbitrary_arrest", "institution": institution, "victims": {"total": 1}, "description": "Held overnight"});
        let (s, v) = app.send("POST", "/api/v1/violations", Some(member), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        let vid = v["id"].as_str().unwrap().to_owned();
        let (s, v) = app.send("POST", &format!("/api/v1/violations/{vid}/verify"), Some(coord), None).await;
        assert_eq!(s, 200, "{v}");
        if !verified.is_empty() {
            app.raw_sql(&format!("UPDATE violations SET verified_at = '{verified}' WHERE id = '{vid}'"))
                .await;
        }
    }
}

async fn public(app: &tandem_testkit::TestApp, id: &str) -> Value {
    let (s, body) = app.get(&format!("/api/v1/public/scorecards/{id}"), None).await;
    assert_eq!(s, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// A coordinator on the pages: starts a scorecard (refused without a unit, the error beside the
/// field), adds an indicator, records a measurement (refused in French without a value), then
/// publishes it, and anyone reads the public page.
async fn the_scorecard_pages_work_without_javascript(b: Backend) {
    let app = tandem_testkit::spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let cso = app.create_org("Kumba Women's Peace Network", tandem_domain::OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", tandem_domain::OrgKind::Security).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Coordinator, false).await;
    let amina = app.login("amina@kwpn.example").await;
    let post = |path: &str, form: Vec<(&str, String)>, lang: &str| {
        let rb = app.http.post(app.url(path)).bearer_auth(&amina).header("accept-language", lang).form(&form);
        async move { rb.send().await.unwrap() }
    };
    let r = post("/scorecards", vec![("unit_org", String::new()), ("area", "MR0101".into())], "en").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-unit_org\""));
    let r =
        post("/scorecards", vec![("unit_org", police.id.to_string()), ("area", "MR0101".into())], "en").await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("?done=scorecard-created"), "{to}");
    let page = to.split('?').next().unwrap().to_owned();
    let r = post(
        &format!("{page}/indicators"),
        vec![
            ("name", "Women who trust the police".into()),
            ("definition", "Share of women answering yes".into()),
            ("measure", "percent".into()),
            ("direction", "up".into()),
            ("baseline", "36".into()),
            ("target", "50".into()),
            ("frequency", "twice_a_year".into()),
            ("computed", String::new()),
        ],
        "en",
    )
    .await;
    assert_eq!(r.status(), 303, "{:?}", r.text().await);
    let html = app.http.get(app.url(&page)).bearer_auth(&amina).send().await.unwrap().text().await.unwrap();
    let indicator = html
        .split("name=\"indicator\"")
        .nth(1)
        .unwrap()
        .split("value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let measure = |value: &str| {
        vec![
            ("indicator", indicator.clone()),
            ("measured_on", Utc::now().date_naive().to_string()),
            ("source", "Perception survey, round 2".into()),
            ("source_kind", "typed".into()),
            ("value", value.to_owned()),
            ("ci_low", "42.4".into()),
            ("ci_high", "55.2".into()),
        ]
    };
    let r = post(&format!("{page}/measurements"), measure(""), "fr").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-value\"") && html.contains("Perception survey, round 2"),
        "kept, in French: {html}"
    );
    let r = post(&format!("{page}/measurements"), measure("48.8"), "en").await;
    assert_eq!(r.status(), 303);
    let html = app.http.get(app.url(&page)).bearer_auth(&amina).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("48.8%") && html.contains("(42.4–55.2)") && html.contains("on track"), "{html}");
    assert!(html.contains("<svg class=\"spark trend\""), "the trend chart");
    let public = page.replace("/scorecards/", "/public/scorecards/");
    assert_eq!(app.get(&public, None).await.0, 404, "not public yet");
    let r = post(&format!("{page}/publish"), vec![("published", "yes".into())], "en").await;
    assert_eq!(r.status(), 303);
    let (s, html) = app.get(&public, None).await;
    assert_eq!(s, 200);
    assert!(html.contains("48.8%") && html.contains("Kumba Central Police Station"), "{html}");
    assert!(app.get("/public/scorecards", None).await.1.contains(&public));
}
