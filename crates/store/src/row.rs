//! Mapping from database rows to the store's models, written once for every backend. A backend
//! implements [`RowRead`] for its row type (a few lines) and reuses the mappers here, so the two
//! backends cannot drift apart in how they read a record.
use chrono::{DateTime, Utc};
use tandem_domain::audit::AuditEvent;
use tandem_domain::{OrgId, Role, UserId};

use tandem_domain::alert_engine::{AlertMethod, Cell, Count, Obs};
use tandem_domain::week::Week;

use crate::ew::StoredAlertKey;
use crate::{
    Alert, AppUser, Area, Attachment, Category, Evidence, Invitation, LinkedRecord, Member, Org, Principal,
    Report, Response, SessionKind, StoreError, User, Violation,
};

type R<T> = Result<T, StoreError>;

/// The column reads a backend's row must offer.
pub trait RowRead {
    fn text(&self, col: &str) -> R<String>;
    fn opt_text(&self, col: &str) -> R<Option<String>>;
    fn flag(&self, col: &str) -> R<bool>;
    fn int(&self, col: &str) -> R<i64>;
    fn opt_int(&self, col: &str) -> R<Option<i64>>;
    fn time(&self, col: &str) -> R<DateTime<Utc>>;
    fn opt_time(&self, col: &str) -> R<Option<DateTime<Utc>>>;
    fn opt_float(&self, col: &str) -> R<Option<f64>>;
}

/// A stored value that no longer parses: the row is corrupt (or written by a newer version).
pub fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::other(format!("unreadable row: {what}"))
}

/// A column holding JSON (a list of text, most often), parsed; corrupt when it does not parse.
pub fn json<T: serde::de::DeserializeOwned>(r: &impl RowRead, col: &str) -> R<T> {
    serde_json::from_str(&r.text(col)?).map_err(corrupt)
}

pub fn role(r: &impl RowRead, col: &str) -> R<Role> {
    r.text(col)?.parse().map_err(corrupt)
}

pub fn org(r: &impl RowRead) -> R<Org> {
    Ok(Org {
        id: OrgId::from_trusted(r.text("id")?),
        name: r.text("name")?,
        slug: r.text("slug")?,
        kind: r.text("kind")?.parse().map_err(corrupt)?,
        women_led: r.flag("women_led")?,
        youth_led: r.flag("youth_led")?,
        minority_led: r.flag("minority_led")?,
        created_at: r.time("created_at")?,
    })
}

/// Reads a user whose columns carry `prefix` (empty for a plain `users` row).
pub fn user(r: &impl RowRead, prefix: &str) -> R<User> {
    let c = |name: &str| format!("{prefix}{name}");
    Ok(User {
        id: UserId::from_trusted(r.text(&c("id"))?),
        email: r.text(&c("email"))?,
        display_name: r.text(&c("display_name"))?,
        platform_admin: r.flag(&c("platform_admin"))?,
        created_at: r.time(&c("created_at"))?,
    })
}

pub fn member(r: &impl RowRead) -> R<Member> {
    Ok(Member {
        user_id: UserId::from_trusted(r.text("user_id")?),
        email: r.text("email")?,
        display_name: r.text("display_name")?,
        role: role(r, "role")?,
        since: r.time("since")?,
    })
}

pub fn invitation(r: &impl RowRead) -> R<Invitation> {
    Ok(Invitation {
        id: r.text("id")?,
        org_id: OrgId::from_trusted(r.text("org_id")?),
        org_name: r.text("org_name")?,
        org_kind: r.text("org_kind")?.parse().map_err(corrupt)?,
        email: r.text("email")?,
        role: role(r, "role")?,
        created_at: r.time("created_at")?,
        expires_at: r.time("expires_at")?,
    })
}

