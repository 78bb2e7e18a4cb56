//! Violations from a CSV file: the HXL CSV Tandem exports (so a file moves between two
//! deployments, or out to a spreadsheet and back), or any sheet whose header row uses the API's
//! field names. All-or-nothing: every row is read and checked first, and one bad cell writes
//! nothing; the error names its line and the column as the file calls it.
//!
//! An imported violation is documented, never verified: the second key is turned on this
//! deployment, by a coordinator who did not import it. Victims' names and sources' identities
//! are not read from a file: a spreadsheet cannot say the victims consented.
use std::collections::HashMap;

use chrono::Utc;
use serde_json::json;
use tandem_domain::access::Actor;
use tandem_domain::audit::NewAuditEvent;
use tandem_domain::seal::Keyring;
use tandem_domain::violation::Victims;
use tandem_domain::{InvalidInput, OrgId, Problem, UserId};
use tandem_store::NewViolation;

use super::violations::{parse, ViolationInput};
use crate::app_error::AppError;
use crate::ew::config::EwConfig;
use crate::ew::csv_import::CsvError;
use crate::AppState;

/// A file holds at most this many violations: an observatory's years of work, not a data dump.
pub const MAX_ROWS: usize = 20_000;

/// The fields a column can fill, by the name `parse` reports errors under (and a header row of
/// the API's field names uses), with the HXL hashtags each is known by (attributes in any order;
/// the export's first).
const HASHTAGS: [(&str, &[&str]); 21] = [
    ("occurred_on", &["#date+occurred", "#date"]),
    ("date_precision", &["#meta+date_precision"]),
    ("area", &["#loc+code", "#adm2+code", "#adm1+code"]),
    ("act", &["#event+type+code"]),
    ("institution", &["#org+perpetrator+name"]),
    ("institution_kind", &["#org+perpetrator+type"]),
    ("unit", &["#org+perpetrator+unit"]),
    ("involvement", &["#org+perpetrator+involvement"]),
    ("method", &["#event+method"]),
    ("targeted_org", &["#org+targeted+name"]),
    ("victims_total", &["#affected+total+num", "#affected+num"]),
    ("victims_women", &["#affected+f+adults+num"]),
    ("victims_men", &["#affected+m+adults+num"]),
    ("victims_girls", &["#affected+f+children+num"]),
    ("victims_boys", &["#affected+m+children+num"]),
    ("victims_group", &["#affected+type"]),
    ("victims_status", &["#affected+status"]),
    ("description", &["#description"]),
    ("source_kind", &["#meta+source+type"]),
    ("source_knowledge", &["#meta+source+knowledge"]),
    ("source_reliability", &["#meta+source+reliability"]),
];

/// A hashtag with its attributes sorted and lower-cased, so `#affected+adults+f+num` is
/// `#affected+f+adults+num`.
fn canonical_tag(tag: &str) -> String {
    let tag = tag.trim().to_ascii_lowercase().replace(' ', "");
    let mut parts = tag.split('+');
    let base = parts.next().unwrap_or_default().to_owned();
    let mut attrs: Vec<&str> = parts.filter(|a| !a.is_empty()).collect();
    attrs.sort_unstable();
    attrs.into_iter().fold(base, |acc, a| acc + "+" + a)
}

/// The field a header cell names: a hashtag, an API field name, or the export's human header.
fn field_of(cell: &str) -> Option<&'static str> {
    let cell = cell.trim();
    if cell.starts_with('#') {
        let tag = canonical_tag(cell);
        return HASHTAGS
            .iter()
            .find(|(_, tags)| tags.iter().any(|t| canonical_tag(t) == tag))
            .map(|(f, _)| *f);
    }
    let plain = cell.to_ascii_lowercase().replace(' ', "_");
    let by_name = HASHTAGS.iter().map(|(f, _)| *f).find(|f| *f == plain);
    by_name.or_else(|| {
        super::export::HXL_COLUMNS
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(cell))
            .and_then(|(_, tag)| field_of(tag))
    })
}

fn word<T: std::str::FromStr<Err = InvalidInput>>(raw: Option<String>) -> Result<Option<T>, InvalidInput> {
    raw.map(|w| w.parse()).transpose()
}

fn err(line: u64, column: &str, message: impl Into<String>) -> CsvError {
    CsvError { line, column: column.to_owned(), message: message.into() }
}

