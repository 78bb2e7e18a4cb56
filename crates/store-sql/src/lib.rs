//! Tandem's storage backends: SQLite (the embedded default) and PostgreSQL (the scale path), with
//! one implementation of every query. `queries/` holds each SQL statement and each store method
//! body once; `sqlite/` and `postgres/` each compile it against their own `dialect` (pool and
//! transaction types, how times are encoded, how writers are serialised, the checkpoint after
//! deletions).
#![forbid(unsafe_code)]
// `queries/` is mounted once per backend on purpose: that is how each query exists once.
#![allow(clippy::duplicate_mod)]

mod errors;
mod postgres;
#[cfg(test)]
mod schema_tests;
mod sqlite;

pub use postgres::{testing, PgStore};
pub use sqlite::SqliteStore;
