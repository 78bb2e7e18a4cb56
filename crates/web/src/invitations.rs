//! Invitations: the only way into an organisation. An administrator invites an address with a
//! role and is given a link to pass on; the person who owns the address answers with that link,
//! signed in, shown which organisation asks and what kind it is (a civil-society member must see
//! that it is a police station). Being signed in as the address is not enough: without mail,
//! Tandem cannot know who created an account, so the link is the proof that the invitation
//! reached its person. The administrator, and whoever holds a link, are answered the same whether
//! or not the address has an account.
use chrono::{Duration, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::member::check_new_password;
use tandem_domain::{text, Email, Role};
use tandem_store::{Answer, Invitation, Member, NewInvitation, NewUser, Principal, StoreError, User};

use crate::app_error::AppError;
use crate::password::{hash_password, new_secret, token_hash};
use crate::AppState;

/// How long a link stays good: time for it to reach someone who checks messages once a week.
pub const VALID_DAYS: i64 = 14;

/// A new invitation and the link to pass on (shown once: only its hash is kept).
pub struct Invited {
    pub invitation: Invitation,
    pub link: String,
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn invite(state: &AppState, actor: &Actor, email: &str, role: &str) -> Result<Invited, AppError> {
    let email = Email::parse(email)?;
    let role: Role = role.parse()?;
    let token = format!("tdi_{}", new_secret());
    let new = NewInvitation {
        org_id: actor.org_id.clone(),
        email,
        role,
        token_hash: token_hash(&token),
        invited_by: actor.user_id.clone(),
        expires_at: Utc::now() + Duration::days(VALID_DAYS),
    };
    let ev = NewAuditEvent::new("invitation.create")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .detail(json!({ "role": role }));
    let invitation = state.store.create_invitation(&new, ev).await?;
    Ok(Invited { invitation, link: state.config.public(&format!("/join/{token}")) })
}

/// The organisation's invitations still waiting for an answer.
pub async fn pending(state: &AppState, actor: &Actor) -> Result<Vec<Invitation>, AppError> {
    Ok(state.store.org_invitations(&actor.org_id, Utc::now()).await?)
}

#[tracing::instrument(level = "debug", skip_all, fields(org.id = %actor.org_id), err(level = "debug"))]
pub async fn withdraw(state: &AppState, actor: &Actor, id: &str) -> Result<(), AppError> {
    let ev = NewAuditEvent::new("invitation.withdraw").org(&actor.org_id).actor(&actor.user_id).subject(id);
    Ok(state.store.withdraw_invitation(&actor.org_id, id, ev).await?)
}

/// Invitations addressed to the signed-in person.
pub async fn mine(state: &AppState, who: &Principal) -> Result<Vec<Invitation>, AppError> {
    let email = Email::parse(&who.user.email)?;
    Ok(state.store.invitations_for(&email, Utc::now()).await?)
}

/// The signed-in person's answer to the invitation their link opens; the new membership when
/// they accept. A link addressed to someone else is NotFound, as is one answered or expired.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn answer(
    state: &AppState,
    user: &User,
    token: &str,
    answer: Answer,
) -> Result<Option<Member>, AppError> {
    let inv = by_link(state, token).await?;
    let action = match answer {
        Answer::Accept => "invitation.accept",
        Answer::Decline => "invitation.decline",
    };
    let ev = NewAuditEvent::new(action).actor(&user.id);
    Ok(state.store.answer_invitation(&inv.id, user, answer, Utc::now(), ev).await?)
}

/// The invitation a link opens; NotFound once answered, withdrawn or expired.
pub async fn by_link(state: &AppState, token: &str) -> Result<Invitation, AppError> {
    state.store.invitation_by_token(&token_hash(token), Utc::now()).await?.ok_or(AppError::NotFound)
}

/// With the link, a person new to Tandem creates their account and joins at once. For an address
/// that already has an account nothing changes, and the answer is the same (the password is
/// hashed either way, so not even the time tells): the link's holder — the administrator who
/// made it, too — must not learn who has an account. Both then sign in.
#[tracing::instrument(level = "debug", skip_all, err(level = "debug"))]
pub async fn join_with_new_account(
    state: &AppState,
    token: &str,
    display_name: &str,
    password: SecretString,
) -> Result<Invitation, AppError> {
    let inv = by_link(state, token).await?;
    let email = Email::parse(&inv.email)?;
    let display_name = text::bounded("display_name", display_name, 1, 120)?;
    check_new_password(password.expose_secret())?;
    let password_hash = hash_password(password).await?;
    if state.store.find_user_by_email(&email).await?.is_some() {
        return Ok(inv);
    }
    let new = NewUser { email, display_name, password_hash, platform_admin: false };
    let ev = NewAuditEvent::new("user.create").org(&inv.org_id);
    let user = match state.store.create_user(&new, ev).await {
        // Created meanwhile by another request: the same as having had it.
        Err(StoreError::Conflict(_)) => return Ok(inv),
        r => r?,
    };
    let ev = NewAuditEvent::new("invitation.accept").actor(&user.id);
    state.store.answer_invitation(&inv.id, &user, Answer::Accept, Utc::now(), ev).await?;
    Ok(inv)
}
