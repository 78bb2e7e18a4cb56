//! Tandem's embedded storage backend: one SQLite file in WAL mode with full-sync commits, so an
//! acknowledged write survives a crash. Times are stored as fixed-width RFC 3339 text (UTC,
//! microseconds) so that text comparison orders them correctly.
#![forbid(unsafe_code)]

mod ew;
mod index;
mod intake;
mod protection;
mod rows;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use tandem_domain::alert_engine::Obs;
use tandem_domain::audit::{AuditEvent, NewAuditEvent};
use tandem_domain::index::compute::{CountryResult, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::report::ReportStatus;
use tandem_domain::retention::Retention;
use tandem_domain::seal::{Purpose, Sealed};
use tandem_domain::week::Week;
use tandem_domain::{Email, OrgId, Role, UserId};
use tandem_store::*;

use rows::*;
use tandem_store::row::{self, cols};

pub struct SqliteStore {
    db: Db,
    intake: intake::Batcher,
}

/// The pool and the process-wide write lock. SQLite has one writer at a time; letting several
/// connections race for it makes the losers sleep in the busy handler, so writers queue here
/// instead, without sleeping. (Another process writing the same file still meets busy_timeout.)
#[derive(Clone)]
pub(crate) struct Db {
    pub pool: SqlitePool,
    write: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl Db {
    pub async fn write(
        &self,
    ) -> Result<(tokio::sync::OwnedMutexGuard<()>, sqlx::Transaction<'static, sqlx::Sqlite>)> {
        let guard = self.write.clone().lock_owned().await;
        let tx = self.pool.begin().await.map_err(other)?;
        Ok((guard, tx))
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `url` (`sqlite://PATH` or `sqlite::memory:`).
    pub async fn connect(url: &str) -> Result<Self> {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Other(format!("bad SQLite URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it is acknowledged (crash safety over speed).
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            // Deleted content (an erased report, a purged contact) is overwritten, not left in
            // free pages where a copy of the file would still hold it.
            .pragma("secure_delete", "ON");
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(opts).await.map_err(other)?;
        let db = Db { pool, write: Default::default() };
        Ok(Self { intake: intake::Batcher::start(db.clone()), db })
    }

    /// The pool, for tests that must reach under the trait (e.g. to tamper with the audit log).
    pub fn pool(&self) -> &SqlitePool {
        &self.db.pool
    }
}

/// Copies the write-ahead log into the database and empties it, so that content just deleted
/// (and overwritten there, see `secure_delete`) does not live on in the log's older page images.
/// Best effort: a reader holding an old snapshot makes it a partial checkpoint, finished later.
pub(crate) async fn checkpoint(db: &Db) {
    if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&db.pool).await {
        tracing::warn!(error = %e, "WAL checkpoint after a deletion failed");
    }
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub(crate) async fn append_audit_tx(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    new: NewAuditEvent,
) -> Result<AuditEvent> {
    // The first statement writes, so the transaction takes SQLite's write lock before it reads the
    // head: two appenders cannot both read the same head and fork the chain.
    sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1").execute(&mut **tx).await.map_err(other)?;
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut **tx)
        .await
        .map_err(other)?;
    let seq: i64 = head.try_get("seq").map_err(other)?;
    let hash: String = head.try_get("hash").map_err(other)?;
    let prev = (seq > 0).then_some((seq, hash.as_str()));
    let ev = AuditEvent::chain(new, prev, Utc::now());
    sqlx::query(
        "INSERT INTO audit_events (seq, at, org_id, actor_id, action, subject, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ev.seq)
    .bind(ts(ev.at))
    .bind(&ev.org_id)
    .bind(&ev.actor_id)
    .bind(&ev.action)
    .bind(&ev.subject)
    .bind(&ev.detail)
    .bind(&ev.prev_hash)
    .bind(&ev.hash)
    .execute(&mut **tx)
    .await
    .map_err(other)?;
    sqlx::query("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
        .bind(ev.seq)
        .bind(&ev.hash)
        .execute(&mut **tx)
        .await
        .map_err(other)?;
    Ok(ev)
}

const MEMBER_COLS: &str = cols::MEMBER;
const ORG_COLS: &str = cols::ORG;

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.db.pool).await.map_err(|e| StoreError::Other(format!("migration failed: {e}")))
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(&self.db.pool)
            .await
            .map_err(other)?;
        Ok(())
    }

    async fn create_org(&self, new: &NewOrg, mut audit: NewAuditEvent) -> Result<Org> {
        let org = Org {
            id: OrgId::new(),
            name: new.name.as_str().to_owned(),
            slug: new.name.slug(),
            kind: new.kind,
            women_led: new.flags.women_led,
            youth_led: new.flags.youth_led,
            minority_led: new.flags.minority_led,
            created_at: now(),
        };
        audit.org_id.get_or_insert_with(|| org.id.to_string());
        audit.subject.get_or_insert_with(|| org.id.to_string());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO orgs (id, name, slug, kind, women_led, youth_led, minority_led, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(org.id.as_str())
        .bind(&org.name)
        .bind(&org.slug)
        .bind(org.kind.as_str())
        .bind(org.women_led)
        .bind(org.youth_led)
        .bind(org.minority_led)
        .bind(ts(org.created_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "an organisation with this name already exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(org)
    }

    async fn list_orgs(&self) -> Result<Vec<Org>> {
        let rows = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o ORDER BY o.name"))
            .fetch_all(&self.db.pool)
            .await
            .map_err(other)?;
        rows.iter().map(|r| row::org(&Sq(r))).collect()
    }

    async fn get_org(&self, id: &OrgId) -> Result<Org> {
        let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o WHERE o.id = ?"))
            .bind(id.as_str())
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        row::org(&Sq(&row))
    }

    async fn find_org_by_slug(&self, slug: &str) -> Result<Org> {
        let row = sqlx::query(&format!("SELECT {ORG_COLS} FROM orgs o WHERE o.slug = ?"))
            .bind(slug)
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?
            .ok_or(StoreError::NotFound)?;
        row::org(&Sq(&row))
    }

    async fn create_user(&self, new: &NewUser, mut audit: NewAuditEvent) -> Result<User> {
        let user = User {
            id: UserId::new(),
            email: new.email.as_str().to_owned(),
            display_name: new.display_name.clone(),
            platform_admin: new.platform_admin,
            created_at: now(),
        };
        audit.subject.get_or_insert_with(|| user.id.to_string());
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO users (id, email, display_name, password_hash, platform_admin, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(user.id.as_str())
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&new.password_hash)
        .bind(user.platform_admin)
        .bind(ts(user.created_at))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "a user with this e-mail address already exists"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(user)
    }

    async fn find_credentials(&self, email: &Email) -> Result<Option<Credentials>> {
        let row = sqlx::query(&format!("SELECT {}, password_hash FROM users WHERE email = ?", cols::USER))
            .bind(email.as_str())
            .fetch_optional(&self.db.pool)
            .await
            .map_err(other)?;
        row.map(|r| {
            Ok(Credentials {
                user: row::user(&Sq(&r), "")?,
                password_hash: r.try_get("password_hash").map_err(other)?,
            })
        })
        .transpose()
    }

    async fn find_user_by_email(&self, email: &Email) -> Result<Option<User>> {
        Ok(self.find_credentials(email).await?.map(|c| c.user))
    }

    async fn add_member(
        &self,
        org: &OrgId,
        user: &UserId,
        role: Role,
        audit: NewAuditEvent,
    ) -> Result<Member> {
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
            .bind(org.as_str())
            .bind(user.as_str())
            .bind(role.as_str())
            .bind(ts(now()))
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, "this user is already a member of the organisation"))?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_member(org, user).await
    }

    async fn set_role(&self, org: &OrgId, user: &UserId, role: Role, audit: NewAuditEvent) -> Result<Member> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?")
            .bind(role.as_str())
            .bind(org.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        self.get_member(org, user).await
    }

    async fn remove_member(&self, org: &OrgId, user: &UserId, audit: NewAuditEvent) -> Result<()> {
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("DELETE FROM memberships WHERE org_id = ? AND user_id = ?")
            .bind(org.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await
            .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "UPDATE sessions SET revoked_at = ? WHERE org_id = ? AND user_id = ? AND revoked_at IS NULL",
        )
        .bind(ts(now()))
        .bind(org.as_str())
        .bind(user.as_str())
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)
    }

    async fn list_members(&self, org: &OrgId) -> Result<Vec<Member>> {
        let rows = sqlx::query(&format!(
            "SELECT {MEMBER_COLS} FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_id = ? ORDER BY u.email"
        ))
        .bind(org.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::member(&Sq(r))).collect()
    }

    async fn get_member(&self, org: &OrgId, user: &UserId) -> Result<Member> {
        let row = sqlx::query(&format!(
            "SELECT {MEMBER_COLS} FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_id = ? AND m.user_id = ?"
        ))
        .bind(org.as_str())
        .bind(user.as_str())
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?
        .ok_or(StoreError::NotFound)?;
        row::member(&Sq(&row))
    }

    async fn memberships(&self, user: &UserId) -> Result<Vec<(Org, Role)>> {
        let rows = sqlx::query(&format!(
            "SELECT {ORG_COLS}, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id
             WHERE m.user_id = ? ORDER BY m.created_at, o.name"
        ))
        .bind(user.as_str())
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| Ok((row::org(&Sq(r))?, row::role(&Sq(r), "role")?))).collect()
    }

    async fn create_session(&self, new: &NewSession) -> Result<()> {
        let done = sqlx::query(
            "INSERT INTO sessions (token_hash, org_id, user_id, kind, csrf_token, created_at, expires_at)
             SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS
               (SELECT 1 FROM memberships WHERE org_id = ? AND user_id = ?)",
        )
        .bind(&new.token_hash)
        .bind(new.org_id.as_str())
        .bind(new.user_id.as_str())
        .bind(new.kind.as_str())
        .bind(&new.csrf_token)
        .bind(ts(new.created_at))
        .bind(ts(new.expires_at))
        .bind(new.org_id.as_str())
        .bind(new.user_id.as_str())
        .execute(&self.db.pool)
        .await
        .map_err(|e| conflict(e, "session already exists"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn find_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<Principal>> {
        let row = sqlx::query(&format!(
            "SELECT {ORG_COLS}, {} FROM sessions s
             JOIN users u ON u.id = s.user_id
             JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
             JOIN orgs o ON o.id = s.org_id
             WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?",
            cols::PRINCIPAL_EXTRA
        ))
        .bind(token_hash)
        .bind(ts(now))
        .fetch_optional(&self.db.pool)
        .await
        .map_err(other)?;
        row.map(|r| row::principal(&Sq(&r))).transpose()
    }

    async fn revoke_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<bool> {
        let done =
            sqlx::query("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
                .bind(ts(now))
                .bind(token_hash)
                .execute(&self.db.pool)
                .await
                .map_err(other)?;
        Ok(done.rows_affected() > 0)
    }

    async fn append_audit(&self, ev: NewAuditEvent) -> Result<AuditEvent> {
        let (_write, mut tx) = self.db.write().await?;
        let ev = append_audit_tx(&mut tx, ev).await?;
        tx.commit().await.map_err(other)?;
        Ok(ev)
    }

    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditEvent>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?",
            cols::AUDIT
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::audit(&Sq(r))).collect()
    }

    async fn audit_head(&self) -> Result<Option<(i64, String)>> {
        let r = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.db.pool)
            .await
            .map_err(other)?;
        let seq: i64 = r.try_get("seq").map_err(other)?;
        Ok((seq > 0).then(|| r.try_get("hash")).transpose().map_err(other)?.map(|h| (seq, h)))
    }

    async fn org_audit(&self, org: &OrgId, limit: i64) -> Result<Vec<AuditEvent>> {
        let rows = sqlx::query(&format!(
            "SELECT {} FROM audit_events WHERE org_id = ? ORDER BY seq DESC LIMIT ?",
            cols::AUDIT
        ))
        .bind(org.as_str())
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| row::audit(&Sq(r))).collect()
    }

    async fn create_areas(&self, areas: &[NewArea], audit: NewAuditEvent) -> Result<usize> {
        ew::create_areas(&self.db, areas, audit).await
    }
    async fn list_areas(&self, with_geometry: bool) -> Result<Vec<Area>> {
        ew::list_areas(&self.db, with_geometry).await
    }
    async fn list_categories(&self) -> Result<Vec<Category>> {
        ew::list_categories(&self.db).await
    }
    async fn create_category(&self, c: &Category, audit: NewAuditEvent) -> Result<()> {
        ew::create_category(&self.db, c, audit).await
    }
    async fn create_reports(&self, org: &OrgId, reports: &[NewReport]) -> Result<Vec<Report>> {
        self.intake.submit(org, reports).await
    }
    async fn get_report(&self, org: &OrgId, id: &str) -> Result<Report> {
        ew::get_report(&self.db, org, id).await
    }
    async fn list_reports(&self, org: &OrgId, filter: &ReportFilter) -> Result<Vec<Report>> {
        ew::list_reports(&self.db, org, filter).await
    }
    async fn set_report_status(
        &self,
        org: &OrgId,
        id: &str,
        from: ReportStatus,
        to: ReportStatus,
        by: &UserId,
        audit: NewAuditEvent,
    ) -> Result<Report> {
        ew::set_report_status(&self.db, org, id, from, to, by, audit).await
    }
    async fn alert_obs(
        &self,
        org: &OrgId,
        weeks: Option<(Week, Week)>,
        category: Option<&str>,
    ) -> Result<Vec<Obs>> {
        ew::alert_obs(&self.db, org, weeks, category).await
    }
    async fn weekly_counts(&self, org: &OrgId, weeks: (Week, Week)) -> Result<Vec<(String, Week, u32)>> {
        ew::weekly_counts(&self.db, org, weeks).await
    }
    async fn week_bounds(&self, org: &OrgId) -> Result<Option<(Week, Week)>> {
        ew::week_bounds(&self.db, org).await
    }
    async fn reconcile_alerts(&self, org: &OrgId, plan: AlertPlan<'_>) -> Result<Reconciled> {
        ew::reconcile_alerts(&self.db, org, plan).await
    }
    async fn list_alerts(&self, org: &OrgId, filter: &AlertFilter) -> Result<Vec<Alert>> {
        ew::list_alerts(&self.db, org, filter).await
    }
    async fn cell_reports(
        &self,
        org: &OrgId,
        areas: &[String],
        category: &str,
        week: Week,
    ) -> Result<Vec<String>> {
        ew::cell_reports(&self.db, org, areas, category, week).await
    }
    async fn open_alert_counts(&self, org: &OrgId) -> Result<Vec<(String, u32)>> {
        ew::open_alert_counts(&self.db, org).await
    }
    async fn get_alert(&self, org: &OrgId, id: &str) -> Result<(Alert, Vec<String>)> {
        ew::get_alert(&self.db, org, id).await
    }
    async fn assign_alert(
        &self,
        org: &OrgId,
        id: &str,
        assignee: &OrgId,
        due_at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Alert> {
        ew::assign_alert(&self.db, org, id, assignee, due_at, audit).await
    }
    async fn add_response(
        &self,
        org: &OrgId,
        alert_id: &str,
        new: &NewResponse,
        audit: NewAuditEvent,
    ) -> Result<Response> {
        ew::add_response(&self.db, org, alert_id, new, audit).await
    }
    async fn list_responses(&self, org: &OrgId, alert_id: &str) -> Result<Vec<Response>> {
        ew::list_responses(&self.db, org, alert_id).await
    }
    async fn create_sms_gateway(
        &self,
        org: &OrgId,
        secret_hash: &str,
        audit: NewAuditEvent,
    ) -> Result<String> {
        ew::create_sms_gateway(&self.db, org, secret_hash, audit).await
    }
    async fn find_sms_gateway(&self, secret_hash: &str) -> Result<Option<OrgId>> {
        ew::find_sms_gateway(&self.db, secret_hash).await
    }
    async fn add_sms_inbox(&self, org: &OrgId, msg: &NewSmsMessage) -> Result<()> {
        ew::add_sms_inbox(&self.db, org, msg).await
    }
    async fn list_sms_inbox(&self, org: &OrgId, limit: i64) -> Result<Vec<SmsMessage>> {
        ew::list_sms_inbox(&self.db, org, limit).await
    }
    async fn create_agreement(
        &self,
        owner: &OrgId,
        new: &NewAgreement,
        audit: NewAuditEvent,
    ) -> Result<Agreement> {
        protection::create_agreement(&self.db, owner, new, audit).await
    }
    async fn list_agreements(&self, org: &OrgId) -> Result<Vec<Agreement>> {
        protection::list_agreements(&self.db, org).await
    }
    async fn get_agreement(&self, org: &OrgId, id: &str) -> Result<Agreement> {
        protection::get_agreement(&self.db, org, id).await
    }
    async fn revoke_agreement(
        &self,
        owner: &OrgId,
        id: &str,
        by: &UserId,
        at: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Agreement> {
        protection::revoke_agreement(&self.db, owner, id, by, at, audit).await
    }
    async fn agreements_for_partner(&self, partner: &OrgId, at: DateTime<Utc>) -> Result<Vec<Agreement>> {
        protection::agreements_for_partner(&self.db, partner, at).await
    }
    async fn verified_counts(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
    ) -> Result<Vec<(String, String, Week, u32)>> {
        protection::verified_counts(&self.db, owner, categories, weeks).await
    }
    async fn verified_reports(
        &self,
        owner: &OrgId,
        categories: Option<&[String]>,
        weeks: (Week, Week),
        limit: i64,
    ) -> Result<Vec<Report>> {
        protection::verified_reports(&self.db, owner, categories, weeks, limit).await
    }
    async fn assigned_alerts(&self, assignee: &OrgId, limit: i64) -> Result<Vec<Alert>> {
        protection::assigned_alerts(&self.db, assignee, limit).await
    }
    async fn find_assigned_alert(&self, assignee: &OrgId, id: &str) -> Result<Alert> {
        protection::find_assigned_alert(&self.db, assignee, id).await
    }
    async fn read_secret(
        &self,
        org: &OrgId,
        purpose: Purpose,
        id: &str,
        audit: NewAuditEvent,
    ) -> Result<Option<StoredSecret>> {
        protection::read_secret(&self.db, org, purpose, id, audit).await
    }
    async fn secrets_page(
        &self,
        purpose: Purpose,
        after: Option<(String, String)>,
        limit: i64,
    ) -> Result<Vec<StoredSecret>> {
        protection::secrets_page(&self.db, purpose, after, limit).await
    }
    async fn replace_secrets(&self, purpose: Purpose, changes: &[(StoredSecret, Sealed)]) -> Result<u64> {
        protection::replace_secrets(&self.db, purpose, changes).await
    }
    async fn key_use(&self) -> Result<Vec<KeyUse>> {
        protection::key_use(&self.db).await
    }
    async fn add_protected_name(
        &self,
        org: &OrgId,
        id: &str,
        name: &Sealed,
        audit: NewAuditEvent,
    ) -> Result<()> {
        protection::add_protected_name(&self.db, org, id, name, audit).await
    }
    async fn list_protected_names(&self, org: &OrgId) -> Result<Vec<ProtectedName>> {
        protection::list_protected_names(&self.db, org).await
    }
    async fn remove_protected_name(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<()> {
        protection::remove_protected_name(&self.db, org, id, audit).await
    }
    async fn get_retention(&self, org: &OrgId) -> Result<Retention> {
        protection::get_retention(&self.db, org).await
    }
    async fn set_retention(&self, org: &OrgId, r: Retention, audit: NewAuditEvent) -> Result<()> {
        protection::set_retention(&self.db, org, r, audit).await
    }
    async fn purge(
        &self,
        org: &OrgId,
        contacts_before: DateTime<Utc>,
        dismissed_before: DateTime<Utc>,
        audit: NewAuditEvent,
    ) -> Result<Purged> {
        protection::purge(&self.db, org, contacts_before, dismissed_before, audit).await
    }
    async fn erase_report(&self, org: &OrgId, id: &str, audit: NewAuditEvent) -> Result<Report> {
        protection::erase_report(&self.db, org, id, audit).await
    }
    async fn export_reports(&self, org: &OrgId, after: Option<&str>, limit: i64) -> Result<Vec<Report>> {
        protection::export_reports(&self.db, org, after, limit).await
    }
    async fn org_responses(&self, org: &OrgId) -> Result<Vec<Response>> {
        protection::org_responses(&self.db, org).await
    }
    async fn upsert_index_countries(
        &self,
        countries: &[IndexCountry],
        audit: NewAuditEvent,
    ) -> Result<usize> {
        index::upsert_countries(&self.db, countries, audit).await
    }
    async fn list_index_countries(&self, with_geometry: bool) -> Result<Vec<IndexCountry>> {
        index::list_countries(&self.db, with_geometry).await
    }
    async fn import_index_values(&self, rows: &[DataPoint], audit: NewAuditEvent) -> Result<usize> {
        index::import_values(&self.db, rows, audit).await
    }
    async fn index_values(&self, up_to_year: i32) -> Result<Vec<DataPoint>> {
        index::values(&self.db, up_to_year).await
    }
    async fn import_scorecard(&self, rows: &[ScorecardEntry], audit: NewAuditEvent) -> Result<usize> {
        index::import_scorecard(&self.db, rows, audit).await
    }
    async fn scorecard(&self, up_to_year: i32) -> Result<Vec<ScorecardEntry>> {
        index::scorecard(&self.db, up_to_year).await
    }
    async fn import_incidents(&self, rows: &[IncidentRow], audit: NewAuditEvent) -> Result<usize> {
        index::import_incidents(&self.db, rows, audit).await
    }
    async fn incidents(&self, years: (i32, i32)) -> Result<Vec<IncidentRow>> {
        index::incidents(&self.db, years).await
    }
    async fn save_edition(
        &self,
        e: &NewEdition,
        results: &[CountryResult],
        audit: NewAuditEvent,
    ) -> Result<()> {
        index::save_edition(&self.db, e, results, audit).await
    }
    async fn publish_edition(&self, name: &str, at: DateTime<Utc>, audit: NewAuditEvent) -> Result<Edition> {
        index::publish_edition(&self.db, name, at, audit).await
    }
    async fn list_editions(&self) -> Result<Vec<Edition>> {
        index::list_editions(&self.db).await
    }
    async fn get_edition(&self, name: &str) -> Result<Edition> {
        index::get_edition(&self.db, name).await
    }
    async fn edition_results(&self, name: &str) -> Result<Vec<CountryResult>> {
        index::edition_results(&self.db, name).await
    }
    async fn country_history(&self, iso3: &str) -> Result<Vec<HistoryPoint>> {
        index::country_history(&self.db, iso3).await
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    #[tokio::test]
    async fn conformance_story() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        let store = super::SqliteStore::connect(&url).await.unwrap();
        tandem_store::conformance::story(Arc::new(store)).await;
    }

    #[tokio::test]
    async fn early_warning_story() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        let store = super::SqliteStore::connect(&url).await.unwrap();
        tandem_store::conformance::early_warning_story(Arc::new(store)).await;
    }

    #[tokio::test]
    async fn protection_story() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        let store = super::SqliteStore::connect(&url).await.unwrap();
        tandem_store::conformance::protection_story(Arc::new(store)).await;
    }

    #[tokio::test]
    async fn index_story() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        let store = super::SqliteStore::connect(&url).await.unwrap();
        tandem_store::conformance::index_story(Arc::new(store)).await;
    }
}
