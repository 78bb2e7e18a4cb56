//! The observatory: act kinds, violations, and the second key that verifies them.
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::violation::{Ending, LinkKind, ViolationStatus};
use tandem_domain::violation_signal;
use tandem_domain::{OrgId, UserId};
use tandem_store::row::{self, cols};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{now, other};

async fn evidence_row(tx: &mut d::Tx, org: &OrgId, violation: &str, id: &str) -> Result<Evidence> {
    let r = sqlx::query(&format!(
        "SELECT {} FROM violation_evidence WHERE org_id = $1 AND violation_id = $2 AND id = $3",
        cols::EVIDENCE
    ))
    .bind(org.as_str())
    .bind(violation)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    row::evidence(&Sq(&r))
}

async fn one(tx: &mut d::Tx, org: &OrgId, id: &str) -> Result<Violation> {
    let r = sqlx::query(&format!("SELECT {} FROM violations WHERE org_id = $1 AND id = $2", cols::VIOLATION))
        .bind(org.as_str())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    row::violation(&Sq(&r))
}

/// One violation written in `tx`; Conflict naming an unknown area or act kind.
async fn insert_violation(tx: &mut d::Tx, org: &OrgId, new: &NewViolation) -> Result<()> {
    let known: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM areas WHERE code = $1), (SELECT COUNT(*) FROM violation_acts WHERE slug = $2)",
    )
    .bind(new.area.as_str())
    .bind(new.act.as_str())
    .fetch_one(&mut **tx)
    .await
    .map_err(other)?;
    if known.0 == 0 {
        return Err(StoreError::Conflict(format!("unknown area {}", new.area.as_str())));
    }
    if known.1 == 0 {
        return Err(StoreError::Conflict(format!("unknown act kind {}", new.act.as_str())));
    }
    let v = &new.victims;
    let count = |n: Option<u32>| n.map(i64::from);
    sqlx::query(
        "INSERT INTO violations (org_id, id, area_code, occurred_on, date_precision, act, institution,
            institution_kind, unit, victims_total, victims_women, victims_men, victims_girls, victims_boys,
            description, documented_by, created_at, victim_names, victim_names_key, source_kind,
            source_knowledge, source_reliability, source_identity, source_identity_key, targeted_org,
            victims_group, victims_status, method, involvement)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
            $21, $22, $23, $24, $25, $26, $27, $28, $29)",
    )
    .bind(org.as_str())
    .bind(&new.id)
    .bind(new.area.as_str())
    .bind(new.occurred_on.format("%Y-%m-%d").to_string())
    .bind(new.date_precision.as_str())
    .bind(new.act.as_str())
    .bind(&new.institution)
    .bind(new.institution_kind.as_str())
    .bind(new.unit.as_deref())
    .bind(i64::from(v.total))
    .bind(count(v.women))
    .bind(count(v.men))
    .bind(count(v.girls))
    .bind(count(v.boys))
    .bind(&new.description)
    .bind(new.documented_by.as_ref().map(|u| u.as_str()))
    .bind(ts(now()))
    .bind(new.victim_names.as_ref().map(|s| s.data.as_str()))
    .bind(new.victim_names.as_ref().map(|s| s.key_id.as_str()))
    .bind(new.source.kind.map(|k| k.as_str()))
    .bind(new.source.knowledge.map(|k| k.as_str()))
    .bind(new.source.reliability.map(|k| k.as_str()))
    .bind(new.source_identity.as_ref().map(|s| s.data.as_str()))
    .bind(new.source_identity.as_ref().map(|s| s.key_id.as_str()))
    .bind(new.targeted_org.as_deref())
    .bind(v.group.as_str())
    .bind(v.status.map(|s| s.as_str()))
    .bind(new.method.as_deref())
    .bind(new.involvement.as_str())
    .execute(&mut **tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            StoreError::Conflict(format!("a violation with id {} exists", new.id))
        }
        _ => other(e),
    })?;
    Ok(())
}

/// The table holding records of `kind`: a fixed name, never input.
fn link_table(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Violation => "violations",
        LinkKind::Report => "reports",
        LinkKind::Alert => "alerts",
    }
}

