//! Letters of recognition and invitation, kept as signed.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;
use tandem_store::forums::rows::date;
use tandem_store::row::RowRead;
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::day;
use super::row::Sq;
use crate::errors::{conflict, now, other};

const LETTER: &str =
    "SELECT id, issuer_org, recipient_org, issuer_name, recipient_name, kind, purpose, addressee,
       issued_on, valid_until, key_id, signature, created_at, revoked_at FROM letters";

fn letter(r: &impl RowRead) -> Result<Letter> {
    Ok(Letter {
        id: r.text("id")?,
        issuer_org: r.text("issuer_org")?,
        recipient_org: r.text("recipient_org")?,
        issuer_name: r.text("issuer_name")?,
        recipient_name: r.text("recipient_name")?,
        kind: r.text("kind")?,
        purpose: r.text("purpose")?,
        addressee: r.text("addressee")?,
        issued_on: date(r, "issued_on")?,
        valid_until: date(r, "valid_until")?,
        key_id: r.text("key_id")?,
        signature: r.text("signature")?,
        created_at: r.time("created_at")?,
        revoked_at: r.opt_time("revoked_at")?,
    })
}

async fn one(tx: &mut d::Tx, id: &str) -> Result<Letter> {
    let r = sqlx::query(&format!("{LETTER} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    letter(&Sq(&r))
}

#[async_trait]
impl LetterStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %new.issuer_org), err(level = "debug"))]
    async fn create_letter(&self, new: &NewLetter, mut audit: NewAuditEvent) -> Result<Letter> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| new.issuer_org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO letters (id, issuer_org, recipient_org, issuer_name, recipient_name, kind, purpose,
                                  addressee, issued_on, valid_until, key_id, signature, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(&new.id)
        .bind(new.issuer_org.as_str())
        .bind(new.recipient_org.as_str())
        .bind(&new.issuer_name)
        .bind(&new.recipient_name)
        .bind(new.kind.as_str())
        .bind(&new.purpose)
        .bind(&new.addressee)
        .bind(day(new.issued_on))
        .bind(day(new.valid_until))
        .bind(&new.key_id)
        .bind(&new.signature)
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "id"))?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one(&mut tx, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn letters(&self, org: &OrgId) -> Result<Vec<Letter>> {
        let rows = sqlx::query(&format!(
            "{LETTER} WHERE issuer_org = $1 OR recipient_org = $1 ORDER BY created_at DESC, id LIMIT 500"
        ))
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| letter(&Sq(r))).collect()
    }

    async fn letter(&self, id: &str) -> Result<Letter> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        one(&mut tx, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn revoke_letter(&self, org: &OrgId, id: &str, mut audit: NewAuditEvent) -> Result<Letter> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let l = one(&mut tx, id).await?;
        if l.issuer_org != org.as_str() {
            return Err(StoreError::NotFound);
        }
        if l.revoked_at.is_some() {
            return Err(StoreError::Conflict("revoked already".into()));
        }
        sqlx::query("UPDATE letters SET revoked_at = $1 WHERE id = $2")
            .bind(ts(now()))
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let l = one(&mut tx, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(l)
    }
}
