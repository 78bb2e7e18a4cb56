//! The one rule by which an imported row finds its area, on every path (the event importer, the
//! bulk analytics path): the P-code when the row has one; else the admin2 name, within the
//! admin1 it names when it names one; else the admin1 name. Names match whatever the case and
//! spacing. A name that fits several areas is refused, naming them: "Central" is a district in
//! many provinces, and a guess would put events in the wrong one. No I/O.
use std::collections::{HashMap, HashSet};

/// Why a row has no area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmatched {
    /// The row's P-code is no area's.
    UnknownCode(String),
    /// No area has the name.
    NoName(String),
    /// Several areas have the name (within the admin1 given, if any): their codes.
    Ambiguous { name: String, codes: Vec<String> },
}

impl std::fmt::Display for Unmatched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unmatched::UnknownCode(c) => write!(f, "unknown area code {c}"),
            Unmatched::NoName(n) => write!(f, "no area is named {n:?}"),
            Unmatched::Ambiguous { name, codes } => {
                write!(f, "{name:?} names several areas ({}): give the P-code", codes.join(", "))
            }
        }
    }
}

fn key(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The deployment's areas, indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct AreaMatcher {
    codes: HashSet<String>,
    /// Name → (code, parent code), every area of that name.
    by_name: HashMap<String, Vec<(String, Option<String>)>>,
    names: HashMap<String, String>,
}

impl AreaMatcher {
    /// From (code, name, parent code) of every area.
    pub fn new<'a>(areas: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>) -> Self {
        let mut m = Self::default();
        for (code, name, parent) in areas {
            m.codes.insert(code.to_owned());
            m.names.insert(code.to_owned(), key(name));
            m.by_name.entry(key(name)).or_default().push((code.to_owned(), parent.map(str::to_owned)));
        }
        for v in m.by_name.values_mut() {
            v.sort();
        }
        m
    }

    fn by_name(&self, name: &str, within: Option<&str>) -> Result<String, Unmatched> {
        let all = self.by_name.get(&key(name)).map(Vec::as_slice).unwrap_or_default();
        let inside: Vec<&(String, Option<String>)> = match within.map(key).filter(|w| !w.is_empty()) {
            Some(w) => {
                let fits: Vec<_> = all
                    .iter()
                    .filter(|(_, p)| p.as_ref().and_then(|p| self.names.get(p)) == Some(&w))
                    .collect();
                // A parent name the file spells differently does not make the row unmatched
                // when the area's own name is unique.
                if fits.is_empty() {
                    all.iter().collect()
                } else {
                    fits
                }
            }
            None => all.iter().collect(),
        };
        match inside.as_slice() {
            [] => Err(Unmatched::NoName(name.trim().to_owned())),
            [(code, _)] => Ok(code.clone()),
            many => Err(Unmatched::Ambiguous {
                name: name.trim().to_owned(),
                codes: many.iter().map(|(c, _)| c.clone()).collect(),
            }),
        }
    }

    /// The area of a row with this P-code (may be empty), admin1 and admin2 names.
    pub fn resolve(&self, pcode: &str, admin1: &str, admin2: &str) -> Result<String, Unmatched> {
        let pcode = pcode.trim();
        if !pcode.is_empty() {
            return if self.codes.contains(pcode) {
                Ok(pcode.to_owned())
            } else {
                Err(Unmatched::UnknownCode(pcode.to_owned()))
            };
        }
        if admin2.trim().is_empty() {
            self.by_name(admin1, None)
        } else {
            self.by_name(admin2, Some(admin1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas() -> AreaMatcher {
        AreaMatcher::new([
            ("MR", "Marenia", None),
            ("MR01", "Lakeside", Some("MR")),
            ("MR02", "Highlands", Some("MR")),
            ("MR0101", "Central", Some("MR01")),
            ("MR0201", "Central", Some("MR02")),
            ("MR0202", "Oku", Some("MR02")),
        ])
    }

    #[test]
    fn the_code_first_then_the_name_within_its_parent() {
        let m = areas();
        assert_eq!(m.resolve("MR0201", "Lakeside", "Oku"), Ok("MR0201".into()), "the P-code wins");
        assert_eq!(m.resolve("MR9999", "", "Oku"), Err(Unmatched::UnknownCode("MR9999".into())));
        assert_eq!(m.resolve("", "highlands", "  CENTRAL "), Ok("MR0201".into()));
        assert_eq!(m.resolve("", "", "oku"), Ok("MR0202".into()));
        assert_eq!(m.resolve("", "Lakeside", ""), Ok("MR01".into()));
        assert_eq!(
            m.resolve("", "Coast", "Oku"),
            Ok("MR0202".into()),
            "a unique name despite the parent's spelling"
        );
        let e = m.resolve("", "", "Central").unwrap_err();
        assert_eq!(
            e,
            Unmatched::Ambiguous { name: "Central".into(), codes: vec!["MR0101".into(), "MR0201".into()] }
        );
        assert!(e.to_string().contains("MR0101, MR0201"));
        assert_eq!(m.resolve("", "", "Atlantis"), Err(Unmatched::NoName("Atlantis".into())));
    }
}
