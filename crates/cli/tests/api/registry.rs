//! The registry, capacity map and funding register end to end, both backends: profiles seen as
//! each organisation chose (a hidden one nowhere: not listed, not endorsed in view, not counted
//! in the gaps); endorsements given and withdrawn by coordinators and shown with who gave them;
//! the gap analysis; grants with the six-month flag; an IATI file exported and checked against
//! the IATI 2.03 schema by xmllint, imported back, and a bad file refused whole with its line.
use serde_json::{json, Value};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, TestApp};

both!(the_registry_shows_what_each_organisation_chose);
both!(grants_go_out_and_come_back_as_iati_activities);

fn profile(visibility: &str, areas: &[&str], activities: &[&str]) -> Value {
    json!({"mission": "Peace and safety for women and girls, with the police.", "areas": areas,
           "activities": activities, "visibility": visibility, "languages": ["en", "fr"],
           "values": ["non_violence", "human_rights", "gender_sensitivity", "independence", "inclusion"],
           "competencies": ["mediation"], "constituency": ["on_the_ground"]})
}

async fn coordinator(app: &TestApp, name: &str, email: &str, women: bool, youth: bool) -> (String, String) {
    let flags = tandem_domain::org::OrgFlags { women_led: women, youth_led: youth, minority_led: false };
    let new = tandem_store::NewOrg {
        name: tandem_domain::org::OrgName::parse(name).unwrap(),
        kind: OrgKind::CivilSociety,
        flags,
    };
    let org =
        app.store.create_org(&new, tandem_domain::audit::NewAuditEvent::new("org.create")).await.unwrap();
    app.create_user(&org, email, Role::Coordinator, false).await;
    (org.id.to_string(), app.login(email).await)
}

fn names(v: &Value) -> Vec<String> {
    v["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["org_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_registry_shows_what_each_organisation_chose(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let (kwpn, amina) =
        coordinator(&app, "Kumba Women's Peace Network", "amina@kwpn.example", true, false).await;
    let (youth, yaw) = coordinator(&app, "Lakeside Youth Forum", "yaw@youth.example", false, true).await;
    let (hidden, h) = coordinator(&app, "Threatened Defenders", "h@defenders.example", true, true).await;
    let (s, v) = app
        .send(
            "PUT",
            "/api/v1/registry/profile",
            Some(&amina),
            Some(profile("public", &["MR01"], &["monitoring"])),
        )
        .await;
    assert_eq!((s, v["visibility"].as_str()), (200, Some("public")), "{v}");
    let (s, v) = app
        .send("PUT", "/api/v1/registry/profile", Some(&amina), Some(profile("everyone", &["MR01"], &[])))
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("visibility")), "{v}");
    let (s, v) = app
        .send("PUT", "/api/v1/registry/profile", Some(&amina), Some(profile("public", &["ZZ9"], &[])))
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("areas")), "{v}");
    app.send(
        "PUT",
        "/api/v1/registry/profile",
        Some(&yaw),
        Some(profile("members", &["MR0101"], &["capacity_building"])),
    )
    .await;
    app.send(
        "PUT",
        "/api/v1/registry/profile",
        Some(&h),
        Some(profile("hidden", &["MR0102"], &["assessment"])),
    )
    .await;

    let (_, public) = app.send("GET", "/api/v1/registry", None, None).await;
    assert_eq!(names(&public), ["Kumba Women's Peace Network"]);
    assert_eq!(public["organisations"][0]["meets_criteria"], true);
    let (_, member) = app.send("GET", "/api/v1/registry", Some(&amina), None).await;
    assert_eq!(names(&member), ["Kumba Women's Peace Network", "Lakeside Youth Forum"]);
    assert_eq!(app.send("GET", &format!("/api/v1/registry/{hidden}"), Some(&amina), None).await.0, 404);
    assert_eq!(app.send("GET", &format!("/api/v1/registry/{youth}"), None, None).await.0, 404);

    // Endorsements: given by coordinators, shown with who gave them; withdrawn by the giver.
    let path = format!("/api/v1/registry/{youth}/endorsements");
    let (s, e) = app.send("POST", &path, Some(&amina), Some(json!({"note": "We train together."}))).await;
    assert_eq!((s, e["endorser_name"].as_str()), (201, Some("Kumba Women's Peace Network")), "{e}");
    assert_eq!(app.send("POST", &path, Some(&amina), Some(json!({}))).await.0, 409, "once per pair");
    assert_eq!(
        app.send("POST", &format!("/api/v1/registry/{kwpn}/endorsements"), Some(&amina), Some(json!({})))
            .await
            .0,
        404
    );
    // The hidden organisation vouches for the network: nobody outside it sees that it did.
    let (s, _) =
        app.send("POST", &format!("/api/v1/registry/{kwpn}/endorsements"), Some(&h), Some(json!({}))).await;
    assert_eq!(s, 201);
    let (_, k) = app.send("GET", &format!("/api/v1/registry/{kwpn}"), Some(&yaw), None).await;
    assert_eq!(k["endorsed_by"].as_array().unwrap().len(), 0, "{k}");
    let (_, y) = app.send("GET", &format!("/api/v1/registry/{youth}"), Some(&yaw), None).await;
    assert_eq!(y["endorsed_by"][0]["note"], "We train together.");
    let revoke = format!("/api/v1/registry/endorsements/{}/revoke", e["id"].as_str().unwrap());
    assert_eq!(app.send("POST", &revoke, Some(&yaw), None).await.0, 404, "only the giver withdraws");
    assert_eq!(app.send("POST", &revoke, Some(&amina), None).await.0, 200);
    let (_, y) = app.send("GET", &format!("/api/v1/registry/{youth}"), Some(&yaw), None).await;
    assert!(y["endorsed_by"].as_array().unwrap().is_empty());

    // The gaps, counted over what each caller may see: the hidden women- and youth-led group in
    // MR0102 counts for itself alone.
    let (s, g) = app.send("GET", "/api/v1/registry/gaps", None, None).await;
    assert_eq!(s, 200, "{g}");
    assert_eq!(g["areas_without_women_led"], json!([]), "the network covers MR01's districts");
    assert_eq!(g["areas_without_youth_led"], json!(["MR0101", "MR0102"]), "the youth forum is members-only");
    assert_eq!(
        g["activities_without_actor"],
        json!(["capacity_building", "assessment", "planning", "implementation"])
    );
    let (_, g) = app.send("GET", "/api/v1/registry/gaps?area=MR0101", Some(&amina), None).await;
    assert_eq!(g["areas_without_youth_led"], json!(["MR0102"]));
    assert_eq!(g["activities_without_actor"], json!(["assessment", "planning", "implementation"]));
    let (_, g) = app.send("GET", "/api/v1/registry/gaps", Some(&h), None).await;
    assert_eq!(g["areas_without_youth_led"], json!([]), "it sees itself and the members' forum: {g}");
    let (s, g) = app.send("GET", "/api/v1/registry/gaps?area=XX", None, None).await;
    assert_eq!((s, g["error"]["field"].as_str()), (422, Some("area")));
    let (_, lines) = app.send("GET", "/api/v1/registry/capacity", None, None).await;
    let lines = lines["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(
        (lines[0]["org_name"].as_str(), lines[0]["activity"].as_str()),
        (Some("Kumba Women's Peace Network"), Some("monitoring"))
    );
}

