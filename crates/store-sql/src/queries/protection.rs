//! Sharing and protection: agreements, what owners share, sealed secrets, protected names,
//! retention, erasure and export.
use chrono::{DateTime, Utc};
use serde_json::json;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::protocol::Review;
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::sharing::windows_overlap;
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};
use tandem_store::row::{self, cols, RowRead};
use tandem_store::*;

use async_trait::async_trait;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

fn words<T: AsRef<str>>(items: &[T]) -> String {
    items.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join(" ")
}

async fn agreement_tx(tx: &mut d::Tx, org: &OrgId, id: &str) -> Result<Agreement> {
    let r = sqlx::query(&format!(
        "SELECT {} FROM {} WHERE a.id = $1 AND (a.owner_org_id = $2 OR a.partner_org_id = $3)",
        cols::AGREEMENT,
        cols::AGREEMENT_FROM
    ))
    .bind(id)
    .bind(org.as_str())
    .bind(org.as_str())
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    row::agreement(&Sq(&r))
}

/// `AND category IN (...)` for a category filter (nothing for None).
fn push_categories(qb: &mut sqlx::QueryBuilder<'_, d::Db>, categories: Option<&[String]>) {
    if let Some(cats) = categories {
        qb.push(" AND category IN (");
        let mut sep = qb.separated(", ");
        for c in cats {
            sep.push_bind(c.clone());
        }
        sep.push_unseparated(")");
    }
}

fn secret(r: &d::Row) -> Result<StoredSecret> {
    let r = Sq(r);
    Ok(StoredSecret {
        org_id: r.text("org_id")?,
        id: r.text("id")?,
        key_id: r.opt_text("key_id")?,
        value: r.text("value")?,
    })
}

