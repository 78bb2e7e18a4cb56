//! Support for tests: each test gets its own database on one shared PostgreSQL server, dropped
//! again when the test is done with it, so a run leaves the server as it found it.
use sqlx::Connection;

/// The variable naming the test server (`scripts/test` starts one and sets it).
pub const ENV: &str = "TANDEM_TEST_POSTGRES_URL";

/// The prefix of every test database's name (`scripts/test` sweeps any a killed run left).
pub const PREFIX: &str = "tandem_t_";

/// The server URL from [`ENV`]. Tests fail, never skip, when it is missing: a suite that
/// silently leaves PostgreSQL out proves nothing about it.
pub fn server_url() -> String {
    match std::env::var(ENV) {
        Ok(u) if !u.is_empty() => u,
        _ => {
            panic!("{ENV} is not set: run the suite with scripts/test, which starts PostgreSQL")
        }
    }
}

/// An empty database with a fresh name, dropped (with any connections still open to it) when
/// this value is.
#[derive(Debug)]
pub struct TestDatabase {
    server: String,
    name: String,
    url: String,
}

impl TestDatabase {
    pub async fn create() -> Result<Self, String> {
        let server = server_url();
        let name = format!("{PREFIX}{}", unique_suffix());
        let mut conn =
            sqlx::PgConnection::connect(&server).await.map_err(|e| format!("cannot reach {ENV}: {e}"))?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
        let _ = conn.close().await;
        Ok(Self { url: with_database(&server, &name), server, name })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Drop runs inside the test's runtime, which cannot be blocked on: the statement goes to
        // the server from a thread of its own, and the test waits for it.
        let (server, name) = (self.server.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(async {
                let mut conn = sqlx::PgConnection::connect(&server).await.map_err(|e| e.to_string())?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await
                    .map_err(|e| e.to_string())?;
                let _ = conn.close().await;
                Ok::<_, String>(())
            })
        })
        .join();
        match dropped {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("test database {} was not dropped: {e}", self.name),
            Err(_) => eprintln!("test database {} was not dropped: the dropping thread panicked", self.name),
        }
    }
}

/// Replaces the database name in a `postgres://` URL.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    format!("{base}/{db}{query}")
}

fn unique_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let t = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!(
        "{}_{}_{}",
        std::process::id(),
        t % 1_000_000_000_000,
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    )
}

#[cfg(test)]
mod tests {
    use sqlx::Connection;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(super::with_database("postgres://u:p@h:5/postgres", "x"), "postgres://u:p@h:5/x");
        assert_eq!(
            super::with_database("postgres://u@h:5/postgres?sslmode=disable", "x"),
            "postgres://u@h:5/x?sslmode=disable"
        );
        assert_eq!(super::with_database("postgres://u@h:5", "x"), "postgres://u@h:5/x");
    }

    async fn exists(name: &str) -> bool {
        let mut conn = sqlx::PgConnection::connect(&super::server_url()).await.unwrap();
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
            .bind(name)
            .fetch_one(&mut conn)
            .await
            .unwrap();
        n == 1
    }

    #[tokio::test]
    async fn a_test_database_is_dropped_with_its_guard_even_while_connected() {
        let db = super::TestDatabase::create().await.unwrap();
        let name = db.name().to_owned();
        let store = crate::PgStore::connect(db.url()).await.unwrap();
        tandem_store::Database::migrate(&store).await.unwrap();
        assert!(exists(&name).await);
        drop(db);
        assert!(!exists(&name).await, "{name} is still on the server");
        drop(store);
    }
}