#[async_trait]
impl ObservatoryStore for d::Backend {
    async fn act_kinds(&self) -> Result<Vec<ActKind>> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT slug, name, rights FROM violation_acts ORDER BY position, slug")
                .fetch_all(&self.db.pool)
                .await
                .map_err(other)?;
        Ok(rows.into_iter().map(|(slug, name, rights)| ActKind { slug, name, rights }).collect())
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn create_violation(
        &self,
        org: &OrgId,
        new: &NewViolation,
        mut audit: NewAuditEvent,
    ) -> Result<Violation> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        insert_violation(&mut tx, org, new).await?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one(&mut tx, org, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org, n = new.len()), err(level = "debug"))]
    async fn create_violations(
        &self,
        org: &OrgId,
        new: &[NewViolation],
        mut audit: NewAuditEvent,
    ) -> Result<usize> {
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        for v in new {
            // An error drops the transaction: nothing of the file is kept.
            insert_violation(&mut tx, org, v).await?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(new.len())
    }

    async fn get_violation(&self, org: &OrgId, id: &str) -> Result<Violation> {
        let r =
            sqlx::query(&format!("SELECT {} FROM violations WHERE org_id = $1 AND id = $2", cols::VIOLATION))
                .bind(org.as_str())
                .bind(id)
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?
                .ok_or(StoreError::NotFound)?;
        row::violation(&Sq(&r))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_violations(&self, org: &OrgId, filter: &ViolationFilter) -> Result<Vec<Violation>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM violations WHERE org_id = $1 AND (CAST($2 AS TEXT) IS NULL OR status = $2)
               AND (CAST($5 AS TEXT) IS NULL OR (status = 'referred' AND referral_due_on < $5))
               AND (CAST($6 AS TEXT) IS NULL OR (verified_at IS NOT NULL AND occurred_on >= $6))
             ORDER BY occurred_on DESC, created_at DESC, id LIMIT $3 OFFSET $4",
            cols::VIOLATION
        ))
        .bind(org.as_str())
        .bind(filter.status.map(|s| s.as_str()))
        .bind(filter.limit.clamp(1, 500))
        .bind(filter.offset.max(0))
        .bind(filter.overdue_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(filter.verified_from.map(|d| d.format("%Y-%m-%d").to_string()))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::violation(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn verify_violation(
        &self,
        org: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Violation> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let current = one(&mut tx, org, id).await?;
        // From now on it counts in the alert engine, in this week.
        let week = violation_signal::week(current.occurred_on, current.date_precision, at.date_naive());
        let done = sqlx::query(
            "UPDATE violations SET status = 'verified', verified_by = $3, verified_at = $4, signal_week = $5
             WHERE org_id = $1 AND id = $2 AND status = 'documented'
               AND (documented_by IS NULL OR documented_by <> $3)",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(by.as_str())
        .bind(ts(at))
        .bind(week.0)
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        finish_step(
            tx,
            org,
            id,
            done.rows_affected(),
            "this violation cannot be verified by this person now",
            audit,
        )
        .await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn refer_violation(
        &self,
        org: &OrgId,
        id: &str,
        referral: &NewReferral,
        at: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Violation> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        if let Some(to) = &referral.to_org {
            let known: Option<i64> = sqlx::query_scalar(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM orgs WHERE id = $1 HAVING COUNT(*) > 0",
            )
            .bind(to.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(other)?;
            known.ok_or(StoreError::NotFound)?;
        }
        let done = sqlx::query(
            "UPDATE violations SET status = 'referred', referred_to_org = $3, referred_to = $4, referral_ask = $5,
                referral_due_on = $6, referred_by = $7, referred_at = $8
             WHERE org_id = $1 AND id = $2 AND status = 'verified'",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(referral.to_org.as_ref().map(|o| o.as_str()))
        .bind(&referral.to)
        .bind(&referral.ask)
        .bind(referral.due_on.format("%Y-%m-%d").to_string())
        .bind(referral.by.as_str())
        .bind(ts(at))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        finish_step(
            tx,
            org,
            id,
            done.rows_affected(),
            "only a verified violation can be referred, once",
            audit,
        )
        .await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn record_violation_response(
        &self,
        org: &OrgId,
        id: &str,
        response: &str,
        by: &UserId,
        at: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Violation> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE violations SET status = 'responded', response = $3, responded_by = $4, responded_at = $5
             WHERE org_id = $1 AND id = $2 AND status = 'referred'",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(response)
        .bind(by.as_str())
        .bind(ts(at))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        finish_step(
            tx,
            org,
            id,
            done.rows_affected(),
            "only a referred violation can have its answer recorded",
            audit,
        )
        .await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn link_violation(
        &self,
        org: &OrgId,
        id: &str,
        kind: LinkKind,
        target: &str,
        by: &UserId,
        mut audit: NewAuditEvent,
    ) -> Result<()> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        one(&mut tx, org, id).await?;
        let found: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {} WHERE org_id = $1 AND id = $2",
            link_table(kind)
        ))
        .bind(org.as_str())
        .bind(target)
        .fetch_one(&mut *tx)
        .await
        .map_err(other)?;
        if found == 0 || (kind == LinkKind::Violation && target == id) {
            return Err(StoreError::Conflict(format!("no {} {target} in this organisation", kind.as_str())));
        }
        let made = sqlx::query(
            "INSERT INTO violation_links (org_id, violation_id, kind, target_id, linked_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(kind.as_str())
        .bind(target)
        .bind(by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        if made > 0 {
            append_audit_tx(&mut tx, audit).await?;
        }
        tx.commit().await.map_err(other)?;
        Ok(())
    }

    async fn unlink_violation(
        &self,
        org: &OrgId,
        id: &str,
        kind: LinkKind,
        target: &str,
        mut audit: NewAuditEvent,
    ) -> Result<()> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let gone = sqlx::query(
            "DELETE FROM violation_links WHERE org_id = $1 AND violation_id = $2 AND kind = $3 AND target_id = $4",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(kind.as_str())
        .bind(target)
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        if gone == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(())
    }

    async fn links_of(&self, org: &OrgId, kind: LinkKind, id: &str) -> Result<Vec<LinkedRecord>> {
        // Links from this record (only a violation has them), then links to it; each other end
        // still in its table.
        let other_end = |k: LinkKind, col: &str| {
            format!("EXISTS (SELECT 1 FROM {} t WHERE t.org_id = l.org_id AND t.id = l.{col})", link_table(k))
        };
        let mut parts = vec![];
        if kind == LinkKind::Violation {
            for k in LinkKind::ALL {
                parts.push(format!(
                    "SELECT kind, target_id AS other_id, created_at, TRUE AS held FROM violation_links l
                     WHERE l.org_id = $1 AND l.violation_id = $2 AND l.kind = '{}' AND {}",
                    k.as_str(),
                    other_end(*k, "target_id")
                ));
            }
        }
        parts.push(format!(
            "SELECT 'violation' AS kind, violation_id AS other_id, created_at, FALSE AS held FROM violation_links l
             WHERE l.org_id = $1 AND l.kind = $3 AND l.target_id = $2 AND {}",
            other_end(LinkKind::Violation, "violation_id")
        ));
        let sql = format!(
            "SELECT kind, other_id, created_at, held FROM ({}) x ORDER BY created_at, other_id",
            parts.join(" UNION ALL ")
        );
        let rows = sqlx::query(&sql)
            .bind(org.as_str())
            .bind(id)
            .bind(kind.as_str())
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
        rows.iter().map(|r| row::linked_record(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_evidence(&self, org: &OrgId, e: &Evidence, mut audit: NewAuditEvent) -> Result<Evidence> {
        audit.subject.get_or_insert_with(|| e.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        one(&mut tx, org, &e.violation_id).await?;
        sqlx::query(
            "INSERT INTO violation_evidence (org_id, id, violation_id, kind, content_type, ext, size, sha256, key_id,
                uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(org.as_str())
        .bind(&e.id)
        .bind(&e.violation_id)
        .bind(e.kind.as_str())
        .bind(&e.content_type)
        .bind(&e.ext)
        .bind(e.size.min(i64::MAX as u64) as i64)
        .bind(&e.sha256)
        .bind(&e.key_id)
        .bind(e.uploaded_by.as_deref())
        .bind(ts(e.uploaded_at))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let stored = evidence_row(&mut tx, org, &e.violation_id, &e.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(stored)
    }

    async fn list_evidence(&self, org: &OrgId, violation: &str) -> Result<Vec<Evidence>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM violation_evidence WHERE org_id = $1 AND violation_id = $2 ORDER BY uploaded_at, id",
            cols::EVIDENCE
        ))
        .bind(org.as_str())
        .bind(violation)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::evidence(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn open_evidence(
        &self,
        org: &OrgId,
        violation: &str,
        id: &str,
        mut audit: NewAuditEvent,
    ) -> Result<Evidence> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let e = evidence_row(&mut tx, org, violation, id).await?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(e)
    }

    async fn custody(&self, org: &OrgId, subject: &str) -> Result<Vec<AuditEvent>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM audit_events WHERE org_id = $1 AND subject = $2 ORDER BY seq LIMIT 1000",
            cols::AUDIT
        ))
        .bind(org.as_str())
        .bind(subject)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::audit(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %to), err(level = "debug"))]
    async fn referrals_to(&self, to: &OrgId, limit: i64) -> Result<Vec<Violation>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM violations WHERE referred_to_org = $1
             ORDER BY CASE WHEN status = 'referred' THEN 0 ELSE 1 END, referral_due_on, id LIMIT $2",
            cols::VIOLATION
        ))
        .bind(to.as_str())
        .bind(limit.clamp(1, 500))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::violation(&Sq(r))).collect()
    }

    async fn referral_owner(&self, to: &OrgId, id: &str) -> Result<OrgId> {
        let owner: Option<String> =
            sqlx::query_scalar("SELECT org_id FROM violations WHERE id = $1 AND referred_to_org = $2")
                .bind(id)
                .bind(to.as_str())
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?;
        owner.map(OrgId::from_trusted).ok_or(StoreError::NotFound)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn verified_violation_counts(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        verified_before: DateTime<Utc>,
    ) -> Result<Vec<(String, String, String, String, u32)>> {
        let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
            "SELECT v.org_id, v.area_code, v.institution_kind, v.act, CAST(COUNT(*) AS BIGINT)
             FROM violations v JOIN orgs o ON o.id = v.org_id
             WHERE o.kind = 'civil_society' AND v.verified_at IS NOT NULL AND v.verified_at < $3
               AND v.occurred_on >= $1 AND v.occurred_on < $2
             GROUP BY v.org_id, v.area_code, v.institution_kind, v.act
             ORDER BY v.org_id, v.area_code, v.institution_kind, v.act",
        )
        .bind(from.format("%Y-%m-%d").to_string())
        .bind(to.format("%Y-%m-%d").to_string())
        .bind(ts(verified_before))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        Ok(rows
            .into_iter()
            .map(|(o, a, k, act, n)| (o, a, k, act, n.clamp(0, u32::MAX as i64) as u32))
            .collect())
    }

    async fn earliest_verified_violation(&self) -> Result<Option<chrono::NaiveDate>> {
        let day: Option<String> =
            sqlx::query_scalar("SELECT MIN(occurred_on) FROM violations WHERE verified_at IS NOT NULL")
                .fetch_one(&self.db.pool)
                .await
                .map_err(other)?;
        day.map(|d| {
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| StoreError::other("corrupt violation date"))
        })
        .transpose()
    }

    async fn public_release(&self, dataset: &str, period: &str) -> Result<Option<(u32, String)>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT k, master FROM public_releases WHERE dataset = $1 AND period = $2")
                .bind(dataset)
                .bind(period)
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?;
        Ok(row.map(|(k, m)| (k.clamp(0, u32::MAX as i64) as u32, m)))
    }

    async fn save_public_release(
        &self,
        dataset: &str,
        period: &str,
        k: u32,
        master: &str,
    ) -> Result<(u32, String)> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO public_releases (dataset, period, k, master, released_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (dataset, period) DO NOTHING",
        )
        .bind(dataset)
        .bind(period)
        .bind(i64::from(k))
        .bind(master)
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        let (k, m): (i64, String) =
            sqlx::query_as("SELECT k, master FROM public_releases WHERE dataset = $1 AND period = $2")
                .bind(dataset)
                .bind(period)
                .fetch_one(&mut *tx)
                .await
                .map_err(other)?;
        tx.commit().await.map_err(other)?;
        Ok((k.clamp(0, u32::MAX as i64) as u32, m))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn end_violation(
        &self,
        org: &OrgId,
        id: &str,
        ending: Ending,
        by: &UserId,
        at: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Violation> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        // The statuses it may end from, as the domain's workflow says.
        let to = ending.status();
        let from: Vec<&str> =
            ViolationStatus::ALL.iter().filter(|s| s.may_become(to)).map(|s| s.as_str()).collect();
        let (_write, mut tx) = self.db.write().await?;
        let mut qb = sqlx::QueryBuilder::<d::Db>::new("UPDATE violations SET status = ");
        qb.push_bind(to.as_str())
            .push(", ended_by = ")
            .push_bind(by.as_str())
            .push(", ended_at = ")
            .push_bind(ts(at))
            .push(" WHERE org_id = ")
            .push_bind(org.as_str())
            .push(" AND id = ")
            .push_bind(id)
            .push(" AND status IN (");
        let mut sep = qb.separated(", ");
        for f in &from {
            sep.push_bind(*f);
        }
        qb.push(")");
        let done = qb.build().execute(&mut *tx).await.map_err(other)?;
        finish_step(
            tx,
            org,
            id,
            done.rows_affected(),
            "the violation cannot end this way from where it stands",
            audit,
        )
        .await
    }
}

/// After a guarded update: NotFound when the violation is not the organisation's, Conflict when
/// it is but the workflow refused the step; otherwise the step is audited and committed, and the
/// violation read back as it now stands.
async fn finish_step(
    mut tx: d::Tx,
    org: &OrgId,
    id: &str,
    rows: u64,
    refused: &str,
    audit: NewAuditEvent,
) -> Result<Violation> {
    if rows == 0 {
        one(&mut tx, org, id).await?;
        return Err(StoreError::Conflict(refused.into()));
    }
    append_audit_tx(&mut tx, audit).await?;
    let v = one(&mut tx, org, id).await?;
    tx.commit().await.map_err(other)?;
    Ok(v)
}
