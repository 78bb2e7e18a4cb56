//! Sharing across organisations over the API: agreements (create, bad input, overlap, revoke),
//! shared aggregates with small cells suppressed, de-identified records with scrubbed text, alerts
//! assigned to a partner and answered by it, and what a partner sees after revocation.
use std::collections::HashMap;

use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_store::Org;
use tandem_testkit::{both, spawn_app, Backend, TestApp};

use super::ew::setup_areas;

both!(
    agreements_lifecycle_and_bad_input,
    aggregates_records_and_alerts_cross_only_as_agreed,
    a_released_week_never_changes
);

/// An owner network with reports, three partners (aggregates, records, revoked) and a stranger.
pub struct World {
    pub app: TestApp,
    pub owner: Org,
    pub tokens: HashMap<&'static str, String>,
    pub agg: String,
    pub rec: String,
    pub revoked: String,
    /// Every report filed, and the one left unverified.
    pub reports: Vec<String>,
    pub unverified: String,
    /// A threshold alert of the owner's, assigned to the aggregates partner.
    pub alert: String,
    /// The day every report happened (all in one ISO week).
    pub day: String,
}

pub const CONTACT: &str = "+237 699 11 22 33";
pub const SENSITIVE: &str =
    "Amina Diallo was threatened at the well; call her brother on +237 677 12 34 56 or amina.d@mail.example";

impl World {
    pub fn t(&self, who: &str) -> &str {
        &self.tokens[who]
    }
}

pub async fn world(b: Backend) -> World {
    let app = spawn_app(b).await;
    setup_areas(&app).await;
    let owner = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let town = app.create_org("Port Amsel Municipality", OrgKind::Government).await;
    let army = app.create_org("3rd Brigade Civil-Military Affairs", OrgKind::Security).await;
    let stranger = app.create_org("Unrelated Youth Group", OrgKind::CivilSociety).await;
    let mut tokens = HashMap::new();
    for (key, org, email, role) in [
        ("member", &owner, "member@kwpn.example", Role::Member),
        ("coordinator", &owner, "coordinator@kwpn.example", Role::Coordinator),
        ("admin", &owner, "admin@kwpn.example", Role::Admin),
        ("police", &police, "liaison@police.example", Role::Member),
        ("town", &town, "officer@town.example", Role::Member),
        ("army", &army, "liaison@army.example", Role::Member),
        ("stranger", &stranger, "admin@youth.example", Role::Admin),
    ] {
        app.create_user(org, email, role, false).await;
        tokens.insert(key, app.login(email).await);
    }
    let coord = tokens["coordinator"].clone();
    let day = (chrono::Utc::now() - chrono::Duration::days(14)).date_naive().to_string();
    let mut reports = Vec::new();
    let file = |area: &str, cat: &str, sev: i64, description: &str, contact: Option<&str>| {
        let mut body = json!({"area": area, "category": cat, "severity": sev, "occurred_at": day, "description": description});
        if let Some(c) = contact {
            body["reporter_contact"] = json!(c);
        }
        body
    };
    let mut bodies = vec![];
    for i in 0..6 {
        bodies.push(file("MR0101", "hate_speech", 2, &format!("Leaflets at the market, report {i}"), None));
    }
    bodies.push(file("MR0102", "hate_speech", 2, "Graffiti near the school", None));
    bodies.push(file("MR0102", "hate_speech", 2, "Insults on the radio", None));
    bodies.push(file("MR0102", "gbv", 3, SENSITIVE, Some(CONTACT)));
    bodies.push(file("MR0101", "crime", 4, "Armed robbery at the bus stop", None));
    bodies.push(file("MR0101", "hate_speech", 2, "Not yet verified", None));
    for body in bodies {
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&coord), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        reports.push(v["id"].as_str().unwrap().to_owned());
    }
    let unverified = reports.last().unwrap().clone();
    for id in &reports[..reports.len() - 1] {
        let (s, v) = app.send("POST", &format!("/api/v1/reports/{id}/verify"), Some(&coord), None).await;
        assert_eq!(s, 200, "{v}");
    }
    let (s, v) = app
        .send("POST", "/api/v1/protected-names", Some(&coord), Some(json!({"name": "Amina Diallo"})))
        .await;
    assert_eq!(s, 201, "{v}");

    let agree = |partner: &Org, mode: &str, level: &str, k: i64| json!({"partner_org": partner.id, "mode": mode, "area_level": level, "k": k});
    let mut ids = vec![];
    for body in [
        agree(&police, "aggregates", "admin2", 5),
        agree(&town, "records", "admin1", 3),
        agree(&army, "aggregates", "admin1", 5),
    ] {
        let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(&coord), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        assert_eq!((v["status"].as_str(), v["role"].as_str()), (Some("in_force"), Some("owner")));
        ids.push(v["id"].as_str().unwrap().to_owned());
    }
    let (s, v) =
        app.send("POST", &format!("/api/v1/sharing-agreements/{}/revoke", ids[2]), Some(&coord), None).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("revoked")), "{v}");

    app.state.alert_worker.flush().await;
    let (_, v) = app.send("GET", "/api/v1/alerts?status=open", Some(&coord), None).await;
    let alert = v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["method"] == "threshold")
        .expect("the severity-4 report opened an alert")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{alert}/assign"),
            Some(&coord),
            Some(json!({"org": police.id, "due_in_hours": 24})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    World {
        app,
        owner,
        tokens,
        agg: ids[0].clone(),
        rec: ids[1].clone(),
        revoked: ids[2].clone(),
        reports,
        unverified,
        alert,
        day,
    }
}

