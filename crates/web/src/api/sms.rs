//! The SMS gateway webhook, `POST /api/v1/intake/sms`: a gateway (RapidPro, FrontlineSMS, a
//! modem) forwards each text with its shared secret in `X-Sms-Secret`. A message that parses
//! (`HATE KUMBA fliers calling to burn the market`) becomes a report at once; one that does not
//! is kept for a coordinator (`GET /api/v1/sms-inbox`). Both answer 202 so the gateway does not
//! retry. The sender's number is the reporter's contact.
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use tandem_domain::report::Channel;
use tandem_domain::InvalidInput;

use crate::error::{ApiError, ApiJson};
use crate::ew::reports::{self, RawReport};
use crate::extract::{perm, Can};
use crate::password::token_hash;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/intake/sms", post(receive))
        .route("/sms-inbox", get(inbox))
        .route("/sms-inbox/{id}/sender", get(sender))
}

/// Longest text accepted: ten concatenated SMS.
const MAX_TEXT: usize = 1600;

#[derive(Deserialize)]
struct Sms {
    #[serde(alias = "From", alias = "sender", alias = "phone")]
    from: Option<String>,
    #[serde(alias = "Body", alias = "message", alias = "body")]
    text: String,
}

async fn receive(State(state): State<AppState>, req: Request) -> Result<(StatusCode, Json<Value>), ApiError> {
    let secret = req.headers().get("x-sms-secret").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let Some(org) = (match secret {
        Some(s) if !s.is_empty() && s.len() <= 200 => state.store.find_sms_gateway(&token_hash(&s)).await?,
        _ => None,
    }) else {
        return Err(ApiError::Unauthorized);
    };
    let is_json = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let sms: Sms = if is_json {
        ApiJson::<Sms>::from_request(req, &state).await?.0
    } else {
        Form::<Sms>::from_request(req, &state)
            .await
            .map_err(|e| ApiError::Invalid(InvalidInput::new("body", e.body_text())))?
            .0
    };
    if sms.text.chars().count() > MAX_TEXT {
        return Err(InvalidInput::new("text", format!("must be at most {MAX_TEXT} characters")).into());
    }
    let sender = sms.from.as_deref().map(str::trim).filter(|s| !s.is_empty() && s.len() <= 64);
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let parsed = match tandem_domain::sms::parse(&sms.text, &cfg.sms) {
        Ok(p) => p,
        Err(reason) => return held(&state, &org, sender, &sms.text, reason).await,
    };
    let raw = RawReport {
        area: parsed.area,
        category: parsed.category,
        severity: parsed.severity as i64,
        occurred_at: Utc::now().to_rfc3339(),
        description: parsed.description,
        reporter_contact: sender.map(str::to_owned),
    };
    let sealer = reports::Sealer { keys: &state.keys, org: &org };
    let new = match reports::parse(&cfg, &raw, Channel::Sms, None, Utc::now(), sealer) {
        Ok(n) => n,
        Err(e) => return held(&state, &org, sender, &sms.text, &e.to_string()).await,
    };
    let stored = reports::file_queued(&state, &cfg, &org, &[new]).await?;
    let id = stored.first().map(|r| r.id.clone()).unwrap_or_default();
    Ok((StatusCode::ACCEPTED, Json(json!({ "status": "filed", "report_id": id }))))
}

/// Keeps a message that could not be filed, saying why.
async fn held(
    state: &AppState,
    org: &tandem_domain::OrgId,
    sender: Option<&str>,
    text: &str,
    reason: &str,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let id = tandem_domain::OrgId::new().to_string();
    let sealer = reports::Sealer { keys: &state.keys, org };
    let msg = tandem_store::NewSmsMessage {
        sender: sender.map(|s| sealer.seal(tandem_domain::seal::Purpose::SmsSender, &id, s)),
        id,
        body: text.trim().to_owned(),
        reason: reason.to_owned(),
    };
    state.store.add_sms_inbox(org, &msg).await?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "status": "held", "reason": reason }))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InboxQuery {
    limit: Option<i64>,
}

/// Messages that could not be filed, newest first (coordinators).
async fn inbox(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    q: Result<Query<InboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let Query(q) = q.map_err(|e| ApiError::Invalid(InvalidInput::new("query", e.body_text())))?;
    let limit = super::paging::limit(q.limit, 100)?;
    Ok(Json(json!({ "messages": state.store.list_sms_inbox(who.org_id(), limit).await? })))
}

/// The number a held message came from (coordinators; the reading is audited).
async fn sender(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Json<Value>, ApiError> {
    let sender =
        crate::protection::secrets::read(&state, &who.actor(), tandem_domain::seal::Purpose::SmsSender, &id)
            .await?;
    Ok(Json(json!({ "id": id, "sender": sender })))
}