pub fn violation(r: &impl RowRead) -> R<Violation> {
    let count =
        |col: &str| -> R<Option<u32>> { Ok(r.opt_int(col)?.map(|n| n.clamp(0, u32::MAX as i64) as u32)) };
    let day =
        |s: String| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| corrupt("violation date"));
    Ok(Violation {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        area: r.text("area_code")?,
        occurred_on: day(r.text("occurred_on")?)?,
        date_precision: r.text("date_precision")?.parse().map_err(|_| corrupt("date precision"))?,
        act: r.text("act")?,
        institution: r.text("institution")?,
        institution_kind: r.text("institution_kind")?.parse().map_err(|_| corrupt("institution kind"))?,
        unit: r.opt_text("unit")?,
        targeted_org: r.opt_text("targeted_org")?,
        victims: tandem_domain::violation::Victims {
            total: count("victims_total")?.unwrap_or(0),
            women: count("victims_women")?,
            men: count("victims_men")?,
            girls: count("victims_girls")?,
            boys: count("victims_boys")?,
            group: r.text("victims_group")?.parse().map_err(|_| corrupt("victims group"))?,
            status: word(r.opt_text("victims_status")?, "victims status")?,
        },
        involvement: r.text("involvement")?.parse().map_err(|_| corrupt("involvement"))?,
        method: r.opt_text("method")?,
        description: r.text("description")?,
        status: r.text("status")?.parse().map_err(|_| corrupt("violation status"))?,
        documented_by: r.opt_text("documented_by")?,
        verified_by: r.opt_text("verified_by")?,
        verified_at: r.opt_time("verified_at")?,
        referred_to_org: r.opt_text("referred_to_org")?,
        referred_to: r.opt_text("referred_to")?,
        referral_ask: r.opt_text("referral_ask")?,
        referral_due_on: r.opt_text("referral_due_on")?.map(day).transpose()?,
        referred_at: r.opt_time("referred_at")?,
        response: r.opt_text("response")?,
        responded_at: r.opt_time("responded_at")?,
        ended_at: r.opt_time("ended_at")?,
        created_at: r.time("created_at")?,
        has_victim_names: r.flag("has_victim_names")?,
        source: tandem_domain::violation::SourceInfo {
            kind: word(r.opt_text("source_kind")?, "source kind")?,
            knowledge: word(r.opt_text("source_knowledge")?, "source knowledge")?,
            reliability: word(r.opt_text("source_reliability")?, "source reliability")?,
        },
        has_source_identity: r.flag("has_source_identity")?,
    })
}

fn word<T: std::str::FromStr>(s: Option<String>, what: &'static str) -> R<Option<T>> {
    s.map(|s| s.parse().map_err(|_| corrupt(what))).transpose()
}

/// A link's other end, from `kind`, `other_id` and `created_at`.
pub fn linked_record(r: &impl RowRead) -> R<LinkedRecord> {
    Ok(LinkedRecord {
        kind: r.text("kind")?.parse().map_err(|_| corrupt("link kind"))?,
        id: r.text("other_id")?,
        linked_at: r.time("created_at")?,
        held: r.flag("held")?,
    })
}

pub fn evidence(r: &impl RowRead) -> R<Evidence> {
    Ok(Evidence {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        violation_id: r.text("violation_id")?,
        kind: tandem_domain::evidence::EvidenceKind::parse(&r.text("kind")?)
            .ok_or_else(|| corrupt("evidence kind"))?,
        content_type: r.text("content_type")?,
        ext: r.text("ext")?,
        size: r.int("size")?.max(0) as u64,
        sha256: r.text("sha256")?,
        key_id: r.text("key_id")?,
        uploaded_by: r.opt_text("uploaded_by")?,
        uploaded_at: r.time("uploaded_at")?,
    })
}

pub fn app_user(r: &impl RowRead) -> R<AppUser> {
    Ok(AppUser {
        id: r.text("id")?,
        org_id: OrgId::from_trusted(r.text("org_id")?),
        name: r.text("name")?,
        form_id: r.text("form_id")?,
        created_at: r.time("created_at")?,
        revoked_at: r.opt_time("revoked_at")?,
    })
}

