//! Early warning: areas, categories, reports, alert reconciliation, responses and SMS intake.
use std::collections::BTreeSet;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tandem_domain::alert_engine::{AlertMethod, Cell, Count, Obs};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::{ReportStatus, TrustedChannels};
use tandem_domain::violation_signal;
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};
use tandem_store::row::{self, cols, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::row::Sq;
use crate::errors::{conflict, now, other};

/// Rows per INSERT statement: a row binds 14 values, and SQLite allows 32,766 in one statement
/// (PostgreSQL 65,535).
const ROWS_PER_STATEMENT: usize = 1000;

/// Inserts reports already made into [`Report`]s (with the inputs that hold their sealed
/// contacts) inside the caller's transaction, a thousand rows per statement.
pub(crate) async fn insert_report_rows(tx: &mut d::Tx, rows: &[(&Report, &NewReport)]) -> Result<()> {
    write_report_rows(tx, rows).await?;
    count_new_reports(tx, rows).await
}

/// The columns a new report is written to.
const REPORT_COLUMNS: &str =
    "reports (org_id, id, area_code, category, severity, occurred_at, week, description, \
     channel, reporter_contact, contact_key, status, created_by, created_at)";

/// Reports written at once from which PostgreSQL is given them by `COPY`.
const COPY_FROM: usize = 100;

/// Writes the rows of reports, leaving `report_counts` to the caller.
async fn write_report_rows(tx: &mut d::Tx, rows: &[(&Report, &NewReport)]) -> Result<()> {
    if d::COPY && rows.len() >= COPY_FROM {
        let time = |t: DateTime<Utc>| Some(t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
        let fields: Vec<Vec<Option<String>>> = rows
            .iter()
            .map(|(rep, new)| {
                vec![
                    Some(rep.org_id.as_str().to_owned()),
                    Some(rep.id.clone()),
                    Some(rep.area.clone()),
                    Some(rep.category.clone()),
                    Some(rep.severity.to_string()),
                    time(rep.occurred_at),
                    Some(rep.week.0.to_string()),
                    Some(rep.description.clone()),
                    Some(rep.channel.clone()),
                    new.reporter_contact.as_ref().map(|c| c.data.clone()),
                    new.reporter_contact.as_ref().map(|c| c.key_id.clone()),
                    Some(rep.status.as_str().to_owned()),
                    rep.created_by.clone(),
                    time(rep.created_at),
                ]
            })
            .collect();
        return d::copy_in(tx, REPORT_COLUMNS, &fields)
            .await
            .map_err(|e| conflict(e, "report already exists"));
    }
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(format!("INSERT INTO {REPORT_COLUMNS} "));
        qb.push_values(chunk, |mut b, (rep, new)| {
            b.push_bind(rep.org_id.as_str())
                .push_bind(rep.id.as_str())
                .push_bind(rep.area.as_str())
                .push_bind(rep.category.as_str())
                .push_bind(rep.severity as i64)
                .push_bind(ts(rep.occurred_at))
                .push_bind(rep.week.0)
                .push_bind(rep.description.as_str())
                .push_bind(rep.channel.as_str())
                .push_bind(new.reporter_contact.as_ref().map(|c| c.data.as_str()))
                .push_bind(new.reporter_contact.as_ref().map(|c| c.key_id.as_str()))
                .push_bind(rep.status.as_str())
                .push_bind(rep.created_by.as_deref())
                .push_bind(ts(rep.created_at));
        });
        qb.build().execute(&mut **tx).await.map_err(|e| conflict(e, "report already exists"))?;
    }
    Ok(())
}

/// Counts an organisation's reports into `report_counts` afresh, from the reports as they stand
/// in the transaction (after a bulk write that did not count as it went).
async fn recount_reports(tx: &mut d::Tx, org: &OrgId) -> Result<()> {
    sqlx::query("DELETE FROM report_counts WHERE org_id = $1")
        .bind(org.as_str())
        .execute(&mut **tx)
        .await
        .map_err(other)?;
    sqlx::query(&format!(
        "INSERT INTO report_counts (org_id, category, week, area_code, channel, verified, n)
         SELECT org_id, category, week, area_code, channel, CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END, COUNT(*)
         FROM {} WHERE org_id = $1 AND status <> 'dismissed'
         GROUP BY org_id, category, week, area_code, channel, CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END",
        d::scan("reports")
    ))
    .bind(org.as_str())
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    Ok(())
}

/// Adds new reports to `report_counts`, summed per row of it first: an import of a million
/// reports writes each (area, category, week) once per thousand-row batch, not a million times.
async fn count_new_reports(tx: &mut d::Tx, rows: &[(&Report, &NewReport)]) -> Result<()> {
    let mut deltas: std::collections::BTreeMap<(&str, &str, i64, &str, &str, i64), i64> = Default::default();
    for (r, _) in rows.iter().filter(|(r, _)| r.status != ReportStatus::Dismissed) {
        let key = (r.org_id.as_str(), r.category.as_str(), r.week.0, r.area.as_str(), r.channel.as_str());
        let verified = r.verified_at.is_some() as i64;
        *deltas.entry((key.0, key.1, key.2, key.3, key.4, verified)).or_default() += 1;
    }
    let deltas: Vec<_> = deltas.into_iter().collect();
    for chunk in deltas.chunks(ROWS_PER_STATEMENT) {
        let mut qb = sqlx::QueryBuilder::<d::Db>::new(
            "INSERT INTO report_counts (org_id, category, week, area_code, channel, verified, n) ",
        );
        qb.push_values(chunk, |mut b, ((org, category, week, area, channel, verified), n)| {
            b.push_bind(*org)
                .push_bind(*category)
                .push_bind(*week)
                .push_bind(*area)
                .push_bind(*channel)
                .push_bind(*verified)
                .push_bind(*n);
        });
        qb.push(
            " ON CONFLICT (org_id, category, week, area_code, channel, verified) \
             DO UPDATE SET n = report_counts.n + excluded.n",
        );
        qb.build().execute(&mut **tx).await.map_err(other)?;
    }
    Ok(())
}

/// Moves one report, as it now stands in the transaction, into (`sign` 1) or out of (-1)
/// `report_counts`: called around every change of its status and before its erasure. A dismissed
/// report is not counted, so it changes nothing.
pub(crate) async fn count_report(tx: &mut d::Tx, org: &OrgId, id: &str, sign: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO report_counts (org_id, category, week, area_code, channel, verified, n)
         SELECT org_id, category, week, area_code, channel, CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END, $3
         FROM reports WHERE org_id = $1 AND id = $2 AND status <> 'dismissed'
         ON CONFLICT (org_id, category, week, area_code, channel, verified) DO UPDATE SET n = report_counts.n + excluded.n",
    )
    .bind(org.as_str())
    .bind(id)
    .bind(sign)
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    Ok(())
}

