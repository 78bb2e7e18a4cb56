//! Verified violations under sharing agreements: quarterly fixed cells (admin1 × institution
//! kind × act, with every total) for partners whose agreement names violations, small counts and
//! the entries that would give them away hidden, frozen once released; nothing for anyone else;
//! and the public statistics of a quarter hide whatever its shared table hid.
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use tandem_domain::violation_stats::Quarter;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(
    violations_reach_partners_as_suppressed_quarterly_cells,
    violations_cross_one_by_one_only_under_a_records_agreement
);

/// The newest quarter released with the default grace period of 7 days.
fn released_quarter() -> Quarter {
    let this = Quarter::of((Utc::now() - Duration::days(7)).date_naive());
    Quarter::of(this.first_day() - Duration::days(1))
}

fn cell<'a>(cells: &'a [Value], area: Option<&str>, kind: Option<&str>, act: Option<&str>) -> &'a Value {
    cells
        .iter()
        .find(|c| c["area"].as_str() == area && c["institution"].as_str() == kind && c["act"].as_str() == act)
        .unwrap_or_else(|| panic!("no cell {area:?} {kind:?} {act:?}"))
}

async fn violations_reach_partners_as_suppressed_quarterly_cells(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let network = app.create_org("Lakes Region Peacebuilding Network", OrgKind::International).await;
    let fund = app.create_org("Human Security Partnership Fund", OrgKind::International).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    let stranger = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    for (org, email, role) in [
        (&obs, "amina@obs.example", Role::Coordinator),
        (&obs, "bello@obs.example", Role::Coordinator),
        (&network, "analyst@net.example", Role::Member),
        (&fund, "officer@fund.example", Role::Member),
        (&police, "liaison@police.example", Role::Member),
        (&stranger, "admin@youth.example", Role::Admin),
    ] {
        app.create_user(org, email, role, false).await;
    }
    let amina = app.login("amina@obs.example").await;
    let bello = app.login("bello@obs.example").await;
    let quarter = released_quarter();
    // A quarter whose public statistics are out too (90 days after it ended).
    let mut old = quarter;
    while !old.released_by(Utc::now().date_naive()) {
        old = Quarter::of(old.first_day() - Duration::days(1));
    }
    let document = |act: &str, kind: &str, n: usize, q: Quarter| {
        let day = q.first_day() + Duration::days(9);
        let (app, amina, bello, act, kind) =
            (&app, amina.clone(), bello.clone(), act.to_owned(), kind.to_owned());
        async move {
            for _ in 0..n {
                let body = json!({"area": "MR0101", "occurred_on": day.to_string(), "act": act,
                    "institution": "A unit", "institution_kind": kind, "victims": {"total": 1},
                    "description": "held overnight"});
                let (s, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body)).await;
                assert_eq!(s, 201, "{v}");
                let id = v["id"].as_str().unwrap();
                let (s, _) =
                    app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&bello), None).await;
                assert_eq!(s, 200);
            }
        }
    };
    for q in [quarter, old] {
        document("arbitrary_arrest", "police", 7, q).await;
        document("torture_ill_treatment", "police", 2, q).await;
        document("arbitrary_arrest", "military", 6, q).await;
    }

    // The network's agreement names violations (k = 5); the fund's shares reports and alerts
    // only (no kinds named: violations are never shared by default); the police have none.
    let agree = |partner: &tandem_store::Org, k: i64, kinds: Option<Vec<&str>>| {
        let mut b = json!({"partner_org": partner.id, "mode": "aggregates", "area_level": "admin1", "k": k});
        if let Some(kinds) = kinds {
            b["kinds"] = json!(kinds);
        }
        b
    };
    for body in [agree(&network, 5, Some(vec!["violations"])), agree(&fund, 3, None)] {
        let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(&amina), Some(body)).await;
        assert_eq!(s, 201, "{v}");
    }
    let shared = |email: &'static str| {
        let app = &app;
        async move {
            let t = app.login(email).await;
            let (s, v) = app.send("GET", "/api/v1/shared/violations?quarters=12", Some(&t), None).await;
            assert_eq!(s, 200, "{v}");
            v["cells"].as_array().unwrap().clone()
        }
    };
    let cells = shared("analyst@net.example").await;
    let label = quarter.to_string();
    let ours: Vec<Value> = cells.iter().filter(|c| c["quarter"] == label.as_str()).cloned().collect();
    assert!(!ours.is_empty(), "{cells:?}");
    assert_eq!(cell(&ours, Some("MR01"), Some("police"), Some("arbitrary_arrest"))["count"], 7);
    assert_eq!(cell(&ours, Some("MR01"), Some("military"), Some("arbitrary_arrest"))["count"], 6);
    assert!(cell(&ours, Some("MR01"), Some("police"), Some("torture_ill_treatment"))["count"].is_null());

    assert!(cell(&ours, None, None, Some("torture_ill_treatment"))["count"].is_null());
    assert_eq!(
        cell(&ours, Some("MR01"), Some("prison"), Some("arbitrary_arrest"))["count"],
        0,
        "fixed cells"
    );
    for c in &cells {
        let n = c["count"].as_u64();
        assert!(n.is_none_or(|n| n == 0 || n >= 5), "a count under k shows: {c}");
    }
    // Every row with a hidden cell hides at least two of its entries (cells and total), and so
    // does every act's column: no hidden count is one subtraction away.
    let hidden_in = |f: &dyn Fn(&Value) -> bool| ours.iter().filter(|c| f(c) && c["count"].is_null()).count();
    for kind in ["police", "military"] {
        let n = hidden_in(&|c| c["area"] == "MR01" && c["institution"] == kind);
        assert!(n == 0 || n >= 2, "{kind}: {n} hidden");
    }
    assert!(hidden_in(&|c| c["act"] == "torture_ill_treatment") >= 2);

    assert!(shared("officer@fund.example").await.is_empty(), "violations are shared only when named");
    assert!(shared("liaison@police.example").await.is_empty());
    assert!(shared("admin@youth.example").await.is_empty());

    // Released once, frozen: a violation verified later in that quarter changes nothing shared.
    document("torture_ill_treatment", "police", 3, quarter).await;
    assert_eq!(shared("analyst@net.example").await, cells);
    let trail = app.store.org_audit(&obs.id, 200).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "violations.shared"), "the owner sees each use");

    let t = app.login("analyst@net.example").await;
    let (s, v) = app.send("GET", "/api/v1/shared/violations?quarters=0", Some(&t), None).await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("quarters")));

    // The public statistics of the older quarter, published after its shared table, hide every
    // entry that table hid: a partner who pools both, and knows what the other observatories
    // documented, learns nothing it was not shown.
    let (s, public) = app.send("GET", &format!("/api/v1/public/violations?period={old}"), None, None).await;
    assert_eq!(s, 200, "{public}");
    let public = public["cells"].as_array().unwrap();
    let shared_old: Vec<&Value> = cells.iter().filter(|c| c["quarter"] == old.to_string().as_str()).collect();
    let hidden_shared: Vec<&&Value> =
        shared_old.iter().filter(|c| c["count"].is_null() && !c["area"].is_null()).collect();
    assert!(hidden_shared.len() >= 2, "{shared_old:?}");
    for h in hidden_shared {
        let p = public
            .iter()
            .find(|p| p["area"] == h["area"] && p["institution"] == h["institution"] && p["act"] == h["act"])
            .unwrap_or_else(|| panic!("no public cell for {h}"));
        assert!(p["count"].is_null(), "hidden in the shared table, shown in public: {p}");
    }
}

