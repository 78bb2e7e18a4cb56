//! Survey responses from a KoboToolbox or ODK Central CSV export: comma or semicolon separated
//! (Kobo's default export uses semicolons), a byte-order mark allowed, group-prefixed column
//! names (`group_a/gender`, or ODK Central's `group_a-gender`) found by their last part. The
//! whole file is checked before anything is kept: one bad cell refuses it, naming its line (1
//! is the header row) and its column as the file calls it.
use std::collections::HashSet;

use tandem_domain::survey::{DesignRole, FileFault};
use tandem_domain::{InvalidInput, Problem};
use tandem_store::{NewSurveyResponse, Survey};

/// A file holds at most this many responses: a national perception survey, many times over.
pub const MAX_ROWS: usize = 200_000;
/// Columns a file may have (a long Kobo form, its multiple choices spread over columns, fits),
/// and how long a column's name may be.
pub const MAX_COLUMNS: usize = 2_000;
pub const MAX_COLUMN_NAME: usize = 300;
pub use tandem_domain::survey::MAX_WEIGHT;

/// The columns that carry a submission's own key, as the tools name them: a response with one
/// is imported once however often its export is.
const KEY_COLUMNS: [&str; 5] = ["_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY"];

/// What went wrong, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub line: u64,
    pub column: Option<String>,
    pub fault: FileFault,
}

impl FileError {
    fn at(line: u64, column: Option<&str>, fault: FileFault) -> Self {
        FileError { line, column: column.map(str::to_owned), fault }
    }

    fn describe(&self) -> String {
        use FileFault as F;
        let role = |r: DesignRole| r.as_str();
        match self.fault {
            F::Unreadable => "is not a CSV file in UTF-8".into(),
            F::NoRows => "has a header row and no responses".into(),
            F::BlankHeader => "has no name".into(),
            F::HeaderTwice => "appears twice in the header".into(),
            F::NoColumn(r) => format!("the survey's {} column is not in the file", role(r)),
            F::AmbiguousColumn(r) => format!("several columns could be the survey's {} column", role(r)),
            F::Ragged => "this row does not have as many cells as the header".into(),
            F::BadWeight => "a weight must be a positive number, at most 1,000,000,000".into(),
            F::WideHeader => format!(
                "a file has at most {MAX_COLUMNS} columns, each name at most {MAX_COLUMN_NAME} characters"
            ),
            F::BlankDesign(r) => format!("every response needs its {}", role(r)),
            F::KeyTwice => "this submission appears twice in the file".into(),
            F::TooMany => format!("a file holds at most {MAX_ROWS} responses"),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "line {}, column {c}: {}", self.line, self.describe()),
            None => write!(f, "line {}: {}", self.line, self.describe()),
        }
    }
}

impl From<FileError> for InvalidInput {
    fn from(e: FileError) -> Self {
        InvalidInput::new("file", format!("{e}; nothing was imported"))
            .because(Problem::InFile { line: e.line, fault: e.fault })
    }
}

/// The file's columns and its responses, ready to store.
#[derive(Debug)]
pub struct Parsed {
    pub columns: Vec<String>,
    pub rows: Vec<NewSurveyResponse>,
}

/// Where a column of the survey is among `columns`: its exact name first, then (for exports
/// that prefix a group) the one column whose last part is that name. `Err(true)` when several
/// are, `Err(false)` when none is.
pub fn find_column(columns: &[String], name: &str) -> Result<usize, bool> {
    let name = name.trim();
    if let Some(i) = columns.iter().position(|c| c == name) {
        return Ok(i);
    }
    if let Some(i) = columns.iter().position(|c| c.eq_ignore_ascii_case(name)) {
        return Ok(i);
    }
    let last = |c: &str, sep: char| c.rsplit(sep).next().unwrap_or(c).to_owned();
    for sep in ['/', '-'] {
        let hits: Vec<usize> =
            (0..columns.len()).filter(|&i| last(&columns[i], sep).eq_ignore_ascii_case(name)).collect();
        match hits.len() {
            0 => continue,
            1 => return Ok(hits[0]),
            _ => return Err(true),
        }
    }
    Err(false)
}

