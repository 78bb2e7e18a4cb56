//! An organisation's protection settings and data: the protected-names list (coordinators),
//! retention periods and purge (admins set them; members may read them), and the export of all
//! of its own data (admins): `GET /export.jsonl`, `GET /export/{kind}.csv`.
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tandem_domain::retention::{Retention, MAX_DAYS, MIN_DAYS};
use tandem_domain::OrgId;
use tandem_store::Purged;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app_error::AppError;
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::headers::{Attachment, NoStore};
use crate::protection::export::{self, Cursor, Kind};
use crate::protection::retention;
use crate::protection::secrets::{self, NameView};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(names, add_name))
        .routes(routes!(remove_name))
        .routes(routes!(get_retention, set_retention))
        .routes(routes!(get_protocol_review, record_protocol_review))
        .routes(routes!(purge))
        .routes(routes!(export_jsonl))
        .routes(routes!(export_csv))
}

#[derive(Serialize, ToSchema)]
struct Names {
    names: Vec<NameView>,
}

/// The protected-names list (coordinators)
#[utoipa::path(get, path = "/protected-names", tag = "protection",
    responses((status = 200, description = "The names, opened", body = Names)))]
async fn names(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
) -> Result<(NoStore, Json<Names>), ApiError> {
    Ok((NoStore, Json(Names { names: secrets::list_names(&state, who.org_id()).await? })))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewName {
    /// A name to keep out of everything shared: a person at risk, a witness.
    #[schema(min_length = 1)]
    name: String,
}

#[derive(Serialize, ToSchema)]
struct NameId {
    id: String,
}

/// Add a protected name (coordinators)
#[utoipa::path(post, path = "/protected-names", tag = "protection", request_body = NewName,
    responses((status = 201, description = "Added (sealed)", body = NameId)))]
async fn add_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ApiJson(b): ApiJson<NewName>,
) -> Result<(StatusCode, Json<NameId>), ApiError> {
    let id = secrets::add_name(&state, &who.actor(), &b.name).await?;
    Ok((StatusCode::CREATED, Json(NameId { id })))
}

/// Remove a protected name (coordinators)
#[utoipa::path(delete, path = "/protected-names/{id}", tag = "protection", params(("id" = String, Path)),
    responses((status = 204, description = "Removed")))]
async fn remove_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    secrets::remove_name(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The organisation's retention periods
#[utoipa::path(get, path = "/retention", tag = "protection",
    responses((status = 200, description = "Days kept", body = Retention)))]
async fn get_retention(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
) -> Result<Json<Retention>, ApiError> {
    Ok(Json(state.store.get_retention(who.org_id()).await?))
}

fn days() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(MIN_DAYS)).maximum(Some(MAX_DAYS))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SetRetention {
    /// Days reporter contacts and SMS senders are kept.
    #[schema(schema_with = days)]
    contact_days: i64,
    /// Days dismissed reports are kept.
    #[schema(schema_with = days)]
    dismissed_days: i64,
}

/// Set retention periods (admins)
#[utoipa::path(put, path = "/retention", tag = "protection", request_body = SetRetention,
    responses((status = 200, description = "Saved", body = Retention)))]
async fn set_retention(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
    ApiJson(b): ApiJson<SetRetention>,
) -> Result<Json<Retention>, ApiError> {
    Ok(Json(retention::set(&state, &who.actor(), b.contact_days, b.dismissed_days).await?))
}

#[derive(Serialize, ToSchema)]
struct ProtocolReview {
    /// The last review on record; null if none.
    review: Option<tandem_domain::protocol::Review>,
    /// `never`, `current`, `due_soon` (within 30 days) or `overdue`, with the next review's day
    /// and how many days are left or late.
    #[schema(value_type = Object)]
    standing: tandem_domain::protocol::Standing,
}

/// When the organisation last reviewed its protection protocol, and when it will next
#[utoipa::path(get, path = "/protocol-review", tag = "protection",
    responses((status = 200, description = "The review on record and where it stands", body = ProtocolReview)))]
