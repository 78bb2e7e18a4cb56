//! The registry of organisations (DESIGN §4.7): what a profile holds, who may see it, the
//! Better Peace criteria an organisation assesses itself against (context 002, ICAN's Better
//! Peace Tool), and the capacity map's rules — where an organisation is present doing which
//! joint activity, and the gaps: areas with no women-led or youth-led organisation, activities
//! no one does. No I/O: the caller gathers the presences. Who may see a profile is the store's
//! rule (`RegistryStore`), applied in every query that reads one.
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{self, list};
use crate::wheel::Activity;
use crate::{InvalidInput, Problem};

crate::word_list!(
    /// Who sees an organisation in the registry. A CSO under threat stays `hidden`: then no
    /// registry page, capacity map, gap count or endorsement shows it to anyone outside it.
    Visibility, "visibility", "is not public, members or hidden", {
        Public => "public",
        Members => "members",
        Hidden => "hidden",
    }
);

crate::word_list!(
    /// The Better Peace core values and commitments: all five are asked of a partner.
    CoreValue, "values", "is not one of the Better Peace core values", {
        NonViolence => "non_violence",
        HumanRights => "human_rights",
        GenderSensitivity => "gender_sensitivity",
        Independence => "independence",
        Inclusion => "inclusion",
    }
);

crate::word_list!(
    /// The Better Peace competencies: at least one is asked.
    Competency, "competencies", "is not one of the Better Peace competencies", {
        GroundRealities => "ground_realities",
        RepresentingWomen => "representing_women",
        AidLivelihoods => "aid_livelihoods",
        ArmedGroups => "armed_groups",
        CommunitySecurity => "community_security",
        Mediation => "mediation",
        SocialCohesion => "social_cohesion",
        Justice => "justice",
        Resources => "resources",
    }
);

crate::word_list!(
    /// The nature of an organisation's constituents: at least one is asked.
    Constituency, "constituency", "is not one of the Better Peace constituency criteria", {
        OnTheGround => "on_the_ground",
        Feedback => "feedback",
        Mobilise => "mobilise",
        Diverse => "diverse",
    }
);

/// Items one profile list may hold (areas, languages, constituencies).
pub const LIST_MAX: usize = 50;

/// A profile as it arrives from the API or the page.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProfileInput {
    pub mission: String,
    /// Area codes where it works (each with every area within it).
    #[serde(default)]
    pub areas: Vec<String>,
    /// The wheel's joint activities it takes part in.
    #[serde(default)]
    pub activities: Vec<String>,
    /// Whom it serves or speaks for, in its own words ("young women", "displaced families").
    #[serde(default)]
    pub constituencies: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// How the public reaches it; empty for none.
    #[serde(default)]
    pub contact: String,
    pub visibility: String,
    /// The self-assessment: the criteria it claims, by their words.
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub constituency: Vec<String>,
}

/// The Better Peace self-assessment: what an organisation claims of itself. Endorsements by
/// others are what make it more than a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BetterPeace {
    pub values: Vec<CoreValue>,
    pub competencies: Vec<Competency>,
    pub constituency: Vec<Constituency>,
}