/// Semicolons when the header row has more of them than commas (outside quotes), else commas.
fn delimiter(data: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for &b in data.iter().take_while(|&&b| b != b'\n') {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

/// A weight as written: a dot or (in a semicolon file, as spreadsheets in many languages write
/// it) a comma before the decimals.
fn weight(cell: &str, semicolons: bool) -> Option<f64> {
    let cell = cell.trim();
    let text = if semicolons { cell.replace(',', ".") } else { cell.to_owned() };
    text.parse::<f64>().ok().filter(|w| w.is_finite() && *w > 0.0 && *w <= MAX_WEIGHT)
}

pub fn parse(data: &[u8], survey: &Survey) -> Result<Parsed, FileError> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(data);
    if data.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::at(1, None, FileFault::NoRows));
    }
    let delim = delimiter(data);
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delim).from_reader(data);
    let mut records = rdr.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => return Err(FileError::at(1, None, FileFault::Unreadable)),
    };
    let columns: Vec<String> = header.iter().map(|c| c.trim().to_owned()).collect();
    if columns.len() > MAX_COLUMNS {
        return Err(FileError::at(1, None, FileFault::WideHeader));
    }
    if let Some(long) = columns.iter().position(|c| c.chars().count() > MAX_COLUMN_NAME) {
        return Err(FileError::at(1, Some(&format!("{}", long + 1)), FileFault::WideHeader));
    }
    let mut seen = HashSet::new();
    for (i, c) in columns.iter().enumerate() {
        if c.is_empty() {
            return Err(FileError::at(1, Some(&format!("{}", i + 1)), FileFault::BlankHeader));
        }
        if !seen.insert(c.as_str()) {
            return Err(FileError::at(1, Some(c), FileFault::HeaderTwice));
        }
    }
    let design = |name: Option<&String>, role| -> Result<Option<usize>, FileError> {
        let Some(name) = name else { return Ok(None) };
        match find_column(&columns, name) {
            Ok(i) => Ok(Some(i)),
            Err(many) => Err(FileError::at(
                1,
                Some(name),
                if many { FileFault::AmbiguousColumn(role) } else { FileFault::NoColumn(role) },
            )),
        }
    };
    let w = design(Some(&survey.weight), DesignRole::Weight)?.unwrap_or_default();
    let strata = design(survey.strata.as_ref(), DesignRole::Strata)?;
    let cluster = design(survey.cluster.as_ref(), DesignRole::Cluster)?;
    let key = KEY_COLUMNS.iter().find_map(|k| columns.iter().position(|c| c.eq_ignore_ascii_case(k)));

    let mut rows = vec![];
    let mut keys = HashSet::new();
    for (n, record) in records.enumerate() {
        let line = n as u64 + 2;
        let record = record.map_err(|_| FileError::at(line, None, FileFault::Unreadable))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // a trailing blank line
        }
        if record.len() != columns.len() {
            return Err(FileError::at(line, None, FileFault::Ragged));
        }
        if rows.len() == MAX_ROWS {
            return Err(FileError::at(line, None, FileFault::TooMany));
        }
        if weight(&record[w], delim == b';').is_none() {
            return Err(FileError::at(line, Some(&columns[w]), FileFault::BadWeight));
        }
        for (col, role) in [(strata, DesignRole::Strata), (cluster, DesignRole::Cluster)] {
            if let Some(i) = col.filter(|&i| record[i].trim().is_empty()) {
                return Err(FileError::at(line, Some(&columns[i]), FileFault::BlankDesign(role)));
            }
        }
        let submission = key.map(|i| record[i].trim().to_owned()).filter(|k| !k.is_empty());
        if let Some(k) = &submission {
            if !keys.insert(k.clone()) {
                return Err(FileError::at(
                    line,
                    Some(&columns[key.unwrap_or_default()]),
                    FileFault::KeyTwice,
                ));
            }
        }
        let mut answers: Vec<(String, String)> = columns
            .iter()
            .zip(record.iter())
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(c, v)| (c.clone(), v.trim().to_owned()))
            .collect();
        // Stored with a dot, so every reader parses the weight the same way.
        if let Some(a) = answers.iter_mut().find(|(c, _)| *c == columns[w]) {
            a.1 = weight(&a.1, delim == b';').unwrap_or_default().to_string();
        }
        rows.push(NewSurveyResponse { submission, answers });
    }
    if rows.is_empty() {
        return Err(FileError::at(2, None, FileFault::NoRows));
    }
    Ok(Parsed { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey(strata: Option<&str>, cluster: Option<&str>) -> Survey {
        Survey {
            id: "s".into(),
            org_id: "o".into(),
            title: "t".into(),
            weight: "weight".into(),
            strata: strata.map(Into::into),
            cluster: cluster.map(Into::into),
            fielded_on: None,
            columns: vec![],
            questionnaire: None,
            responses: 0,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn a_kobo_export_with_semicolons_groups_and_a_bom() {
        let file = "\u{feff}start;group_a/gender;group_a/district;village;trust;weight;_uuid\n\
                    2026-03-01;female;north;v1;yes;1,5;u1\n\
                    2026-03-01;male;north;v1;\"no; not really\";2;u2\n\n";
        let p = parse(file.as_bytes(), &survey(Some("district"), Some("village"))).unwrap();
        assert_eq!(p.columns[1], "group_a/gender");
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].submission.as_deref(), Some("u1"));
        assert!(p.rows[0].answers.contains(&("weight".into(), "1.5".into())), "{:?}", p.rows[0]);
        assert!(p.rows[1].answers.contains(&("trust".into(), "no; not really".into())));
    }

    #[test]
    fn an_odk_central_export_with_dashes() {
        let file = "SubmissionDate,grp-gender,grp-cluster,w,meta-instanceID,KEY\n\
                    2026-03-01,female,c1,1,uuid:1,uuid:1\n";
        let mut s = survey(None, Some("cluster"));
        s.weight = "w".into();
        let p = parse(file.as_bytes(), &s).unwrap();
        assert_eq!(p.rows[0].submission.as_deref(), Some("uuid:1"));
    }

    #[test]
    fn every_refusal_names_its_line_and_column() {
        let s = survey(Some("district"), Some("village"));
        let cases = [
            ("weight,district\n1,a\n", 1, Some("village"), FileFault::NoColumn(DesignRole::Cluster)),
            (
                "weight,a/village,b/village,district\n1,x,y,z\n",
                1,
                Some("village"),
                FileFault::AmbiguousColumn(DesignRole::Cluster),
            ),
            ("weight,district,village\n1,a,v\n0,a,v\n", 3, Some("weight"), FileFault::BadWeight),
            ("weight,district,village\n1,a,v\nheavy,a,v\n", 3, Some("weight"), FileFault::BadWeight),
            (
                "weight,district,village\n1,,v\n",
                2,
                Some("district"),
                FileFault::BlankDesign(DesignRole::Strata),
            ),
            ("weight,district,village\n1,a\n", 2, None, FileFault::Ragged),
            ("weight,district,village,district\n1,a,v,b\n", 1, Some("district"), FileFault::HeaderTwice),
            ("weight,,village,district\n1,a,v,b\n", 1, Some("2"), FileFault::BlankHeader),
            ("weight,district,village\n", 2, None, FileFault::NoRows),
            ("weight,district,village,_uuid\n1,a,v,k\n1,a,v,k\n", 3, Some("_uuid"), FileFault::KeyTwice),
        ];
        for (file, line, column, fault) in cases {
            let e = parse(file.as_bytes(), &s).unwrap_err();
            assert_eq!((e.line, e.column.as_deref(), e.fault), (line, column, fault), "{file}");
        }
        let e = parse(b"\xff\xfe\x00", &s).unwrap_err();
        assert_eq!(e.fault, FileFault::Unreadable);
        let msg =
            InvalidInput::from(parse(b"weight,district,village\n1,a,v\n-2,a,v\n", &s).unwrap_err()).message;
        assert_eq!(msg, "line 3, column weight: a weight must be a positive number, at most 1,000,000,000; nothing was imported");
        let huge = parse(b"weight,district,village\n1e308,a,v\n", &s).unwrap_err();
        assert_eq!((huge.line, huge.fault), (2, FileFault::BadWeight), "sums would overflow");
        assert_eq!(parse(b"", &s).unwrap_err().fault, FileFault::NoRows);
        let wide = format!(
            "weight,district,village,{}\n1,a,v,{}\n",
            (0..MAX_COLUMNS).map(|i| format!("q{i}")).collect::<Vec<_>>().join(","),
            vec!["x"; MAX_COLUMNS].join(",")
        );
        assert_eq!(parse(wide.as_bytes(), &s).unwrap_err().fault, FileFault::WideHeader);
        let long = format!("weight,district,village,{}\n1,a,v,x\n", "q".repeat(MAX_COLUMN_NAME + 1));
        assert_eq!(
            parse(long.as_bytes(), &s).unwrap_err(),
            FileError::at(1, Some("4"), FileFault::WideHeader)
        );
    }

    #[test]
    fn a_name_finds_its_group_prefixed_column() {
        let cols: Vec<String> = ["group_a/gender", "Age", "g-b-trust", "x/trust"].map(String::from).into();
        assert_eq!(find_column(&cols, "gender"), Ok(0));
        assert_eq!(find_column(&cols, "age"), Ok(1));
        assert_eq!(find_column(&cols, "group_a/gender"), Ok(0));
        assert_eq!(find_column(&cols, "trust"), Ok(3), "the slash is Kobo's separator and wins");
        assert_eq!(find_column(&cols, "colour"), Err(false));
    }
}
