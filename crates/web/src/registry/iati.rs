//! IATI activity files (standard 2.03), in and out of the funding register. A grant becomes an
//! `iati-activity`: its funder a participating organisation of role 1 (funding), its recipient
//! one of role 4 (implementing), its start and end the planned dates (types 1 and 3), its areas
//! `location` elements whose `ref` is the area's code, and its amount band and wheel activities
//! `tag`s of a vocabulary of Tandem's own (99, "reporting organisation"). Reading takes the
//! actual dates before the planned ones, and takes the band from the budgets' total in US
//! dollars when no band tag is there. The XML is read without a DTD: no entity is ever expanded.
use std::fmt::Write;

use chrono::{DateTime, Utc};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use tandem_domain::funding::{AmountBand, GrantInput, IatiFault};
use tandem_store::Grant;

/// The vocabulary URI of Tandem's tags.
pub const TAG_VOCABULARY: &str = "https://tandem.example/iati/tags";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The identifier Tandem gives a grant recorded without one: `XI-TANDEM-` and its id.
pub fn identifier(g: &Grant) -> String {
    if g.iati_id.is_empty() {
        format!("XI-TANDEM-{}", g.id)
    } else {
        g.iati_id.clone()
    }
}

/// A grant's area with the name a reader sees.
pub struct Named<'a> {
    pub grant: &'a Grant,
    pub area_names: Vec<String>,
}

/// The register as an `iati-activities` file.
pub fn write(grants: &[Named], generated: DateTime<Utc>, today: chrono::NaiveDate) -> String {
    let at = generated.format("%Y-%m-%dT%H:%M:%SZ");
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"{at}\">\n"
    );
    for Named { grant: g, area_names } in grants {
        // 2 implementation, 4 closed.
        let status = if g.end >= today { 2 } else { 4 };
        let _ = write!(
            x,
            r#" <iati-activity last-updated-datetime="{at}" xml:lang="en" default-currency="USD">
  <iati-identifier>{id}</iati-identifier>
  <reporting-org ref="XI-TANDEM-{org_ref}" type="22"><narrative>{org}</narrative></reporting-org>
  <title><narrative>{title}</narrative></title>
  <description type="1"><narrative>{title} ({funder} to {recipient})</narrative></description>
  <participating-org role="1"><narrative>{funder}</narrative></participating-org>
  <participating-org role="4"><narrative>{recipient}</narrative></participating-org>
  <activity-status code="{status}"/>
  <activity-date type="1" iso-date="{start}"/>
  <activity-date type="3" iso-date="{end}"/>
"#,
            id = esc(&identifier(g)),
            org_ref = esc(&g.org_id),
            org = esc(&g.org_name),
            title = esc(&g.title),
            funder = esc(&g.funder),
            recipient = esc(&g.recipient),
            start = g.start,
            end = g.end,
        );
        for (code, name) in g.areas.iter().zip(area_names) {
            let _ = writeln!(
                x,
                r#"  <location ref="{}"><name><narrative>{}</narrative></name></location>"#,
                esc(code),
                esc(name)
            );
        }
        let mut tag = |code: String| {
            let _ = writeln!(
                x,
                r#"  <tag vocabulary="99" vocabulary-uri="{TAG_VOCABULARY}" code="{}"/>"#,
                esc(&code)
            );
        };
        tag(format!("band:{}", g.band));
        for a in &g.activities {
            tag(format!("wheel:{}", a.as_str()));
        }
        x.push_str(" </iati-activity>\n");
    }
    x.push_str("</iati-activities>\n");
    x
}

/// An activity read from a file, with the line it starts on.
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub line: usize,
    pub input: GrantInput,
}

/// What could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub fault: IatiFault,
    pub message: String,
}

/// Activities one file may hold.
pub const MAX_ACTIVITIES: usize = 5_000;

/// The largest file taken: room for the most activities a file may hold, with long titles.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

#[derive(Default)]
struct Partial {
    line: usize,
    input: GrantInput,
    actual_start: Option<String>,
    planned_start: Option<String>,
    actual_end: Option<String>,
    planned_end: Option<String>,
    band: Option<String>,
    budget_usd: f64,
    budget_other: bool,
    default_currency: Option<String>,
    funder: Option<String>,
    implementer: Option<String>,
    other_participant: Option<String>,
    countries: Vec<String>,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_owned()))
}

