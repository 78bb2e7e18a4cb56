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
    /// The questionnaire Tandem serves to phones (tandem_domain::questionnaire), as written.
    pub questionnaire: Option<String>,
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
    /// The questionnaire served to phones as an XForm, as written; absent when the responses
    /// come only from exports.
    pub questionnaire: Option<String>,
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

#[derive(Debug, Clone, PartialEq)]
pub struct NewScorecard {
    pub id: String,
    /// The security unit it watches: an organisation on Tandem.
    pub unit_org: tandem_domain::OrgId,
    /// The area the unit serves, by P-code.
    pub area: String,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scorecard {
    pub id: String,
    /// The organisation that keeps it.
    pub org_id: String,
    pub org_name: String,
    pub unit_org: String,
    pub unit_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub unit_kind: tandem_domain::OrgKind,
    pub area: String,
    pub area_name: String,
    /// When the keeping organisation made it public; None while it is its own.
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewIndicator {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub measure: tandem_domain::scorecard::Measure,
    pub direction: tandem_domain::scorecard::Direction,
    pub disaggregation: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub frequency: tandem_domain::scorecard::Frequency,
    pub computed: Option<tandem_domain::scorecard::Computed>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub id: String,
    pub scorecard_id: String,
    pub name: String,
    pub definition: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub measure: tandem_domain::scorecard::Measure,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub direction: tandem_domain::scorecard::Direction,
    pub disaggregation: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub frequency: tandem_domain::scorecard::Frequency,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub computed: Option<tandem_domain::scorecard::Computed>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement {
    pub id: String,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    /// Where the number comes from, in words.
    pub source: String,
    /// Where the proof is: a note, a link.
    pub evidence: Option<String>,
    /// The survey the number was estimated from, when it was.
    pub survey_id: Option<String>,
    pub by: UserId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Measurement {
    pub id: String,
    pub indicator_id: String,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub source: String,
    pub evidence: Option<String>,
    pub survey_id: Option<String>,
    pub recorded_org: String,
    pub created_at: DateTime<Utc>,
}

/// A scorecard with everything recorded on it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorecardRecords {
    pub scorecard: Scorecard,
    pub indicators: Vec<Indicator>,
    /// Every indicator's, oldest first.
    pub measurements: Vec<Measurement>,
}
