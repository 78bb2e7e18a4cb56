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
    /// A URL-safe handle derived from the name, used in public addresses such as intake pages.
    /// Non-ASCII letters are dropped; a name with none left falls back to "org".
    pub fn slug(&self) -> String {
        let mut out = String::new();
        for c in self.0.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let out = out.trim_end_matches('-').chars().take(60).collect::<String>();
        let out = out.trim_end_matches('-').to_owned();
        if out.is_empty() {
            "org".to_owned()
        } else {
            out
        }
    }
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
        assert_eq!(slug("Kumba Women's Peace Network"), "kumba-women-s-peace-network");
        assert_eq!(slug("  --Police  Station 3--"), "police-station-3");
        assert_eq!(slug("جمعية السلام"), "org");
        assert!(slug(&"a b ".repeat(30)).len() <= 60);
    }

    #[test]
    fn names_are_bounded() {
        assert!(OrgName::parse("A").is_err());
        assert!(OrgName::parse(&"x".repeat(121)).is_err());
        assert_eq!(OrgName::parse(" Ok ").unwrap().as_str(), "Ok");
    }
}
