//! The language switcher: a plain link, so it works without JavaScript; it changes nothing but
//! the visitor's own preference.
use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};

use super::ctx::PageCtx;
use super::error::PageError;
use crate::i18n::{self, Lang};
use crate::next::safe_next;

#[derive(serde::Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: remembers the choice in a cookie and goes back.
pub async fn switch_language(
    ctx: PageCtx,
    Path(code): Path<String>,
    q: Result<axum::extract::Query<NextQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let lang = Lang::parse(&code).ok_or_else(PageError::not_found)?;
    let next = safe_next(q.as_ref().ok().and_then(|q| q.next.as_deref()));
    let mut resp = Redirect::to(&next).into_response();
    let c = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        i18n::LANG_COOKIE,
        lang.code(),
        if ctx.secure() { "; Secure" } else { "" }
    );
    if let Ok(v) = HeaderValue::from_str(&c) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}
