//! Organisations: their kinds, names and the flags that the platform uses to measure who takes
//! part (women-led, youth-led, minority-led).
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::{text, InvalidInput};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    CivilSociety,
    Security,
    Government,
    International,
    Donor,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::CivilSociety,
        OrgKind::Security,
        OrgKind::Government,
        OrgKind::International,
        OrgKind::Donor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::CivilSociety => "civil_society",
            OrgKind::Security => "security",
            OrgKind::Government => "government",
            OrgKind::International => "international",
            OrgKind::Donor => "donor",
        }
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OrgKind {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            InvalidInput::new(
                "kind",
                "must be one of civil_society, security, government, international, donor",
            )
        })
    }
}

/// The display name of an organisation: 2 to 120 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct OrgName(String);

impl OrgName {
    pub const MAX: usize = 120;
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        text::bounded("name", raw, 2, Self::MAX).map(Self)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// A short URL-safe handle derived from the name, for public addresses a person can type
    /// from a poster or a text message (`/intake/kwpn`): the initials of a name of three words
    /// or more, else the words joined by hyphens. Accents are folded ("Réseau" gives "r");
    /// letters outside Latin are dropped, and a name with none left falls back to "org". The
    /// store makes it unique (see [`first_free`]).
    pub fn slug(&self) -> String {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = self
            .0
            .nfd()
            .filter(|c| c.is_ascii())
            .filter(|c| *c != '\'')
            .collect::<String>()
            .to_ascii_lowercase();
        let words: Vec<&str> =
            folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let out = if words.len() >= 3 {
            // A number keeps all its digits: "Police Station 3" is not "ps3"'s neighbour "ps30".
            words.iter().map(|w| if w.chars().all(|c| c.is_ascii_digit()) { w } else { &w[..1] }).collect()
        } else {
            words.join("-")
        };
        let out: String = out.chars().take(40).collect();
        let out = out.trim_end_matches('-');
        if out.is_empty() {
            "org".to_owned()
        } else {
            out.to_owned()
        }
    }
}

/// The first of `base`, `base-2`, `base-3`… that `taken` does not hold.
pub fn first_free(base: &str, taken: &[String]) -> String {
    (1..)
        .map(|n| if n == 1 { base.to_owned() } else { format!("{base}-{n}") })
        .find(|s| !taken.contains(s))
        .unwrap_or_else(|| base.to_owned())
}

/// Who leads an organisation. Kept as flags, not a kind, because a group can be all three.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgFlags {
    pub women_led: bool,
    pub youth_led: bool,
    pub minority_led: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_unknown_is_refused() {
        for k in OrgKind::ALL {
            assert_eq!(k.as_str().parse::<OrgKind>().unwrap(), k);
        }
        let err = "police".parse::<OrgKind>().unwrap_err();
        assert_eq!(err.field, "kind");
    }

    #[test]
    fn slugs() {
        let slug = |s: &str| OrgName::parse(s).unwrap().slug();
        assert_eq!(slug("Kumba Women's Peace Network"), "kwpn");
        assert_eq!(slug("Kumba Women’s Peace Network"), "kwpn", "a typographic apostrophe too");
        assert_eq!(slug("  --Police  Station 3--"), "ps3");
        assert_eq!(slug("Réseau des Élus Locaux"), "rdel", "accents folded");
        assert_eq!(slug("Lakes Network"), "lakes-network");
        assert_eq!(slug("Observatoire"), "observatoire");
        assert_eq!(slug("جمعية السلام"), "org");
        assert_eq!(slug("شبكة Kumba"), "kumba");
        assert!(slug(&"a b ".repeat(30)).len() <= 40);
        let taken = vec!["kwpn".to_owned(), "kwpn-2".to_owned()];
        assert_eq!(first_free("kwpn", &taken), "kwpn-3");
        assert_eq!(first_free("cps", &taken), "cps");
    }

    #[test]
    fn names_are_bounded() {
        assert!(OrgName::parse("A").is_err());
        assert!(OrgName::parse(&"x".repeat(121)).is_err());
        assert_eq!(OrgName::parse(" Ok ").unwrap().as_str(), "Ok");
    }
}
