//! The middleware that finds who is calling (bearer token or session cookie), and enforces CSRF
//! tokens on every state-changing request that rides on a cookie. Handlers read the result through
//! the extractors in `extract`.
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use tandem_store::Principal;

mod cache;
pub use cache::SessionCache;

use crate::cookies::cookie;
use crate::error::ApiError;
use crate::pages::error::PageError;
use crate::password::{constant_eq, token_hash};
use crate::AppState;

pub const SESSION_COOKIE: &str = "tandem_session";
/// A random value set on anonymous visitors, echoed in their forms (double-submit CSRF token).
pub const ANON_CSRF_COOKIE: &str = "tandem_csrf";
/// Largest form body the CSRF check buffers.
const FORM_LIMIT: usize = 1024 * 1024;

/// How the caller authenticated, if at all; put in request extensions for the extractors.
#[derive(Clone)]
pub struct Auth {
    pub principal: Option<Arc<Principal>>,
    pub via_cookie: bool,
    /// The raw token, needed to sign out.
    pub token: Option<String>,
    /// The CSRF token pages must put in their forms.
    pub csrf: Option<String>,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim()).filter(|t| !t.is_empty())
}

pub(crate) async fn resolve(state: &AppState, token: &str) -> Result<Option<Arc<Principal>>, ApiError> {
    if token.len() > 200 {
        return Ok(None);
    }
    let hash = token_hash(token);
    if let Some(p) = state.sessions.get(&hash) {
        return Ok(Some(p));
    }
    let found = state.store.find_session(&hash, Utc::now()).await?.map(Arc::new);
    if let Some(p) = &found {
        state.sessions.put(hash, p.clone());
    }
    Ok(found)
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    // Only pages need a language for their error page; the API's hot path skips the work.
    let lang = if is_api { crate::i18n::Lang::En } else { crate::i18n::negotiate(req.headers()) };
    match authenticate(&state, req).await {
        Ok(req) => next.run(req).await,
        Err(e) if is_api => e.into_response(),
        Err(e) => crate::pages::error::render(lang, PageError::from(e)),
    }
}

async fn authenticate(state: &AppState, mut req: Request) -> Result<Request, ApiError> {
    let headers = req.headers();
    let (token, via_cookie) = match bearer(headers) {
        Some(t) => (Some(t.to_owned()), false),
        None => (cookie(headers, SESSION_COOKIE).map(str::to_owned), true),
    };
    let principal = match &token {
        Some(t) => resolve(state, t).await?,
        None => None,
    };
    let csrf = match (&principal, via_cookie) {
        (Some(p), true) => Some(p.csrf_token.clone()),
        (None, _) => cookie(req.headers(), ANON_CSRF_COOKIE).map(str::to_owned),
        (Some(_), false) => None,
    };

    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // Bearer tokens are not sent by browsers on their own, so they need no CSRF token. A request
    // with no credentials at all needs one only when it is a browser form (a JSON body cannot be
    // sent cross-site without CORS, which Tandem never grants).
    let is_multipart = |req: &Request| {
        req.headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"))
    };
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    // API routes authenticate anonymous posts their own way (e.g. the SMS gateway's shared
    // secret), so only pages need the double-submit token for forms without a session.
    let is_api = req.uri().path().starts_with("/api/");
    let needs_check =
        unsafe_method && (token.is_none() || via_cookie) && (principal.is_some() || (is_form && !is_api));
    if needs_check {
        let expected = csrf.as_deref().ok_or(ApiError::Csrf)?;
        let sent_header = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let sent = match sent_header {
            Some(h) => Some(h),
            // A file upload from a page (multipart) carries its token in the form's address:
            // the body is a stream of files, not read here. Only the matched path's owner
            // (the evidence upload) is posted this way, and the address is never logged.
            None if is_multipart(&req) => req
                .uri()
                .query()
                .and_then(|q| form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "_csrf"))
                .map(|(_, v)| v.into_owned()),
            None if is_form => {
                let (parts, body) = req.into_parts();
                let bytes = axum::body::to_bytes(body, FORM_LIMIT).await.map_err(|_| ApiError::TooLarge)?;
                let field =
                    form_urlencoded::parse(&bytes).find(|(k, _)| k == "_csrf").map(|(_, v)| v.into_owned());
                req = Request::from_parts(parts, Body::from(bytes));
                field
            }
            None => None,
        };
        if !sent.as_deref().is_some_and(|s| constant_eq(s, expected)) {
            return Err(ApiError::Csrf);
        }
    }
    req.extensions_mut().insert(Auth { principal, via_cookie, token, csrf });
    Ok(req)
}