impl BetterPeace {
    /// The tool's test: every core value, and at least one competency and one constituency
    /// criterion.
    pub fn meets_criteria(&self) -> bool {
        CoreValue::ALL.iter().all(|v| self.values.contains(v))
            && !self.competencies.is_empty()
            && !self.constituency.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileText {
    pub mission: String,
    pub areas: Vec<String>,
    pub activities: Vec<Activity>,
    pub constituencies: Vec<String>,
    pub languages: Vec<String>,
    pub contact: String,
    pub visibility: Visibility,
    pub assessment: BetterPeace,
}

/// Words from a fixed list, each once, in the list's order; an unknown one is refused as
/// `field`'s.
pub fn words<T: FromStr<Err = InvalidInput> + PartialEq + Copy>(
    field: &'static str,
    raw: &[String],
    all: &[T],
) -> Result<Vec<T>, InvalidInput> {
    let mut chosen = Vec::new();
    for w in raw.iter().flat_map(|r| r.split(',')).map(str::trim).filter(|w| !w.is_empty()) {
        let v = T::from_str(w).map_err(|e| InvalidInput { field, ..e })?;
        if !chosen.contains(&v) {
            chosen.push(v);
        }
    }
    Ok(all.iter().copied().filter(|v| chosen.contains(v)).collect())
}

impl ProfileInput {
    /// Checks the profile; `known_area` says whether a code names an area of the deployment.
    pub fn parse(&self, known_area: impl Fn(&str) -> bool) -> Result<ProfileText, InvalidInput> {
        let areas = list("areas", &self.areas, 40, LIST_MAX)?;
        if areas.is_empty() {
            return Err(
                InvalidInput::new("areas", "name at least one area it works in").because(Problem::NoneChosen)
            );
        }
        if let Some(a) = areas.iter().find(|a| !known_area(a)) {
            return Err(
                InvalidInput::new("areas", format!("no area has the code {a}")).because(Problem::Unknown)
            );
        }
        let contact = if self.contact.trim().is_empty() {
            String::new()
        } else {
            text::contact("contact", &self.contact, 3, 200)?
        };
        Ok(ProfileText {
            mission: text::multiline("mission", &self.mission, 10, 2_000)?,
            areas,
            activities: words("activities", &self.activities, Activity::ALL)?,
            constituencies: list("constituencies", &self.constituencies, 80, LIST_MAX)?,
            languages: list("languages", &self.languages, 40, LIST_MAX)?,
            contact,
            visibility: Visibility::from_str(&self.visibility)?,
            assessment: BetterPeace {
                values: words("values", &self.values, CoreValue::ALL)?,
                competencies: words("competencies", &self.competencies, Competency::ALL)?,
                constituency: words("constituency", &self.constituency, Constituency::ALL)?,
            },
        })
    }
}

/// An endorsement note: optional, at most 500 characters.
pub fn endorsement_note(raw: &str) -> Result<String, InvalidInput> {
    if raw.trim().is_empty() {
        return Ok(String::new());
    }
    text::multiline("note", raw, 3, 500)
}

/// Where a presence on the capacity map comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Source {
    /// The organisation's own profile: ongoing.
    Profile,
    /// A forum it is a member of (its meetings give the dates).
    Forum,
    /// A training it gave.
    Training,
    /// A programme of the funding register.
    Programme,
}

/// One line of the 4W: who does what, where, when, and how we know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presence {
    pub org: String,
    /// `None`: present without naming a joint activity (a profile that lists none).
    pub activity: Option<Activity>,
    pub area: String,
    pub from: Option<NaiveDate>,
    /// `None`: ongoing.
    pub to: Option<NaiveDate>,
    pub source: Source,
}

/// How long ago a dated presence may have ended and still count: twelve months, the wheel's
/// window.
pub const CURRENT_DAYS: i64 = 365;

impl Presence {
    /// Ongoing, or ended within the last twelve months, and begun by `today`.
    pub fn current(&self, today: NaiveDate) -> bool {
        self.to.is_none_or(|to| to >= today - Duration::days(CURRENT_DAYS))
            && self.from.is_none_or(|from| from <= today)
    }
}

/// What the forum kinds stand for on the wheel: a safety audit is an assessment, an oversight
/// forum monitoring; every other forum is where partners plan together.
pub fn forum_activity(kind: crate::forum::ForumKind) -> Activity {
    use crate::forum::ForumKind;
    match kind {
        ForumKind::SafetyAudit => Activity::Assessment,
        ForumKind::Oversight => Activity::Monitoring,
        _ => Activity::Planning,
    }
}

/// An area of the deployment: its code and the area it lies in.
#[derive(Debug, Clone)]
pub struct Place {
    pub code: String,
    pub parent: Option<String>,
}

/// An organisation as the gap analysis sees it.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub women_led: bool,
    pub youth_led: bool,
}

