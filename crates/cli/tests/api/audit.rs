//! The audit log against an attacker with database access: `tandem audit verify` (the real
//! binary) must fail and name the first broken event whether a row is altered, removed or
//! reordered, or the newest rows are cut off.
use std::process::Command;

use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, raw_sql, spawn_app, Backend};

both!(tampering_is_detected_and_named);

fn verify(url: &str) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["audit", "verify", "--database-url", url])
        .output()
        .unwrap();
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

async fn tampering_is_detected_and_named(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Lakeside Human Rights Observatory", OrgKind::CivilSociety).await;
    app.create_user(&org, "admin@observatory.example", Role::Admin, false).await;
    app.login("admin@observatory.example").await;
    app.login("admin@observatory.example").await;
    let url = app.db.url.clone();
    let n = app.store.audit_head().await.unwrap().unwrap().0;
    assert!(n >= 5, "org, user, membership and sign-ins were audited");

    let (ok, out) = verify(&url);
    assert!(ok, "{out}");
    assert!(out.contains(&format!("audit log intact: {n} events")), "{out}");

    // Each attack on a fresh copy of the chain: alter, delete, reorder, truncate.
    let attacks: [(&str, String, i64); 4] = [
        ("alter", "UPDATE audit_events SET detail = '{\"reason\":\"nothing happened\"}' WHERE seq = 3".into(), 3),
        ("delete", "DELETE FROM audit_events WHERE seq = 2".into(), 3),
        (
            "reorder",
            "UPDATE audit_events SET seq = -1 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = -1".into(),
            2,
        ),
        ("truncate", format!("DELETE FROM audit_events WHERE seq = {n}"), n),
    ];
    let backup = "CREATE TABLE audit_backup AS SELECT * FROM audit_events";
    raw_sql(b, &url, backup).await;
    for (name, sql, expected) in attacks {
        raw_sql(b, &url, &sql).await;
        let (ok, out) = verify(&url);
        assert!(!ok, "{name}: verify must fail: {out}");
        assert!(out.contains(&format!("broken at event {expected}")), "{name}: {out}");
        raw_sql(b, &url, "DELETE FROM audit_events; INSERT INTO audit_events SELECT * FROM audit_backup")
            .await;
        let (ok, out) = verify(&url);
        assert!(ok, "restored after {name}: {out}");
    }
}
