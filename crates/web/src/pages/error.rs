//! Errors on pages. Page handlers return `Result<Response, PageError>` and use `?` on services,
//! the store and the extractors; a [`PageError`] becomes a bare response that carries what to
//! show, and [`render_errors`] (a layer over the pages' router) turns it into the error page in
//! the visitor's language. Not being signed in leads to the sign-in page instead.
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use tandem_domain::InvalidInput;
use tandem_store::StoreError;

use crate::app_error::{chain, AppError};
use crate::error::ApiError;
use crate::i18n::{self, Lang};
use crate::next::encode_next;
use crate::templates;

/// Why a page could not be shown.
#[derive(Debug)]
pub enum PageError {
    /// Not signed in: to the sign-in page, and back to `next` afterwards.
    SignIn { next: Option<String> },
    /// An error page with this status and message (a Fluent key).
    Show { status: StatusCode, message: &'static str },
}

impl PageError {
    pub fn not_found() -> Self {
        PageError::Show { status: StatusCode::NOT_FOUND, message: "error-not-found" }
    }

    /// A form or query that could not be read at all (wrong content type, broken encoding).
    pub fn bad_request() -> Self {
        PageError::Show { status: StatusCode::BAD_REQUEST, message: "error-bad-request" }
    }

    fn internal(cause: &(dyn std::error::Error + 'static)) -> Self {
        tracing::error!(cause = %chain(cause), "internal error on a page");
        PageError::Show { status: StatusCode::INTERNAL_SERVER_ERROR, message: "error-internal" }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        let (status, message) = match &e {
            AppError::NotFound => return PageError::not_found(),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden"),
            AppError::Internal(_) => return PageError::internal(&e),
            AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "error-bad-request"),
            AppError::Conflict(_) => (StatusCode::CONFLICT, "error-bad-request"),
            AppError::BadCredentials => (StatusCode::UNAUTHORIZED, "error-bad-request"),
            AppError::Throttled(_) => (StatusCode::TOO_MANY_REQUESTS, "error-bad-request"),
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "error-bad-request"),
            AppError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "error-bad-request"),
        };
        PageError::Show { status, message }
    }
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::Unauthorized => PageError::SignIn { next: None },
            ApiError::Csrf => PageError::Show { status: StatusCode::FORBIDDEN, message: "error-csrf" },
            ApiError::Internal(cause) => PageError::internal(cause.as_ref()),
            other => PageError::Show { status: other.status(), message: bad_request_or(&other) },
        }
    }
}

/// The message for an API error that has no page of its own.
fn bad_request_or(e: &ApiError) -> &'static str {
    match e {
        ApiError::NotFound => "error-not-found",
        ApiError::Forbidden => "error-forbidden",
        _ => "error-bad-request",
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl From<InvalidInput> for PageError {
    fn from(e: InvalidInput) -> Self {
        AppError::from(e).into()
    }
}

/// What [`render_errors`] finds on a response: the message of the error page to draw.
#[derive(Clone, Copy)]
struct ErrorPage(&'static str);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::SignIn { next: Some(next) } => {
                Redirect::to(&format!("/login?next={}", encode_next(&next))).into_response()
            }
            PageError::SignIn { next: None } => Redirect::to("/login").into_response(),
            PageError::Show { status, message } => {
                let mut resp = status.into_response();
                resp.extensions_mut().insert(ErrorPage(message));
                resp
            }
        }
    }
}

/// Draws the error page for a [`PageError`] a page handler or an extractor answered with, in the
/// language the request asks for. (A layer on the pages' router only: the API's hot path does
/// not pass through it.)
pub async fn render_errors(req: Request, next: Next) -> Response {
    let lang = i18n::negotiate(req.headers());
    let resp = next.run(req).await;
    match resp.extensions().get::<ErrorPage>().copied() {
        Some(ErrorPage(message)) => error_page(lang, resp.status(), message),
        None => resp,
    }
}

/// A [`PageError`] drawn at once, for answers given outside the pages' router (the session
/// middleware, the fallback).
pub fn render(lang: Lang, e: PageError) -> Response {
    match e {
        PageError::Show { status, message } => error_page(lang, status, message),
        sign_in => sign_in.into_response(),
    }
}

/// An error page (no signed-in navigation: errors render anywhere).
fn error_page(lang: Lang, status: StatusCode, message: &'static str) -> Response {
    let ctx = minijinja::context! { message, csrf => "", next => "%2F" };
    match templates::global().render(lang, "error.html", ctx) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, message).into_response(),
    }
}

/// The fallback for paths nothing else answers.
pub async fn not_found(uri: axum::http::Uri, headers: axum::http::HeaderMap) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::NotFound.into_response();
    }
    render(i18n::negotiate(&headers), PageError::not_found())
}
