//! The knowledge bank's case studies and their search. The index is the dialect's (`d::fts`):
//! the same folded words go into FTS5 and into the `tsvector`, and the same query words come
//! out as each engine's expression.
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::knowledge::{relevance, search_text, weighted_length, Corpus, SearchQuery};
use tandem_domain::OrgId;
use tandem_store::row::{json, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, fts, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

const COLUMNS: &str = "c.id, c.org_id, o.name AS org_name, c.title, c.summary, c.body, c.language, c.region,
       c.actors, c.activities, c.tags, c.created_at";

fn case_study(r: &impl RowRead) -> Result<CaseStudy> {
    Ok(CaseStudy {
        id: r.text("id")?,
        org_id: r.opt_text("org_id")?,
        org_name: r.opt_text("org_name")?,
        title: r.text("title")?,
        summary: r.text("summary")?,
        body: r.text("body")?,
        language: r.text("language")?,
        region: r.text("region")?,
        actors: json(r, "actors")?,
        activities: json(r, "activities")?,
        tags: json(r, "tags")?,
        created_at: r.time("created_at")?,
    })
}

/// The filter as SQL after the match (or alone), its values bound from `$first`.
fn filter_sql(f: &CaseFilter, first: usize) -> (String, Vec<String>) {
    let mut sql = String::new();
    let mut binds = Vec::new();
    if let Some(l) = f.language {
        binds.push(l.as_str().to_owned());
        sql.push_str(&format!(" AND c.language = ${}", first + binds.len() - 1));
    }
    if let Some(a) = f.activity {
        // The activities are a JSON array of words: the quoted word is in it or not.
        binds.push(format!("%\"{}\"%", a.as_str()));
        sql.push_str(&format!(" AND c.activities LIKE ${}", first + binds.len() - 1));
    }
    (sql, binds)
}

async fn insert(tx: &mut d::Tx, new: &NewCaseStudy) -> Result<()> {
    let t = &new.text;
    let json = |v: &[String]| serde_json::Value::from(v.to_vec()).to_string();
    let activities: Vec<String> = t.activities.iter().map(|a| a.as_str().to_owned()).collect();
    sqlx::query(
        "INSERT INTO case_studies (id, org_id, title, summary, body, language, region, actors, activities,
                                   tags, search_length, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&new.id)
    .bind(new.org.as_ref().map(|o| o.as_str()))
    .bind(&t.title)
    .bind(&t.summary)
    .bind(&t.body)
    .bind(t.language.as_str())
    .bind(&t.region)
    .bind(json(&t.actors))
    .bind(json(&activities))
    .bind(json(&t.tags))
    .bind(weighted_length(&t.title, &t.summary, &t.body))
    .bind(ts(now()))
    .execute(&mut **tx)
    .await
    .map_err(|e| conflict(e, "id"))?;
    sqlx::query(fts::INDEX)
        .bind(&new.id)
        .bind(search_text(&t.title))
        .bind(search_text(&t.summary))
        .bind(search_text(&t.body))
        .execute(&mut **tx)
        .await
        .map_err(other)?;
    Ok(())
}

async fn one(tx: &mut d::Tx, id: &str) -> Result<CaseStudy> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM case_studies c LEFT JOIN orgs o ON o.id = c.org_id WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(other)?
    .ok_or(StoreError::NotFound)?;
    case_study(&Sq(&r))
}