pub fn attachment(r: &impl RowRead) -> R<Attachment> {
    Ok(Attachment {
        id: r.text("id")?,
        org_id: OrgId::from_trusted(r.text("org_id")?),
        report_id: r.text("report_id")?,
        name: r.text("name")?,
        content_type: r.text("content_type")?,
        size: r.int("size")?,
        sha256: r.text("sha256")?,
        created_at: r.time("created_at")?,
    })
}

pub fn principal(r: &impl RowRead) -> R<Principal> {
    Ok(Principal {
        user: user(r, "u_")?,
        org: org(r)?,
        role: role(r, "role")?,
        kind: SessionKind::parse(&r.text("session_kind")?).ok_or_else(|| corrupt("session kind"))?,
        csrf_token: r.text("csrf_token")?,
        expires_at: r.time("expires_at")?,
    })
}

pub fn audit(r: &impl RowRead) -> R<AuditEvent> {
    Ok(AuditEvent {
        seq: r.int("seq")?,
        at: r.time("at")?,
        org_id: r.opt_text("org_id")?,
        actor_id: r.opt_text("actor_id")?,
        action: r.text("action")?,
        subject: r.opt_text("subject")?,
        detail: r.text("detail")?,
        prev_hash: r.text("prev_hash")?,
        hash: r.text("hash")?,
    })
}

pub fn area(r: &impl RowRead, with_geometry: bool) -> R<Area> {
    Ok(Area {
        code: r.text("code")?,
        name: r.text("name")?,
        level: r.text("level")?.parse().map_err(corrupt)?,
        parent_code: r.opt_text("parent_code")?,
        geometry: if with_geometry { r.opt_text("geometry")? } else { None },
    })
}

pub fn category(r: &impl RowRead) -> R<Category> {
    Ok(Category {
        slug: r.text("slug")?,
        name: r.text("name")?,
        reference: r.text("reference")?,
        threshold_severity: r.int("threshold_severity")? as u8,
        keywords: r.text("keywords")?,
    })
}

pub fn report(r: &impl RowRead) -> R<Report> {
    Ok(Report {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        area: r.text("area_code")?,
        category: r.text("category")?,
        severity: r.int("severity")? as u8,
        occurred_at: r.time("occurred_at")?,
        week: Week(r.int("week")?),
        description: r.text("description")?,
        channel: r.text("channel")?,
        has_reporter_contact: r.opt_text("reporter_contact")?.is_some(),
        status: r.text("status")?.parse().map_err(corrupt)?,
        status_by: r.opt_text("status_by")?,
        status_at: r.opt_time("status_at")?,
        verified_at: r.opt_time("verified_at")?,
        created_by: r.opt_text("created_by")?,
        created_at: r.time("created_at")?,
    })
}

pub fn sms(r: &impl RowRead) -> R<crate::SmsMessage> {
    Ok(crate::SmsMessage {
        id: r.text("id")?,
        received_at: r.time("received_at")?,
        has_sender: r.opt_text("sender")?.is_some(),
        body: r.text("body")?,
        reason: r.text("reason")?,
    })
}

pub fn agreement(r: &impl RowRead) -> R<crate::Agreement> {
    let words = |s: String| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    Ok(crate::Agreement {
        id: r.text("id")?,
        owner_org: r.text("owner_org_id")?,
        owner_name: r.text("owner_name")?,
        partner_org: r.text("partner_org_id")?,
        partner_name: r.text("partner_name")?,
        mode: r.text("mode")?.parse().map_err(corrupt)?,
        area_level: r.text("area_level")?.parse().map_err(corrupt)?,
        k: r.int("k")? as u32,
        categories: words(r.text("categories")?),
        kinds: words(r.text("kinds")?).iter().map(|k| k.parse().map_err(corrupt)).collect::<R<_>>()?,
        valid_from: r.time("valid_from")?,
        valid_to: r.opt_time("valid_to")?,
        created_by: r.text("created_by")?,
        created_at: r.time("created_at")?,
        revoked_at: r.opt_time("revoked_at")?,
        revoked_by: r.opt_text("revoked_by")?,
    })
}

