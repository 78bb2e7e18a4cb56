//! Early-warning storage for SQLite: areas, categories, reports, alerts and responses.
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use tandem_domain::alert_engine::{AlertMethod, Cell, Obs};
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::ReportStatus;
use tandem_domain::week::Week;
use tandem_domain::{OrgId, UserId};
use tandem_store::row::{self, cols};
use tandem_store::*;

use crate::rows::*;
use crate::{append_audit_tx, Db};

pub async fn create_areas(db: &Db, areas: &[NewArea], audit: NewAuditEvent) -> Result<usize> {
    let (_write, mut tx) = db.write().await?;
    let at = ts(now());
    for a in areas {
        sqlx::query("INSERT INTO areas (code, name, level, parent_code, geometry, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(a.code.as_str())
            .bind(&a.name)
            .bind(a.level.as_str())
            .bind(a.parent.as_ref().map(|p| p.as_str()))
            .bind(&a.geometry)
            .bind(&at)
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, &format!("area {} already exists", a.code)))?;
    }
    append_audit_tx(&mut tx, audit).await?;
    tx.commit().await.map_err(other)?;
    Ok(areas.len())
}

pub async fn list_areas(db: &Db, with_geometry: bool) -> Result<Vec<Area>> {
    let geometry = if with_geometry { "geometry" } else { "NULL AS geometry" };
    let rows =
        sqlx::query(&format!("SELECT code, name, level, parent_code, {geometry} FROM areas ORDER BY code"))
            .fetch_all(&db.pool)
            .await
            .map_err(other)?;
    rows.iter().map(|r| row::area(&Sq(r), with_geometry)).collect()
}

pub async fn list_categories(db: &Db) -> Result<Vec<Category>> {
    let rows = sqlx::query(
        "SELECT slug, name, reference, threshold_severity, keywords FROM categories ORDER BY position, slug",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter().map(|r| row::category(&Sq(r))).collect()
}

/// Inserts reports inside the caller's transaction (the intake batcher's, see `intake.rs`).
pub(crate) async fn insert_reports(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    org: &OrgId,
    reports: &[NewReport],
) -> Result<Vec<Report>> {
    let created_at = now();
    let mut out = Vec::with_capacity(reports.len());
    for r in reports {
        let week = Week::of(r.occurred_at);
        sqlx::query(
            "INSERT INTO reports (org_id, id, area_code, category, severity, occurred_at, week, description, channel,
                                  reporter_contact, contact_key, status, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)",
        )
        .bind(org.as_str())
        .bind(&r.id)
        .bind(r.area.as_str())
        .bind(r.category.as_str())
        .bind(r.severity.get() as i64)
        .bind(ts(r.occurred_at))
        .bind(week.0)
        .bind(&r.description)
        .bind(r.channel.as_str())
        .bind(r.reporter_contact.as_ref().map(|c| c.data.as_str()))
        .bind(r.reporter_contact.as_ref().map(|c| c.key_id.as_str()))
        .bind(r.created_by.as_ref().map(|u| u.as_str()))
        .bind(ts(created_at))
        .execute(&mut **tx)
        .await
        .map_err(|e| conflict(e, "report already exists"))?;
        out.push(Report::new_from(org, r, created_at));
    }
    Ok(out)
}

pub async fn get_report(db: &Db, org: &OrgId, id: &str) -> Result<Report> {
    let r = sqlx::query(&format!("SELECT {} FROM reports WHERE org_id = ? AND id = ?", cols::REPORT))
        .bind(org.as_str())
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    row::report(&Sq(&r))
}

