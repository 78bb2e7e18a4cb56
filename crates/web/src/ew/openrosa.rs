//! OpenRosa: the XForm for a report, and reading a submission's instance XML, so that ODK Collect
//! and KoboCollect can file reports from the field, offline first. The form's choices are the
//! deployment's areas and categories.
use quick_xml::events::Event;
use quick_xml::Reader;

use super::config::EwConfig;
use tandem_domain::report::{CONTACT_MAX, DESCRIPTION_MAX};

use super::reports::RawReport;

pub const FORM_ID: &str = "tandem_report";

/// `s` escaped for XML, without the characters XML 1.0 cannot carry (a form with one is no
/// form any phone can read).
pub(crate) fn esc(s: &str) -> String {
    let s: String =
        s.chars().filter(|c| !tandem_domain::questionnaire::is_unwritable(*c) || *c == '\n').collect();
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The form's version: a digest of its choices, so that it changes whenever an area or a
/// category does and ODK Collect fetches the new form (phones compare versions and hashes).
pub fn form_version(cfg: &EwConfig) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut areas: Vec<_> = cfg.areas.values().collect();
    areas.sort_by(|a, b| a.code.cmp(&b.code));
    for a in areas {
        h.update(format!("a\u{1f}{}\u{1f}{}\u{1e}", a.code, a.name));
    }
    for c in &cfg.categories {
        h.update(format!("c\u{1f}{}\u{1f}{}\u{1e}", c.slug, c.name));
    }
    // A fixed prefix for the form's own revision: raise it when the questions change.
    format!("2.{}", &hex::encode(h.finalize())[..12])
}

/// The XForm (ODK XForms 1.0) for one report. The server's rules are the form's constraints, so
/// the phone refuses what the server would (a date ahead, a description too long) instead of
/// keeping a submission nobody can ever send.
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
    let version = form_version(cfg);
    let dmax = DESCRIPTION_MAX;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
<h:head>
<h:title>Tandem report</h:title>
<model>
<instance><data id="{FORM_ID}" version="{version}"><area/><category/><severity/><occurred/><description/><contact/><photo/><meta><instanceID/></meta></data></instance>
<bind nodeset="/data/area" type="select1" required="true()"/>
<bind nodeset="/data/category" type="select1" required="true()"/>
<bind nodeset="/data/severity" type="select1" required="true()"/>
<bind nodeset="/data/occurred" type="date" required="true()" constraint=". &lt;= today()" jr:constraintMsg="The date cannot be in the future."/>
<bind nodeset="/data/description" type="string" required="true()" constraint="string-length(normalize-space(.)) &gt;= 1 and string-length(.) &lt;= {dmax}" jr:constraintMsg="Describe what happened in at most {dmax} characters."/>
<bind nodeset="/data/contact" type="string" constraint="string-length(.) &lt;= {CONTACT_MAX}" jr:constraintMsg="At most {CONTACT_MAX} characters."/>
<bind nodeset="/data/photo" type="binary"/>
<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model>
</h:head>
<h:body>
<select1 ref="/data/area"><label>Area</label>{area_items}</select1>
<select1 ref="/data/category"><label>Category</label>{cat_items}</select1>
<select1 ref="/data/severity"><label>Severity</label><item><label>1 - low</label><value>1</value></item><item><label>2 - moderate</label><value>2</value></item><item><label>3 - serious</label><value>3</value></item><item><label>4 - critical</label><value>4</value></item></select1>
<input ref="/data/occurred"><label>When did it happen?</label></input>
<input ref="/data/description" appearance="multiline"><label>What happened? Describe the situation, not people.</label></input>
<input ref="/data/contact"><label>How can we reach the person who told you? (optional)</label></input>
<upload ref="/data/photo" mediatype="image/*"><label>A photo of the place or the damage (optional). No faces.</label></upload>
</h:body>
</h:html>
"#
    )
}

/// A submission's instance: the report in it, the filled form's id, and the files it names.
#[derive(Debug, Clone)]
pub struct Instance {
    pub report: RawReport,
    /// `meta/instanceID`, unique per filled form on the phone (`uuid:…`).
    pub instance_id: Option<String>,
    /// File names the answers refer to (the photo), which arrive as parts of their own.
    pub files: Vec<String>,
}

