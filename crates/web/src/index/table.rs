//! CSV files with an optional HXL hashtag row (the humanitarian data exchange convention): the
//! first row is a header; a row of hashtags, if present, decides what each column holds. Rows
//! keep their line numbers, so that every error can name the line and the column.
pub use crate::ew::csv_import::CsvError;

pub fn err(line: u64, column: &str, message: impl Into<String>) -> CsvError {
    CsvError { line, column: column.to_owned(), message: message.into() }
}

pub struct Table<K> {
    columns: Vec<Option<K>>,
    names: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Reads `data`; `field_of` maps a header or hashtag (lower-cased, spaces removed) to a column kind.
pub fn read<K: Copy + PartialEq>(
    data: &[u8],
    field_of: impl Fn(&str) -> Option<K>,
) -> Result<Table<K>, CsvError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(data);
    let mut t = Table { columns: vec![], names: vec![], rows: vec![] };
    let (mut header, mut hxl) = (false, false);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            err(e.position().map(|p| p.line()).unwrap_or(0), "-", format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_owned()).collect();
        let is_hxl = cells.iter().any(|c| c.starts_with('#'))
            && cells.iter().all(|c| c.is_empty() || c.starts_with('#'));
        let key = |c: &String| field_of(&c.to_ascii_lowercase().replace(' ', ""));
        if is_hxl && !hxl && t.rows.is_empty() {
            hxl = true;
            t.columns = cells.iter().map(key).collect();
            t.names = cells;
            continue;
        }
        if !header && !hxl {
            header = true;
            t.columns = cells.iter().map(key).collect();
            t.names = cells;
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        t.rows.push((line, cells));
    }
    Ok(t)
}

impl<K: Copy + PartialEq> Table<K> {
    /// The cell of `row` in the column holding `k` ("" when absent).
    pub fn get<'a>(&self, row: &'a [String], k: K) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == Some(k))
            .and_then(|i| row.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
    pub fn has(&self, k: K) -> bool {
        self.columns.contains(&Some(k))
    }
    /// The column's name as the file wrote it, for messages.
    pub fn name(&self, k: K, fallback: &str) -> String {
        self.columns
            .iter()
            .position(|c| *c == Some(k))
            .and_then(|i| self.names.get(i).cloned())
            .unwrap_or_else(|| fallback.to_owned())
    }
    /// Fails on the first data line when a required column is missing from the header.
    pub fn require(&self, needed: &[(K, &str)]) -> Result<(), CsvError> {
        let line = self.rows.first().map(|r| r.0).unwrap_or(1);
        if self.rows.is_empty() {
            return Err(err(1, "-", "the file holds no rows"));
        }
        for (k, label) in needed {
            if !self.has(*k) {
                return Err(err(line, label, "this column is missing from the header"));
            }
        }
        Ok(())
    }
}

/// Splits a hashtag into its base and attributes: `#affected+killed` → ("affected", ["killed"]).
pub fn hashtag(h: &str) -> Option<(&str, Vec<&str>)> {
    let tag = h.strip_prefix('#')?;
    let mut parts = tag.split('+');
    let base = parts.next()?;
    Some((base, parts.collect()))
}
