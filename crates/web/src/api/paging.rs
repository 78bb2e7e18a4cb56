//! Query strings and paging parameters the list endpoints share.
use axum::extract::Query;

use crate::error::ApiError;

/// A query string as extracted, or why it could not be read.
pub type QueryResult<T> = Result<Query<T>, axum::extract::rejection::QueryRejection>;

/// The query, or a 422 naming it when it does not fit (an unknown parameter, a wrong type).
pub fn query<T>(q: QueryResult<T>) -> Result<T, ApiError> {
    q.map(|Query(q)| q)
        .map_err(|e| ApiError::Invalid(tandem_domain::InvalidInput::new("query", e.body_text())))
}

/// A list's `limit` query parameter: `default` when absent, refused outside 1–1000 (rather than
/// quietly clamped, so that a caller learns its request was not what it meant).
pub fn limit(raw: Option<i64>, default: i64) -> Result<i64, ApiError> {
    match raw {
        None => Ok(default),
        Some(n) if (1..=1000).contains(&n) => Ok(n),
        Some(_) => Err(tandem_domain::InvalidInput::new("limit", "must be between 1 and 1000").into()),
    }
}
