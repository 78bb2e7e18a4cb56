//! Filing reports, whatever the channel: input is parsed into domain types and checked against
//! the configured areas and categories (errors name the field), stored all-or-nothing, and then
//! the alert engine runs on the cells the reports touch, so a severity-4 report has its alert
//! before the request returns.
use chrono::{DateTime, Utc};
use tandem_domain::alert_engine::{evaluate, AlertMethod, Cell, Scope};
use tandem_domain::area::PCode;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::report::{CategorySlug, Channel, ReportStatus, Severity, CONTACT_MAX, DESCRIPTION_MAX};
use tandem_domain::seal::{Binding, Keyring, Purpose, Sealed};
use tandem_domain::week::Week;
use tandem_domain::{text, InvalidInput, OrgId, Problem, UserId};
use tandem_store::{AlertPlan, NewReport, Report, Store};

use super::alerts::{run_incremental, Change};
use super::config::EwConfig;
use crate::app_error::AppError;

/// A report as it arrives, before parsing.
#[derive(Debug, Clone, Default)]
pub struct RawReport {
    pub area: String,
    pub category: String,
    pub severity: i64,
    pub occurred_at: String,
    pub description: String,
    pub reporter_contact: Option<String>,
}

/// Seals what identifies people for one organisation's records, under the current key.
#[derive(Clone, Copy)]
pub struct Sealer<'a> {
    pub keys: &'a Keyring,
    pub org: &'a OrgId,
}

impl Sealer<'_> {
    pub fn seal(&self, purpose: Purpose, record: &str, text: &str) -> Sealed {
        self.keys.seal(text, &Binding { purpose, org: self.org.as_str(), record })
    }
}

/// Reports of events before this year are refused.
pub const EARLIEST_YEAR: i32 = 1900;

/// Parses one report. Occurrence times must be RFC 3339 (or a plain date, taken as noon UTC),
/// not in the future and not before [`EARLIEST_YEAR`]. The report gets its id here, so that its contact can be sealed to it.
pub fn parse(
    cfg: &EwConfig,
    raw: &RawReport,
    channel: Channel,
    by: Option<&UserId>,
    now: DateTime<Utc>,
    sealer: Sealer,
) -> Result<NewReport, InvalidInput> {
    let area = PCode::parse(&raw.area).map_err(|e| InvalidInput::new("area", e.message))?;
    if !cfg.areas.contains_key(area.as_str()) {
        return Err(InvalidInput::new("area", format!("unknown area code {area}")).because(Problem::Unknown));
    }
    let category = CategorySlug::parse(&raw.category)?;
    if cfg.category(category.as_str()).is_none() {
        return Err(InvalidInput::new("category", format!("unknown category {}", category.as_str()))
            .because(Problem::Unknown));
    }
    let severity = Severity::new(raw.severity)?;
    let mut occurred_at = parse_time(&raw.occurred_at)?;
    // A plain date means some time that day, read as noon UTC. For a report filed this morning,
    // or from a time zone already in tomorrow, that noon is still ahead: the report happened
    // before now, so now it is (found by the browser journeys: morning reports were refused).
    let plain_date = chrono::NaiveDate::parse_from_str(raw.occurred_at.trim(), "%Y-%m-%d").is_ok();
    if plain_date
        && occurred_at > now
        && occurred_at.date_naive() <= (now + chrono::Duration::days(1)).date_naive()
    {
        occurred_at = now;
    }
    if occurred_at > now + chrono::Duration::minutes(5) {
        return Err(InvalidInput::new("occurred_at", "is in the future").because(Problem::InFuture));
    }
    // A year like 0001 is a typing slip, and it would open a week of its own in every table and
    // chart (found by an attack, issue 12).
    if chrono::Datelike::year(&occurred_at) < EARLIEST_YEAR {
        return Err(InvalidInput::new("occurred_at", format!("is before {EARLIEST_YEAR}"))
            .because(Problem::TooEarly { year: EARLIEST_YEAR }));
    }
    let description = text::multiline("description", &raw.description, 1, DESCRIPTION_MAX)?;
    let id = OrgId::new().to_string();
    let reporter_contact = match raw.reporter_contact.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(c) => {
            // A contact is one line however it was typed (a phone's text box may add a break).
            let one_line = c.split_whitespace().collect::<Vec<_>>().join(" ");
            let c = text::bounded("reporter_contact", &one_line, 1, CONTACT_MAX)?;
            Some(sealer.seal(Purpose::ReporterContact, &id, &c))
        }
    };
    Ok(NewReport {
        id,
        area,
        category,
        severity,
        occurred_at,
        description,
        channel,
        reporter_contact,
        created_by: by.cloned(),
    })
}

