//! Forums, the standing dialogue mechanisms of the coordination wheel (DESIGN §4.5), and the
//! commitments agreed in them: the kinds of forum, who took part in a meeting as aggregate
//! counts (never a list of people), a commitment's steps, when it is overdue, and each owner's
//! commitment-keeping rate. No I/O.
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{InvalidInput, OrgKind, Problem};

crate::word_list!(
    /// What kind of standing mechanism a forum is.
    ForumKind, "kind", "is not a kind of forum", {
        CommunityPolice => "community_police",
        SecurityCommittee => "security_committee",
        SafetyAudit => "safety_audit",
        HighLevelExchange => "high_level_exchange",
        Oversight => "oversight",
    }
);

crate::word_list!(
    /// How often a forum means to meet: what "regular meetings" is measured against.
    Cadence, "cadence", "is not how often a forum meets", {
        Monthly => "monthly",
        Quarterly => "quarterly",
        TwiceAYear => "twice_a_year",
        AsNeeded => "as_needed",
    }
);

impl Cadence {
    /// The longest gap between two meetings that still keeps to the cadence, in days (None:
    /// no cadence to keep). A week's grace on a month: meetings slip.
    pub fn max_gap_days(self) -> Option<i64> {
        match self {
            Cadence::Monthly => Some(38),
            Cadence::Quarterly => Some(100),
            Cadence::TwiceAYear => Some(190),
            Cadence::AsNeeded => None,
        }
    }
}

// The enum comes from `word_list!`, which has no place for `#[default]` on a variant.
#[allow(clippy::derivable_impls)]
impl Default for Cadence {
    fn default() -> Self {
        Cadence::Quarterly
    }
}

crate::word_list!(
    /// A participant's gender, as the meeting's record counts it.
    Gender, "gender", "is not female, male or other", {
        Female => "female",
        Male => "male",
        Other => "other",
    }
);

/// A participant's age band. Written out rather than by `word_list!`: its words (`18_24`) are no
/// identifiers, and the serialised names must be the contract's (DESIGN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AgeBand {
    #[serde(rename = "under_18")]
    Under18,
    #[serde(rename = "18_24")]
    From18To24,
    #[serde(rename = "25_34")]
    From25To34,
    #[serde(rename = "35_49")]
    From35To49,
    #[serde(rename = "50_plus")]
    Over50,
}

impl AgeBand {
    pub const ALL: &'static [AgeBand] =
        &[AgeBand::Under18, AgeBand::From18To24, AgeBand::From25To34, AgeBand::From35To49, AgeBand::Over50];
    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::Under18 => "under_18",
            AgeBand::From18To24 => "18_24",
            AgeBand::From25To34 => "25_34",
            AgeBand::From35To49 => "35_49",
            AgeBand::Over50 => "50_plus",
        }
    }
}

impl FromStr for AgeBand {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == s.trim())
            .ok_or_else(|| InvalidInput::new("age_band", "is not an age band").because(Problem::Unknown))
    }
}

impl AgeBand {
    /// Youth as the UN's youth, peace and security agenda counts it (18–29), approximated by
    /// the bands: under 18 and 18–24.
    pub fn is_youth(self) -> bool {
        matches!(self, AgeBand::Under18 | AgeBand::From18To24)
    }
}

/// One line of a meeting's attendance: how many people of one organisation kind, gender and age
/// band took part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participants {
    pub org_kind: OrgKind,
    pub gender: Gender,
    pub age_band: AgeBand,
    pub count: u32,
}

/// Most lines one meeting's attendance may have (5 kinds × 3 genders × 5 bands is 75).
pub const MAX_PARTICIPANT_LINES: usize = 75;
/// Most people one line may count.
pub const MAX_PER_LINE: u32 = 5_000;

/// Checks a meeting's attendance: at least one person, each line counting 1 to
/// [`MAX_PER_LINE`], no two lines for the same kind, gender and band (they would be one line).
pub fn attendance(lines: &[Participants]) -> Result<Vec<Participants>, InvalidInput> {
    if lines.is_empty() {
        return Err(InvalidInput::new("participants", "name at least one group of people who took part")
            .because(Problem::NoneChosen));
    }
    if lines.len() > MAX_PARTICIPANT_LINES {
        return Err(InvalidInput::new("participants", format!("at most {MAX_PARTICIPANT_LINES} lines")));
    }
    let mut seen = BTreeSet::new();
    for p in lines {
        if !(1..=MAX_PER_LINE).contains(&p.count) {
            return Err(InvalidInput::new("participants", format!("each count is from 1 to {MAX_PER_LINE}"))
                .because(Problem::Range { min: 1, max: i64::from(MAX_PER_LINE) }));
        }
        if !seen.insert((p.org_kind.as_str(), p.gender.as_str(), p.age_band.as_str())) {
            let (k, g, a) = (p.org_kind.as_str(), p.gender.as_str(), p.age_band.as_str());
            return Err(InvalidInput::new("participants", format!("{k}, {g}, {a} is counted twice")));
        }
    }
    Ok(lines.to_vec())
}