/// Inserts one organisation's reports inside the caller's transaction, returning them as stored.
pub(crate) async fn insert_reports(
    tx: &mut d::Tx,
    org: &OrgId,
    reports: &[NewReport],
) -> Result<Vec<Report>> {
    let created_at = now();
    let made: Vec<Report> = reports.iter().map(|r| Report::new_from(org, r, created_at)).collect();
    let rows: Vec<(&Report, &NewReport)> = made.iter().zip(reports).collect();
    insert_report_rows(tx, &rows).await?;
    Ok(made)
}

/// Rows of an import from which it is written in bulk: at least this many, and at least as many
/// as the table already holds (building every index afresh costs the table's size).
const BULK_FROM: i64 = 50_000;

/// How an import is writing its reports.
enum ImportPath {
    /// Into every index and `report_counts` as each batch arrives.
    Indexed,
    /// Appended, the indexes (these statements) and the organisation's counts built at the end.
    Bulk(Vec<String>),
}

impl ImportPath {
    /// Writes one batch, turning to the bulk path once the import has grown large.
    async fn write(
        &mut self,
        tx: &mut d::Tx,
        org: &OrgId,
        batch: &[NewReport],
        written: i64,
        table: i64,
    ) -> Result<()> {
        if matches!(self, ImportPath::Indexed) && written + batch.len() as i64 >= BULK_FROM.max(table) {
            *self = ImportPath::Bulk(d::drop_indexes(tx, "reports").await?);
        }
        let created_at = now();
        let made: Vec<Report> = batch.iter().map(|r| Report::new_from(org, r, created_at)).collect();
        let rows: Vec<(&Report, &NewReport)> = made.iter().zip(batch).collect();
        match self {
            ImportPath::Indexed => insert_report_rows(tx, &rows).await,
            ImportPath::Bulk(_) => write_report_rows(tx, &rows).await,
        }
    }

    /// Builds what the bulk path left for the end.
    async fn finish(self, tx: &mut d::Tx, org: &OrgId) -> Result<()> {
        if let ImportPath::Bulk(indexes) = self {
            for sql in &indexes {
                sqlx::query(sql).execute(&mut **tx).await.map_err(other)?;
            }
            // Intake of the same organisation may be counting its own reports meanwhile
            // (PostgreSQL lets it write beside the import): the recount waits for it, and it
            // for the recount's commit, so that neither's row of a count is lost or doubled.
            d::lock_counts(tx).await?;
            recount_reports(tx, org).await?;
        }
        Ok(())
    }
}

/// `category = $4` when the category is given, so that an index can use it (an `IS NULL OR`
/// form hides it from the planner); a predicate true of every row, still naming `$4`, when not.
fn category_is(category: Option<&str>) -> &'static str {
    if category.is_some() {
        "category = $4"
    } else {
        "CAST($4 AS TEXT) IS NULL"
    }
}

