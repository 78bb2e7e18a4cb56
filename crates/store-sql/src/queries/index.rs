//! The prevention index: countries, indicator values, scorecard answers, incident figures, and
//! editions with their results.
use chrono::{DateTime, Utc};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::index::compute::{Commitment, CountryResult, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::index::gti::IncidentYear;
use tandem_store::row::RowRead;
use tandem_store::*;

use async_trait::async_trait;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

fn edition(r: &d::Row) -> Result<Edition> {
    let r = Sq(r);
    Ok(Edition {
        name: r.text("name")?,
        methodology_version: r.text("methodology_version")?,
        methodology: r.text("methodology")?,
        methodology_sha256: r.text("methodology_sha256")?,
        data_year: r.int("data_year")? as i32,
        draws: r.int("draws")? as u32,
        seed: r.int("seed")? as u64,
        computed_at: r.time("computed_at")?,
        published_at: r.opt_time("published_at")?,
        summary: serde_json::from_str(&r.text("summary")?).map_err(other)?,
    })
}

const EDITION_COLS: &str =
    "name, methodology_version, methodology, methodology_sha256, data_year, draws, seed, computed_at, published_at, summary";

fn commitment(c: Commitment) -> &'static str {
    match c {
        Commitment::Yes => "yes",
        Commitment::Partial => "partial",
        Commitment::No => "no",
    }
}

fn incident(r: &impl RowRead) -> Result<IncidentRow> {
    Ok(IncidentRow {
        iso3: r.text("iso3")?,
        year: r.int("year")? as i32,
        counts: IncidentYear {
            incidents: r.int("incidents")? as u32,
            fatalities: r.int("fatalities")? as u32,
            injuries: r.int("injuries")? as u32,
            damage: r.int("damage")? as u32,
        },
    })
}