/// Reads every `iati-activity` of an `iati-activities` file (any 2.0x version).
pub fn read(xml: &[u8]) -> Result<Vec<Read>, Unreadable> {
    let line_at = |pos: usize| xml[..pos.min(xml.len())].iter().filter(|b| **b == b'\n').count() + 1;
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    // The element whose narrative is being read, and the participating org's role.
    let mut role: Option<String> = None;
    let mut budget_currency: Option<String> = None;
    let mut text = String::new();
    let mut at: Option<Partial> = None;
    let mut out = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader.read_event_into(&mut buf).map_err(|e| Unreadable {
            line: line_at(reader.buffer_position() as usize),
            fault: IatiFault::NotXml,
            message: format!("this is not well-formed XML: {e}"),
        })?;
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            if path.is_empty() && name != "iati-activities" {
                return Err(Unreadable {
                    line: line_at(pos),
                    fault: IatiFault::NotActivities,
                    message: format!("an IATI activity file begins with <iati-activities>, not <{name}>"),
                });
            }
            match (path.last().map(String::as_str), name.as_str()) {
                (Some("iati-activities"), "iati-activity") => {
                    if out.len() >= MAX_ACTIVITIES {
                        return Err(Unreadable {
                            line: line_at(pos),
                            fault: IatiFault::TooMany,
                            message: format!("a file may hold at most {MAX_ACTIVITIES} activities"),
                        });
                    }
                    at = Some(Partial {
                        line: line_at(pos),
                        default_currency: attr(&e, b"default-currency"),
                        ..Partial::default()
                    });
                }
                (Some("iati-activity"), "participating-org") => role = attr(&e, b"role"),
                (Some("iati-activity"), "activity-date") => {
                    if let (Some(p), Some(d)) = (at.as_mut(), attr(&e, b"iso-date")) {
                        match attr(&e, b"type").as_deref() {
                            Some("1") => p.planned_start = Some(d),
                            Some("2") => p.actual_start = Some(d),
                            Some("3") => p.planned_end = Some(d),
                            Some("4") => p.actual_end = Some(d),
                            _ => {}
                        }
                    }
                }
                (Some("iati-activity"), "location") => {
                    if let (Some(p), Some(r)) = (at.as_mut(), attr(&e, b"ref")) {
                        p.input.areas.push(r);
                    }
                }
                (Some("iati-activity"), "recipient-country") => {
                    if let (Some(p), Some(c)) = (at.as_mut(), attr(&e, b"code")) {
                        p.countries.push(c);
                    }
                }
                (Some("iati-activity"), "tag") => {
                    if let (Some(p), Some(code)) = (at.as_mut(), attr(&e, b"code")) {
                        if let Some(b) = code.strip_prefix("band:") {
                            p.band = Some(b.to_owned());
                        } else if let Some(w) = code.strip_prefix("wheel:") {
                            p.input.activities.push(w.to_owned());
                        }
                    }
                }
                (Some("budget"), "value") => budget_currency = attr(&e, b"currency"),
                _ => {}
            }
            if !empty {
                path.push(name);
                text.clear();
            }
            buf.clear();
            continue;
        }
        match ev {
            Event::Text(t) => text.push_str(&t.unescape().map_err(|e| Unreadable {
                line: line_at(pos),
                fault: IatiFault::NotXml,
                message: format!("this is not well-formed XML: {e}"),
            })?),
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(_) => {
                let value = std::mem::take(&mut text).trim().to_owned();
                let n = path.len();
                let parent = |k: usize| path.get(n.wrapping_sub(k)).map(String::as_str);
                if let Some(p) = at.as_mut() {
                    match (parent(3), parent(2), parent(1)) {
                        (_, Some("iati-activity"), Some("iati-identifier")) => p.input.iati_id = value,
                        (Some("iati-activity"), Some("title"), Some("narrative"))
                            if p.input.title.is_empty() =>
                        {
                            p.input.title = value
                        }
                        (Some("iati-activity"), Some("participating-org"), Some("narrative")) => {
                            let slot = match role.as_deref() {
                                Some("1") => &mut p.funder,
                                Some("4") => &mut p.implementer,
                                _ => &mut p.other_participant,
                            };
                            slot.get_or_insert(value);
                        }
                        (_, Some("budget"), Some("value")) => {
                            let currency = budget_currency.take().or_else(|| p.default_currency.clone());
                            match (currency.as_deref(), value.parse::<f64>()) {
                                (Some("USD"), Ok(v)) if v >= 0.0 => p.budget_usd += v,
                                _ => p.budget_other = true,
                            }
                        }
                        _ => {}
                    }
                }
                if parent(1) == Some("iati-activity") {
                    if let Some(p) = at.take() {
                        out.push(finish(p));
                    }
                }
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err(Unreadable {
            line: line_at(xml.len()),
            fault: IatiFault::NotXml,
            message: "the file ends inside an element".into(),
        });
    }
    if out.is_empty() {
        return Err(Unreadable {
            line: 1,
            fault: IatiFault::NoActivities,
            message: "the file holds no <iati-activity>".into(),
        });
    }
    Ok(out)
}

