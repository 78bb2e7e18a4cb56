//! Sign-in over the API: tokens, /me, sign-out, wrong passwords, throttling, malformed input.
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend, PASSWORD};

both!(login_me_logout, wrong_credentials_are_401_and_throttled, malformed_input_is_4xx, org_choice_at_login);

async fn login_me_logout(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let user = app.create_user(&org, "Amina@KWPN.example", Role::Coordinator, false).await;

    let (status, v) = app
        .send(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "amina@kwpn.example", "password": PASSWORD})),
        )
        .await;
    assert_eq!(status, 200, "{v}");
    let token = v["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("tdm_") && token.len() > 60);

    let (status, me) = app.send("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(me["user"]["id"], json!(user.id.as_str()));
    assert_eq!(me["user"]["email"], "amina@kwpn.example");
    assert_eq!(me["org"]["id"], json!(org.id.as_str()));
    assert_eq!(me["org"]["name"], "Kumba Women's Peace Network");
    assert_eq!(me["org"]["kind"], "civil_society");
    assert_eq!(me["role"], "coordinator");

    // The token is stored hashed: the database does not hold it.
    let sessions = app.store.audit_page(0, 100).await.unwrap();
    assert!(sessions.iter().all(|e| !e.detail.contains(&token)));

    let (status, _) = app.send("POST", "/api/v1/auth/logout", Some(&token), None).await;
    assert_eq!(status, 204);
    let (status, err) = app.send("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 401, "a revoked token is refused at once");
    assert_eq!(err["error"]["code"], "unauthorized");

    let actions: Vec<String> =
        app.store.audit_page(0, 100).await.unwrap().into_iter().map(|e| e.action).collect();
    assert!(
        actions.contains(&"auth.sign_in".to_owned()) && actions.contains(&"auth.sign_out".to_owned()),
        "{actions:?}"
    );
}

async fn wrong_credentials_are_401_and_throttled(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Central Police Station", OrgKind::Security).await;
    app.create_user(&org, "officer@police.example", Role::Member, false).await;
    app.create_user(&org, "other@police.example", Role::Member, false).await;

    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.send("POST", "/api/v1/auth/login", None, Some(json!({"email": email, "password": password})))
                .await
        }
    };
    let (s, v) = attempt("nobody@police.example", "whatever-long").await;
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (401, Some("bad_credentials")),
        "unknown account looks like a wrong password"
    );
    for i in 0..5 {
        let (s, _) = attempt("officer@police.example", "wrong password").await;
        assert_eq!(s, 401, "attempt {i}");
    }
    // The account is now locked for a while, even with the right password.
    let r = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "officer@police.example", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "too_many_attempts");
    // Other accounts are not locked out by it.
    let (s, _) = attempt("other@police.example", PASSWORD).await;
    assert_eq!(s, 200);

    let failed = app
        .store
        .audit_page(0, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "auth.sign_in_failed")
        .count();
    assert_eq!(failed, 6, "every failed sign-in is audited");
}

async fn malformed_input_is_4xx(b: Backend) {
    let app = spawn_app(b).await;
    let login = app.url("/api/v1/auth/login");
    let cases: Vec<(&str, &str, u16, &str)> = vec![
        ("application/json", "{not json", 400, "bad_request"),
        ("application/json", r#"{"email":"a@b.example"}"#, 422, "invalid_input"),
        ("application/json", r#"{"email":"a@b.example","password":"x","admin":true}"#, 422, "invalid_input"),
        ("application/json", r#"{"email":5,"password":"x"}"#, 422, "invalid_input"),
        ("application/json", r#"{"email":"not-an-address","password":"xxxxxxxxxxxx"}"#, 422, "invalid_input"),
        ("text/plain", r#"{"email":"a@b.example","password":"x"}"#, 415, "unsupported_media_type"),
    ];
    for (ctype, body, status, code) in cases {
        let r = app.http.post(&login).header("content-type", ctype).body(body).send().await.unwrap();
        assert_eq!(r.status().as_u16(), status, "{body}");
        let v: serde_json::Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], code, "{body}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let huge = format!(r#"{{"email":"a@b.example","password":"{}"}}"#, "x".repeat(2 * 1024 * 1024));
    let r = app.http.post(&login).header("content-type", "application/json").body(huge).send().await.unwrap();
    assert_eq!(r.status(), 413);

    let org = app.create_org("Port Amsel Municipality", OrgKind::Government).await;
    app.create_user(&org, "mayor@portamsel.example", Role::Admin, true).await;
    let t = app.login("mayor@portamsel.example").await;
    for (name, status) in [("A", 422), (&"x".repeat(121) as &str, 422), ("Port Amsel Municipality", 409)] {
        let (s, v) = app
            .send("POST", "/api/v1/orgs", Some(&t), Some(json!({"name": name, "kind": "government"})))
            .await;
        assert_eq!(s, status, "{v}");
    }
    let (s, v) = app
        .send("POST", "/api/v1/orgs", Some(&t), Some(json!({"name": "Valid Name", "kind": "police"})))
        .await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("kind")));
    for bad in ["/api/v1/orgs/not-an-id", "/api/v1/orgs/' OR 1=1 --", "/api/v1/nothing-here"] {
        let (s, v) = app.send("GET", bad, Some(&t), None).await;
        assert_eq!((s, v["error"]["code"].as_str()), (404, Some("not_found")), "{bad}");
    }
    let (s, v) =
        app.send("PATCH", "/api/v1/members/not-an-id", Some(&t), Some(json!({"role": "admin"}))).await;
    assert_eq!(s, 404, "{v}");
    assert_eq!(app.store.list_orgs().await.unwrap().len(), 1, "no bad request wrote anything");
}

async fn org_choice_at_login(b: Backend) {
    let app = spawn_app(b).await;
    let a = app.create_org("Youth for Dialogue", OrgKind::CivilSociety).await;
    let c = app.create_org("Lakes Region Network", OrgKind::International).await;
    let u = app.create_user(&a, "grace@dialogue.example", Role::Member, false).await;
    app.store
        .add_member(&c.id, &u.id, Role::Coordinator, tandem_domain::audit::NewAuditEvent::new("member.add"))
        .await
        .unwrap();
    let (s, v) = app
        .send(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "grace@dialogue.example", "password": PASSWORD, "org": c.id})),
        )
        .await;
    assert_eq!(
        (s, v["org"]["id"].as_str(), v["role"].as_str()),
        (200, Some(c.id.as_str()), Some("coordinator"))
    );
    let stranger = app.create_org("Unrelated Org", OrgKind::Donor).await;
    let (s, _) = app
        .send(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "grace@dialogue.example", "password": PASSWORD, "org": stranger.id})),
        )
        .await;
    assert_eq!(s, 403, "cannot act for an organisation one does not belong to");
}