/// The IATI 2.03 activity schema, installed by `scripts/iati_schema.sh` (the suite runs it).
fn schema() -> String {
    let path = std::env::var("TANDEM_IATI_SCHEMA").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/iati/2-03/iati-activities-schema.xsd").into()
    });
    assert!(std::path::Path::new(&path).exists(), "no IATI schema at {path}: run scripts/iati_schema.sh");
    path
}

async fn grants_go_out_and_come_back_as_iati_activities(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let (kwpn, amina) =
        coordinator(&app, "Kumba Women's Peace Network", "amina@kwpn.example", true, false).await;
    let (_, fund) = coordinator(&app, "Lakeside Fund", "grants@lakeside.example", false, false).await;
    for t in [&amina, &fund] {
        app.send("PUT", "/api/v1/registry/profile", Some(t), Some(profile("public", &["MR01"], &[]))).await;
    }
    let grant = |title: &str, start: &str, end: &str| {
        json!({"funder": "Lakeside Fund", "recipient": "kumba women's  peace network", "title": title, "band": "10k_50k",
               "start": start, "end": end, "areas": ["MR0101"], "activities": ["implementation"]})
    };
    let (s, g) = app
        .send(
            "POST",
            "/api/v1/grants",
            Some(&fund),
            Some(grant("Safety audits & forums", "2026-01-01", "2026-06-30")),
        )
        .await;
    assert_eq!(
        (s, g["short"].as_bool(), g["recipient_org"].as_str()),
        (201, Some(true), Some(kwpn.as_str())),
        "{g}"
    );
    let (s, _) = app
        .send(
            "POST",
            "/api/v1/grants",
            Some(&fund),
            Some(grant("Three years of dialogue", "2026-01-01", "2028-12-31")),
        )
        .await;
    assert_eq!(s, 201);
    let (s, v) = app
        .send("POST", "/api/v1/grants", Some(&fund), Some(grant("Backwards", "2026-06-01", "2026-01-01")))
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("end")), "{v}");
    // The fund's record of a grant to the network does not place the network anywhere.
    let (_, g) = app.send("GET", "/api/v1/registry/gaps?area=MR0101", None, None).await;
    let (_, lines) = app.send("GET", "/api/v1/registry/capacity", None, None).await;
    assert!(
        g["activities_without_actor"].as_array().unwrap().contains(&json!("implementation")),
        "{g} {lines}"
    );
    // A recipient the fund may not see is not matched: the answer is the same as for a name
    // nobody has, and tells nothing of the hidden organisation.
    let (_, h) = coordinator(&app, "Threatened Defenders", "h@defenders.example", true, false).await;
    app.send("PUT", "/api/v1/registry/profile", Some(&h), Some(profile("hidden", &["MR01"], &[]))).await;
    for name in ["Threatened Defenders", "Nobody At All"] {
        let mut b = grant("Shelter", "2026-01-01", "2027-12-31");
        b["recipient"] = json!(name);
        let (s, v) = app.send("POST", "/api/v1/grants", Some(&fund), Some(b)).await;
        assert_eq!((s, v["recipient_org"].clone()), (201, Value::Null), "{name}: {v}");
        let path = format!("/api/v1/grants/{}", v["id"].as_str().unwrap());
        assert_eq!(app.send("DELETE", &path, Some(&fund), None).await.0, 204);
    }

    let r = app.http.get(app.url("/api/v1/grants/iati")).send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "application/xml; charset=utf-8");
    let xml = r.text().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("activities.xml");
    std::fs::write(&file, &xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema", &schema()])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "xmllint: {}\n{xml}", String::from_utf8_lossy(&out.stderr));
    assert!(xml.contains("Safety audits &amp; forums") && xml.contains(r#"code="band:10k_50k""#), "{xml}");

    // The network imports the file: two activities, both kept; again: replaced, not doubled.
    let import = |body: String| {
        let (h, u) = (amina.clone(), app.url("/api/v1/grants/iati"));
        let http = app.http.clone();
        async move {
            let r = http
                .post(u)
                .bearer_auth(h)
                .header("content-type", "application/xml")
                .body(body)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let (s, v) = import(xml.clone()).await;
    assert_eq!((s, v["imported"].as_u64()), (201, Some(2)), "{v}");
    // Recorded by the network itself, the programmes put it in MR0101 doing implementation.
    let (_, g) = app.send("GET", "/api/v1/registry/gaps?area=MR0101", None, None).await;
    assert!(!g["activities_without_actor"].as_array().unwrap().contains(&json!("implementation")), "{g}");
    import(xml.clone()).await;
    let (_, all) = app.send("GET", "/api/v1/grants", None, None).await;
    let all = all["grants"].as_array().unwrap();
    assert_eq!(all.len(), 4, "two recorded by the fund, two imported once by the network");
    let mine: Vec<&Value> = all.iter().filter(|g| g["org_id"] == kwpn.as_str()).collect();
    let audit = mine.iter().find(|g| g["title"] == "Safety audits & forums").unwrap();
    assert_eq!(
        (audit["start"].as_str(), audit["end"].as_str(), audit["band"].as_str(), audit["areas"].clone()),
        (Some("2026-01-01"), Some("2026-06-30"), Some("10k_50k"), json!(["MR0101"]))
    );
    assert!(audit["iati_id"].as_str().unwrap().starts_with("XI-TANDEM-"), "{audit}");

    // A file with one bad activity is refused whole, naming its line and field.
    let bad = xml.replacen("iso-date=\"2028-12-31\"", "iso-date=\"soon\"", 1);
    let lines: Vec<&str> = bad.lines().collect();
    let title = lines.iter().position(|l| l.contains("Three years of dialogue")).unwrap();
    let starts = lines[..title].iter().rposition(|l| l.contains("<iati-activity ")).unwrap() + 1;
    let (s, v) = import(bad.clone()).await;
    assert_eq!(s, 422, "{v}");
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains(&format!("line {starts}: activity 2")) && msg.contains("end must be a date"),
        "{msg}"
    );
    let (s, v) = import("<html>not iati</html>".into()).await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("file")), "{v}");
    // One identifier twice in a file: refused, not silently merged.
    let first = &xml[xml.find(" <iati-activity ").unwrap()..xml.find(" </iati-activity>").unwrap() + 18];
    let twice = xml.replacen(first, &format!("{first}{first}"), 1);
    let (s, v) = import(twice).await;
    assert!(s == 422 && v["error"]["message"].as_str().unwrap().contains("repeats the identifier"), "{v}");
    // The network disputes the fund's record of a grant to it: it may remove it.
    let funds = all.iter().find(|g| g["org_id"] != kwpn.as_str()).unwrap();
    let path = format!("/api/v1/grants/{}", funds["id"].as_str().unwrap());
    assert_eq!(app.send("DELETE", &path, Some(&amina), None).await.0, 204);
    let (_, after) = app.send("GET", "/api/v1/grants", None, None).await;
    assert_eq!(after["grants"].as_array().unwrap().len(), 3, "nothing of a refused file is kept");
}
