//! Identity and access: the database itself, organisations, users, memberships, sessions and
//! the audit log.
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::{Email, OrgId, Role, UserId};
use tandem_store::row::{self, cols};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

const MEMBER_COLS: &str = cols::MEMBER;
const ORG_COLS: &str = cols::ORG;

#[async_trait]
impl Database for d::Backend {
    fn backend(&self) -> &'static str {
        d::NAME
    }

    async fn migrate(&self) -> Result<()> {
        d::MIGRATOR.run(&self.db.pool).await.map_err(other)
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(&self.db.pool)
            .await
            .map_err(other)?;
        Ok(())
    }

    async fn schema_version(&self) -> Result<i64> {
        let exists = sqlx::query(d::HAS_MIGRATIONS).fetch_optional(&self.db.pool).await.map_err(other)?;
        if exists.is_none() {
            return Ok(0);
        }
        let r = sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.db.pool)
            .await
            .map_err(other)?;
        tandem_store::row::RowRead::int(&Sq(&r), "v")
    }

    fn known_schema_version(&self) -> i64 {
        d::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
    }

    async fn snapshot_into(&self, path: &str) -> Result<()> {
        d::snapshot(&self.db.pool, path).await
    }
}

#[async_trait]
impl IdentityStore for d::Backend {
    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn create_org(&self, new: &NewOrg, mut audit: NewAuditEvent) -> Result<Org> {
        let (_write, mut tx) = self.db.write().await?;
        let same = sqlx::query("SELECT 1 FROM orgs WHERE lower(name) = lower($1)")
            .bind(new.name.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(other)?;
        if same.is_some() {
            return Err(StoreError::Conflict("an organisation with this name already exists".into()));
        }
        // Short handles collide more often than names (initials, or names with no Latin
        // letters): the next free one is taken, so that every organisation has its address.
        let base = new.name.slug();
        let taken: Vec<String> = sqlx::query_scalar("SELECT slug FROM orgs WHERE slug = $1 OR slug LIKE $2")
            .bind(&base)
            .bind(format!("{base}-%"))
            .fetch_all(&mut *tx)
            .await
            .map_err(other)?;
        let org = Org {
            id: OrgId::new(),
            name: new.name.as_str().to_owned(),
            slug: tandem_domain::org::first_free(&base, &taken),
            kind: new.kind,
            women_led: new.flags.women_led,
            youth_led: new.flags.youth_led,
            minority_led: new.flags.minority_led,
            created_at: now(),
        };
        audit.org_id.get_or_insert_with(|| org.id.to_string());
        audit.subject.get_or_insert_with(|| org.id.to_string());
        sqlx::query(
            "INSERT INTO orgs (id, name, slug, kind, women_led, youth_led, minority_led, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(org.id.as_str())
        .bind(&org.name)
        .bind(&org.slug)
        .bind(org.kind.as_str())
        .bind(org.women_led)
        .bind(org.youth_led)
        .bind(org.minority_led)
        .bind(ts(org.created_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "an organisation with this name already exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(org)
    }

    async fn list_orgs(&self) -> Result<Vec<Org>> {
        let rows = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o ORDER BY o.name"))
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
        rows.iter().map(|r| row::org(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %id), err(level = "debug"))]
    async fn get_org(&self, id: &OrgId) -> Result<Org> {
        let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o WHERE o.id = $1"))
            .bind(id.as_str())
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        row::org(&Sq(&row))
    }

    async fn find_org_by_slug(&self, slug: &str) -> Result<Org> {
        let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o WHERE o.slug = $1"))
            .bind(slug)
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        row::org(&Sq(&row))
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn create_user(&self, new: &NewUser, mut audit: NewAuditEvent) -> Result<User> {
        let user = User {
            id: UserId::new(),
            email: new.email.as_str().to_owned(),
            display_name: new.display_name.clone(),
            platform_admin: new.platform_admin,
            created_at: now(),
        };
        audit.subject.get_or_insert_with(|| user.id.to_string());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO users (id, email, display_name, password_hash, platform_admin, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user.id.as_str())
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&new.password_hash)
        .bind(user.platform_admin)
        .bind(ts(user.created_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "a user with this e-mail address already exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(user)
    }

    async fn find_credentials(&self, email: &Email) -> Result<Option<Credentials>> {
        let row = sqlx::query(&format!("SELECT {}, password_hash FROM users WHERE email = $1", cols::USER))
            .bind(email.as_str())
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?;
        row.map(|r| {
            Ok(Credentials {
                user: row::user(&Sq(&r), "")?,
                password_hash: r.try_get("password_hash").map_err(other)?,
            })
        })
        .transpose()
    }

    async fn find_user_by_email(&self, email: &Email) -> Result<Option<User>> {
        Ok(self.find_credentials(email).await?.map(|c| c.user))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_member(
        &self,
        org: &OrgId,
        user: &UserId,
        role: Role,
        audit: NewAuditEvent,
    ) -> Result<Member> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)")
            .bind(org.as_str())
            .bind(user.as_str())
            .bind(role.as_str())
            .bind(ts(now()))
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, "this user is already a member of the organisation"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_member(org, user).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn set_role(&self, org: &OrgId, user: &UserId, role: Role, audit: NewAuditEvent) -> Result<Member> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("UPDATE memberships SET role = $1 WHERE org_id = $2 AND user_id = $3")
            .bind(role.as_str())
            .bind(org.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_member(org, user).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn remove_member(&self, org: &OrgId, user: &UserId, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2")
            .bind(org.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "UPDATE sessions SET revoked_at = $1 WHERE org_id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(ts(now()))
        .bind(org.as_str())
        .bind(user.as_str())
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_members(&self, org: &OrgId) -> Result<Vec<Member>> {
        let rows = sqlx::query(&format!(
            "SELECT {MEMBER_COLS} FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_id = $1 ORDER BY u.email"
        ))
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::member(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn get_member(&self, org: &OrgId, user: &UserId) -> Result<Member> {
        let row = sqlx::query(&format!(
            "SELECT {MEMBER_COLS} FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_id = $1 AND m.user_id = $2"
        ))
        .bind(org.as_str())
        .bind(user.as_str())
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        row::member(&Sq(&row))
    }

    async fn memberships(&self, user: &UserId) -> Result<Vec<(Org, Role)>> {
        let rows = sqlx::query(&format!(
            "SELECT {ORG_COLS}, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id
             WHERE m.user_id = $1 ORDER BY m.created_at, o.name"
        ))
        .bind(user.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| Ok((row::org(&Sq(r))?, row::role(&Sq(r), "role")?))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %new.org_id), err(level = "debug"))]
    async fn create_session(&self, new: &NewSession) -> Result<()> {
        let done = sqlx::query(
            "INSERT INTO sessions (token_hash, org_id, user_id, kind, csrf_token, created_at, expires_at)
             SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS
               (SELECT 1 FROM memberships WHERE org_id = $2 AND user_id = $3)",
        )
        .bind(&new.token_hash)
        .bind(new.org_id.as_str())
        .bind(new.user_id.as_str())
        .bind(new.kind.as_str())
        .bind(&new.csrf_token)
        .bind(ts(new.created_at))
        .bind(ts(new.expires_at))
        .execute(&self.db.pool)
        .await
        .map_err(|e| conflict(e, "session already exists"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn find_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Principal>> {
        let row = sqlx::query(&format!(
            "SELECT {ORG_COLS}, {} FROM sessions s
             JOIN users u ON u.id = s.user_id
             JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
             JOIN orgs o ON o.id = s.org_id
             WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2",
            cols::PRINCIPAL_EXTRA
        ))
        .bind(token_hash)
        .bind(ts(now))
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?;
        row.map(|r| row::principal(&Sq(&r))).transpose()
    }

    async fn revoke_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<bool> {
        let done =
            sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
                .bind(ts(now))
                .bind(token_hash)
                .execute(&self.db.pool)
                .await
                .map_err(other)?;
        Ok(done.rows_affected() > 0)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn append_audit(&self, ev: NewAuditEvent) -> Result<AuditEvent> {
        let (_write, mut tx) = self.db.write().await?;
        let ev = append_audit_tx(&mut tx, ev).await?;
        tx.commit().await.map_err(other)?;
        Ok(ev)
    }

    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditEvent>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2",
            cols::AUDIT
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::audit(&Sq(r))).collect()
    }

    async fn audit_head(&self) -> Result<Option<(i64, String)>> {
        let r = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.db.pool)
            .await
            .map_err(other)?;
        let seq: i64 = r.try_get("seq").map_err(other)?;
        Ok((seq > 0).then(|| r.try_get("hash")).transpose().map_err(other)?.map(|h| (seq, h)))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn org_audit(&self, org: &OrgId, limit: i64) -> Result<Vec<AuditEvent>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM audit_events WHERE org_id = $1 ORDER BY seq DESC LIMIT $2",
            cols::AUDIT
        ))
        .bind(org.as_str())
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::audit(&Sq(r))).collect()
    }
}