pub async fn list_reports(db: &Db, org: &OrgId, f: &ReportFilter) -> Result<Vec<Report>> {
    let rows = sqlx::query(&format!(
        "SELECT {} FROM reports WHERE org_id = ?
           AND (? IS NULL OR area_code = ?) AND (? IS NULL OR category = ?) AND (? IS NULL OR status = ?)
           AND (? IS NULL OR occurred_at >= ?) AND (? IS NULL OR occurred_at < ?)
         ORDER BY occurred_at DESC, id LIMIT ?",
        cols::REPORT
    ))
    .bind(org.as_str())
    .bind(&f.area)
    .bind(&f.area)
    .bind(&f.category)
    .bind(&f.category)
    .bind(f.status.map(|s| s.as_str()))
    .bind(f.status.map(|s| s.as_str()))
    .bind(f.from.map(ts))
    .bind(f.from.map(ts))
    .bind(f.to.map(ts))
    .bind(f.to.map(ts))
    .bind(f.limit)
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter().map(|r| row::report(&Sq(r))).collect()
}

pub async fn set_report_status(
    db: &Db,
    org: &OrgId,
    id: &str,
    from: ReportStatus,
    to: ReportStatus,
    by: &UserId,
    audit: NewAuditEvent,
) -> Result<Report> {
    let (_write, mut tx) = db.write().await?;
    let at = ts(now());
    let done = sqlx::query(
        "UPDATE reports SET status = ?, status_by = ?, status_at = ?,
                verified_at = CASE WHEN ? = 'verified' THEN ? ELSE verified_at END
         WHERE org_id = ? AND id = ? AND status = ?",
    )
    .bind(to.as_str())
    .bind(by.as_str())
    .bind(&at)
    .bind(to.as_str())
    .bind(&at)
    .bind(org.as_str())
    .bind(id)
    .bind(from.as_str())
    .execute(&mut *tx)
    .await
    .map_err(other)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    append_audit_tx(&mut tx, audit).await?;
    tx.commit().await.map_err(other)?;
    get_report(db, org, id).await
}

pub async fn alert_obs(
    db: &Db,
    org: &OrgId,
    weeks: Option<(Week, Week)>,
    category: Option<&str>,
) -> Result<Vec<Obs>> {
    let (lo, hi) = weeks.map(|(a, b)| (a.0, b.0)).unwrap_or((i64::MIN, i64::MAX));
    let rows = sqlx::query(
        "SELECT id, area_code, category, week, severity FROM reports
         WHERE org_id = ? AND status <> 'dismissed' AND week BETWEEN ? AND ? AND (? IS NULL OR category = ?)",
    )
    .bind(org.as_str())
    .bind(lo)
    .bind(hi)
    .bind(category)
    .bind(category)
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter().map(|r| row::obs(&Sq(r))).collect()
}

pub async fn week_bounds(db: &Db, org: &OrgId) -> Result<Option<(Week, Week)>> {
    // Two ordered index walks that stop at the first counting report: constant time however many
    // reports there are (MIN/MAX with the status filter would scan them all).
    let lo: Option<i64> = sqlx::query_scalar(
        "SELECT week FROM reports WHERE org_id = ? AND status <> 'dismissed' ORDER BY week ASC LIMIT 1",
    )
    .bind(org.as_str())
    .fetch_optional(&db.pool)
    .await
    .map_err(other)?;
    let hi: Option<i64> = sqlx::query_scalar(
        "SELECT week FROM reports WHERE org_id = ? AND status <> 'dismissed' ORDER BY week DESC LIMIT 1",
    )
    .bind(org.as_str())
    .fetch_optional(&db.pool)
    .await
    .map_err(other)?;
    Ok(lo.zip(hi).map(|(a, b)| (Week(a), Week(b))))
}

