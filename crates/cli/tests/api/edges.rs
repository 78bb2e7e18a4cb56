//! Regression tests for what the API fuzzer (schemathesis) found: each case once answered with a
//! panic, a 404 where a 405 was due, or accepted what it should refuse.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(what_the_api_fuzzer_found);

async fn what_the_api_fuzzer_found(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    app.create_user(&org, "coordinator@youth.example", Role::Coordinator, false).await;
    let t = app.login("coordinator@youth.example").await;

    // An edition name cut inside a multi-byte character panicked (byte slicing); now a 404.
    for name in ["%C3%A9026H2", "2026%C3%A9", "%E2%82%AC%E2%82%AC"] {
        let (s, body) = app.get(&format!("/api/v1/index/editions/{name}"), None).await;
        assert_eq!(s, 404, "{name}: {body}");
        assert!(body.contains("\"error\""), "{body}");
    }

    // A method the route does not serve: 405 with the methods it does, not 404.
    let r = app.http.delete(app.url("/api/v1/me")).bearer_auth(&t).send().await.unwrap();
    assert_eq!(r.status(), 405);
    assert!(r.headers()["allow"].to_str().unwrap().contains("GET"), "{:?}", r.headers());
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "method_not_allowed");

    // Limits outside 1..=1000 and an empty status are refused, not silently clamped or ignored.
    for q in ["limit=0", "limit=1001", "limit=10000000", "limit=-1", "status="] {
        let (s, body) = app.get(&format!("/api/v1/reports?{q}"), Some(&t)).await;
        assert_eq!(s, 422, "{q}: {body}");
    }
    assert_eq!(app.get("/api/v1/reports?limit=1000", Some(&t)).await.0, 200);
    assert_eq!(app.get("/api/v1/alerts?limit=1", Some(&t)).await.0, 200);

    // Optional body fields may be null, as the OpenAPI document now says: `due_at: null` means
    // "the default deadline", the same as leaving it out (here the alert does not exist: 404,
    // not a 422 about the body).
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/alerts/0b9e5f5e-1f0a-4a51-9d49-6f1f1c3c3c3c/assign",
            Some(&t),
            Some(json!({"due_at": null})),
        )
        .await;
    assert_eq!(s, 404, "{v}");
}