pub fn obs(r: &impl RowRead) -> R<Obs> {
    Ok(Obs {
        report_id: r.text("id")?,
        area: r.text("area_code")?,
        category: r.text("category")?,
        week: Week(r.int("week")?),
        severity: r.int("severity")? as u8,
        verified: r.int("verified")? != 0,
        channel: r.text("channel")?.parse().map_err(|_| corrupt("report channel"))?,
    })
}

/// One series' counts of one channel, its weeks packed as "week:n,week:n" (see `alert_counts`).
pub fn packed_counts(r: &impl RowRead) -> R<Vec<Count>> {
    let (area, category) = (r.text("area_code")?, r.text("category")?);
    let channel = r.text("channel")?.parse().map_err(|_| corrupt("report channel"))?;
    let verified = r.int("verified")? != 0;
    r.text("weeks")?
        .split(',')
        .map(|pair| {
            let (w, n) = pair.split_once(':').ok_or_else(|| corrupt("packed counts"))?;
            Ok(Count {
                area: area.clone(),
                category: category.clone(),
                week: Week(w.parse().map_err(|_| corrupt("packed counts"))?),
                channel,
                verified,
                n: n.parse().map_err(|_| corrupt("packed counts"))?,
            })
        })
        .collect()
}

/// The stored alerts of one area and category, packed by the query as
/// "id week method status observed statistic from_event_data" joined by commas (the statistic
/// empty when there is none, else written so that it parses back exactly).
pub fn packed_alert_keys(r: &impl RowRead) -> R<Vec<StoredAlertKey>> {
    let (area, category) = (r.text("area_code")?, r.text("category")?);
    let bad = || corrupt("packed alerts");
    r.text("alerts")?
        .split(',')
        .map(|alert| {
            let f: Vec<&str> = alert.split(' ').collect();
            let [id, week, method, status, observed, statistic, from_event_data] = f[..] else {
                return Err(bad());
            };
            Ok(StoredAlertKey {
                id: id.to_owned(),
                cell: Cell {
                    area: area.clone(),
                    category: category.clone(),
                    week: Week(week.parse().map_err(|_| bad())?),
                },
                method: AlertMethod::parse(method).ok_or_else(|| corrupt("alert method"))?,
                status: status.to_owned(),
                observed: observed.parse().map_err(|_| bad())?,
                statistic: match statistic {
                    "" => None,
                    s => Some(s.parse().map_err(|_| bad())?),
                },
                from_event_data: from_event_data != "0",
            })
        })
        .collect()
}

pub fn alert(r: &impl RowRead) -> R<Alert> {
    Ok(Alert {
        id: r.text("id")?,
        org_id: r.text("org_id")?,
        area: r.text("area_code")?,
        category: r.text("category")?,
        week: Week(r.int("week")?),
        method: AlertMethod::parse(&r.text("method")?).ok_or_else(|| corrupt("alert method"))?,
        version: r.text("version")?,
        observed: r.int("observed")? as u32,
        baseline_mean: r.opt_float("baseline_mean")?,
        baseline_sd: r.opt_float("baseline_sd")?,
        statistic: r.opt_float("statistic")?,
        status: r.text("status")?,
        assigned_org_id: r.opt_text("assigned_org_id")?,
        due_at: r.opt_time("due_at")?,
        created_at: r.time("created_at")?,
        updated_at: r.time("updated_at")?,
        first_response_at: r.opt_time("first_response_at")?,
        shared_count: r.opt_int("shared_count")?.map(|n| n as u32),
        acknowledged_at: r.opt_time("acknowledged_at")?,
        acknowledged_by: r.opt_text("acknowledged_by")?,
        closed_at: r.opt_time("closed_at")?,
        outcome: r.opt_text("outcome")?,
        from_event_data: r.int("from_event_data")? != 0,
    })
}

