//! Protecting those who speak, as the API, the pages and the CLI use it: sharing agreements and
//! what partners see under them, sealed contacts and protected names, retention and erasure, and
//! the export of an organisation's own data. Callers have passed the access check already.
pub mod agreements;
pub mod caches;
pub mod export;
pub mod protocol;
pub mod releases;
pub mod retention;
pub mod secrets;
pub mod shared;
pub mod shared_violation_records;
pub mod shared_violations;