pub fn parse_time(s: &str) -> Result<DateTime<Utc>, InvalidInput> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        if let Some(t) = d.and_hms_opt(12, 0, 0) {
            return Ok(t.and_utc());
        }
    }
    Err(InvalidInput::new(
        "occurred_at",
        "must be a date (2026-11-20) or an RFC 3339 time (2026-11-20T14:30:00Z)",
    ))
}

/// Stores parsed reports all-or-nothing and runs the alert engine on what they touch.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn file(
    store: &dyn Store,
    cfg: &EwConfig,
    org: &OrgId,
    reports: &[NewReport],
) -> Result<Vec<Report>, AppError> {
    Ok(file_counted(store, cfg, org, reports).await?.0)
}

/// As [`file`], with what the alert run changed (an import's summary names the alerts it
/// opened, by method).
pub async fn file_counted(
    store: &dyn Store,
    cfg: &EwConfig,
    org: &OrgId,
    reports: &[NewReport],
) -> Result<(Vec<Report>, tandem_store::Reconciled), AppError> {
    let grid_before = store.week_bounds(org).await?.map(|b| b.0);
    let stored = store.create_reports(org, reports).await?;
    let changes: Vec<Change> = stored
        .iter()
        .map(|r| Change { area: r.area.clone(), category: r.category.clone(), week: r.week })
        .collect();
    let changed = run_incremental(store, cfg, org, &changes, grid_before).await?;
    Ok((stored, changed))
}

/// Stores reports, applies the threshold rule at once, and leaves the EARS evaluation to the
/// alert worker: the path of the web and API channels, where intake must stay fast.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn file_queued(
    state: &crate::AppState,
    cfg: &EwConfig,
    org: &OrgId,
    reports: &[NewReport],
) -> Result<Vec<Report>, AppError> {
    let stored = state.store.create_reports(org, reports).await?;
    after_filing(state, cfg, org, &stored).await?;
    Ok(stored)
}

/// What follows the storing of reports however they came: the threshold rule at once, and the
/// EARS evaluation queued for the alert worker.
pub async fn after_filing(
    state: &crate::AppState,
    cfg: &EwConfig,
    org: &OrgId,
    stored: &[Report],
) -> Result<(), AppError> {
    let store = state.store.as_ref();
    let mut severe: std::collections::BTreeSet<Cell> = Default::default();
    for r in stored {
        let threshold = cfg.category(&r.category).map(|c| c.threshold_severity).unwrap_or(4);
        if r.severity >= threshold {
            severe.insert(Cell { area: r.area.clone(), category: r.category.clone(), week: r.week });
        }
    }
    for cell in &severe {
        // Only the cell's own reports matter to the threshold rule, so the grid can start at the
        // cell's week.
        let obs: Vec<_> = store
            .alert_obs(org, Some((cell.week, cell.week)), Some(&cell.category))
            .await?
            .into_iter()
            .filter(|o| o.area == cell.area)
            .collect();
        let scope = std::collections::BTreeSet::from([cell.clone()]);
        let candidates = evaluate(&cfg.tree, &obs, cell.week, Scope::Cells(&scope), &cfg.engine);
        let plan = AlertPlan {
            scope: Some(&scope),
            candidates: &candidates,
            only: Some(AlertMethod::Threshold),
            category: None,
        };
        store.reconcile_alerts(org, plan).await?;
    }
    state.alert_worker.submit(org, stored.iter().map(change_of).collect());
    Ok(())
}

