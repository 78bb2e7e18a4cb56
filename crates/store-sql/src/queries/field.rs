//! Field collection: app users, submissions filed once by their instance id, and their files.
use async_trait::async_trait;
use sqlx::Row as _;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::seal::SealedBytes;
use tandem_domain::OrgId;
use tandem_store::row::{self, cols};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::ew::insert_reports;
use super::row::Sq;
use crate::errors::{conflict, now, other};

fn sealed_of(r: &d::Row) -> Result<SealedBytes> {
    Ok(SealedBytes {
        key_id: r.try_get("key_id").map_err(other)?,
        data: r.try_get::<Vec<u8>, _>("data").map_err(other)?,
    })
}

/// Inserts the files `report` does not have yet (by name); returns how many went in.
async fn add_files(tx: &mut d::Tx, org: &OrgId, report: &str, files: &[NewAttachment]) -> Result<usize> {
    let mut added = 0;
    for f in files {
        let done = sqlx::query(
            "INSERT INTO attachments (id, org_id, report_id, name, content_type, size, sha256, key_id, data, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (org_id, report_id, name) DO NOTHING",
        )
        .bind(&f.id)
        .bind(org.as_str())
        .bind(report)
        .bind(&f.name)
        .bind(&f.content_type)
        .bind(f.size)
        .bind(&f.sha256)
        .bind(&f.sealed.key_id)
        .bind(&f.sealed.data)
        .bind(ts(now()))
        .execute(&mut **tx)
        .await
        .map_err(other)?;
        added += done.rows_affected() as usize;
    }
    Ok(added)
}

