//! Joint assessments and plans of a forum (read by its members only), the CSOs' self-assessments,
//! and the reads of reports and alerts the wheel view counts for an area.
use async_trait::async_trait;
use chrono::NaiveDate;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::joint::Conditions;
use tandem_domain::OrgId;
use tandem_store::forums::rows::date;
use tandem_store::row::{corrupt, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::{day, is_member};
use super::row::Sq;
use crate::errors::{now, other};

const ASSESSMENT: &str =
    "SELECT id, forum_id, title, held_on, drivers, actors, risks, police_ethos, police_conduct,
       baseline, cso_role, context, took_part, recorded_org, created_at FROM forum_assessments";
const PLAN: &str =
    "SELECT id, forum_id, title, adopted_on, goals, theory_of_change, commitments, recorded_org,
       created_at FROM forum_plans";
const SELF: &str = "SELECT s.id, s.org_id, o.name AS org_name, s.assessed_on, s.empowered, s.independent,
       s.distinct_, s.accepted, s.free, s.note, s.created_at FROM cso_conditions s JOIN orgs o ON o.id = s.org_id";

fn word<T: std::str::FromStr>(r: &impl RowRead, col: &str) -> Result<Option<T>> {
    r.opt_text(col)?.map(|s| s.parse::<T>().map_err(|_| corrupt(format!("{col}: {s}")))).transpose()
}

fn assessment(r: &impl RowRead) -> Result<Assessment> {
    Ok(Assessment {
        id: r.text("id")?,
        forum_id: r.text("forum_id")?,
        title: r.text("title")?,
        held_on: date(r, "held_on")?,
        drivers: r.text("drivers")?,
        actors: r.opt_text("actors")?,
        risks: r.opt_text("risks")?,
        police_ethos: word(r, "police_ethos")?,
        police_conduct: r.opt_text("police_conduct")?,
        baseline: r.opt_text("baseline")?,
        cso_role: word(r, "cso_role")?,
        context: r.opt_text("context")?,
        took_part: serde_json::from_str(&r.text("took_part")?).map_err(corrupt)?,
        recorded_org: r.text("recorded_org")?,
        created_at: r.time("created_at")?,
    })
}

fn plan(r: &impl RowRead) -> Result<Plan> {
    Ok(Plan {
        id: r.text("id")?,
        forum_id: r.text("forum_id")?,
        title: r.text("title")?,
        adopted_on: date(r, "adopted_on")?,
        goals: r.text("goals")?,
        theory_of_change: r.text("theory_of_change")?,
        commitments: serde_json::from_str(&r.text("commitments")?).map_err(corrupt)?,
        recorded_org: r.text("recorded_org")?,
        created_at: r.time("created_at")?,
    })
}

fn self_assessment(r: &impl RowRead) -> Result<SelfAssessment> {
    let scores = ["empowered", "independent", "distinct_", "accepted", "free"];
    let mut s = [0i64; 5];
    for (i, c) in scores.iter().enumerate() {
        s[i] = r.int(c)?;
    }
    Ok(SelfAssessment {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        org_name: r.text("org_name")?,
        assessed_on: date(r, "assessed_on")?,
        conditions: Conditions::new(s).map_err(|e| corrupt(e.message))?,
        note: r.opt_text("note")?,
        created_at: r.time("created_at")?,
    })
}

fn midnight(d: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

#[async_trait]
impl JointStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn add_assessment(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewAssessment,
        mut audit: NewAuditEvent,
    ) -> Result<Assessment> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        for o in &new.took_part {
            if !is_member(&mut tx, forum, o.as_str()).await? {
                return Err(StoreError::Conflict("took_part".into()));
            }
        }
        let took_part: Vec<&str> = new.took_part.iter().map(OrgId::as_str).collect();
        sqlx::query(
            "INSERT INTO forum_assessments (id, forum_id, title, held_on, drivers, actors, risks, police_ethos,
                    police_conduct, baseline, cso_role, context, took_part, recorded_org, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(&new.id)
        .bind(forum)
        .bind(&new.title)
        .bind(day(new.held_on))
        .bind(&new.drivers)
        .bind(&new.actors)
        .bind(&new.risks)
        .bind(new.police_ethos.map(|e| e.as_str()))
        .bind(&new.police_conduct)
        .bind(&new.baseline)
        .bind(new.cso_role.map(|e| e.as_str()))
        .bind(&new.context)
        .bind(serde_json::to_string(&took_part).map_err(other)?)
        .bind(viewer.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{ASSESSMENT} WHERE id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = assessment(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_assessments(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Assessment>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        let rows = sqlx::query(&format!(
            "{ASSESSMENT} WHERE forum_id = $1 ORDER BY held_on DESC, created_at DESC, id LIMIT 200"
        ))
        .bind(forum)
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        rows.iter().map(|r| assessment(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %viewer), err(level = "debug"))]
    async fn add_plan(
        &self,
        viewer: &OrgId,
        forum: &str,
        new: &NewPlan,
        mut audit: NewAuditEvent,
    ) -> Result<Plan> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| viewer.to_string());
        let (_write, mut tx) = self.db.write().await?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        for c in &new.commitments {
            let n: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM commitments WHERE id = $1 AND forum_id = $2")
                    .bind(c)
                    .bind(forum)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(other)?;
            if n == 0 {
                return Err(StoreError::Conflict("commitments".into()));
            }
        }
        sqlx::query(
            "INSERT INTO forum_plans (id, forum_id, title, adopted_on, goals, theory_of_change, commitments,
                                      recorded_org, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&new.id)
        .bind(forum)
        .bind(&new.title)
        .bind(day(new.adopted_on))
        .bind(&new.goals)
        .bind(&new.theory_of_change)
        .bind(serde_json::to_string(&new.commitments).map_err(other)?)
        .bind(viewer.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{PLAN} WHERE id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = plan(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_plans(&self, viewer: &OrgId, forum: &str) -> Result<Vec<Plan>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        if !is_member(&mut tx, forum, viewer.as_str()).await? {
            return Err(StoreError::NotFound);
        }
        let rows = sqlx::query(&format!(
            "{PLAN} WHERE forum_id = $1 ORDER BY adopted_on DESC, created_at DESC, id LIMIT 200"
        ))
        .bind(forum)
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?;
        rows.iter().map(|r| plan(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_self_assessment(
        &self,
        org: &OrgId,
        new: &NewSelfAssessment,
        mut audit: NewAuditEvent,
    ) -> Result<SelfAssessment> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let c = new.conditions;
        sqlx::query(
            "INSERT INTO cso_conditions (id, org_id, assessed_on, empowered, independent, distinct_, accepted, free,
                                         note, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&new.id)
        .bind(org.as_str())
        .bind(day(new.assessed_on))
        .bind(i64::from(c.empowered))
        .bind(i64::from(c.independent))
        .bind(i64::from(c.distinct))
        .bind(i64::from(c.accepted))
        .bind(i64::from(c.free))
        .bind(&new.note)
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{SELF} WHERE s.id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = self_assessment(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_self_assessments(&self, orgs: &[String], since: NaiveDate) -> Result<Vec<SelfAssessment>> {
        if orgs.is_empty() {
            return Ok(vec![]);
        }
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(format!("{SELF} WHERE s.assessed_on >= "));
        qb.push_bind(day(since)).push(" AND s.org_id IN (");
        let mut sep = qb.separated(", ");
        for o in orgs {
            sep.push_bind(o.as_str());
        }
        qb.push(") ORDER BY s.assessed_on DESC, s.created_at DESC, s.id LIMIT 1000");
        let rows = qb.build().fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| self_assessment(&Sq(r))).collect()
    }

    async fn reports_in(
        &self,
        viewer: &OrgId,
        areas: &[String],
        since: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Dated>> {
        if areas.is_empty() {
            return Ok(vec![]);
        }
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(
            "SELECT id, occurred_at AS at, area_code FROM reports WHERE status <> 'dismissed' AND org_id = ",
        );
        qb.push_bind(viewer.as_str()).push(" AND occurred_at >= ").push_bind(ts(midnight(since)));
        qb.push(" AND area_code IN (");
        let mut sep = qb.separated(", ");
        for a in areas {
            sep.push_bind(a.as_str());
        }
        qb.push(") ORDER BY occurred_at DESC, id LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| dated(&Sq(r))).collect()
    }

    async fn answered_alerts_in(
        &self,
        viewer: &OrgId,
        areas: &[String],
        since: NaiveDate,
    ) -> Result<Vec<Dated>> {
        if areas.is_empty() {
            return Ok(vec![]);
        }
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(
            "SELECT * FROM (SELECT a.id, a.area_code, a.org_id,
                    (SELECT MIN(r.responded_at) FROM responses r WHERE r.org_id = a.org_id AND r.alert_id = a.id) AS at
               FROM alerts a JOIN orgs o ON o.id = a.assigned_org_id
              WHERE o.kind IN ('security', 'government') AND a.org_id = ",
        );
        qb.push_bind(viewer.as_str())
            .push(") a WHERE a.at IS NOT NULL AND a.at >= ")
            .push_bind(ts(midnight(since)));
        qb.push(" AND a.area_code IN (");
        let mut sep = qb.separated(", ");
        for a in areas {
            sep.push_bind(a.as_str());
        }
        qb.push(") ORDER BY a.at DESC, a.id LIMIT 500");
        let rows = qb.build().fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| dated(&Sq(r))).collect()
    }
}

fn dated(r: &impl RowRead) -> Result<Dated> {
    Ok(Dated { id: r.text("id")?, on: r.time("at")?.date_naive(), label: r.text("area_code")? })
}