/// Under an agreement in records mode that names violations, a partner gets the owner's verified
/// violations one by one, de-identified: area at the agreed level, month at most, no unit, no
/// sex or age, no names (protected, the victims', the source's, the targeted organisation's,
/// however they are written); never a violation not yet verified.
async fn violations_cross_one_by_one_only_under_a_records_agreement(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let network = app.create_org("Lakes Region Peacebuilding Network", OrgKind::International).await;
    let fund = app.create_org("Human Security Partnership Fund", OrgKind::International).await;
    for (org, email, role) in [
        (&obs, "amina@obs.example", Role::Coordinator),
        (&obs, "bello@obs.example", Role::Coordinator),
        (&network, "analyst@net.example", Role::Member),
        (&fund, "officer@fund.example", Role::Member),
    ] {
        app.create_user(org, email, role, false).await;
    }
    let amina = app.login("amina@obs.example").await;
    let bello = app.login("bello@obs.example").await;
    let (s, _) = app
        .send("POST", "/api/v1/protected-names", Some(&amina), Some(json!({"name": "Fatou Ndiaye"})))
        .await;
    assert_eq!(s, 201);
    let day = Utc::now().date_naive() - Duration::days(3);
    let document = |body: Value, verify: bool| {
        let (app, amina, bello) = (&app, amina.clone(), bello.clone());
        async move {
            let (s, v) = app.send("POST", "/api/v1/violations", Some(&amina), Some(body)).await;
            assert_eq!(s, 201, "{v}");
            let id = v["id"].as_str().unwrap().to_owned();
            if verify {
                let (s, _) =
                    app.send("POST", &format!("/api/v1/violations/{id}/verify"), Some(&bello), None).await;
                assert_eq!(s, 200);
            }
            id
        }
    };
    document(
        json!({"area": "MR0101", "occurred_on": day.to_string(), "act": "arbitrary_arrest",
            "institution": "Kumba Central Police", "institution_kind": "police", "unit": "Night patrol 3",
            "victims": {"total": 2, "women": 1, "girls": 1, "status": "still_detained"},
            "victim_names": "Halima Okafor; Idris Okafor", "victim_names_consent": true,
            "source_kind": "witness", "source_identity": "Moussa the baker",
            "description": "HALIMA OKAFOR and her niece taken at the market; Moussa the baker saw it; \
                Ｆａｔｏｕ Ｎｄｉａｙｅ called us"}),
        true,
    )
    .await;
    document(
        json!({"area": "MR0102", "occurred_on": day.to_string(), "date_precision": "year",
            "act": "threat_to_defender", "institution": "Unknown group", "institution_kind": "armed_group",
            "victims": {"total": 1, "group": "organisation"}, "targeted_org": "Kumba Women's Peace Network",
            "description": "Kumba Women’s Peace Network office received a threat"}),
        true,
    )
    .await;
    document(
        json!({"area": "MR0101", "occurred_on": day.to_string(), "act": "extortion",
            "institution": "Road checkpoint", "institution_kind": "police", "victims": {"total": 1},
            "description": "not verified yet"}),
        false,
    )
    .await;

    // The fund's records agreement names reports only; the network's names violations.
    for (partner, kinds) in [(&network, json!(["violations"])), (&fund, json!(["reports"]))] {
        let body = json!({"partner_org": partner.id, "mode": "records", "area_level": "admin1", "k": 5,
            "kinds": kinds});
        let (s, v) = app.send("POST", "/api/v1/sharing-agreements", Some(&amina), Some(body)).await;
        assert_eq!(s, 201, "{v}");
    }
    let records = |email: &'static str| {
        let app = &app;
        async move {
            let t = app.login(email).await;
            let (s, v) = app.send("GET", "/api/v1/shared/violation-records?quarters=4", Some(&t), None).await;
            assert_eq!(s, 200, "{v}");
            v["records"].as_array().unwrap().clone()
        }
    };
    let got = records("analyst@net.example").await;
    assert_eq!(got.len(), 2, "only verified violations cross: {got:?}");
    let arrest = got.iter().find(|r| r["act"] == "arbitrary_arrest").unwrap();
    assert_eq!(arrest["area"], "MR01", "the area at the agreed level");
    assert_eq!(arrest["when"], day.format("%Y-%m").to_string(), "the month, not the day");
    assert_eq!((&arrest["institution_kind"], &arrest["victims"]), (&json!("police"), &json!(2)));
    assert_eq!(arrest["victims_status"], "still_detained");
    let threat = got.iter().find(|r| r["act"] == "threat_to_defender").unwrap();
    assert_eq!(threat["when"], day.format("%Y").to_string(), "a year stays a year");
    let text = serde_json::to_string(&got).unwrap();
    for secret in [
        "Halima",
        "HALIMA",
        "Okafor",
        "Idris",
        "Moussa",
        "Fatou",
        "Ｆａｔｏｕ",
        "Kumba Women",
        "Night patrol",
        "Kumba Central",
        "women",
        "girls",
        "not verified yet",
    ] {
        assert!(!text.contains(secret), "{secret:?} crossed: {text}");
    }
    assert!(got.iter().all(|r| r.get("id").is_none() && r.get("documented_by").is_none()));

    assert!(records("officer@fund.example").await.is_empty(), "violations cross only when named");
    let t = app.login("analyst@net.example").await;
    let (s, v) = app.send("GET", "/api/v1/shared/violation-records?quarters=13", Some(&t), None).await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("quarters")));
    let trail = app.store.org_audit(&obs.id, 200).await.unwrap();
    assert!(trail.iter().any(|e| e.action == "violations.records.read"), "the owner sees each use");
    let scrubs = trail.iter().filter(|e| e.action == "violation.scrub").count();
    assert_eq!(scrubs, 2, "each sealed name or source opened for the scrubber is audited, once a reading");
}
