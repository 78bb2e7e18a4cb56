//! Mapping from database rows to the store's models, written once for every backend. A backend
//! implements [`RowRead`] for its row type (a few lines) and reuses the mappers here, so the two
//! backends cannot drift apart in how they read a record.
use chrono::{DateTime, Utc};
use tandem_domain::audit::AuditEvent;
use tandem_domain::{OrgId, Role, UserId};

use crate::{Member, Org, Principal, SessionKind, StoreError, User};

type R<T> = Result<T, StoreError>;

/// The column reads a backend's row must offer.
pub trait RowRead {
    fn text(&self, col: &str) -> R<String>;
    fn opt_text(&self, col: &str) -> R<Option<String>>;
    fn flag(&self, col: &str) -> R<bool>;
    fn int(&self, col: &str) -> R<i64>;
    fn time(&self, col: &str) -> R<DateTime<Utc>>;
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Other(format!("unreadable row: {what}"))
}

pub fn role(r: &impl RowRead, col: &str) -> R<Role> {
    r.text(col)?.parse().map_err(corrupt)
}

pub fn org(r: &impl RowRead) -> R<Org> {
    Ok(Org {
        id: OrgId::from_trusted(r.text("id")?),
        name: r.text("name")?,
        slug: r.text("slug")?,
        kind: r.text("kind")?.parse().map_err(corrupt)?,
        women_led: r.flag("women_led")?,
        youth_led: r.flag("youth_led")?,
        minority_led: r.flag("minority_led")?,
        created_at: r.time("created_at")?,
    })
}

/// Reads a user whose columns carry `prefix` (empty for a plain `users` row).
pub fn user(r: &impl RowRead, prefix: &str) -> R<User> {
    let c = |name: &str| format!("{prefix}{name}");
    Ok(User {
        id: UserId::from_trusted(r.text(&c("id"))?),
        email: r.text(&c("email"))?,
        display_name: r.text(&c("display_name"))?,
        platform_admin: r.flag(&c("platform_admin"))?,
        created_at: r.time(&c("created_at"))?,
    })
}

pub fn member(r: &impl RowRead) -> R<Member> {
    Ok(Member {
        user_id: UserId::from_trusted(r.text("user_id")?),
        email: r.text("email")?,
        display_name: r.text("display_name")?,
        role: role(r, "role")?,
        since: r.time("since")?,
    })
}

pub fn principal(r: &impl RowRead) -> R<Principal> {
    Ok(Principal {
        user: user(r, "u_")?,
        org: org(r)?,
        role: role(r, "role")?,
        kind: SessionKind::parse(&r.text("session_kind")?).ok_or_else(|| corrupt("session kind"))?,
        csrf_token: r.text("csrf_token")?,
        expires_at: r.time("expires_at")?,
    })
}

pub fn audit(r: &impl RowRead) -> R<AuditEvent> {
    Ok(AuditEvent {
        seq: r.int("seq")?,
        at: r.time("at")?,
        org_id: r.opt_text("org_id")?,
        actor_id: r.opt_text("actor_id")?,
        action: r.text("action")?,
        subject: r.opt_text("subject")?,
        detail: r.text("detail")?,
        prev_hash: r.text("prev_hash")?,
        hash: r.text("hash")?,
    })
}

/// Column lists shared by both backends' SQL, so the mappers above always find what they read.
pub mod cols {
    pub const ORG: &str =
        "o.id, o.name, o.slug, o.kind, o.women_led, o.youth_led, o.minority_led, o.created_at";
    pub const MEMBER: &str = "m.user_id, u.email, u.display_name, m.role, m.created_at AS since";
    pub const USER: &str = "id, email, display_name, platform_admin, created_at";
    pub const PRINCIPAL_EXTRA: &str = "m.role, s.kind AS session_kind, s.csrf_token, s.expires_at,
        u.id AS u_id, u.email AS u_email, u.display_name AS u_display_name,
        u.platform_admin AS u_platform_admin, u.created_at AS u_created_at";
    pub const AUDIT: &str = "seq, at, org_id, actor_id, action, subject, detail, prev_hash, hash";
}
