//! Protection protocol reviews: an admin records that the organisation reviewed its protocol and
//! when it will next; the home page tells admins when the next review is near, late or was never
//! recorded. Tandem keeps the dates, not the protocol.
use chrono::{NaiveDate, Utc};
use serde_json::json;
use tandem_domain::access::{Action, Actor};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::protocol::{Review, Standing};
use tandem_domain::{InvalidInput, OrgId};

use crate::app_error::AppError;
use crate::AppState;

fn date(field: &'static str, raw: &str) -> Result<NaiveDate, InvalidInput> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| InvalidInput::new(field, "must be a date, YYYY-MM-DD"))
}

/// Records a review done on `reviewed_on`, the next on `next_review_on` (empty: six months on).
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn record(
    state: &AppState,
    actor: &Actor,
    reviewed_on: &str,
    next_review_on: Option<&str>,
) -> Result<Review, AppError> {
    actor.may(Action::ReviewProtocol)?;
    let reviewed = date("reviewed_on", reviewed_on)?;
    let next = next_review_on.map(str::trim).filter(|s| !s.is_empty()).map(|s| date("next_review_on", s));
    let review = Review::new(reviewed, next.transpose()?, Utc::now().date_naive())?;
    let ev =
        NewAuditEvent::new("protocol.review").org(&actor.org_id).actor(&actor.user_id).detail(json!(review));
    state.store.record_protocol_review(&actor.org_id, review, &actor.user_id, ev).await?;
    Ok(review)
}

/// Where the organisation stands today.
pub async fn standing(state: &AppState, org: &OrgId) -> Result<(Option<Review>, Standing), AppError> {
    let review = state.store.protocol_review(org).await?;
    Ok((review, Standing::of(review.as_ref(), Utc::now().date_naive())))
}
