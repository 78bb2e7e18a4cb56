//! A violation's evidence files and sealed details over the API: any member uploads (streamed;
//! the size limit is the server's `max_evidence_mb`), coordinators open, every opening audited.
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tandem_domain::seal::Purpose;
use tandem_store::Evidence;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::extract::{perm, Can};
use crate::headers::NoStore;
use crate::observatory::evidence::{self, Copy};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(download))
        .routes(routes!(sealed))
        // The service counts the bytes against the configured limit as they stream by.
        .merge(OpenApiRouter::new().routes(routes!(upload)).layer(DefaultBodyLimit::disable()))
}

/// The multipart form of an upload: one part named `file`.
#[derive(ToSchema)]
#[allow(dead_code)]
struct UploadForm {
    /// A photo (JPEG, PNG, WebP, HEIC), a PDF, a sound recording or a video.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Reads the multipart body up to its `file` part and streams that part to the service.
pub async fn receive(
    state: &AppState,
    actor: &tandem_domain::access::Actor,
    violation: &str,
    mut multipart: Multipart,
) -> Result<Evidence, ApiError> {
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|e| ApiError::BadRequest(format!("malformed multipart body: {}", e.body_text())))?;
        let Some(field) = field else {
            return Err(tandem_domain::InvalidInput::new(
                "file",
                "is required: send the file in a part named file",
            )
            .because(tandem_domain::Problem::Required)
            .into());
        };
        if field.name() == Some("file") {
            let chunks = field.map(|c| c.map_err(|e| e.body_text()));
            return Ok(evidence::upload(state, actor, violation, Box::pin(chunks)).await?);
        }
    }
}

/// Add an evidence file to a violation (any member; streamed, encrypted at rest)
#[utoipa::path(post, path = "/violations/{id}/evidence", tag = "observatory", params(("id" = String, Path)),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, description = "Stored: its SHA-256 is the custody record's first line", body = Evidence)))]
async fn upload(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Evidence>), ApiError> {
    let multipart = multipart.map_err(not_multipart)?;
    Ok((StatusCode::CREATED, Json(receive(&state, &who.actor(), &id, multipart).await?)))
}

/// A body that is not a multipart form (or has no boundary): 415, in the error contract.
pub fn not_multipart(e: MultipartRejection) -> ApiError {
    ApiError::UnsupportedMediaType(format!(
        "expected a multipart/form-data body with a part named file: {}",
        e.body_text()
    ))
}

/// One step of a file's chain of custody.
#[derive(Serialize, ToSchema)]
pub struct CustodyStep {
    pub at: DateTime<Utc>,
    /// evidence.upload or evidence.open.
    pub action: String,
    pub actor_id: Option<String>,
    /// For an opening: original, clean or sealed.
    pub copy: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct EvidenceWithCustody {
    #[serde(flatten)]
    evidence: Evidence,
    custody: Vec<CustodyStep>,
}

#[derive(Serialize, ToSchema)]
struct EvidenceList {
    evidence: Vec<EvidenceWithCustody>,
}

pub fn custody(trail: Vec<tandem_domain::audit::AuditEvent>) -> Vec<CustodyStep> {
    trail
        .into_iter()
        .map(|e| {
            let copy = serde_json::from_str::<serde_json::Value>(&e.detail)
                .ok()
                .and_then(|d| d["copy"].as_str().map(str::to_owned));
            CustodyStep { at: e.at, action: e.action, actor_id: e.actor_id, copy }
        })
        .collect()
}

/// A violation's evidence files with their chains of custody (members)
#[utoipa::path(get, path = "/violations/{id}/evidence", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "The files, oldest first", body = EvidenceList)))]
async fn list(
    State(state): State<AppState>,
    who: Can<perm::DocumentViolation>,
    Path(id): Path<String>,
) -> Result<Json<EvidenceList>, ApiError> {
    let files = evidence::list(&state, &who.actor(), &id).await?;
    let evidence = files
        .into_iter()
        .map(|(evidence, trail)| EvidenceWithCustody { evidence, custody: custody(trail) })
        .collect();
    Ok(Json(EvidenceList { evidence }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CopyQuery {
    /// original (the default), clean (without metadata: the copy that may leave the
    /// organisation) or sealed (the age file as stored, for a court).
    pub copy: Option<String>,
}

/// A streamed download of one opening; shared by the API and the pages.
pub fn streamed(opened: evidence::Opened) -> Response {
    let stream = futures_util::stream::unfold(opened.chunks, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let mut r = Body::from_stream(stream).into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&opened.content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", opened.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&opened.evidence.sha256) {
        h.insert("x-evidence-sha256", v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Open an evidence file (coordinators; each opening audited)
#[utoipa::path(get, path = "/violations/{id}/evidence/{evidence_id}", tag = "observatory",
    params(("id" = String, Path), ("evidence_id" = String, Path), CopyQuery),
    responses((status = 200, description = "The file, streamed", content_type = "application/octet-stream")))]
async fn download(
    State(state): State<AppState>,
    who: Can<perm::OpenViolationSecrets>,
    Path((id, evidence_id)): Path<(String, String)>,
    Query(q): Query<CopyQuery>,
) -> Result<Response, ApiError> {
    let copy: Copy = q.copy.as_deref().unwrap_or("original").parse()?;
    Ok(streamed(evidence::open(&state, &who.actor(), &id, &evidence_id, copy).await?))
}

/// What a violation seals, opened.
#[derive(Serialize, ToSchema)]
struct SealedDetails {
    /// The victims' names, kept with their consent (None when none were kept).
    victim_names: Option<String>,
    /// Who the source is (None when not kept).
    source_identity: Option<String>,
}

/// Open a violation's victims' names and source (coordinators; each opening audited)
#[utoipa::path(get, path = "/violations/{id}/sealed", tag = "observatory", params(("id" = String, Path)),
    responses((status = 200, description = "The sealed details", body = SealedDetails)))]
async fn sealed(
    State(state): State<AppState>,
    who: Can<perm::OpenViolationSecrets>,
    Path(id): Path<String>,
) -> Result<(NoStore, Json<SealedDetails>), ApiError> {
    let actor = who.actor();
    let read = |p| crate::protection::secrets::read(&state, &actor, p, &id);
    let victim_names = read(Purpose::VictimNames).await?;
    let source_identity = read(Purpose::SourceIdentity).await?;
    Ok((NoStore, Json(SealedDetails { victim_names, source_identity })))
}