async fn get_protocol_review(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
) -> Result<Json<ProtocolReview>, ApiError> {
    let (review, standing) = crate::protection::protocol::standing(&state, who.org_id()).await?;
    Ok(Json(ProtocolReview { review, standing }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RecordReview {
    /// The day the protocol was reviewed (not in the future).
    #[schema(format = Date)]
    reviewed_on: String,
    /// The day of the next review, after today and within 24 months; six months on if left out.
    #[schema(format = Date)]
    next_review_on: Option<String>,
}

/// Record a review of the protection protocol (admins)
#[utoipa::path(put, path = "/protocol-review", tag = "protection", request_body = RecordReview,
    responses((status = 200, description = "Recorded", body = ProtocolReview)))]
async fn record_protocol_review(
    State(state): State<AppState>,
    who: Can<perm::ReviewProtocol>,
    ApiJson(b): ApiJson<RecordReview>,
) -> Result<Json<ProtocolReview>, ApiError> {
    use crate::protection::protocol;
    protocol::record(&state, &who.actor(), &b.reviewed_on, b.next_review_on.as_deref()).await?;
    let (review, standing) = protocol::standing(&state, who.org_id()).await?;
    Ok(Json(ProtocolReview { review, standing }))
}

/// Apply retention now (admins)
#[utoipa::path(post, path = "/retention/purge", tag = "protection",
    responses((status = 200, description = "What was deleted", body = Purged)))]
async fn purge(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
) -> Result<Json<Purged>, ApiError> {
    let done =
        retention::purge_org(state.store.as_ref(), who.org_id(), Some(&who.0.user.id), Utc::now()).await?;
    Ok(Json(done))
}

/// Turns a page of records of one kind into bytes; the flag says whether it is the first page.
type Encode = fn(Kind, &[Value], bool) -> Result<Vec<u8>, AppError>;

/// Streams pages of `kinds` as they are read, each turned into bytes by `encode`.
fn stream(state: &AppState, org: OrgId, kinds: Vec<Kind>, encode: Encode) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let store = state.store.clone();
    tokio::spawn(async move {
        for kind in kinds {
            let mut cur = Cursor::default();
            let mut first = true;
            loop {
                let chunk = match export::page(store.as_ref(), &org, kind, &mut cur).await {
                    Ok(rows) if rows.is_empty() && !first => break,
                    Ok(rows) => encode(kind, &rows, first),
                    Err(e) => Err(e),
                };
                first = false;
                let failed = chunk.is_err();
                let msg = chunk.map_err(|e| std::io::Error::other(e.to_string()));
                if tx.send(msg).await.is_err() || failed {
                    return;
                }
            }
        }
    });
    Body::from_stream(futures_util::stream::unfold(
        rx,
        |mut rx| async move { rx.recv().await.map(|c| (c, rx)) },
    ))
}

fn jsonl(kind: Kind, rows: &[Value], _first: bool) -> Result<Vec<u8>, AppError> {
    Ok(rows.iter().map(|r| export::json_line(kind, r.clone())).collect::<String>().into_bytes())
}

/// All of the organisation's own data as JSON lines (admins)
#[utoipa::path(get, path = "/export.jsonl", tag = "protection",
    responses((status = 200, description = "One JSON object a line, each with its kind", body = String, content_type = "application/x-ndjson")))]
async fn export_jsonl(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
) -> Result<Response, ApiError> {
    audit_export(&state, &who, "jsonl").await?;
    let body = stream(&state, who.org_id().clone(), Kind::ALL.to_vec(), jsonl);
    Ok((
        NoStore,
        Attachment("tandem-export.jsonl".into()),
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        body,
    )
        .into_response())
}

/// One kind of the organisation's data as CSV (admins), e.g. reports.csv
#[utoipa::path(get, path = "/export/{file}", tag = "protection", params(("file" = String, Path)),
    responses((status = 200, description = "A header row, then a row a record", body = String, content_type = "text/csv")))]
async fn export_csv(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let kind = file.strip_suffix(".csv").and_then(Kind::from_file).ok_or(ApiError::NotFound)?;
    audit_export(&state, &who, kind.file()).await?;
    let body = stream(&state, who.org_id().clone(), vec![kind], export::csv_rows);
    Ok((
        NoStore,
        Attachment(format!("{}.csv", kind.file())),
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        body,
    )
        .into_response())
}

async fn audit_export(state: &AppState, who: &Can<perm::ExportOrgData>, what: &str) -> Result<(), ApiError> {
    let ev = tandem_domain::audit::NewAuditEvent::new("org.export")
        .org(who.org_id())
        .actor(&who.0.user.id)
        .detail(json!({ "what": what }));
    state.store.append_audit(ev).await?;
    Ok(())
}
