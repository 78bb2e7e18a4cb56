//! Crash safety: a real `tandem serve` takes a sustained stream of reports from several clients
//! and is killed with SIGKILL at a random moment; after each kill, every report whose POST was
//! acknowledged (201) must be in the database as sent, the database must be intact (SQLite's
//! integrity_check; PostgreSQL's amcheck on every index and table), and the audit chain must
//! verify. `TANDEM_CRASH_ROUNDS` sets the rounds (2 in the test suite; bench/crash.sh runs 20).
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::Rng;
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::org::OrgFlags;
use tandem_domain::{Email, OrgKind, OrgName, Role};
use tandem_store::{NewOrg, NewUser};
use tandem_testkit::{both, fresh_db, open, Backend, PASSWORD};

both!(acknowledged_reports_survive_sigkill);

fn start(url: &str, key_file: &str) -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", url, "--key-file", key_file])
        .env("TANDEM_LOG_LEVEL", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");
    (child, base)
}

async fn acknowledged_reports_survive_sigkill(b: Backend) {
    let rounds: usize = std::env::var("TANDEM_CRASH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(2);
    let db = fresh_db(b).await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("tandem.key");
    std::fs::write(&key_file, tandem_domain::seal::Keyring::generate("crash").to_file_text()).unwrap();
    let key_file = key_file.to_str().unwrap().to_owned();
    // The world: one organisation, one member, one area.
    let org = {
        let store = open(b, &db.url).await;
        let org = store
            .create_org(
                &NewOrg {
                    name: OrgName::parse("Crash Test Network").unwrap(),
                    kind: OrgKind::CivilSociety,
                    flags: OrgFlags::default(),
                },
                NewAuditEvent::new("org.create"),
            )
            .await
            .unwrap();
        let hash = tandem_web::password::hash_password(secrecy::SecretString::from(PASSWORD.to_owned()))
            .await
            .unwrap();
        let user = store
            .create_user(
                &NewUser {
                    email: Email::parse("field@crash.example").unwrap(),
                    display_name: "Field".into(),
                    password_hash: hash,
                    platform_admin: false,
                },
                NewAuditEvent::new("user.create"),
            )
            .await
            .unwrap();
        store.add_member(&org.id, &user.id, Role::Member, NewAuditEvent::new("member.add")).await.unwrap();
        let area = |code: &str, level, parent: Option<&str>| tandem_store::NewArea {
            code: tandem_domain::area::PCode::parse(code).unwrap(),
            name: code.into(),
            level,
            parent: parent.map(|p| tandem_domain::area::PCode::parse(p).unwrap()),
            geometry: None,
        };
        use tandem_domain::area::AreaLevel::*;
        store
            .create_areas(
                &[area("CR", Country, None), area("CR01", Admin1, Some("CR"))],
                NewAuditEvent::new("areas"),
            )
            .await
            .unwrap();
        org
    };

    let http = tandem_testkit::reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let mut total_acked = 0;
    for round in 0..rounds {
        let (mut child, base) = start(&db.url, &key_file);
        let r = http
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"email": "field@crash.example", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        let token = r.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
        // (id, description) of every report whose POST was answered 201.
        let acked: Arc<Mutex<Vec<(String, String)>>> = Default::default();
        let mut clients = Vec::new();
        for c in 0..8 {
            let (http, base, token, acked) = (http.clone(), base.clone(), token.clone(), acked.clone());
            clients.push(tokio::spawn(async move {
                for n in 0.. {
                    let description = format!("crash round {round} client {c} report {n}");
                    let body = json!({
                        "area": "CR01", "category": if n % 9 == 0 { "gbv" } else { "crime" }, "severity": 1 + (n % 4),
                        "occurred_at": "2026-11-02", "description": description,
                        "reporter_contact": format!("+237 600 {c:03} {n:03}"),
                    });
                    match http.post(format!("{base}/api/v1/reports")).bearer_auth(&token).json(&body).send().await {
                        Ok(r) if r.status() == 201 => match r.json::<serde_json::Value>().await {
                            Ok(v) => acked.lock().unwrap().push((v["id"].as_str().unwrap().to_owned(), description)),
                            Err(_) => return,
                        },
                        Ok(r) => panic!("unexpected status {} before the kill", r.status()),
                        Err(_) => return,
                    }
                }
            }));
        }
        let wait = rand::thread_rng().gen_range(300..1500);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        child.kill().unwrap(); // SIGKILL: no shutdown, no flush
        child.wait().unwrap();
        for c in clients {
            c.await.unwrap();
        }
        let acked = acked.lock().unwrap().clone();
        assert!(acked.len() > 10, "round {round}: only {} reports acknowledged in {wait} ms", acked.len());

        // Every acknowledged report is there, as it was sent.
        let store = open(b, &db.url).await;
        let mut missing = 0;
        for (id, description) in &acked {
            match store.get_report(&org.id, id).await {
                Ok(r) => assert_eq!(&r.description, description, "round {round}: report {id} changed"),
                Err(_) => missing += 1,
            }
        }
        let stored = store
            .list_reports(&org.id, &tandem_store::ReportFilter { limit: 1_000_000, ..Default::default() })
            .await
            .unwrap()
            .len();
        eprintln!("crash round {round} ({b:?}): killed after {wait} ms, {} acknowledged, {missing} missing, {stored} stored in all", acked.len());
        assert_eq!(missing, 0, "round {round}: acknowledged reports lost");
        total_acked += acked.len();
        // The database is intact.
        if b == Backend::Sqlite {
            use sqlx::Connection;
            let mut c = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut c).await.unwrap();
            assert_eq!(check, "ok", "round {round}");
        } else {
            // amcheck: every B-tree index agrees with its table (each row indexed), and no table
            // page is corrupt.
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck").execute(&mut c).await.unwrap();
            let checked: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM (SELECT bt_index_check(c.oid, true) FROM pg_index i \
                 JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam \
                 WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) s",
            )
            .fetch_one(&mut c)
            .await
            .unwrap();
            assert!(checked >= 10, "round {round}: only {checked} indexes checked");
            let corrupt: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_class c CROSS JOIN LATERAL verify_heapam(c.oid) \
                 WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace",
            )
            .fetch_one(&mut c)
            .await
            .unwrap();
            assert_eq!(corrupt, 0, "round {round}: verify_heapam found corrupt pages");
        }
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(["audit", "verify", "--database-url", &db.url])
            .output()
            .unwrap();
        assert!(out.status.success(), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(total_acked >= stored_floor(rounds));
}

/// At least a handful of reports per round, so that a round that did nothing cannot pass.
fn stored_floor(rounds: usize) -> usize {
    rounds * 10
}