async fn agreements_lifecycle_and_bad_input(b: Backend) {
    let w = world(b).await;
    let app = &w.app;
    let coord = w.t("coordinator");
    let (_, v) = app.send("GET", "/api/v1/me", Some(w.t("police")), None).await;
    let police_id = v["org"]["id"].as_str().unwrap().to_owned();

    // Bad input: 422 naming the field, nothing written.
    let before = app.send("GET", "/api/v1/sharing-agreements", Some(coord), None).await.1["agreements"]
        .as_array()
        .unwrap()
        .len();
    let base = json!({"partner_org": police_id, "mode": "aggregates", "area_level": "admin1"});
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    for (body, field) in [
        (with("k", json!(2)), "k"),
        (with("k", json!(101)), "k"),
        (with("mode", json!("everything")), "mode"),
        (with("area_level", json!("street")), "area_level"),
        (with("partner_org", json!("not-an-id")), "partner_org"),
        (with("partner_org", json!(tandem_domain::OrgId::new().to_string())), "partner_org"),
        (with("partner_org", json!(w.owner.id)), "partner_org"),
        (with("categories", json!(["no_such_category"])), "categories"),
        (with("kinds", json!(["evidence"])), "kinds"),
        (with("valid_to", json!("2020-01-01")), "valid_to"),
        (with("valid_to", json!("tomorrow")), "valid_to"),
        (
            with("valid_from", json!("2030-01-02"))
                .as_object()
                .map(|o| {
                    let mut o = o.clone();
                    o.insert("valid_to".into(), json!("2030-01-01"));
                    Value::Object(o)
                })
                .unwrap(),
            "valid_to",
        ),
    ] {
        let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(coord), Some(body.clone())).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field)), "{body}: {v}");
    }
    let (s, v) = app
        .send("POST", "/api/v1/sharing-agreements", Some(coord), Some(json!({"partner_org": police_id})))
        .await;
    assert_eq!(s, 422, "missing fields: {v}");
    // One agreement per pair at a time: tables cut two ways could be subtracted.
    let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(coord), Some(base.clone())).await;
    assert_eq!((s, v["error"]["code"].as_str()), (409, Some("conflict")), "{v}");
    let after = app.send("GET", "/api/v1/sharing-agreements", Some(coord), None).await.1["agreements"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "no partial write");

    // Both parties see the agreement, each from its side; a stranger sees nothing, gets 404.
    let (_, mine) = app.send("GET", "/api/v1/sharing-agreements", Some(coord), None).await;
    assert_eq!(mine["agreements"].as_array().unwrap().len(), 3);
    let (_, theirs) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("police")), None).await;
    let theirs = theirs["agreements"].as_array().unwrap().clone();
    assert_eq!(theirs.len(), 1);
    assert_eq!(
        (theirs[0]["role"].as_str(), theirs[0]["owner_name"].as_str()),
        (Some("partner"), Some("Kumba Women's Peace Network"))
    );
    let (_, v) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("stranger")), None).await;
    assert!(v["agreements"].as_array().unwrap().is_empty());
    let path = format!("/api/v1/sharing-agreements/{}", w.agg);
    assert_eq!(app.send("GET", &path, Some(w.t("stranger")), None).await.0, 404);
    assert_eq!(app.send("GET", &path, Some(w.t("police")), None).await.0, 200);
    // Only the owner's coordinators revoke; the partner cannot (404, not its agreement to change).
    assert_eq!(
        app.send("POST", &format!("{path}/revoke"), Some(w.t("police")), None).await.0,
        403,
        "a partner member lacks the role"
    );
    assert_eq!(app.send("POST", &format!("{path}/revoke"), Some(w.t("member")), None).await.0, 403);
    assert_eq!(app.send("POST", &format!("{path}/revoke"), Some(w.t("stranger")), None).await.0, 404);
    let (s, v) = app
        .send("POST", &format!("/api/v1/sharing-agreements/{}/revoke", w.revoked), Some(coord), None)
        .await;
    assert_eq!(s, 409, "revoked once: {v}");

    // Every use is audited on the owner's side, naming the partner's user.
    app.send("GET", "/api/v1/shared/aggregates", Some(w.t("police")), None).await;
    let (_, audit) = app.send("GET", "/api/v1/audit", Some(w.t("admin")), None).await;
    let events = audit["events"].as_array().unwrap();
    let uses: Vec<&Value> = events.iter().filter(|e| e["action"] == "sharing.aggregates.read").collect();
    assert_eq!(uses.len(), 1, "{audit}");
    assert_eq!(uses[0]["subject"].as_str(), Some(w.agg.as_str()));
    assert!(
        events.iter().any(|e| e["action"] == "sharing.create")
            && events.iter().any(|e| e["action"] == "sharing.revoke")
    );
}

