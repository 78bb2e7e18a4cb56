//! Perception surveys and their responses, kept by one organisation and read by it alone.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;
use tandem_store::row::{corrupt, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::day;
use super::row::Sq;
use crate::errors::{now, other};

const SURVEY: &str = "SELECT s.id, s.org_id, s.title, s.weight_column, s.strata_column, s.cluster_column,
       s.fielded_on, s.columns, s.created_at,
       (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses
  FROM surveys s";

/// Responses per INSERT: four values a row, well inside both backends' limits.
const ROWS_PER_STATEMENT: usize = 2000;
/// Responses read per query when gathering columns, so memory holds a page of answers at most.
const ROWS_PER_PAGE: i64 = 5000;

fn survey(r: &impl RowRead) -> Result<Survey> {
    Ok(Survey {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        title: r.text("title")?,
        weight: r.text("weight_column")?,
        strata: r.opt_text("strata_column")?,
        cluster: r.opt_text("cluster_column")?,
        fielded_on: r
            .opt_text("fielded_on")?
            .map(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(corrupt))
            .transpose()?,
        columns: serde_json::from_str(&r.text("columns")?).map_err(corrupt)?,
        responses: r.int("responses")?,
        created_at: r.time("created_at")?,
    })
}

async fn one(tx: &mut d::Tx, org: &OrgId, id: &str) -> Result<Survey> {
    let r = sqlx::query(&format!("{SURVEY} WHERE s.id = $1 AND s.org_id = $2"))
        .bind(id)
        .bind(org.as_str())
        .fetch_optional(&mut **tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    survey(&Sq(&r))
}

#[async_trait]
impl SurveyStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn create_survey(&self, org: &OrgId, new: &NewSurvey, mut audit: NewAuditEvent) -> Result<Survey> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO surveys (id, org_id, title, weight_column, strata_column, cluster_column, fielded_on,
                                  columns, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', $8, $9)",
        )
        .bind(&new.id)
        .bind(org.as_str())
        .bind(&new.title)
        .bind(&new.weight)
        .bind(new.strata.as_deref())
        .bind(new.cluster.as_deref())
        .bind(new.fielded_on.map(day))
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one(&mut tx, org, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_surveys(&self, org: &OrgId) -> Result<Vec<Survey>> {
        let rows =
            sqlx::query(&format!("{SURVEY} WHERE s.org_id = $1 ORDER BY s.created_at DESC, s.id LIMIT 500"))
                .bind(org.as_str())
                .fetch_all(&self.db.pool)
                .await
                .map_err(other)?;
        rows.iter().map(|r| survey(&Sq(r))).collect()
    }

    async fn get_survey(&self, org: &OrgId, id: &str) -> Result<Survey> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        one(&mut tx, org, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org, rows = rows.len()), err(level = "debug"))]
    async fn add_responses(
        &self,
        org: &OrgId,
        survey: &str,
        columns: &[String],
        rows: &[NewSurveyResponse],
        mut audit: NewAuditEvent,
    ) -> Result<Added> {
        audit.subject.get_or_insert_with(|| survey.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let mut known = one(&mut tx, org, survey).await?.columns;
        for c in columns {
            if !known.contains(c) {
                known.push(c.clone());
            }
        }
        let last: Option<i64> =
            sqlx::query_scalar("SELECT MAX(seq) FROM survey_responses WHERE survey_id = $1")
                .bind(survey)
                .fetch_one(&mut *tx)
                .await
                .map_err(other)?;
        let mut seq = last.unwrap_or(0);
        let mut imported = 0usize;
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let mut values = Vec::with_capacity(chunk.len());
            for r in chunk {
                seq += 1;
                let answers: serde_json::Map<String, serde_json::Value> = r
                    .answers
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect();
                values.push((seq, r.submission.as_deref(), serde_json::Value::Object(answers).to_string()));
            }
            let mut qb = sqlx::QueryBuilder::<d::Db>::new(
                "INSERT INTO survey_responses (survey_id, seq, submission, answers) ",
            );
            qb.push_values(&values, |mut b, (seq, sub, answers)| {
                b.push_bind(survey).push_bind(*seq).push_bind(*sub).push_bind(answers.as_str());
            });
            qb.push(" ON CONFLICT (survey_id, submission) DO NOTHING");
            imported += qb.build().execute(&mut *tx).await.map_err(other)?.rows_affected() as usize;
        }
        sqlx::query("UPDATE surveys SET columns = $1 WHERE id = $2")
            .bind(serde_json::to_string(&known).map_err(other)?)
            .bind(survey)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(Added { imported, already_present: rows.len() - imported })
    }

    async fn response_columns(
        &self,
        org: &OrgId,
        survey: &str,
        columns: &[String],
    ) -> Result<Vec<Vec<Option<String>>>> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        one(&mut tx, org, survey).await?;
        let mut out = vec![];
        let mut after = 0i64;
        loop {
            let page = sqlx::query(
                "SELECT seq, answers FROM survey_responses WHERE survey_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            )
            .bind(survey)
            .bind(after)
            .bind(ROWS_PER_PAGE)
            .fetch_all(&mut *tx)
            .await
            .map_err(other)?;
            let Some(last) = page.last() else { break };
            after = Sq(last).int("seq")?;
            for r in &page {
                let answers: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&Sq(r).text("answers")?).map_err(corrupt)?;
                out.push(
                    columns
                        .iter()
                        .map(|c| answers.get(c).and_then(|v| v.as_str()).map(str::to_owned))
                        .collect(),
                );
            }
        }
        Ok(out)
    }
}
