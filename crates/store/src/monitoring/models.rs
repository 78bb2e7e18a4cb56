//! What surveys and scorecards are made of, as stored.
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_domain::UserId;

#[derive(Debug, Clone, PartialEq)]
pub struct NewSurvey {
    pub id: String,
    pub title: String,
    /// The column holding each response's weight (required: an unweighted survey has a column
    /// of ones).
    pub weight: String,
    pub strata: Option<String>,
    pub cluster: Option<String>,
    /// When the round was in the field.
    pub fielded_on: Option<NaiveDate>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survey {
    pub id: String,
    pub org_id: String,
    pub title: String,
    pub weight: String,
    pub strata: Option<String>,
    pub cluster: Option<String>,
    pub fielded_on: Option<NaiveDate>,
    /// Every column the imported files had, in the order first seen.
    pub columns: Vec<String>,
    pub responses: i64,
    pub created_at: DateTime<Utc>,
}

/// One response as imported: its submission key when the export has one, and its non-blank
/// answers by column.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSurveyResponse {
    pub submission: Option<String>,
    pub answers: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Added {
    pub imported: usize,
    /// Responses whose submission key an earlier import had brought.
    pub already_present: usize,
}
