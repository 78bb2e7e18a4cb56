//! Server-rendered pages. They work without JavaScript: forms post and redirect, errors show next
//! to their fields, and every form carries a CSRF token. Text comes from the Fluent files.
mod admin;
mod auth;
pub mod ew;
mod home;
mod index;
mod intake;
mod protection;
mod sharing;

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use minijinja::Value;
use serde::Serialize;

use crate::auth::new_secret;
use crate::error::ApiError;
use crate::extract::auth as auth_of;
use crate::i18n::{self, Lang};
use crate::session::{Auth, ANON_CSRF_COOKIE};
use crate::templates;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/lang/{code}", get(switch_language))
        .merge(auth::router())
        .merge(admin::router())
        .merge(ew::router())
        .merge(intake::router())
        .merge(sharing::router())
        .merge(protection::router())
        .merge(index::router())
}

/// What every page needs from the request: language, who is signed in, the CSRF token for its
/// forms, and where it is (for the language switcher's way back).
pub struct PageCtx {
    pub lang: Lang,
    pub auth: Auth,
    pub path: String,
    csrf: String,
    /// An anonymous visitor without a CSRF cookie gets one with this page.
    new_anon_csrf: bool,
    secure: bool,
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = Infallible;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let auth = auth_of(parts);
        let (csrf, new_anon_csrf) = match &auth.csrf {
            Some(c) => (c.clone(), false),
            None => (new_secret(), auth.principal.is_none()),
        };
        Ok(PageCtx {
            lang: i18n::negotiate(&parts.headers),
            path: parts.uri.path().to_owned(),
            auth,
            csrf,
            new_anon_csrf,
            secure: state.config.secure_cookies,
        })
    }
}

#[derive(Serialize)]
struct MeView<'a> {
    name: &'a str,
    email: &'a str,
    role: &'a str,
    platform_admin: bool,
    org_name: &'a str,
    org_kind: &'a str,
    org_flags: Vec<&'static str>,
}

impl PageCtx {
    /// Renders `template` with `ctx` and the shared layout values, with `status`.
    pub fn render(&self, status: StatusCode, template: &str, ctx: Value) -> Response {
        let me = self.auth.principal.as_ref().map(|p| {
            let mut flags = Vec::new();
            if p.org.women_led {
                flags.push("women-led");
            }
            if p.org.youth_led {
                flags.push("youth-led");
            }
            if p.org.minority_led {
                flags.push("minority-led");
            }
            Value::from_serialize(MeView {
                name: &p.user.display_name,
                email: &p.user.email,
                role: p.role.as_str(),
                platform_admin: p.user.platform_admin,
                org_name: &p.org.name,
                org_kind: p.org.kind.as_str(),
                org_flags: flags,
            })
        });
        let shared = minijinja::context! { me => me, csrf => &self.csrf, next => encode_next(&self.path) };
        match templates::global().render(self.lang, template, minijinja::context! { ..ctx, ..shared }) {
            Ok(html) => {
                let mut resp = (status, Html(html)).into_response();
                if self.new_anon_csrf {
                    set_cookie(&mut resp, ANON_CSRF_COOKIE, &self.csrf, None, self.secure);
                }
                resp
            }
            Err(e) => ApiError::Internal(e).into_response(),
        }
    }

    pub fn secure(&self) -> bool {
        self.secure
    }
}

/// Appends a `Set-Cookie`: HttpOnly and SameSite=Strict always, Secure unless turned off for plain
/// local HTTP. `max_age` None makes a browser-session cookie; Some(0) deletes.
pub fn set_cookie(resp: &mut Response, name: &str, value: &str, max_age: Option<i64>, secure: bool) {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&c) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Percent-encodes a local path for a `next=` parameter.
pub fn encode_next(path: &str) -> String {
    form_urlencoded::byte_serialize(path.as_bytes()).collect()
}

/// Where to go after sign-in or a language switch: only a path on this site, so that `next=` cannot
/// send people to another host.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && !n.contains("://") => {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// A posted form, or why it could not be read.
type FormResult<T> = Result<axum::Form<T>, axum::extract::rejection::FormRejection>;

/// The answer to a form that could not be read at all (wrong content type, broken encoding).
fn malformed_form(lang: Lang) -> Response {
    error_page(lang, ApiError::BadRequest("malformed form".into()))
}

/// A response to an alert, from the alert page of the organisation that owns it or of the one it
/// was assigned to.
#[derive(serde::Deserialize)]
struct RespondForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    outcome: String,
}

/// An error as a page in the visitor's language (no signed-in navigation: errors render anywhere).
pub fn error_page(lang: Lang, e: ApiError) -> Response {
    let key = match &e {
        ApiError::Unauthorized => return Redirect::to("/login").into_response(),
        ApiError::NotFound => "error-not-found",
        ApiError::Forbidden => "error-forbidden",
        ApiError::Csrf => "error-csrf",
        ApiError::Internal(cause) => {
            tracing::error!(%cause, "internal error on a page");
            "error-internal"
        }
        _ => "error-bad-request",
    };
    let ctx = minijinja::context! { message => key, csrf => "", next => "%2F" };
    match templates::global().render(lang, "error.html", ctx) {
        Ok(html) => (e.status(), Html(html)).into_response(),
        Err(_) => (e.status(), key).into_response(),
    }
}

pub async fn not_found(ctx: PageCtx, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::NotFound.into_response();
    }
    error_page(ctx.lang, ApiError::NotFound)
}

#[derive(serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: remembers the choice in a cookie. A plain link, so it works
/// without JavaScript; it changes nothing but the visitor's own preference.
async fn switch_language(
    ctx: PageCtx,
    axum::extract::Path(code): axum::extract::Path<String>,
    q: Result<axum::extract::Query<NextQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return error_page(ctx.lang, ApiError::NotFound);
    };
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
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next(Some("/members")), "/members");
        for bad in ["//evil.example", "https://evil.example", "/\\evil", "evil", ""] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn every_template_renders_in_every_language() {
        for lang in Lang::ALL {
            for (name, ctx) in [
                (
                    "login.html",
                    minijinja::context! { csrf => "x", next => "%2F", email => "", next_after => "/" },
                ),
                (
                    "error.html",
                    minijinja::context! { message => "error-not-found", csrf => "", next => "%2F" },
                ),
                (
                    "orgs.html",
                    minijinja::context! { orgs => Vec::<i32>::new(), kinds => vec!["donor"], form => minijinja::context!{}, errors => minijinja::context!{}, csrf => "x", next => "%2F" },
                ),
            ] {
                let html = templates::global().render(lang, name, ctx).unwrap();
                assert!(html.contains(&format!("dir=\"{}\"", lang.dir())), "{name} {lang:?}");
                assert!(
                    !html.contains("login-title") && !html.contains("error-title"),
                    "untranslated key in {name}"
                );
            }
        }
    }
}
