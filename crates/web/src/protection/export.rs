//! Export of everything an organisation owns, for its admins: as JSON lines (one object per
//! line, with a `kind`) or as one CSV file per kind. Read page by page, so a large organisation
//! streams instead of filling memory. Two things stay behind on purpose: reporter contacts and
//! the protected-names list. A file on someone's laptop must not become the list of who spoke or
//! who is at risk; each contact remains readable in Tandem, one audited reading at a time.
use serde_json::{json, Value};
use tandem_domain::OrgId;
use tandem_store::{AlertFilter, Store};

use crate::app_error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Organisation,
    Member,
    Report,
    Alert,
    Response,
    SharingAgreement,
    AuditEvent,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Organisation,
        Kind::Member,
        Kind::Report,
        Kind::Alert,
        Kind::Response,
        Kind::SharingAgreement,
        Kind::AuditEvent,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Member => "member",
            Kind::Report => "report",
            Kind::Alert => "alert",
            Kind::Response => "response",
            Kind::SharingAgreement => "sharing_agreement",
            Kind::AuditEvent => "audit_event",
        }
    }
    /// The CSV file's name without `.csv`.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Member => "members",
            Kind::Report => "reports",
            Kind::Alert => "alerts",
            Kind::Response => "responses",
            Kind::SharingAgreement => "sharing_agreements",
            Kind::AuditEvent => "audit_events",
        }
    }
    pub fn from_file(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.file() == name)
    }
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Kind::Organisation => {
                &["id", "name", "slug", "kind", "women_led", "youth_led", "minority_led", "created_at"]
            }
            Kind::Member => &["user_id", "email", "display_name", "role", "since"],
            Kind::Report => &[
                "id",
                "area",
                "category",
                "severity",
                "occurred_at",
                "week",
                "description",
                "channel",
                "has_reporter_contact",
                "status",
                "status_by",
                "status_at",
                "verified_at",
                "created_by",
                "created_at",
            ],
            Kind::Alert => &[
                "id",
                "area",
                "category",
                "week",
                "method",
                "version",
                "observed",
                "baseline_mean",
                "baseline_sd",
                "statistic",
                "status",
                "assigned_org_id",
                "due_at",
                "created_at",
                "updated_at",
                "first_response_at",
            ],
            Kind::Response => &[
                "id",
                "alert_id",
                "responder_org_id",
                "responder_user_id",
                "action",
                "outcome",
                "responded_at",
            ],
            Kind::SharingAgreement => &[
                "id",
                "owner_org",
                "partner_org",
                "partner_name",
                "mode",
                "area_level",
                "k",
                "categories",
                "kinds",
                "valid_from",
                "valid_to",
                "created_by",
                "created_at",
                "revoked_at",
                "revoked_by",
            ],
            Kind::AuditEvent => {
                &["seq", "at", "actor_id", "action", "subject", "detail", "prev_hash", "hash"]
            }
        }
    }
}

/// Where a reading of one kind has got to.
#[derive(Debug, Default, Clone)]
pub struct Cursor {
    after: Option<String>,
    done: bool,
}

const PAGE: i64 = 1000;
/// Kinds read in one go are bounded too: a runaway table must not exhaust memory.
const ALL_AT_ONCE: i64 = 1_000_000;

/// The next page of `kind` for `org` (empty once everything was read).
pub async fn page(
    store: &dyn Store,
    org: &OrgId,
    kind: Kind,
    cur: &mut Cursor,
) -> Result<Vec<Value>, AppError> {
    if cur.done {
        return Ok(vec![]);
    }
    let rows: Vec<Value> = match kind {
        Kind::Report => {
            let rows = store.export_reports(org, cur.after.as_deref(), PAGE).await?;
            cur.after = rows.last().map(|r| r.id.clone());
            cur.done = (rows.len() as i64) < PAGE;
            return Ok(rows.iter().map(|r| json!(r)).collect());
        }
        Kind::Organisation => vec![json!(store.get_org(org).await?)],
        Kind::Member => store.list_members(org).await?.iter().map(|m| json!(m)).collect(),
        Kind::Alert => store
            .list_alerts(org, &AlertFilter { limit: ALL_AT_ONCE, ..Default::default() })
            .await?
            .iter()
            .map(|a| json!(a))
            .collect(),
        Kind::Response => store.org_responses(org).await?.iter().map(|r| json!(r)).collect(),
        Kind::SharingAgreement => store
            .list_agreements(org)
            .await?
            .iter()
            .filter(|a| a.owner_org == org.as_str())
            .map(|a| json!(a))
            .collect(),
        Kind::AuditEvent => {
            let mut evs = store.org_audit(org, ALL_AT_ONCE).await?;
            evs.reverse();
            evs.iter().map(|e| json!(e)).collect()
        }
    };
    cur.done = true;
    Ok(rows)
}

/// One JSON line: the record with its kind.
pub fn json_line(kind: Kind, mut v: Value) -> String {
    if let Value::Object(m) = &mut v {
        m.insert("kind".into(), json!(kind.as_str()));
    }
    let mut line = v.to_string();
    line.push('\n');
    line
}

/// A CSV field for a JSON value: lists as space-separated words, nothing for null, and text that
/// a spreadsheet would run as a formula made plain text.
fn field(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => tandem_domain::text::spreadsheet_safe(s).into_owned(),
        Some(Value::Array(items)) => items.iter().map(|i| field(Some(i))).collect::<Vec<_>>().join(" "),
        Some(other) => other.to_string(),
    }
}

/// CSV text (header when `header`) for records of `kind`.
pub fn csv_rows(kind: Kind, rows: &[Value], header: bool) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if header {
        w.write_record(kind.columns()).map_err(AppError::internal)?;
    }
    for r in rows {
        w.write_record(kind.columns().iter().map(|c| field(r.get(*c)))).map_err(AppError::internal)?;
    }
    w.into_inner().map_err(|e| AppError::internal(e.into_error()))
}
