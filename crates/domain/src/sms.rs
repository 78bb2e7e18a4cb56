//! Parsing report text messages such as `HATE KUMBA fliers calling to burn the market`: a
//! category keyword, an area (its name or P-code), then the description. An optional severity
//! token (`S1`…`S4`) may follow the area. Keywords are configured per deployment. A message that
//! does not parse is kept, with the reason, for a coordinator to triage.
use std::collections::HashMap;

/// A parsed message: category slug, area code, severity, description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSms {
    pub category: String,
    pub area: String,
    pub severity: u8,
    pub description: String,
}

/// Keyword → category slug and area name or code → area code, both matched case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct SmsVocabulary {
    pub categories: HashMap<String, String>,
    pub areas: HashMap<String, String>,
}

impl SmsVocabulary {
    pub fn add_category(&mut self, keyword: &str, slug: &str) {
        self.categories.insert(keyword.to_uppercase(), slug.to_owned());
    }
    pub fn add_area(&mut self, name_or_code: &str, code: &str) {
        self.areas.insert(name_or_code.to_uppercase(), code.to_owned());
    }
}

/// Why a message could not be filed as a report.
pub fn parse(text: &str, v: &SmsVocabulary) -> Result<ParsedSms, &'static str> {
    let mut words = text.split_whitespace();
    let first = words.next().ok_or("empty message")?.to_uppercase();
    let category = v.categories.get(&first).ok_or("unknown category keyword")?.clone();
    let rest: Vec<&str> = words.collect();
    // Area names may have several words ("Port Amsel"): try the longest match first.
    let (area, used) = (1..=rest.len().min(4))
        .rev()
        .find_map(|n| v.areas.get(&rest[..n].join(" ").to_uppercase()).map(|a| (a.clone(), n)))
        .ok_or("unknown area")?;
    let mut rest = &rest[used..];
    let mut severity = 2;
    if let Some(tok) = rest.first() {
        let t = tok.to_uppercase();
        if let Some(n) =
            t.strip_prefix('S').and_then(|d| d.parse::<u8>().ok()).filter(|n| (1..=4).contains(n))
        {
            severity = n;
            rest = &rest[1..];
        }
    }
    let description = rest.join(" ");
    if description.is_empty() {
        return Err("no description");
    }
    Ok(ParsedSms { category, area, severity, description })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> SmsVocabulary {
        let mut v = SmsVocabulary::default();
        v.add_category("HATE", "hate_speech");
        v.add_category("tension", "intercommunal_tension");
        v.add_area("Kumba", "MR0101");
        v.add_area("MR0101", "MR0101");
        v.add_area("Port Amsel", "MR0102");
        v
    }

    #[test]
    fn the_example_parses() {
        let p = parse("HATE KUMBA fliers calling to burn the market", &vocab()).unwrap();
        assert_eq!(
            p,
            ParsedSms {
                category: "hate_speech".into(),
                area: "MR0101".into(),
                severity: 2,
                description: "fliers calling to burn the market".into()
            }
        );
    }

    #[test]
    fn names_codes_case_and_severity() {
        let p = parse("  tension port amsel s4 youths gathering with machetes ", &vocab()).unwrap();
        assert_eq!(
            (p.category.as_str(), p.area.as_str(), p.severity),
            ("intercommunal_tension", "MR0102", 4)
        );
        assert_eq!(p.description, "youths gathering with machetes");
        assert_eq!(
            parse("hate mr0101 S9 text", &vocab()).unwrap().description,
            "S9 text",
            "S9 is not a severity"
        );
    }

    #[test]
    fn failures_say_why() {
        assert_eq!(parse("", &vocab()), Err("empty message"));
        assert_eq!(parse("HELLO KUMBA x", &vocab()), Err("unknown category keyword"));
        assert_eq!(parse("HATE NOWHERE x", &vocab()), Err("unknown area"));
        assert_eq!(parse("HATE KUMBA", &vocab()), Err("no description"));
    }
}