/// The week a report counts in, for callers that change a report's status.
pub fn change_of(r: &Report) -> Change {
    Change { area: r.area.clone(), category: r.category.clone(), week: Week(r.week.0) }
}

/// Moves a report along its workflow (verify, dismiss, close) and, when that changes what counts
/// (dismissal, a first verification), has the alert worker re-evaluate the report's cells. The API and the pages both
/// come here.
#[tracing::instrument(level = "debug", skip_all, fields(org.id = %org), err(level = "debug"))]
pub async fn change_status(
    state: &crate::AppState,
    org: &OrgId,
    user: &UserId,
    id: &str,
    to: ReportStatus,
) -> Result<Report, AppError> {
    let current = state.store.get_report(org, id).await?;
    if !current.status.can_become(to) {
        return Err(AppError::Conflict(format!("a {} report cannot become {}", current.status, to)));
    }
    let ev = NewAuditEvent::new(&format!("report.{}", to.as_str())).org(org).actor(user).subject(id);
    let report = state.store.set_report_status(org, id, current.status, to, user, ev).await?;
    // Dismissal takes a report out of every count, and verification lets an anonymous one count
    // towards EARS (see `Obs::vetted`): either way its cells are evaluated again.
    let first_verified = current.verified_at.is_none() && report.verified_at.is_some();
    if current.status.counts() != to.counts() || first_verified {
        state.alert_worker.submit(org, vec![change_of(&report)]);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_plain_date_of_today_or_tomorrow_is_not_in_the_future() {
        let cfg = EwConfig {
            areas: [(
                "MR01".to_owned(),
                tandem_store::Area {
                    code: "MR01".into(),
                    name: "A".into(),
                    level: tandem_domain::area::AreaLevel::Admin1,
                    parent_code: None,
                    geometry: None,
                },
            )]
            .into(),
            categories: vec![tandem_store::Category {
                slug: "crime".into(),
                name: "Crime".into(),
                reference: "crime".into(),
                threshold_severity: 4,
                keywords: String::new(),
            }],
            tree: Default::default(),
            engine: Default::default(),
            sms: Default::default(),
        };
        let keys = Keyring::generate("t");
        let org = OrgId::new();
        let sealer = Sealer { keys: &keys, org: &org };
        let morning = Utc.with_ymd_and_hms(2026, 11, 23, 2, 50, 0).unwrap();
        let raw = |d: &str| RawReport {
            area: "MR01".into(),
            category: "crime".into(),
            severity: 2,
            occurred_at: d.into(),
            description: "x".into(),
            reporter_contact: None,
        };
        let today = parse(&cfg, &raw("2026-11-23"), Channel::Intake, None, morning, sealer).unwrap();
        assert_eq!(today.occurred_at, morning, "today's noon is ahead at 02:50: now");
        let tomorrow = parse(&cfg, &raw("2026-11-24"), Channel::Intake, None, morning, sealer).unwrap();
        assert_eq!(tomorrow.occurred_at, morning, "already tomorrow east of UTC");
        assert_eq!(
            parse(&cfg, &raw("2026-11-25"), Channel::Intake, None, morning, sealer).unwrap_err().field,
            "occurred_at"
        );
        let yesterday = parse(&cfg, &raw("2026-11-22"), Channel::Intake, None, morning, sealer).unwrap();
        assert_eq!(yesterday.occurred_at, Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap());
        assert!(
            parse(&cfg, &raw("2026-11-23T09:00:00Z"), Channel::Intake, None, morning, sealer).is_err(),
            "an exact time ahead stays refused"
        );
        for ancient in ["0001-01-01", "1899-12-31T23:00:00Z"] {
            let e = parse(&cfg, &raw(ancient), Channel::Intake, None, morning, sealer).unwrap_err();
            assert_eq!((e.field, e.message.as_str()), ("occurred_at", "is before 1900"), "{ancient}");
        }
        assert!(parse(&cfg, &raw("1900-01-01"), Channel::Intake, None, morning, sealer).is_ok());
    }
}