/// Whether a meeting brought civil society and the state to one table: people from a
/// civil-society organisation and from a security or government one (the
/// `dialogue_consultation` level of DESIGN §4.5).
pub fn is_dialogue(lines: &[Participants]) -> bool {
    let has = |f: fn(OrgKind) -> bool| lines.iter().any(|p| p.count > 0 && f(p.org_kind));
    has(|k| k == OrgKind::CivilSociety) && has(|k| matches!(k, OrgKind::Security | OrgKind::Government))
}

crate::word_list!(
    /// Where a commitment stands.
    CommitmentStatus, "status", "is not open, in_progress, done or dropped", {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
        Dropped => "dropped",
    }
);

impl CommitmentStatus {
    /// Open → in progress → done, or dropped from either; done and dropped are final (a
    /// commitment taken up again is a new one, agreed at a meeting).
    pub fn may_become(self, to: CommitmentStatus) -> bool {
        use CommitmentStatus::*;
        matches!((self, to), (Open, InProgress | Done | Dropped) | (InProgress, Done | Dropped))
    }
    pub fn is_final(self) -> bool {
        matches!(self, CommitmentStatus::Done | CommitmentStatus::Dropped)
    }
}

/// Longest a commitment may run: two years from the day it is agreed.
pub const MAX_DUE_DAYS: i64 = 731;

/// The evidence a step needs: done and dropped say what was done, or why not (3 to 2,000
/// characters); in progress may say nothing.
pub fn step_evidence(to: CommitmentStatus, raw: Option<&str>) -> Result<Option<String>, InvalidInput> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty());
    match (to, raw) {
        (CommitmentStatus::Open, _) => {
            Err(InvalidInput::new("status", "a commitment cannot be opened again").because(Problem::Unknown))
        }
        (CommitmentStatus::InProgress, None) => Ok(None),
        (CommitmentStatus::Done | CommitmentStatus::Dropped, None) => Err(InvalidInput::new(
            "evidence",
            "say what was done, or why it was dropped, and where the proof is",
        )
        .because(Problem::Required)),
        (_, Some(text)) => crate::text::multiline("evidence", text, 3, 2_000).map(Some),
    }
}

/// A commitment as the rules below read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: CommitmentStatus,
    /// The day it was marked done.
    pub done_on: Option<NaiveDate>,
    /// Whether another member organisation confirmed it done.
    pub confirmed: bool,
}

/// Whether a commitment is past its due day on `today` and still not done or dropped.
pub fn overdue(status: CommitmentStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    !status.is_final() && due_on < today
}

/// One organisation's commitment keeping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Keeping {
    pub org: String,
    /// Commitments whose due day has passed (dropped ones included: a dropped commitment was
    /// not kept).
    pub due: u32,
    /// Of those, the ones marked done on or before their due day and confirmed by another
    /// member organisation: both keys, as a verified violation has two.
    pub kept_on_time: u32,
    /// Due and still open or in progress.
    pub overdue: u32,
}

impl Keeping {
    /// kept on time ÷ due, None when nothing was due yet.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| f64::from(self.kept_on_time) / f64::from(self.due))
    }
}

/// Each owner's keeping on `today`, by organisation id. A commitment is due once its due day
/// has passed, or once it is done or dropped (a commitment kept early counts before its day).
pub fn keeping(commitments: &[Kept], today: NaiveDate) -> Vec<Keeping> {
    let mut by: BTreeMap<&str, Keeping> = BTreeMap::new();
    for c in commitments {
        let k = by.entry(&c.owner).or_insert_with(|| Keeping {
            org: c.owner.clone(),
            due: 0,
            kept_on_time: 0,
            overdue: 0,
        });
        let due = c.due_on < today || c.status.is_final();
        if !due {
            continue;
        }
        k.due += 1;
        let on_time = c.done_on.is_some_and(|d| d <= c.due_on);
        if c.status == CommitmentStatus::Done && on_time && c.confirmed {
            k.kept_on_time += 1;
        }
        if overdue(c.status, c.due_on, today) {
            k.overdue += 1;
        }
    }
    by.into_values().collect()
}

