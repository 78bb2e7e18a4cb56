//! Invitations: created by an organisation, answered by the owner of the invited address.
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::{Email, OrgId, Role};
use tandem_store::row::{self, cols};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{now, other};

/// Pending and unexpired: the only invitations anyone can see or answer.
const LIVE: &str = "i.status = 'pending' AND i.expires_at > $2";

async fn one(tx: &mut d::Tx, id: &str) -> Result<Invitation> {
    let r =
        sqlx::query(&format!("SELECT {} FROM {} WHERE i.id = $1", cols::INVITATION, cols::INVITATION_FROM))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
    row::invitation(&Sq(&r))
}

#[async_trait]
impl InvitationStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %new.org_id), err(level = "debug"))]
    async fn create_invitation(&self, new: &NewInvitation, mut audit: NewAuditEvent) -> Result<Invitation> {
        // Ids are random UUIDs, whatever they name.
        let id = OrgId::new().to_string();
        audit.subject.get_or_insert_with(|| id.clone());
        let (_write, mut tx) = self.db.write().await?;
        let member = sqlx::query(
            "SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND u.email = $2",
        )
        .bind(new.org_id.as_str())
        .bind(new.email.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?;
        if member.is_some() {
            return Err(StoreError::Conflict("this address already belongs to a member".into()));
        }
        sqlx::query(
            "UPDATE invitations SET status = 'withdrawn', answered_at = $3
             WHERE org_id = $1 AND email = $2 AND status = 'pending'",
        )
        .bind(new.org_id.as_str())
        .bind(new.email.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        sqlx::query(
            "INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(new.org_id.as_str())
        .bind(new.email.as_str())
        .bind(new.role.as_str())
        .bind(&new.token_hash)
        .bind(new.invited_by.as_str())
        .bind(ts(now()))
        .bind(ts(new.expires_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| crate::errors::conflict(e, "this link is already in use"))?;
        append_audit_tx(&mut tx, audit).await?;
        let inv = one(&mut tx, &id).await?;
        tx.commit().await.map_err(other)?;
        Ok(inv)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn org_invitations(&self, org: &OrgId, now: DateTime<Utc>) -> Result<Vec<Invitation>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE i.org_id = $1 AND {LIVE} ORDER BY i.created_at DESC, i.id",
            cols::INVITATION,
            cols::INVITATION_FROM
        ))
        .bind(org.as_str())
        .bind(ts(now))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::invitation(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn withdraw_invitation(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE invitations SET status = 'withdrawn', answered_at = $3
             WHERE id = $1 AND org_id = $2 AND status = 'pending'",
        )
        .bind(id)
        .bind(org.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn invitations_for(&self, email: &Email, now: DateTime<Utc>) -> Result<Vec<Invitation>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE i.email = $1 AND {LIVE} ORDER BY i.created_at DESC, i.id",
            cols::INVITATION,
            cols::INVITATION_FROM
        ))
        .bind(email.as_str())
        .bind(ts(now))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::invitation(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn invitation_by_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Invitation>> {
        let r = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE i.token_hash = $1 AND {LIVE}",
            cols::INVITATION,
            cols::INVITATION_FROM
        ))
        .bind(token_hash)
        .bind(ts(now))
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?;
        r.map(|r| row::invitation(&Sq(&r))).transpose()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn answer_invitation(
        &self,
        id: &str,
        user: &User,
        answer: Answer,
        now: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Option<Member>> {
        let (_write, mut tx) = self.db.write().await?;
        let r = sqlx::query(
            "UPDATE invitations SET status = $4, answered_at = $5
             WHERE id = $1 AND email = $3 AND status = 'pending' AND expires_at > $2
             RETURNING org_id, role",
        )
        .bind(id)
        .bind(ts(now))
        .bind(&user.email)
        .bind(answer.as_str())
        .bind(ts(now))
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        let org = OrgId::from_trusted(r.try_get::<String, _>("org_id").map_err(other)?);
        let role: Role = r.try_get::<String, _>("role").map_err(other)?.parse().map_err(row::corrupt)?;
        audit.org_id.get_or_insert_with(|| org.to_string());
        audit.subject.get_or_insert_with(|| id.to_owned());
        if answer == Answer::Accept {
            sqlx::query(
                "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (org_id, user_id) DO NOTHING",
            )
            .bind(org.as_str())
            .bind(user.id.as_str())
            .bind(role.as_str())
            .bind(ts(now))
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        match answer {
            Answer::Accept => self.get_member(&org, &user.id).await.map(Some),
            Answer::Decline => Ok(None),
        }
    }
}
