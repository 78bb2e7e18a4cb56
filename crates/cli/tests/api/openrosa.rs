//! OpenRosa as ODK Collect uses it, driven the way Collect drives it: a field team's app-user
//! link (and a member's bearer token), the form list with `formID`, the form, the pre-flight,
//! multipart submissions with photos, re-sends after a lost answer, split uploads, and the
//! answers a phone needs to stop retrying.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::reqwest::multipart::{Form, Part};
use tandem_testkit::{both, reqwest, spawn_app, spawn_app_with, Backend, TestApp};

both!(odk_collect_round_trip, field_teams_and_their_phones, big_photos_and_the_limit);

const LIMIT: &str = "26214400";

fn instance(id: &str, area: &str, description: &str, photo: Option<&str>) -> String {
    let day = chrono::Utc::now().date_naive();
    let photo = photo.map(|p| format!("<photo>{p}</photo>")).unwrap_or_else(|| "<photo/>".into());
    format!(
        r#"<?xml version="1.0"?><data id="tandem_report" version="x"><area>{area}</area><category>displacement</category><severity>3</severity><occurred>{day}</occurred><description>{description}</description><contact>+237 699 000 000</contact>{photo}<meta><instanceID>{id}</instanceID></meta></data>"#
    )
}

/// A photo-like file: a JPEG header and a pattern nobody could find in a ciphertext by chance.
fn photo(len: usize) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0];
    b.extend((0..len).map(|i| b"TANDEM-PHOTO-"[i % 13]));
    b
}

pub struct Part_ {
    name: &'static str,
    file: Option<&'static str>,
    bytes: Vec<u8>,
    mime: &'static str,
}

/// POSTs a multipart submission as Collect does: the instance first, then the files.
pub async fn send(app: &TestApp, path: &str, xml: &str, parts: Vec<Part_>) -> reqwest::Response {
    let mut form = Form::new().part(
        "xml_submission_file",
        Part::bytes(xml.as_bytes().to_vec()).file_name("submission.xml").mime_str("text/xml").unwrap(),
    );
    for p in parts {
        let mut part = Part::bytes(p.bytes).mime_str(p.mime).unwrap();
        if let Some(f) = p.file {
            part = part.file_name(f);
        }
        form = form.part(p.name, part);
    }
    app.http.post(app.url(path)).header("x-openrosa-version", "1.0").multipart(form).send().await.unwrap()
}

fn file(name: &'static str, bytes: Vec<u8>) -> Part_ {
    Part_ { name, file: Some(name), bytes, mime: "image/jpeg" }
}

async fn reports_of(app: &TestApp, org: &tandem_store::Org) -> Vec<tandem_store::Report> {
    app.store
        .list_reports(&org.id, &tandem_store::ReportFilter { limit: 50, ..Default::default() })
        .await
        .unwrap()
}

/// A field team's access, made through the API as a coordinator would.
async fn team(app: &TestApp, coordinator: &str) -> (String, String) {
    let (s, v) =
        app.send("POST", "/api/v1/app-users", Some(coordinator), Some(json!({"name": "Market team"}))).await;
    assert_eq!(s, 201, "{v}");
    (v["token"].as_str().unwrap().to_owned(), v["server_url"].as_str().unwrap().to_owned())
}

