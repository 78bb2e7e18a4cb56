//! Tandem's domain: the types and rules every other crate shares. No I/O lives here, so every
//! rule can be unit-tested directly.
#![forbid(unsafe_code)]

pub mod access;
pub mod alert_engine;
pub mod area;
pub mod audit;
pub mod disclosure;
pub mod ears;
pub mod episodes;
pub mod geo;
pub mod ids;
pub mod index;
pub mod member;
pub mod org;
pub mod report;
pub mod retention;
pub mod scrub;
pub mod seal;
pub mod sharing;
pub mod sms;
pub mod text;
pub mod throttle;
pub mod week;

pub use ids::{OrgId, UserId};
pub use member::{Email, Role};
pub use org::{OrgKind, OrgName};

/// A value that failed the rules of its type. `field` names the input at fault so that the web
/// layer can put the message beside the right form field and the CLI can name the flag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidInput {
    pub field: &'static str,
    pub message: String,
}

impl InvalidInput {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}
