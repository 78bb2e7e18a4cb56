//! The registry's profiles, endorsements, grants and presences, each read through one rule of
//! who may see an organisation ([`seen`]).
use async_trait::async_trait;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::registry::{forum_activity, Presence, ProfileText, Source};
use tandem_domain::wheel::Activity;
use tandem_domain::{OrgId, UserId};
use tandem_store::forums::rows::date;
use tandem_store::row::{corrupt, json, RowRead};
use tandem_store::*;
use tracing::instrument;

use super::audit::append_audit_tx;
use super::d::{self, ts};
use super::forums::day;
use super::row::Sq;
use crate::errors::{conflict, now, other};

/// Whether the organisation in column `col` may be seen by the viewer bound as `$1` (its
/// organisation's id, or `''` for anyone): its own people always; others where its profile is
/// public, or set to members and the viewer is one. No profile: hidden.
fn seen(col: &str) -> String {
    format!(
        "({col} = $1 OR EXISTS (SELECT 1 FROM org_profiles vp WHERE vp.org_id = {col}
           AND (vp.visibility = 'public' OR ($1 <> '' AND vp.visibility = 'members'))))"
    )
}

fn viewer(v: Option<&OrgId>) -> &str {
    v.map_or("", |o| o.as_str())
}

const PROFILE: &str = "SELECT p.org_id, o.name AS org_name, o.kind AS org_kind, o.women_led, o.youth_led,
       o.minority_led, p.mission, p.areas, p.activities, p.constituencies, p.languages, p.contact,
       p.visibility, p.assessment, p.updated_at FROM org_profiles p JOIN orgs o ON o.id = p.org_id";

fn profile(r: &impl RowRead) -> Result<Profile> {
    Ok(Profile {
        org_id: r.text("org_id")?,
        org_name: r.text("org_name")?,
        org_kind: r.text("org_kind")?.parse().map_err(corrupt)?,
        women_led: r.flag("women_led")?,
        youth_led: r.flag("youth_led")?,
        minority_led: r.flag("minority_led")?,
        mission: r.text("mission")?,
        areas: json(r, "areas")?,
        activities: json(r, "activities")?,
        constituencies: json(r, "constituencies")?,
        languages: json(r, "languages")?,
        contact: r.text("contact")?,
        visibility: r.text("visibility")?.parse().map_err(corrupt)?,
        assessment: json(r, "assessment")?,
        updated_at: r.time("updated_at")?,
    })
}

const ENDORSEMENT: &str = "SELECT e.id, e.endorser_org, a.name AS endorser_name, e.endorsed_org,
       b.name AS endorsed_name, e.note, e.given_at, e.revoked_at
  FROM endorsements e JOIN orgs a ON a.id = e.endorser_org JOIN orgs b ON b.id = e.endorsed_org";

fn endorsement(r: &impl RowRead) -> Result<Endorsement> {
    Ok(Endorsement {
        id: r.text("id")?,
        endorser_org: r.text("endorser_org")?,
        endorser_name: r.text("endorser_name")?,
        endorsed_org: r.text("endorsed_org")?,
        endorsed_name: r.text("endorsed_name")?,
        note: r.text("note")?,
        given_at: r.time("given_at")?,
        revoked_at: r.opt_time("revoked_at")?,
    })
}

const GRANT: &str =
    "SELECT g.id, g.org_id, o.name AS org_name, g.funder, g.recipient, g.recipient_org, g.title,
       g.band, g.start_on, g.end_on, g.areas, g.activities, g.iati_id, g.created_at
  FROM grants g JOIN orgs o ON o.id = g.org_id";

fn grant(r: &impl RowRead) -> Result<Grant> {
    let (start, end) = (date(r, "start_on")?, date(r, "end_on")?);
    Ok(Grant {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        org_name: r.text("org_name")?,
        funder: r.text("funder")?,
        recipient: r.text("recipient")?,
        recipient_org: r.opt_text("recipient_org")?,
        title: r.text("title")?,
        band: r
            .text("band")?
            .parse::<tandem_domain::funding::AmountBand>()
            .map_err(corrupt)?
            .as_str()
            .to_owned(),
        start,
        end,
        short: tandem_domain::funding::short(start, end),
        areas: json(r, "areas")?,
        activities: json(r, "activities")?,
        iati_id: r.text("iati_id")?,
        created_at: r.time("created_at")?,
    })
}

fn list<T: Copy + Into<serde_json::Value>>(v: &[T]) -> String {
    serde_json::Value::from(v.to_vec()).to_string()
}

fn words(v: &[Activity]) -> String {
    list(&v.iter().map(|a| a.as_str()).collect::<Vec<_>>())
}

fn texts(v: &[String]) -> String {
    list(&v.iter().map(String::as_str).collect::<Vec<_>>())
}

