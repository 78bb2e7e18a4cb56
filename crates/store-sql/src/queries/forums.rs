//! Forums, their meetings and the commitments agreed in them: every read is scoped to a viewing
//! organisation that must be a member of the forum.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::forum::CommitmentStatus;
use tandem_domain::{OrgId, UserId};
use tandem_store::forums::rows;
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{now, other};

/// Whether `org` is a member of forum `f` (a column expression on `f`'s id, `$1` the org).
const MEMBER: &str = "EXISTS (SELECT 1 FROM forum_members m WHERE m.forum_id = {f} AND m.org_id = $1)";

fn member_of(col: &str) -> String {
    MEMBER.replace("{f}", col)
}

pub(super) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

const COMMITMENT: &str = "SELECT c.id, c.forum_id, f.name AS forum_name, c.meeting_id, c.owner_org,
       o.name AS owner_name, c.text, c.due_on, c.status, c.evidence, c.evidence_link, c.status_at, c.done_on,
       c.confirmed_org, c.confirmed_at, c.created_org, c.created_at
  FROM commitments c JOIN forums f ON f.id = c.forum_id JOIN orgs o ON o.id = c.owner_org";

async fn members(tx: &mut d::Tx, forum: &str) -> Result<Vec<ForumMember>> {
    // The convener first, then by name.
    let rows = sqlx::query(
        "SELECT m.org_id, o.name, o.kind, m.joined_at FROM forum_members m
           JOIN orgs o ON o.id = m.org_id JOIN forums f ON f.id = m.forum_id
          WHERE m.forum_id = $1 ORDER BY CASE WHEN m.org_id = f.convener_org THEN 0 ELSE 1 END, o.name, m.org_id",
    )
    .bind(forum)
    .fetch_all(&mut **tx)
    .await
    .map_err(other)?;
    rows.iter().map(|r| rows::member(&Sq(r))).collect()
}

async fn forum(tx: &mut d::Tx, viewer: &OrgId, id: &str) -> Result<Forum> {
    let r = sqlx::query(&format!(
        "SELECT id, convener_org, name, area_code, kind, cadence, terms, created_at FROM forums
          WHERE id = $2 AND {}",
        member_of("forums.id")
    ))
    .bind(viewer.as_str())
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    let members = members(tx, id).await?;
    rows::forum(&Sq(&r), members)
}

async fn commitment(tx: &mut d::Tx, viewer: &OrgId, id: &str) -> Result<Commitment> {
    let r = sqlx::query(&format!("{COMMITMENT} WHERE c.id = $2 AND {}", member_of("c.forum_id")))
        .bind(viewer.as_str())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    rows::commitment(&Sq(&r))
}