crate::word_list!(
    /// What a commitment's evidence may link to: a report, an alert, or a violation referred to
    /// (or documented by) the organisation.
    LinkedKind, "evidence_link", "is not the address of a report, an alert or a referral", {
        Report => "report",
        Alert => "alert",
        Violation => "violation",
    }
);

/// A record of another capability that shows a commitment was kept, as its page's address was
/// pasted (`https://tandem.example/reports/…`, `/shared/alerts/…`, `/referrals/…`, or the
/// API's `/api/v1/…`). Only where it points is read here; whether the owner may open it is the
/// service's check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLink {
    pub kind: LinkedKind,
    /// As the owner's pages name it: an alert assigned to it is `/shared/alerts/…`.
    pub shared: bool,
    pub id: String,
}

impl EvidenceLink {
    /// None for a blank field.
    pub fn parse(raw: &str) -> Result<Option<Self>, InvalidInput> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let refused = || {
            InvalidInput::new(
                "evidence_link",
                "paste the address of a report, an alert or a referral on Tandem",
            )
            .because(Problem::NotALink)
        };
        let path = match raw.split_once("://") {
            Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).ok_or_else(refused)?,
            None => raw,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_prefix("/api/v1").unwrap_or(path);
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let (kind, shared, id) = match parts.as_slice() {
            ["reports", id] => (LinkedKind::Report, false, *id),
            ["alerts", id] => (LinkedKind::Alert, false, *id),
            ["shared", "alerts", id] => (LinkedKind::Alert, true, *id),
            ["referrals", id] | ["violations", id] => (LinkedKind::Violation, false, *id),
            _ => return Err(refused()),
        };
        let id = uuid::Uuid::parse_str(id).map_err(|_| refused())?;
        Ok(Some(Self { kind, shared, id: id.to_string() }))
    }

    /// Where the owner opens it, as kept with the commitment.
    pub fn path(&self, referral: bool) -> String {
        match (self.kind, self.shared) {
            (LinkedKind::Report, _) => format!("/reports/{}", self.id),
            (LinkedKind::Alert, false) => format!("/alerts/{}", self.id),
            (LinkedKind::Alert, true) => format!("/shared/alerts/{}", self.id),
            (LinkedKind::Violation, _) if referral => format!("/referrals/{}", self.id),
            (LinkedKind::Violation, _) => format!("/violations/{}", self.id),
        }
    }

    /// Where the other side of a shared record opens it: the organisation that assigned an alert
    /// sees it among its own alerts, the observatory that referred a violation among its
    /// violations. Anyone else is shown 404 there, which tells nothing.
    pub fn other_side(path: &str) -> String {
        if let Some(id) = path.strip_prefix("/shared/alerts/") {
            format!("/alerts/{id}")
        } else if let Some(id) = path.strip_prefix("/referrals/") {
            format!("/violations/{id}")
        } else {
            path.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn line(org_kind: OrgKind, gender: Gender, age_band: AgeBand, count: u32) -> Participants {
        Participants { org_kind, gender, age_band, count }
    }

    #[test]
    fn attendance_counts_groups_never_twice_and_never_nobody() {
        use AgeBand::*;
        use Gender::*;
        let ok = [
            line(OrgKind::CivilSociety, Female, From18To24, 6),
            line(OrgKind::Security, Male, From35To49, 3),
        ];
        assert_eq!(attendance(&ok).unwrap().len(), 2);
        assert!(is_dialogue(&ok));
        assert!(!is_dialogue(&ok[..1]), "civil society alone is not a dialogue with the state");
        assert_eq!(attendance(&[]).unwrap_err().field, "participants");
        let twice = [ok[0], line(OrgKind::CivilSociety, Female, From18To24, 2)];
        assert!(attendance(&twice).unwrap_err().message.contains("counted twice"));
        let zero = [line(OrgKind::CivilSociety, Female, From18To24, 0)];
        assert!(attendance(&zero).is_err());
        assert!("18_24".parse::<AgeBand>().unwrap().is_youth());
        assert!(!"50_plus".parse::<AgeBand>().unwrap().is_youth());
        assert_eq!("female".parse::<Gender>().unwrap(), Female);
        assert_eq!("nobody".parse::<ForumKind>().unwrap_err().field, "kind");
    }

    #[test]
    fn words_serialise_as_they_are_written() {
        for a in AgeBand::ALL {
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        for k in ForumKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for c in Cadence::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for s in CommitmentStatus::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
    }

    #[test]
    fn a_commitment_moves_forward_and_says_what_was_done() {
        use CommitmentStatus::*;
        assert!(Open.may_become(InProgress) && Open.may_become(Done) && InProgress.may_become(Dropped));
        assert!(!Done.may_become(InProgress) && !Dropped.may_become(Done) && !InProgress.may_become(Open));
        assert_eq!(step_evidence(Done, None).unwrap_err().field, "evidence");
        assert_eq!(step_evidence(Dropped, Some("  ")).unwrap_err().field, "evidence");
        assert_eq!(step_evidence(InProgress, None).unwrap(), None);
        assert_eq!(step_evidence(Done, Some(" lights fixed ")).unwrap().as_deref(), Some("lights fixed"));
        assert_eq!(step_evidence(Open, Some("x")).unwrap_err().field, "status");
        assert!(overdue(Open, day(3, 1), day(3, 2)) && !overdue(Open, day(3, 2), day(3, 2)));
        assert!(!overdue(Done, day(3, 1), day(6, 1)));
    }

    #[test]
    fn keeping_counts_what_was_due_and_kept_on_time_with_both_keys() {
        use CommitmentStatus::*;
        let c = |owner: &str, due: NaiveDate, status, done: Option<NaiveDate>, confirmed| Kept {
            owner: owner.into(),
            due_on: due,
            status,
            done_on: done,
            confirmed,
        };
        let today = day(6, 1);
        let all = [
            // The police: kept on time and confirmed; kept late; done on time but not yet
            // confirmed; overdue; dropped; not due yet.
            c("police", day(3, 1), Done, Some(day(2, 20)), true),
            c("police", day(3, 1), Done, Some(day(3, 9)), true),
            c("police", day(4, 1), Done, Some(day(4, 1)), false),
            c("police", day(5, 1), InProgress, None, false),
            c("police", day(5, 15), Dropped, None, false),
            c("police", day(9, 1), Open, None, false),
            // The municipality kept one early, before its due day: due already.
            c("town", day(9, 1), Done, Some(day(5, 2)), true),
        ];
        let k = keeping(&all, today);
        let police = k.iter().find(|k| k.org == "police").unwrap();
        assert_eq!((police.due, police.kept_on_time, police.overdue), (5, 1, 1));
        assert_eq!(police.rate(), Some(0.2));
        let town = k.iter().find(|k| k.org == "town").unwrap();
        assert_eq!((town.due, town.kept_on_time, town.rate()), (1, 1, Some(1.0)));
        let quiet = keeping(&all[5..6], today);
        assert_eq!((quiet[0].due, quiet[0].rate()), (0, None));
    }

    #[test]
    fn an_evidence_link_is_read_from_the_address_of_its_page() {
        let id = "0b0c0c1d-70b8-4a3e-9c1f-5694ca000001";
        let read = |raw: &str| EvidenceLink::parse(raw).unwrap().unwrap();
        let l = read(&format!("https://tandem.example/shared/alerts/{id}?done=alert-responded#top"));
        assert_eq!((l.kind, l.shared, l.id.as_str()), (LinkedKind::Alert, true, id));
        assert_eq!(l.path(false), format!("/shared/alerts/{id}"));
        assert_eq!(EvidenceLink::other_side(&l.path(false)), format!("/alerts/{id}"));
        let l = read(&format!("  /api/v1/reports/{}  ", id.to_uppercase()));
        assert_eq!((l.kind, l.id.as_str()), (LinkedKind::Report, id), "the id as Tandem writes it");
        let l = read(&format!("/referrals/{id}"));
        assert_eq!(l.path(true), format!("/referrals/{id}"));
        assert_eq!(EvidenceLink::other_side(&l.path(true)), format!("/violations/{id}"));
        assert_eq!(EvidenceLink::parse("   ").unwrap(), None, "blank is no link");
        for bad in [
            "https://evil.example",
            "/forums/x",
            &format!("/reports/{id}/contact"),
            "/reports/not-an-id",
            "reports",
        ] {
            assert_eq!(EvidenceLink::parse(bad).unwrap_err().field, "evidence_link", "{bad}");
        }
    }
}
