//! Administration pages: organisations (platform admins) and the members of one's own
//! organisation (its admins), with the organisation's recent audit events.
use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use tandem_domain::org::OrgFlags;
use tandem_domain::{OrgKind, Role};

use super::ctx::PageCtx;
use super::error::PageError;
use super::forms::{self, FormResult};
use crate::actions::{self, OrgInput};
use crate::app_error::AppError;
use crate::extract::{perm, Can};
use crate::invitations;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/orgs", get(orgs).post(create_org))
        .route("/members", get(members).post(add_member))
        .route("/members/{user_id}/role", post(set_role))
        .route("/members/{user_id}/remove", post(remove_member))
        .route("/members/invitations/{id}/withdraw", post(withdraw))
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

/// Only known notice keys are shown, so the query string cannot put arbitrary text on the page.
fn notice(q: &Result<Query<Done>, axum::extract::rejection::QueryRejection>) -> Option<&'static str> {
    let key = q.as_ref().ok()?.done.as_deref()?;
    ["orgs-created", "members-updated", "members-removed", "invitation-withdrawn"]
        .into_iter()
        .find(|k| *k == key)
}

type FieldErrors = BTreeMap<&'static str, String>;

/// The status and field errors for re-rendering a form: the field named by the domain error gets
/// its message. None for errors that are not about the form.
fn field_errors(lang: crate::i18n::Lang, e: &AppError) -> Option<(StatusCode, FieldErrors)> {
    match e {
        AppError::Invalid(i) => Some((StatusCode::UNPROCESSABLE_ENTITY, super::forms::field_errors(lang, i))),
        AppError::Conflict(m) => {
            let text = super::forms::problem_text(lang, &tandem_domain::InvalidInput::new("name", m.clone()));
            Some((StatusCode::CONFLICT, BTreeMap::from([("name", text.clone()), ("email", text)])))
        }
        _ => None,
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    women_led: Option<String>,
    youth_led: Option<String>,
    minority_led: Option<String>,
}

async fn render_orgs(
    state: &AppState,
    ctx: &PageCtx,
    status: StatusCode,
    form: &OrgForm,
    errors: Option<BTreeMap<&str, String>>,
    notice: Option<&str>,
) -> Result<Response, PageError> {
    let orgs = state.store.list_orgs().await?;
    let kinds: Vec<&str> = OrgKind::ALL.iter().map(|k| k.as_str()).collect();
    Ok(ctx.render(status, "orgs.html", minijinja::context! { orgs, kinds, form, errors, notice }))
}

async fn orgs(
    State(state): State<AppState>,
    _who: Can<perm::CreateOrg>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    render_orgs(&state, &ctx, StatusCode::OK, &OrgForm::default(), None, notice(&q)).await
}

async fn create_org(
    State(state): State<AppState>,
    who: Can<perm::CreateOrg>,
    ctx: PageCtx,
    form: FormResult<OrgForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    let flags = OrgFlags {
        women_led: f.women_led.is_some(),
        youth_led: f.youth_led.is_some(),
        minority_led: f.minority_led.is_some(),
    };
    match actions::create_org(&state, &who.actor(), OrgInput { name: &f.name, kind: &f.kind, flags }).await {
        Ok(_) => Ok(Redirect::to("/admin/orgs?done=orgs-created").into_response()),
        Err(e) => match field_errors(ctx.lang, &e) {
            Some((status, errs)) => render_orgs(&state, &ctx, status, &f, Some(errs), None).await,
            None => Err(e.into()),
        },
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
struct MemberForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// What the page shows once an invitation is made: the address and the link to pass on.
#[derive(serde::Serialize)]
struct Made {
    email: String,
    link: String,
    expires_at: String,
}

struct MembersPage<'a> {
    status: StatusCode,
    form: &'a MemberForm,
    errors: Option<FieldErrors>,
    notice: Option<&'a str>,
    made: Option<Made>,
}

async fn render_members(
    state: &AppState,
    ctx: &PageCtx,
    who: &Can<perm::ManageMembers>,
    page: MembersPage<'_>,
) -> Result<Response, PageError> {
    let members = state.store.list_members(who.org_id()).await?;
    let invitations = invitations::pending(state, &who.actor()).await?;
    let audit = activity(ctx.lang, &members, state.store.org_audit(who.org_id(), 10).await?);
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let MembersPage { status, form, errors, notice, made } = page;
    Ok(ctx.render(
        status,
        "members.html",
        minijinja::context! { members, invitations, audit, roles, form, errors, notice, made },
    ))
}

async fn members(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ctx: PageCtx,
    q: Result<Query<Done>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let form = MemberForm { role: "member".into(), ..Default::default() };
    let page =
        MembersPage { status: StatusCode::OK, form: &form, errors: None, notice: notice(&q), made: None };
    render_members(&state, &ctx, &who, page).await
}

/// Invites the address; the page then shows the link (once: only its hash is kept), the same
/// whether or not the address has an account.
async fn add_member(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ctx: PageCtx,
    form: FormResult<MemberForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    match invitations::invite(&state, &who.actor(), &f.email, &f.role).await {
        Ok(made) => {
            let made = Made {
                email: made.invitation.email,
                link: made.link,
                expires_at: made.invitation.expires_at.format("%Y-%m-%d").to_string(),
            };
            let blank = MemberForm { role: "member".into(), ..Default::default() };
            let page = MembersPage {
                status: StatusCode::OK,
                form: &blank,
                errors: None,
                notice: None,
                made: Some(made),
            };
            render_members(&state, &ctx, &who, page).await
        }
        Err(e) => match field_errors(ctx.lang, &e) {
            Some((status, errs)) => {
                let page = MembersPage { status, form: &f, errors: Some(errs), notice: None, made: None };
                render_members(&state, &ctx, &who, page).await
            }
            None => Err(e.into()),
        },
    }
}

async fn withdraw(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    invitations::withdraw(&state, &who.actor(), &id).await?;
    Ok(Redirect::to("/members?done=invitation-withdrawn").into_response())
}

#[derive(Deserialize)]
struct RoleForm {
    role: String,
}

async fn set_role(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    Path(user_id): Path<String>,
    form: FormResult<RoleForm>,
) -> Result<Response, PageError> {
    let f = forms::read(form)?;
    actions::set_role(&state, &who.actor(), &user_id, &f.role).await?;
    Ok(Redirect::to("/members?done=members-updated").into_response())
}

async fn remove_member(
    State(state): State<AppState>,
    who: Can<perm::ManageMembers>,
    ctx: PageCtx,
    Path(user_id): Path<String>,
    form: FormResult<super::forms::ConfirmForm>,
) -> Result<Response, PageError> {
    if !forms::read(form)?.confirmed() {
        let id = tandem_domain::UserId::parse(&user_id).map_err(|_| AppError::NotFound)?;
        let m = state.store.get_member(who.org_id(), &id).await?;
        return Ok(forms::confirm(
            &ctx,
            "members-remove",
            &[("name", m.display_name.clone()), ("email", m.email.clone())],
            format!("/members/{user_id}/remove"),
            "/members",
        ));
    }
    actions::remove_member(&state, &who.actor(), &user_id).await?;
    Ok(Redirect::to("/members?done=members-removed").into_response())
}

/// The organisation's recent audit events as sentences with people's names: "Amina verified a
/// report", not `report.verified` and an id.
fn activity(
    lang: crate::i18n::Lang,
    members: &[tandem_store::Member],
    events: Vec<tandem_domain::audit::AuditEvent>,
) -> Vec<minijinja::Value> {
    let i18n = crate::i18n::global();
    events
        .into_iter()
        .map(|e| {
            let who = e
                .actor_id
                .as_deref()
                .and_then(|id| members.iter().find(|m| m.user_id.as_str() == id))
                .map(|m| m.display_name.clone())
                .unwrap_or_else(|| i18n.text(lang, "audit-someone", &[]));
            let key = format!("audit-event-{}", e.action.replace(['.', '_'], "-"));
            let mut text = i18n.text(lang, &key, &[("who", who.clone())]);
            if text == key {
                text = i18n.text(lang, "audit-event-other", &[("who", who), ("action", e.action.clone())]);
            }
            minijinja::context! { iso => e.at.to_rfc3339(), when => super::dates::moment(lang, e.at), text }
        })
        .collect()
}
