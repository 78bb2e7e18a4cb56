//! The prevention index and scorecard (DESIGN §4.8): the methodology file, the GTI-style incident
//! sub-index, the arithmetic of transformation, normalisation and aggregation, the computation of
//! an edition with every intermediate value, and the Monte-Carlo sensitivity analysis. Pure: the
//! store holds inputs and editions, the web layer publishes them.
pub mod civic_space;
pub mod compute;
pub mod gti;
pub mod methodology;
pub mod sensitivity;
#[cfg(test)]
mod tests;
pub mod transform;

use serde::Serialize;

use crate::InvalidInput;

/// An edition's name: a year and a half, `2026H1` or `2026H2`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EditionName(String);

impl EditionName {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim().to_ascii_uppercase();
        // ASCII first: the slices below index bytes.
        let ok = s.is_ascii()
            && s.len() == 6
            && s[..4].chars().all(|c| c.is_ascii_digit())
            && (&s[4..] == "H1" || &s[4..] == "H2")
            && s[..4].parse::<i32>().is_ok_and(|y| (1990..=2200).contains(&y));
        if !ok {
            return Err(InvalidInput::new("edition", "must be a year and a half, such as 2026H1 or 2026H2"));
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn year(&self) -> i32 {
        self.0[..4].parse().unwrap_or(0)
    }
    /// The year whose data an edition uses by default: the previous year for the first half
    /// (published early in the year), the same year for the second.
    pub fn default_data_year(&self) -> i32 {
        if self.0.ends_with("H1") {
            self.year() - 1
        } else {
            self.year()
        }
    }
}

impl std::fmt::Display for EditionName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An ISO 3166-1 alpha-3 country code (user-assigned codes such as `XMR` allowed, for training
/// and fictional data).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Iso3(String);

impl Iso3 {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Self(s))
        } else {
            Err(InvalidInput::new("country", "must be an ISO 3166 alpha-3 code such as CMR"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Iso3 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