async fn meeting(tx: &mut d::Tx, id: &str) -> Result<Meeting> {
    let r = sqlx::query(
        "SELECT id, forum_id, held_on, agenda, minutes, recorded_org, created_at FROM forum_meetings WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    let lines = sqlx::query(
        "SELECT org_kind, gender, age_band, count FROM meeting_participants WHERE meeting_id = $1
          ORDER BY org_kind, gender, age_band",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .map_err(other)?;
    let lines = lines.iter().map(|l| rows::participants(&Sq(l))).collect::<Result<Vec<_>>>()?;
    rows::meeting(&Sq(&r), lines)
}

/// Whether `org` is a member of `forum`.
pub(super) async fn is_member(tx: &mut d::Tx, forum: &str, org: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM forum_members WHERE forum_id = $1 AND org_id = $2")
        .bind(forum)
        .bind(org)
        .fetch_one(&mut **tx)
        .await
        .map_err(other)?;
    Ok(n > 0)
}

/// Whether an organisation `org` exists.
pub(super) async fn org_exists(tx: &mut d::Tx, org: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orgs WHERE id = $1")
        .bind(org)
        .fetch_one(&mut **tx)
        .await
        .map_err(other)?;
    Ok(n > 0)
}

async fn join(tx: &mut d::Tx, forum: &str, org: &str, at: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO forum_members (forum_id, org_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (forum_id, org_id) DO NOTHING",
    )
    .bind(forum)
    .bind(org)
    .bind(ts(at))
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    Ok(())
}

#[async_trait]
impl ForumStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %convener), err(level = "debug"))]
    async fn create_forum(
        &self,
        convener: &OrgId,
        new: &NewForum,
        mut audit: NewAuditEvent,
    ) -> Result<Forum> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| convener.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let area: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM areas WHERE code = $1")
            .bind(&new.area)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        if area == 0 {
            return Err(StoreError::Conflict(format!("unknown area {}", new.area)));
        }
        let at = now();
        sqlx::query(
            "INSERT INTO forums (id, convener_org, name, area_code, kind, cadence, terms, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&new.id)
        .bind(convener.as_str())
        .bind(&new.name)
        .bind(&new.area)
        .bind(new.kind.as_str())
        .bind(new.cadence.as_str())
        .bind(new.terms.as_deref())
        .bind(ts(at))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        join(&mut tx, &new.id, convener.as_str(), at).await?;
        for m in &new.members {
            if !org_exists(&mut tx, m.as_str()).await? {
                return Err(StoreError::NotFound);
            }
            join(&mut tx, &new.id, m.as_str(), at).await?;
        }
        append_audit_tx(&mut tx, audit).await?;
        let made = forum(&mut tx, convener, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_forums(&self, viewer: &OrgId) -> Result<Vec<Forum>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        let ids: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT id FROM forums WHERE {} ORDER BY created_at DESC, id LIMIT 500",
            member_of("forums.id")
        ))
        .bind(viewer.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(forum(&mut tx, viewer, &id).await?);
        }
        Ok(out)
    }

    async fn get_forum(&self, viewer: &OrgId, id: &str) -> Result<Forum> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        forum(&mut tx, viewer, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %convener), err(level = "debug"))]
    async fn add_forum_member(
        &self,
        convener: &OrgId,
        id: &str,
        org: &OrgId,
        mut audit: NewAuditEvent,
    ) -> Result<Forum> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| convener.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let f = forum(&mut tx, convener, id).await?;
        if f.convener_org != convener.as_str() || !org_exists(&mut tx, org.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        join(&mut tx, id, org.as_str(), now()).await?;
        append_audit_tx(&mut tx, audit).await?;
        let f = forum(&mut tx, convener, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(f)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn add_meeting(
        &self,
        viewer: &OrgId,
        forum_id: &str,
        new: &NewMeeting,
        mut audit: NewAuditEvent,
    ) -> Result<Meeting> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        forum(&mut tx, viewer, forum_id).await?;
        sqlx::query(
            "INSERT INTO forum_meetings (id, forum_id, held_on, agenda, minutes, recorded_org, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&new.id)
        .bind(forum_id)
        .bind(day(new.held_on))
        .bind(new.agenda.as_deref())
        .bind(new.minutes.as_deref())
        .bind(viewer.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        for p in &new.participants {
            sqlx::query(
                "INSERT INTO meeting_participants (meeting_id, org_kind, gender, age_band, count)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&new.id)
            .bind(p.org_kind.as_str())
            .bind(p.gender.as_str())
            .bind(p.age_band.as_str())
            .bind(i64::from(p.count))
            .execute(&mut *tx)
            .await
            .map_err(|e| crate::errors::conflict(e, "a group of participants is counted twice"))?;
        }
        append_audit_tx(&mut tx, audit).await?;
        let made = meeting(&mut tx, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_meetings(&self, viewer: &OrgId, forum_id: &str) -> Result<Vec<Meeting>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        forum(&mut tx, viewer, forum_id).await?;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM forum_meetings WHERE forum_id = $1 ORDER BY held_on DESC, created_at DESC, id LIMIT 500",
        )
        .bind(forum_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(meeting(&mut tx, &id).await?);
        }
        Ok(out)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn create_commitment(
        &self,
        viewer: &OrgId,
        new: &NewCommitment,
        mut audit: NewAuditEvent,
    ) -> Result<Commitment> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        forum(&mut tx, viewer, &new.forum).await?;
        if !is_member(&mut tx, &new.forum, new.owner.as_str()).await? {
            return Err(StoreError::Conflict("owner_org".into()));
        }
        if let Some(m) = &new.meeting {
            let n: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM forum_meetings WHERE id = $1 AND forum_id = $2")
                    .bind(m)
                    .bind(&new.forum)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(other)?;
            if n == 0 {
                return Err(StoreError::Conflict("meeting".into()));
            }
        }
        sqlx::query(
            "INSERT INTO commitments (id, forum_id, meeting_id, owner_org, text, due_on, status, created_org, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9)",
        )
        .bind(&new.id)
        .bind(&new.forum)
        .bind(new.meeting.as_deref())
        .bind(new.owner.as_str())
        .bind(&new.text)
        .bind(day(new.due_on))
        .bind(viewer.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let made = commitment(&mut tx, viewer, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn get_commitment(&self, viewer: &OrgId, id: &str) -> Result<Commitment> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        commitment(&mut tx, viewer, id).await
    }

    async fn list_commitments(&self, viewer: &OrgId, filter: &CommitmentFilter) -> Result<Vec<Commitment>> {
        let rows = sqlx::query(&format!(
            "{COMMITMENT} WHERE {}
               AND (CAST($2 AS TEXT) IS NULL OR c.forum_id = $2)
               AND (CAST($3 AS TEXT) IS NULL OR c.owner_org = $3)
               AND (CAST($4 AS TEXT) IS NULL OR (c.status IN ('open', 'in_progress') AND c.due_on < $4))
             ORDER BY c.due_on, c.created_at, c.id LIMIT $5",
            member_of("c.forum_id")
        ))
        .bind(viewer.as_str())
        .bind(filter.forum.as_deref())
        .bind(filter.owner.as_ref().map(|o| o.as_str()))
        .bind(filter.overdue_on.map(day))
        .bind(filter.limit.clamp(1, 2_000))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| rows::commitment(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn step_commitment(
        &self,
        owner: &OrgId,
        id: &str,
        step: &CommitmentStep,
        mut audit: NewAuditEvent,
    ) -> Result<Commitment> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| owner.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let current = commitment(&mut tx, owner, id).await?;
        if current.owner_org != owner.as_str() {
            return Err(StoreError::NotFound);
        }
        if !current.status.may_become(step.to) {
            return Err(StoreError::Conflict(format!("it is {} already", current.status.as_str())));
        }
        let done_on = (step.to == CommitmentStatus::Done).then(|| day(step.at.date_naive()));
        let changed = sqlx::query(
            "UPDATE commitments SET status = $3, evidence = COALESCE($4, evidence), status_by = $5,
                    status_at = $6, done_on = COALESCE($7, done_on), evidence_link = COALESCE($9, evidence_link)
              WHERE id = $1 AND owner_org = $2 AND status = $8",
        )
        .bind(id)
        .bind(owner.as_str())
        .bind(step.to.as_str())
        .bind(step.evidence.as_deref())
        .bind(step.by.as_str())
        .bind(ts(step.at))
        .bind(done_on)
        .bind(current.status.as_str())
        .bind(step.link.as_deref())
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        if changed != 1 {
            return Err(StoreError::Conflict("it changed meanwhile".into()));
        }
        append_audit_tx(&mut tx, audit).await?;
        let made = commitment(&mut tx, owner, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn confirm_commitment(
        &self,
        viewer: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Commitment> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let current = commitment(&mut tx, viewer, id).await?;
        if current.owner_org == viewer.as_str() {
            return Err(StoreError::Conflict("its owner cannot confirm it".into()));
        }
        if current.status != CommitmentStatus::Done || current.confirmed_org.is_some() {
            return Err(StoreError::Conflict("only a commitment done and not yet confirmed".into()));
        }
        let changed = sqlx::query(
            "UPDATE commitments SET confirmed_org = $2, confirmed_by = $3, confirmed_at = $4
              WHERE id = $1 AND status = 'done' AND confirmed_org IS NULL AND owner_org <> $2",
        )
        .bind(id)
        .bind(viewer.as_str())
        .bind(by.as_str())
        .bind(ts(at))
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        if changed != 1 {
            return Err(StoreError::Conflict("it changed meanwhile".into()));
        }
        append_audit_tx(&mut tx, audit).await?;
        let made = commitment(&mut tx, viewer, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }
}
