//! The level of local ownership an area has reached (DESIGN §4.5), from the last twelve months'
//! evidence, the highest that holds: information sharing (reports or shared data exist) <
//! dialogue and consultation (a forum meeting in the area with civil-society and security or
//! government participants) < joint implementation (a commitment owned by a security or
//! government organisation done with evidence, or an alert assigned to one and answered) <
//! joint oversight (a security unit's scorecard covering the area, with indicator measurements
//! recorded by a civil-society organisation). Each level names the records it rests on; evidence
//! older than twelve months no longer counts, so a level falls back when nothing renews it.
use chrono::{Duration, NaiveDate};
use serde::Serialize;

/// How far back evidence counts.
pub const WINDOW_DAYS: i64 = 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Level {
    InformationSharing,
    DialogueConsultation,
    JointImplementation,
    JointOversight,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::InformationSharing,
        Level::DialogueConsultation,
        Level::JointImplementation,
        Level::JointOversight,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Level::InformationSharing => "information_sharing",
            Level::DialogueConsultation => "dialogue_consultation",
            Level::JointImplementation => "joint_implementation",
            Level::JointOversight => "joint_oversight",
        }
    }
}

/// One record that shows a level was reached, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub level: Level,
    /// When it happened (a meeting's day, the day a commitment was done or an alert answered).
    pub on: NaiveDate,
    /// What it is (`report`, `meeting`, `commitment`, `alert`, `scorecard`) and its id.
    pub kind: String,
    pub id: String,
}

/// The level reached on `today`, with the evidence of that level still in the window (newest
/// first); None when there is no evidence at all in the window.
pub fn level(evidence: &[Evidence], today: NaiveDate) -> Option<(Level, Vec<&Evidence>)> {
    let (top, behind) = level_at(evidence, today)?;
    Some((top, behind.into_iter().map(|i| &evidence[i]).collect()))
}

/// [`level`], naming the evidence behind it by its place in `evidence`, so that a caller holding
/// the records beside it finds each without a search.
pub fn level_at(evidence: &[Evidence], today: NaiveDate) -> Option<(Level, Vec<usize>)> {
    let fresh = |e: &Evidence| e.on <= today && e.on > today - Duration::days(WINDOW_DAYS);
    let top = evidence.iter().filter(|e| fresh(e)).map(|e| e.level).max()?;
    let mut behind: Vec<usize> =
        (0..evidence.len()).filter(|&i| fresh(&evidence[i]) && evidence[i].level == top).collect();
    behind.sort_by(|&a, &b| {
        let (a, b) = (&evidence[a], &evidence[b]);
        b.on.cmp(&a.on).then_with(|| a.id.cmp(&b.id))
    });
    Some((top, behind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ev(level: Level, on: NaiveDate, id: &str) -> Evidence {
        Evidence { level, on, kind: "record".into(), id: id.into() }
    }

    #[test]
    fn an_area_climbs_through_the_four_levels_as_evidence_is_added() {
        let today = day(2026, 6, 1);
        let mut all = vec![];
        assert_eq!(level(&all, today), None, "no evidence, no level");
        let steps = [
            (Level::InformationSharing, "report"),
            (Level::DialogueConsultation, "meeting"),
            (Level::JointImplementation, "commitment"),
            (Level::JointOversight, "scorecard"),
        ];
        for (i, (l, id)) in steps.into_iter().enumerate() {
            all.push(ev(l, today - Duration::days(10 * i as i64), id));
            let (got, behind) = level(&all, today).unwrap();
            assert_eq!(got, l);
            assert_eq!(
                behind.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
                [id],
                "it names its records"
            );
        }
    }

    #[test]
    fn a_level_falls_back_when_its_evidence_is_older_than_twelve_months() {
        let all = [
            ev(Level::JointImplementation, day(2025, 6, 1), "commitment"),
            ev(Level::DialogueConsultation, day(2025, 9, 15), "meeting"),
            ev(Level::InformationSharing, day(2026, 5, 20), "report"),
        ];
        assert_eq!(level(&all, day(2026, 5, 31)).unwrap().0, Level::JointImplementation, "364 days on");
        assert_eq!(level(&all, day(2026, 6, 1)).unwrap().0, Level::DialogueConsultation, "365 days: gone");
        assert_eq!(level(&all, day(2026, 9, 15)).unwrap().0, Level::InformationSharing);
        assert_eq!(level(&all, day(2027, 5, 20)), None, "nothing left in the window");
        assert_eq!(level(&all, day(2025, 5, 1)), None, "nor anything yet");
    }

    #[test]
    fn the_evidence_behind_a_level_is_listed_newest_first() {
        let all = [
            ev(Level::DialogueConsultation, day(2026, 1, 10), "m1"),
            ev(Level::DialogueConsultation, day(2026, 4, 10), "m2"),
            ev(Level::InformationSharing, day(2026, 5, 1), "r1"),
        ];
        let (l, behind) = level(&all, day(2026, 6, 1)).unwrap();
        assert_eq!(l, Level::DialogueConsultation);
        assert_eq!(behind.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["m2", "m1"]);
        assert_eq!(Level::ALL.map(Level::as_str)[3], "joint_oversight");
        assert_eq!(serde_json::to_value(Level::JointImplementation).unwrap(), "joint_implementation");
    }
}