async fn stored_keys(
    conn: &mut sqlx::SqliteConnection,
    org: &OrgId,
    scope: Option<&BTreeSet<Cell>>,
) -> Result<Vec<StoredAlertKey>> {
    // Narrow by week range in SQL; the exact cells are matched by the shared planner.
    let (lo, hi) = match scope {
        Some(cells) => (
            cells.iter().map(|c| c.week.0).min().unwrap_or(0),
            cells.iter().map(|c| c.week.0).max().unwrap_or(-1),
        ),
        None => (i64::MIN, i64::MAX),
    };
    let rows = sqlx::query(
        "SELECT id, area_code, category, week, method, status, observed, statistic FROM alerts WHERE org_id = ? AND week BETWEEN ? AND ?",
    )
    .bind(org.as_str())
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut *conn)
    .await
    .map_err(other)?;
    rows.iter()
        .map(|r| {
            let r = Sq(r);
            use tandem_store::row::RowRead;
            Ok(StoredAlertKey {
                id: r.text("id")?,
                cell: Cell {
                    area: r.text("area_code")?,
                    category: r.text("category")?,
                    week: Week(r.int("week")?),
                },
                method: AlertMethod::parse(&r.text("method")?).ok_or_else(|| other("alert method"))?,
                status: r.text("status")?,
                observed: r.int("observed")? as u32,
                statistic: r.opt_float("statistic")?,
            })
        })
        .collect()
}

