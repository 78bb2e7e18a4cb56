//! The referral directory: services that need no police — psychosocial support, family
//! counselling, legal aid, shelters for survivors of gender-based violence, exit and
//! reintegration programmes, hotlines (context 004: the Montreal centre, the German hotlines) —
//! each with the areas it serves, its languages and who may use it. The rules for what a
//! listing holds live here.
use serde::{Deserialize, Serialize};

use std::str::FromStr;

use crate::text::{self, list};
use crate::{InvalidInput, Problem};

crate::word_list!(
    /// What a service offers.
    ServiceKind, "kind", "is not a kind of service Tandem lists", {
        PsychosocialSupport => "psychosocial_support",
        FamilyCounselling => "family_counselling",
        LegalAid => "legal_aid",
        GbvShelter => "gbv_shelter",
        ExitReintegration => "exit_reintegration",
        Hotline => "hotline",
    }
);

/// Areas or languages one listing may name.
pub const LIST_MAX: usize = 50;

/// A listing as it arrives.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ServiceInput {
    pub name: String,
    pub kind: String,
    pub description: String,
    /// Area codes (P-codes): the service serves each and every area within it.
    #[serde(default)]
    pub areas: Vec<String>,
    /// Languages it is offered in, as written (`en`, `fr`, `ar`, or a name such as Fulfulde).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who may use it: "women and girls", "families", "anyone".
    pub eligibility: String,
    /// How to reach it: a phone number, an address. Public.
    pub contact: String,
    #[serde(default)]
    pub hours: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceText {
    pub name: String,
    pub kind: ServiceKind,
    pub description: String,
    pub areas: Vec<String>,
    pub languages: Vec<String>,
    pub eligibility: String,
    pub contact: String,
    pub hours: String,
}

impl ServiceInput {
    /// Checks the listing; `known_area` says whether a code names an area of the deployment.
    pub fn parse(&self, known_area: impl Fn(&str) -> bool) -> Result<ServiceText, InvalidInput> {
        let areas = list("areas", &self.areas, 40, LIST_MAX)?;
        if areas.is_empty() {
            return Err(
                InvalidInput::new("areas", "name at least one area it serves").because(Problem::NoneChosen)
            );
        }
        if let Some(a) = areas.iter().find(|a| !known_area(a)) {
            return Err(
                InvalidInput::new("areas", format!("no area has the code {a}")).because(Problem::Unknown)
            );
        }
        let languages = list("languages", &self.languages, 40, LIST_MAX)?;
        if languages.is_empty() {
            return Err(
                InvalidInput::new("languages", "name at least one language").because(Problem::NoneChosen)
            );
        }
        Ok(ServiceText {
            name: text::bounded("name", &self.name, 3, 150)?,
            kind: ServiceKind::from_str(&self.kind)?,
            description: text::multiline("description", &self.description, 10, 1_000)?,
            areas,
            languages,
            eligibility: text::bounded("eligibility", &self.eligibility, 2, 200)?,
            contact: text::contact("contact", &self.contact, 3, 200)?,
            hours: if self.hours.trim().is_empty() {
                String::new()
            } else {
                text::bounded("hours", &self.hours, 1, 120)?
            },
        })
    }
}

/// Whether a listing in `language` matches a reader's `wanted` one: the same code or name,
/// whatever the case.
pub fn speaks(languages: &[String], wanted: &str) -> bool {
    languages.iter().any(|l| l.trim().eq_ignore_ascii_case(wanted.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ServiceInput {
        ServiceInput {
            name: "Kumba women's shelter".into(),
            kind: "gbv_shelter".into(),
            description: "A safe house for women and their children, with a counsellor.".into(),
            areas: vec!["XE01, XE0102".into()],
            languages: vec!["en".into(), "fr، Fulfulde".into()],
            eligibility: "Women and girls".into(),
            contact: "+237 600 000 000".into(),
            hours: String::new(),
        }
    }

    #[test]
    fn a_listing_is_checked() {
        let known = |a: &str| a.starts_with("XE");
        let s = input().parse(known).unwrap();
        assert_eq!(s.areas, ["XE01", "XE0102"]);
        assert_eq!(s.languages, ["en", "fr", "Fulfulde"]);
        let mut bad = input();
        bad.areas = vec!["ZZ99".into()];
        assert_eq!(bad.parse(known).unwrap_err().problem, Problem::Unknown);
        bad.areas = vec![];
        assert_eq!(bad.parse(known).unwrap_err().field, "areas");
        let mut bad = input();
        bad.kind = "police".into();
        assert_eq!(bad.parse(known).unwrap_err().field, "kind");
        let mut bad = input();
        bad.languages = vec![" ".into()];
        assert_eq!(bad.parse(known).unwrap_err().field, "languages");
        assert!(speaks(&s.languages, "FULFULDE") && !speaks(&s.languages, "ar"));
    }
}
