//! Reading the index's inputs: indicator values and scorecard answers per (country, year), and
//! incident events aggregated per country and year, from CSV with HXL hashtags; countries from
//! GeoJSON. All-or-nothing: every error names the line (or feature) and the column (or property).
use std::collections::{BTreeMap, HashSet};

use serde_json::Value;
use tandem_domain::index::compute::{Commitment, DataPoint, IncidentRow, ScorecardEntry};
use tandem_domain::index::gti::IncidentYear;
use tandem_domain::index::Iso3;
use tandem_domain::text;
use tandem_store::IndexCountry;

use super::table::{err, hashtag, read, CsvError, Table};
use crate::ew::geojson_import::{polygons, GeoJsonError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Country,
    Year,
    Date,
    Indicator,
    Item,
    Value,
    Status,
    Evidence,
    Source,
    Note,
    Killed,
    Injured,
    Damage,
}

fn col_of(h: &str) -> Option<Col> {
    if let Some((base, attrs)) = hashtag(h) {
        let has = |a: &str| attrs.contains(&a);
        return match base {
            "country" if !has("name") => Some(Col::Country),
            "date" if has("year") => Some(Col::Year),
            "date" => Some(Col::Date),
            "indicator" if has("value") || has("num") => Some(Col::Value),
            "indicator" => Some(Col::Indicator),
            "item" => Some(Col::Item),
            "value" => Some(Col::Value),
            "status" => Some(Col::Status),
            "meta" if has("url") => Some(Col::Evidence),
            "meta" if has("source") => Some(Col::Source),
            "meta" if has("note") || has("description") => Some(Col::Note),
            "affected" if has("killed") => Some(Col::Killed),
            "affected" if has("injured") => Some(Col::Injured),
            "impact" | "damage" => Some(Col::Damage),
            _ => None,
        };
    }
    match h {
        "country" | "iso3" | "country_code" => Some(Col::Country),
        "year" => Some(Col::Year),
        "date" | "event_date" => Some(Col::Date),
        "indicator" => Some(Col::Indicator),
        "item" => Some(Col::Item),
        "value" => Some(Col::Value),
        "status" => Some(Col::Status),
        "evidence" | "url" | "urls" => Some(Col::Evidence),
        "source" => Some(Col::Source),
        "note" | "notes" => Some(Col::Note),
        "fatalities" | "killed" => Some(Col::Killed),
        "injuries" | "injured" | "wounded" => Some(Col::Injured),
        "property_damage" | "damage" => Some(Col::Damage),
        _ => None,
    }
}

fn country(t: &Table<Col>, line: u64, row: &[String], known: &HashSet<String>) -> Result<String, CsvError> {
    let col = t.name(Col::Country, "#country+code");
    let iso = Iso3::parse(t.get(row, Col::Country)).map_err(|e| err(line, &col, e.message))?;
    if !known.contains(iso.as_str()) {
        return Err(err(
            line,
            &col,
            format!("unknown country {iso}: import it first (tandem index import-countries)"),
        ));
    }
    Ok(iso.as_str().to_owned())
}

fn year(t: &Table<Col>, line: u64, raw: &str, col: Col, label: &str) -> Result<i32, CsvError> {
    let col = t.name(col, label);
    // A year, or a date whose year is taken (2025-03-14, 14/03/2025).
    // `get`, not slicing: a multi-byte character must not make the import panic.
    let digits: &str = if raw.len() == 4 {
        raw
    } else if raw.len() >= 10 && raw.as_bytes()[4] == b'-' {
        raw.get(..4).unwrap_or("")
    } else if raw.len() == 10 && raw.as_bytes()[2] == b'/' {
        raw.get(6..).unwrap_or("")
    } else {
        ""
    };
    match digits.parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ => Err(err(line, &col, format!("{raw:?} is not a year (or a date such as 2025-03-14)"))),
    }
}

fn id(t: &Table<Col>, line: u64, row: &[String], c: Col, label: &str) -> Result<String, CsvError> {
    let v = t.get(row, c).to_ascii_lowercase();
    if (1..=40).contains(&v.len())
        && v.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
    {
        Ok(v)
    } else {
        Err(err(line, &t.name(c, label), "must be an id of lower-case letters, digits and '_'"))
    }
}

fn free_text(t: &Table<Col>, line: u64, row: &[String], c: Col, label: &str) -> Result<String, CsvError> {
    let v = t.get(row, c);
    if v.is_empty() {
        return Ok(String::new());
    }
    text::bounded("text", v, 1, 500).map_err(|e| err(line, &t.name(c, label), e.message))
}