/// Each row of a query as it arrives, made into `T`: a million-row read holds the results,
/// never the driver's rows for all of them at once (which weigh several times more).
async fn collect_rows<'a, T>(
    mut rows: futures_util::stream::BoxStream<'a, std::result::Result<d::Row, sqlx::Error>>,
    each: impl Fn(&d::Row) -> Result<T>,
) -> Result<Vec<T>> {
    use futures_util::TryStreamExt;
    let mut out = Vec::new();
    while let Some(r) = rows.try_next().await.map_err(other)? {
        out.push(each(&r)?);
    }
    Ok(out)
}

async fn stored_keys(
    conn: &mut d::Conn,
    org: &OrgId,
    scope: Option<&BTreeSet<Cell>>,
    category: Option<&str>,
) -> Result<Vec<StoredAlertKey>> {
    // Narrow by week range in SQL; the exact cells are matched by the shared planner.
    let (lo, hi) = match scope {
        Some(cells) => (
            cells.iter().map(|c| c.week.0).min().unwrap_or(0),
            cells.iter().map(|c| c.week.0).max().unwrap_or(-1),
        ),
        None => (i64::MIN, i64::MAX),
    };
    // One row per area and category, its alerts packed (see `row::packed_alert_keys`): a
    // national import stores 321,000 alerts, and the driver's cost is per row, not per byte.
    let packed = [
        "id".to_owned(),
        "CAST(week AS TEXT)".to_owned(),
        "method".to_owned(),
        "status".to_owned(),
        "CAST(observed AS TEXT)".to_owned(),
        d::float_text("statistic"),
        "CAST(from_event_data AS TEXT)".to_owned(),
    ]
    .join(" || ' ' || ");
    let sql = format!(
        "SELECT area_code, category, {} AS alerts FROM alerts
         WHERE org_id = $1 AND week BETWEEN $2 AND $3 AND {}
         GROUP BY area_code, category",
        d::concat(&packed),
        category_is(category)
    );
    let rows = sqlx::query(&sql).bind(org.as_str()).bind(lo).bind(hi).bind(category).fetch(&mut *conn);
    let packed = collect_rows(rows, |r| row::packed_alert_keys(&Sq(r))).await?;
    Ok(packed.into_iter().flatten().collect())
}

async fn link_reports(tx: &mut d::Tx, org: &OrgId, alert: &str, reports: &[String]) -> Result<()> {
    let links: Vec<(&str, &str)> = reports.iter().map(|r| (alert, r.as_str())).collect();
    link_many(tx, org, &links).await
}

/// Links (alert, report) pairs, many to a statement.
async fn link_many(tx: &mut d::Tx, org: &OrgId, links: &[(&str, &str)]) -> Result<()> {
    for chunk in links.chunks(ROWS_PER_STATEMENT) {
        let mut qb =
            sqlx::QueryBuilder::<d::Db>::new("INSERT INTO alert_reports (org_id, alert_id, report_id) ");
        qb.push_values(chunk, |mut b, (alert, report)| {
            b.push_bind(org.as_str()).push_bind(*alert).push_bind(*report);
        });
        qb.build().execute(&mut **tx).await.map_err(other)?;
    }
    Ok(())
}

impl d::Backend {
    /// Counting reports and verified violations at or above `min_severity` (1: all).
    async fn obs_from(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
        min_severity: u8,
    ) -> Result<Vec<Obs>> {
        let (lo, hi) = weeks.map(|(a, b)| (a.0, b.0)).unwrap_or((i64::MIN, i64::MAX));
        let act = category.and_then(violation_signal::act_of);
        let mut out = vec![];
        if act.is_none() {
            // Over every week, the severity index is the one to use: say so by not naming
            // the week column (SQLite otherwise picks an index by week for an unbounded range).
            let week = if weeks.is_some() { "week BETWEEN $2 AND $3" } else { "$2 <= $3" };
            let sql = format!(
                "SELECT id, area_code, category, week, severity, channel,
                        CASE WHEN verified_at IS NOT NULL THEN 1 ELSE 0 END AS verified FROM reports
                 WHERE org_id = $1 AND status <> 'dismissed' AND {week}
                   AND {} AND severity >= $5",
                category_is(category)
            );
            let rows = sqlx::query(&sql)
                .bind(org.as_str())
                .bind(lo)
                .bind(hi)
                .bind(category)
                .bind(min_severity as i64)
                .fetch(&self.db.pool);
            out = collect_rows(rows, |r| row::obs(&Sq(r))).await?;
        }
        if category.is_none() || act.is_some() {
            // Verified violations, each a vetted count of its act kind's own series.
            let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
                "SELECT id, area_code, act, signal_week FROM violations
                 WHERE org_id = $1 AND signal_week BETWEEN $2 AND $3 AND (CAST($4 AS TEXT) IS NULL OR act = $4)",
            )
            .bind(org.as_str())
            .bind(lo)
            .bind(hi)
            .bind(act)
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
            let rows =
                rows.into_iter().filter(|(_, _, act, _)| violation_signal::severity(act) >= min_severity);
            out.extend(rows.map(|(id, area, act, week)| Obs {
                report_id: id,
                area,
                severity: violation_signal::severity(&act),
                category: violation_signal::category(&act),
                week: Week(week),
                verified: true,
                channel: tandem_domain::report::Channel::Web,
            }));
        }
        Ok(out)
    }
}