/// One presence per (area, activity) of a profile or a programme; none named: present only.
fn spread(
    org: &str,
    areas: &[String],
    activities: &[Activity],
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    source: Source,
) -> Vec<Presence> {
    let acts: Vec<Option<Activity>> =
        if activities.is_empty() { vec![None] } else { activities.iter().copied().map(Some).collect() };
    areas
        .iter()
        .flat_map(|area| {
            acts.iter().map(move |a| Presence {
                org: org.to_owned(),
                activity: *a,
                area: area.clone(),
                from,
                to,
                source,
            })
        })
        .collect()
}

#[async_trait]
impl RegistryStore for d::Backend {
    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn save_profile(&self, org: &OrgId, t: &ProfileText, mut audit: NewAuditEvent) -> Result<Profile> {
        audit.subject.get_or_insert_with(|| org.to_string());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let assessment = serde_json::to_string(&t.assessment).map_err(other)?;
        let (_write, mut tx) = self.db.write().await?;
        sqlx::query(
            "INSERT INTO org_profiles (org_id, mission, areas, activities, constituencies, languages, contact,
                                       visibility, assessment, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (org_id) DO UPDATE SET mission = excluded.mission, areas = excluded.areas,
               activities = excluded.activities, constituencies = excluded.constituencies,
               languages = excluded.languages, contact = excluded.contact, visibility = excluded.visibility,
               assessment = excluded.assessment, updated_at = excluded.updated_at",
        )
        .bind(org.as_str())
        .bind(&t.mission)
        .bind(texts(&t.areas))
        .bind(words(&t.activities))
        .bind(texts(&t.constituencies))
        .bind(texts(&t.languages))
        .bind(&t.contact)
        .bind(t.visibility.as_str())
        .bind(assessment)
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "org"))?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{PROFILE} WHERE p.org_id = $1"))
            .bind(org.as_str())
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let saved = profile(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(saved)
    }

    async fn profiles(&self, v: Option<&OrgId>) -> Result<Vec<Profile>> {
        let rows =
            sqlx::query(&format!("{PROFILE} WHERE {} ORDER BY o.name, o.id LIMIT 2000", seen("p.org_id")))
                .bind(viewer(v))
                .fetch_all(&self.db.pool)
                .await
                .map_err(other)?;
        rows.iter().map(|r| profile(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %by), err(level = "debug"))]
    async fn endorse(
        &self,
        by: &OrgId,
        user: &UserId,
        of: &OrgId,
        id: &str,
        note: &str,
        mut audit: NewAuditEvent,
    ) -> Result<Endorsement> {
        if by == of {
            return Err(StoreError::NotFound);
        }
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| by.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let may = sqlx::query(&format!(
            "SELECT org_id FROM org_profiles WHERE org_id = $2 AND {}",
            seen("org_profiles.org_id")
        ))
        .bind(by.as_str())
        .bind(of.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(other)?;
        if may.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO endorsements (id, endorser_org, endorsed_org, note, given_by, given_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(by.as_str())
        .bind(of.as_str())
        .bind(note)
        .bind(user.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict(e, "endorsement"))?;
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{ENDORSEMENT} WHERE e.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = endorsement(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %by), err(level = "debug"))]
    async fn revoke_endorsement(
        &self,
        by: &OrgId,
        id: &str,
        mut audit: NewAuditEvent,
    ) -> Result<Endorsement> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| by.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query(
            "UPDATE endorsements SET revoked_at = $3 WHERE id = $1 AND endorser_org = $2 AND revoked_at IS NULL",
        )
        .bind(id)
        .bind(by.as_str())
        .bind(ts(now()))
        .execute(&mut *tx)
        .await
        .map_err(other)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        append_audit_tx(&mut tx, audit).await?;
        let r = sqlx::query(&format!("{ENDORSEMENT} WHERE e.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(other)?;
        let made = endorsement(&Sq(&r))?;
        tx.commit().await.map_err(other)?;
        Ok(made)
    }

    async fn endorsements(&self, v: Option<&OrgId>) -> Result<Vec<Endorsement>> {
        let rows = sqlx::query(&format!(
            "{ENDORSEMENT} WHERE e.revoked_at IS NULL AND {} AND {} ORDER BY e.given_at DESC, e.id LIMIT 5000",
            seen("e.endorser_org"),
            seen("e.endorsed_org")
        ))
        .bind(viewer(v))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| endorsement(&Sq(r))).collect()
    }

    async fn presences(&self, v: Option<&OrgId>) -> Result<Vec<Presence>> {
        let mut out = Vec::new();
        for p in self.profiles(v).await? {
            out.extend(spread(&p.org_id, &p.areas, &p.activities, None, None, Source::Profile));
        }
        // A forum's members are present in its area from its first meeting (or its founding)
        // to its last.
        let forums = sqlx::query(&format!(
            "SELECT m.org_id, f.area_code, f.kind, f.created_at,
                    (SELECT MIN(held_on) FROM forum_meetings x WHERE x.forum_id = f.id) AS first_on,
                    (SELECT MAX(held_on) FROM forum_meetings x WHERE x.forum_id = f.id) AS last_on
               FROM forum_members m JOIN forums f ON f.id = m.forum_id WHERE {} ORDER BY f.id, m.org_id",
            seen("m.org_id")
        ))
        .bind(viewer(v))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        for r in &forums {
            let r = Sq(r);
            let founded = r.time("created_at")?.date_naive();
            let day = |col: &str| -> Result<Option<chrono::NaiveDate>> {
                r.opt_text(col)?.map(|d| d.parse().map_err(corrupt)).transpose()
            };
            let kind = r.text("kind")?.parse().map_err(corrupt)?;
            out.push(Presence {
                org: r.text("org_id")?,
                activity: Some(forum_activity(kind)),
                area: r.text("area_code")?,
                from: Some(day("first_on")?.unwrap_or(founded)),
                to: Some(day("last_on")?.unwrap_or(founded)),
                source: Source::Forum,
            });
        }
        let trainings = sqlx::query(&format!(
            "SELECT t.trainer_org, f.area_code, t.held_on FROM forum_trainings t JOIN forums f ON f.id = t.forum_id
              WHERE {} ORDER BY t.held_on, t.id",
            seen("t.trainer_org")
        ))
        .bind(viewer(v))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        for r in &trainings {
            let r = Sq(r);
            let on = date(&r, "held_on")?;
            out.push(Presence {
                org: r.text("trainer_org")?,
                activity: Some(Activity::CapacityBuilding),
                area: r.text("area_code")?,
                from: Some(on),
                to: Some(on),
                source: Source::Training,
            });
        }
        // A programme counts where its recipient recorded it: a grant another organisation
        // records "to" it must not place it anywhere.
        for g in self.grants(v).await? {
            if g.recipient_org.as_deref() == Some(g.org_id.as_str()) {
                let (from, to) = (Some(g.start), Some(g.end));
                out.extend(spread(&g.org_id, &g.areas, &g.activities, from, to, Source::Programme));
            }
        }
        Ok(out)
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn add_grants(&self, org: &OrgId, grants: &[NewGrant], mut audit: NewAuditEvent) -> Result<usize> {
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let at = ts(now());
        for g in grants {
            let t = &g.text;
            sqlx::query(
                "INSERT INTO grants (id, org_id, funder, recipient, recipient_org, title, band, start_on, end_on,
                                     areas, activities, iati_id, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (org_id, iati_id) WHERE iati_id <> '' DO UPDATE SET funder = excluded.funder,
                   recipient = excluded.recipient, recipient_org = excluded.recipient_org, title = excluded.title,
                   band = excluded.band, start_on = excluded.start_on, end_on = excluded.end_on,
                   areas = excluded.areas, activities = excluded.activities",
            )
            .bind(&g.id)
            .bind(org.as_str())
            .bind(&t.funder)
            .bind(&t.recipient)
            .bind(g.recipient_org.as_ref().map(|o| o.as_str()))
            .bind(&t.title)
            .bind(t.band.as_str())
            .bind(day(t.start))
            .bind(day(t.end))
            .bind(texts(&t.areas))
            .bind(words(&t.activities))
            .bind(&t.iati_id)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(|e| conflict(e, "id"))?;
        }
        append_audit_tx(&mut tx, audit).await?;
        tx.commit().await.map_err(other)?;
        Ok(grants.len())
    }

    async fn grants(&self, v: Option<&OrgId>) -> Result<Vec<Grant>> {
        let rows = sqlx::query(&format!(
            "{GRANT} WHERE {} AND (g.recipient_org IS NULL OR {}) ORDER BY g.start_on DESC, g.title, g.id LIMIT 5000",
            seen("g.org_id"),
            seen("g.recipient_org")
        ))
        .bind(viewer(v))
        .fetch_all(&self.db.pool)
        .await
        .map_err(other)?;
        rows.iter().map(|r| grant(&Sq(r))).collect()
    }

    #[instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
    async fn remove_grant(&self, org: &OrgId, id: &str, mut audit: NewAuditEvent) -> Result<()> {
        audit.subject.get_or_insert_with(|| id.to_owned());
        audit.org_id.get_or_insert_with(|| org.to_string());
        let (_write, mut tx) = self.db.write().await?;
        let done = sqlx::query("DELETE FROM grants WHERE id = $1 AND (org_id = $2 OR recipient_org = $2)")
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