/// Indicator values: country, year, indicator, value, and optionally source and note.
pub fn values(data: &[u8], known: &HashSet<String>) -> Result<Vec<DataPoint>, CsvError> {
    let t = read(data, col_of)?;
    t.require(&[
        (Col::Country, "#country+code"),
        (Col::Indicator, "#indicator+code"),
        (Col::Value, "#indicator+value"),
    ])?;
    if !t.has(Col::Year) && !t.has(Col::Date) {
        return Err(err(t.rows[0].0, "#date+year", "this column is missing from the header"));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, row) in &t.rows {
        let line = *line;
        let iso3 = country(&t, line, row, known)?;
        let y = if t.has(Col::Year) {
            year(&t, line, t.get(row, Col::Year), Col::Year, "#date+year")?
        } else {
            year(&t, line, t.get(row, Col::Date), Col::Date, "#date")?
        };
        let indicator = id(&t, line, row, Col::Indicator, "#indicator+code")?;
        let raw = t.get(row, Col::Value);
        let value: f64 =
            raw.replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite()).ok_or_else(|| {
                err(line, &t.name(Col::Value, "#indicator+value"), format!("{raw:?} is not a number"))
            })?;
        if !seen.insert((indicator.clone(), iso3.clone(), y)) {
            return Err(err(
                line,
                &t.name(Col::Indicator, "#indicator+code"),
                format!("{indicator} for {iso3} in {y} appears twice"),
            ));
        }
        out.push(DataPoint {
            indicator,
            iso3,
            year: y,
            value,
            source: free_text(&t, line, row, Col::Source, "#meta+source")?,
            note: free_text(&t, line, row, Col::Note, "#meta+note")?,
        });
    }
    Ok(out)
}

/// Scorecard answers: country, year, item, status (yes, partial, no), evidence links, note.
pub fn scorecard(data: &[u8], known: &HashSet<String>) -> Result<Vec<ScorecardEntry>, CsvError> {
    let t = read(data, col_of)?;
    t.require(&[
        (Col::Country, "#country+code"),
        (Col::Year, "#date+year"),
        (Col::Item, "#item+code"),
        (Col::Status, "#status"),
    ])?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, row) in &t.rows {
        let line = *line;
        let iso3 = country(&t, line, row, known)?;
        let y = year(&t, line, t.get(row, Col::Year), Col::Year, "#date+year")?;
        let item = id(&t, line, row, Col::Item, "#item+code")?;
        let status = Commitment::parse(t.get(row, Col::Status))
            .ok_or_else(|| err(line, &t.name(Col::Status, "#status"), "must be yes, partial or no"))?;
        let evidence: Vec<String> = t
            .get(row, Col::Evidence)
            .split([' ', ';', '|'])
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if let Some(bad) = evidence
            .iter()
            .find(|u| !(u.starts_with("https://") || u.starts_with("http://")) || u.len() > 500)
        {
            return Err(err(
                line,
                &t.name(Col::Evidence, "#meta+url"),
                format!("{bad:?} is not a web link (http:// or https://)"),
            ));
        }
        if status != Commitment::No && evidence.is_empty() {
            return Err(err(
                line,
                &t.name(Col::Evidence, "#meta+url"),
                "a yes or partial answer needs at least one evidence link",
            ));
        }
        if !seen.insert((item.clone(), iso3.clone(), y)) {
            return Err(err(
                line,
                &t.name(Col::Item, "#item+code"),
                format!("{item} for {iso3} in {y} appears twice"),
            ));
        }
        out.push(ScorecardEntry {
            item,
            iso3,
            year: y,
            status,
            evidence,
            note: free_text(&t, line, row, Col::Note, "#meta+note")?,
        });
    }
    Ok(out)
}

/// The property-damage score of an event: 0–3, or none/unknown, minor, major, catastrophic.
fn damage(raw: &str) -> Option<u32> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "none" | "unknown" => Some(0),
        "1" | "minor" => Some(1),
        "2" | "major" => Some(2),
        "3" | "catastrophic" => Some(3),
        _ => None,
    }
}

