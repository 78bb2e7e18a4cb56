//! OpenRosa endpoints for ODK Collect and KoboCollect: `formList`, the XForm, and `submission`
//! (multipart with the instance XML in `xml_submission_file`). Authentication is by API token,
//! either as `Authorization: Bearer` or in the path, `/openrosa/key/{token}/…`, the way ODK
//! Central's app users configure a phone with one link. Submissions become reports of the
//! token's organisation, channel `openrosa`.
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use tandem_domain::access::Action;
use tandem_domain::report::Channel;
use tandem_store::Principal;

use crate::error::ApiError;
use crate::ew::openrosa::{parse_submission, xform, FORM_ID, FORM_VERSION};
use crate::ew::reports;
use crate::session::Auth;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openrosa/formList", get(form_list))
        .route("/openrosa/key/{token}/formList", get(form_list_key))
        .route("/openrosa/forms/tandem_report.xml", get(form))
        .route("/openrosa/key/{token}/forms/tandem_report.xml", get(form_key))
        .route("/openrosa/submission", axum::routing::head(head).post(submit))
        .route("/openrosa/key/{token}/submission", axum::routing::head(head_key).post(submit_key))
}

fn xml(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/xml; charset=utf-8"));
    h.insert("x-openrosa-version", HeaderValue::from_static("1.0"));
    r
}

fn message(status: StatusCode, text: &str) -> Response {
    let text = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    xml(
        status,
        format!(
            r#"<OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="">{text}</message></OpenRosaResponse>"#
        ),
    )
}

/// The caller from the path token or the bearer header, if it may file reports.
async fn caller(
    state: &AppState,
    token: Option<&str>,
    auth: Option<&Auth>,
) -> Result<std::sync::Arc<Principal>, Response> {
    let principal = match token {
        Some(t) => crate::session::resolve(state, t).await.map_err(|e| e.into_response())?,
        None => auth.and_then(|a| a.principal.clone()),
    };
    let p = principal
        .ok_or_else(|| message(StatusCode::UNAUTHORIZED, "sign-in required: use a Tandem API token"))?;
    let actor = crate::extract::Member(p.clone()).actor();
    actor.may(Action::FileReport).map_err(|_| message(StatusCode::FORBIDDEN, "you may not file reports"))?;
    Ok(p)
}

fn base_url(headers: &HeaderMap, token: Option<&str>) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    match token {
        Some(t) => format!("{proto}://{host}/openrosa/key/{t}"),
        None => format!("{proto}://{host}/openrosa"),
    }
}

async fn list(state: &AppState, token: Option<&str>, auth: Option<&Auth>, headers: &HeaderMap) -> Response {
    if let Err(r) = caller(state, token, auth).await {
        return r;
    }
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return ApiError::from(e).into_response(),
    };
    // ODK compares this hash to decide whether to download the form again.
    let hash = format!("md5:{}", hex::encode(<md5::Md5 as md5::Digest>::digest(xform(&cfg).as_bytes())));
    let url = format!("{}/forms/tandem_report.xml", base_url(headers, token));
    xml(
        StatusCode::OK,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><xforms xmlns="http://openrosa.org/xforms/xformsList"><xform><formID>{FORM_ID}</formID><name>Tandem report</name><version>{FORM_VERSION}</version><hash>{hash}</hash><downloadUrl>{url}</downloadUrl></xform></xforms>"#
        ),
    )
}

async fn form_list(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    headers: HeaderMap,
) -> Response {
    list(&state, None, auth.as_ref().map(|a| &a.0), &headers).await
}

async fn form_list_key(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    list(&state, Some(&token), None, &headers).await
}

async fn form_doc(state: &AppState, token: Option<&str>, auth: Option<&Auth>) -> Response {
    if let Err(r) = caller(state, token, auth).await {
        return r;
    }
    match state.ew_config.get(state.store.as_ref()).await {
        Ok(cfg) => xml(StatusCode::OK, xform(&cfg)),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn form(State(state): State<AppState>, auth: Option<axum::Extension<Auth>>) -> Response {
    form_doc(&state, None, auth.as_ref().map(|a| &a.0)).await
}

async fn form_key(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    form_doc(&state, Some(&token), None).await
}

/// The pre-flight ODK Collect makes before submitting.
fn preflight() -> Response {
    let mut r = StatusCode::NO_CONTENT.into_response();
    r.headers_mut().insert("x-openrosa-version", HeaderValue::from_static("1.0"));
    r.headers_mut().insert("x-openrosa-accept-content-length", HeaderValue::from_static("1048576"));
    r
}

async fn head() -> Response {
    preflight()
}

async fn head_key() -> Response {
    preflight()
}

async fn receive(
    state: &AppState,
    token: Option<&str>,
    auth: Option<&Auth>,
    mut multipart: Multipart,
) -> Response {
    let p = match caller(state, token, auth).await {
        Ok(p) => p,
        Err(r) => {
            // Read the rest of the (size-limited) body before refusing: answering mid-upload
            // makes clients see a reset connection instead of the 401 that tells ODK Collect
            // to ask for credentials.
            while let Ok(Some(mut field)) = multipart.next_field().await {
                while let Ok(Some(_)) = field.chunk().await {}
            }
            return r;
        }
    };
    let mut instance = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                if field.name() == Some("xml_submission_file") {
                    match field.bytes().await {
                        Ok(b) => instance = Some(b),
                        Err(e) => {
                            return message(
                                e.status(),
                                &format!("cannot read the submission: {}", e.body_text()),
                            )
                        }
                    }
                }
            }
            Ok(None) => break,
            Err(e) => return message(e.status(), &format!("malformed multipart body: {}", e.body_text())),
        }
    }
    let Some(instance) = instance else {
        return message(StatusCode::BAD_REQUEST, "no xml_submission_file part");
    };
    let raw = match parse_submission(&instance) {
        Ok(r) => r,
        Err(e) => return message(StatusCode::BAD_REQUEST, &e),
    };
    let cfg = match state.ew_config.get(state.store.as_ref()).await {
        Ok(c) => c,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let sealer = reports::Sealer { keys: &state.keys, org: &p.org.id };
    let new = match reports::parse(&cfg, &raw, Channel::Openrosa, Some(&p.user.id), Utc::now(), sealer) {
        Ok(n) => n,
        Err(e) => return message(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    match reports::file_queued(state, &cfg, &p.org.id, &[new]).await {
        Ok(_) => message(StatusCode::CREATED, "Report received. Thank you."),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn submit(
    State(state): State<AppState>,
    auth: Option<axum::Extension<Auth>>,
    multipart: Multipart,
) -> Response {
    receive(&state, None, auth.as_ref().map(|a| &a.0), multipart).await
}

async fn submit_key(
    State(state): State<AppState>,
    Path(token): Path<String>,
    multipart: Multipart,
) -> Response {
    receive(&state, Some(&token), None, multipart).await
}
