//! Reports from CSV files, with HXL hashtag rows recognised (`#date`, `#adm1+code`, `#adm2+code`,
//! `#loc+code`, `#category`, `#severity`, `#description`, `#contact`): the de-facto convention of
//! humanitarian data exchange. Plain header names work too (`occurred_at`, `area`, `category`,
//! `severity`, `description`, `reporter_contact`). Every error names its line and column; the
//! import is all-or-nothing, so one bad row writes nothing.
use chrono::{DateTime, Utc};
use tandem_domain::report::Channel;
use tandem_domain::UserId;
use tandem_store::NewReport;

use super::config::EwConfig;
use super::reports::{parse, RawReport, Sealer};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    /// An area code; a more precise level wins when several are present.
    Area(u8),
    Category,
    Severity,
    Description,
    Contact,
}

fn field_of(header: &str) -> Option<Field> {
    let h = header.trim().to_ascii_lowercase();
    let h = h.replace(' ', "");
    if let Some(tag) = h.strip_prefix('#') {
        let mut parts = tag.split('+');
        let base = parts.next().unwrap_or("");
        let attrs: Vec<&str> = parts.collect();
        let code = attrs.contains(&"code");
        return match base {
            "date" => Some(Field::Date),
            "adm1" if code => Some(Field::Area(1)),
            "adm2" if code => Some(Field::Area(2)),
            "adm3" | "loc" if code => Some(Field::Area(3)),
            "category" => Some(Field::Category),
            "severity" => Some(Field::Severity),
            "description" => Some(Field::Description),
            "contact" => Some(Field::Contact),
            _ => None,
        };
    }
    match h.as_str() {
        "date" | "occurred_at" => Some(Field::Date),
        "area" | "area_code" | "pcode" => Some(Field::Area(3)),
        "category" => Some(Field::Category),
        "severity" => Some(Field::Severity),
        "description" => Some(Field::Description),
        "reporter_contact" | "contact" => Some(Field::Contact),
        _ => None,
    }
}

/// A problem at a place in the file. Lines count from 1, as editors show them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct CsvError {
    pub line: u64,
    pub column: String,
    pub message: String,
}

fn err(line: u64, column: &str, message: impl Into<String>) -> CsvError {
    CsvError { line, column: column.to_owned(), message: message.into() }
}

/// Parses the whole file into reports, or the first error.
pub fn parse_reports(
    data: &[u8],
    cfg: &EwConfig,
    by: Option<&UserId>,
    now: DateTime<Utc>,
    sealer: Sealer,
) -> Result<Vec<NewReport>, CsvError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(data);
    let mut columns: Vec<Option<Field>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut header_seen = false;
    let mut hxl_seen = false;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            err(line, "-", format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let is_hxl = rec.iter().any(|c| c.trim().starts_with('#'))
            && rec.iter().all(|c| c.trim().is_empty() || c.trim().starts_with('#'));
        if is_hxl && !hxl_seen {
            // The hashtag row decides the columns, whatever the human header above it said.
            hxl_seen = true;
            columns = rec.iter().map(field_of).collect();
            names = rec.iter().map(|c| c.trim().to_owned()).collect();
            continue;
        }
        if !header_seen && !hxl_seen {
            header_seen = true;
            columns = rec.iter().map(field_of).collect();
            names = rec.iter().map(|c| c.trim().to_owned()).collect();
            continue;
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.is_empty() {
            for (needed, label) in [
                (Field::Date, "#date"),
                (Field::Category, "#category"),
                (Field::Severity, "#severity"),
                (Field::Description, "#description"),
            ] {
                if !columns.contains(&Some(needed)) {
                    return Err(err(line, label, "this column is missing from the header"));
                }
            }
            if !columns.iter().any(|c| matches!(c, Some(Field::Area(_)))) {
                return Err(err(line, "#adm2+code", "an area code column is missing from the header"));
            }
        }
        let mut raw = RawReport::default();
        let mut area_level = 0u8;
        let mut severity_col = String::new();
        let mut area_col = String::new();
        for (i, cell) in rec.iter().enumerate() {
            let Some(Some(f)) = columns.get(i) else { continue };
            let v = cell.trim();
            match f {
                Field::Date => raw.occurred_at = v.to_owned(),
                Field::Area(level) if !v.is_empty() && *level >= area_level => {
                    raw.area = v.to_owned();
                    area_level = *level;
                    area_col = names.get(i).cloned().unwrap_or_default();
                }
                Field::Area(_) => {}
                Field::Category => raw.category = v.to_owned(),
                Field::Severity => {
                    severity_col = names.get(i).cloned().unwrap_or_default();
                    raw.severity = v.parse().map_err(|_| err(line, &severity_col, "must be 1, 2, 3 or 4"))?;
                }
                Field::Description => raw.description = v.to_owned(),
                Field::Contact => raw.reporter_contact = Some(v.to_owned()),
            }
        }
        let report = parse(cfg, &raw, Channel::Csv, by, now, sealer).map_err(|e| {
            let column = match e.field {
                "occurred_at" => column_name(&columns, &names, Field::Date),
                "area" => area_col.clone(),
                "category" => column_name(&columns, &names, Field::Category),
                "severity" => severity_col.clone(),
                "description" => column_name(&columns, &names, Field::Description),
                "reporter_contact" => column_name(&columns, &names, Field::Contact),
                other => other.to_owned(),
            };
            err(line, &column, e.message)
        })?;
        out.push(report);
    }
    if out.is_empty() {
        return Err(err(1, "-", "the file holds no reports"));
    }
    Ok(out)
}

