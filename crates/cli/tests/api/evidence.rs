//! The observatory's sealed details and evidence files: victims' names only with consent, the
//! source's identity and every file sealed at rest (the SQLite file, a PostgreSQL dump and the
//! storage folder are searched for known plaintexts); members add, only coordinators open, every
//! opening audited; the stored file opens with Debian's `age` command byte for byte; a clean copy
//! has no metadata; a refused upload leaves nothing behind.
use std::process::Command;

use age::secrecy::ExposeSecret;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, spawn_app_with, Backend, TestApp};

both!(
    evidence_and_sealed_details_are_sealed_opened_by_coordinators_and_audited,
    refused_uploads_leave_nothing,
    pages_add_evidence_and_open_sealed_details
);

const NAMES: &str = "Aissatou Mbarga-Ndjock";
const SOURCE: &str = "the Kumba market chief's nephew";
const GPS: &str = "GPSLatitude 4.6364N Artist Halima Okafor";
const MARKER: &[u8] = b"EVIDENCE-PLAINTEXT-7f3a";

/// A JPEG whose EXIF names a place and a person, with a picture body full of a known marker.
fn photo() -> Vec<u8> {
    let seg = |marker: u8, body: &[u8]| {
        let mut v = vec![0xFF, marker];
        v.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        v.extend_from_slice(body);
        v
    };
    let mut j = vec![0xFF, 0xD8];
    j.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    j.extend(seg(0xE1, format!("Exif\0\0{GPS}").as_bytes()));
    j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    for _ in 0..20_000 {
        j.extend_from_slice(MARKER);
    }
    j.extend([0xFF, 0xD9]);
    j
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

async fn upload(app: &TestApp, token: &str, violation: &str, bytes: Vec<u8>) -> (u16, Value) {
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("Halima at the checkpoint.jpg"));
    let r = app
        .http
        .post(app.url(&format!("/api/v1/violations/{violation}/evidence")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn get_bytes(app: &TestApp, token: &str, path: &str) -> (u16, Vec<u8>) {
    let r = app.http.get(app.url(path)).bearer_auth(token).send().await.unwrap();
    (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
}

fn body() -> Value {
    json!({
        "area": "MR0101", "occurred_on": "2026-07-19", "act": "torture_ill_treatment",
        "institution": "Kumba Central Police Station", "institution_kind": "police",
        "victims": {"total": 1, "women": 1}, "description": "Beaten in custody after a market protest",
        "victim_names": NAMES, "victim_names_consent": true,
        "source_kind": "witness", "source_knowledge": "direct", "source_reliability": "usually_reliable",
        "source_identity": SOURCE
    })
}

/// Runs Debian's `age` to decrypt `file` with `identity`: what a court would do.
fn age_decrypt(identity: &str, file: &std::path::Path) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("identity.txt");
    std::fs::write(&key, format!("{identity}\n")).unwrap();
    let out = Command::new("age")
        .args(["--decrypt", "--identity"])
        .arg(&key)
        .arg(file)
        .output()
        .expect("Debian's `age` command (apt install age; scripts/test installs it)");
    assert!(out.status.success(), "age: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

async fn evidence_and_sealed_details_are_sealed_opened_by_coordinators_and_audited(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    let police = app.create_org("Kumba Central Police Station", OrgKind::Security).await;
    app.create_user(&obs, "field@obs.example", Role::Member, false).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    app.create_user(&police, "chief@police.example", Role::Admin, false).await;
    let (field, amina, chief) = (
        app.login("field@obs.example").await,
        app.login("amina@obs.example").await,
        app.login("chief@police.example").await,
    );

    // Names only with consent, said beside the field.
    let mut no_consent = body();
    no_consent["victim_names_consent"] = json!(false);
    let (s, e) = app.send("POST", "/api/v1/violations", Some(&field), Some(no_consent)).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("victim_names_consent")), "{e}");
    let (s, v) = app.send("POST", "/api/v1/violations", Some(&field), Some(body())).await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(
        (v["has_victim_names"].as_bool(), v["has_source_identity"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(
        v["source"],
        json!({"kind": "witness", "knowledge": "direct", "reliability": "usually_reliable"})
    );
    assert!(v.get("victim_names").is_none() && !v.to_string().contains(NAMES), "never in the record");
    let id = v["id"].as_str().unwrap().to_owned();

    // The sealed details: coordinators of the organisation only, each opening audited.
    let sealed = format!("/api/v1/violations/{id}/sealed");
    assert_eq!(app.send("GET", &sealed, Some(&field), None).await.0, 403, "a member cannot open them");
    assert_eq!(app.send("GET", &sealed, Some(&chief), None).await.0, 404, "another organisation's");
    let (s, d) = app.send("GET", &sealed, Some(&amina), None).await;
    assert_eq!(s, 200, "{d}");
    assert_eq!((d["victim_names"].as_str(), d["source_identity"].as_str()), (Some(NAMES), Some(SOURCE)));

    // A member adds a photo; the custody record starts with its SHA-256.
    let original = photo();
    let digest = hex::encode(Sha256::digest(&original));
    let (s, e) = upload(&app, &field, &id, original.clone()).await;
    assert_eq!(s, 201, "{e}");
    assert_eq!((e["kind"].as_str(), e["sha256"].as_str()), (Some("photo"), Some(digest.as_str())));
    assert_eq!(e["size"].as_u64(), Some(original.len() as u64));
    let eid = e["id"].as_str().unwrap().to_owned();
    assert_eq!(upload(&app, &chief, &id, original.clone()).await.0, 404, "not onto another's violation");
    let (s, e) = upload(&app, &field, &id, b"#!/bin/sh\nrm -rf /\n".to_vec()).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("file")), "only photos, PDFs, sound and video");

    let file = |copy: &str| format!("/api/v1/violations/{id}/evidence/{eid}?copy={copy}");
    assert_eq!(get_bytes(&app, &field, &file("original")).await.0, 403, "a member cannot open evidence");
    assert_eq!(get_bytes(&app, &chief, &file("original")).await.0, 404);
    assert_eq!(
        app.send("GET", &format!("/api/v1/violations/{id}/evidence"), Some(&chief), None).await.0,
        404
    );
    let (s, back) = get_bytes(&app, &amina, &file("original")).await;
    assert_eq!(s, 200);
    assert!(back == original, "the original comes back byte for byte");
    let (s, clean) = get_bytes(&app, &amina, &file("clean")).await;
    assert_eq!(s, 200);
    assert!(clean.starts_with(&[0xFF, 0xD8]) && clean.windows(MARKER.len()).any(|w| w == MARKER));
    assert!(!String::from_utf8_lossy(&clean).contains("GPSLatitude"), "no EXIF in the clean copy");
    assert!(!String::from_utf8_lossy(&clean).contains("Halima"));
    assert_eq!(app.send("GET", &file("whole"), Some(&amina), None).await.0, 422);

    // The sealed copy and the stored file both open with Debian's `age` and the identity
    // `tandem admin evidence-identity` prints.
    let (s, sealed_copy) = get_bytes(&app, &amina, &file("sealed")).await;
    assert_eq!(s, 200);
    assert!(sealed_copy.starts_with(b"age-encryption.org/v1\n"), "a standard age file");
    let keys = &app.state.keys;
    let identity = keys.evidence_identity(keys.current_id(), obs.id.as_str()).unwrap();
    let identity = identity.to_string().expose_secret().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let copy_path = dir.path().join("evidence.jpg.age");
    std::fs::write(&copy_path, &sealed_copy).unwrap();
    assert!(age_decrypt(&identity, &copy_path) == original, "the sealed copy decrypts byte-identical");
    let stored = files_under(&app.evidence_dir);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(age_decrypt(&identity, &stored[0]) == original, "the stored file decrypts byte-identical");
    let others = keys.evidence_identity(keys.current_id(), police.id.as_str()).unwrap();
    let police_key = dir.path().join("police.txt");
    std::fs::write(&police_key, format!("{}\n", others.to_string().expose_secret())).unwrap();
    let out = Command::new("age").arg("-d").arg("-i").arg(&police_key).arg(&stored[0]).output().unwrap();
    assert!(!out.status.success(), "another organisation's identity opens nothing");

    // The chain of custody: the upload, then each opening with its copy.
    let (s, list) = app.send("GET", &format!("/api/v1/violations/{id}/evidence"), Some(&field), None).await;
    assert_eq!(s, 200, "{list}");
    let steps: Vec<(String, Option<String>)> = list["evidence"][0]["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["action"].as_str().unwrap().to_owned(), c["copy"].as_str().map(str::to_owned)))
        .collect();
    let expected: Vec<(String, Option<String>)> = [
        ("evidence.upload", None),
        ("evidence.open", Some("original")),
        ("evidence.open", Some("clean")),
        ("evidence.open", Some("sealed")),
    ]
    .into_iter()
    .map(|(a, c)| (a.to_owned(), c.map(str::to_owned)))
    .collect();
    assert_eq!(steps, expected);
    assert_eq!(list["evidence"][0]["sha256"].as_str(), Some(digest.as_str()));
    let trail: Vec<String> =
        app.store.org_audit(&obs.id, 200).await.unwrap().into_iter().map(|e| e.action).collect();
    for a in ["violation.names.read", "violation.source.read"] {
        assert!(trail.iter().any(|t| t == a), "{a} audited: {trail:?}");
    }

    // Nothing readable at rest: not the database, not a dump, not the storage folder.
    let db = super::protection::raw_database(&app);
    let marker = String::from_utf8_lossy(MARKER).into_owned();
    for secret in [NAMES, SOURCE, GPS, "Halima", marker.as_str()] {
        assert!(!db.contains(secret), "{secret:?} is in the database");
    }
    for path in files_under(&app.evidence_dir) {
        let raw = std::fs::read(&path).unwrap();
        for secret in [NAMES.as_bytes(), SOURCE.as_bytes(), GPS.as_bytes(), b"Halima", MARKER] {
            assert!(!raw.windows(secret.len()).any(|w| w == secret), "plaintext in {}", path.display());
        }
    }
}

async fn refused_uploads_leave_nothing(b: Backend) {
    let config = tandem_web::WebConfig { max_evidence_bytes: 100_000, ..Default::default() };
    let app = spawn_app_with(b, config).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    app.create_user(&obs, "field@obs.example", Role::Member, false).await;
    let field = app.login("field@obs.example").await;
    let (_, v) = app.send("POST", "/api/v1/violations", Some(&field), Some(body())).await;
    let id = v["id"].as_str().unwrap();
    let (s, e) = upload(&app, &field, id, photo()).await;
    assert_eq!((s, e["error"]["code"].as_str()), (413, Some("payload_too_large")), "{e}");
    assert!(e["error"]["message"].as_str().unwrap().contains("limit of 97 KB"), "{e}");
    let (s, e) = upload(&app, &field, id, vec![]).await;
    assert_eq!((s, e["error"]["field"].as_str()), (422, Some("file")), "{e}");
    // A body with no file part at all.
    let r = app
        .http
        .post(app.url(&format!("/api/v1/violations/{id}/evidence")))
        .bearer_auth(&field)
        .multipart(reqwest::multipart::Form::new().text("note", "no file"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    // Not a multipart body at all: 415 in the error contract (found by schemathesis).
    let (s, e) = app
        .send("POST", &format!("/api/v1/violations/{id}/evidence"), Some(&field), Some(json!({"file": "x"})))
        .await;
    assert_eq!((s, e["error"]["code"].as_str()), (415, Some("unsupported_media_type")), "{e}");
    let (s, list) = app.send("GET", &format!("/api/v1/violations/{id}/evidence"), Some(&field), None).await;
    assert_eq!((s, list["evidence"].as_array().map(Vec::len)), (200, Some(0)));
    assert!(
        files_under(&app.evidence_dir).is_empty(),
        "no part file left: {:?}",
        files_under(&app.evidence_dir)
    );
}

/// On the pages, with a browser's session cookie: the upload form carries its CSRF token in its
/// address (the body is a stream of file bytes); without it the upload is refused. Errors sit
/// beside the file field in the page's language; names and source open on a page of their own.
async fn pages_add_evidence_and_open_sealed_details(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let obs = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    app.create_user(&obs, "field@obs.example", Role::Member, false).await;
    app.create_user(&obs, "amina@obs.example", Role::Coordinator, false).await;
    let field = app.login("field@obs.example").await;
    let (_, v) = app.send("POST", "/api/v1/violations", Some(&field), Some(body())).await;
    let id = v["id"].as_str().unwrap().to_owned();
    let cookie = super::attacks::browser_session(&app, "field@obs.example").await;
    let page = |cookie: String, path: String, lang: &'static str| {
        let app = &app;
        async move {
            let r = app
                .http
                .get(app.url(&path))
                .header("cookie", cookie)
                .header("accept-language", lang)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (s, html) = page(cookie.clone(), format!("/violations/{id}"), "en").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("enctype=\"multipart/form-data\"") && html.contains("No evidence files yet"),
        "{html}"
    );
    assert!(html.contains("are kept encrypted") && html.contains("Only coordinators can open them"));
    assert!(!html.contains("Show names and source"), "a member is not offered the opening");
    let action = html.split("enctype=\"multipart/form-data\"").next().unwrap();
    let action = action.rsplit("action=\"").next().unwrap().split('"').next().unwrap().replace("&amp;", "&");
    assert!(action.contains("_csrf="), "{action}");
    let post = |path: String, bytes: Vec<u8>, lang: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes));
            app.http
                .post(app.url(&path))
                .header("cookie", cookie)
                .header("accept-language", lang)
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = post(format!("/violations/{id}/evidence"), photo()[..2000].to_vec(), "en").await;
    assert_eq!(r.status(), 403, "no token, no upload");
    let r = post(action.clone(), b"just some text".to_vec(), "fr").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"err-file\"") && html.contains("n’est ni une photo"), "{html}");
    let r = post(action.clone(), photo(), "en").await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().contains("done=violation-done-evidence"));
    let (_, html) = page(cookie.clone(), format!("/violations/{id}"), "ar").await;
    assert!(html.contains("سلسلة الحيازة") && html.contains("صورة"), "the file in words: {html}");
    assert!(!html.contains("/original\""), "a member is not offered the original");
    let (_, list) = app.send("GET", &format!("/api/v1/violations/{id}/evidence"), Some(&field), None).await;
    let eid = list["evidence"][0]["id"].as_str().unwrap().to_owned();
    let open_sealed = |cookie: String| {
        let app = &app;
        let id = id.clone();
        async move {
            let html = app
                .http
                .get(app.url(&format!("/violations/{id}")))
                .header("cookie", &cookie)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let csrf = crate::browser::hidden_csrf(&html);
            let r = app
                .http
                .post(app.url(&format!("/violations/{id}/sealed")))
                .header("cookie", &cookie)
                .form(&[("_csrf", csrf.as_str())])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    assert_eq!(open_sealed(cookie.clone()).await.0, 403, "a member cannot open them");
    assert_eq!(page(cookie.clone(), format!("/violations/{id}/evidence/{eid}/original"), "en").await.0, 403);

    let coordinator = super::attacks::browser_session(&app, "amina@obs.example").await;
    let (_, html) = page(coordinator.clone(), format!("/violations/{id}"), "en").await;
    assert!(
        html.contains(&format!("/violations/{id}/evidence/{eid}/clean"))
            && html.contains("Show names and source")
    );
    assert_eq!(
        page(coordinator.clone(), format!("/violations/{id}/sealed"), "en").await.0,
        405,
        "never by a link"
    );
    let (s, html) = open_sealed(coordinator.clone()).await;
    assert_eq!(s, 200);
    assert!(
        html.contains(NAMES)
            && html.contains("the Kumba market chief")
            && html.contains("recorded with your name"),
        "{html}"
    );
    let r = app
        .http
        .get(app.url(&format!("/violations/{id}/evidence/{eid}/clean")))
        .header("cookie", &coordinator)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains("-clean.jpg"));
    assert_eq!(r.headers()["content-type"], "application/octet-stream", "a download, never rendered");
    let clean = r.bytes().await.unwrap();
    assert!(!String::from_utf8_lossy(&clean).contains("GPSLatitude"));
    assert_eq!(
        page(coordinator.clone(), format!("/violations/{id}/evidence/{eid}/whole"), "en").await.0,
        404
    );
    let (_, html) = page(coordinator, format!("/violations/{id}"), "en").await;
    assert!(html.contains("Copy without metadata opened by amina"), "custody in words: {html}");
}
