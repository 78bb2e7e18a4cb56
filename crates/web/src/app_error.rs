//! The application error: what the services (`ew/`, `protection/`, `index/`, `actions`, `auth`)
//! return. It says what went wrong in the application's terms and knows nothing of HTTP;
//! `ApiError` (a status and a JSON body) and `PageError` (a page in the visitor's language) map it
//! at the edge.
use tandem_domain::access::Denied;
use tandem_domain::InvalidInput;
use tandem_store::{BoxError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A value breaks its rules; the error names the field (shown beside it on a page).
    #[error("{0}")]
    Invalid(InvalidInput),
    /// Input that cannot be read at all (a malformed file, an unknown transition).
    #[error("{0}")]
    BadRequest(String),
    #[error("wrong e-mail or password")]
    BadCredentials,
    /// Too many failed sign-ins; try again after this many seconds.
    #[error("too many failed sign-ins; try again in {0} seconds")]
    Throttled(u64),
    #[error("you may not do this")]
    Forbidden,
    /// Not there *for this caller*: another organisation's record is NotFound too.
    #[error("not found")]
    NotFound,
    /// The request clashes with what is stored (a duplicate, a state that does not allow it).
    #[error("{0}")]
    Conflict(String),
    /// An upload beyond the configured size; the message says the limit.
    #[error("{0}")]
    TooLarge(String),
    /// Nobody's fault but the platform's: logged with its cause, never shown.
    #[error("internal error")]
    Internal(#[source] BoxError),
}

impl AppError {
    pub fn internal(cause: impl Into<BoxError>) -> Self {
        AppError::Internal(cause.into())
    }
}

impl From<InvalidInput> for AppError {
    fn from(e: InvalidInput) -> Self {
        AppError::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(m) => AppError::Conflict(m),
            other @ StoreError::Other(_) => AppError::Internal(Box::new(other)),
        }
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        match d {
            Denied::Forbidden => AppError::Forbidden,
        }
    }
}

/// The whole chain of causes, for the log line of an internal error (a cause that its wrapper's
/// message already ends with is not repeated).
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let text = c.to_string();
        if !out.ends_with(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cur = c.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_keeps_its_cause_for_the_log() {
        let io = std::io::Error::other("disk on fire");
        let e: AppError = StoreError::other(io).into();
        assert!(matches!(e, AppError::Internal(_)));
        assert_eq!(e.to_string(), "internal error", "users never see the cause");
        assert_eq!(chain(&e), "internal error: storage failure: disk on fire");
    }
}