/// A submission's instance as sent, before any form reads it: the root's form id and version,
/// the text of each field under the root (the first of a name), and `meta/instanceID`.
#[derive(Debug, Clone, Default)]
pub struct RawInstance {
    pub form_id: Option<String>,
    pub version: Option<String>,
    pub fields: std::collections::BTreeMap<String, String>,
    pub instance_id: Option<String>,
}

/// Fields one instance may carry: more than any of Tandem's forms asks.
const MAX_FIELDS: usize = 256;

/// Reads an instance's XML. Fields in groups are not read (Tandem's forms have none); a field's
/// text is all of its text and CDATA, however a comment splits it.
pub fn read_instance(xml: &[u8]) -> Result<RawInstance, String> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut out = RawInstance::default();
    let mut text = String::new();
    let bad = |e: &dyn std::fmt::Display| format!("bad XML: {e}");
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.is_empty() {
                    for a in e.attributes().flatten() {
                        let value = || a.unescape_value().map(|v| v.into_owned()).map_err(|e| bad(&e));
                        match a.key.local_name().as_ref() {
                            b"id" => out.form_id = Some(value()?),
                            b"version" => out.version = Some(value()?),
                            _ => {}
                        }
                    }
                }
                path.push(name);
                text.clear();
            }
            Ok(Event::Empty(_)) => {}
            Ok(Event::End(_)) => {
                let field = std::mem::take(&mut text);
                match path.len() {
                    2 => {
                        out.fields.entry(path[1].clone()).or_insert_with(|| field.trim().to_owned());
                    }
                    3 if path[1] == "meta" && path[2] == "instanceID" => {
                        out.instance_id = Some(field.trim().to_owned());
                    }
                    _ => {}
                }
                path.pop();
            }
            Ok(Event::Text(t)) if path.len() >= 2 => text.push_str(&t.unescape().map_err(|e| bad(&e))?),
            Ok(Event::CData(t)) if path.len() >= 2 => text.push_str(&String::from_utf8_lossy(&t)),
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("bad XML at byte {}: {e}", reader.buffer_position())),
            _ => {}
        }
        if out.fields.len() > MAX_FIELDS {
            return Err("too many fields".into());
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err("bad XML: unclosed elements".into());
    }
    if out.form_id.is_none() {
        return Err("the submission names no form (id attribute)".into());
    }
    out.instance_id = out.instance_id.filter(|i| !i.is_empty());
    Ok(out)
}

/// Reads a report form's submission: the root must be this form's, and its fields become a
/// raw report.
pub fn parse_submission(xml: &[u8]) -> Result<Instance, String> {
    let RawInstance { form_id, fields, instance_id, .. } = read_instance(xml)?;
    match form_id.as_deref() {
        Some(FORM_ID) => {}
        other => {
            return Err(format!("unknown form {:?}; this server takes {FORM_ID}", other.unwrap_or_default()))
        }
    }
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let files =
        fields.get("photo").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).into_iter().collect();
    Ok(Instance {
        report: RawReport {
            area: get("area"),
            category: get("category"),
            severity: get("severity").trim().parse().unwrap_or(0),
            occurred_at: get("occurred"),
            description: get("description"),
            reporter_contact: fields.get("contact").cloned(),
        },
        instance_id,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submissions_parse_and_bad_ones_say_why() {
        let ok = br#"<?xml version="1.0"?><data id="tandem_report" version="1"><area>MR0101</area><category>gbv</category><severity>3</severity><occurred>2026-05-04</occurred><description>Harassment &amp; threats at the well</description><contact/><meta><instanceID>uuid:1</instanceID></meta></data>"#;
        let i = parse_submission(ok).unwrap();
        assert_eq!(i.instance_id.as_deref(), Some("uuid:1"));
        assert!(i.files.is_empty());
        let r = i.report;
        assert_eq!((r.area.as_str(), r.category.as_str(), r.severity), ("MR0101", "gbv", 3));
        assert_eq!(r.description, "Harassment & threats at the well");
        assert_eq!(r.reporter_contact, None);
        let photo = br#"<data id="tandem_report"><description>Line one
line two</description><photo>1700000000.jpg</photo><meta><instanceID>uuid:2</instanceID></meta></data>"#;
        let i = parse_submission(photo).unwrap();
        assert_eq!(
            (i.files, i.report.description.as_str()),
            (vec!["1700000000.jpg".to_owned()], "Line one\nline two")
        );
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