/// Incident events, one per row (country, date, fatalities, injuries, property damage), summed
/// per country and year. A file holds whole years: importing it replaces those years' figures.
pub fn incidents(data: &[u8], known: &HashSet<String>) -> Result<Vec<IncidentRow>, CsvError> {
    let t = read(data, col_of)?;
    t.require(&[(Col::Country, "#country+code")])?;
    let date_col = if t.has(Col::Date) { Col::Date } else { Col::Year };
    if !t.has(date_col) {
        return Err(err(t.rows[0].0, "#date", "this column is missing from the header"));
    }
    let mut by: BTreeMap<(String, i32), IncidentYear> = BTreeMap::new();
    for (line, row) in &t.rows {
        let line = *line;
        let iso3 = country(&t, line, row, known)?;
        let y = year(&t, line, t.get(row, date_col), date_col, "#date")?;
        let count = |c: Col, label: &str| -> Result<u32, CsvError> {
            let raw = t.get(row, c);
            if raw.is_empty() {
                return Ok(0);
            }
            raw.parse::<u32>()
                .map_err(|_| err(line, &t.name(c, label), format!("{raw:?} is not a whole number of people")))
        };
        let killed = count(Col::Killed, "#affected+killed")?;
        let injured = count(Col::Injured, "#affected+injured")?;
        let dmg = damage(t.get(row, Col::Damage)).ok_or_else(|| {
            err(
                line,
                &t.name(Col::Damage, "#impact+damage"),
                "must be 0–3 or none, minor, major, catastrophic",
            )
        })?;
        let e = by.entry((iso3, y)).or_default();
        e.incidents += 1;
        e.fatalities += killed;
        e.injuries += injured;
        e.damage += dmg;
    }
    Ok(by.into_iter().map(|((iso3, year), counts)| IncidentRow { iso3, year, counts }).collect())
}

