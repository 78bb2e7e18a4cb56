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

pub fn parse_events(
    data: &[u8],
    format: EventFormat,
    cfg: &EwConfig,
    now: DateTime<Utc>,
) -> Result<Imported, CsvError> {
    let err =
        |line: u64, column: &str, message: String| CsvError { line, column: column.to_owned(), message };
    let matcher = tandem_domain::area_match::AreaMatcher::new(
        cfg.areas.values().map(|a| (a.code.as_str(), a.name.as_str(), a.parent_code.as_deref())),
    );
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let headers = rdr.headers().map_err(|e| err(1, "-", format!("not valid CSV: {e}")))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (date_c, type_c, a1_c, a2_c, fat_c, notes_c) = match format {
        EventFormat::Acled => ("event_date", "event_type", "admin1", "admin2", "fatalities", "notes"),
        EventFormat::Ucdp => {
            ("date_start", "type_of_violence", "adm_1", "adm_2", "best", "where_description")
        }
    };
    let required = [date_c, type_c, a1_c, fat_c];
    for r in required {
        if col(r).is_none() {
            return Err(err(1, r, "this column is missing from the header".into()));
        }
    }
    let (date_i, type_i, a1_i, fat_i) =
        (col(date_c).unwrap_or(0), col(type_c).unwrap_or(0), col(a1_c).unwrap_or(0), col(fat_c).unwrap_or(0));
    let pcode_c = if col("admin2_pcode").is_some() { "admin2_pcode" } else { "admin1_pcode" };
    let (a2_i, notes_i, pcode_i) = (col(a2_c), col(notes_c), col(pcode_c));
    let mut out = Imported { reports: Vec::new(), skipped: 0 };
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            err(e.position().map(|p| p.line()).unwrap_or(0), "-", format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let category = match format {
            EventFormat::Acled => match acled_category(get(type_i)) {
                Ok(Some(c)) => c,
                Ok(None) => {
                    out.skipped += 1;
                    continue;
                }
                Err(()) => return Err(err(line, type_c, format!("unknown event type {:?}", get(type_i)))),
            },
            EventFormat::Ucdp => {
                ucdp_category(get(type_i)).map_err(|_| err(line, type_c, "must be 1, 2 or 3".into()))?
            }
        };
        let date = parse_date(get(date_i))
            .ok_or_else(|| err(line, date_c, format!("not a date: {:?}", get(date_i))))?;
        let occurred_at = date
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc())
            .ok_or_else(|| err(line, date_c, "not a date".into()))?;
        if occurred_at > now + chrono::Duration::days(1) {
            return Err(err(line, date_c, "is in the future".into()));
        }
        // One rule for every path (tandem_domain::area_match): the P-code, else the name within
        // its parent; an ambiguous name is refused with the areas it could be.
        let (pcode, a1) = (pcode_i.map(&get).unwrap_or(""), get(a1_i));
        let a2 = a2_i.map(&get).unwrap_or("");
        let code = matcher.resolve(pcode, a1, a2).map_err(|e| {
            use tandem_domain::area_match::Unmatched;
            let column = match e {
                Unmatched::UnknownCode(_) => pcode_c,
                _ if a2.is_empty() => a1_c,
                _ => a2_c,
            };
            err(line, column, e.to_string())
        })?;
        let area = PCode::parse(&code).map_err(|e| err(line, pcode_c, e.message))?;
        let fatalities: u32 =
            get(fat_i).parse().map_err(|_| err(line, fat_c, "must be a whole number".into()))?;
        let notes = notes_i.map(&get).unwrap_or("");
        let mut description =
            format!("[{}] {}", get(type_i), if notes.is_empty() { "(no notes)" } else { notes });
        if fatalities > 0 {
            description.push_str(&format!(" — fatalities: {fatalities}"));
        }
        let description: String = description.chars().take(DESCRIPTION_MAX).collect();
        out.reports.push(NewReport {
            id: tandem_domain::OrgId::new().to_string(),
            area,
            category: CategorySlug::parse(category).map_err(|e| err(line, type_c, e.message))?,
            severity: Severity::new(severity_of(fatalities) as i64)
                .map_err(|e| err(line, fat_c, e.message))?,
            occurred_at,
            description,
            channel: Channel::EventData,
            reporter_contact: None,
            created_by: None,
        });
    }
    Ok(out)
}
