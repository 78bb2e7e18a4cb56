//! Paging parameters the list endpoints share.
use crate::error::ApiError;

/// A list's `limit` query parameter: `default` when absent, refused outside 1–1000 (rather than
/// quietly clamped, so that a caller learns its request was not what it meant).
pub fn limit(raw: Option<i64>, default: i64) -> Result<i64, ApiError> {
    match raw {
        None => Ok(default),
        Some(n) if (1..=1000).contains(&n) => Ok(n),
        Some(_) => Err(tandem_domain::InvalidInput::new("limit", "must be between 1 and 1000").into()),
    }
}