#[async_trait]
impl KnowledgeStore for d::Backend {
    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn add_case_study(&self, new: &NewCaseStudy, mut audit: NewAuditEvent) -> Result<CaseStudy> {
        audit.subject.get_or_insert_with(|| new.id.clone());
        if let Some(o) = &new.org {
            audit.org_id.get_or_insert_with(|| o.to_string());
        }
        let (_write, mut tx) = self.db.write().await?;
        insert(&mut tx, new).await?;
        append_audit_tx(&mut tx, audit).await?;
        let made = one(&mut tx, &new.id).await?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn seed_case_studies(&self, shipped: &[NewCaseStudy]) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let mut added = 0;
        for new in shipped {
            let there: Option<String> = sqlx::query_scalar("SELECT id FROM case_studies WHERE id = $1")
                .bind(&new.id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(other)?;
            if there.is_none() {
                insert(&mut tx, new).await?;
                added += 1;
            }
        }
        if added > 0 {
            let ev = NewAuditEvent::new("case_study.seed").detail(serde_json::json!({ "added": added }));
            append_audit_tx(&mut tx, ev).await?;
        }
        tx.commit().await.map_err(other)?;
        Ok(added)
    }

    async fn case_study(&self, id: &str) -> Result<CaseStudy> {
        let mut tx = self.db.pool.begin().await.map_err(other)?;
        one(&mut tx, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn withdraw_case_study(&self, org: &OrgId, id: &str, mut audit: NewAuditEvent) -> Result<()> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let mine: Option<String> =
            sqlx::query_scalar("SELECT id FROM case_studies WHERE id = $1 AND org_id = $2")
                .bind(id)
                .bind(org.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(other)?;
        if mine.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(fts::UNINDEX).bind(id).execute(&mut *tx).await.map_err(other)?;
        sqlx::query("DELETE FROM case_studies WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(())
    }

    async fn case_studies(&self, filter: CaseFilter) -> Result<Vec<CaseStudy>> {
        let (more, binds) = filter_sql(&filter, 1);
        let sql = format!(
            "SELECT {COLUMNS} FROM case_studies c LEFT JOIN orgs o ON o.id = c.org_id WHERE 1 = 1{more}
             ORDER BY c.title, c.id LIMIT 1000"
        );
        let mut q = sqlx::query(&sql);
        for b in &binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.db.pool).await.map_err(other)?;
        rows.iter().map(|r| case_study(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn search_case_studies(
        &self,
        query: &SearchQuery,
        filter: CaseFilter,
        limit: usize,
    ) -> Result<Vec<CaseHit>> {
        let corpus = self.corpus(query).await?;
        let (more, binds) = filter_sql(&filter, 2);
        // The engine finds the matches (its index); one formula orders them (see
        // `tandem_domain::knowledge::relevance`), so both backends give the same order.
        let sql = format!(
            "SELECT {COLUMNS} FROM {from} LEFT JOIN orgs o ON o.id = c.org_id
             WHERE {matches}{more} ORDER BY c.id LIMIT {MATCHES_MAX}",
            from = fts::FROM,
            matches = fts::MATCH,
        );
        let mut hits: Vec<CaseHit> = Vec::new();
        for tier in query.tiers() {
            if hits.len() >= limit {
                break;
            }
            let mut q = sqlx::query(&sql).bind(fts::query(query, tier));
            for b in &binds {
                q = q.bind(b);
            }
            let mut found: Vec<(f64, CaseStudy)> = Vec::new();
            for r in q.fetch_all(&self.db.pool).await.map_err(other)? {
                let c = case_study(&Sq(&r))?;
                if !hits.iter().any(|h| h.case_study.id == c.id) {
                    found.push((relevance(query, &corpus, &c.title, &c.summary, &c.body), c));
                }
            }
            found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
            for (_, c) in found.into_iter().take(limit - hits.len()) {
                hits.push(CaseHit { case_study: c, tier });
            }
        }
        Ok(hits)
    }
}

/// Matches of one tier read to be ordered: far more than a bank holds on one subject.
const MATCHES_MAX: usize = 2000;

impl d::Backend {
    /// The bank's size, its mean weighted length, and how many case studies hold each word
    /// (the engine counts them).
    async fn corpus(&self, query: &SearchQuery) -> Result<Corpus> {
        let (docs, mean): (i64, Option<f64>) =
            sqlx::query_as("SELECT COUNT(*), AVG(search_length) FROM case_studies")
                .fetch_one(&self.db.pool)
                .await
                .map_err(other)?;
        let count = format!("SELECT COUNT(*) FROM {} WHERE {}", fts::FROM, fts::MATCH);
        let mut holding = Vec::with_capacity(query.words.len());
        for w in &query.words {
            let one = SearchQuery { words: vec![w.clone()] };
            let n: i64 = sqlx::query_scalar(&count)
                .bind(fts::query(&one, tandem_domain::knowledge::Tier::All))
                .fetch_one(&self.db.pool)
                .await
                .map_err(other)?;
            holding.push(n as usize);
        }
        Ok(Corpus { docs: docs as usize, mean_length: mean.unwrap_or(0.0), holding })
    }
}
