//! Reports of community-level concerns: severity, status workflow, channels and categories. A
//! report describes a situation, never a suspect (DESIGN §2 rule 2): there is no field for a
//! person of interest and no search by person.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::InvalidInput;

/// 1 (low) to 4 (critical: opens an alert at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Severity(u8);

impl Severity {
    pub fn new(n: i64) -> Result<Self, InvalidInput> {
        match n {
            1..=4 => Ok(Self(n as u8)),
            _ => Err(InvalidInput::new("severity", "must be 1, 2, 3 or 4")
                .because(crate::Problem::Range { min: 1, max: 4 })),
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    New,
    Verified,
    Dismissed,
    Closed,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 4] =
        [ReportStatus::New, ReportStatus::Verified, ReportStatus::Dismissed, ReportStatus::Closed];
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::New => "new",
            ReportStatus::Verified => "verified",
            ReportStatus::Dismissed => "dismissed",
            ReportStatus::Closed => "closed",
        }
    }
    /// The workflow: new → verified | dismissed → closed.
    pub fn can_become(self, next: ReportStatus) -> bool {
        use ReportStatus::*;
        matches!((self, next), (New, Verified) | (New, Dismissed) | (Verified, Closed) | (Dismissed, Closed))
    }
    /// Whether the report counts towards alerts: a dismissed report is taken out.
    pub fn counts(self) -> bool {
        self != ReportStatus::Dismissed
    }
    /// The status a workflow step leads to: `verify`, `dismiss` or `close`.
    pub fn from_transition(step: &str) -> Option<Self> {
        match step {
            "verify" => Some(ReportStatus::Verified),
            "dismiss" => Some(ReportStatus::Dismissed),
            "close" => Some(ReportStatus::Closed),
            _ => None,
        }
    }
}

impl fmt::Display for ReportStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ReportStatus {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| InvalidInput::new("status", "must be one of new, verified, dismissed, closed"))
    }
}

/// How a report reached Tandem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A member filed it on the web form.
    Web,
    /// A hotline operator recorded a call for a caller who stays anonymous.
    Hotline,
    /// A community member used the public intake page, without an account.
    Intake,
    Api,
    Csv,
    Sms,
    Openrosa,
    /// Imported event data (ACLED- or UCDP-style) for context.
    EventData,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Web,
        Channel::Hotline,
        Channel::Intake,
        Channel::Api,
        Channel::Csv,
        Channel::Sms,
        Channel::Openrosa,
        Channel::EventData,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Hotline => "hotline",
            Channel::Intake => "intake",
            Channel::Api => "api",
            Channel::Csv => "csv",
            Channel::Sms => "sms",
            Channel::Openrosa => "openrosa",
            Channel::EventData => "event_data",
        }
    }
}

impl FromStr for Channel {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| InvalidInput::new("channel", "is not a known channel"))
    }
}

/// The channels whose reports count towards EARS before anyone verifies them: those where the
/// organisation's own people record reports. By default every channel but the public intake page
/// and text messages, which anyone can send (two unverified anonymous submissions once raised
/// national alerts). An operator sets the list (`trusted_channels`); an empty list means only
/// verified reports count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedChannels(Vec<Channel>);

impl Default for TrustedChannels {
    fn default() -> Self {
        Self(Channel::ALL.into_iter().filter(|c| !matches!(c, Channel::Intake | Channel::Sms)).collect())
    }
}

impl TrustedChannels {
    /// A comma-separated list of channel names ("web, hotline, openrosa"); "none" or an empty
    /// text for none.
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let mut out = Vec::new();
        for name in raw.split(',').map(str::trim).filter(|n| !n.is_empty() && *n != "none") {
            let c: Channel = name.parse().map_err(|_| {
                let known: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
                InvalidInput::new(
                    "trusted_channels",
                    format!("{name:?} is not a channel (one of {})", known.join(", ")),
                )
            })?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        Ok(Self(out))
    }
    pub fn contains(&self, c: Channel) -> bool {
        self.0.contains(&c)
    }
    pub fn as_slice(&self) -> &[Channel] {
        &self.0
    }
}

/// A category's handle: lower-case ASCII letters, digits and `_`, 2 to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CategorySlug(String);

impl CategorySlug {
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        let s = raw.trim();
        if s.len() < 2
            || s.len() > 40
            || !s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(InvalidInput::new("category", "must be a category slug such as hate_speech"));
        }
        Ok(Self(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The default taxonomy, following the papers: community-level conditions, none of which targets
/// a person. (slug, English name, reference category, severity that opens an alert at once)
pub const DEFAULT_CATEGORIES: [(&str, &str, &str, u8); 9] = [
    ("hate_speech", "Hate speech and incitement", "hate_speech", 4),
    ("repression", "Repression and abuse by security actors", "repression", 4),
    ("intercommunal_tension", "Intercommunal tension", "intercommunal_tension", 4),
    ("recruitment_activity", "Recruitment activity", "recruitment_activity", 4),
    ("gbv", "Gender-based violence", "gbv", 4),
    ("crime", "Crime", "crime", 4),
    ("service_grievance", "Service grievance", "service_grievance", 4),
    ("displacement", "Displacement", "displacement", 4),
    ("peace_initiative", "Positive or peace initiative", "peace_initiative", 5),
];

/// The longest description accepted: long enough for a detailed account, short enough that a
/// single report cannot bloat the database.
pub const DESCRIPTION_MAX: usize = 4000;
/// The longest reporter contact taken (the field form refuses longer ones on the phone).
pub const CONTACT_MAX: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_steps_name_their_status() {
        assert_eq!(ReportStatus::from_transition("verify"), Some(ReportStatus::Verified));
        assert_eq!(ReportStatus::from_transition("dismiss"), Some(ReportStatus::Dismissed));
        assert_eq!(ReportStatus::from_transition("close"), Some(ReportStatus::Closed));
        assert_eq!(ReportStatus::from_transition("new"), None, "nothing leads back to new");
    }

    #[test]
    fn severity_bounds() {
        assert!(Severity::new(0).is_err() && Severity::new(5).is_err() && Severity::new(-1).is_err());
        assert_eq!(Severity::new(4).unwrap().get(), 4);
    }

    #[test]
    fn workflow() {
        use ReportStatus::*;
        assert!(
            New.can_become(Verified)
                && New.can_become(Dismissed)
                && Verified.can_become(Closed)
                && Dismissed.can_become(Closed)
        );
        assert!(
            !Verified.can_become(New)
                && !Closed.can_become(Verified)
                && !New.can_become(Closed)
                && !New.can_become(New)
        );
        assert!(!Dismissed.counts() && New.counts() && Closed.counts());
    }

    #[test]
    fn slugs_and_defaults() {
        assert!(CategorySlug::parse("hate_speech").is_ok());
        for bad in ["Hate", "a", "hate speech", "x'--"] {
            assert!(CategorySlug::parse(bad).is_err(), "{bad}");
        }
        for (slug, ..) in DEFAULT_CATEGORIES {
            assert!(CategorySlug::parse(slug).is_ok());
        }
    }
}
