//! The funding register (DESIGN §4.7): who funds what, for how long, in which areas. Amounts are
//! kept as bands, not figures — a small CSO's budget is nobody's business but the band says
//! enough to see where money goes — and a grant of six months or less is flagged, because the
//! papers name the three-to-six-month cycle as what keeps local organisations from lasting
//! work (context 002). No I/O.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

use crate::text::{self, list};
use crate::wheel::Activity;
use crate::{InvalidInput, Problem};

crate::word_list!(
    /// The size of a grant, in US dollars.
    AmountBand, "band", "is not an amount band", {
        Under10k => "under_10k",
        From10kTo50k => "10k_50k",
        From50kTo250k => "50k_250k",
        From250kTo1m => "250k_1m",
        Over1m => "over_1m",
        NotGiven => "not_given",
    }
);

impl AmountBand {
    /// The band of an amount in US dollars.
    pub fn of(amount: f64) -> Self {
        match amount {
            a if a < 10_000.0 => Self::Under10k,
            a if a < 50_000.0 => Self::From10kTo50k,
            a if a < 250_000.0 => Self::From50kTo250k,
            a if a < 1_000_000.0 => Self::From250kTo1m,
            _ => Self::Over1m,
        }
    }
}

/// What is wrong in an IATI activity file, in a form every language can say (the line travels
/// beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IatiFault {
    /// Not well-formed XML, or entities it would have to expand.
    NotXml,
    /// Well-formed, but not an `iati-activities` document.
    NotActivities,
    /// No `iati-activity` in it.
    NoActivities,
    /// More activities than one file may hold.
    TooMany,
    /// The `activity`-th activity (from 1) has no valid `field`.
    Field { activity: u64, field: &'static str },
    /// The `activity`-th activity repeats an identifier given earlier in the file.
    RepeatedId { activity: u64 },
}

/// How long a grant may run and still be flagged short: six months, as 183 days.
pub const SHORT_DAYS: i64 = 183;

/// Whether a grant from `start` to `end` runs six months or less.
pub fn short(start: NaiveDate, end: NaiveDate) -> bool {
    (end - start).num_days() <= SHORT_DAYS
}

/// A grant as it arrives (the API, the page, or an IATI activity).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GrantInput {
    /// The funder's name (a funder need not be on Tandem).
    pub funder: String,
    /// The organisation that carries the work out, by name; matched to an organisation on
    /// Tandem where one has that name.
    pub recipient: String,
    pub title: String,
    pub band: String,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub activities: Vec<String>,
    /// The IATI identifier, when the grant came from an IATI file or is published in one.
    #[serde(default)]
    pub iati_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantText {
    pub funder: String,
    pub recipient: String,
    pub title: String,
    pub band: AmountBand,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub areas: Vec<String>,
    pub activities: Vec<Activity>,
    pub iati_id: String,
}

/// Years a grant's dates may fall in: a typo such as year 262026 would count as current for ever.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

fn date(field: &'static str, raw: &str) -> Result<NaiveDate, InvalidInput> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
        .ok_or_else(|| InvalidInput::new(field, "must be a date (YYYY-MM-DD)").because(Problem::Required))
}

/// An IATI identifier: the reporting organisation's identifier, a hyphen, its own reference;
/// letters, digits and `-._/:` only (the standard's rule for identifiers).
pub fn iati_identifier(raw: &str) -> Result<String, InvalidInput> {
    let s = text::bounded("iati_id", raw, 3, 200)?;
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "-._/:".contains(c)) {
        Ok(s)
    } else {
        Err(InvalidInput::new("iati_id", "may hold only letters, digits and - . _ / :"))
    }
}

impl GrantInput {
    pub fn parse(&self, known_area: impl Fn(&str) -> bool) -> Result<GrantText, InvalidInput> {
        let areas = list("areas", &self.areas, 40, 50)?;
        if areas.is_empty() {
            return Err(InvalidInput::new("areas", "name at least one area").because(Problem::NoneChosen));
        }
        if let Some(a) = areas.iter().find(|a| !known_area(a)) {
            return Err(
                InvalidInput::new("areas", format!("no area has the code {a}")).because(Problem::Unknown)
            );
        }
        let start = date("start", &self.start)?;
        let end = date("end", &self.end)?;
        if end <= start {
            return Err(InvalidInput::new("end", "must be after the start").because(Problem::EndBeforeStart));
        }
        let activities = crate::registry::words("activities", &self.activities, Activity::ALL)?;
        Ok(GrantText {
            funder: text::bounded("funder", &self.funder, 2, 200)?,
            recipient: text::bounded("recipient", &self.recipient, 2, 200)?,
            title: text::bounded("title", &self.title, 3, 300)?,
            band: AmountBand::from_str(&self.band)?,
            start,
            end,
            areas,
            activities,
            iati_id: if self.iati_id.trim().is_empty() {
                String::new()
            } else {
                iati_identifier(&self.iati_id)?
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> GrantInput {
        GrantInput {
            funder: "Lakeside Foundation".into(),
            recipient: "Kumba Women's Peace Network".into(),
            title: "Women's safety audits".into(),
            band: "10k_50k".into(),
            start: "2026-01-01".into(),
            end: "2026-06-30".into(),
            areas: vec!["XE01".into()],
            activities: vec!["assessment, monitoring".into()],
            iati_id: "XM-DAC-1-2026-17".into(),
        }
    }

    #[test]
    fn a_grant_is_checked_and_short_ones_are_flagged() {
        let g = input().parse(|a| a == "XE01").unwrap();
        assert_eq!(g.activities, [Activity::Assessment, Activity::Monitoring]);
        assert!(short(g.start, g.end), "January to June is six months");
        assert!(!short(g.start, "2026-12-31".parse().unwrap()));
        for (field, bad) in [
            ("end", GrantInput { end: "2025-12-01".into(), ..input() }),
            ("start", GrantInput { start: "soon".into(), ..input() }),
            ("start", GrantInput { start: "+262026-01-01".into(), ..input() }),
            ("end", GrantInput { end: "9999-12-31".into(), ..input() }),
            ("band", GrantInput { band: "lots".into(), ..input() }),
            ("areas", GrantInput { areas: vec!["ZZ".into()], ..input() }),
            ("iati_id", GrantInput { iati_id: "no spaces here".into(), ..input() }),
            ("activities", GrantInput { activities: vec!["patrol".into()], ..input() }),
        ] {
            assert_eq!(bad.parse(|a| a == "XE01").unwrap_err().field, field);
        }
        assert_eq!(AmountBand::of(9_999.0), AmountBand::Under10k);
        assert_eq!(AmountBand::of(50_000.0), AmountBand::From50kTo250k);
        assert_eq!(AmountBand::of(2e6), AmountBand::Over1m);
    }
}
