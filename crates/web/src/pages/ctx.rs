//! What every page needs from the request ([`PageCtx`]) and how a page is rendered with the
//! layout's shared values (who is signed in, the CSRF token, the way back for the language
//! switcher).
use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;
use serde::Serialize;

use super::error::PageError;
use crate::cookies::set_cookie;
use crate::error::ApiError;
use crate::extract::auth as auth_of;
use crate::i18n::{self, Lang};
use crate::next::encode_next;
use crate::password::new_secret;
use crate::session::{Auth, ANON_CSRF_COOKIE};
use crate::templates;
use crate::AppState;

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
        let principal = self.auth.principal.as_ref();
        let nav = super::nav::items(
            principal.map(|p| p.role),
            principal.is_some_and(|p| p.user.platform_admin),
            &self.path,
        );
        let here = nav.iter().find(|i| i.current).map(|i| i.key);
        let shared =
            minijinja::context! { me => me, csrf => &self.csrf, next => encode_next(&self.path), nav, here };
        match templates::global().render(self.lang, template, minijinja::context! { ..ctx, ..shared }) {
            Ok(html) => {
                let mut resp = (status, Html(html)).into_response();
                if self.new_anon_csrf {
                    set_cookie(&mut resp, ANON_CSRF_COOKIE, &self.csrf, None, self.secure);
                }
                resp
            }
            Err(e) => PageError::from(ApiError::Internal(e.into())).into_response(),
        }
    }

    pub fn secure(&self) -> bool {
        self.secure
    }
}
