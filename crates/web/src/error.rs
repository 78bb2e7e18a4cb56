//! The JSON API's error type and body extractor. Every failure becomes `{error:{code,message}}`
//! with a 4xx status for anything the caller can fix; internal causes are logged, never shown.
//! Services return [`AppError`]; this is where it becomes a status code.
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::json;
use tandem_domain::access::Denied;
use tandem_domain::InvalidInput;
use tandem_store::{BoxError, StoreError};

use crate::app_error::{chain, AppError};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Invalid(InvalidInput),
    #[error("sign-in required")]
    Unauthorized,
    #[error("wrong e-mail or password")]
    BadCredentials,
    #[error("you may not do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("too many failed sign-ins; try again in {0} seconds")]
    Throttled(u64),
    #[error("request body too large")]
    TooLarge,
    /// A file beyond its limit; the message says the limit.
    #[error("{0}")]
    FileTooLarge(String),
    #[error("this resource does not support that method")]
    MethodNotAllowed,
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error("internal error")]
    Internal(#[source] BoxError),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized | ApiError::BadCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::Csrf => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::TooLarge | ApiError::FileTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Invalid(_) => "invalid_input",
            ApiError::Unauthorized => "unauthorized",
            ApiError::BadCredentials => "bad_credentials",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::Conflict(_) => "conflict",
            ApiError::Throttled(_) => "too_many_attempts",
            ApiError::TooLarge | ApiError::FileTooLarge(_) => "payload_too_large",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::Csrf => "csrf",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl From<InvalidInput> for ApiError {
    fn from(e: InvalidInput) -> Self {
        ApiError::Invalid(e)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(i) => ApiError::Invalid(i),
            AppError::BadRequest(m) => ApiError::BadRequest(m),
            AppError::BadCredentials => ApiError::BadCredentials,
            AppError::Throttled(secs) => ApiError::Throttled(secs),
            AppError::Forbidden => ApiError::Forbidden,
            AppError::NotFound => ApiError::NotFound,
            AppError::Conflict(m) => ApiError::Conflict(m),
            AppError::TooLarge(m) => ApiError::FileTooLarge(m),
            AppError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        AppError::from(e).into()
    }
}

impl From<Denied> for ApiError {
    fn from(d: Denied) -> Self {
        AppError::from(d).into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(cause) = &self {
            tracing::error!(cause = %chain(cause.as_ref()), "internal error");
        }
        let mut body = json!({ "error": { "code": self.code(), "message": self.to_string() } });
        if let ApiError::Invalid(e) = &self {
            body["error"]["field"] = json!(e.field);
        }
        let mut resp = (self.status(), Json(body)).into_response();
        if let ApiError::Throttled(secs) = self {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp
    }
}

/// `Json<T>` whose rejections follow the error contract: a syntax error is 400, a body that does
/// not fit the schema (unknown field, wrong type, missing field) is 422, a wrong content type 415.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::Invalid(InvalidInput::new(
                "body",
                e.body_text().replace("Failed to deserialize the JSON body into the target type: ", ""),
            ))),
            Err(JsonRejection::JsonSyntaxError(e)) => {
                Err(ApiError::BadRequest(format!("malformed JSON: {}", e.body_text())))
            }
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError::UnsupportedMediaType("expected Content-Type: application/json".into()))
            }
            Err(JsonRejection::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge)
            }
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
        }
    }
}

/// A raw body (a CSV or XML file) under `/api/`: axum's own refusal of one over the route's
/// limit is plain text, so it is answered in the API's error shape instead.
pub struct ApiBody(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => Ok(ApiBody(b)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::TooLarge),
            Err(e) => Err(ApiError::BadRequest(e.body_text())),
        }
    }
}