/// The gap analysis (`GET /api/v1/registry/gaps`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gaps {
    /// The finest areas (those with no area within them) where no women-led organisation is
    /// present, by code.
    pub areas_without_women_led: Vec<String>,
    pub areas_without_youth_led: Vec<String>,
    /// The joint activities no organisation does, in the area asked for (or anywhere).
    pub activities_without_actor: Vec<Activity>,
    /// For each finest area, the activities no one does there (areas missing none left out).
    pub activities_without_actor_by_area: BTreeMap<String, Vec<Activity>>,
}

/// Each area with the areas it lies in, itself first; a loop in the tree stops the walk.
fn ancestry(places: &[Place]) -> BTreeMap<&str, Vec<&str>> {
    let parent: BTreeMap<&str, Option<&str>> =
        places.iter().map(|p| (p.code.as_str(), p.parent.as_deref())).collect();
    places
        .iter()
        .map(|p| {
            let mut line = vec![p.code.as_str()];
            let mut at = p.parent.as_deref();
            while let Some(a) = at.filter(|a| !line.contains(a)) {
                line.push(a);
                at = parent.get(a).copied().flatten();
            }
            (p.code.as_str(), line)
        })
        .collect()
}

/// For each area, the organisations currently present in it or in an area it lies in.
pub fn present_in(
    places: &[Place],
    presences: &[Presence],
    today: NaiveDate,
) -> BTreeMap<String, BTreeSet<String>> {
    let up = ancestry(places);
    places
        .iter()
        .map(|place| {
            let line = &up[place.code.as_str()];
            let orgs = presences
                .iter()
                .filter(|p| p.current(today) && line.contains(&p.area.as_str()))
                .map(|p| p.org.clone())
                .collect();
            (place.code.clone(), orgs)
        })
        .collect()
}

/// The gaps among the current presences of `actors` over `places`. An organisation present in
/// an area is present in every area within it (a national network works in each district).
/// `area` narrows `activities_without_actor` to that area: presences in it, in an area it lies in
/// or in an area within it.
pub fn gaps(
    places: &[Place],
    actors: &[Actor],
    presences: &[Presence],
    today: NaiveDate,
    area: Option<&str>,
) -> Gaps {
    let up = ancestry(places);
    let parents: BTreeSet<&str> = places.iter().filter_map(|p| p.parent.as_deref()).collect();
    let finest: Vec<&str> = places.iter().map(|p| p.code.as_str()).filter(|c| !parents.contains(c)).collect();
    let actor: BTreeMap<&str, &Actor> = actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let current: Vec<&Presence> =
        presences.iter().filter(|p| p.current(today) && actor.contains_key(p.org.as_str())).collect();
    // Whether a presence in `at` covers `place`: `at` is the place or an area it lies in.
    let covers = |at: &str, place: &str| up.get(place).is_some_and(|line| line.contains(&at));
    let without = |flag: fn(&Actor) -> bool| -> Vec<String> {
        let mut out: Vec<String> = finest
            .iter()
            .filter(|place| !current.iter().any(|p| flag(actor[p.org.as_str()]) && covers(&p.area, place)))
            .map(|s| (*s).to_owned())
            .collect();
        out.sort();
        out
    };
    let missing = |place: Option<&str>| -> Vec<Activity> {
        Activity::ALL
            .iter()
            .copied()
            .filter(|act| {
                !current.iter().any(|p| {
                    p.activity == Some(*act)
                        && place.is_none_or(|pl| covers(&p.area, pl) || covers(pl, &p.area))
                })
            })
            .collect()
    };
    let by_area = finest
        .iter()
        .map(|place| ((*place).to_owned(), missing(Some(place))))
        .filter(|(_, m)| !m.is_empty())
        .collect();
    Gaps {
        areas_without_women_led: without(|a| a.women_led),
        areas_without_youth_led: without(|a| a.youth_led),
        activities_without_actor: missing(area),
        activities_without_actor_by_area: by_area,
    }
}

#[cfg(test)]
mod tests;
