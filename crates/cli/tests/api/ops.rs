//! Operations: health, metrics, security headers, JSON logs without secrets, graceful shutdown.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(health_metrics_and_headers);

/// Without a token, `/metrics` is not on the main address at all.
#[tokio::test]
async fn metrics_are_not_public_by_default() {
    let app = spawn_app(Backend::Sqlite).await;
    assert_eq!(app.get("/metrics", None).await.0, 404);
}

async fn health_metrics_and_headers(b: Backend) {
    let config = tandem_web::WebConfig {
        metrics_token: Some(secrecy::SecretString::from("scrape-me-please".to_owned())),
        ..tandem_web::WebConfig::default()
    };
    let app = tandem_testkit::spawn_app_with(b, config).await;
    let org = app.create_org("Marenia Youth for Dialogue", OrgKind::CivilSociety).await;
    app.create_user(&org, "member@youth.example", Role::Member, false).await;
    let t = app.login("member@youth.example").await;
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/me", Some(&t)).await.0, 200);
    }
    assert_eq!(app.get("/api/v1/me", None).await.0, 401);
    let id = org.id.to_string();
    assert_eq!(app.get(&format!("/api/v1/orgs/{id}"), Some(&t)).await.0, 200);

    let r = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    for (h, v) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(r.headers()[h], v);
    }
    let csp = r.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
    );
    assert!(r.headers().get("strict-transport-security").is_none(), "no HSTS unless behind TLS");

    // /metrics on the main address needs its token (request counts by route are not for anyone).
    assert_eq!(app.get("/metrics", None).await.0, 401);
    assert_eq!(app.get("/metrics", Some("scrape-me-pleasf")).await.0, 401);
    assert_eq!(app.get("/metrics", Some(&t)).await.0, 401, "a user's token is not the metrics token");
    let (s, m) = app.get("/metrics", Some("scrape-me-please")).await;
    assert_eq!(s, 200);
    assert!(
        m.contains(r#"tandem_http_requests_total{method="GET",route="/api/v1/me",status="200"} 3"#),
        "{m}"
    );
    assert!(
        m.contains(r#"tandem_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#),
        "{m}"
    );
    // Route templates, not raw paths: ids never become label values.
    assert!(m.contains(r#"route="/api/v1/orgs/{id}""#) && !m.contains(&id), "{m}");
    assert!(
        m.contains(r#"tandem_http_request_duration_seconds_count{method="GET",route="/api/v1/me"} 4"#),
        "{m}"
    );
}

/// Starts the real binary on a free port and returns it with its base URL.
fn start_server(db: &str, extra_env: &[(&str, &str)]) -> (std::process::Child, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--database-url", db])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    (child, url)
}

#[tokio::test]
async fn json_logs_hold_no_secrets_and_sigterm_shuts_down_cleanly() {
    let db = tandem_testkit::fresh_db(Backend::Sqlite).await;
    let store = tandem_testkit::open(Backend::Sqlite, &db.url).await;
    let keys = tandem_domain::seal::Keyring::generate("test");
    let key_file = db._dir.as_ref().unwrap().path().join("test.key");
    std::fs::write(&key_file, keys.to_file_text()).unwrap();
    let app_like = tandem_cli::demo::populate(store.as_ref(), &keys, 7).await.unwrap();
    assert!(!app_like.is_empty());
    let key_file = key_file.to_str().unwrap();
    let metrics_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let metrics_addr = format!("127.0.0.1:{metrics_port}");
    let (mut child, url) = start_server(
        &db.url,
        &[
            ("TANDEM_LOG_FORMAT", "json"),
            ("TANDEM_LOG_LEVEL", "debug"),
            ("TANDEM_KEY_FILE", key_file),
            ("TANDEM_METRICS_ADDR", &metrics_addr),
        ],
    );
    let http = tandem_testkit::reqwest::Client::new();
    let pw = tandem_cli::demo::DEMO_PASSWORD;
    let r = http
        .post(format!("{url}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": "admin@kwpn.example", "password": pw}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let token = r.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
    let r = http.get(format!("{url}/api/v1/me")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), 200);
    // Metrics on an address of their own, without a token; not on the main one.
    let m = http.get(format!("http://{metrics_addr}/metrics")).send().await.unwrap();
    assert_eq!(m.status(), 200);
    assert!(m.text().await.unwrap().contains("tandem_http_requests_total"));
    assert_eq!(http.get(format!("{url}/metrics")).send().await.unwrap().status(), 404);

    // SIGTERM: the server finishes and exits 0 on its own.
    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(std::time::Instant::now() < deadline, "server did not stop after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");

    let mut logs = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut logs).unwrap();
    let lines: Vec<&str> = logs.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 3, "{logs}");
    for l in &lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
        assert!(v["level"].is_string() && v["timestamp"].is_string(), "{l}");
    }
    assert!(logs.contains("/api/v1/me"), "requests are logged at debug level: {logs}");
    assert!(
        !logs.contains(pw) && !logs.contains(&token) && !logs.contains(&token[4..]),
        "secrets leaked into logs"
    );
}
