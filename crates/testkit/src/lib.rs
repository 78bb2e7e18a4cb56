//! Test support: [`spawn_app`] starts the real router on `127.0.0.1:0` over a fresh database of
//! either backend, and [`TestApp`] offers the fixtures tests share (organisations, accounts,
//! sign-in, raw SQL for tampering). PostgreSQL tests need `TANDEM_TEST_POSTGRES_URL`; they fail,
//! never skip, without it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::sync::Arc;

use secrecy::SecretString;
use serde_json::{json, Value};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::org::OrgFlags;
use tandem_domain::{Email, OrgKind, OrgName, Role};
use tandem_store::{NewOrg, NewUser, Org, Store, User};
use tandem_web::WebConfig;

pub use reqwest;

/// The password of every account the fixtures create.
pub const PASSWORD: &str = "correct horse battery staple";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated, empty database: its URL, and what holds it for the test's duration — the
/// directory of a SQLite file, or a PostgreSQL database dropped when this value is.
pub struct FreshDb {
    pub url: String,
    pub _dir: Option<tempfile::TempDir>,
    pub _pg: Option<tandem_store_sql::testing::TestDatabase>,
}

pub async fn fresh_db(backend: Backend) -> FreshDb {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
            FreshDb { url, _dir: Some(dir), _pg: None }
        }
        Backend::Postgres => {
            let db = tandem_store_sql::testing::TestDatabase::create().await.unwrap();
            FreshDb { url: db.url().to_owned(), _dir: None, _pg: Some(db) }
        }
    }
}

pub async fn open(backend: Backend, url: &str) -> Arc<dyn Store> {
    let store: Arc<dyn Store> = match backend {
        Backend::Sqlite => Arc::new(tandem_store_sql::SqliteStore::connect(url).await.unwrap()),
        Backend::Postgres => Arc::new(tandem_store_sql::PgStore::connect(url).await.unwrap()),
    };
    store.migrate().await.unwrap();
    store
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    pub backend: Backend,
    pub store: Arc<dyn Store>,
    pub db: FreshDb,
    /// A client that neither follows redirects nor keeps cookies: tests see exactly what a
    /// browser would be told.
    pub http: reqwest::Client,
    /// The running app's state, e.g. to wait for the alert worker (`state.alert_worker.flush()`).
    pub state: tandem_web::AppState,
    /// The evidence storage folder (a fresh one per app, unless the config named one).
    pub evidence_dir: std::path::PathBuf,
    _evidence: Option<tempfile::TempDir>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, WebConfig::default()).await
}

pub async fn spawn_app_with(backend: Backend, mut config: WebConfig) -> TestApp {
    let db = fresh_db(backend).await;
    let store = open(backend, &db.url).await;
    let keys = Arc::new(tandem_domain::seal::Keyring::generate("test"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // As `tandem serve` does when no public address is configured.
    config.public_url.get_or_insert_with(|| format!("http://{addr}"));
    let evidence = (config.evidence_dir == WebConfig::default().evidence_dir).then(|| {
        let dir = tempfile::tempdir().unwrap();
        config.evidence_dir = dir.path().to_owned();
        dir
    });
    let evidence_dir = config.evidence_dir.clone();
    let state = tandem_web::AppState::new(store.clone(), config, keys).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(tandem_web::serve(listener, tandem_web::build_router(state.clone()), async {
        let _ = rx.await;
    }));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp {
        addr,
        base: format!("http://{addr}"),
        backend,
        store,
        db,
        http,
        state,
        evidence_dir,
        _evidence: evidence,
        _shutdown: tx,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn create_org(&self, name: &str, kind: OrgKind) -> Org {
        let new = NewOrg { name: OrgName::parse(name).unwrap(), kind, flags: OrgFlags::default() };
        self.store.create_org(&new, NewAuditEvent::new("org.create")).await.unwrap()
    }

    /// An account with [`PASSWORD`], member of `org` with `role`.
    pub async fn create_user(&self, org: &Org, email: &str, role: Role, platform_admin: bool) -> User {
        let hash =
            tandem_web::password::hash_password(SecretString::from(PASSWORD.to_owned())).await.unwrap();
        let new = NewUser {
            email: Email::parse(email).unwrap(),
            display_name: email.split('@').next().unwrap().to_owned(),
            password_hash: hash,
            platform_admin,
        };
        let user = self.store.create_user(&new, NewAuditEvent::new("user.create")).await.unwrap();
        self.store
            .add_member(&org.id, &user.id, role, NewAuditEvent::new("member.add").org(&org.id))
            .await
            .unwrap();
        user
    }

    /// Signs in over the API and returns the bearer token.
    pub async fn login(&self, email: &str) -> String {
        let r = self
            .http
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "login of {email}");
        let v: Value = r.json().await.unwrap();
        v["token"].as_str().unwrap().to_owned()
    }

    /// GET with an optional bearer token; returns status and body text.
    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, String) {
        let mut rb = self.http.get(self.url(path));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        let r = rb.send().await.unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// Sends `method path` with a JSON body and optional bearer token; returns status and JSON
    /// (Null for an empty body).
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut rb = self.http.request(method.parse().unwrap(), self.url(path));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        let r = rb.send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (
            status,
            if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).unwrap_or(Value::String(text))
            },
        )
    }

    /// Runs raw SQL on the database, under the Store trait: for tests that play an attacker with
    /// database access.
    pub async fn raw_sql(&self, sql: &str) {
        raw_sql(self.backend, &self.db.url, sql).await
    }
}

pub async fn raw_sql(backend: Backend, url: &str, sql: &str) {
    use sqlx::Connection;
    match backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut c).await.unwrap();
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut c).await.unwrap();
        }
    }
}

/// Runs an async test body once per backend: `both!(my_test);` for `async fn my_test(b: Backend)`.
#[macro_export]
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }
            }
        )*
    };
}
