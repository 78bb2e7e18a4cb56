//! Perception surveys and their responses, kept by one organisation and read by it alone.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::OrgId;
use tandem_store::forums::rows::date;
use tandem_store::row::{corrupt, json, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::day;
use super::row::Sq;
use crate::errors::{now, other};

const SURVEY: &str = "SELECT s.id, s.org_id, s.title, s.weight_column, s.strata_column, s.cluster_column,
       s.fielded_on, s.columns, s.questionnaire, s.created_at,
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
        fielded_on: opt_date(r, "fielded_on")?,
        columns: json(r, "columns")?,
        questionnaire: r.opt_text("questionnaire")?,
        responses: r.int("responses")?,
        created_at: r.time("created_at")?,
    })
}

/// Keeps the questions a survey serves under their version, for forms filled against them.
async fn keep_form(tx: &mut d::Tx, survey: &Survey) -> Result<()> {
    let Some(text) = survey.questionnaire.as_deref() else { return Ok(()) };
    sqlx::query(
        "INSERT INTO survey_forms (survey_id, version, questionnaire, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (survey_id, version) DO NOTHING",
    )
    .bind(&survey.id)
    .bind(tandem_domain::questionnaire::version(&survey.title, text))
    .bind(text)
    .bind(ts(now()))
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    Ok(())
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
                                  columns, questionnaire, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', $8, $9, $10)",
        )
        .bind(&new.id)
        .bind(org.as_str())
        .bind(&new.title)
        .bind(&new.weight)
        .bind(new.strata.as_deref())
        .bind(new.cluster.as_deref())
        .bind(new.fielded_on.map(day))
        .bind(new.questionnaire.as_deref())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one(&mut tx, org, &new.id).await?;
        keep_form(&mut tx, &made).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn served_questionnaire(&self, org: &OrgId, survey: &str, version: &str) -> Result<Option<String>> {
        sqlx::query_scalar(
            "SELECT f.questionnaire FROM survey_forms f JOIN surveys s ON s.id = f.survey_id
              WHERE f.survey_id = $1 AND s.org_id = $2 AND f.version = $3",
        )
        .bind(survey)
        .bind(org.as_str())
        .bind(version)
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)
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

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn set_questionnaire(
        &self,
        org: &OrgId,
        id: &str,
        questionnaire: Option<&str>,
        mut audit: NewAuditEvent,
    ) -> Result<Survey> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("UPDATE surveys SET questionnaire = $1 WHERE id = $2 AND org_id = $3")
            .bind(questionnaire)
            .bind(id)
            .bind(org.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        let s = one(&mut tx, org, id).await?;
        keep_form(&mut tx, &s).await?;
        tx.commit().await.map_err(other)?;
        Ok(s)
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

const SCORECARD: &str =
    "SELECT c.id, c.org_id, k.name AS org_name, c.unit_org, u.name AS unit_name, u.kind AS unit_kind,
       c.area_code, a.name AS area_name, c.published_at, c.created_at
  FROM scorecards c JOIN orgs k ON k.id = c.org_id JOIN orgs u ON u.id = c.unit_org
  JOIN areas a ON a.code = c.area_code";

const INDICATOR: &str =
    "SELECT id, scorecard_id, name, definition, measure, direction, disaggregation, baseline,
       target, frequency, computed, created_at FROM indicators";

const MEASUREMENT: &str =
    "SELECT m.id, m.indicator_id, m.measured_on, m.value, m.ci_low, m.ci_high, m.source,
       m.evidence, m.survey_id, m.recorded_org, m.created_at
  FROM measurements m JOIN indicators i ON i.id = m.indicator_id";

fn scorecard(r: &impl RowRead) -> Result<Scorecard> {
    Ok(Scorecard {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        org_name: r.text("org_name")?,
        unit_org: r.text("unit_org")?,
        unit_name: r.text("unit_name")?,
        unit_kind: r.text("unit_kind")?.parse().map_err(corrupt)?,
        area: r.text("area_code")?,
        area_name: r.text("area_name")?,
        published_at: r.opt_time("published_at")?,
        created_at: r.time("created_at")?,
    })
}

fn float(r: &impl RowRead, col: &str) -> Result<f64> {
    r.opt_float(col)?.ok_or_else(|| corrupt(format!("{col} is empty")))
}

fn indicator(r: &impl RowRead) -> Result<Indicator> {
    Ok(Indicator {
        id: r.text("id")?,
        scorecard_id: r.text("scorecard_id")?,
        name: r.text("name")?,
        definition: r.text("definition")?,
        measure: r.text("measure")?.parse().map_err(corrupt)?,
        direction: r.text("direction")?.parse().map_err(corrupt)?,
        disaggregation: r.opt_text("disaggregation")?,
        baseline: r.opt_float("baseline")?,
        target: r.opt_float("target")?,
        frequency: r.text("frequency")?.parse().map_err(corrupt)?,
        computed: r.opt_text("computed")?.map(|c| c.parse().map_err(corrupt)).transpose()?,
        created_at: r.time("created_at")?,
    })
}

fn opt_date(r: &impl RowRead, col: &str) -> Result<Option<chrono::NaiveDate>> {
    r.opt_text(col)?.map(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(corrupt)).transpose()
}

fn measurement(r: &impl RowRead) -> Result<Measurement> {
    Ok(Measurement {
        id: r.text("id")?,
        indicator_id: r.text("indicator_id")?,
        measured_on: date(r, "measured_on")?,
        value: float(r, "value")?,
        ci_low: r.opt_float("ci_low")?,
        ci_high: r.opt_float("ci_high")?,
        source: r.text("source")?,
        evidence: r.opt_text("evidence")?,
        survey_id: r.opt_text("survey_id")?,
        recorded_org: r.text("recorded_org")?,
        created_at: r.time("created_at")?,
    })
}

/// The scorecard and what is on it; `owner` None reads a published one.
async fn records(tx: &mut d::Tx, owner: Option<&OrgId>, id: &str) -> Result<ScorecardRecords> {
    let r = sqlx::query(&format!(
        "{SCORECARD} WHERE c.id = $1 AND (c.org_id = $2 OR (CAST($2 AS TEXT) IS NULL AND c.published_at IS NOT NULL))"
    ))
    .bind(id)
    .bind(owner.map(OrgId::as_str))
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    let card = scorecard(&Sq(&r))?;
    let indicators = sqlx::query(&format!("{INDICATOR} WHERE scorecard_id = $1 ORDER BY created_at, id"))
        .bind(id)
        .fetch_all(&mut **tx)
        .await
        .map_err(other)?
        .iter()
        .map(|r| indicator(&Sq(r)))
        .collect::<Result<Vec<_>>>()?;
    let measurements = sqlx::query(&format!(
        "{MEASUREMENT} WHERE i.scorecard_id = $1 ORDER BY m.measured_on, m.created_at, m.id"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .map_err(other)?
    .iter()
    .map(|r| measurement(&Sq(r)))
    .collect::<Result<Vec<_>>>()?;
    Ok(ScorecardRecords { scorecard: card, indicators, measurements })
}

async fn one_card(tx: &mut d::Tx, org: &OrgId, id: &str) -> Result<Scorecard> {
    let r = sqlx::query(&format!("{SCORECARD} WHERE c.id = $1 AND c.org_id = $2"))
        .bind(id)
        .bind(org.as_str())
        .fetch_optional(&mut **tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    scorecard(&Sq(&r))
}

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

#[async_trait]
impl ScorecardStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn create_scorecard(
        &self,
        org: &OrgId,
        new: &NewScorecard,
        mut audit: NewAuditEvent,
    ) -> Result<Scorecard> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        if !super::forums::org_exists(&mut tx, new.unit_org.as_str()).await? {
            return Err(StoreError::Conflict("unit_org".into()));
        }
        let area: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM areas WHERE code = $1")
            .bind(&new.area)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        if area == 0 {
            return Err(StoreError::Conflict("area".into()));
        }
        sqlx::query(
            "INSERT INTO scorecards (id, org_id, unit_org, area_code, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&new.id)
        .bind(org.as_str())
        .bind(new.unit_org.as_str())
        .bind(&new.area)
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| crate::errors::conflict(e, "unit_org"))?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one_card(&mut tx, org, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn list_scorecards(&self, org: &OrgId) -> Result<Vec<Scorecard>> {
        let rows = sqlx::query(&format!("{SCORECARD} WHERE c.org_id = $1 ORDER BY u.name, c.id LIMIT 500"))
            .bind(org.as_str())
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
        rows.iter().map(|r| scorecard(&Sq(r))).collect()
    }

    async fn unit_scorecard(&self, org: &OrgId, id: &str) -> Result<ScorecardRecords> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        records(&mut tx, Some(org), id).await
    }

    async fn published_scorecards(&self) -> Result<Vec<Scorecard>> {
        let rows = sqlx::query(&format!(
            "{SCORECARD} WHERE c.published_at IS NOT NULL ORDER BY u.name, c.id LIMIT 500"
        ))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| scorecard(&Sq(r))).collect()
    }

    async fn published_scorecard(&self, id: &str) -> Result<ScorecardRecords> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        records(&mut tx, None, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn publish_scorecard(
        &self,
        org: &OrgId,
        id: &str,
        publish: bool,
        mut audit: NewAuditEvent,
    ) -> Result<Scorecard> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE scorecards SET published_at = CASE WHEN $1 THEN COALESCE(published_at, $2) ELSE NULL END
              WHERE id = $3 AND org_id = $4",
        )
        .bind(publish)
        .bind(ts(now()))
        .bind(id)
        .bind(org.as_str())
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        let card = one_card(&mut tx, org, id).await?;
        tx.commit().await.map_err(other)?;
        Ok(card)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_indicator(
        &self,
        org: &OrgId,
        card: &str,
        new: &NewIndicator,
        mut audit: NewAuditEvent,
    ) -> Result<Indicator> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        one_card(&mut tx, org, card).await?;
        sqlx::query(
            "INSERT INTO indicators (id, scorecard_id, name, definition, measure, direction, disaggregation,
                                     baseline, target, frequency, computed, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&new.id)
        .bind(card)
        .bind(&new.name)
        .bind(&new.definition)
        .bind(new.measure.as_str())
        .bind(new.direction.as_str())
        .bind(new.disaggregation.as_deref())
        .bind(new.baseline)
        .bind(new.target)
        .bind(new.frequency.as_str())
        .bind(new.computed.map(|c| c.as_str()))
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{INDICATOR} WHERE id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = indicator(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_measurement(
        &self,
        org: &OrgId,
        ind: &str,
        new: &NewMeasurement,
        mut audit: NewAuditEvent,
    ) -> Result<Measurement> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let r = sqlx::query(&format!(
            "{INDICATOR} WHERE id = $1 AND scorecard_id IN (SELECT id FROM scorecards WHERE org_id = $2)"
        ))
        .bind(ind)
        .bind(org.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        if indicator(&Sq(&r))?.computed.is_some() {
            return Err(StoreError::Conflict("indicator".into()));
        }
        if let Some(s) = &new.survey_id {
            if matches!(one(&mut tx, org, s).await, Err(StoreError::NotFound)) {
                return Err(StoreError::Conflict("survey".into()));
            }
        }
        sqlx::query(
            "INSERT INTO measurements (id, indicator_id, measured_on, value, ci_low, ci_high, source, evidence,
                                       survey_id, recorded_org, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(&new.id)
        .bind(ind)
        .bind(day(new.measured_on))
        .bind(new.value)
        .bind(new.ci_low)
        .bind(new.ci_high)
        .bind(&new.source)
        .bind(new.evidence.as_deref())
        .bind(new.survey_id.as_deref())
        .bind(org.as_str())
        .bind(new.by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{MEASUREMENT} WHERE m.id = $1"))
            .bind(&new.id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = measurement(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn get_indicator(&self, org: &OrgId, id: &str) -> Result<Indicator> {
        let r = sqlx::query(&format!(
            "{INDICATOR} WHERE id = $1 AND scorecard_id IN (SELECT id FROM scorecards WHERE org_id = $2)"
        ))
        .bind(id)
        .bind(org.as_str())
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        indicator(&Sq(&r))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn remove_measurement(
        &self,
        org: &OrgId,
        id: &str,
        mut audit: NewAuditEvent,
    ) -> Result<Measurement> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let r = sqlx::query(&format!(
            "{MEASUREMENT} JOIN scorecards c ON c.id = i.scorecard_id WHERE m.id = $1 AND c.org_id = $2"
        ))
        .bind(id)
        .bind(org.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        let gone = measurement(&Sq(&r))?;
        sqlx::query("DELETE FROM measurements WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if let Ok(detail) = serde_json::to_value(&gone) {
            audit.detail = detail;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(gone)
    }

    async fn unit_records(&self, org: &OrgId, unit: &OrgId) -> Result<tandem_domain::scorecard::UnitRecords> {
        use tandem_domain::scorecard::{AlertTiming, UnitRecords, ViolationTiming};
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        let name: String = sqlx::query_scalar("SELECT name FROM orgs WHERE id = $1")
            .bind(unit.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        let mut out = UnitRecords::default();
        for r in sqlx::query(
            "SELECT a.created_at, a.due_at,
                    (SELECT MIN(r.responded_at) FROM responses r
                      WHERE r.org_id = a.org_id AND r.alert_id = a.id AND r.responder_org_id = $2) AS answered
               FROM alerts a WHERE a.org_id = $1 AND a.assigned_org_id = $2",
        )
        .bind(org.as_str())
        .bind(unit.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?
        {
            let r = Sq(&r);
            out.alerts.push(AlertTiming {
                raised: r.time("created_at")?,
                due: r.opt_time("due_at")?,
                answered: r.opt_time("answered")?,
            });
        }
        for r in sqlx::query(
            "SELECT c.owner_org, c.due_on, c.status, c.done_on, c.confirmed_at FROM commitments c
              WHERE c.owner_org = $2
                AND EXISTS (SELECT 1 FROM forum_members m WHERE m.forum_id = c.forum_id AND m.org_id = $1)",
        )
        .bind(org.as_str())
        .bind(unit.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?
        {
            let r = Sq(&r);
            let confirmed_on = r.opt_time("confirmed_at")?.map(|t| t.date_naive());
            out.commitments.push(tandem_domain::scorecard::CommitmentTiming {
                kept: tandem_domain::forum::Kept {
                    owner: r.text("owner_org")?,
                    due_on: date(&r, "due_on")?,
                    status: r.text("status")?.parse().map_err(corrupt)?,
                    done_on: opt_date(&r, "done_on")?,
                    confirmed: confirmed_on.is_some(),
                },
                confirmed_on,
            });
        }
        // Names are compared as written, trimmed and case aside (as the referral times are),
        // in Rust: SQLite's LOWER knows only ASCII.
        let unit_name = lower(&name);
        for r in sqlx::query(
            "SELECT institution, unit, occurred_on, verified_at FROM violations
              WHERE org_id = $1 AND verified_at IS NOT NULL",
        )
        .bind(org.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?
        {
            let r = Sq(&r);
            let names_it = lower(&r.text("institution")?) == unit_name
                || r.opt_text("unit")?.is_some_and(|u| lower(&u) == unit_name);
            if names_it {
                let verified = r.opt_time("verified_at")?.map(|t| t.date_naive()).unwrap_or_default();
                out.violations
                    .push(ViolationTiming { occurred_on: date(&r, "occurred_on")?, verified_on: verified });
            }
        }
        for r in sqlx::query(
            "SELECT referred_at, referral_due_on, responded_at FROM violations
              WHERE org_id = $1 AND referred_to_org = $2 AND referred_at IS NOT NULL",
        )
        .bind(org.as_str())
        .bind(unit.as_str())
        .fetch_all(&mut *tx)
        .await
        .map_err(other)?
        {
            let r = Sq(&r);
            out.referrals.push(tandem_domain::referral_times::Referral {
                institution: name.clone(),
                referred_on: r.time("referred_at")?.date_naive(),
                due_on: opt_date(&r, "referral_due_on")?,
                answered_on: r.opt_time("responded_at")?.map(|t| t.date_naive()),
            });
        }
        Ok(out)
    }
}