pub async fn reconcile_alerts(db: &Db, org: &OrgId, plan: AlertPlan<'_>) -> Result<Reconciled> {
    // Most new reports change no alert: find that out without taking the write lock.
    {
        let mut conn = db.pool.acquire().await.map_err(other)?;
        let existing = stored_keys(&mut conn, org, plan.scope).await?;
        if plan_reconcile(&existing, &plan).is_empty() {
            return Ok(Reconciled::default());
        }
    }
    let (_write, mut tx) = db.write().await?;
    // Take the write lock first (see append_audit_tx): reconciliations must not interleave.
    sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1").execute(&mut *tx).await.map_err(other)?;
    let existing = stored_keys(&mut tx, org, plan.scope).await?;
    let p = plan_reconcile(&existing, &plan);
    let at = ts(now());
    let mut out = Reconciled::default();
    for c in &p.insert {
        let id = OrgId::new().to_string();
        sqlx::query(
            "INSERT INTO alerts (org_id, id, area_code, category, week, method, version, observed, baseline_mean,
                                 baseline_sd, statistic, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
        )
        .bind(org.as_str())
        .bind(&id)
        .bind(&c.area)
        .bind(&c.category)
        .bind(c.week.0)
        .bind(c.method.as_str())
        .bind(c.method.version())
        .bind(c.observed as i64)
        .bind(c.baseline_mean)
        .bind(c.baseline_sd)
        .bind(c.statistic)
        .bind(&at)
        .bind(&at)
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        if c.method == AlertMethod::Threshold {
            link_reports(&mut tx, org, &id, &c.reports).await?;
        }
        out.opened.push(id);
    }
    for (id, c) in &p.update {
        sqlx::query(
            "UPDATE alerts SET observed = ?, baseline_mean = ?, baseline_sd = ?, statistic = ?, version = ?, updated_at = ?,
                    status = CASE WHEN status = 'withdrawn' THEN 'open' ELSE status END
             WHERE org_id = ? AND id = ?",
        )
        .bind(c.observed as i64)
        .bind(c.baseline_mean)
        .bind(c.baseline_sd)
        .bind(c.statistic)
        .bind(c.method.version())
        .bind(&at)
        .bind(org.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        // Only threshold alerts keep a list of their reports: an EARS alert's reports are the
        // counting reports of its cell, found on reading (`cell_reports`), so a busy week does
        // not rewrite thousands of links with every new report.
        if c.method == AlertMethod::Threshold {
            // Rewrite only the links that changed: a busy week's alert at country level has
            // hundreds of reports, and each new report adds one.
            let linked: Vec<String> =
                sqlx::query_scalar("SELECT report_id FROM alert_reports WHERE org_id = ? AND alert_id = ?")
                    .bind(org.as_str())
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(other)?;
            let linked: BTreeSet<&str> = linked.iter().map(String::as_str).collect();
            let wanted: BTreeSet<&str> = c.reports.iter().map(String::as_str).collect();
            for gone in linked.difference(&wanted) {
                sqlx::query("DELETE FROM alert_reports WHERE org_id = ? AND alert_id = ? AND report_id = ?")
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
        sqlx::query("UPDATE alerts SET status = 'withdrawn', updated_at = ? WHERE org_id = ? AND id = ?")
            .bind(&at)
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

async fn link_reports(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    org: &OrgId,
    alert: &str,
    reports: &[String],
) -> Result<()> {
    for r in reports {
        sqlx::query("INSERT INTO alert_reports (org_id, alert_id, report_id) VALUES (?, ?, ?)")
            .bind(org.as_str())
            .bind(alert)
            .bind(r)
            .execute(&mut **tx)
            .await
            .map_err(other)?;
    }
    Ok(())
}

pub async fn list_alerts(db: &Db, org: &OrgId, f: &AlertFilter) -> Result<Vec<Alert>> {
    let rows = sqlx::query(&format!(
        "SELECT {} FROM alerts a WHERE a.org_id = ? AND (? IS NULL OR a.status = ?)
           AND (? IS NULL OR (a.status = 'open' AND a.due_at IS NOT NULL AND a.due_at < ?))
         ORDER BY a.week DESC, a.area_code, a.category, a.method LIMIT ?",
        cols::ALERT
    ))
    .bind(org.as_str())
    .bind(&f.status)
    .bind(&f.status)
    .bind(f.overdue_at.map(ts))
    .bind(f.overdue_at.map(ts))
    .bind(f.limit)
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter().map(|r| row::alert(&Sq(r))).collect()
}

pub async fn get_alert(db: &Db, org: &OrgId, id: &str) -> Result<(Alert, Vec<String>)> {
    let r = sqlx::query(&format!("SELECT {} FROM alerts a WHERE a.org_id = ? AND a.id = ?", cols::ALERT))
        .bind(org.as_str())
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
    let alert = row::alert(&Sq(&r))?;
    let ids = sqlx::query_scalar::<_, String>(
        "SELECT report_id FROM alert_reports WHERE org_id = ? AND alert_id = ? ORDER BY report_id",
    )
    .bind(org.as_str())
    .bind(id)
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    Ok((alert, ids))
}

pub async fn assign_alert(
    db: &Db,
    org: &OrgId,
    id: &str,
    assignee: &OrgId,
    due_at: DateTime<Utc>,
    audit: NewAuditEvent,
) -> Result<Alert> {
    let (_write, mut tx) = db.write().await?;
    let done = sqlx::query(
        "UPDATE alerts SET assigned_org_id = ?, due_at = ?, updated_at = ? WHERE org_id = ? AND id = ?",
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
    Ok(get_alert(db, org, id).await?.0)
}

pub async fn add_response(
    db: &Db,
    org: &OrgId,
    alert_id: &str,
    new: &NewResponse,
    audit: NewAuditEvent,
) -> Result<Response> {
    let (_write, mut tx) = db.write().await?;
    let exists = sqlx::query("SELECT 1 FROM alerts WHERE org_id = ? AND id = ?")
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
        "INSERT INTO responses (org_id, id, alert_id, responder_org_id, responder_user_id, action, outcome, responded_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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

pub async fn list_responses(db: &Db, org: &OrgId, alert_id: &str) -> Result<Vec<Response>> {
    let rows = sqlx::query(&format!(
        "SELECT {} FROM responses WHERE org_id = ? AND alert_id = ? ORDER BY responded_at, id",
        cols::RESPONSE
    ))
    .bind(org.as_str())
    .bind(alert_id)
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter().map(|r| row::response(&Sq(r))).collect()
}

pub async fn create_sms_gateway(
    db: &Db,
    org: &OrgId,
    secret_hash: &str,
    audit: NewAuditEvent,
) -> Result<String> {
    let (_write, mut tx) = db.write().await?;
    let id = OrgId::new().to_string();
    sqlx::query("INSERT INTO sms_gateways (org_id, id, secret_hash, created_at) VALUES (?, ?, ?, ?)")
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

pub async fn find_sms_gateway(db: &Db, secret_hash: &str) -> Result<Option<OrgId>> {
    let org: Option<String> = sqlx::query_scalar("SELECT org_id FROM sms_gateways WHERE secret_hash = ?")
        .bind(secret_hash)
        .fetch_optional(&db.pool)
        .await
        .map_err(other)?;
    Ok(org.map(OrgId::from_trusted))
}

pub async fn add_sms_inbox(db: &Db, org: &OrgId, m: &NewSmsMessage) -> Result<()> {
    sqlx::query(
        "INSERT INTO sms_inbox (org_id, id, received_at, sender, sender_key, body, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(org.as_str())
    .bind(&m.id)
    .bind(ts(now()))
    .bind(m.sender.as_ref().map(|c| c.data.as_str()))
    .bind(m.sender.as_ref().map(|c| c.key_id.as_str()))
    .bind(&m.body)
    .bind(&m.reason)
    .execute(&db.pool)
    .await
    .map_err(|e| conflict(e, "message already held"))?;
    Ok(())
}

pub async fn list_sms_inbox(db: &Db, org: &OrgId, limit: i64) -> Result<Vec<SmsMessage>> {
    let rows = sqlx::query("SELECT id, received_at, sender, body, reason FROM sms_inbox WHERE org_id = ? ORDER BY received_at DESC, id LIMIT ?")
        .bind(org.as_str())
        .bind(limit)
        .fetch_all(&db.pool)
        .await
        .map_err(other)?;
    rows.iter().map(|r| row::sms(&Sq(r))).collect()
}

pub async fn weekly_counts(db: &Db, org: &OrgId, weeks: (Week, Week)) -> Result<Vec<(String, Week, u32)>> {
    let rows = sqlx::query("SELECT category, week, COUNT(*) AS n FROM reports WHERE org_id = ? AND status <> 'dismissed' AND week BETWEEN ? AND ? GROUP BY category, week")
        .bind(org.as_str())
        .bind(weeks.0 .0)
        .bind(weeks.1 .0)
        .fetch_all(&db.pool)
        .await
        .map_err(other)?;
    rows.iter()
        .map(|r| {
            use tandem_store::row::RowRead;
            let r = Sq(r);
            Ok((r.text("category")?, Week(r.int("week")?), r.int("n")? as u32))
        })
        .collect()
}

pub async fn create_category(db: &Db, c: &Category, audit: NewAuditEvent) -> Result<()> {
    let (_write, mut tx) = db.write().await?;
    sqlx::query(
        "INSERT INTO categories (slug, name, reference, threshold_severity, keywords, position)
         VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories))",
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

pub async fn open_alert_counts(db: &Db, org: &OrgId) -> Result<Vec<(String, u32)>> {
    let rows = sqlx::query(
        "SELECT area_code, COUNT(*) AS n FROM alerts WHERE org_id = ? AND status = 'open' GROUP BY area_code",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await
    .map_err(other)?;
    rows.iter()
        .map(|r| {
            use tandem_store::row::RowRead;
            let r = Sq(r);
            Ok((r.text("area_code")?, r.int("n")? as u32))
        })
        .collect()
}

pub async fn cell_reports(
    db: &Db,
    org: &OrgId,
    areas: &[String],
    category: &str,
    week: Week,
) -> Result<Vec<String>> {
    if areas.is_empty() {
        return Ok(vec![]);
    }
    let mut qb = sqlx::QueryBuilder::new("SELECT id FROM reports WHERE org_id = ");
    qb.push_bind(org.as_str())
        .push(" AND category = ")
        .push_bind(category)
        .push(" AND week = ")
        .push_bind(week.0)
        .push(" AND status <> 'dismissed' AND area_code IN (");
    let mut sep = qb.separated(", ");
    for a in areas {
        sep.push_bind(a.as_str());
    }
    qb.push(") ORDER BY id");
    let ids: Vec<String> = qb.build_query_scalar().fetch_all(&db.pool).await.map_err(other)?;
    Ok(ids)
}
