//! Joint trainings recorded in a forum, read by its members only.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;
use tandem_store::row::{corrupt, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::{is_member, org_exists};
use super::row::Sq;
use crate::errors::{now, other};

const TRAINING: &str = "SELECT t.id, t.forum_id, t.topic, t.held_on, t.trainer_org, o.name AS trainer_name,
       t.participants, t.scores, t.recorded_org, t.created_at
  FROM forum_trainings t JOIN orgs o ON o.id = t.trainer_org";

fn training(r: &impl RowRead) -> Result<Training> {
    Ok(Training {
        id: r.text("id")?,
        forum_id: r.text("forum_id")?,
        topic: r.text("topic")?,
        held_on: chrono::NaiveDate::parse_from_str(&r.text("held_on")?, "%Y-%m-%d").map_err(corrupt)?,
        trainer_org: r.text("trainer_org")?,
        trainer_name: r.text("trainer_name")?,
        participants: serde_json::from_str(&r.text("participants")?).map_err(corrupt)?,
        scores: serde_json::from_str(&r.text("scores")?).map_err(corrupt)?,
        recorded_org: r.text("recorded_org")?,
        created_at: r.time("created_at")?,
    })
}

#[async_trait]
impl TrainingStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn add_training(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewTraining,
        mut audit: NewAuditEvent,
    ) -> Result<Training> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        if !org_exists(&mut tx, new.trainer_org.as_str()).await? {
            return Err(StoreError::Conflict("trainer_org".into()));
        }
        sqlx::query(
            "INSERT INTO forum_trainings (id, forum_id, topic, held_on, trainer_org, participants, scores,
                                          recorded_org, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&new.id)
        .bind(forum)
        .bind(&new.topic)
        .bind(new.held_on.format("%Y-%m-%d").to_string())
        .bind(new.trainer_org.as_str())
        .bind(serde_json::to_string(&new.participants).map_err(other)?)
        .bind(serde_json::to_string(&new.scores).map_err(other)?)
        .bind(viewer.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{TRAINING} WHERE t.id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = training(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_trainings(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Training>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        let rows = sqlx::query(&format!(
            "{TRAINING} WHERE t.forum_id = $1 ORDER BY t.held_on DESC, t.created_at DESC, t.id LIMIT 500"
        ))
        .bind(forum)
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        rows.iter().map(|r| training(&Sq(r))).collect()
    }
}
