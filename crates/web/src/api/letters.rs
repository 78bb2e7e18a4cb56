//! Letters of recognition and invitation: coordinators issue and revoke them in their
//! organisation's name; both organisations' members read and download them; anyone checks one.
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_domain::letter::LetterInput;
use tandem_store::Letter;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::letters::{self as svc, Checked};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, issue))
        .routes(routes!(pdf))
        .routes(routes!(revoke))
        .routes(routes!(verify))
}

#[derive(Serialize, ToSchema)]
struct Letters {
    letters: Vec<Letter>,
}

/// The letters the organisation issued or received, newest first
#[utoipa::path(get, path = "/letters", tag = "letters", responses((status = 200, description = "Letters", body = Letters)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgDirectory>,
) -> Result<Json<Letters>, ApiError> {
    Ok(Json(Letters { letters: svc::list(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewLetterBody {
    /// The organisation the letter is for.
    recipient_org: String,
    /// `recognition` or `invitation`.
    kind: String,
    purpose: String,
    /// Who it is addressed to (an embassy, a ministry, "to whom it may concern").
    addressee: String,
    /// YYYY-MM-DD, after today, at most two years ahead.
    valid_until: String,
}

/// Issue a letter in the organisation's name (coordinators); it is signed at once
#[utoipa::path(post, path = "/letters", tag = "letters", request_body = NewLetterBody,
    responses((status = 201, description = "Issued", body = Letter)))]
async fn issue(
    State(state): State<AppState>,
    who: Can<perm::IssueLetters>,
    ApiJson(b): ApiJson<NewLetterBody>,
) -> Result<(StatusCode, Json<Letter>), ApiError> {
    let input =
        LetterInput { kind: b.kind, purpose: b.purpose, addressee: b.addressee, valid_until: b.valid_until };
    Ok((StatusCode::CREATED, Json(svc::issue(&state, &who.actor(), &b.recipient_org, &input).await?)))
}

/// The letter as a one-page PDF (either organisation's members)
#[utoipa::path(get, path = "/letters/{id}/pdf", tag = "letters", params(("id" = String, Path)),
    responses((status = 200, description = "The PDF", content_type = "application/pdf")))]
async fn pdf(
    State(state): State<AppState>,
    who: Can<perm::ViewOrgDirectory>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let l = svc::own(&state, &who.actor(), &id).await?;
    let bytes = svc::pdf(&state, &l)?;
    let name = format!("attachment; filename=\"letter-{}.pdf\"", l.issued_on);
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, name)], bytes))
}

/// Revoke a letter the organisation issued (coordinators)
#[utoipa::path(post, path = "/letters/{id}/revoke", tag = "letters", params(("id" = String, Path)),
    responses((status = 200, description = "Revoked", body = Letter)))]
async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::IssueLetters>,
    Path(id): Path<String>,
) -> Result<Json<Letter>, ApiError> {
    Ok(Json(svc::revoke(&state, &who.actor(), &id).await?))
}

/// Check a letter (anyone): genuine, expired, revoked, tampered, or signed under a key this
/// server no longer holds; with the signed text and the public key to check it offline
#[utoipa::path(get, path = "/verify/letters/{id}", tag = "letters", security(()), params(("id" = String, Path)),
    responses((status = 200, description = "The check", body = Checked)))]
async fn verify(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Checked>, ApiError> {
    Ok(Json(svc::check(&state, &id).await?))
}
