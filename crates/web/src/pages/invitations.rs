//! Joining organisations: the invitations waiting for the signed-in person, the page an
//! invitation link opens (where its person answers, or someone new to Tandem creates their
//! account), and switching between the organisations one belongs to.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tandem_store::{Answer, Invitation};

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::app_error::AppError;
use crate::auth::switch_org;
use crate::cookies::set_cookie;
use crate::invitations;
use crate::next::encode_next;
use crate::session::SESSION_COOKIE;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/invitations", get(list))
        .route("/join/{token}", get(show_link).post(join))
        .route("/join/{token}/accept", post(accept))
        .route("/join/{token}/decline", post(decline))
        .route("/organisations/{id}/switch", post(switch))
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

/// Only known notice keys are shown, so the query string cannot put arbitrary text on the page.
fn notice(q: &Result<Query<Done>, axum::extract::rejection::QueryRejection>) -> Option<&'static str> {
    let key = q.as_ref().ok()?.done.as_deref()?;
    ["invitation-accepted", "invitation-declined", "org-switched"].into_iter().find(|k| *k == key)
}

/// An invitation as the page shows it: who asks, what kind of organisation it is, for which role.
#[derive(Serialize)]
struct InvitationView {
    id: String,
    org_name: String,
    org_kind: &'static str,
    email: String,
    role: &'static str,
    expires_on: String,
}

impl From<Invitation> for InvitationView {
    fn from(i: Invitation) -> Self {
        Self {
            id: i.id,
            org_name: i.org_name,
            org_kind: i.org_kind.as_str(),
            email: i.email,
            role: i.role.as_str(),
            expires_on: i.expires_at.format("%Y-%m-%d").to_string(),
        }
    }
}

#[derive(Serialize)]
struct OrgView {
    id: String,
    name: String,
    kind: &'static str,
    role: &'static str,
    current: bool,
}

async fn list(
    State(state): State<AppState>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let Some(p) = ctx.auth.principal.clone() else {
        return Err(PageError::SignIn { next: Some("/invitations".into()) });
    };
    let waiting: Vec<InvitationView> =
        invitations::mine(&state, &p).await?.into_iter().map(InvitationView::from).collect();
    let orgs: Vec<OrgView> = state
        .store
        .memberships(&p.user.id)
        .await?
        .into_iter()
        .map(|(o, role)| OrgView {
            current: o.id == p.org.id,
            id: o.id.to_string(),
            name: o.name,
            kind: o.kind.as_str(),
            role: role.as_str(),
        })
        .collect();
    Ok(ctx.render(
        StatusCode::OK,
        "invitations.html",
        minijinja::context! { waiting, orgs, notice => notice(&q) },
    ))
}

/// The answer, given on the link's page: the link is the proof that the invitation reached its
/// person (being signed in as the address is not: see `crate::invitations`).
async fn respond(
    state: &AppState,
    ctx: &PageCtx,
    token: &str,
    answer: Answer,
) -> Result<Response, PageError> {
    let Some(p) = &ctx.auth.principal else {
        return Err(PageError::SignIn { next: Some(format!("/join/{token}")) });
    };
    invitations::answer(state, &p.user, token, answer).await?;
    let done = match answer {
        Answer::Accept => "invitation-accepted",
        Answer::Decline => "invitation-declined",
    };
    Ok(Redirect::to(&format!("/invitations?done={done}")).into_response())
}

async fn accept(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    respond(&state, &ctx, &token, Answer::Accept).await
}

async fn decline(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    respond(&state, &ctx, &token, Answer::Decline).await
}

#[derive(Deserialize, Serialize, Default)]
struct JoinForm {
    #[serde(default)]
    display_name: String,
    #[serde(skip_serializing, default)]
    password: Option<SecretString>,
}

/// Who is looking at an invitation link.
fn viewer(ctx: &PageCtx, inv: &Invitation) -> &'static str {
    match &ctx.auth.principal {
        None => "anonymous",
        Some(p) if p.user.email == inv.email => "invitee",
        Some(_) => "someone-else",
    }
}

fn render_link(
    ctx: &PageCtx,
    status: StatusCode,
    token: &str,
    inv: Invitation,
    form: &JoinForm,
    errors: Option<BTreeMap<&'static str, String>>,
) -> Response {
    let who = viewer(ctx, &inv);
    let invitation = InvitationView::from(inv);
    ctx.render(
        status,
        "invitation.html",
        minijinja::context! { invitation, who, form, errors, token, login_next => encode_next(&format!("/join/{token}")) },
    )
}

async fn show_link(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let inv = invitations::by_link(&state, &token).await?;
    Ok(render_link(&ctx, StatusCode::OK, &token, inv, &JoinForm::default(), None))
}

/// Someone new to Tandem creates their account from the link and joins. The answer is a sign-in
/// page whether the address was new or already had an account (then nothing changed), so that the
/// link tells nobody who has an account; signing in is the person's own step.
async fn join(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    form: FormResult<JoinForm>,
) -> Result<Response, PageError> {
    let mut f = forms::read(form)?;
    let password = f.password.take().unwrap_or_else(|| SecretString::from(String::new()));
    match invitations::join_with_new_account(&state, &token, &f.display_name, password).await {
        Ok(_) => Ok(Redirect::to("/login?next=%2Finvitations&notice=joined").into_response()),
        Err(AppError::Invalid(i)) => {
            let inv = invitations::by_link(&state, &token).await?;
            let errors = super::forms::field_errors(ctx.lang, &i);
            Ok(render_link(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &token, inv, &f, Some(errors)))
        }
        Err(e) => Err(e.into()),
    }
}

async fn switch(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (Some(p), Some(token)) = (&ctx.auth.principal, &ctx.auth.token) else {
        return Err(PageError::SignIn { next: Some("/invitations".into()) });
    };
    let (session, _) = switch_org(&state, token, p, &id).await?;
    let mut resp = Redirect::to("/?done=org-switched").into_response();
    let max_age = state.config.web_session_ttl.as_secs() as i64;
    set_cookie(&mut resp, SESSION_COOKIE, &session, Some(max_age), state.config.secure_cookies);
    Ok(resp)
}
