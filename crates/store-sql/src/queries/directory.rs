//! The referral directory's listings.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::directory::ServiceText;
use tandem_domain::OrgId;
use tandem_store::row::{json, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

const SERVICE: &str =
    "SELECT s.id, s.org_id, o.name AS org_name, s.name, s.kind, s.description, s.areas, s.languages,
       s.eligibility, s.contact, s.hours, s.created_at FROM services s JOIN orgs o ON o.id = s.org_id";

fn service(r: &impl RowRead) -> Result<Service> {
    Ok(Service {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        org_name: r.text("org_name")?,
        name: r.text("name")?,
        kind: r.text("kind")?,
        description: r.text("description")?,
        areas: json(r, "areas")?,
        languages: json(r, "languages")?,
        eligibility: r.text("eligibility")?,
        contact: r.text("contact")?,
        hours: r.text("hours")?,
        created_at: r.time("created_at")?,
    })
}

#[async_trait]
impl DirectoryStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_service(
        &self,
        org: &OrgId,
        id: &str,
        t: &ServiceText,
        mut audit: NewAuditEvent,
    ) -> Result<Service> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let json = |v: &[String]| serde_json::Value::from(v.to_vec()).to_string();
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO services (id, org_id, name, kind, description, areas, languages, eligibility, contact,
                                   hours, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(org.as_str())
        .bind(&t.name)
        .bind(t.kind.as_str())
        .bind(&t.description)
        .bind(json(&t.areas))
        .bind(json(&t.languages))
        .bind(&t.eligibility)
        .bind(&t.contact)
        .bind(&t.hours)
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "id"))?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{SERVICE} WHERE s.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = service(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn services(&self, filter: &ServiceFilter) -> Result<Vec<Service>> {
        let mut sql = format!("{SERVICE} WHERE 1 = 1");
        let mut binds: Vec<String> = Vec::new();
        if let Some(k) = filter.kind {
            binds.push(k.as_str().to_owned());
            sql.push_str(&format!(" AND s.kind = ${}", binds.len()));
        }
        if !filter.areas.is_empty() {
            // The areas are a JSON array of codes: the quoted code is in it or not.
            let mut any = Vec::new();
            for a in &filter.areas {
                binds.push(format!("%\"{a}\"%"));
                any.push(format!("s.areas LIKE ${}", binds.len()));
            }
            sql.push_str(&format!(" AND ({})", any.join(" OR ")));
        }
        sql.push_str(" ORDER BY s.kind, s.name, s.id LIMIT 500");
        let mut q = sqlx::query(&sql);
        for b in &binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| service(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn remove_service(&self, org: &OrgId, id: &str, mut audit: NewAuditEvent) -> Result<()> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("DELETE FROM services WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(org.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(())
    }
}
