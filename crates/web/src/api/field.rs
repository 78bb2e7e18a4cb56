//! Field teams' access (app users: coordinators) and the files that came with reports (listed
//! for every member; opened by coordinators, each opening audited). Another organisation's app
//! users, reports and files are 404.
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_store::{AppUser, Attachment as FileInfo};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ApiJson};
use crate::ew::field;
use crate::extract::{perm, Can};
use crate::headers::{Attachment, NoStore};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(revoke))
        .routes(routes!(files))
        .routes(routes!(file))
}

#[derive(Serialize, ToSchema)]
struct AppUsers {
    app_users: Vec<AppUser>,
}

/// The organisation's field teams (coordinators)
#[utoipa::path(get, path = "/app-users", tag = "field",
    responses((status = 200, description = "Field teams, revoked ones included", body = AppUsers)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
) -> Result<Json<AppUsers>, ApiError> {
    Ok(Json(AppUsers { app_users: field::list(&state, &who.actor()).await? }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewAppUser {
    /// Who carries it, e.g. "Kumba market team".
    #[schema(min_length = 1, max_length = 80)]
    name: String,
    /// A survey the organisation serves to phones: the team gets that survey's form instead
    /// of the report form.
    survey: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct Issued {
    app_user: AppUser,
    /// Shown once: only its hash is kept.
    token: String,
    /// The address to configure in ODK Collect.
    server_url: String,
    /// ODK Collect's settings, as its "Configure with QR code" reads them.
    collect_settings: String,
}

/// Give a field team access to the report form, or to a survey's form (coordinators)
#[utoipa::path(post, path = "/app-users", tag = "field", request_body = NewAppUser,
    responses((status = 201, description = "Created; the token is shown once", body = Issued)))]
async fn create(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
    ApiJson(b): ApiJson<NewAppUser>,
) -> Result<(StatusCode, NoStore, Json<Issued>), ApiError> {
    let actor = who.actor();
    let issued =
        field::issue(state.store.as_ref(), &actor.org_id, Some(&actor.user_id), &b.name, b.survey.as_deref())
            .await?;
    let server_url = field::server_url(&state, &issued.token);
    let project = format!("Tandem: {}", who.member.0.org.name);
    let collect_settings = field::collect_settings(&server_url, &project);
    Ok((
        StatusCode::CREATED,
        NoStore,
        Json(Issued { app_user: issued.app_user, token: issued.token, server_url, collect_settings }),
    ))
}

/// Revoke a field team's access (coordinators)
#[utoipa::path(delete, path = "/app-users/{app_user_id}", tag = "field",
    params(("app_user_id" = String, Path)), responses((status = 204, description = "Revoked")))]
async fn revoke(
    State(state): State<AppState>,
    who: Can<perm::ManageFieldTeams>,
    Path(app_user_id): Path<String>,
) -> Result<StatusCode, ApiError> {
    field::revoke(&state, &who.actor(), &app_user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
struct Files {
    attachments: Vec<FileInfo>,
}

/// The files that came with a report
#[utoipa::path(get, path = "/reports/{id}/attachments", tag = "field", params(("id" = String, Path)),
    responses((status = 200, description = "Names, types and sizes; not the content", body = Files)))]
async fn files(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
    Path(id): Path<String>,
) -> Result<Json<Files>, ApiError> {
    // The report must be the caller's: another organisation's is 404, not an empty list.
    state.store.get_report(who.org_id(), &id).await?;
    Ok(Json(Files { attachments: field::files(&state, &who.actor(), &id).await? }))
}

/// One file, opened (coordinators; audited)
#[utoipa::path(get, path = "/reports/{id}/attachments/{attachment_id}", tag = "field",
    params(("id" = String, Path), ("attachment_id" = String, Path)),
    responses((status = 200, description = "The file, as a download", content_type = "application/octet-stream")))]
async fn file(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    Path((id, attachment_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (meta, bytes) = field::open_file(&state, &who.actor(), &id, &attachment_id).await?;
    let mut r = (NoStore, Attachment(meta.name.clone()), bytes).into_response();
    // A download, whatever the phone called it: never rendered by the browser as a page.
    let shown = field::served_type(&meta.content_type);
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(shown));
    r.headers_mut().insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(r)
}
