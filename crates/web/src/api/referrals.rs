//! Referrals received, over the API: the violations other organisations referred to the caller's
//! (an institution on Tandem), and its answer. Coordinators; anyone else's referral is 404.
use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::observatory::referrals::{self, Referral};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(one)).routes(routes!(answer))
}

#[derive(Serialize, ToSchema)]
struct Referrals {
    referrals: Vec<Referral>,
}

/// Violations referred to your organisation (coordinators)
#[utoipa::path(get, path = "/referrals", tag = "observatory",
    responses((status = 200, description = "Unanswered first, soonest due first", body = Referrals)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
) -> Result<Json<Referrals>, ApiError> {
    Ok(Json(Referrals { referrals: referrals::list(&state, &who.actor()).await? }))
}

/// One violation referred to your organisation (coordinators)
#[utoipa::path(get, path = "/referrals/{id}", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "The referral", body = Referral)))]
async fn one(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
    Path(id): Path<String>,
) -> Result<Json<Referral>, ApiError> {
    Ok(Json(referrals::get(&state, &who.actor(), &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AnswerBody {
    /// What your organisation did or will do.
    #[schema(min_length = 1, max_length = 10000)]
    response: String,
}

/// Answer a referral (coordinators of the organisation it was referred to)
#[utoipa::path(post, path = "/referrals/{id}/answer", tag = "observatory", params(("id" = String, Path)),
    request_body = AnswerBody,
    responses((status = 200, description = "Answered: the observatory sees it on its violation", body = Referral)))]
async fn answer(
    State(state): State<AppState>,
    who: Can<perm::AnswerReferral>,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<AnswerBody>,
) -> Result<Json<Referral>, ApiError> {
    Ok(Json(referrals::answer(&state, &who.actor(), &id, &b.response).await?))
}
