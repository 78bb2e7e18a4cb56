//! Event data from outside sources (ACLED- and UCDP GED-style CSV), imported as reports of the
//! importing organisation with channel `event_data`, so the same alert engine sees them as
//! context. The column mapping is documented in docs/event-data.md. Areas are matched by P-code
//! when the file has one, else by name (admin2 first, then admin1), case-insensitively. Rows of
//! event types that describe no violence or tension (ACLED "Strategic developments") are
//! skipped and counted; any other problem stops the import and names line and column.

use chrono::{DateTime, NaiveDate, Utc};
use tandem_domain::area::PCode;
use tandem_domain::report::{CategorySlug, Channel, Severity, DESCRIPTION_MAX};
use tandem_store::NewReport;

use super::config::EwConfig;
use super::csv_import::CsvError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFormat {
    Acled,
    Ucdp,
}

impl std::str::FromStr for EventFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "acled" => Ok(EventFormat::Acled),
            "ucdp" => Ok(EventFormat::Ucdp),
            _ => Err("must be acled or ucdp".into()),
        }
    }
}

/// ACLED event type → category; None: skipped.
fn acled_category(event_type: &str) -> Result<Option<&'static str>, ()> {
    Ok(match event_type.trim().to_ascii_lowercase().as_str() {
        "battles" | "riots" => Some("intercommunal_tension"),
        "violence against civilians" => Some("repression"),
        "explosions/remote violence" => Some("crime"),
        "protests" => Some("service_grievance"),
        "strategic developments" => None,
        _ => return Err(()),
    })
}

/// UCDP type of violence (1 state-based, 2 non-state, 3 one-sided) → category.
fn ucdp_category(type_of_violence: &str) -> Result<&'static str, ()> {
    match type_of_violence.trim() {
        "1" | "3" => Ok("repression"),
        "2" => Ok("intercommunal_tension"),
        _ => Err(()),
    }
}

/// Severity from fatalities: 10 or more critical, any serious, none moderate.
pub fn severity_of(fatalities: u32) -> u8 {
    match fatalities {
        0 => 2,
        1..=9 => 3,
        _ => 4,
    }
}

pub struct Imported {
    pub reports: Vec<NewReport>,
    pub skipped: usize,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"].iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// The columns of an event file, found in its header.
struct Columns {
    names: (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str),
    date: usize,
    kind: usize,
    admin1: usize,
    fatalities: usize,
    admin2: Option<usize>,
    notes: Option<usize>,
    pcode_name: &'static str,
    pcode: Option<usize>,
}

/// Event rows to reports, one at a time, for the whole-file parse and the streaming import alike.
pub struct EventParser {
    format: EventFormat,
    matcher: tandem_domain::area_match::AreaMatcher,
    now: DateTime<Utc>,
    cols: Option<Columns>,
}

fn err(line: u64, column: &str, message: String) -> CsvError {
    CsvError { line, column: column.to_owned(), message }
}

impl EventParser {
    pub fn new(format: EventFormat, cfg: &EwConfig, now: DateTime<Utc>) -> Self {
        let matcher = tandem_domain::area_match::AreaMatcher::new(
            cfg.areas.values().map(|a| (a.code.as_str(), a.name.as_str(), a.parent_code.as_deref())),
        );
        Self { format, matcher, now, cols: None }
    }
}

impl super::stream::RowParser for EventParser {
    fn header(&mut self, headers: &csv::StringRecord) -> Result<(), CsvError> {
        let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let names = match self.format {
            EventFormat::Acled => ("event_date", "event_type", "admin1", "admin2", "fatalities", "notes"),
            EventFormat::Ucdp => {
                ("date_start", "type_of_violence", "adm_1", "adm_2", "best", "where_description")
            }
        };
        let (date_c, type_c, a1_c, a2_c, fat_c, notes_c) = names;
        let need = |c: &str| col(c).ok_or_else(|| err(1, c, "this column is missing from the header".into()));
        let (date, kind, admin1, fatalities) = (need(date_c)?, need(type_c)?, need(a1_c)?, need(fat_c)?);
        let pcode_name = if col("admin2_pcode").is_some() { "admin2_pcode" } else { "admin1_pcode" };
        self.cols = Some(Columns {
            names,
            date,
            kind,
            admin1,
            fatalities,
            admin2: col(a2_c),
            notes: col(notes_c),
            pcode_name,
            pcode: col(pcode_name),
        });
        Ok(())
    }