async fn odk_collect_round_trip(b: Backend) {
    let app = spawn_app(b).await;
    let platform = crate::ew::setup_areas(&app).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&org, "coordinator@interfaith.example", Role::Coordinator, false).await;
    app.create_user(&org, "field@interfaith.example", Role::Member, false).await;
    let coordinator = app.login("coordinator@interfaith.example").await;
    let member = app.login("field@interfaith.example").await;
    let (token, server_url) = team(&app, &coordinator).await;
    assert_eq!(server_url, app.url(&format!("/openrosa/key/{token}")));
    let key = |p: &str| format!("/openrosa/key/{token}{p}");

    // The form list: on the configured address whatever Host the request names, with formID.
    let r = app.http.get(app.url(&key("/formList"))).header("host", "evil.example").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        (
            r.headers()["x-openrosa-version"].to_str().unwrap(),
            r.headers()["x-openrosa-accept-content-length"].to_str().unwrap()
        ),
        ("1.0", LIMIT)
    );
    let list = r.text().await.unwrap();
    assert!(list.contains("<formID>tandem_report</formID>") && list.contains("<hash>md5:"), "{list}");
    let url = list.split("<downloadUrl>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_eq!(url, app.url(&key("/forms/tandem_report.xml")), "never the request's Host");
    let version = list.split("<version>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let only = app
        .http
        .get(app.url(&key("/formList?formID=tandem_report")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(only.contains("<formID>tandem_report</formID>"));
    let none = app
        .http
        .get(app.url(&key("/formList?formID=another_form")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!none.contains("<xform>"), "formID filters: {none}");

    // The form: the server's rules as constraints, so the phone refuses what the server would.
    let form = app.http.get(&url).send().await.unwrap().text().await.unwrap();
    for needle in [
        r#"<data id="tandem_report""#,
        "<value>MR0101</value>",
        ". &lt;= today()",
        "string-length(.) &lt;= 4000",
        r#"type="binary""#,
        "jr:preload=\"uid\"",
    ] {
        assert!(form.contains(needle), "{needle} in {form}");
    }
    assert!(form.contains(&format!("version=\"{version}\"")));
    // A new area changes the form's version, so phones fetch it again.
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/areas",
            Some(&platform),
            Some(json!({"code": "MR0103", "name": "Port Amsel", "level": "admin2", "parent_code": "MR01"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let list2 = app.http.get(app.url(&key("/formList"))).send().await.unwrap().text().await.unwrap();
    let version2 = list2.split("<version>").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_ne!(version, version2, "the choices changed");

    // A member's session token is no field team's link; a bearer header still serves scripts.
    let r = app.http.get(app.url(&format!("/openrosa/key/{member}/formList"))).send().await.unwrap();
    assert_eq!(r.status(), 401, "a session token in a URL opens nothing");
    assert_eq!(r.headers()["x-openrosa-accept-content-length"], LIMIT);
    let r = app.http.get(app.url("/openrosa/formList")).bearer_auth(&member).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let r = app.http.head(app.url(&key("/submission"))).send().await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["x-openrosa-accept-content-length"].to_str().unwrap()),
        (204, LIMIT)
    );

    // A filled form with a photo arrives once, however often it is sent.
    let xml = instance(
        "uuid:7",
        "MR0101",
        "Families arriving from the north\nabout forty people",
        Some("1700.jpg"),
    );
    let r = send(&app, &key("/submission"), &xml, vec![file("1700.jpg", photo(300_000))]).await;
    assert_eq!(r.status(), 201);
    assert_eq!(r.headers()["x-openrosa-accept-content-length"], LIMIT);
    assert!(r.text().await.unwrap().contains("OpenRosaResponse"));
    for _ in 0..2 {
        let r = send(&app, &key("/submission"), &xml, vec![file("1700.jpg", photo(300_000))]).await;
        assert_eq!(r.status(), 202, "a re-send after a lost answer is a success, not a new report");
    }
    let reports = reports_of(&app, &org).await;
    assert_eq!(reports.len(), 1, "one report");
    let rep = &reports[0];
    assert_eq!(
        (rep.channel.as_str(), rep.area.as_str(), rep.has_reporter_contact),
        ("openrosa", "MR0101", true)
    );
    assert_eq!(rep.description, "Families arriving from the north\nabout forty people", "line breaks kept");
    // The same instanceID with another body is refused, and writes nothing.
    let other = instance("uuid:7", "MR0102", "Something else", None);
    let r = send(&app, &key("/submission"), &other, vec![]).await;
    assert_eq!(r.status(), 409);
    assert_eq!(reports_of(&app, &org).await.len(), 1);

    // The photo is stored sealed, and a coordinator gets it back as it was sent.
    let files = app.store.attachments(&org.id, &rep.id).await.unwrap();
    assert_eq!(files.len(), 1);
    let (_, sealed) = app.store.attachment(&org.id, &rep.id, &files[0].id).await.unwrap();
    assert!(!sealed.data.windows(13).any(|w| w == b"TANDEM-PHOTO-"), "the photo is not in the clear");
    let (s, v) =
        app.send("GET", &format!("/api/v1/reports/{}/attachments", rep.id), Some(&member), None).await;
    assert_eq!((s, v["attachments"][0]["name"].as_str()), (200, Some("1700.jpg")), "{v}");
    let path = format!("/api/v1/reports/{}/attachments/{}", rep.id, files[0].id);
    let r = app.http.get(app.url(&path)).bearer_auth(&member).send().await.unwrap();
    assert_eq!(r.status(), 403, "members see that a file exists, coordinators open it");
    let r = app.http.get(app.url(&path)).bearer_auth(&coordinator).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        (r.headers()["cache-control"].to_str().unwrap(), r.headers()["content-type"].to_str().unwrap()),
        ("no-store", "image/jpeg")
    );
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(r.bytes().await.unwrap().to_vec(), photo(300_000));
    let audit = app.store.org_audit(&org.id, 20).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "attachment.read"), "the opening is audited");

    // A split upload (Collect's answer to a size limit): one report, every file.
    let xml = instance("uuid:9", "MR0101", "Market stalls burnt", Some("a.jpg"));
    let incomplete = Part_ { name: "*isIncomplete*", file: None, bytes: b"yes".to_vec(), mime: "text/plain" };
    let r = send(&app, &key("/submission"), &xml, vec![file("a.jpg", photo(1000)), incomplete]).await;
    assert_eq!(r.status(), 201);
    let r = send(&app, &key("/submission"), &xml, vec![file("b.jpg", photo(2000))]).await;
    assert_eq!(r.status(), 202);
    let reports = reports_of(&app, &org).await;
    assert_eq!(reports.len(), 2);
    let split = reports.iter().find(|r| r.description == "Market stalls burnt").unwrap();
    let names: Vec<String> =
        app.store.attachments(&org.id, &split.id).await.unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["a.jpg", "b.jpg"]);
    // Once the last part is in, the report takes no more files, whoever holds the instanceID.
    let r = send(&app, &key("/submission"), &xml, vec![file("c.jpg", photo(3000))]).await;
    assert_eq!(r.status(), 202);
    assert_eq!(
        app.store.attachments(&org.id, &split.id).await.unwrap().len(),
        2,
        "a finished report is closed"
    );

    // A file that could carry script (SVG, HTML) comes back as bytes, never as a page.
    let xml = instance("uuid:14", "MR0101", "A drawing", Some("d.svg"));
    let svg = Part_ {
        name: "d.svg",
        file: Some("d.svg"),
        bytes: b"<svg onload=alert(1)/>".to_vec(),
        mime: "image/svg+xml",
    };
    assert_eq!(send(&app, &key("/submission"), &xml, vec![svg]).await.status(), 201);
    let drawing = reports_of(&app, &org).await.into_iter().find(|r| r.description == "A drawing").unwrap();
    let f = &app.store.attachments(&org.id, &drawing.id).await.unwrap()[0];
    let path = format!("/api/v1/reports/{}/attachments/{}", drawing.id, f.id);
    let r = app.http.get(app.url(&path)).bearer_auth(&coordinator).send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "application/octet-stream");

    // What the server refuses, it says so (4xx), and the form refuses on the phone first.
    let ahead = (chrono::Utc::now() + chrono::Duration::days(3)).date_naive();
    let future = instance("uuid:10", "MR0101", "x", None)
        .replace(&chrono::Utc::now().date_naive().to_string(), &ahead.to_string());
    for (bad, status) in [
        (instance("uuid:11", "ZZ99", "x", None), 400),
        (future, 400),
        (instance("uuid:12", "MR0101", &"x".repeat(4001), None), 400),
        ("<data id=\"tandem_report\"><area>MR0101</area>".to_owned(), 400),
        // A form the team was not given is not found, as ODK Central answers.
        ("<data id=\"another_form\"></data>".to_owned(), 404),
    ] {
        let r = send(&app, &key("/submission"), &bad, vec![]).await;
        assert_eq!(r.status(), status, "{bad}");
        assert_eq!(r.headers()["x-openrosa-accept-content-length"], LIMIT);
    }
    assert_eq!(reports_of(&app, &org).await.len(), 3, "bad submissions wrote nothing");
    // A member may still submit with a bearer token; the report is theirs.
    let r = app
        .http
        .post(app.url("/openrosa/submission"))
        .bearer_auth(&member)
        .multipart(Form::new().part(
            "xml_submission_file",
            Part::bytes(instance("uuid:13", "MR0102", "By a member", None).into_bytes()).file_name("s.xml"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

async fn field_teams_and_their_phones(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    let other = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&org, "coordinator@interfaith.example", Role::Coordinator, false).await;
    app.create_user(&other, "admin@police.example", Role::Admin, false).await;
    let coordinator = app.login("coordinator@interfaith.example").await;
    let police = app.login("admin@police.example").await;
    let (token, _) = team(&app, &coordinator).await;
    let (s, v) = app.send("GET", "/api/v1/app-users", Some(&coordinator), None).await;
    assert_eq!(s, 200);
    let id = v["app_users"][0]["id"].as_str().unwrap().to_owned();
    assert!(!v.to_string().contains(&token), "the token is shown once, never listed");

    // The QR code on the page is Collect's own settings format, pointing at this team's link.
    let cookie = crate::attacks::browser_session(&app, "coordinator@interfaith.example").await;
    let page =
        app.http.get(app.url("/field")).header("cookie", &cookie).send().await.unwrap().text().await.unwrap();
    let csrf = page.split("name=\"_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = app
        .http
        .post(app.url("/field"))
        .header("cookie", &cookie)
        .form(&[("_csrf", csrf.as_str()), ("name", "Road team")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let html = r.text().await.unwrap();
    assert!(html.contains("<svg") && html.contains("Access ready for Road team"), "{html}");
    let link =
        html.split("<code class=\"link\">").nth(1).unwrap().split('<').next().unwrap().replace("&#x2f;", "/");
    let road = link.rsplit('/').next().unwrap().to_owned();
    assert!(road.starts_with("tda_"), "{link}");

    // Another organisation cannot revoke it; the coordinator can, and only that phone stops.
    let (s, _) = app.send("DELETE", &format!("/api/v1/app-users/{id}"), Some(&police), None).await;
    assert_eq!(s, 404);
    let (s, _) = app.send("DELETE", &format!("/api/v1/app-users/{id}"), Some(&coordinator), None).await;
    assert_eq!(s, 204);
    let r = app.http.get(app.url(&format!("/openrosa/key/{token}/formList"))).send().await.unwrap();
    assert_eq!(r.status(), 401, "revoked");
    let r = send(
        &app,
        &format!("/openrosa/key/{token}/submission"),
        &instance("uuid:1", "MR0101", "x", None),
        vec![],
    )
    .await;
    assert_eq!(r.status(), 401, "a revoked phone cannot submit");
    let r = app.http.get(app.url(&format!("/openrosa/key/{road}/formList"))).send().await.unwrap();
    assert_eq!(r.status(), 200, "the other team goes on");
    // A team's reports are its organisation's, never another's.
    let r = send(
        &app,
        &format!("/openrosa/key/{road}/submission"),
        &instance("uuid:2", "MR0101", "Road blocked", None),
        vec![],
    )
    .await;
    assert_eq!(r.status(), 201);
    assert_eq!(reports_of(&app, &org).await.len(), 1);
    assert!(reports_of(&app, &other).await.is_empty());
}

async fn big_photos_and_the_limit(b: Backend) {
    let config = tandem_web::WebConfig { max_submission_bytes: 3 * 1024 * 1024, ..Default::default() };
    let app = spawn_app_with(b, config).await;
    crate::ew::setup_areas(&app).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&org, "coordinator@interfaith.example", Role::Coordinator, false).await;
    let coordinator = app.login("coordinator@interfaith.example").await;
    let (token, _) = team(&app, &coordinator).await;
    let path = format!("/openrosa/key/{token}/submission");
    let r = app.http.head(app.url(&path)).send().await.unwrap();
    assert_eq!(r.headers()["x-openrosa-accept-content-length"], "3145728", "the configured limit");
    // Over the old 1 MiB cut-off, under the limit: read to the end and filed.
    let xml = instance("uuid:big", "MR0101", "Damage at the bridge", Some("big.jpg"));
    let r = send(&app, &path, &xml, vec![file("big.jpg", photo(2_500_000))]).await;
    assert_eq!(r.status(), 201);
    let rep = &reports_of(&app, &org).await[0];
    assert_eq!(app.store.attachments(&org.id, &rep.id).await.unwrap()[0].size, 2_500_004);
    // Over the limit: 413, nothing written.
    let xml = instance("uuid:huge", "MR0101", "Too big", Some("huge.jpg"));
    let form = Form::new()
        .part("xml_submission_file", Part::bytes(xml.into_bytes()).file_name("s.xml"))
        .part("huge.jpg", Part::bytes(photo(4_000_000)).file_name("huge.jpg"));
    match app.http.post(app.url(&path)).multipart(form).send().await {
        Ok(r) => assert_eq!(r.status(), 413),
        // The server stops reading at its limit; a client still writing may see the connection
        // close before the 413. Either way nothing is stored (below).
        Err(e) => assert!(e.is_request(), "{e}"),
    }
    assert_eq!(reports_of(&app, &org).await.len(), 1);
}
