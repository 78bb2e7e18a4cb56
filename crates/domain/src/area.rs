//! Areas: the administrative hierarchy country > admin1 > admin2 > locality, each with a P-code
//! (the humanitarian place code, e.g. `MR01` or `MR0103`), used to place reports and draw maps.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::InvalidInput;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaLevel {
    Country,
    Admin1,
    Admin2,
    Locality,
}

impl AreaLevel {
    pub const ALL: [AreaLevel; 4] =
        [AreaLevel::Country, AreaLevel::Admin1, AreaLevel::Admin2, AreaLevel::Locality];
    pub fn as_str(self) -> &'static str {
        match self {
            AreaLevel::Country => "country",
            AreaLevel::Admin1 => "admin1",
            AreaLevel::Admin2 => "admin2",
            AreaLevel::Locality => "locality",
        }
    }
    /// The level a parent must have: the one directly above (a locality may sit in any higher one).
    pub fn parent_ok(self, parent: AreaLevel) -> bool {
        match self {
            AreaLevel::Country => false,
            AreaLevel::Locality => parent < AreaLevel::Locality,
            _ => (parent as u8) + 1 == self as u8,
        }
    }
}

impl fmt::Display for AreaLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AreaLevel {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AreaLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| InvalidInput::new("level", "must be one of country, admin1, admin2, locality"))
    }
}

/// A P-code: 2 to 24 characters of ASCII letters, digits, `-` and `_`, kept upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PCode(String);

impl PCode {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() < 2 || s.len() > 24 {
            return Err(InvalidInput::new("code", "must be 2 to 24 characters"));
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(InvalidInput::new("code", "may hold only letters, digits, '-' and '_'"));
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_parents() {
        use AreaLevel::*;
        assert!(Admin1.parent_ok(Country) && Admin2.parent_ok(Admin1));
        assert!(!Admin2.parent_ok(Country) && !Country.parent_ok(Country) && !Admin1.parent_ok(Admin2));
        assert!(Locality.parent_ok(Admin2) && Locality.parent_ok(Admin1) && !Locality.parent_ok(Locality));
        assert_eq!("admin2".parse::<AreaLevel>().unwrap(), Admin2);
        assert!("district".parse::<AreaLevel>().is_err());
    }

    #[test]
    fn pcodes() {
        assert_eq!(PCode::parse(" mr0103 ").unwrap().as_str(), "MR0103");
        for bad in ["", "M", "MR 01", "MR/01", "MR01'--", &"X".repeat(25)] {
            assert!(PCode::parse(bad).is_err(), "{bad:?}");
        }
    }
}
