//! The two backends' migrations stay in step: after migrating, both schemas have the same
//! tables, the same columns in each, the same primary keys and the same named indexes over the
//! same columns. (Column types differ by design: text times in SQLite, `timestamptz` in
//! PostgreSQL.)
use std::collections::BTreeMap;

use sqlx::Row;
use tandem_store::Database;

/// table -> (columns in order, primary-key columns in order); index -> (table, columns in order).
#[derive(Debug, PartialEq, Eq)]
struct Schema {
    tables: BTreeMap<String, (Vec<String>, Vec<String>)>,
    indexes: BTreeMap<String, (String, Vec<String>)>,
}

async fn sqlite_schema() -> Schema {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::SqliteStore::connect(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    schema_of(store.pool()).await
}

/// SQLite drops the reports' indexes for a large import and builds them again before it
/// commits: abandoned or finished, the import leaves the schema as the migrations made it.
#[tokio::test]
async fn a_bulk_import_leaves_the_schema_as_migrated() {
    use tandem_store::conformance::{ev, marenia, new_org};
    use tandem_store::{EarlyWarningStore, IdentityStore};
    let dir = tempfile::tempdir().unwrap();
    let store = crate::SqliteStore::connect(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let migrated = schema_of(store.pool()).await;
    store.create_areas(&[marenia()], ev("areas.import")).await.unwrap();
    let org = store
        .create_org(
            &new_org("Regional Network", tandem_domain::OrgKind::International, false),
            ev("org.create"),
        )
        .await
        .unwrap()
        .id;
    let report = |i: i64| tandem_store::NewReport {
        id: tandem_domain::ids::ordered_id(),
        area: tandem_domain::area::PCode::parse("MR").unwrap(),
        category: tandem_domain::report::CategorySlug::parse("crime").unwrap(),
        severity: tandem_domain::report::Severity::new(1 + i % 4).unwrap(),
        occurred_at: chrono::Utc::now() - chrono::Duration::days(i % 700),
        description: format!("event {i}"),
        channel: tandem_domain::report::Channel::EventData,
        reporter_contact: None,
        created_by: None,
    };
    for finished in [false, true] {
        let (tx, mut rx) = tokio::sync::mpsc::channel(2);
        let send = async move {
            for b in 0..12 {
                tx.send(Ok((0..5_000).map(|i| report(b * 5_000 + i)).collect())).await.unwrap();
            }
            tx.send(if finished { tandem_store::FINISHED } else { Err(tandem_store::Stopped) })
                .await
                .unwrap();
        };
        let (stored, ()) = tokio::join!(store.import_reports(&org, &mut rx), send);
        assert_eq!(stored.unwrap(), finished.then_some(60_000));
        assert_eq!(schema_of(store.pool()).await, migrated, "finished: {finished}");
    }
}

async fn schema_of(pool: &sqlx::SqlitePool) -> Schema {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '_sqlx%' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut tables = BTreeMap::new();
    for t in names {
        let cols = sqlx::query("SELECT name, pk FROM pragma_table_info($1) ORDER BY cid")
            .bind(&t)
            .fetch_all(pool)
            .await
            .unwrap();
        let columns = cols.iter().map(|r| r.get::<String, _>("name")).collect();
        let mut pk: Vec<(i64, String)> =
            cols.iter().filter(|r| r.get::<i64, _>("pk") > 0).map(|r| (r.get("pk"), r.get("name"))).collect();
        pk.sort();
        tables.insert(t, (columns, pk.into_iter().map(|(_, c)| c).collect()));
    }
    // Named indexes only: SQLite's automatic ones back PRIMARY KEY and UNIQUE constraints.
    let idx = sqlx::query(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut indexes = BTreeMap::new();
    for r in idx {
        let name: String = r.get("name");
        let cols: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
            .bind(&name)
            .fetch_all(pool)
            .await
            .unwrap();
        indexes.insert(name, (r.get("tbl_name"), cols));
    }
    Schema { tables, indexes }
}

async fn postgres_schema() -> Schema {
    let db = crate::testing::TestDatabase::create().await.unwrap();
    let store = crate::PgStore::connect(db.url()).await.unwrap();
    store.migrate().await.unwrap();
    let pool = store.pool();
    let cols = sqlx::query(
        "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut tables: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for r in cols {
        tables.entry(r.get("t")).or_default().0.push(r.get("c"));
    }
    let pks = sqlx::query(
        "SELECT k.table_name::text AS t, k.column_name::text AS c FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage k
           ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
         WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'
         ORDER BY k.table_name, k.ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for r in pks {
        if let Some(t) = tables.get_mut(&r.get::<String, _>("t")) {
            t.1.push(r.get("c"));
        }
    }
    // Named indexes only: those backing a PRIMARY KEY or UNIQUE constraint are left out, as in
    // SQLite.
    let idx = sqlx::query(
        "SELECT i.relname::text AS name, t.relname::text AS tbl, a.attname::text AS col
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND t.relname NOT LIKE '\\_sqlx%'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
         ORDER BY i.relname, k.ord",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut indexes: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for r in idx {
        indexes.entry(r.get("name")).or_insert_with(|| (r.get("tbl"), vec![])).1.push(r.get("col"));
    }
    drop(store);
    Schema { tables, indexes }
}

#[tokio::test]
async fn both_backends_have_the_same_tables_columns_and_indexes() {
    let (mut lite, mut pg) = (sqlite_schema().await, postgres_schema().await);
    // The one sanctioned difference: each engine's own full-text index of the case studies —
    // FTS5's virtual table (and its shadow tables) in SQLite, a tsvector column under a GIN
    // index in PostgreSQL (queries/knowledge.rs, the dialects' `fts`).
    let fts: Vec<String> =
        lite.tables.keys().filter(|t| t.starts_with("case_studies_fts")).cloned().collect();
    assert!(!fts.is_empty(), "SQLite keeps the case studies' FTS5 index");
    for t in fts {
        lite.tables.remove(&t);
    }
    let (cols, _) = pg.tables.get_mut("case_studies").expect("case_studies in PostgreSQL");
    assert!(cols.iter().any(|c| c == "search"), "PostgreSQL keeps the case studies' tsvector");
    cols.retain(|c| c != "search");
    assert!(pg.indexes.remove("case_studies_search").is_some(), "under a GIN index");
    assert!(lite.tables.len() >= 20 && lite.indexes.len() >= 10, "the schema was read: {lite:?}");
    for (t, (cols, pk)) in &lite.tables {
        let Some((pg_cols, pg_pk)) = pg.tables.get(t) else { panic!("table {t} is missing in PostgreSQL") };
        assert_eq!(cols, pg_cols, "columns of {t}");
        assert_eq!(pk, pg_pk, "primary key of {t}");
    }
    assert_eq!(
        lite.tables.keys().collect::<Vec<_>>(),
        pg.tables.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    assert_eq!(lite.indexes, pg.indexes, "the same indexes");
}
