//! Protecting those who speak: contacts sealed at rest whatever the channel (the raw SQLite file
//! and a PostgreSQL dump are searched for them), readable only by coordinators with every reading
//! audited; erasure that leaves an audit event and no content; retention and purge; export;
//! key rotation from the command line; security headers on every kind of response.
use std::process::Command;

use serde_json::{json, Value};
use tandem_domain::seal::{Binding, Keyring, Purpose};
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, spawn_app_with, Backend, TestApp};

use super::ew::setup_areas;

both!(
    contacts_are_sealed_read_by_coordinators_and_audited,
    erasure_retention_and_export,
    rotate_key_reencrypts_everything
);

const CONTACTS: [&str; 4] =
    ["+237 611 222 333", "witness.one@mail.example", "+237 644 555 666", "+237 655 777 888"];
const NAME: &str = "Halima Okafor-Mensah";

/// Everything the database holds, as text: the SQLite file and its log, or a pg_dump.
pub(super) fn raw_database(app: &TestApp) -> String {
    match app.backend {
        Backend::Sqlite => {
            let path = app.db.url.trim_start_matches("sqlite://").to_owned();
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Backend::Postgres => {
            let pg_dump = std::fs::read_dir("/usr/lib/postgresql")
                .ok()
                .and_then(|mut d| d.next())
                .and_then(|e| e.ok())
                .map(|e| e.path().join("bin/pg_dump"))
                .filter(|p| p.exists())
                .unwrap_or_else(|| "pg_dump".into());
            let out = Command::new(pg_dump).args(["--data-only", "--dbname", &app.db.url]).output().unwrap();
            assert!(out.status.success(), "pg_dump: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8(out.stdout).unwrap()
        }
    }
}

async fn org_with_people(app: &TestApp) -> (tandem_store::Org, String, String, String) {
    setup_areas(app).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&org, "member@kwpn.example", Role::Member, false).await;
    app.create_user(&org, "coordinator@kwpn.example", Role::Coordinator, false).await;
    app.create_user(&org, "admin@kwpn.example", Role::Admin, false).await;
    let member = app.login("member@kwpn.example").await;
    let coord = app.login("coordinator@kwpn.example").await;
    let admin = app.login("admin@kwpn.example").await;
    (org, member, coord, admin)
}

async fn contacts_are_sealed_read_by_coordinators_and_audited(b: Backend) {
    let app = spawn_app(b).await;
    let (org, member, coord, admin) = org_with_people(&app).await;

    // Contacts arrive through the API, the public intake page, an SMS and a held SMS.
    let body = |contact: &str| json!({"area": "MR0101", "category": "gbv", "severity": 2, "occurred_at": "2026-11-02", "description": "Harassment at the water point, reported by a neighbour", "reporter_contact": contact});
    let (s, v) = app.send("POST", "/api/v1/reports", Some(&member), Some(body(CONTACTS[0]))).await;
    assert_eq!(s, 201, "{v}");
    assert!(v.get("reporter_contact").is_none() && v["has_reporter_contact"] == true);
    let api_report = v["id"].as_str().unwrap().to_owned();
    let r = app.http.get(app.url("/intake/kwpn")).send().await.unwrap();
    let csrf_cookie = r.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let html = r.text().await.unwrap();
    let i = html.find("name=\"_csrf\" value=\"").unwrap() + 20;
    let csrf = html[i..].split('"').next().unwrap().to_owned();
    let r = app
        .http
        .post(app.url("/intake/kwpn"))
        .header("cookie", csrf_cookie)
        .form(&[
            ("_csrf", csrf.as_str()),
            ("area", "MR0101"),
            ("category", "gbv"),
            ("severity", "2"),
            ("occurred_at", "2026-11-02"),
            ("description", "Threats against the women's group"),
            ("reporter_contact", CONTACTS[1]),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let secret = "sms_test_secret";
    app.store
        .create_sms_gateway(
            &org.id,
            &tandem_web::password::token_hash(secret),
            tandem_domain::audit::NewAuditEvent::new("x"),
        )
        .await
        .unwrap();
    for (text, from) in
        [("GBV MR0101 harassment at the market", CONTACTS[2]), ("gibberish without keywords", CONTACTS[3])]
    {
        let r = app
            .http
            .post(app.url("/api/v1/intake/sms"))
            .header("x-sms-secret", secret)
            .json(&json!({"from": from, "text": text}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 202);
    }
    let (s, _) = app.send("POST", "/api/v1/protected-names", Some(&coord), Some(json!({"name": NAME}))).await;
    assert_eq!(s, 201);
    app.state.alert_worker.flush().await;

    // Not one of them is in the database in plain text, while ordinary text is (so the search
    // does see the data).
    let raw = raw_database(&app);
    assert!(raw.contains("Harassment at the water point"), "the search must see stored text");
    for secret in CONTACTS.iter().copied().chain([NAME, "611 222 333", "witness.one"]) {
        assert!(!raw.contains(secret), "{secret:?} is stored in plain text");
    }
    let raw_sms = app.store.list_sms_inbox(&org.id, 10).await.unwrap();
    assert!(raw_sms[0].has_sender);

    // Coordinators read contacts; each reading is audited by name; members may not; the contact
    // never appears in a report.
    let (s, v) = app.send("GET", &format!("/api/v1/reports/{api_report}/contact"), Some(&coord), None).await;
    assert_eq!((s, v["contact"].as_str()), (200, Some(CONTACTS[0])), "{v}");
    let (s, _) = app.send("GET", &format!("/api/v1/reports/{api_report}/contact"), Some(&member), None).await;
    assert_eq!(s, 403);
    let (_, v) = app.send("GET", "/api/v1/me", Some(&coord), None).await;
    let coord_id = v["user"]["id"].as_str().unwrap().to_owned();
    let (_, audit) = app.send("GET", "/api/v1/audit", Some(&admin), None).await;
    let reads: Vec<&Value> =
        audit["events"].as_array().unwrap().iter().filter(|e| e["action"] == "report.contact.read").collect();
    assert_eq!(reads.len(), 1, "{audit}");
    assert_eq!(
        (reads[0]["actor_id"].as_str(), reads[0]["subject"].as_str()),
        (Some(coord_id.as_str()), Some(api_report.as_str()))
    );
    assert!(
        !audit.to_string().contains(CONTACTS[0]) && !audit.to_string().contains(NAME),
        "the audit log names who read what, not the contact"
    );
    let (_, v) = app.send("GET", "/api/v1/reports", Some(&coord), None).await;
    assert!(!v.to_string().contains(CONTACTS[0]) && !v.to_string().contains(CONTACTS[1]));
    let (_, v) = app.send("GET", "/api/v1/reports?limit=10", Some(&coord), None).await;
    let sms_report = v["reports"].as_array().unwrap().iter().find(|r| r["channel"] == "sms").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, v) = app.send("GET", &format!("/api/v1/reports/{sms_report}/contact"), Some(&coord), None).await;
    assert_eq!(v["contact"].as_str(), Some(CONTACTS[2]), "an SMS report's contact is its sender");
    let (_, v) = app.send("GET", "/api/v1/sms-inbox", Some(&coord), None).await;
    assert!(!v.to_string().contains(CONTACTS[3]), "the inbox does not list senders: {v}");
    let held = v["messages"][0]["id"].as_str().unwrap().to_owned();
    let (_, v) = app.send("GET", &format!("/api/v1/sms-inbox/{held}/sender"), Some(&coord), None).await;
    assert_eq!(v["sender"].as_str(), Some(CONTACTS[3]));

    // The page: a POST shows the contact once, to coordinators; a GET of the page does not.
    let (_, page) = app.get(&format!("/reports/{api_report}"), Some(&coord)).await;
    assert!(!page.contains(CONTACTS[0]) && page.contains(&format!("/reports/{api_report}/contact")));
    let r = app
        .http
        .post(app.url(&format!("/reports/{api_report}/contact")))
        .bearer_auth(&coord)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains(CONTACTS[0]));
    let (_, page) = app.get(&format!("/reports/{api_report}"), Some(&member)).await;
    assert!(!page.contains("/contact\""), "members get no button");

    // A ciphertext copied onto another report does not open there.
    let (_, v) = app.send("GET", "/api/v1/reports?limit=10", Some(&coord), None).await;
    let victim = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["has_reporter_contact"] == false)
        .map(|r| r["id"].as_str().unwrap().to_owned());
    if let Some(victim) = victim {
        app.raw_sql(&format!(
            "UPDATE reports SET reporter_contact = (SELECT reporter_contact FROM reports WHERE id = '{api_report}'), \
             contact_key = (SELECT contact_key FROM reports WHERE id = '{api_report}') WHERE id = '{victim}'"
        ))
        .await;
        let (s, v) = app.send("GET", &format!("/api/v1/reports/{victim}/contact"), Some(&coord), None).await;
        assert_eq!(s, 409, "a moved ciphertext is refused, not shown: {v}");
        assert!(!v.to_string().contains(CONTACTS[0]));
    }
}

async fn erasure_retention_and_export(b: Backend) {
    let app = spawn_app(b).await;
    let (org, member, coord, admin) = org_with_people(&app).await;
    let mut ids = vec![];
    for (i, contact) in [Some("+237 690 000 001"), None, Some("+237 690 000 003")].into_iter().enumerate() {
        let mut body = json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": "2026-11-02", "description": format!("Unique erasable text number {i}")});
        if let Some(c) = contact {
            body["reporter_contact"] = json!(c);
        }
        let (s, v) = app.send("POST", "/api/v1/reports", Some(&member), Some(body)).await;
        assert_eq!(s, 201);
        ids.push(v["id"].as_str().unwrap().to_owned());
    }

    // Erasure: gone for good, an audit event without content remains.
    assert_eq!(app.send("DELETE", &format!("/api/v1/reports/{}", ids[0]), Some(&member), None).await.0, 403);
    assert_eq!(app.send("DELETE", &format!("/api/v1/reports/{}", ids[0]), Some(&coord), None).await.0, 204);
    assert_eq!(app.send("GET", &format!("/api/v1/reports/{}", ids[0]), Some(&coord), None).await.0, 404);
    assert_eq!(app.send("DELETE", &format!("/api/v1/reports/{}", ids[0]), Some(&coord), None).await.0, 404);
    let (_, audit) = app.send("GET", "/api/v1/audit", Some(&admin), None).await;
    let erased: Vec<&Value> =
        audit["events"].as_array().unwrap().iter().filter(|e| e["action"] == "report.erase").collect();
    assert_eq!(
        (erased.len(), erased[0]["subject"].as_str(), erased[0]["detail"].as_str()),
        (1, Some(ids[0].as_str()), Some("null"))
    );
    app.state.alert_worker.flush().await;
    let raw = raw_database(&app);
    assert!(raw.contains("Unique erasable text number 1"), "the search must see stored text");
    assert!(!raw.contains("Unique erasable text number 0"), "erased text is not left in the database file");
    // The page form: erasure must be confirmed.
    let r = app
        .http
        .post(app.url(&format!("/reports/{}/erase", ids[1])))
        .bearer_auth(&coord)
        .form(&[("x", "y")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = app
        .http
        .post(app.url(&format!("/reports/{}/erase", ids[1])))
        .bearer_auth(&coord)
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
        (303, "/reports?done=report-erased")
    );

    // Retention: admins set it (bounds checked), everyone reads it, purge applies it.
    for (body, field) in [
        (json!({"contact_days": 3, "dismissed_days": 30}), "contact_days"),
        (json!({"contact_days": 30, "dismissed_days": 99999}), "dismissed_days"),
    ] {
        let (s, v) = app.send("PUT", "/api/v1/retention", Some(&admin), Some(body)).await;
        assert_eq!((s, v["error"]["field"].as_str()), (422, Some(field)), "{v}");
    }
    assert_eq!(
        app.send(
            "PUT",
            "/api/v1/retention",
            Some(&coord),
            Some(json!({"contact_days": 30, "dismissed_days": 30}))
        )
        .await
        .0,
        403
    );
    let (s, v) = app
        .send(
            "PUT",
            "/api/v1/retention",
            Some(&admin),
            Some(json!({"contact_days": 30, "dismissed_days": 30})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        app.send("GET", "/api/v1/retention", Some(&member), None).await.1,
        json!({"contact_days": 30, "dismissed_days": 30})
    );
    // Age the last report beyond the contact period; dismiss a new one and age its dismissal.
    let (_, v) = app.send("POST", "/api/v1/reports", Some(&member), Some(json!({"area": "MR0101", "category": "crime", "severity": 1, "occurred_at": "2026-11-02", "description": "To be dismissed"}))).await;
    let dismissed = v["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.send("POST", &format!("/api/v1/reports/{dismissed}/dismiss"), Some(&coord), None).await.0,
        200
    );
    let old = "2026-01-01T00:00:00.000000Z";
    let ts = if b == Backend::Sqlite { format!("'{old}'") } else { format!("'{old}'::timestamptz") };
    app.raw_sql(&format!("UPDATE reports SET created_at = {ts} WHERE id = '{}'", ids[2])).await;
    app.raw_sql(&format!("UPDATE reports SET status_at = {ts} WHERE id = '{dismissed}'")).await;
    let (s, v) = app.send("POST", "/api/v1/retention/purge", Some(&admin), None).await;
    assert_eq!((s, v["contacts"].as_u64(), v["dismissed_reports"].as_u64()), (200, Some(1), Some(1)), "{v}");
    let (_, v) = app.send("GET", &format!("/api/v1/reports/{}", ids[2]), Some(&coord), None).await;
    assert_eq!(v["has_reporter_contact"], false, "the old contact is gone, the report stays");
    assert_eq!(app.send("GET", &format!("/api/v1/reports/{dismissed}"), Some(&coord), None).await.0, 404);
    let (s, v) = app.send("POST", "/api/v1/retention/purge", Some(&admin), None).await;
    assert_eq!((s, v["contacts"].as_u64(), v["dismissed_reports"].as_u64()), (200, Some(0), Some(0)));

    // Export by admins: JSON lines of every kind, CSV with a header; no contact, no name.
    app.send("POST", "/api/v1/protected-names", Some(&coord), Some(json!({"name": NAME}))).await;
    let (s, jsonl) = app.get("/api/v1/export.jsonl", Some(&admin)).await;
    assert_eq!(s, 200);
    let lines: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: std::collections::BTreeSet<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    for k in ["organisation", "member", "report", "audit_event"] {
        assert!(kinds.contains(k), "{k} missing from {kinds:?}");
    }
    assert_eq!(lines.iter().filter(|l| l["kind"] == "report").count(), 1, "one report is left");
    assert!(lines.iter().all(|l| l["kind"] != "organisation" || l["id"] == org.id.as_str()));
    assert!(!jsonl.contains("+237 690") && !jsonl.contains(NAME), "contacts and protected names stay");
    let (s, csv) = app.get("/api/v1/export/reports.csv", Some(&admin)).await;
    assert_eq!(s, 200);
    assert!(csv.starts_with("id,area,category,severity,occurred_at"), "{csv}");
    assert_eq!(csv.lines().count(), 2);
    assert_eq!(app.get("/api/v1/export.jsonl", Some(&coord)).await.0, 403);

    // The command line does the same, with every file written.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "export",
            "--org",
            org.id.as_str(),
            "--out",
            dir.path().to_str().unwrap(),
            "--database-url",
            &app.db.url,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reports_csv = std::fs::read_to_string(dir.path().join("reports.csv")).unwrap();
    assert_eq!(reports_csv.lines().count(), 2);
    let all = std::fs::read_to_string(dir.path().join("tandem-export.jsonl")).unwrap();
    assert!(all.lines().count() >= lines.len());
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "export",
            "--org",
            "nope",
            "--out",
            dir.path().to_str().unwrap(),
            "--database-url",
            &app.db.url,
        ])
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--org"));
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["admin", "purge", "--database-url", &app.db.url])
        .output()
        .unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains(org.id.as_str()),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn rotate_key_reencrypts_everything(b: Backend) {
    let app = spawn_app(b).await;
    let (org, member, coord, _) = org_with_people(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("tandem.key");
    std::fs::write(&key_file, app.state.keys.to_file_text()).unwrap();
    let first_key = app.state.keys.current_id().to_owned();
    for c in ["+237 680 000 001", "+237 680 000 002"] {
        let body = json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": "2026-11-02", "description": "x", "reporter_contact": c});
        assert_eq!(app.send("POST", "/api/v1/reports", Some(&member), Some(body)).await.0, 201);
    }
    app.send("POST", "/api/v1/protected-names", Some(&coord), Some(json!({"name": NAME}))).await;
    // A contact written before encryption existed: plain text, no key.
    let (_, v) = app.send("POST", "/api/v1/reports", Some(&member), Some(json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": "2026-11-02", "description": "legacy"}))).await;
    let legacy = v["id"].as_str().unwrap().to_owned();
    app.raw_sql(&format!(
        "UPDATE reports SET reporter_contact = '+237 680 000 009', contact_key = NULL WHERE id = '{legacy}'"
    ))
    .await;
    let pass = tandem_web::protection::secrets::reseal(app.store.as_ref(), &app.state.keys, false, |_| {})
        .await
        .unwrap();
    assert_eq!((pass.sealed, pass.unreadable), (1, 0), "the start-up pass seals plain text only");
    assert!(!raw_database(&app).contains("680 000 009"));

    let tandem = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(args)
            .args(["--database-url", &app.db.url, "--key-file", key_file.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let out = tandem(&["admin", "rotate-key"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("re-encrypted 4 values"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let ring = Keyring::parse(&std::fs::read_to_string(&key_file).unwrap()).unwrap();
    assert_eq!(ring.ids().len(), 2, "the old key stays until retired");
    assert_ne!(ring.current_id(), first_key);
    let uses = app.store.key_use().await.unwrap();
    assert!(uses.iter().all(|u| u.key_id.as_deref() == Some(ring.current_id())), "{uses:?}");
    // Every value opens under the new key, bound to its record.
    let mut opened = vec![];
    for p in Purpose::ALL {
        for s in app.store.secrets_page(p, None, 100).await.unwrap() {
            let sealed = s.sealed().unwrap();
            opened.push(
                ring.retain(|_| false)
                    .open(&sealed, &Binding { purpose: p, org: &s.org_id, record: &s.id })
                    .unwrap(),
            );
        }
    }
    opened.sort();
    assert_eq!(opened, ["+237 680 000 001", "+237 680 000 002", "+237 680 000 009", NAME]);
    let out = tandem(&["admin", "rotate-key", "--retire"]);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("dropped 1 unused keys"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        Keyring::parse(&std::fs::read_to_string(&key_file).unwrap()).unwrap().ids(),
        vec![ring.current_id()]
    );
    let _ = org;
}

#[tokio::test]
async fn security_headers_on_every_kind_of_response() {
    let app =
        spawn_app_with(Backend::Sqlite, tandem_web::WebConfig { hsts: true, ..Default::default() }).await;
    let (_, member, _, admin) = org_with_people(&app).await;
    for (path, token) in [
        ("/", Some(&member)),
        ("/login", None),
        ("/intake/kwpn", None),
        ("/api/v1/me", Some(&member)),
        ("/api/v1/me", None),
        ("/api/v1/no-such-route", Some(&member)),
        ("/no-such-page", None),
        ("/static/style.css", None),
        ("/api/v1/export.jsonl", Some(&admin)),
        ("/shared", Some(&member)),
    ] {
        let mut rb = app.http.get(app.url(path));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        let r = rb.send().await.unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe"),
            "{path}: {csp}"
        );
        assert_eq!(
            (h["referrer-policy"].to_str().unwrap(), h["x-content-type-options"].to_str().unwrap()),
            ("no-referrer", "nosniff"),
            "{path}"
        );
        assert!(
            h["strict-transport-security"].to_str().unwrap().starts_with("max-age="),
            "{path}: HSTS behind TLS"
        );
    }
    // The public intake page fetches nothing from other hosts and runs no script.
    let (_, html) = app.get("/intake/kwpn", None).await;
    assert!(!html.contains("<script") && !html.contains("style="), "{html}");
    for attr in ["src=\"", "href=\"", "action=\""] {
        for part in html.split(attr).skip(1) {
            let target = part.split('"').next().unwrap();
            assert!(
                target.starts_with('/') && !target.starts_with("//") || target.starts_with('#'),
                "{attr}{target} leaves the site"
            );
        }
    }
}
