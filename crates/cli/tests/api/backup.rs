//! `tandem backup` during sustained intake, `tandem restore` into a new database, both backends:
//! every report acknowledged before the backup began is in the restored database and its audit
//! chain verifies; a database that holds data is not overwritten without --force; a backup of a
//! newer schema is refused (SQLite, whose file the test can stamp with a future migration).
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, fresh_db, spawn_app, Backend};

both!(a_backup_taken_under_load_restores_every_acknowledged_report);

fn tandem(args: &[&str], db: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem")).args(args).env("TANDEM_DATABASE_URL", db).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

async fn a_backup_taken_under_load_restores_every_acknowledged_report(b: Backend) {
    let app = spawn_app(b).await;
    crate::ew::setup_areas(&app).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    app.create_user(&org, "amina@kwpn.example", Role::Member, false).await;
    let token = app.login("amina@kwpn.example").await;
    // Two writers file reports without pause; each acknowledgement is noted with its time.
    let acked: Arc<Mutex<Vec<(Instant, String)>>> = Arc::default();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..2 {
        let (http, url, token, acked, stop) =
            (app.http.clone(), app.url("/api/v1/reports"), token.clone(), acked.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let body = json!({"area": "MR0101", "category": "crime", "severity": 2, "occurred_at": "2026-05-04",
                                  "description": format!("Writer {w}, report {n}: theft at the market")});
                let r = http.post(&url).bearer_auth(&token).json(&body).send().await.unwrap();
                assert_eq!(r.status(), 201);
                let v: serde_json::Value = r.json().await.unwrap();
                acked.lock().unwrap().push((Instant::now(), v["id"].as_str().unwrap().to_owned()));
                n += 1;
            }
        }));
    }
    while acked.lock().unwrap().len() < 40 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tandem.backup");
    let began = Instant::now();
    let (url, out_path) = (app.db.url.clone(), file.to_str().unwrap().to_owned());
    let out =
        tokio::task::spawn_blocking(move || tandem(&["backup", "--out", &out_path], &url)).await.unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("key file") && text(&out).contains("not in the backup"), "{}", text(&out));
    // Intake went on while the backup ran.
    while acked.lock().unwrap().iter().filter(|(t, _)| *t > began).count() < 5 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for w in writers {
        w.await.unwrap();
    }
    let before: Vec<String> =
        acked.lock().unwrap().iter().filter(|(t, _)| *t < began).map(|(_, id)| id.clone()).collect();
    assert!(before.len() >= 40);
    let again = file.to_str().unwrap().to_owned();
    let out = tandem(&["backup", "--out", &again], &app.db.url);
    assert!(!out.status.success() && text(&out).contains("already exists"), "{}", text(&out));

    let target = fresh_db(b).await;
    let out = tandem(&["restore", "--from", file.to_str().unwrap()], &target.url);
    assert!(out.status.success(), "{}", text(&out));
    let restored = tandem_testkit::open(b, &target.url).await;
    for id in &before {
        let r = restored.get_report(&org.id, id).await;
        assert!(r.is_ok(), "report {id}, acknowledged before the backup began, is restored");
    }
    let out = tandem(&["audit", "verify"], &target.url);
    assert!(out.status.success() && text(&out).contains("audit log intact"), "{}", text(&out));
    // The restored database now holds data: a second restore asks for --force.
    let out = tandem(&["restore", "--from", file.to_str().unwrap()], &target.url);
    assert!(!out.status.success() && text(&out).contains("--force"), "{}", text(&out));
    let out = tandem(&["restore", "--from", file.to_str().unwrap(), "--force"], &target.url);
    assert!(out.status.success(), "{}", text(&out));

    if b == Backend::Sqlite {
        // A backup stamped by a newer Tandem's migration is refused, and nothing is replaced.
        let newer = dir.path().join("newer.backup");
        std::fs::copy(&file, &newer).unwrap();
        let stamp =
            tandem_store_sql::SqliteStore::connect(&format!("sqlite://{}", newer.display())).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
             VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, TRUE, x'00', 0)",
        )
        .execute(stamp.pool())
        .await
        .unwrap();
        drop(stamp);
        let fresh = fresh_db(b).await;
        let out = tandem(&["restore", "--from", newer.to_str().unwrap()], &fresh.url);
        assert!(!out.status.success() && text(&out).contains("newer Tandem"), "{}", text(&out));
        let out = tandem(&["restore", "--from", "/nonexistent/backup"], &fresh.url);
        assert!(!out.status.success() && text(&out).contains("is not a file"), "{}", text(&out));
    }
}
