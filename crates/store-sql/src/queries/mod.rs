//! The one implementation of every query and store method, for both backends. This directory is
//! compiled twice, once inside `sqlite/` and once inside `postgres/` (each mounts it with
//! `#[path]`), against that backend's dialect `d`: its pool and transaction types, how a time is
//! bound, how writers are serialised. The SQL is the same for both: `$N` placeholders, `CAST`,
//! `NULLS LAST`, `IS NOT DISTINCT FROM`, `ON CONFLICT` and `RETURNING` mean the same in SQLite
//! 3.46 and PostgreSQL.
use super::dialect as d;

mod audit;
mod directory;
mod ew;
mod field;
mod forums;
mod identity;
mod index;
mod invitations;
mod joint;
mod knowledge;
mod letters;
mod monitoring;
mod observatory;
mod protection;
mod registry;
mod row;
mod trainings;

#[allow(unused_imports)] // SQLite's intake batcher only
pub(super) use ew::insert_report_rows;
pub(super) use ew::insert_reports;