#[async_trait]
impl EarlyWarningStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(areas = areas.len()), err(level = "debug"))]
    async fn create_areas(&self, areas: &[NewArea], audit: NewAuditEvent) -> Result<usize> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for a in areas {
            sqlx::query(
                "INSERT INTO areas (code, name, level, parent_code, geometry, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(a.code.as_str())
            .bind(&a.name)
            .bind(a.level.as_str())
            .bind(a.parent.as_ref().map(|p| p.as_str()))
            .bind(&a.geometry)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, &format!("area {} already exists", a.code)))?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(areas.len())
    }

    async fn list_areas(&self, with_geometry: bool) -> Result<Vec<Area>> {
        let geometry = if with_geometry { "geometry" } else { "NULL AS geometry" };
        let rows = sqlx::query(&format!(
            "SELECT code, name, level, parent_code, {geometry} FROM areas ORDER BY code"
        ))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::area(&Sq(r), with_geometry)).collect()
    }

    async fn list_categories(&self) -> Result<Vec<Category>> {
        let rows = sqlx::query(
            "SELECT slug, name, reference, threshold_severity, keywords FROM categories ORDER BY position, slug",
        )
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::category(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, err(level = "debug"))]
    async fn create_category(&self, c: &Category, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO categories (slug, name, reference, threshold_severity, keywords, position)
             VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories))",
        )
        .bind(&c.slug)
        .bind(&c.name)
        .bind(&c.reference)
        .bind(c.threshold_severity as i64)
        .bind(&c.keywords)
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, &format!("category {} already exists", c.slug)))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org, reports = reports.len()), err(level = "debug"))]
    async fn create_reports(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>> {
        // How reports are committed is the backend's own (SQLite groups concurrent requests).
        self.file_reports(org, reports).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn import_reports(
        &self,
        org: &OrgId,
        batches: &mut tokio::sync::mpsc::Receiver<ReportBatch>,
    ) -> Result<Option<usize>> {
        // One transaction for the whole file; each batch is written and dropped before the
        // next arrives, so memory holds a batch or two whatever the file's size.
        let (_write, mut tx) = self.db.write().await?;
        let written = async {
            d::bulk_write(&mut tx, true).await?;
            let table = d::rows_about(&mut tx, "reports").await?;
            let (mut path, mut n) = (ImportPath::Indexed, 0);
            while let Some(batch) = batches.recv().await {
                match batch {
                    Ok(b) if b.is_empty() => {
                        path.finish(&mut tx, org).await?;
                        return Ok(Some(n));
                    }
                    Ok(b) => {
                        path.write(&mut tx, org, &b, n as i64, table).await?;
                        n += b.len();
                    }
                    Err(Stopped) => break,
                }
            }
            Ok::<_, StoreError>(None)
        }
        .await;
        // The connection goes back to the pool with the default cache, whatever happened.
        let reset = d::bulk_write(&mut tx, false).await;
        let done = written?;
        reset?;
        match done {
            Some(_) => tx.commit().await.map_err(other)?,
            // Stopped, or the producer went away without finishing: nothing is kept.
            None => tx.rollback().await.map_err(other)?,
        }
        Ok(done)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn get_report(&self, org: &OrgId, id: &str) -> Result<Report> {
        let r = sqlx::query(&format!("SELECT {} FROM reports WHERE org_id = $1 AND id = $2", cols::REPORT))
            .bind(org.as_str())
            .bind(id)
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        row::report(&Sq(&r))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_reports(&self, org: &OrgId, f: &ReportFilter) -> Result<Vec<Report>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM reports WHERE org_id = $1
               AND ($2 IS NULL OR area_code = $2) AND ($3 IS NULL OR category = $3) AND ($4 IS NULL OR status = $4)
               AND ($5 IS NULL OR occurred_at >= $5) AND ($6 IS NULL OR occurred_at < $6)
             ORDER BY occurred_at DESC, id LIMIT $7 OFFSET $8",
            cols::REPORT
        ))
        .bind(org.as_str())
        .bind(&f.area)
        .bind(&f.category)
        .bind(f.status.map(|s| s.as_str()))
        .bind(f.from.map(ts))
        .bind(f.to.map(ts))
        .bind(f.limit)
        .bind(f.offset.max(0))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::report(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn set_report_status(
        &self,
        org: &OrgId,
        id: &str,
        from: ReportStatus,
        to: ReportStatus,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<Report> {
        let (_write, mut tx) = self.db.write().await?;
        count_report(&mut tx, org, id, -1).await?;
        let done = sqlx::query(
            "UPDATE reports SET status = $1, status_by = $2, status_at = $3,
                    verified_at = CASE WHEN $1 = 'verified' THEN $3 ELSE verified_at END
             WHERE org_id = $4 AND id = $5 AND status = $6",
        )
        .bind(to.as_str())
        .bind(by.as_str())
        .bind(ts(now()))
        .bind(org.as_str())
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        count_report(&mut tx, org, id, 1).await?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_report(org, id).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn alert_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Obs>> {
        self.obs_from(org, weeks, category, 1).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn severe_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
        min_severity: u8,
    ) -> Result<Vec<Obs>> {
        self.obs_from(org, weeks, category, min_severity).await
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn alert_counts(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Count>> {
        let (lo, hi) = weeks.map(|(a, b)| (a.0, b.0)).unwrap_or((i64::MIN, i64::MAX));
        let act = category.and_then(violation_signal::act_of);
        let mut out = vec![];
        if act.is_none() {
            // One row per series and channel, its weeks packed as "week:n,week:n": a national
            // import keeps 700,000 counts, and the driver's cost is per row, not per byte. The
            // category, when there is one, leads the key after the organisation.
            let sql = format!(
                "SELECT area_code, category, channel, verified, {} AS weeks FROM report_counts
                 WHERE org_id = $1 AND n > 0 AND week BETWEEN $2 AND $3 AND {}
                 GROUP BY area_code, category, channel, verified",
                d::concat("CAST(week AS TEXT) || ':' || CAST(n AS TEXT)"),
                category_is(category)
            );
            let rows =
                sqlx::query(&sql).bind(org.as_str()).bind(lo).bind(hi).bind(category).fetch(&self.db.pool);
            let packed = collect_rows(rows, |r| row::packed_counts(&Sq(r))).await?;
            out = packed.into_iter().flatten().collect();
        }
        if category.is_none() || act.is_some() {
            // Verified violations, each a vetted count of its act kind's own series.
            let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
                "SELECT area_code, act, signal_week, COUNT(*) FROM violations
                 WHERE org_id = $1 AND signal_week BETWEEN $2 AND $3 AND (CAST($4 AS TEXT) IS NULL OR act = $4)
                 GROUP BY area_code, act, signal_week",
            )
            .bind(org.as_str())
            .bind(lo)
            .bind(hi)
            .bind(act)
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
            out.extend(rows.into_iter().map(|(area, act, week, n)| Count {
                area,
                category: violation_signal::category(&act),
                week: Week(week),
                channel: tandem_domain::report::Channel::Web,
                verified: true,
                n: n as u32,
            }));
        }
        Ok(out)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn weekly_counts(&self, org: &OrgId, weeks: (Week, Week)) -> Result<Vec<(String, Week, u32)>> {
        let rows = sqlx::query(
            "SELECT category, week, COUNT(*) AS n FROM reports
             WHERE org_id = $1 AND status <> 'dismissed' AND week BETWEEN $2 AND $3 GROUP BY category, week",
        )
        .bind(org.as_str())
        .bind(weeks.0 .0)
        .bind(weeks.1 .0)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok((r.text("category")?, Week(r.int("week")?), r.int("n")? as u32))
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn alert_categories(&self, org: &OrgId) -> Result<Vec<String>> {
        let mut out: BTreeSet<String> = BTreeSet::new();
        // Each table's categories by skipping from one to the next along a key that leads with
        // (org_id, category), not by reading its 700,000 rows. A category whose counts have all
        // fallen to zero is still named: its run finds nothing and withdraws what is open.
        for table in ["report_counts", "alerts"] {
            let sql = format!(
                "WITH RECURSIVE c(category) AS (
                   SELECT MIN(category) FROM {table} WHERE org_id = $1
                   UNION ALL
                   SELECT (SELECT MIN(category) FROM {table} WHERE org_id = $1 AND category > c.category)
                   FROM c WHERE c.category IS NOT NULL)
                 SELECT category FROM c WHERE category IS NOT NULL"
            );
            let found: Vec<String> =
                sqlx::query_scalar(&sql).bind(org.as_str()).fetch_all(&self.db.pool).await.map_err(other)?;
            out.extend(found);
        }
        let acts: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT act FROM violations WHERE org_id = $1 AND signal_week IS NOT NULL",
        )
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        out.extend(acts.iter().map(|a| violation_signal::category(a)));
        Ok(out.into_iter().collect())
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn week_bounds(&self, org: &OrgId) -> Result<Option<(Week, Week)>> {
        // Ordered index walks that stop at the first counting report or verified violation:
        // constant time however many there are (MIN/MAX with the status filter would scan them all).
        let mut weeks = vec![];
        for sql in [
            "SELECT week FROM reports WHERE org_id = $1 AND status <> 'dismissed' ORDER BY week ASC LIMIT 1",
            "SELECT week FROM reports WHERE org_id = $1 AND status <> 'dismissed' ORDER BY week DESC LIMIT 1",
            "SELECT signal_week FROM violations WHERE org_id = $1 AND signal_week IS NOT NULL
             ORDER BY signal_week ASC LIMIT 1",
            "SELECT signal_week FROM violations WHERE org_id = $1 AND signal_week IS NOT NULL
             ORDER BY signal_week DESC LIMIT 1",
        ] {
            let week: Option<i64> = sqlx::query_scalar(sql)
                .bind(org.as_str())
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?;
            weeks.extend(week);
        }
        Ok(weeks.iter().min().zip(weeks.iter().max()).map(|(a, b)| (Week(*a), Week(*b))))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn reconcile_alerts(&self, org: &OrgId, plan: AlertPlan<'_>) -> Result<Reconciled> {
        // Most new reports change no alert: find that out without taking the write lock.
        {
            let mut conn = self.db.pool.acquire().await.map_err(other)?;
            let existing = stored_keys(&mut conn, org, plan.scope, plan.category).await?;
            if plan_reconcile(&existing, &plan).is_empty() {
                return Ok(Reconciled::default());
            }
        }
        // Reconciliations of one organisation must not interleave.
        let (_write, mut tx) = self.db.write_alerts(org).await?;
        let existing = stored_keys(&mut tx, org, plan.scope, plan.category).await?;
        let p = plan_reconcile(&existing, &plan);
        let at = ts(now());
        let mut out = Reconciled::default();
        // A large import opens hundreds of thousands of alerts: many rows per statement, in the
        // order of category and week (which four of the alerts' keys follow) and with
        // time-ordered ids (an alert is not personal and shows when it was opened), so that most
        // keys are written near where the last row went rather than at random pages: a national
        // import's alerts are written in less than half the time.
        let mut insert = p.insert.clone();
        insert.sort_by(|a, b| {
            (&a.category, a.week, &a.area, a.method.as_str()).cmp(&(
                &b.category,
                b.week,
                &b.area,
                b.method.as_str(),
            ))
        });
        let ids: Vec<String> = insert.iter().map(|_| tandem_domain::ids::ordered_id()).collect();
        let opened: Vec<(&String, &tandem_domain::alert_engine::Candidate)> =
            ids.iter().zip(insert.iter().copied()).collect();
        for chunk in opened.chunks(ROWS_PER_STATEMENT) {
            let mut qb = sqlx::QueryBuilder::<d::Db>::new(
                "INSERT INTO alerts (org_id, id, area_code, category, week, method, version, observed, baseline_mean,
                                     baseline_sd, statistic, status, created_at, updated_at, from_event_data) ",
            );
            qb.push_values(chunk, |mut b, (id, c)| {
                b.push_bind(org.as_str())
                    .push_bind(id.as_str())
                    .push_bind(c.area.as_str())
                    .push_bind(c.category.as_str())
                    .push_bind(c.week.0)
                    .push_bind(c.method.as_str())
                    .push_bind(c.method.version())
                    .push_bind(c.observed as i64)
                    .push_bind(c.baseline_mean)
                    .push_bind(c.baseline_sd)
                    .push_bind(c.statistic)
                    .push_bind("open")
                    .push_bind(at)
                    .push_bind(at)
                    .push_bind(c.from_event_data as i64);
            });
            qb.build().execute(&mut *tx).await.map_err(other)?;
        }
        let links: Vec<(&str, &str)> = opened
            .iter()
            .filter(|(_, c)| c.method == AlertMethod::Threshold)
            .flat_map(|(id, c)| c.reports.iter().map(move |r| (id.as_str(), r.as_str())))
            .collect();
        link_many(&mut tx, org, &links).await?;
        for (id, c) in opened {
            out.opened.push(id.clone());
            *out.opened_by_method.entry(c.method.as_str().to_owned()).or_default() += 1;
        }
        for (id, c) in &p.update {
            sqlx::query(
                "UPDATE alerts SET observed = $1, baseline_mean = $2, baseline_sd = $3, statistic = $4, version = $5,
                        updated_at = $6, status = CASE WHEN status = 'withdrawn' THEN 'open' ELSE status END,
                        from_event_data = $9
                 WHERE org_id = $7 AND id = $8",
            )
            .bind(c.observed as i64)
            .bind(c.baseline_mean)
            .bind(c.baseline_sd)
            .bind(c.statistic)
            .bind(c.method.version())
            .bind(at)
            .bind(org.as_str())
            .bind(id)
            .bind(c.from_event_data as i64)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
            // Only threshold alerts keep a list of their reports: an EARS alert's reports are the
            // counting reports of its cell, found on reading (`cell_reports`), so a busy week does
            // not rewrite thousands of links with every new report.
            if c.method == AlertMethod::Threshold {
                // Rewrite only the links that changed: a busy week's alert at country level has
                // hundreds of reports, and each new report adds one.
                let linked: Vec<String> = sqlx::query_scalar(
                    "SELECT report_id FROM alert_reports WHERE org_id = $1 AND alert_id = $2",
                )
                .bind(org.as_str())
                .bind(id)
                .fetch_all(&mut *tx)
                .await
                .map_err(other)?;
                let linked: BTreeSet<&str> = linked.iter().map(String::as_str).collect();
                let wanted: BTreeSet<&str> = c.reports.iter().map(String::as_str).collect();
                for gone in linked.difference(&wanted) {
                    sqlx::query(
                        "DELETE FROM alert_reports WHERE org_id = $1 AND alert_id = $2 AND report_id = $3",
                    )
                    .bind(org.as_str())
                    .bind(id)
                    .bind(*gone)
                    .execute(&mut *tx)
                    .await
                    .map_err(other)?;
                }
                let added: Vec<String> = wanted.difference(&linked).map(|s| s.to_string()).collect();
                link_reports(&mut tx, org, id, &added).await?;
            }
            out.updated += 1;
        }
        for id in &p.withdraw {
            sqlx::query(
                "UPDATE alerts SET status = 'withdrawn', updated_at = $1 WHERE org_id = $2 AND id = $3",
            )
            .bind(at)
            .bind(org.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?;
            out.withdrawn += 1;
        }
        tx.commit().await.map_err(other)?;
        Ok(out)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_alerts(&self, org: &OrgId, f: &AlertFilter) -> Result<Vec<Alert>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM alerts a WHERE a.org_id = $1 AND ($2 IS NULL OR a.status = $2)
               AND ($3 IS NULL OR (a.status = 'open' AND a.due_at IS NOT NULL AND a.due_at < $3))
               AND (CAST($5 AS INTEGER) IS NULL OR a.from_event_data = $5)
             ORDER BY a.week DESC, a.area_code, a.category, a.method LIMIT $4",
            cols::ALERT
        ))
        .bind(org.as_str())
        .bind(&f.status)
        .bind(f.overdue_at.map(ts))
        .bind(f.limit)
        .bind(f.from_event_data.map(i64::from))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::alert(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn open_alert_counts(&self, org: &OrgId) -> Result<Vec<(String, u32)>> {
        let rows = sqlx::query(
            "SELECT area_code, COUNT(*) AS n FROM alerts WHERE org_id = $1 AND status = 'open' GROUP BY area_code",
        )
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter()
            .map(|r| {
                let r = Sq(r);
                Ok((r.text("area_code")?, r.int("n")? as u32))
            })
            .collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn cell_reports(
        &self,
        org: &OrgId,
        areas: &[String],
        category: &str,
        week: Week,
        trusted: &TrustedChannels,
    ) -> Result<Vec<String>> {
        if areas.is_empty() {
            return Ok(vec![]);
        }
        if let Some(act) = violation_signal::act_of(category) {
            let mut qb = sqlx::QueryBuilder::<d::Db>::new("SELECT id FROM violations WHERE org_id = ");
            qb.push_bind(org.as_str())
                .push(" AND act = ")
                .push_bind(act)
                .push(" AND signal_week = ")
                .push_bind(week.0)
                .push(" AND area_code IN (");
            let mut sep = qb.separated(", ");
            for a in areas {
                sep.push_bind(a.as_str());
            }
            qb.push(") ORDER BY id");
            return qb.build_query_scalar().fetch_all(&self.db.pool).await.map_err(other);
        }
        let mut qb = sqlx::QueryBuilder::<d::Db>::new("SELECT id FROM reports WHERE org_id = ");
        qb.push_bind(org.as_str())
            .push(" AND category = ")
            .push_bind(category)
            .push(" AND week = ")
            .push_bind(week.0)
            .push(" AND status <> 'dismissed' AND (verified_at IS NOT NULL");
        if !trusted.as_slice().is_empty() {
            qb.push(" OR channel IN (");
            let mut sep = qb.separated(", ");
            for c in trusted.as_slice() {
                sep.push_bind(c.as_str());
            }
            qb.push(")");
        }
        qb.push(") AND area_code IN (");
        let mut sep = qb.separated(", ");
        for a in areas {
            sep.push_bind(a.as_str());
        }
        qb.push(") ORDER BY id");
        let ids: Vec<String> = qb.build_query_scalar().fetch_all(&self.db.pool).await.map_err(other)?;
        Ok(ids)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn get_alert(&self, org: &OrgId, id: &str) -> Result<(Alert, Vec<String>)> {
        let r =
            sqlx::query(&format!("SELECT {} FROM alerts a WHERE a.org_id = $1 AND a.id = $2", cols::ALERT))
                .bind(org.as_str())
                .bind(id)
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?
                .ok_or(StoreError::NotFound)?;
        let alert = row::alert(&Sq(&r))?;
        let ids = sqlx::query_scalar::<_, String>(
            "SELECT report_id FROM alert_reports WHERE org_id = $1 AND alert_id = $2 ORDER BY report_id",
        )
        .bind(org.as_str())
        .bind(id)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        Ok((alert, ids))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn assign_alert(
        &self,
        org: &OrgId,
        id: &str,
        assignee: &OrgId,
        due_at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Alert> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE alerts SET assigned_org_id = $1, due_at = $2, updated_at = $3,
                    shared_count = COALESCE(shared_count, observed)
             WHERE org_id = $4 AND id = $5",
        )
        .bind(assignee.as_str())
        .bind(ts(due_at))
        .bind(ts(now()))
        .bind(org.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "cannot assign"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(self.get_alert(org, id).await?.0)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn step_alert(
        &self,
        org: &OrgId,
        id: &str,
        by: &UserId,
        step: AlertStep,
        audit: NewAuditEvent,
    ) -> Result<Alert> {
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        let done = match step {
            AlertStep::Acknowledge => sqlx::query(
                "UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2, updated_at = $1
                 WHERE org_id = $3 AND id = $4 AND status = 'open' AND acknowledged_at IS NULL",
            )
            .bind(at)
            .bind(by.as_str())
            .bind(org.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?,
            AlertStep::Close(outcome) => sqlx::query(
                "UPDATE alerts SET status = 'closed', outcome = $1, closed_at = $2, closed_by = $3, updated_at = $2
                 WHERE org_id = $4 AND id = $5 AND status = 'open'",
            )
            .bind(outcome.as_str())
            .bind(at)
            .bind(by.as_str())
            .bind(org.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(other)?,
        };
        if done.rows_affected() == 0 {
            let status: Option<String> =
                sqlx::query_scalar("SELECT status FROM alerts WHERE org_id = $1 AND id = $2")
                    .bind(org.as_str())
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(other)?;
            return Err(match status {
                None => StoreError::NotFound,
                Some(s) if s == "open" => StoreError::Conflict("the alert is acknowledged already".into()),
                Some(s) => StoreError::Conflict(format!("the alert is {s}")),
            });
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(self.get_alert(org, id).await?.0)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_response(
        &self,
        org: &OrgId,
        alert_id: &str,
        new: &NewResponse,
        audit: NewAuditEvent,
    ) -> Result<Response> {
        let (_write, mut tx) = self.db.write().await?;
        let exists = sqlx::query("SELECT 1 FROM alerts WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(alert_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(other)?;
        if exists.is_none() {
            return Err(StoreError::NotFound);
        }
        let id = OrgId::new().to_string();
        sqlx::query(
            "INSERT INTO responses (org_id, id, alert_id, responder_org_id, responder_user_id, action, outcome,
                                    responded_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(org.as_str())
        .bind(&id)
        .bind(alert_id)
        .bind(new.responder_org.as_str())
        .bind(new.responder_user.as_str())
        .bind(&new.action)
        .bind(&new.outcome)
        .bind(ts(new.responded_at))
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "response already exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(Response {
            id,
            alert_id: alert_id.to_owned(),
            responder_org_id: new.responder_org.to_string(),
            responder_user_id: new.responder_user.to_string(),
            action: new.action.clone(),
            outcome: new.outcome.clone(),
            responded_at: new.responded_at,
        })
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_responses(&self, org: &OrgId, alert_id: &str) -> Result<Vec<Response>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM responses WHERE org_id = $1 AND alert_id = $2 ORDER BY responded_at, id",
            cols::RESPONSE
        ))
        .bind(org.as_str())
        .bind(alert_id)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::response(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn create_sms_gateway(
        &self,
        org: &OrgId,
        secret_hash: &str,
        audit: NewAuditEvent,
    ) -> Result<String> {
        let (_write, mut tx) = self.db.write().await?;
        let id = OrgId::new().to_string();
        sqlx::query("INSERT INTO sms_gateways (org_id, id, secret_hash, created_at) VALUES ($1, $2, $3, $4)")
            .bind(org.as_str())
            .bind(&id)
            .bind(secret_hash)
            .bind(ts(now()))
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, "gateway exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(id)
    }

    async fn find_sms_gateway(&self, secret_hash: &str) -> Result<Option<OrgId>> {
        let org: Option<String> =
            sqlx::query_scalar("SELECT org_id FROM sms_gateways WHERE secret_hash = $1")
                .bind(secret_hash)
                .fetch_optional(&self.db.pool)
                .await
                .map_err(other)?;
        Ok(org.map(OrgId::from_trusted))
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_sms_inbox(&self, org: &OrgId, m: &NewSmsMessage) -> Result<()> {
        sqlx::query(
            "INSERT INTO sms_inbox (org_id, id, received_at, sender, sender_key, body, reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(org.as_str())
        .bind(&m.id)
        .bind(ts(now()))
        .bind(m.sender.as_ref().map(|c| c.data.as_str()))
        .bind(m.sender.as_ref().map(|c| c.key_id.as_str()))
        .bind(&m.body)
        .bind(&m.reason)
        .execute(&self.db.pool)
        .await
        .map_err(|e| conflict(e, "message already held"))?;
        Ok(())
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn list_sms_inbox(&self, org: &OrgId, limit: i64) -> Result<Vec<SmsMessage>> {
        let rows = sqlx::query(
            "SELECT id, received_at, sender, body, reason FROM sms_inbox WHERE org_id = $1
             ORDER BY received_at DESC, id LIMIT $2",
        )
        .bind(org.as_str())
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::sms(&Sq(r))).collect()
    }
}
