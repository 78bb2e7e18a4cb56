//! OpenRosa: the XForm for a report, and reading a submission's instance XML, so that ODK Collect
//! and KoboCollect can file reports from the field, offline first. The form's choices are the
//! deployment's areas and categories.
use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::config::EwConfig;
use super::reports::RawReport;

pub const FORM_ID: &str = "tandem_report";
pub const FORM_VERSION: &str = "1";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The XForm (ODK XForms 1.0) for one report.
pub fn xform(cfg: &EwConfig) -> String {
    let mut areas: Vec<_> = cfg.areas.values().collect();
    areas.sort_by(|a, b| a.code.cmp(&b.code));
    let area_items: String = areas
        .iter()
        .map(|a| {
            format!(
                "<item><label>{} ({})</label><value>{}</value></item>",
                esc(&a.name),
                esc(&a.code),
                esc(&a.code)
            )
        })
        .collect();
    let cat_items: String = cfg
        .categories
        .iter()
        .map(|c| format!("<item><label>{}</label><value>{}</value></item>", esc(&c.name), esc(&c.slug)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
<h:head>
<h:title>Tandem report</h:title>
<model>
<instance><data id="{FORM_ID}" version="{FORM_VERSION}"><area/><category/><severity/><occurred/><description/><contact/><meta><instanceID/></meta></data></instance>
<bind nodeset="/data/area" type="select1" required="true()"/>
<bind nodeset="/data/category" type="select1" required="true()"/>
<bind nodeset="/data/severity" type="select1" required="true()"/>
<bind nodeset="/data/occurred" type="date" required="true()"/>
<bind nodeset="/data/description" type="string" required="true()"/>
<bind nodeset="/data/contact" type="string"/>
<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model>
</h:head>
<h:body>
<select1 ref="/data/area"><label>Area</label>{area_items}</select1>
<select1 ref="/data/category"><label>Category</label>{cat_items}</select1>
<select1 ref="/data/severity"><label>Severity</label><item><label>1 - low</label><value>1</value></item><item><label>2 - moderate</label><value>2</value></item><item><label>3 - serious</label><value>3</value></item><item><label>4 - critical</label><value>4</value></item></select1>
<input ref="/data/occurred"><label>When did it happen?</label></input>
<input ref="/data/description"><label>What happened? Describe the situation, not people.</label></input>
<input ref="/data/contact"><label>How can we reach the person who told you? (optional)</label></input>
</h:body>
</h:html>
"#
    )
}

/// Reads a submission: the root must be this form's, and its fields become a raw report.
pub fn parse_submission(xml: &[u8]) -> Result<RawReport, String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut root_id: Option<String> = None;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref() == b"id" {
                            root_id =
                                Some(a.unescape_value().map_err(|e| format!("bad XML: {e}"))?.into_owned());
                        }
                    }
                }
                path.push(name);
            }
            Ok(Event::Empty(_)) => {}
            Ok(Event::End(_)) => {
                path.pop();
            }
            Ok(Event::Text(t)) if path.len() == 2 => {
                let text = t.unescape().map_err(|e| format!("bad XML: {e}"))?.into_owned();
                fields.entry(path[1].clone()).or_insert(text);
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("bad XML at byte {}: {e}", reader.buffer_position())),
            _ => {}
        }
        if fields.len() > 64 {
            return Err("too many fields".into());
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err("bad XML: unclosed elements".into());
    }
    match root_id.as_deref() {
        Some(FORM_ID) => {}
        Some(other) => return Err(format!("unknown form {other:?}; this server takes {FORM_ID}")),
        None => return Err("the submission names no form (id attribute)".into()),
    }
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    Ok(RawReport {
        area: get("area"),
        category: get("category"),
        severity: get("severity").trim().parse().unwrap_or(0),
        occurred_at: get("occurred"),
        description: get("description"),
        reporter_contact: fields.get("contact").cloned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submissions_parse_and_bad_ones_say_why() {
        let ok = br#"<?xml version="1.0"?><data id="tandem_report" version="1"><area>MR0101</area><category>gbv</category><severity>3</severity><occurred>2026-05-04</occurred><description>Harassment &amp; threats at the well</description><contact/><meta><instanceID>uuid:1</instanceID></meta></data>"#;
        let r = parse_submission(ok).unwrap();
        assert_eq!((r.area.as_str(), r.category.as_str(), r.severity), ("MR0101", "gbv", 3));
        assert_eq!(r.description, "Harassment & threats at the well");
        assert_eq!(r.reporter_contact, None);
        for (bad, needle) in [
            (&b"<data id=\"tandem_report\"><area>MR01</area>"[..], "unclosed"),
            (b"<data id=\"other\"><area>x</area></data>", "unknown form"),
            (b"<data><area>x</area></data>", "names no form"),
            (b"<data id=\"tandem_report\"><area>x</wrong></data>", "bad XML"),
        ] {
            let e = parse_submission(bad).unwrap_err();
            assert!(e.contains(needle), "{e}");
        }
    }
}