#[async_trait]
impl IndexStore for d::Backend {
    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn upsert_index_countries(
        &self,
        countries: &[IndexCountry],
        audit: NewAuditEvent,
    ) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for c in countries {
            sqlx::query(
                "INSERT INTO index_countries (iso3, name, region, geometry, updated_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (iso3) DO UPDATE SET name = excluded.name, region = excluded.region,
                   geometry = excluded.geometry, updated_at = excluded.updated_at",
            )
            .bind(&c.iso3)
            .bind(&c.name)
            .bind(&c.region)
            .bind(&c.geometry)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(countries.len())
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn list_index_countries(&self, with_geometry: bool) -> Result<Vec<IndexCountry>> {
        let geometry = if with_geometry { "geometry" } else { "NULL AS geometry" };
        let rows =
            sqlx::query(&format!("SELECT iso3, name, region, {geometry} FROM index_countries ORDER BY name"))
                .fetch_all(&self.db.pool)
                .await
                .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok(IndexCountry {
                    iso3: r.text("iso3")?,
                    name: r.text("name")?,
                    region: r.text("region")?,
                    geometry: r.opt_text("geometry")?,
                })
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn import_index_values(&self, rows: &[DataPoint], audit: NewAuditEvent) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for d in rows {
            sqlx::query(
                "INSERT INTO index_values (indicator, iso3, year, value, source, note, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (indicator, iso3, year) DO UPDATE SET value = excluded.value, source = excluded.source,
                   note = excluded.note, imported_at = excluded.imported_at",
            )
            .bind(&d.indicator)
            .bind(&d.iso3)
            .bind(d.year)
            .bind(d.value)
            .bind(&d.source)
            .bind(&d.note)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(rows.len())
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn index_values(&self, up_to_year: i32) -> Result<Vec<DataPoint>> {
        let rows = sqlx::query(
            "SELECT indicator, iso3, year, value, source, note FROM index_values WHERE year <= $1 ORDER BY indicator, iso3, year",
        )
        .bind(up_to_year as i64)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok(DataPoint {
                    indicator: r.text("indicator")?,
                    iso3: r.text("iso3")?,
                    year: r.int("year")? as i32,
                    value: r.opt_float("value")?.unwrap_or(f64::NAN),
                    source: r.text("source")?,
                    note: r.text("note")?,
                })
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn import_scorecard(&self, rows: &[ScorecardEntry], audit: NewAuditEvent) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for e in rows {
            sqlx::query(
                "INSERT INTO index_scorecard (item, iso3, year, status, evidence, note, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (item, iso3, year) DO UPDATE SET status = excluded.status, evidence = excluded.evidence,
                   note = excluded.note, imported_at = excluded.imported_at",
            )
            .bind(&e.item)
            .bind(&e.iso3)
            .bind(e.year as i64)
            .bind(commitment(e.status))
            .bind(serde_json::to_string(&e.evidence).map_err(other)?)
            .bind(&e.note)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(rows.len())
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn scorecard(&self, up_to_year: i32) -> Result<Vec<ScorecardEntry>> {
        let rows = sqlx::query(
            "SELECT item, iso3, year, status, evidence, note FROM index_scorecard WHERE year <= $1 ORDER BY item, iso3, year",
        )
        .bind(up_to_year as i64)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok(ScorecardEntry {
                    item: r.text("item")?,
                    iso3: r.text("iso3")?,
                    year: r.int("year")? as i32,
                    status: Commitment::parse(&r.text("status")?)
                        .ok_or_else(|| other("bad scorecard status"))?,
                    evidence: serde_json::from_str(&r.text("evidence")?).map_err(other)?,
                    note: r.text("note")?,
                })
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn import_incidents(&self, rows: &[IncidentRow], audit: NewAuditEvent) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for r in rows {
            sqlx::query(
                "INSERT INTO index_incidents (iso3, year, incidents, fatalities, injuries, damage, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (iso3, year) DO UPDATE SET incidents = excluded.incidents, fatalities = excluded.fatalities,
                   injuries = excluded.injuries, damage = excluded.damage, imported_at = excluded.imported_at",
            )
            .bind(&r.iso3)
            .bind(r.year as i64)
            .bind(r.counts.incidents as i64)
            .bind(r.counts.fatalities as i64)
            .bind(r.counts.injuries as i64)
            .bind(r.counts.damage as i64)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(rows.len())
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn incidents(&self, years: (i32, i32)) -> Result<Vec<IncidentRow>> {
        let rows = sqlx::query(
            "SELECT iso3, year, incidents, fatalities, injuries, damage FROM index_incidents WHERE year BETWEEN $1 AND $2 ORDER BY iso3, year",
        )
        .bind(years.0 as i64)
        .bind(years.1 as i64)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| incident(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn save_edition(
        &self,
        e: &NewEdition,
        results: &[CountryResult],
        audit: NewAuditEvent,
    ) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let published: Option<Option<d::Time>> =
            sqlx::query_scalar("SELECT published_at FROM index_editions WHERE name = $1")
                .bind(&e.name)
                .fetch_optional(&mut *tx)
                .await
                .map_err(other)?;
        if let Some(Some(_)) = published {
            return Err(StoreError::Conflict(format!("edition {} is published and cannot change", e.name)));
        }
        sqlx::query("DELETE FROM index_results WHERE edition = $1")
            .bind(&e.name)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        sqlx::query("DELETE FROM index_editions WHERE name = $1")
            .bind(&e.name)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        sqlx::query(
            "INSERT INTO index_editions (name, methodology_version, methodology, methodology_sha256, data_year, draws, seed, computed_at, summary)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&e.name)
        .bind(&e.methodology_version)
        .bind(&e.methodology)
        .bind(&e.methodology_sha256)
        .bind(e.data_year as i64)
        .bind(e.draws as i64)
        .bind(e.seed as i64)
        .bind(ts(now()))
        .bind(e.summary.to_string())
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        for r in results {
            sqlx::query(
                "INSERT INTO index_results (edition, iso3, rank, score, detail) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&e.name)
            .bind(&r.iso3)
            .bind(r.rank.map(|x| x as i64))
            .bind(r.score)
            .bind(serde_json::to_string(r).map_err(other)?)
            .execute(&mut *tx)
            .await
            .map_err(|x| conflict(x, "a country appears twice in the results"))?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn get_edition(&self, name: &str) -> Result<Edition> {
        let r = sqlx::query(&format!("SELECT {EDITION_COLS} FROM index_editions WHERE name = $1"))
            .bind(name)
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        edition(&r)
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn publish_edition(&self, name: &str, at: DateTime<Utc>, audit: NewAuditEvent) -> Result<Edition> {
        let (_write, mut tx) = self.db.write().await?;
        let published: Option<Option<d::Time>> =
            sqlx::query_scalar("SELECT published_at FROM index_editions WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await
                .map_err(other)?;
        match published {
            None => return Err(StoreError::NotFound),
            Some(Some(_)) => {
                return Err(StoreError::Conflict(format!("edition {name} is already published")))
            }
            Some(None) => {}
        }
        sqlx::query("UPDATE index_editions SET published_at = $1 WHERE name = $2")
            .bind(ts(at))
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_edition(name).await
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn edition_results(&self, name: &str) -> Result<Vec<CountryResult>> {
        let rows =
            sqlx::query("SELECT detail FROM index_results WHERE edition = $1 ORDER BY rank NULLS LAST, iso3")
                .bind(name)
                .fetch_all(&self.db.pool)
                .await
                .map_err(other)?;
        rows.iter().map(|r| serde_json::from_str(&Sq(r).text("detail")?).map_err(other)).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn country_history(&self, iso3: &str) -> Result<Vec<HistoryPoint>> {
        let rows = sqlx::query(
            "SELECT r.edition, r.score, r.rank FROM index_results r JOIN index_editions e ON e.name = r.edition
             WHERE r.iso3 = $1 AND e.published_at IS NOT NULL ORDER BY r.edition",
        )
        .bind(iso3)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                let rank: Option<i64> = r.opt_int("rank")?;
                Ok(HistoryPoint {
                    edition: r.text("edition")?,
                    score: r.opt_float("score")?,
                    rank: rank.map(|x| x as u32),
                })
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn list_editions(&self) -> Result<Vec<Edition>> {
        let rows = sqlx::query(&format!("SELECT {EDITION_COLS} FROM index_editions ORDER BY name DESC"))
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
        rows.iter().map(edition).collect()
    }
}