fn finish(p: Partial) -> Read {
    let mut input = p.input;
    input.start = p.actual_start.or(p.planned_start).unwrap_or_default();
    input.end = p.actual_end.or(p.planned_end).unwrap_or_default();
    input.funder = p.funder.unwrap_or_default();
    input.recipient = p.implementer.or(p.other_participant).unwrap_or_default();
    if input.areas.is_empty() {
        input.areas = p.countries;
    }
    input.band = p.band.unwrap_or_else(|| {
        if p.budget_other || p.budget_usd == 0.0 {
            AmountBand::NotGiven.as_str().to_owned()
        } else {
            AmountBand::of(p.budget_usd).as_str().to_owned()
        }
    });
    Read { line: p.line, input }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_activity_is_read_with_its_dates_parties_areas_and_band() {
        let xml = br#"<?xml version="1.0"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-DAC-1-17</iati-identifier>
  <reporting-org ref="XM-DAC-1" type="10"><narrative>Lakeside Fund</narrative></reporting-org>
  <title><narrative xml:lang="en">Safety audits &amp; forums</narrative><narrative xml:lang="fr">Audits</narrative></title>
  <participating-org role="1"><narrative>Lakeside Fund</narrative></participating-org>
  <participating-org role="4"><narrative>Kumba Women's Peace Network</narrative></participating-org>
  <activity-date type="1" iso-date="2026-01-01"/>
  <activity-date type="2" iso-date="2026-01-15"/>
  <activity-date type="3" iso-date="2026-06-30"/>
  <recipient-country code="XE"/>
  <budget><period-start iso-date="2026-01-01"/><period-end iso-date="2026-06-30"/><value>30000</value></budget>
  <budget><value currency="USD">25000</value></budget>
 </iati-activity>
 <iati-activity><iati-identifier>b</iati-identifier><location ref="XE01"/><tag vocabulary="99" code="band:over_1m"/><tag vocabulary="99" code="wheel:monitoring"/></iati-activity>
</iati-activities>"#;
        let read = read(xml).unwrap();
        let a = &read[0].input;
        assert_eq!((a.iati_id.as_str(), a.title.as_str()), ("XM-DAC-1-17", "Safety audits & forums"));
        assert_eq!((a.start.as_str(), a.end.as_str()), ("2026-01-15", "2026-06-30"), "actual before planned");
        assert_eq!(
            (a.funder.as_str(), a.recipient.as_str()),
            ("Lakeside Fund", "Kumba Women's Peace Network")
        );
        assert_eq!((a.areas.clone(), a.band.as_str()), (vec!["XE".to_owned()], "50k_250k"), "55,000 USD");
        let b = &read[1];
        assert_eq!(
            (b.line, b.input.band.as_str(), b.input.activities.clone()),
            (16, "over_1m", vec!["monitoring".to_owned()])
        );
        assert_eq!(b.input.areas, ["XE01"]);
    }

    #[test]
    fn what_is_not_an_activity_file_is_refused_with_its_line() {
        assert_eq!(read(b"<html></html>").unwrap_err().line, 1);
        assert!(read(b"<iati-activities>\n<iati-activity>\n</iati-activities>").unwrap_err().line >= 2);
        assert!(read(b"<iati-activities></iati-activities>")
            .unwrap_err()
            .message
            .contains("no <iati-activity>"));
        let bomb = br#"<!DOCTYPE x [<!ENTITY a "aaaa">]><iati-activities><iati-activity><iati-identifier>&a;</iati-identifier></iati-activity></iati-activities>"#;
        assert!(read(bomb).is_err(), "entities are never expanded");
    }
}