#[async_trait]
impl ProtectionStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn create_agreement(
        &self,
        owner: &OrgId,
        new: &NewAgreement,
        mut audit: NewAuditEvent,
    ) -> Result<Agreement> {
        let id = OrgId::new().to_string();
        audit.subject.get_or_insert_with(|| id.clone());
        let (_write, mut tx) = self.db.write().await?;
        let existing = sqlx::query(
            "SELECT valid_from, valid_to, revoked_at FROM sharing_agreements
             WHERE owner_org_id = $1 AND partner_org_id = $2 AND revoked_at IS NULL",
        )
        .bind(owner.as_str())
        .bind(new.partner.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        for r in &existing {
            let r = Sq(r);
            if windows_overlap(
                (r.time("valid_from")?, r.opt_time("valid_to")?),
                (new.valid_from, new.valid_to),
            ) {
                return Err(StoreError::Conflict(
                    "an agreement with this organisation already covers this period; revoke it first".into(),
                ));
            }
        }
        sqlx::query(
            "INSERT INTO sharing_agreements (owner_org_id, id, partner_org_id, mode, area_level, k, categories, kinds,
                                             valid_from, valid_to, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(owner.as_str())
        .bind(&id)
        .bind(new.partner.as_str())
        .bind(new.mode.as_str())
        .bind(new.area_level.as_str())
        .bind(new.k.get() as i64)
        .bind(words(&new.categories.iter().map(|c| c.as_str()).collect::<Vec<_>>()))
        .bind(words(&new.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()))
        .bind(ts(new.valid_from))
        .bind(new.valid_to.map(ts))
        .bind(new.created_by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "agreement exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        let a = agreement_tx(&mut tx, owner, &id).await?;
        tx.commit().await.map_err(other)?;
        Ok(a)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_agreements(&self, org: &OrgId) -> Result<Vec<Agreement>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE a.owner_org_id = $1 OR a.partner_org_id = $2 ORDER BY a.created_at DESC, a.id",
            cols::AGREEMENT,
            cols::AGREEMENT_FROM
        ))
        .bind(org.as_str())
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::agreement(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn get_agreement(&self, org: &OrgId, id: &str) -> Result<Agreement> {
        let r = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE a.id = $1 AND (a.owner_org_id = $2 OR a.partner_org_id = $3)",
            cols::AGREEMENT,
            cols::AGREEMENT_FROM
        ))
        .bind(id)
        .bind(org.as_str())
        .bind(org.as_str())
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        row::agreement(&Sq(&r))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn revoke_agreement(
        &self,
        owner: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Agreement> {
        let (_write, mut tx) = self.db.write().await?;
        let current = agreement_tx(&mut tx, owner, id).await?;
        if current.owner_org != owner.as_str() {
            return Err(StoreError::NotFound);
        }
        if current.revoked_at.is_some() {
            return Err(StoreError::Conflict("the agreement is already revoked".into()));
        }
        sqlx::query(
            "UPDATE sharing_agreements SET revoked_at = $1, revoked_by = $2 WHERE owner_org_id = $3 AND id = $4",
        )
        .bind(ts(at))
        .bind(by.as_str())
        .bind(owner.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let a = agreement_tx(&mut tx, owner, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(a)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %partner), err(level = "debug"))]
    async fn agreements_for_partner(&self, partner: &OrgId, at: DateTime<Utc>) -> Result<Vec<Agreement>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM {} WHERE a.partner_org_id = $1 AND a.revoked_at IS NULL AND a.valid_from <= $2
               AND (a.valid_to IS NULL OR a.valid_to > $2) ORDER BY o1.name, a.id",
            cols::AGREEMENT,
            cols::AGREEMENT_FROM
        ))
        .bind(partner.as_str())
        .bind(ts(at))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::agreement(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn verified_counts(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
    ) -> Result<Vec<(String, String, Week, u32)>> {
        if categories.is_some_and(|c| c.is_empty()) {
            return Ok(vec![]);
        }
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(
            "SELECT area_code, category, week, COUNT(*) AS n FROM reports WHERE org_id = ",
        );
        qb.push_bind(owner.as_str())
            .push(" AND verified_at IS NOT NULL AND week BETWEEN ")
            .push_bind(weeks.0 .0)
            .push(" AND ")
            .push_bind(weeks.1 .0);
        push_categories(&mut qb, categories);
        qb.push(" GROUP BY area_code, category, week");
        let rows = qb.build().fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok((r.text("area_code")?, r.text("category")?, Week(r.int("week")?), r.int("n")? as u32))
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn verified_reports(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
        limit: i64,
    ) -> Result<Vec<Report>> {
        if categories.is_some_and(|c| c.is_empty()) {
            return Ok(vec![]);
        }
        let mut qb =
            sqlx::QueryBuilder::<d::Db>::new(format!("SELECT {} FROM reports WHERE org_id = ", cols::REPORT));
        qb.push_bind(owner.as_str())
            .push(" AND verified_at IS NOT NULL AND week BETWEEN ")
            .push_bind(weeks.0 .0)
            .push(" AND ")
            .push_bind(weeks.1 .0);
        push_categories(&mut qb, categories);
        qb.push(" ORDER BY occurred_at DESC, id LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| row::report(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %assignee), err(level = "debug"))]
    async fn assigned_alerts(&self, assignee: &OrgId, limit: i64) -> Result<Vec<Alert>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM alerts a WHERE a.assigned_org_id = $1 AND a.org_id <> $2
             ORDER BY a.due_at, a.week DESC, a.id LIMIT $3",
            cols::ALERT
        ))
        .bind(assignee.as_str())
        .bind(assignee.as_str())
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::alert(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %assignee), err(level = "debug"))]
    async fn find_assigned_alert(&self, assignee: &OrgId, id: &str) -> Result<Alert> {
        let r = sqlx::query(&format!(
            "SELECT {} FROM alerts a WHERE a.assigned_org_id = $1 AND a.id = $2 AND a.org_id <> $3",
            cols::ALERT
        ))
        .bind(assignee.as_str())
        .bind(id)
        .bind(assignee.as_str())
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        row::alert(&Sq(&r))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn read_secret(
        &self,
        org: &OrgId,
        purpose: Purpose,
        id: &str,
        audit: NewAuditEvent,
    ) -> Result<Option<StoredSecret>> {
        let (table, col, key) = secret_columns(purpose);
        let (_write, mut tx) = self.db.write().await?;
        let found = sqlx::query(&format!(
            "SELECT org_id, id, {key} AS key_id, {col} AS value, {col} IS NOT NULL AS present FROM {table}
             WHERE org_id = $1 AND id = $2"
        ))
        .bind(org.as_str())
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        let value = if Sq(&found).flag("present")? { Some(secret(&found)?) } else { None };
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(value)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn secrets_page(
        &self,
        purpose: Purpose,
        after: Option<(String, String)>,
        limit: i64,
    ) -> Result<Vec<StoredSecret>> {
        let (table, col, key) = secret_columns(purpose);
        let (org, id) = after.unwrap_or_default();
        let rows = sqlx::query(&format!(
            "SELECT org_id, id, {key} AS key_id, {col} AS value FROM {table}
             WHERE {col} IS NOT NULL AND (org_id > $1 OR (org_id = $2 AND id > $3)) ORDER BY org_id, id LIMIT $4"
        ))
        .bind(&org)
        .bind(&org)
        .bind(&id)
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(secret).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn replace_secrets(&self, purpose: Purpose, changes: &[(StoredSecret, Sealed)]) -> Result<u64> {
        let (table, col, key) = secret_columns(purpose);
        let (_write, mut tx) = self.db.write().await?;
        let mut n = 0;
        for (old, new) in changes {
            let done = sqlx::query(&format!(
                "UPDATE {table} SET {col} = $1, {key} = $2 WHERE org_id = $3 AND id = $4 AND {key} IS NOT DISTINCT FROM $5 AND {col} = $6"
            ))
            .bind(&new.data)
            .bind(&new.key_id)
            .bind(&old.org_id)
            .bind(&old.id)
            .bind(&old.key_id)
            .bind(&old.value)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
            n += done.rows_affected();
        }
        tx.commit().await.map_err(other)?;
        if n > 0 {
            // The values replaced (plain text, or under a retired key) must not live on in the log.
            self.db.after_delete().await;
        }
        Ok(n)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_protected_name(
        &self,
        org: &OrgId,
        id: &str,
        name: &Sealed,
        audit: NewAuditEvent,
    ) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO protected_names (org_id, id, name, name_key, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(org.as_str())
        .bind(id)
        .bind(&name.data)
        .bind(&name.key_id)
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "name exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_protected_names(&self, org: &OrgId) -> Result<Vec<ProtectedName>> {
        let rows = sqlx::query(
            "SELECT id, name, name_key, created_at FROM protected_names WHERE org_id = $1 ORDER BY created_at, id",
        )
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok(ProtectedName {
                    id: r.text("id")?,
                    name: Sealed {
                        key_id: r.opt_text("name_key")?.unwrap_or_default(),
                        data: r.text("name")?,
                    },
                    created_at: r.time("created_at")?,
                })
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn remove_protected_name(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("DELETE FROM protected_names WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn get_retention(&self, org: &OrgId) -> Result<Retention> {
        let r = sqlx::query("SELECT contact_days, dismissed_days FROM retention WHERE org_id = $1")
            .bind(org.as_str())
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?;
        match r {
            None => Ok(Retention::default()),
            Some(r) => {
                let r = Sq(&r);
                Ok(Retention {
                    contact_days: r.int("contact_days")? as u32,
                    dismissed_days: r.int("dismissed_days")? as u32,
                })
            }
        }
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn set_retention(&self, org: &OrgId, ret: Retention, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO retention (org_id, contact_days, dismissed_days, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (org_id) DO UPDATE SET contact_days = excluded.contact_days,
               dismissed_days = excluded.dismissed_days, updated_at = excluded.updated_at",
        )
        .bind(org.as_str())
        .bind(ret.contact_days as i64)
        .bind(ret.dismissed_days as i64)
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "retention"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    async fn protocol_review(&self, org: &OrgId) -> Result<Option<Review>> {
        let r: Option<(String, String)> =
            sqlx::query_as("SELECT reviewed_on, next_review_on FROM protocol_reviews WHERE org_id = $1")
                .bind(org.as_str())
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?;
        let day = |s: &str| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| row::corrupt("protocol review day"))
        };
        r.map(|(a, b)| Ok(Review { reviewed_on: day(&a)?, next_review_on: day(&b)? })).transpose()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn record_protocol_review(
        &self,
        org: &OrgId,
        review: Review,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO protocol_reviews (org_id, reviewed_on, next_review_on, reviewed_by, updated_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org_id) DO UPDATE SET reviewed_on = excluded.reviewed_on,
               next_review_on = excluded.next_review_on, reviewed_by = excluded.reviewed_by,
               updated_at = excluded.updated_at",
        )
        .bind(org.as_str())
        .bind(review.reviewed_on.format("%Y-%m-%d").to_string())
        .bind(review.next_review_on.format("%Y-%m-%d").to_string())
        .bind(by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "protocol review"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn purge(
        &self,
        org: &OrgId,
        contacts_before: DateTime<Utc>,
        dismissed_before: DateTime<Utc>,
        mut audit: NewAuditEvent,
    ) -> Result<Purged> {
        let (_write, mut tx) = self.db.write().await?;
        let contacts = sqlx::query(
            "UPDATE reports SET reporter_contact = NULL, contact_key = NULL
             WHERE org_id = $1 AND reporter_contact IS NOT NULL AND created_at < $2",
        )
        .bind(org.as_str())
        .bind(ts(contacts_before))
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        let sms_senders = sqlx::query(
            "UPDATE sms_inbox SET sender = NULL, sender_key = NULL WHERE org_id = $1 AND sender IS NOT NULL AND received_at < $2",
        )
        .bind(org.as_str())
        .bind(ts(contacts_before))
        .execute(&mut *tx)
        .await
        .map_err(other)?
        .rows_affected();
        for table in ["alert_reports", "attachments"] {
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE org_id = $1 AND report_id IN
                   (SELECT id FROM reports WHERE org_id = $2 AND status = 'dismissed' AND status_at < $3)"
            ))
            .bind(org.as_str())
            .bind(org.as_str())
            .bind(ts(dismissed_before))
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        let dismissed_reports =
            sqlx::query("DELETE FROM reports WHERE org_id = $1 AND status = 'dismissed' AND status_at < $2")
                .bind(org.as_str())
                .bind(ts(dismissed_before))
                .execute(&mut *tx)
                .await
                .map_err(other)?
                .rows_affected();
        let purged = Purged { contacts, sms_senders, dismissed_reports };
        if purged != Purged::default() {
            audit.detail = json!(purged);
            append_audit_tx(&mut tx, audit).await?;
        }
        tx.commit().await.map_err(other)?;
        if purged != Purged::default() {
            self.db.after_delete().await;
        }
        Ok(purged)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn erase_report(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Report> {
        let (_write, mut tx) = self.db.write().await?;
        let r = sqlx::query(&format!("SELECT {} FROM reports WHERE org_id = $1 AND id = $2", cols::REPORT))
            .bind(org.as_str())
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        let report = row::report(&Sq(&r))?;
        // The report goes with everything that hangs on it: its alert links and its files.
        for table in ["alert_reports", "attachments"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE org_id = $1 AND report_id = $2"))
                .bind(org.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(other)?;
        }
        super::ew::count_report(&mut tx, org, id, -1).await?;
        sqlx::query("DELETE FROM reports WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.db.after_delete().await;
        Ok(report)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn export_reports(&self, org: &OrgId, after: Option<&str>, limit: i64) -> Result<Vec<Report>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM reports WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            cols::REPORT
        ))
        .bind(org.as_str())
        .bind(after.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::report(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn org_responses(&self, org: &OrgId) -> Result<Vec<Response>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM responses WHERE org_id = $1 ORDER BY responded_at, id",
            cols::RESPONSE
        ))
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::response(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn key_use(&self) -> Result<Vec<KeyUse>> {
        let mut out = Vec::new();
        for p in Purpose::ALL {
            let (table, col, key) = secret_columns(p);
            let rows = sqlx::query(&format!(
                "SELECT {key} AS key_id, COUNT(*) AS n FROM {table} WHERE {col} IS NOT NULL GROUP BY {key} ORDER BY {key}"
            ))
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
            for r in &rows {
                let r = Sq(r);
                out.push(KeyUse {
                    purpose: p.as_str(),
                    key_id: r.opt_text("key_id")?,
                    count: r.int("n")? as u64,
                });
            }
        }
        // Files are sealed as bytes, apart from the texts above, but under the same keys; evidence
        // files are age files sealed to identities derived from these keys. A key stays in the key
        // file while anything needs it.
        for (table, purpose) in
            [("attachments", Purpose::Attachment.as_str()), ("violation_evidence", "evidence")]
        {
            let rows = sqlx::query(&format!(
                "SELECT key_id, COUNT(*) AS n FROM {table} GROUP BY key_id ORDER BY key_id"
            ))
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
            for r in &rows {
                let r = Sq(r);
                out.push(KeyUse { purpose, key_id: r.opt_text("key_id")?, count: r.int("n")? as u64 });
            }
        }
        Ok(out)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn releases(&self, owner: &OrgId, weeks: (Week, Week)) -> Result<Vec<Release>> {
        let rows = sqlx::query(
            "SELECT week, k, master, released_at FROM shared_releases
             WHERE owner_org_id = $1 AND week BETWEEN $2 AND $3 ORDER BY week",
        )
        .bind(owner.as_str())
        .bind(weeks.0 .0)
        .bind(weeks.1 .0)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| release(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %owner), err(level = "debug"))]
    async fn release(&self, owner: &OrgId, new: &Release) -> Result<Release> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO shared_releases (owner_org_id, week, k, master, released_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (owner_org_id, week) DO NOTHING",
        )
        .bind(owner.as_str())
        .bind(new.week.0)
        .bind(new.k as i64)
        .bind(&new.master)
        .bind(ts(new.released_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "release"))?;
        let r = sqlx::query(
            "SELECT week, k, master, released_at FROM shared_releases WHERE owner_org_id = $1 AND week = $2",
        )
        .bind(owner.as_str())
        .bind(new.week.0)
        .fetch_one(&mut *tx)
        .await
        .map_err(other)?;
        let stored = release(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(stored)
    }
}

fn release(r: &impl RowRead) -> Result<Release> {
    Ok(Release {
        week: Week(r.int("week")?),
        k: r.int("k")? as u32,
        master: r.text("master")?,
        released_at: r.time("released_at")?,
    })
}