#[async_trait]
impl FieldStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %new.org_id), err(level = "debug"))]
    async fn create_app_user(&self, new: &NewAppUser, mut audit: NewAuditEvent) -> Result<AppUser> {
        let id = OrgId::new().to_string();
        audit.subject.get_or_insert_with(|| id.clone());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO app_users (id, org_id, name, form_id, token_hash, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(new.org_id.as_str())
        .bind(&new.name)
        .bind(&new.form_id)
        .bind(&new.token_hash)
        .bind(new.created_by.as_ref().map(|u| u.as_str()))
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "this token is already in use"))?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("SELECT {} FROM app_users WHERE id = $1", cols::APP_USER))
            .bind(&id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = row::app_user(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn app_users(&self, org: &OrgId) -> Result<Vec<AppUser>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM app_users WHERE org_id = $1 ORDER BY created_at DESC, id",
            cols::APP_USER
        ))
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::app_user(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn revoke_app_user(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE app_users SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL",
        )
        .bind(org.as_str())
        .bind(id)
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
    async fn app_user_by_token(&self, token_hash: &str) -> Result<Option<AppUser>> {
        let r = sqlx::query(&format!(
            "SELECT {} FROM app_users WHERE token_hash = $1 AND revoked_at IS NULL",
            cols::APP_USER
        ))
        .bind(token_hash)
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?;
        r.map(|r| row::app_user(&Sq(&r))).transpose()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn file_submission(
        &self,
        org: &OrgId,
        new: &NewSubmission,
        files: &[NewAttachment],
        audit: NewAuditEvent,
    ) -> Result<Filed> {
        let (_write, mut tx) = self.db.write().await?;
        let seen = sqlx::query(
            "SELECT s.body_sha256, s.report_id, s.complete,
                    (SELECT COUNT(*) FROM reports r WHERE r.org_id = s.org_id AND r.id = s.report_id) AS live,
                    (SELECT COUNT(*) FROM attachments a WHERE a.org_id = s.org_id AND a.report_id = s.report_id) AS files
             FROM submissions s WHERE s.org_id = $1 AND s.instance_id = $2",
        )
        .bind(org.as_str())
        .bind(&new.instance_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?;
        let filed = match seen {
            Some(r) => {
                let body: String = r.try_get("body_sha256").map_err(other)?;
                let report_id: String = r.try_get("report_id").map_err(other)?;
                if body != new.body_sha256 {
                    return Err(StoreError::Conflict(
                        "a different submission with this instanceID was received before".into(),
                    ));
                }
                let complete: bool = r.try_get("complete").map_err(other)?;
                let live = d::int(&r, "live")? > 0;
                let held = usize::try_from(d::int(&r, "files")?).unwrap_or(usize::MAX);
                // An erased report stays erased, and a complete one takes no more files: a
                // re-send can neither bring files back nor be used to pile files up.
                let room = if complete || !live { 0 } else { new.max_files.saturating_sub(held) };
                let take = files.len().min(room);
                let added = add_files(&mut tx, org, &report_id, &files[..take]).await?;
                if new.complete && !complete {
                    sqlx::query(
                        "UPDATE submissions SET complete = $1 WHERE org_id = $2 AND instance_id = $3",
                    )
                    .bind(true)
                    .bind(org.as_str())
                    .bind(&new.instance_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(other)?;
                }
                Filed::Again { report_id, added }
            }
            None => {
                let mut made = insert_reports(&mut tx, org, std::slice::from_ref(&new.report)).await?;
                let report = made.pop().ok_or_else(|| StoreError::other("no report was made"))?;
                sqlx::query(
                    "INSERT INTO submissions (org_id, instance_id, body_sha256, report_id, app_user_id, received_at, complete)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(org.as_str())
                .bind(&new.instance_id)
                .bind(&new.body_sha256)
                .bind(&report.id)
                .bind(new.app_user_id.as_deref())
                .bind(ts(now()))
                .bind(new.complete)
                .execute(&mut *tx)
                .await
                .map_err(|e| conflict(e, "this submission is being received already"))?;
                add_files(&mut tx, org, &report.id, &files[..files.len().min(new.max_files)]).await?;
                Filed::New(Box::new(report))
            }
        };
        if !matches!(filed, Filed::Again { added: 0, .. }) {
            append_audit_tx(&mut tx, audit).await?;
        }
        tx.commit().await.map_err(other)?;
        Ok(filed)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn attachments(&self, org: &OrgId, report: &str) -> Result<Vec<Attachment>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM attachments WHERE org_id = $1 AND report_id = $2 ORDER BY created_at, name",
            cols::ATTACHMENT
        ))
        .bind(org.as_str())
        .bind(report)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::attachment(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn attachment(&self, org: &OrgId, report: &str, id: &str) -> Result<(Attachment, SealedBytes)> {
        let r = sqlx::query(&format!(
            "SELECT {}, key_id, data FROM attachments WHERE org_id = $1 AND report_id = $2 AND id = $3",
            cols::ATTACHMENT
        ))
        .bind(org.as_str())
        .bind(report)
        .bind(id)
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        Ok((row::attachment(&Sq(&r))?, sealed_of(&r)?))
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn attachment_seals(
        &self,
        after: Option<(String, String)>,
        limit: i64,
    ) -> Result<Vec<(Attachment, SealedBytes)>> {
        let (org, id) = after.unwrap_or_default();
        let rows = sqlx::query(&format!(
            "SELECT {}, key_id, data FROM attachments WHERE (org_id > $1 OR (org_id = $2 AND id > $3))
             ORDER BY org_id, id LIMIT $4",
            cols::ATTACHMENT
        ))
        .bind(&org)
        .bind(&org)
        .bind(&id)
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| Ok((row::attachment(&Sq(r))?, sealed_of(r)?))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn replace_attachment_seals(&self, changes: &[(Attachment, SealedBytes)]) -> Result<u64> {
        let (_write, mut tx) = self.db.write().await?;
        let mut n = 0;
        for (a, sealed) in changes {
            n += sqlx::query("UPDATE attachments SET key_id = $1, data = $2 WHERE org_id = $3 AND id = $4")
                .bind(&sealed.key_id)
                .bind(&sealed.data)
                .bind(a.org_id.as_str())
                .bind(&a.id)
                .execute(&mut *tx)
                .await
                .map_err(other)?
                .rows_affected();
        }
        tx.commit().await.map_err(other)?;
        Ok(n)
    }
}
