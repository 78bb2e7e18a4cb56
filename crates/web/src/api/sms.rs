//! The SMS gateway webhook, `POST /api/v1/intake/sms`: a gateway (RapidPro, FrontlineSMS, a
//! modem) forwards each text with its shared secret in `X-Sms-Secret`. A message that parses
//! (`HATE KUMBA fliers calling to burn the market`) becomes a report at once; one that does not
//! is kept for a coordinator (`GET /api/v1/sms-inbox`). Both answer 202 so the gateway does not
//! retry. The sender's number is the reporter's contact.
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::{Form, Json};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use tandem_domain::report::Channel;
use tandem_domain::InvalidInput;
use tandem_store::SmsMessage;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::paging::{self, QueryResult};
use crate::error::{ApiError, ApiJson};
use crate::ew::reports::{self, RawReport};
use crate::extract::{perm, Can};
use crate::headers::NoStore;
use crate::password::token_hash;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(receive)).routes(routes!(inbox)).routes(routes!(sender))
}

/// Longest text accepted: ten concatenated SMS.
const MAX_TEXT: usize = 1600;

/// A text as a gateway forwards it. Gateways add fields of their own, and some withhold the
/// sender: only the text is needed.
#[derive(Deserialize, ToSchema)]
struct Sms {
    #[serde(alias = "From", alias = "sender", alias = "phone")]
    from: Option<String>,
    #[serde(alias = "Body", alias = "message", alias = "body")]
    text: String,
}

/// What became of a text: `filed` as a report, or `held` for a coordinator, saying why.
#[derive(Serialize, ToSchema)]
struct Received {
    #[schema(inline)]
    status: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    report_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    Filed,
    Held,
}

/// SMS gateway webhook (shared secret)
#[utoipa::path(post, path = "/intake/sms", tag = "early warning", security(()),
    params(("X-Sms-Secret" = Option<String>, Header, description = "The gateway's shared secret")),
    request_body = Sms, responses((status = 202, description = "Filed or held", body = Received)))]
async fn receive(
    State(state): State<AppState>,
    req: Request,
) -> Result<(StatusCode, Json<Received>), ApiError> {
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
    Ok((StatusCode::ACCEPTED, Json(Received { status: Outcome::Filed, report_id: Some(id), reason: None })))
}

/// Keeps a message that could not be filed, saying why.
async fn held(
    state: &AppState,
    org: &tandem_domain::OrgId,
    sender: Option<&str>,
    text: &str,
    reason: &str,
) -> Result<(StatusCode, Json<Received>), ApiError> {
    let id = tandem_domain::OrgId::new().to_string();
    let sealer = reports::Sealer { keys: &state.keys, org };
    let msg = tandem_store::NewSmsMessage {
        sender: sender.map(|s| sealer.seal(tandem_domain::seal::Purpose::SmsSender, &id, s)),
        id,
        body: text.trim().to_owned(),
        reason: reason.to_owned(),
    };
    state.store.add_sms_inbox(org, &msg).await?;
    let held = Received { status: Outcome::Held, report_id: None, reason: Some(reason.to_owned()) };
    Ok((StatusCode::ACCEPTED, Json(held)))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct InboxQuery {
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
struct Inbox {
    messages: Vec<SmsMessage>,
}

/// Text messages that could not be filed (coordinators)
#[utoipa::path(get, path = "/sms-inbox", tag = "early warning", params(InboxQuery),
    responses((status = 200, description = "Newest first", body = Inbox)))]
async fn inbox(
    State(state): State<AppState>,
    who: Can<perm::TriageReports>,
    q: QueryResult<InboxQuery>,
) -> Result<Json<Inbox>, ApiError> {
    let q = paging::query(q)?;
    let limit = paging::limit(q.limit, 100)?;
    Ok(Json(Inbox { messages: state.store.list_sms_inbox(who.org_id(), limit).await? }))
}

#[derive(Serialize, ToSchema)]
struct Sender {
    id: String,
    /// None when the gateway withheld it, or it was purged.
    sender: Option<String>,
}

/// A held message's sender (coordinators; audited)
#[utoipa::path(get, path = "/sms-inbox/{id}/sender", tag = "protection", params(("id" = String, Path)),
    responses((status = 200, description = "The number the message came from", body = Sender)))]
async fn sender(
    State(state): State<AppState>,
    who: Can<perm::ReadContact>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<(NoStore, Json<Sender>), ApiError> {
    let sender =
        crate::protection::secrets::read(&state, &who.actor(), tandem_domain::seal::Purpose::SmsSender, &id)
            .await?;
    Ok((NoStore, Json(Sender { id, sender })))
}