fn column_name(columns: &[Option<Field>], names: &[String], f: Field) -> String {
    columns.iter().position(|c| *c == Some(f)).and_then(|i| names.get(i).cloned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use tandem_domain::alert_engine::{AreaTree, EngineConfig};
    use tandem_domain::area::AreaLevel;
    use tandem_store::{Area, Category};

    fn cfg() -> EwConfig {
        let area = |code: &str, level| Area {
            code: code.into(),
            name: code.into(),
            level,
            parent_code: None,
            geometry: None,
        };
        EwConfig {
            areas: HashMap::from([
                ("MR01".into(), area("MR01", AreaLevel::Admin1)),
                ("MR0101".into(), area("MR0101", AreaLevel::Admin2)),
            ]),
            categories: vec![Category {
                slug: "hate_speech".into(),
                name: "Hate".into(),
                reference: "hate_speech".into(),
                threshold_severity: 4,
                keywords: "HATE".into(),
            }],
            tree: AreaTree::default(),
            engine: EngineConfig::default(),
            sms: Default::default(),
        }
    }

    static KEYS: std::sync::LazyLock<tandem_domain::seal::Keyring> =
        std::sync::LazyLock::new(|| tandem_domain::seal::Keyring::generate("test"));
    static ORG: std::sync::LazyLock<tandem_domain::OrgId> =
        std::sync::LazyLock::new(tandem_domain::OrgId::new);

    fn sealer() -> Sealer<'static> {
        Sealer { keys: &KEYS, org: &ORG }
    }

    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    #[test]
    fn hxl_rows_are_recognised_and_the_finest_area_wins() {
        let csv = "Date,Region,District,Type,Severity,What happened\n\
                   #date,#adm1+code,#adm2+code,#category,#severity,#description\n\
                   2026-03-02,MR01,MR0101,hate_speech,3,\"Fliers, posted overnight\"\n\
                   2026-03-03,MR01,,hate_speech,1,Rumours at the well\n";
        let r = parse_reports(csv.as_bytes(), &cfg(), None, now(), sealer()).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].area.as_str(), r[0].severity.get()), ("MR0101", 3));
        assert_eq!(r[0].description, "Fliers, posted overnight");
        assert_eq!(r[1].area.as_str(), "MR01");
        assert_eq!(r[0].channel, Channel::Csv);
    }

    #[test]
    fn plain_headers_work() {
        let csv = "occurred_at,area,category,severity,description\n2026-03-02T10:00:00Z,mr0101,hate_speech,2,Graffiti\n";
        let r = parse_reports(csv.as_bytes(), &cfg(), None, now(), sealer()).unwrap();
        assert_eq!(r[0].area.as_str(), "MR0101");
    }

    #[test]
    fn errors_name_line_and_column() {
        let head = "#date,#adm2+code,#category,#severity,#description\n";
        let cases = [
            (format!("{head}2026-03-02,MR0101,hate_speech,9,x\n"), 2, "#severity"),
            (format!("{head}2026-03-02,MR0101,hate_speech,four,x\n"), 2, "#severity"),
            (
                format!("{head}2026-03-02,MR0101,hate_speech,2,ok\n2026-03-02,ZZ99,hate_speech,2,x\n"),
                3,
                "#adm2+code",
            ),
            (format!("{head}yesterday,MR0101,hate_speech,2,x\n"), 2, "#date"),
            (format!("{head}2026-03-02,MR0101,weather,2,x\n"), 2, "#category"),
            (format!("{head}2026-03-02,MR0101,hate_speech,2,\n"), 2, "#description"),
            (format!("{head}2999-03-02,MR0101,hate_speech,2,x\n"), 2, "#date"),
            (
                "#date,#adm2+code,#category,#description\n2026-03-02,MR0101,hate_speech,x\n".to_owned(),
                2,
                "#severity",
            ),
            (head.to_owned(), 1, "-"),
        ];
        for (csv, line, column) in cases {
            let e = parse_reports(csv.as_bytes(), &cfg(), None, now(), sealer()).unwrap_err();
            assert_eq!((e.line, e.column.as_str()), (line, column), "{csv}: {e}");
        }
    }
}
