//! An organisation's protection settings and data: the protected-names list (coordinators),
//! retention periods and purge (admins set them; members may read them), and the export of all
//! of its own data (admins): `GET /export.jsonl`, `GET /export/{kind}.csv`.
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::OrgId;

use crate::app_error::AppError;
use crate::error::{ApiError, ApiJson};
use crate::extract::{perm, Can};
use crate::protection::export::{self, Cursor, Kind};
use crate::protection::{retention, secrets};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/protected-names", get(names).post(add_name))
        .route("/protected-names/{id}", delete(remove_name))
        .route("/retention", get(get_retention).put(set_retention))
        .route("/retention/purge", post(purge))
        .route("/export.jsonl", get(export_jsonl))
        .route("/export/{file}", get(export_csv))
}

async fn names(State(state): State<AppState>, who: Can<perm::EraseReport>) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!({ "names": secrets::list_names(&state, who.org_id()).await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewName {
    name: String,
}

async fn add_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    ApiJson(b): ApiJson<NewName>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let id = secrets::add_name(&state, &who.actor(), &b.name).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

async fn remove_name(
    State(state): State<AppState>,
    who: Can<perm::EraseReport>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    secrets::remove_name(&state, &who.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn get_retention(
    State(state): State<AppState>,
    who: Can<perm::ViewReports>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(state.store.get_retention(who.org_id()).await?)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetRetention {
    contact_days: i64,
    dismissed_days: i64,
}

async fn set_retention(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
    ApiJson(b): ApiJson<SetRetention>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(json!(retention::set(&state, &who.actor(), b.contact_days, b.dismissed_days).await?)))
}

async fn purge(
    State(state): State<AppState>,
    who: Can<perm::ManageRetention>,
) -> Result<Json<Value>, ApiError> {
    let done =
        retention::purge_org(state.store.as_ref(), who.org_id(), Some(&who.0.user.id), Utc::now()).await?;
    Ok(Json(json!(done)))
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

async fn export_jsonl(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
) -> Result<Response, ApiError> {
    audit_export(&state, &who, "jsonl").await?;
    let body = stream(&state, who.org_id().clone(), Kind::ALL.to_vec(), jsonl);
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], body).into_response())
}

async fn export_csv(
    State(state): State<AppState>,
    who: Can<perm::ExportOrgData>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let kind = file.strip_suffix(".csv").and_then(Kind::from_file).ok_or(ApiError::NotFound)?;
    audit_export(&state, &who, kind.file()).await?;
    let body = stream(&state, who.org_id().clone(), vec![kind], export::csv_rows);
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response())
}

async fn audit_export(state: &AppState, who: &Can<perm::ExportOrgData>, what: &str) -> Result<(), ApiError> {
    let ev = tandem_domain::audit::NewAuditEvent::new("org.export")
        .org(who.org_id())
        .actor(&who.0.user.id)
        .detail(json!({ "what": what }));
    state.store.append_audit(ev).await?;
    Ok(())
}