pub fn response(r: &impl RowRead) -> R<Response> {
    Ok(Response {
        id: r.text("id")?,
        alert_id: r.text("alert_id")?,
        responder_org_id: r.text("responder_org_id")?,
        responder_user_id: r.text("responder_user_id")?,
        action: r.text("action")?,
        outcome: r.text("outcome")?,
        responded_at: r.time("responded_at")?,
    })
}

/// Column lists shared by both backends' SQL, so the mappers above always find what they read.
pub mod cols {
    pub const ORG: &str =
        "o.id, o.name, o.slug, o.kind, o.women_led, o.youth_led, o.minority_led, o.created_at";
    pub const MEMBER: &str = "m.user_id, u.email, u.display_name, m.role, m.created_at AS since";
    pub const INVITATION: &str = "i.id, i.org_id, o.name AS org_name, o.kind AS org_kind, i.email, i.role, \
        i.created_at, i.expires_at";
    /// The FROM clause that goes with [`INVITATION`].
    pub const INVITATION_FROM: &str = "invitations i JOIN orgs o ON o.id = i.org_id";
    pub const APP_USER: &str = "id, org_id, name, form_id, created_at, revoked_at";
    pub const VIOLATION: &str = "id, org_id, area_code, occurred_on, date_precision, act, institution,
        institution_kind, unit, involvement, method, targeted_org, victims_total, victims_women, victims_men,
        victims_girls, victims_boys, victims_group, victims_status,
        description, status, documented_by, verified_by, verified_at, referred_to_org, referred_to,
        referral_ask, referral_due_on, referred_at, response, responded_at, ended_at, created_at,
        victim_names IS NOT NULL AS has_victim_names, source_kind, source_knowledge, source_reliability,
        source_identity IS NOT NULL AS has_source_identity";
    pub const EVIDENCE: &str =
        "id, org_id, violation_id, kind, content_type, ext, size, sha256, key_id, uploaded_by, uploaded_at";
    pub const ATTACHMENT: &str = "id, org_id, report_id, name, content_type, size, sha256, created_at";
    pub const USER: &str = "id, email, display_name, platform_admin, created_at";
    pub const PRINCIPAL_EXTRA: &str = "m.role, s.kind AS session_kind, s.csrf_token, s.expires_at,
        u.id AS u_id, u.email AS u_email, u.display_name AS u_display_name,
        u.platform_admin AS u_platform_admin, u.created_at AS u_created_at";
    pub const AUDIT: &str = "seq, at, org_id, actor_id, action, subject, detail, prev_hash, hash";
    pub const REPORT: &str =
        "id, org_id, area_code, category, severity, occurred_at, week, description, channel, \
        reporter_contact, status, status_by, status_at, verified_at, created_by, created_at";
    pub const ALERT: &str = "a.id, a.org_id, a.area_code, a.category, a.week, a.method, a.version, a.observed, \
        a.baseline_mean, a.baseline_sd, a.statistic, a.status, a.assigned_org_id, a.due_at, a.created_at, a.updated_at, a.shared_count, \
        a.acknowledged_at, a.acknowledged_by, a.closed_at, a.outcome, a.from_event_data, \
        (SELECT MIN(r.responded_at) FROM responses r WHERE r.org_id = a.org_id AND r.alert_id = a.id) AS first_response_at";
    pub const AGREEMENT: &str = "a.id, a.owner_org_id, o1.name AS owner_name, a.partner_org_id, \
        o2.name AS partner_name, a.mode, a.area_level, a.k, a.categories, a.kinds, a.valid_from, a.valid_to, \
        a.created_by, a.created_at, a.revoked_at, a.revoked_by";
    /// The FROM clause that goes with [`AGREEMENT`].
    pub const AGREEMENT_FROM: &str = "sharing_agreements a JOIN orgs o1 ON o1.id = a.owner_org_id \
        JOIN orgs o2 ON o2.id = a.partner_org_id";
    pub const RESPONSE: &str =
        "id, alert_id, responder_org_id, responder_user_id, action, outcome, responded_at";
}
