//! The home page: who you are and for whom you act. Later capabilities add their summaries here.
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::ctx::PageCtx;

pub async fn home(ctx: PageCtx) -> Response {
    if ctx.auth.principal.is_none() {
        return Redirect::to("/login").into_response();
    }
    ctx.render(StatusCode::OK, "home.html", minijinja::context! {})
}