async fn aggregates_records_and_alerts_cross_only_as_agreed(b: Backend) {
    let w = world(b).await;
    let app = &w.app;

    // Aggregates at admin2, k = 5: only verified reports, fixed cells, small ones null.
    let (s, v) = app.send("GET", "/api/v1/shared/aggregates", Some(w.t("police")), None).await;
    assert_eq!(s, 200, "{v}");
    let cells = v["cells"].as_array().unwrap();
    let truth: HashMap<(&str, &str), u64> = HashMap::from([
        (("MR0101", "hate_speech"), 6),
        (("MR0101", "crime"), 1),
        (("MR0102", "hate_speech"), 2),
        (("MR0102", "gbv"), 1),
    ]);
    // Every non-zero cell is listed; a zero is listed only when hidden to shield another cell.
    for key in truth.keys() {
        assert!(
            cells.iter().any(|c| (c["area"].as_str().unwrap(), c["category"].as_str().unwrap()) == *key),
            "{key:?} missing: {v}"
        );
    }
    for c in cells {
        let key = (c["area"].as_str().unwrap(), c["category"].as_str().unwrap());
        assert_eq!(c["owner_org"].as_str(), Some(w.owner.id.as_str()));
        match (c["count"].as_u64(), truth.get(&key)) {
            (Some(n), Some(want)) => assert!(n == *want && n >= 5, "published {c} (truth {want})"),
            (Some(_), None) => panic!("a zero cell is listed with a count: {c}"),
            (None, _) => assert!(c["count"].is_null()),
        }
    }
    assert!(
        cells.iter().filter(|c| c["count"].is_null()).count() >= 3,
        "the three small cells are hidden: {v}"
    );
    for t in v["totals"].as_array().unwrap() {
        if let Some(n) = t["count"].as_u64() {
            assert!(n == 0 || n >= 5, "a total below k is published: {t}");
        }
    }
    let week_total = v["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["area"].is_null() && t["category"].is_null())
        .unwrap();
    assert_eq!(week_total["count"], 10, "ten verified reports; the unverified one does not count: {v}");
    for bad in ["?weeks=0", "?weeks=105", "?weeks=x", "?area=MR01", "?group_by=area"] {
        let (s, v) =
            app.send("GET", &format!("/api/v1/shared/aggregates{bad}"), Some(w.t("police")), None).await;
        assert_eq!(s, 422, "{bad}: callers cannot choose other groupings: {v}");
    }

    // An aggregates partner gets no records; the records partner gets de-identified ones.
    let (_, v) = app.send("GET", "/api/v1/shared/records", Some(w.t("police")), None).await;
    assert!(v["records"].as_array().unwrap().is_empty(), "{v}");
    let (_, v) = app.send("GET", "/api/v1/shared/records", Some(w.t("town")), None).await;
    let records = v["records"].as_array().unwrap();
    assert_eq!(records.len(), 10, "verified reports only: {v}");
    let text = v.to_string();
    for id in &w.reports {
        assert!(!text.contains(id.as_str()), "report ids do not cross");
    }
    for leak in [
        "Amina",
        "Diallo",
        "677 12 34 56",
        "amina.d@mail.example",
        CONTACT,
        "MR0101",
        "MR0102",
        "created_by",
        "channel",
        "reporter",
    ] {
        assert!(!text.contains(leak), "{leak:?} crossed to the partner: {text}");
    }
    let gbv = records.iter().find(|r| r["category"] == "gbv").unwrap();
    assert_eq!(
        gbv["description"].as_str().unwrap(),
        "[name] was threatened at the well; call her brother on [phone] or [email]"
    );
    assert_eq!((gbv["area"].as_str(), gbv["date"].as_str()), (Some("MR01"), Some(w.day.as_str())));
    assert_eq!(gbv["ref"].as_str().unwrap().len(), 16);
    // The records partner also sees aggregates (at its level, admin1, k = 3).
    let (_, v) = app.send("GET", "/api/v1/shared/aggregates", Some(w.t("town")), None).await;
    assert!(v["cells"].as_array().unwrap().iter().all(|c| c["area"] == "MR01"), "{v}");

    // After revocation, and for a stranger: nothing at all.
    for who in ["army", "stranger"] {
        for path in ["/api/v1/shared/aggregates", "/api/v1/shared/records", "/api/v1/shared/alerts"] {
            let (s, v) = app.send("GET", path, Some(w.t(who)), None).await;
            assert_eq!(s, 200);
            assert!(
                v.as_object()
                    .unwrap()
                    .values()
                    .filter(|x| x.is_array())
                    .all(|x| x.as_array().is_some_and(|a| a.is_empty())),
                "{who} {path}: {v}"
            );
        }
    }

    // The alert assigned to the police: coarse area, no reports, answered by the liaison.
    let (_, v) = app.send("GET", "/api/v1/shared/alerts", Some(w.t("police")), None).await;
    let alerts = v["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 1, "{v}");
    assert_eq!(
        (alerts[0]["id"].as_str(), alerts[0]["area"].as_str()),
        (Some(w.alert.as_str()), Some("MR0101"))
    );
    assert!(alerts[0]["count"].is_null(), "one report is below k: {v}");
    assert!(alerts[0].get("reports").is_none());
    let (_, v) = app.send("GET", "/api/v1/shared/alerts", Some(w.t("town")), None).await;
    assert!(v["alerts"].as_array().unwrap().is_empty(), "not assigned to the municipality");
    let respond = format!("/api/v1/shared/alerts/{}/responses", w.alert);
    for (body, field) in [
        (json!({"action": "", "outcome": "x"}), "action"),
        (json!({"action": "x", "outcome": "x", "responded_at": "soon"}), "responded_at"),
    ] {
        let (s, v) = app.send("POST", &respond, Some(w.t("police")), Some(body)).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field)), "{v}");
    }
    let (s, v) = app
        .send(
            "POST",
            &respond,
            Some(w.t("police")),
            Some(json!({"action": "Patrol sent to the bus stop", "outcome": "Calm restored"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(
        app.send("POST", &respond, Some(w.t("town")), Some(json!({"action": "a", "outcome": "b"}))).await.0,
        404
    );
    // The owner sees the partner's answer in its trail; the partner's own view has it too.
    let (_, v) = app.send("GET", &format!("/api/v1/alerts/{}", w.alert), Some(w.t("member")), None).await;
    let trail = v["responses"].as_array().unwrap();
    assert_eq!(trail.len(), 1);
    assert_ne!(trail[0]["responder_org_id"].as_str(), Some(w.owner.id.as_str()));
    let (_, v) =
        app.send("GET", &format!("/api/v1/shared/alerts/{}", w.alert), Some(w.t("police")), None).await;
    assert_eq!(v["responses"].as_array().unwrap().len(), 1, "{v}");
    // The partner still cannot open the owner's alert or its reports directly.
    assert_eq!(
        app.send("GET", &format!("/api/v1/alerts/{}", w.alert), Some(w.t("police")), None).await.0,
        404
    );
    assert_eq!(
        app.send("GET", &format!("/api/v1/reports/{}", w.reports[0]), Some(w.t("police")), None).await.0,
        404
    );

    // Assigning needs an agreement covering alerts with that organisation.
    let (_, me) = app.send("GET", "/api/v1/me", Some(w.t("stranger")), None).await;
    let (s, v) = app
        .send(
            "POST",
            &format!("/api/v1/alerts/{}/assign", w.alert),
            Some(w.t("coordinator")),
            Some(json!({"org": me["org"]["id"]})),
        )
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("org")), "{v}");

    // Revocation takes effect at once: the liaison sees nothing more.
    let (s, _) = app
        .send("POST", &format!("/api/v1/sharing-agreements/{}/revoke", w.agg), Some(w.t("coordinator")), None)
        .await;
    assert_eq!(s, 200);
    let (_, v) = app.send("GET", "/api/v1/shared/aggregates", Some(w.t("police")), None).await;
    assert!(v["cells"].as_array().unwrap().is_empty(), "{v}");
    let (_, v) = app.send("GET", "/api/v1/shared/alerts", Some(w.t("police")), None).await;
    assert!(v["alerts"].as_array().unwrap().is_empty(), "{v}");
    assert_eq!(
        app.send("GET", &format!("/api/v1/shared/alerts/{}", w.alert), Some(w.t("police")), None).await.0,
        404
    );
    assert_eq!(
        app.send("POST", &respond, Some(w.t("police")), Some(json!({"action": "a", "outcome": "b"}))).await.0,
        404
    );
}

both!(sharing_pages_in_three_languages);

/// The sharing and protection pages as a browser without JavaScript sees them, in English,
/// French and Arabic: every text translated, Arabic right to left, forms that post and redirect.
async fn sharing_pages_in_three_languages(b: Backend) {
    let w = world(b).await;
    let app = &w.app;
    let keys = tandem_web::i18n::global().keys(tandem_web::i18n::Lang::En);
    let pages = [
        ("coordinator", "/sharing".to_owned()),
        ("coordinator", "/protection".to_owned()),
        ("admin", "/protection".to_owned()),
        ("coordinator", format!("/reports/{}", w.reports[8])),
        ("coordinator", format!("/alerts/{}", w.alert)),
        ("police", "/shared".to_owned()),
        ("police", "/sharing".to_owned()),
        ("police", format!("/shared/alerts/{}", w.alert)),
        ("town", "/shared/records".to_owned()),
    ];
    for lang in ["en", "fr", "ar"] {
        for (who, path) in &pages {
            let r = app
                .http
                .get(app.url(path))
                .bearer_auth(w.t(who))
                .header("accept-language", lang)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{lang} {path}");
            let html = r.text().await.unwrap();
            assert!(
                html.contains(&format!("lang=\"{lang}\""))
                    && html.contains(if lang == "ar" { "dir=\"rtl\"" } else { "dir=\"ltr\"" })
            );
            for k in &keys {
                assert!(
                    !html.contains(&format!(">{k}<")) && !html.contains(&format!("\"{k}\"")),
                    "{lang} {path}: untranslated {k}"
                );
            }
        }
    }
    // The partner's table shows hidden cells as a dash, never the small counts.
    let (_, html) = app.get("/shared", Some(w.t("police"))).await;
    assert!(html.contains("class=\"suppressed\"") && html.contains("<caption>"), "{html}");
    let (_, html) = app.get("/shared/records", Some(w.t("town"))).await;
    assert!(html.contains("[name] was threatened") && !html.contains("Amina"));
    // The alert page offers the partners that may be assigned.
    let (_, html) = app.get(&format!("/alerts/{}", w.alert), Some(w.t("coordinator"))).await;
    assert!(
        html.contains("Kumba Central Police Station") && !html.contains("3rd Brigade"),
        "only partners with an agreement in force"
    );

    // Forms: create (with an error shown beside its field), revoke, names, retention.
    let (_, me) = app.send("GET", "/api/v1/me", Some(w.t("stranger")), None).await;
    let stranger = me["org"]["id"].as_str().unwrap().to_owned();
    let post = |path: &str, who: &str, form: Vec<(&str, String)>| {
        app.http.post(app.url(path)).bearer_auth(w.t(who)).form(&form).send()
    };
    let r = post(
        "/sharing",
        "coordinator",
        vec![
            ("partner_org", stranger.clone()),
            ("mode", "aggregates".into()),
            ("area_level", "admin1".into()),
            ("k", "2".into()),
            ("categories", "crime".into()),
        ],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-k\"") && html.contains("aria-invalid"),
        "the error is shown beside its field"
    );
    // Nothing ticked shares nothing: the page refuses, beside the categories.
    let r = post(
        "/sharing",
        "coordinator",
        vec![
            ("partner_org", stranger.clone()),
            ("mode", "records".into()),
            ("area_level", "admin1".into()),
            ("k", "4".into()),
            ("kinds", "reports".into()),
        ],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-categories\""));
    let agreement = vec![
        ("partner_org", stranger.clone()),
        ("mode", "records".into()),
        ("area_level", "admin1".into()),
        ("k", "4".into()),
        ("categories", "gbv".into()),
        ("categories", "crime".into()),
        ("kinds", "reports".into()),
    ];
    // The preview shows exactly the tables the partner gets once the agreement is made: the
    // same cut of the same frozen weeks, under the same control (nothing below k = 5).
    let terms = vec![
        ("partner_org", stranger.clone()),
        ("mode", "aggregates".into()),
        ("area_level", "admin2".into()),
        ("k", "5".into()),
        ("categories", "hate_speech".into()),
        ("categories", "crime".into()),
        ("categories", "gbv".into()),
    ];
    let tables_of = |html: &str| -> Vec<String> {
        html.split(r#"<table class="counts">"#)
            .skip(1)
            .map(|t| t[..t.find("</table>").unwrap()].to_owned())
            .collect()
    };
    let r = post("/sharing", "coordinator", terms.clone()).await.unwrap();
    assert_eq!(r.status(), 200);
    let preview = tables_of(&r.text().await.unwrap());
    assert!(!preview.is_empty(), "the preview has the partner's tables");
    for t in &preview {
        for small in ["<td>1</td>", "<td>2</td>", "<td>3</td>", "<td>4</td>"] {
            assert!(!t.contains(small), "a count below k in the preview: {t}");
        }
    }
    assert!(preview.iter().any(|t| t.contains(r#"class="suppressed""#)), "small cells are hidden");
    let mut made = terms;
    made.push(("step", "create".into()));
    assert_eq!(post("/sharing", "coordinator", made).await.unwrap().status(), 303);
    let seen = app.http.get(app.url("/shared")).bearer_auth(w.t("stranger")).send().await.unwrap();
    assert_eq!(tables_of(&seen.text().await.unwrap()), preview, "the partner sees what the preview showed");
    let (_, v) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("stranger")), None).await;
    let id = v["agreements"][0]["id"].as_str().unwrap().to_owned();
    let gone =
        post(&format!("/sharing/{id}/revoke"), "coordinator", vec![("confirm", "yes".into())]).await.unwrap();
    assert_eq!(gone.status(), 303);
    // First a preview: the terms in words, what the partner would see, and nothing made yet.
    let r = post("/sharing", "coordinator", agreement.clone()).await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("What ") && html.contains("will see"), "a preview page");
    assert!(html.contains("shares gender-based violence"), "the preview warns when GBV is shared");
    assert!(html.contains(r#"name="step" value="create""#) && html.contains(r#"name="step" value="edit""#));
    let (_, v) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("stranger")), None).await;
    let live = v["agreements"].as_array().unwrap().iter().filter(|a| a["status"] != "revoked").count();
    assert_eq!(live, 0, "a preview makes nothing: {v}");
    // "Change" goes back to the form as it was filled in.
    let mut edit = agreement.clone();
    edit.push(("step", "edit".into()));
    let html = post("/sharing", "coordinator", edit).await.unwrap().text().await.unwrap();
    assert!(
        html.contains(r#"value="gbv" checked"#) && html.contains(r#"value="4""#),
        "the form keeps its values"
    );
    let mut create = agreement;
    create.push(("step", "create".into()));
    let r = post("/sharing", "coordinator", create).await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
        (303, "/sharing?done=sharing-created")
    );
    let (_, v) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("stranger")), None).await;
    let in_force = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["agreements"].as_array().unwrap().iter().filter(|a| a["status"] == "in_force").cloned().collect()
    };
    let a = &in_force(&v)[0];
    assert_eq!(
        (a["mode"].as_str(), a["k"].as_u64(), a["categories"].clone(), a["kinds"].clone()),
        (Some("records"), Some(4), json!(["gbv", "crime"]), json!(["reports"]))
    );
    // Revoking asks first, naming the partner; only the confirmed post revokes.
    let revoke = format!("/sharing/{}/revoke", a["id"].as_str().unwrap());
    let r = post(&revoke, "coordinator", vec![]).await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Stop sharing with") && html.contains("name=\"confirm\" value=\"yes\""), "{html}");
    let (_, v) = app.send("GET", "/api/v1/sharing-agreements", Some(w.t("stranger")), None).await;
    assert_eq!(in_force(&v).len(), 1, "not revoked before it is confirmed: {v}");
    let r = post(&revoke, "coordinator", vec![("confirm", "yes".into())]).await.unwrap();
    assert_eq!(r.status(), 303);
    let r = post("/protection/names", "coordinator", vec![("name", "x".into())]).await.unwrap();
    assert_eq!(r.status(), 422, "a one-letter name is refused");
    let r = post("/protection/names", "coordinator", vec![("name", "Grace Mbeki".into())]).await.unwrap();
    assert_eq!(r.status(), 303);
    let r = post(
        "/protection/retention",
        "admin",
        vec![("contact_days", "abc".into()), ("dismissed_days", "30".into())],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    let r = post(
        "/protection/retention",
        "admin",
        vec![("contact_days", "45".into()), ("dismissed_days", "30".into())],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(app.send("GET", "/api/v1/retention", Some(w.t("member")), None).await.1["contact_days"], 45);
    let r = post(
        "/protection/retention",
        "coordinator",
        vec![("contact_days", "45".into()), ("dismissed_days", "30".into())],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403);
    let r = post(
        &format!("/shared/alerts/{}/respond", w.alert),
        "police",
        vec![("action", "Visited the stop".into()), ("outcome", "Calm".into())],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 303);
    let r = post(
        &format!("/alerts/{}/assign", w.alert),
        "coordinator",
        vec![("org", stranger), ("due_in_hours", "12".into())],
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422, "no agreement covering alerts with this organisation");
    let _ = (&w.rec, &w.revoked, &w.unverified);
}

/// The time attack: downloads of one week made before and after a late verification in it, and
/// after a new report in an assigned alert's cell, are the same, so comparing them tells a
/// partner nothing about a report's arrival; and the week under way is not shown at all.
async fn a_released_week_never_changes(b: Backend) {
    let w = world(b).await;
    let app = &w.app;
    let (s, first) = app.send("GET", "/api/v1/shared/aggregates", Some(w.t("police")), None).await;
    assert_eq!(s, 200, "{first}");
    assert!(!first["cells"].as_array().unwrap().is_empty(), "the week two weeks ago is released: {first}");
    let (_, alerts_first) = app.send("GET", "/api/v1/shared/alerts", Some(w.t("police")), None).await;

    let coord = w.t("coordinator");
    let (s, v) =
        app.send("POST", &format!("/api/v1/reports/{}/verify", w.unverified), Some(coord), None).await;
    assert_eq!(s, 200, "{v}");
    for day in [w.day.clone(), chrono::Utc::now().date_naive().to_string()] {
        let body = json!({"area": "MR0101", "category": "crime", "severity": 4, "occurred_at": day, "description": "Another robbery"});
        let (s, v) = app.send("POST", "/api/v1/reports", Some(coord), Some(body)).await;
        assert_eq!(s, 201, "{v}");
        let (s, _) = app
            .send("POST", &format!("/api/v1/reports/{}/verify", v["id"].as_str().unwrap()), Some(coord), None)
            .await;
        assert_eq!(s, 200);
    }
    app.state.alert_worker.flush().await;
    let (_, owner_view) = app.send("GET", &format!("/api/v1/alerts/{}", w.alert), Some(coord), None).await;
    assert_eq!(owner_view["alert"]["observed"], 2, "the owner's alert took the new report in: {owner_view}");

    let (_, second) = app.send("GET", "/api/v1/shared/aggregates", Some(w.t("police")), None).await;
    assert_eq!(first, second, "a released week never changes");
    let current = chrono::Utc::now();
    let this_week = tandem_domain::week::Week::of(current).label();
    assert!(!second.to_string().contains(&this_week), "the week under way is not released: {second}");
    let (_, alerts_second) = app.send("GET", "/api/v1/shared/alerts", Some(w.t("police")), None).await;
    assert_eq!(
        alerts_first["alerts"][0]["count"], alerts_second["alerts"][0]["count"],
        "an assigned alert shows the count it had when assigned"
    );
}