/// Every row of the file as a violation for `org`, or the first error by line and column.
/// Areas and act kinds are checked against `cfg` and `acts` here, so that the error can say
/// where: the store would only say that one row somewhere was wrong.
pub fn parse_violations(
    data: &[u8],
    cfg: &EwConfig,
    acts: &[String],
    org: &OrgId,
    by: Option<&UserId>,
    keys: &Keyring,
) -> Result<Vec<NewViolation>, CsvError> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    // KoboToolbox and spreadsheets in French or Arabic locales write semicolons: the header
    // line says which.
    let first = data.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(data);
    // Lines as an editor numbers them, blank lines included (the reader skips those uncounted).
    // A record's position is where the reader began looking for it, before any blank lines.
    let line_at = |byte: u64| {
        let from = (byte as usize).min(data.len());
        let start = from + data[from..].iter().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        1 + data[..start].iter().filter(|b| **b == b'\n').count() as u64
    };
    // field → (column index, the column's name in the file).
    let mut columns: HashMap<&'static str, (usize, String)> = HashMap::new();
    let mut names_seen = false;
    let mut hxl_seen = false;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
            err(line, "-", format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map(|p| line_at(p.byte())).unwrap_or(0);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let is_hxl = rec.iter().any(|c| c.trim().starts_with('#'))
            && rec.iter().all(|c| c.trim().is_empty() || c.trim().starts_with('#'));
        if (is_hxl && !hxl_seen) || !names_seen {
            // A hashtag row decides the columns, whatever the human header above it said.
            columns = rec
                .iter()
                .enumerate()
                .filter_map(|(i, c)| field_of(c).map(|f| (f, (i, c.trim().to_owned()))))
                .collect();
            hxl_seen |= is_hxl;
            names_seen = true;
            continue;
        }
        if out.is_empty() {
            for needed in ["occurred_on", "area", "act", "institution", "victims_total", "description"] {
                if !columns.contains_key(needed) {
                    let tag =
                        HASHTAGS.iter().find(|(f, _)| *f == needed).map(|(_, t)| t[0]).unwrap_or(needed);
                    return Err(err(line, tag, "this column is missing from the header"));
                }
            }
        }
        if out.len() == MAX_ROWS {
            return Err(err(line, "-", format!("a file holds at most {MAX_ROWS} violations; split it")));
        }
        let cell = |f: &str| -> Option<String> {
            let (i, _) = columns.get(f)?;
            Some(rec.get(*i).unwrap_or_default().trim().to_owned()).filter(|s| !s.is_empty())
        };
        let column = |f: &str| columns.get(f).map(|(_, name)| name.clone()).unwrap_or_else(|| f.to_owned());
        let at = |e: InvalidInput| {
            // Errors about the victims as a whole belong to the total's column.
            let field = if e.field == "victims" { "victims_total" } else { e.field };
            err(line, &column(field), e.message)
        };
        let count = |f: &'static str| -> Result<Option<u32>, CsvError> {
            cell(f)
                .map(|n| {
                    n.parse::<u32>().map_err(|_| {
                        at(InvalidInput::new(f, "must be a whole number")
                            .because(Problem::Range { min: 0, max: Victims::MAX as i64 }))
                    })
                })
                .transpose()
        };
        let victims = Victims {
            total: count("victims_total")?.unwrap_or(0),
            women: count("victims_women")?,
            men: count("victims_men")?,
            girls: count("victims_girls")?,
            boys: count("victims_boys")?,
            group: word(cell("victims_group")).map_err(at)?.unwrap_or_default(),
            status: word(cell("victims_status")).map_err(at)?,
        };
        let input = ViolationInput {
            area: cell("area").unwrap_or_default(),
            occurred_on: cell("occurred_on").unwrap_or_default(),
            date_precision: cell("date_precision"),
            act: cell("act").unwrap_or_default(),
            institution: cell("institution").unwrap_or_default(),
            institution_kind: cell("institution_kind"),
            unit: cell("unit"),
            victims,
            description: cell("description").unwrap_or_default(),
            source_kind: cell("source_kind"),
            source_knowledge: cell("source_knowledge"),
            source_reliability: cell("source_reliability"),
            targeted_org: cell("targeted_org"),
            involvement: cell("involvement"),
            method: cell("method"),
            ..Default::default()
        };
        let v = parse(&input, org, by, keys).map_err(at)?;
        if !cfg.areas.contains_key(v.area.as_str()) {
            return Err(err(line, &column("area"), format!("{} is not a known area", v.area.as_str())));
        }
        if !acts.iter().any(|a| a == v.act.as_str()) {
            return Err(err(line, &column("act"), format!("{} is not a known act kind", v.act.as_str())));
        }
        out.push(v);
    }
    if out.is_empty() {
        return Err(err(1, "-", "the file holds no violations"));
    }
    Ok(out)
}