/// Countries from a GeoJSON FeatureCollection: ISO3 code, name and (optionally) region from the
/// properties named; geometry kept, simplified for drawing (it may be null).
pub fn countries(
    data: &[u8],
    iso3_property: &str,
    name_property: &str,
    region_property: Option<&str>,
) -> Result<Vec<IndexCountry>, GeoJsonError> {
    let fail = |place: String, message: String| GeoJsonError { place, message };
    let doc: Value =
        serde_json::from_slice(data).map_err(|e| fail("file".into(), format!("not valid JSON: {e}")))?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .filter(|_| doc.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
        .ok_or_else(|| fail("file".into(), "expected a GeoJSON FeatureCollection".into()))?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let place = |p: &str| format!("feature {} property {p:?}", i + 1);
        let prop =
            |p: &str| f.get("properties").and_then(|x| x.get(p)).and_then(Value::as_str).map(str::to_owned);
        let iso3 = Iso3::parse(&prop(iso3_property).unwrap_or_default())
            .map_err(|e| fail(place(iso3_property), e.message))?;
        if !seen.insert(iso3.clone()) {
            return Err(fail(place(iso3_property), format!("{iso3} appears twice")));
        }
        let name = text::bounded("name", &prop(name_property).unwrap_or_default(), 1, 200)
            .map_err(|e| fail(place(name_property), e.message))?;
        let region = region_property.and_then(prop).unwrap_or_default();
        let geometry = match f.get("geometry") {
            None | Some(Value::Null) => None,
            Some(g) => {
                let polys = polygons(g).ok_or_else(|| {
                    fail(format!("feature {} geometry", i + 1), "must be a Polygon or MultiPolygon".into())
                })?;
                let simplified: Vec<_> = polys
                    .iter()
                    .map(|p| p.iter().map(|r| tandem_domain::geo::simplify_ring(r, 0.01)).collect::<Vec<_>>())
                    .collect();
                Some(serde_json::json!({ "type": "MultiPolygon", "coordinates": simplified }).to_string())
            }
        };
        out.push(IndexCountry { iso3: iso3.as_str().to_owned(), name, region, geometry });
    }
    if out.is_empty() {
        return Err(fail("file".into(), "holds no features".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<String> {
        HashSet::from(["XMR".to_owned(), "XLS".to_owned()])
    }

    #[test]
    fn values_with_hxl_and_plain_headers() {
        let hxl = "Country,Year,Indicator,Value,Source\n#country+code,#date+year,#indicator+code,#indicator+value,#meta+source\nXMR,2025,civic_space,45.5,monitor\nxls,2024,civic_space,\"70,25\",\n";
        let v = values(hxl.as_bytes(), &known()).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(
            (v[1].iso3.as_str(), v[1].year, v[1].value, v[0].source.as_str()),
            ("XLS", 2024, 70.25, "monitor")
        );
        let plain = "iso3,year,indicator,value\nXMR,2025,displacement,120\n";
        assert_eq!(values(plain.as_bytes(), &known()).unwrap()[0].indicator, "displacement");
    }

    #[test]
    fn value_errors_name_line_and_column() {
        let head = "#country+code,#date+year,#indicator+code,#indicator+value\n";
        for (body, line, column, needle) in [
            ("XMR,2025,civic_space,abc\n", 2, "#indicator+value", "not a number"),
            ("XZZ,2025,civic_space,1\n", 2, "#country+code", "unknown country"),
            ("XMR,20x5,civic_space,1\n", 2, "#date+year", "not a year"),
            ("XMR,2025,Civic Space!,1\n", 2, "#indicator+code", "id"),
            ("XMR,2025,civic_space,1\nXMR,2025,civic_space,2\n", 3, "#indicator+code", "twice"),
            ("XMR,2025,civic_space,inf\n", 2, "#indicator+value", "not a number"),
        ] {
            let e = values(format!("{head}{body}").as_bytes(), &known()).unwrap_err();
            assert_eq!((e.line, e.column.as_str()), (line, column), "{body}: {e}");
            assert!(e.message.contains(needle), "{e}");
        }
        let e = values(b"#country+code,#date+year,#indicator+code\nXMR,2025,x\n", &known()).unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (2, "#indicator+value"));
        assert!(values(b"#country+code\n", &known()).is_err(), "no rows");
    }

    #[test]
    fn scorecard_answers_need_evidence() {
        let head = "#country+code,#date+year,#item+code,#status,#meta+url\n";
        let ok = format!("{head}XMR,2025,pve_action_plan,yes,https://gov.example/plan.pdf https://news.example/a\nXMR,2025,police_oversight,no,\n");
        let s = scorecard(ok.as_bytes(), &known()).unwrap();
        assert_eq!((s[0].status, s[0].evidence.len(), s[1].status), (Commitment::Yes, 2, Commitment::No));
        for (body, column, needle) in [
            ("XMR,2025,pve_action_plan,maybe,https://x.example\n", "#status", "yes, partial or no"),
            ("XMR,2025,pve_action_plan,partial,\n", "#meta+url", "evidence link"),
            ("XMR,2025,pve_action_plan,yes,ftp://x.example\n", "#meta+url", "web link"),
        ] {
            let e = scorecard(format!("{head}{body}").as_bytes(), &known()).unwrap_err();
            assert_eq!((e.line, e.column.as_str()), (2, column), "{e}");
            assert!(e.message.contains(needle), "{e}");
        }
    }

    #[test]
    fn incidents_sum_per_country_and_year() {
        let csv = "#country+code,#date,#affected+killed,#affected+injured,#impact+damage\n\
                   XMR,2025-03-01,2,5,minor\nXMR,2025-07-09,0,1,3\nXMR,2024-01-01,1,,\nXLS,14/02/2025,,,\n";
        let r = incidents(csv.as_bytes(), &known()).unwrap();
        let get = |iso: &str, y: i32| r.iter().find(|x| x.iso3 == iso && x.year == y).unwrap().counts;
        assert_eq!(get("XMR", 2025), IncidentYear { incidents: 2, fatalities: 2, injuries: 6, damage: 4 });
        assert_eq!(get("XMR", 2024), IncidentYear { incidents: 1, fatalities: 1, injuries: 0, damage: 0 });
        assert_eq!(get("XLS", 2025).incidents, 1);
        let e =
            incidents(b"#country+code,#date,#affected+killed,#impact+damage\nXMR,2025-01-01,-1,\n", &known())
                .unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (2, "#affected+killed"));
        let e =
            incidents(b"#country+code,#date,#impact+damage\nXMR,2025-01-01,huge\n", &known()).unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (2, "#impact+damage"));
        // A multi-byte character across the cut of a dd/mm/yyyy date must not panic.
        let e = incidents("#country+code,#date\nXMR,01/\u{e9}\u{e9}025\n".as_bytes(), &known()).unwrap_err();
        assert_eq!((e.line, e.column.as_str()), (2, "#date"));
    }

    #[test]
    fn countries_from_geojson() {
        let doc = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"ISO":"xmr","NAME":"Marenia","R":"Lakes"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{"ISO":"XLS","NAME":"Lesarin"},"geometry":null}]}"#;
        let c = countries(doc.as_bytes(), "ISO", "NAME", Some("R")).unwrap();
        assert_eq!(
            (c[0].iso3.as_str(), c[0].region.as_str(), c[1].geometry.is_none()),
            ("XMR", "Lakes", true)
        );
        let bad = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ISO":"X1","NAME":"A"},"geometry":null}]}"#;
        assert_eq!(
            countries(bad.as_bytes(), "ISO", "NAME", None).unwrap_err().place,
            "feature 1 property \"ISO\""
        );
    }
}
