//! Response headers that several handlers add.
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponseParts, ResponseParts};

/// `Cache-Control: no-store`: for answers that carry a contact, a protected name or an export,
/// which no browser or proxy cache may keep.
pub struct NoStore;

impl IntoResponseParts for NoStore {
    type Error = std::convert::Infallible;
    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Ok(res)
    }
}

/// `Content-Disposition: attachment; filename="…"`: a download to save, never a page to show.
pub struct Attachment(pub String);

impl IntoResponseParts for Attachment {
    type Error = std::convert::Infallible;
    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        let name: String =
            self.0.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).collect();
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
        Ok(res)
    }
}
