//! The home page: what needs you (reports to verify, alerts due, answers, what partners handed
//! over, invitations), then who you are and for whom you act. Later capabilities add their
//! items here.
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::ctx::PageCtx;
use super::error::PageError;
use crate::invitations;
use crate::AppState;

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn home(
    State(state): State<AppState>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let Some(p) = &ctx.auth.principal else {
        return front_door(&state, &ctx).await;
    };
    let waiting = invitations::mine(&state, p).await?.len();
    let actor = tandem_domain::access::Actor {
        user_id: p.user.id.clone(),
        org_id: p.org.id.clone(),
        role: p.role,
        platform_admin: p.user.platform_admin,
    };
    let needs = crate::ew::needs::of(&state, &actor, chrono::Utc::now()).await?;
    let cap = crate::ew::needs::CAP;
    let orgs = state.store.memberships(&p.user.id).await?.len();
    // Only a known notice key is shown, so the query string cannot put text on the page.
    let notice = q.ok().and_then(|q| q.done.clone()).filter(|d| d == "org-switched").map(|_| "org-switched");
    Ok(ctx.render(StatusCode::OK, "home.html", minijinja::context! { waiting, orgs, notice, needs, cap }))
}

/// The page a visitor without an account lands on: what this deployment is, where to report a
/// concern (every civil-society organisation here takes reports from the public), who reads a
/// report, and the way in for members.
async fn front_door(state: &AppState, ctx: &PageCtx) -> Result<Response, PageError> {
    let mut orgs: Vec<minijinja::Value> = state
        .store
        .list_orgs()
        .await?
        .into_iter()
        .filter(|o| o.kind == tandem_domain::OrgKind::CivilSociety)
        .map(|o| minijinja::context! { name => o.name, slug => o.slug })
        .collect();
    orgs.truncate(200);
    Ok(ctx.render(StatusCode::OK, "front.html", minijinja::context! { orgs }))
}
