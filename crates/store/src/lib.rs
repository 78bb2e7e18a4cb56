//! The storage interface, one trait per capability ([`IdentityStore`], [`EarlyWarningStore`],
//! [`ProtectionStore`], [`IndexStore`], [`InvitationStore`], [`FieldStore`], [`ObservatoryStore`],
//! [`ForumStore`], [`SurveyStore`], [`ScorecardStore`]), each in its module with its models and its chapter of
//! the conformance story. [`Store`] is all of them: what a backend implements and the web layer
//! holds. Every method that touches an organisation's records takes that organisation first, so
//! that no query can forget the scope.
#![forbid(unsafe_code)]

pub mod conformance;
pub mod directory;
pub mod ew;
pub mod field;
pub mod forums;
pub mod identity;
pub mod index;
pub mod invitations;
pub mod knowledge;
pub mod letters;
pub mod monitoring;
pub mod observatory;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod protection;
pub mod registry;
pub mod row;

pub use directory::*;
pub use ew::*;
pub use field::*;
pub use forums::*;
pub use identity::*;
pub use index::*;
pub use invitations::*;
pub use knowledge::*;
pub use letters::*;
pub use monitoring::*;
pub use observatory::*;
pub use protection::*;
pub use registry::*;

use async_trait::async_trait;

/// Any error a backend wraps: a driver's error, or a message where there is none.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The one error type of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist *for this caller*: another organisation's record is NotFound too.
    #[error("not found")]
    NotFound,
    /// A unique key would be violated; the message names what clashed.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Anything else: a broken connection, a failed migration, an unreadable row. The cause is
    /// kept (logged with the error's chain), never shown to users.
    #[error("storage failure: {0}")]
    Other(#[source] BoxError),
}

impl StoreError {
    /// Wraps a failure that is nobody's fault but the storage's.
    pub fn other(cause: impl Into<BoxError>) -> Self {
        StoreError::Other(cause.into())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database itself: which backend, its schema, whether it answers.
#[async_trait]
pub trait Database: Send + Sync {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Applies the backend's forward-only migrations.
    async fn migrate(&self) -> Result<()>;
    /// Whether the database answers and the schema is current.
    async fn ping(&self) -> Result<()>;
    /// The newest migration applied to this database (0 for none).
    async fn schema_version(&self) -> Result<i64>;
    /// The newest migration this build knows: a database past it was written by a newer Tandem.
    fn known_schema_version(&self) -> i64;
    /// A consistent copy of the live database, taken while it serves, into a new file at `path`
    /// (SQLite's `VACUUM INTO`). PostgreSQL is copied with `pg_dump` instead: refused there.
    async fn snapshot_into(&self, path: &str) -> Result<()>;
}

/// Every capability's storage: what a backend implements (each trait once, see
/// `tandem-store-sql`) and what the web layer holds as `Arc<dyn Store>`.
pub trait Store:
    Database
    + IdentityStore
    + InvitationStore
    + EarlyWarningStore
    + FieldStore
    + ProtectionStore
    + IndexStore
    + ObservatoryStore
    + ForumStore
    + TrainingStore
    + JointStore
    + SurveyStore
    + ScorecardStore
    + KnowledgeStore
    + LetterStore
    + DirectoryStore
    + RegistryStore
    + 'static
{
}

impl<T> Store for T where
    T: Database
        + IdentityStore
        + InvitationStore
        + EarlyWarningStore
        + FieldStore
        + ProtectionStore
        + IndexStore
        + ObservatoryStore
        + ForumStore
        + TrainingStore
        + JointStore
        + SurveyStore
        + ScorecardStore
        + KnowledgeStore
        + LetterStore
        + DirectoryStore
        + RegistryStore
        + 'static
{
}
