//! The sign-in page and sign-out.
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use secrecy::SecretString;
use serde::Deserialize;
use tandem_store::SessionKind;

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::auth::{sign_in, sign_out, SignIn};
use crate::cookies::set_cookie;
use crate::extract::ClientAddr;
use crate::i18n;
use crate::next::safe_next;
use crate::session::SESSION_COOKIE;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/login", get(show).post(submit)).route("/logout", post(logout))
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
    notice: Option<String>,
}

async fn show(
    ctx: PageCtx,
    q: Result<Query<NextQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let next = safe_next(q.as_ref().ok().and_then(|q| q.next.as_deref()));
    if ctx.auth.principal.is_some() {
        return Redirect::to(&next).into_response();
    }
    // Only a known notice is shown, so the query string cannot put arbitrary text on the page.
    let notice =
        q.as_ref().ok().and_then(|q| q.notice.as_deref()).filter(|n| *n == "joined").map(|_| "login-joined");
    ctx.render(StatusCode::OK, "login.html", minijinja::context! { email => "", next_after => next, notice })
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: SecretString,
    next: Option<String>,
}

async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientAddr(addr): ClientAddr,
    form: FormResult<LoginForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let next = safe_next(f.next.as_deref());
    let result = sign_in(
        &state,
        SignIn { email: &f.email, password: f.password, org: None, addr, kind: SessionKind::Web },
    )
    .await;
    let (status, message) = match result {
        Ok((token, _)) => {
            let mut resp = Redirect::to(&next).into_response();
            let max_age = state.config.web_session_ttl.as_secs() as i64;
            set_cookie(&mut resp, SESSION_COOKIE, &token, Some(max_age), state.config.secure_cookies);
            return Ok(resp);
        }
        Err(AppError::Throttled(secs)) => (
            StatusCode::TOO_MANY_REQUESTS,
            i18n::global().text(ctx.lang, "login-throttled", &[("seconds", secs.to_string())]),
        ),
        Err(AppError::Forbidden) => {
            (StatusCode::FORBIDDEN, i18n::global().text(ctx.lang, "login-no-org", &[]))
        }
        Err(e @ AppError::Internal(_)) => return Err(e.into()),
        Err(_) => (StatusCode::UNAUTHORIZED, i18n::global().text(ctx.lang, "login-failed", &[])),
    };
    Ok(ctx.render(
        status,
        "login.html",
        minijinja::context! { email => f.email, error => message, next_after => next },
    ))
}

async fn logout(State(state): State<AppState>, ctx: PageCtx) -> Result<Response, PageError> {
    if let (Some(p), Some(token)) = (&ctx.auth.principal, &ctx.auth.token) {
        sign_out(&state, token, p).await?;
    }
    let mut resp = Redirect::to("/login").into_response();
    set_cookie(&mut resp, SESSION_COOKIE, "", Some(0), state.config.secure_cookies);
    Ok(resp)
}