    fn row(&mut self, rec: &csv::StringRecord, line: u64) -> Result<Option<NewReport>, CsvError> {
        let Some(c) = &self.cols else { return Err(err(1, "-", "the file has no header row".into())) };
        let (date_c, type_c, a1_c, a2_c, fat_c, _) = c.names;
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let category = match self.format {
            EventFormat::Acled => match acled_category(get(c.kind)) {
                Ok(Some(cat)) => cat,
                Ok(None) => return Ok(None),
                Err(()) => return Err(err(line, type_c, format!("unknown event type {:?}", get(c.kind)))),
            },
            EventFormat::Ucdp => {
                ucdp_category(get(c.kind)).map_err(|_| err(line, type_c, "must be 1, 2 or 3".into()))?
            }
        };
        let date = parse_date(get(c.date))
            .ok_or_else(|| err(line, date_c, format!("not a date: {:?}", get(c.date))))?;
        let occurred_at = date
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc())
            .ok_or_else(|| err(line, date_c, "not a date".into()))?;
        if occurred_at > self.now + chrono::Duration::days(1) {
            return Err(err(line, date_c, "is in the future".into()));
        }
        // One rule for every path (tandem_domain::area_match): the P-code, else the name within
        // its parent; an ambiguous name is refused with the areas it could be.
        let (pcode, a1) = (c.pcode.map(get).unwrap_or(""), get(c.admin1));
        let a2 = c.admin2.map(get).unwrap_or("");
        let code = self.matcher.resolve(pcode, a1, a2).map_err(|e| {
            use tandem_domain::area_match::Unmatched;
            let column = match e {
                Unmatched::UnknownCode(_) => c.pcode_name,
                _ if a2.is_empty() => a1_c,
                _ => a2_c,
            };
            err(line, column, e.to_string())
        })?;
        let area = PCode::parse(&code).map_err(|e| err(line, c.pcode_name, e.message))?;
        let fatalities: u32 =
            get(c.fatalities).parse().map_err(|_| err(line, fat_c, "must be a whole number".into()))?;
        let notes = c.notes.map(get).unwrap_or("");
        let mut description =
            format!("[{}] {}", get(c.kind), if notes.is_empty() { "(no notes)" } else { notes });
        if fatalities > 0 {
            description.push_str(&format!(" — fatalities: {fatalities}"));
        }
        let description: String = description.chars().take(DESCRIPTION_MAX).collect();
        Ok(Some(NewReport {
            id: tandem_domain::ids::ordered_id(),
            area,
            category: CategorySlug::parse(category).map_err(|e| err(line, type_c, e.message))?,
            severity: Severity::new(severity_of(fatalities) as i64)
                .map_err(|e| err(line, fat_c, e.message))?,
            occurred_at,
            description,
            channel: Channel::EventData,
            reporter_contact: None,
            created_by: None,
        }))
    }
}

/// The whole file at once (small files, the benchmark's importer path): the same rows as the
/// streaming import.
pub fn parse_events(
    data: &[u8],
    format: EventFormat,
    cfg: &EwConfig,
    now: DateTime<Utc>,
) -> Result<Imported, CsvError> {
    let mut out = Imported { reports: Vec::new(), skipped: 0 };
    super::stream::each_row(data, EventParser::new(format, cfg, now), |row| {
        match row {
            Some(r) => out.reports.push(r),
            None => out.skipped += 1,
        }
        true
    })?;
    Ok(out)
}