/// Imports a file for the actor's organisation: documented by the actor, so that the second
/// key is someone else's. The error is a 422 naming the line and column.
pub async fn import(state: &AppState, actor: &Actor, data: &[u8]) -> Result<usize, AppError> {
    let cfg = state.ew_config.get(state.store.as_ref()).await?;
    let acts: Vec<String> = state.store.act_kinds().await?.into_iter().map(|k| k.slug).collect();
    let list = parse_violations(data, &cfg, &acts, &actor.org_id, Some(&actor.user_id), &state.keys)
        .map_err(|e| InvalidInput::new("file", format!("{e}; nothing was imported")))?;
    let ev = NewAuditEvent::new("violations.import")
        .org(&actor.org_id)
        .actor(&actor.user_id)
        .detail(json!({ "count": list.len(), "at": Utc::now() }));
    Ok(state.store.create_violations(&actor.org_id, &list, ev).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_domain::area::AreaLevel;
    use tandem_domain::violation::{Involvement, VictimGroup, VictimsState};
    use tandem_store::Area;

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
            categories: vec![],
            tree: Default::default(),
            engine: Default::default(),
            sms: Default::default(),
        }
    }

    fn run(csv: &str) -> Result<Vec<NewViolation>, CsvError> {
        let keys = Keyring::generate("t");
        let acts = vec!["arbitrary_arrest".to_owned(), "excessive_force".to_owned()];
        parse_violations(csv.as_bytes(), &cfg(), &acts, &OrgId::new(), None, &keys)
    }

    const HXL: &str = "Date,Area code,Act,Institution,Victims,Girls,Group,After,Involvement,Description\n\
        #date+occurred,#loc+code,#event+type+code,#org+perpetrator+name,#affected+total+num,#affected+children+f+num,#affected+type,#affected+status,#org+perpetrator+involvement,#description\n\
        2026-03-04,MR0101,arbitrary_arrest,Kumba Central Police Station,3,1,family,still_detained,ordered,Held without charge\n\
        \n\
        2026-03-05,MR01,excessive_force,Brigade 4,12,,community,injured,,Tear gas in the market\n";

    #[test]
    fn reads_the_export_and_plain_headers() {
        let got = run(HXL).unwrap();
        assert_eq!(got.len(), 2);
        let a = &got[0];
        assert_eq!((a.victims.total, a.victims.girls, a.victims.group), (3, Some(1), VictimGroup::Family));
        assert_eq!(
            (a.victims.status, a.involvement),
            (Some(VictimsState::StillDetained), Involvement::Ordered)
        );
        assert_eq!((a.documented_by.clone(), a.victim_names.clone()), (None, None));
        assert_eq!(got[1].involvement, Involvement::Perpetrator, "the default");
        let plain = "occurred_on;area;act;institution;victims_total;description\n\
            2026-03-04;MR0101;arbitrary_arrest;Kumba Central Police Station;2;Two traders held";
        assert_eq!(run(plain).unwrap()[0].victims.total, 2, "semicolons, as Kobo writes them");
        let plain = plain.replace(';', ",");
        assert_eq!(run(&plain).unwrap()[0].victims.total, 2);
        let e = run("occurred_on,area\n2026-03-04,MR0101\n").unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (2, "#event+type+code"), "a missing column, by its hashtag");
        let human = "Date,Area code,Act,Institution,Victims,Description\n\
            2026-03-04,MR0101,arbitrary_arrest,Kumba Central Police Station,2,Two traders held";
        assert_eq!(run(human).unwrap()[0].area.as_str(), "MR0101", "the export's own header row");
    }

    #[test]
    fn an_error_names_its_line_and_column() {
        let with = |find: &str, put: &str| run(&HXL.replacen(find, put, 1)).unwrap_err();
        let e = with("MR01,excessive", "MR99,excessive");
        assert_eq!((e.line, e.column.as_str()), (5, "#loc+code"), "{e}");
        let e = with("arbitrary_arrest,Kumba", "beating,Kumba");
        assert_eq!((e.line, e.column.as_str()), (3, "#event+type+code"), "{e}");
        let e = with(",3,1,", ",1,3,");
        assert_eq!((e.line, e.column.as_str()), (3, "#affected+total+num"), "parts beyond the total: {e}");
        let e = with(",12,", ",twelve,");
        assert_eq!((e.line, e.column.as_str()), (5, "#affected+total+num"));
        let e = with("still_detained", "fine");
        assert_eq!(e.column, "#affected+status");
        let e = with("2026-03-05", "05/03/2026");
        assert_eq!((e.line, e.column.as_str()), (5, "#date+occurred"));
        let e = with(",ordered,", ",bystander,");
        assert_eq!(e.column, "#org+perpetrator+involvement");
        let e = run("Date,Area code\n#date,#loc+code\n2026-03-04,MR0101\n").unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (3, "#event+type+code"), "a missing column: {e}");
        assert!(run("#date,#loc+code\n").unwrap_err().message.contains("no violations"));
    }
}
